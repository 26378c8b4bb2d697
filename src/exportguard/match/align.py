"""Token alignment of two name forms: the best one-to-one pairing of query and candidate tokens,
after joining adjacent tokens that one side writes together (Jin Long / Jinlong, Hik Vision).
Order does not matter, so ``SUN, Jinlong`` aligns with ``Jinlong Sun``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from exportguard.match.similarity import token_similarity
from exportguard.normalize.phonetics import spelling_key
from exportguard.normalize.tokens import (
    KIND_WEIGHT,
    PLACE_EXTRA_FACTOR,
    Kind,
    is_strong,
    names_body,
    token_kind,
)

MAX_JOIN = 3
JOIN_SIM = 0.8
ACRONYM_SIM = 0.9  # an acronym for the words it abbreviates: likely the body, not certainly
MIN_ACRONYM, MAX_ACRONYM = 4, 6  # letters (= words) of an acronym read from initials (MAN is a word)


@dataclass(slots=True)
class Pair:
    query: str
    candidate: str
    sim: float
    how: str


@dataclass(slots=True)
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    query_extra: list[str] = field(default_factory=list)
    candidate_extra: list[str] = field(default_factory=list)
    query_total: float = 0.0
    query_matched: float = 0.0
    candidate_total: float = 0.0
    candidate_matched: float = 0.0
    distinctive_matched: float = 0.0  # query weight matched exactly on name words of 3+ letters
    strong_matches: int = 0  # pairs of name words (not places, legal forms, generic words)
    weakest_strong: float = 1.0  # lowest similarity among those pairs
    rarest_common: float = float("inf")  # lowest weight (rarity) among those pairs' query words
    candidate_extra_strong: int = 0  # unmatched name words of the candidate
    query_extra_strong: int = 0  # unmatched name words of the query
    acronym_matches: int = 0  # pairs of an acronym and the words it abbreviates (IRGC)
    shortest_acronym: int = 0  # letters of the shortest such acronym (0: none)

    @property
    def query_coverage(self) -> float:
        return self.query_matched / self.query_total if self.query_total else 0.0

    @property
    def candidate_coverage(self) -> float:
        return self.candidate_matched / self.candidate_total if self.candidate_total else 0.0


def join_runs(tokens: Sequence[str], other: set[str], abjad: bool = False) -> list[str]:
    """Join runs of 2–3 adjacent tokens whose concatenation is (or is close to) a token of
    ``other`` that is not among ``tokens``: Jin Long / Jinlong, Abd Allh / Abdallah (``abjad``:
    one name is romanised from Arabic or Hebrew script, and consonants may make them close)."""
    extra = other.difference(tokens)
    if not extra or len(tokens) < 2:
        return list(tokens)
    long_extra = [(e, len(e)) for e in extra if len(e) > 5]
    if not any(len(t) > 3 for t in extra):
        return list(tokens)
    legal = [token_kind(t) is Kind.LEGAL for t in tokens]
    firsts = {e[0] for e, _ in long_extra}
    key_firsts = {spelling_key(e)[:1] for e, _ in long_extra}

    def begins_like_one(i: int, word: str) -> bool:
        """Whether ``word``, joined from ``tokens[i]`` on, begins like a long extra word, as
        :func:`_close_to_one` requires (the key's first letter depends on a word's first four
        letters only, so a long first token's cached key tells it)."""
        head = tokens[i] if len(tokens[i]) >= 4 else word
        return word[0] in firsts or spelling_key(head)[:1] in key_firsts

    def joined(i: int, size: int) -> str | None:
        if any(legal[i : i + size]):
            return None  # a legal form is not half of a word (LLC Kaliningradnefteproduct)
        word = "".join(tokens[i : i + size])
        close = word in extra or (
            long_extra and begins_like_one(i, word) and _close_to_one(word, long_extra, abjad)
        )
        return word if close and not _matches_alone(tokens[i : i + size], other, extra) else None

    return _replace_runs(tokens, range(MAX_JOIN, 1, -1), joined)[0]


def _replace_runs(
    tokens: Sequence[str], sizes: range, word_for: Callable[[int, int], str | None]
) -> tuple[list[str], dict[int, str]]:
    """``tokens`` with, from left to right, the longest run (of ``sizes``, longest first) that
    ``word_for(start, size)`` gives a word for replaced by that word; and, by position in the
    result, the words each replaced."""
    out: list[str] = []
    runs: dict[int, str] = {}
    i = 0
    while i < len(tokens):
        for size in sizes:
            word = word_for(i, size) if i + size <= len(tokens) else None
            if word is not None:
                runs[len(out)] = " ".join(tokens[i : i + size])
                out.append(word)
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out, runs


def _close_to_one(joined: str, words: list[tuple[str, int]], abjad: bool = False) -> bool:
    """Whether ``joined`` reaches JOIN_SIM with one of ``words`` (word, length): words that begin
    alike (the same letter, or the same after romanisation variants are folded: Dzh / J) and are
    at most twice as long as each other (no similarity reaches it beyond)."""
    n = len(joined)
    first = joined[0]
    key_first = ""
    for e, length in words:
        if not (2 * length >= n and 2 * n >= length):
            continue
        if e[0] != first:
            key_first = key_first or spelling_key(joined)[:1]
            if spelling_key(e)[:1] != key_first:
                continue
        if token_similarity(joined, e, abjad=abjad)[0] >= JOIN_SIM:
            return True
    return False


def initial_letters(tokens: Sequence[str]) -> str:
    """The first letters of ``tokens``, as an acronym of them would be written."""
    return "".join(t[0] for t in tokens)


def acronym_run(words: Sequence[str]) -> bool:
    """Words an acronym may stand for: letters only, no legal form or particle among them (CO. LTD.
    is no SACL, MOHAMED AL NASSER no MAN)."""
    return all(w.isalpha() and token_kind(w) not in (Kind.LEGAL, Kind.PARTICLE) for w in words)


def acronym_runs(tokens: Sequence[str], other: Sequence[str]) -> tuple[list[str], dict[int, str]]:
    """``tokens`` with each run of 4–6 words whose initials spell a word of ``other`` replaced by
    that word (ISLAMIC REVOLUTION GUARDS CORPS / IRGC), and, by position, the words it replaced.
    Organisations only: a person's initials are no acronym. Not when ``tokens`` has the acronym
    already: the name then says what it abbreviates, and those words must match on their own."""
    if len(tokens) < MIN_ACRONYM:
        return list(tokens), {}
    letters = initial_letters(tokens)
    wanted = {
        t for t in other
        if MIN_ACRONYM <= len(t) <= MAX_ACRONYM and t in letters and t.isalpha() and is_strong(t)
        and t not in tokens
    }  # fmt: skip  (a name that gives its own acronym, DAEDONG CREDIT BANK (DCB), keeps its words)
    if not wanted:
        return list(tokens), {}

    def acronym(i: int, size: int) -> str | None:
        word = letters[i : i + size]
        return word if word in wanted and acronym_run(tokens[i : i + size]) else None

    return _replace_runs(tokens, range(MAX_ACRONYM, MIN_ACRONYM - 1, -1), acronym)


def _repeats(tokens: Sequence[str], used: set[int]) -> set[int]:
    """Positions of unmatched tokens equal to a matched one."""
    if len(set(tokens)) == len(tokens):
        return set()
    matched = {tokens[i] for i in used}
    return {i for i, t in enumerate(tokens) if i not in used and t in matched}


def _matches_alone(pieces: Sequence[str], other: set[str], extra: set[str]) -> bool:
    """Whether a piece of a run already is a word of the other name (ایوب بشیر, romanised aywb
    bshyr, against AYYUB BASHIR: bshyr is bashir; joined, aywbbshyr only looks like it)."""
    return any(
        p in other or any(len(e) > 3 and token_similarity(p, e)[0] >= JOIN_SIM for e in extra)
        for p in pieces
        if len(p) > 3
    )


def align(
    query: Sequence[str],
    candidate: Sequence[str],
    weight: Callable[[str], float],
    initials: bool = False,
    abjad: bool = False,
    korean: bool = False,
    chinese: bool = False,
) -> Alignment:
    """Greedy best-first one-to-one alignment; coverage is weighted by ``weight`` (rarity × kind)."""
    q = join_runs(query, set(candidate), abjad)
    c = join_runs(candidate, set(q), abjad)
    q_runs: dict[int, str] = {}
    c_runs: dict[int, str] = {}
    if not initials:
        q, q_runs = acronym_runs(q, c)
        c, c_runs = acronym_runs(c, q)
    wq = [weight(t) for t in q]
    wc = [weight(t) for t in c]
    scored: list[tuple[float, int, int, float, str]] = []
    for i, a in enumerate(q):
        for j, b in enumerate(c):
            if i in q_runs or j in c_runs:
                sim, how = (ACRONYM_SIM, "acronym") if a == b and not (i in q_runs and j in c_runs) else (0.0, "")
            else:
                sim, how = token_similarity(a, b, initials, abjad, korean, chinese)
            if sim > 0:
                scored.append((sim * (wq[i] + wc[j]), i, j, sim, how))
    scored.sort(key=lambda x: -x[0])
    used_q: set[int] = set()
    used_c: set[int] = set()
    res = Alignment()
    for _rank, i, j, sim, how in scored:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        res.pairs.append(Pair(q_runs.get(i, q[i]), c_runs.get(j, c[j]), sim, how))
        res.query_matched += sim * wq[i]
        if is_strong(q[i]) or how == "initial":
            res.strong_matches += 1
            if how == "acronym":
                res.acronym_matches += 1
                res.shortest_acronym = min(res.shortest_acronym or len(q[i]), len(q[i]))
            res.weakest_strong = min(res.weakest_strong, sim if how != "consonants" else 0.0)
            res.rarest_common = min(res.rarest_common, wq[i])
            if how == "exact" and len(q[i]) >= 3:
                res.distinctive_matched += wq[i]
        res.candidate_matched += sim * wc[j]
    # A word an organisation's name repeats counts once (CJSC VAD AKTSIONERNOE OBSHCHESTVO VAD, one
    # CSL name); a person's repeated name is another person's (IBRAHIM SABAWI IBRAHIM: his father).
    q_skip = used_q if initials else used_q | _repeats(q, used_q)
    c_skip = used_c if initials else used_c | _repeats(c, used_c)
    res.query_total = sum(w for i, w in enumerate(wq) if i in used_q or i not in q_skip)
    res.candidate_total = sum(w for j, w in enumerate(wc) if j in used_c or j not in c_skip)
    res.query_extra = [t for i, t in enumerate(q) if i not in q_skip]
    res.candidate_extra = [t for j, t in enumerate(c) if j not in c_skip]
    res.candidate_extra_strong = sum(1 for t in res.candidate_extra if is_strong(t))
    res.query_extra_strong = sum(1 for t in res.query_extra if is_strong(t))
    if res.pairs:
        res.query_total -= _place_discount(res.query_extra, res.candidate_extra, weight)
        res.candidate_total -= _place_discount(res.candidate_extra, res.query_extra, weight)
        conflict_q, conflict_c = _generic(res.query_extra), _generic(res.candidate_extra)
        if conflict_q and conflict_c and not all(names_body(t) for t in (*conflict_q, *conflict_c)):
            # Each side names a different kind of body (BANK / GENERAL TRADING): those words
            # count in full, not as the weak trade words they are when only one side has them.
            # Two words for a form of body are translations (GENERAL AUTHORITY / ORGANIZATION).
            res.query_total += sum(_full_extra(t, weight) for t in conflict_q)
            res.candidate_total += sum(_full_extra(t, weight) for t in conflict_c)
    return res


def _generic(tokens: list[str]) -> list[str]:
    return [t for t in tokens if token_kind(t) is Kind.GENERIC]


def _full_extra(token: str, weight: Callable[[str], float]) -> float:
    """What a generic word's weight lacks of a name word's of the same rarity."""
    return weight(token) * (1.0 / KIND_WEIGHT[Kind.GENERIC] - 1.0)


def _place_discount(extra: list[str], other_extra: list[str], weight: Callable[[str], float]) -> float:
    """Weight taken off unmatched place names when the other side has no unmatched word of its own."""
    if any(is_strong(t) or token_kind(t) is Kind.PLACE for t in other_extra):
        return 0.0
    return sum((1.0 - PLACE_EXTRA_FACTOR) * weight(t) for t in extra if token_kind(t) is Kind.PLACE)
