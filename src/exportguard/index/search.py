"""Candidate generation: which entities may a query name be? Query tokens (and their fuzzy
neighbours) are looked up in the postings, forms are ranked by the share of query weight they
cover (and, among the best, by the share of their own weight covered), and the best forms'
entities are returned, a few groups more than the caller asked for."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from exportguard.index.data import IndexData
from exportguard.index.fuzzy import neighbours, skeleton_key
from exportguard.match.align import ACRONYM_SIM, MAX_ACRONYM, MIN_ACRONYM, acronym_run, initial_letters
from exportguard.normalize.adjectives import adjective_stem, noun_forms, stems_of_noun
from exportguard.normalize.given_names import given_name_spellings
from exportguard.normalize.phonetics import begin_alike, is_vowelless, spelling_key
from exportguard.normalize.tokens import is_weak, place_spellings

FUZZY_SIM = 0.8  # retrieval credit for a token one edit away
SKELETON_SIM = 0.75
SPELLING_SIM = 0.95
GIVEN_NAME_SIM = 0.85  # another spelling of one given name (data/normalize/given_names.yml)
ADJECTIVE_SIM = 0.85  # a place's adjective for the place (Sevastopolskiy / Sevastopol)
RERANK = 400  # forms re-ranked with their own coverage
MIN_RETRIEVAL = 0.15
MIN_FUZZY_JOIN = 6
LONG_TOKEN = 14  # from this length tokens up to LONG_EDITS apart are looked up (as match.similarity allows)
LONG_EDITS = 3
LONG_PREFIX = 6  # … among those that begin with the same letters
LONG_FUZZY_SIM = 0.75
MAX_LONG_NEIGHBOURS = 200


@dataclass(slots=True)
class Candidate:
    entity: int
    retrieval: float  # ranking score: query coverage, tempered by the form's own coverage
    coverage: float  # estimated share of the query's weight the entity's best form covers
    forms: list[int]  # the entity's forms that share tokens with the query (empty: score all)


def token_matches(ix: IndexData, token: str, fuzzy: bool = True, abjad: bool = False) -> dict[int, float]:
    """Indexed token ids that may be ``token``, with a similarity in (0, 1]; ``abjad``: the token is
    romanised from Arabic or Hebrew script, which writes long vowels but not short ones."""
    out: dict[int, float] = {}
    tid = ix.vocab.get(token)
    if tid is not None:
        out[tid] = 1.0
    if not fuzzy:
        return out
    for other, dist in neighbours(ix.delete_keys, ix.tokens, token):
        if dist and (token[0] == ix.tokens[other][0] or len(token) >= 5):
            out.setdefault(other, FUZZY_SIM)
    key = spelling_key(token)
    for other in ix.spellings.get(key, ()):
        out.setdefault(other, SPELLING_SIM)
    for alt in (key, *place_spellings(token)):
        other_id = ix.vocab.get(alt)
        if other_id is not None:
            out.setdefault(other_id, SPELLING_SIM)
    stem = adjective_stem(token)
    if stem is not None:  # Sevastopolskiy finds Sevastopol, Yaroslavskiy Yaroslavl
        for noun in noun_forms(stem):
            other_id = ix.vocab.get(noun)
            if other_id is not None:
                out.setdefault(other_id, ADJECTIVE_SIM)
    else:  # and the other way round
        for noun_stem in stems_of_noun(token):
            for other_id in ix.adjectives.get(noun_stem, ()):
                out.setdefault(other_id, ADJECTIVE_SIM)
    for alt in given_name_spellings(token):  # Ismail / Esmail, Abdelrazak / Abdurazak
        other_id = ix.vocab.get(alt)
        if other_id is not None:
            out.setdefault(other_id, GIVEN_NAME_SIM)
    if len(token) >= LONG_TOKEN and tid is None:
        for other, dist in long_neighbours(ix, token):
            out.setdefault(other, FUZZY_SIM if dist == 1 else LONG_FUZZY_SIM)
    skel = skeleton_key(token)
    if skel is not None:
        # a vowelless romanisation (mhmd), or any word romanised from an abjad (الاتحاد athad, its
        # long vowels written), finds the vowelled spellings (ITIHAAD); a vowelled word the
        # romanised Arabic-script names
        every = abjad or is_vowelless(token)
        pool = ix.skeletons if every else ix.vowelless_skeletons()
        for other in pool.get(skel, ()):
            word = ix.tokens[other]
            if 2 * min(len(token), len(word)) >= max(len(token), len(word)) and (
                not abjad or begin_alike(token, word)
            ):
                out.setdefault(other, SKELETON_SIM)
    return out


def long_neighbours(ix: IndexData, token: str) -> list[tuple[int, int]]:
    """(token id, edit distance) of long indexed tokens that begin like ``token`` and are within
    three edits of it (TransKomplektKholdynh / TransKomplektHolding), which the one-edit deletion
    neighbourhood does not reach."""
    long = ix.long_tokens(LONG_TOKEN)
    prefix = token[:LONG_PREFIX]
    out: list[tuple[int, int]] = []
    i = bisect_left(long, (prefix, -1))
    while i < len(long) and long[i][0].startswith(prefix) and len(out) < MAX_LONG_NEIGHBOURS:
        other, tid = long[i]
        i += 1
        dist = OSA.distance(token, other, score_cutoff=LONG_EDITS)
        if 0 < dist <= LONG_EDITS:
            out.append((tid, dist))
    return out


def split_match(ix: IndexData, token: str) -> tuple[int, int] | None:
    """Two indexed tokens that written together give ``token`` (Lebramoon -> lebra moon),
    the rarest such pair; None when the token is indexed itself or has no such split."""
    if len(token) < 5 or token in ix.vocab:
        return None
    best: tuple[int, int] | None = None
    best_df = 0
    for i in range(2, len(token) - 1):
        a, b = ix.vocab.get(token[:i]), ix.vocab.get(token[i:])
        if a is not None and b is not None:
            df = ix.df(a) + ix.df(b)
            if best is None or df < best_df:
                best, best_df = (a, b), df
    return best


def _keys(tokens: Sequence[str]) -> list[tuple[str, tuple[int, ...]]]:
    """Lookup keys: each token, and joins of adjacent tokens (pinyin written apart or together)."""
    keys: list[tuple[str, tuple[int, ...]]] = [(t, (i,)) for i, t in enumerate(tokens)]
    for i in range(len(tokens) - 1):
        keys.append((tokens[i] + tokens[i + 1], (i, i + 1)))
        if i + 2 < len(tokens):
            keys.append((tokens[i] + tokens[i + 1] + tokens[i + 2], (i, i + 1, i + 2)))
    return keys


def _acronym_keys(ix: IndexData, tokens: Sequence[str]) -> list[tuple[int, range]]:
    """Indexed acronyms the initials of 4–6 adjacent query words spell (ISLAMIC REVOLUTION GUARDS
    CORPS finds IRGC GROUND FORCES), with the positions they stand for."""
    out: list[tuple[int, range]] = []
    if len(tokens) < MIN_ACRONYM:
        return out
    letters = initial_letters(tokens)
    for size in range(MIN_ACRONYM, min(MAX_ACRONYM, len(tokens)) + 1):
        for i in range(len(tokens) - size + 1):
            tid = ix.vocab.get(letters[i : i + size])
            if tid is not None and not is_weak(ix.tokens[tid]) and acronym_run(tokens[i : i + size]):
                out.append((tid, range(i, i + size)))
    return out


def _form_scores(ix: IndexData, tokens: Sequence[str], abjad: bool = False) -> dict[int, float]:
    weights = [ix.token_weight(t) for t in tokens]
    total = sum(weights) or 1.0
    strong = [not is_weak(t) for t in tokens]
    any_strong = any(strong)
    acc: dict[int, float] = {}
    weak_ids: list[tuple[int, float]] = []
    for key, positions in _keys(tokens):
        if any_strong and not any(strong[p] for p in positions):
            # weak words (Co., Trading, al) never drive candidate generation, but they count for
            # the forms the strong words found (Hassan Scientific Corporation among 450 Hassans)
            tid = ix.vocab.get(key) if len(positions) == 1 else None
            if tid is not None:
                weak_ids.append((tid, weights[positions[0]]))
            continue
        w = sum(weights[p] for p in positions)
        best: dict[int, float] = {}
        single = len(positions) == 1
        # a syllable written apart (Na Walna / NAUALNA) is also looked up fuzzily, joined
        fuzzy = single or (
            len(key) >= MIN_FUZZY_JOIN
            and any(len(tokens[p]) <= 2 for p in positions)
            and not any(is_weak(tokens[p]) for p in positions)
        )
        for tid, sim in token_matches(ix, key, fuzzy=fuzzy, abjad=abjad).items():
            credit = sim * w
            for form in ix.posting(tid):
                if best.get(form, 0.0) < credit:
                    best[form] = credit
        if single:
            halves = split_match(ix, key)
            for tid in halves or ():
                for form in ix.posting(tid):
                    if best.get(form, 0.0) < w:
                        best[form] = best.get(form, 0.0) + w / 2
        for form, credit in best.items():
            acc[form] = acc.get(form, 0.0) + credit
    for tid, run in _acronym_keys(ix, tokens):
        w = ACRONYM_SIM * sum(weights[p] for p in run)
        for form in ix.posting(tid):
            acc[form] = acc.get(form, 0.0) + w
    for tid, w in weak_ids:
        if ix.df(tid) < len(acc):
            for form in ix.posting(tid):
                if form in acc:
                    acc[form] += w
        else:
            for form in acc:
                if tid in ix.form_tokens[form]:
                    acc[form] += w
    return {form: min(1.0, v / total) for form, v in acc.items()}


def search(
    ix: IndexData,
    forms: Sequence[Sequence[str]],
    *,
    allowed: Callable[[int], bool] | None = None,
    groups: int = 10,
    identifiers: Sequence[str] = (),
    min_coverage: float = MIN_RETRIEVAL,
    abjad: Sequence[bool] = (),
) -> list[Candidate]:
    """Entities that may match any of the query ``forms``: the best ``groups`` groups' worth
    (plus a margin), best first. ``allowed`` filters entities (schema, source); entities whose
    best form covers less than ``min_coverage`` of the query are left out (a name score never
    exceeds the share of the query covered). ``abjad``: by position, whether a form is romanised
    from Arabic or Hebrew script."""
    best_form: dict[int, float] = {}
    for k, tokens in enumerate(forms):
        for form, cov in _form_scores(ix, tokens, abjad=k < len(abjad) and abjad[k]).items():
            if cov > best_form.get(form, 0.0):
                best_form[form] = cov
    # forms below the floor are never used: leave them out before ranking (the same top forms)
    top = heapq.nlargest(RERANK, [kv for kv in best_form.items() if kv[1] >= min_coverage], key=lambda kv: kv[1])
    entity_score: dict[int, float] = {}
    entity_cov: dict[int, float] = {}
    entity_forms: dict[int, list[int]] = {}
    qweight = _query_weight(ix, forms)
    for form, cov in top:
        own = ix.form_weight(form) or 1.0
        # Approximate own coverage: the query weight covered, relative to the form's weight.
        score = cov * (0.6 + 0.4 * min(1.0, cov * qweight / own))
        ent = ix.form_entity[form]
        entity_forms.setdefault(ent, []).append(form)
        if score > entity_score.get(ent, 0.0):
            entity_score[ent] = score
        if cov > entity_cov.get(ent, 0.0):
            entity_cov[ent] = cov
    for ident in identifiers:
        for ent in ix.identifiers.get(ident, ()):
            entity_score[ent] = entity_cov[ent] = 1.0
            entity_forms[ent] = []
    ranked = sorted(entity_score.items(), key=lambda kv: -kv[1])
    out: list[Candidate] = []
    seen_groups: set[int] = set()
    budget = groups + 10
    for ent, score in ranked:
        if allowed is not None and not allowed(ent):
            continue
        gid = ix.entity_group[ent]
        if gid not in seen_groups:
            if len(seen_groups) >= budget:
                continue
            seen_groups.add(gid)
        out.append(Candidate(ent, score, entity_cov[ent], entity_forms[ent]))
    return out


def _query_weight(ix: IndexData, forms: Sequence[Sequence[str]]) -> float:
    return max((sum(ix.token_weight(t) for t in tokens) for tokens in forms), default=1.0)
