"""The name feature: the best-scoring pair of a query name form and an entity name form.

score = query coverage × (base + (1 − base) × candidate coverage), where coverage is the
rarity-and-kind-weighted share of tokens aligned, and ``base`` is how much an unmatched rest
of the candidate's name is forgiven: much for organisations (a brand, ``Hikvision``, against
the full legal name) when the matched words are distinctive name words (not places, legal forms
or generic words: ``Shihezi University`` is not ``Shihezi Public Security Bureau``), little for
people (``Sun`` is not ``Sun Jinlong``) unless two or more uncommon names all match. When the
entity's name is the one wholly contained in the query's (``AKHMAT MMA`` in ``AKHMAT MMA FIGHT CLUB``), the two coverages swap roles, on the
conditions ``name_score`` spells out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from exportguard.match.align import Alignment
from exportguard.normalize.tokens import Kind, token_kind

ORG_BASE = 0.75
PERSON_BASE = 0.3
PERSON_FULL_BASE = 0.45  # two or more name words matched (nearly) exactly
PERSON_CONTAINED_BASE = 0.55  # … and every query word matched, none of them a common name
CONTAINED_RARE_SHARE = 0.65  # of the rarest token's weight (Maria, Jose, Omar: 0.56–0.62)
FULL_NAME_MIN_SIM = 0.9
RARE_NAME_SHARE = 0.6  # of the rarest token's weight: both words of a list name inside a longer one
BRAND_COVERAGE = 0.5
OTHER_NAME_FACTOR = 0.5  # the forgiveness fades when less than this share of the candidate's name matched
SINGLE_WORD_PERSON_CAP = 0.6  # one matched name word is not a person match when the entity has more
SINGLE_WORD_FUZZY_CAP = 0.65  # nor is one name word matched only approximately (Linke / Linker)
SINGLE_WORD_MIN_SIM = 0.85
DISTINCT_SHARE = 0.8  # matched weight, as a share of a unique token's, that counts as distinctive
WEAK_ALIAS_FACTOR = 0.9
PLACE_CONFLICT_CAP = 0.6
LONG_ACRONYM = 6  # letters from which an acronym matching the words it abbreviates is not capped
ACRONYM_PAIR_CAP = 0.6  # the query's acronym matching a name: the query names another body in full (SMIC)


@dataclass(slots=True)
class NameMatch:
    score: float
    alignment: Alignment
    query_name: str
    query_how: str
    candidate_name: str
    candidate_how: str
    weak_alias: bool = False

    def detail(self) -> str:
        al = self.alignment
        parts = []
        for p in al.pairs:
            sign = "=" if p.how == "exact" else "≈"
            parts.append(
                f"{p.query}{sign}{p.candidate}" + ("" if p.how == "exact" else f" ({p.how} {p.sim:.2f})")
            )
        text = f"{self.query_name!r} matched entity name {self.candidate_name!r}"
        if self.query_how not in ("latin",):
            text += f" (query as {self.query_how})"
        if self.candidate_how not in ("latin",):
            text += f" (entity name as {self.candidate_how})"
        text += ": " + (", ".join(parts) if parts else "no tokens in common")
        if al.query_extra:
            text += f"; query words not matched: {' '.join(al.query_extra)}"
        if al.candidate_extra:
            text += f"; entity words not matched: {' '.join(al.candidate_extra)}"
        text += (
            f"; coverage {al.query_coverage:.2f} of the query, {al.candidate_coverage:.2f} of the entity name"
        )
        if self.weak_alias:
            text += "; weak alias"
        return text


def name_score(
    al: Alignment, person: bool, max_idf: float, weight: Callable[[str], float] | None = None
) -> float:
    """Combine the two coverages; see the module docstring."""
    cov_q = al.query_coverage
    if cov_q <= 0:
        return 0.0
    cov_c = al.candidate_coverage
    # The name whose words are (mostly) all matched is contained in the other one: a brand in the
    # full legal name, or a list entry's short name in a party's longer one, and the other way round.
    # A legal form the list name adds (CO. in AL HARAM TRANSFER CO.) does not stop it being contained.
    # A person's name with more words than the query's may be a relative's (RAGHAD SADDAM HUSSEIN
    # AL-TIKRITI is not SADDAM HUSSEIN AL-TIKRITI); an organisation's list name counts as contained in
    # the query only when every one of its words matched, two or more of them are name words, and
    # the query's other words name no place or district (the Tianshan district branch of a listed
    # bureau is a unit of it, which the assessment resolves, not the listed body itself).
    reverse = (
        cov_c > cov_q
        and not any(token_kind(t) not in (Kind.LEGAL, Kind.PARTICLE) for t in al.candidate_extra)
        and al.strong_matches >= 2
        and not any(token_kind(t) in (Kind.PLACE, Kind.ADMIN) for t in al.query_extra)
    )
    if person:
        # a listed given name and surname, both matched exactly, inside a fuller name that adds
        # one more name (Heidar PASANDIDEH / Heidar Mehdigholi PASANDIDEH)
        reverse = (
            reverse
            and al.strong_matches == 2
            and al.weakest_strong >= FULL_NAME_MIN_SIM
            and al.query_extra_strong <= 1
            and al.rarest_common >= RARE_NAME_SHARE * max_idf  # not ABDUL RAHMAN in a longer name
        )
    if not reverse:
        contained, container, extra_strong = cov_q, cov_c, al.candidate_extra_strong
    else:
        contained, container, extra_strong = cov_c, cov_q, al.query_extra_strong
    distinct = min(1.0, al.distinctive_matched / (DISTINCT_SHARE * max_idf))
    if person:
        full = al.strong_matches >= 2 and al.weakest_strong >= FULL_NAME_MIN_SIM
        person_base = PERSON_FULL_BASE if full else PERSON_BASE
        if (
            full
            and not reverse
            and not al.query_extra_strong
            and al.rarest_common >= CONTAINED_RARE_SHARE * max_idf
        ):
            # every name of the query in the list's fuller one, none of them common
            # (FLORES, Cilia / FLORES DE MADURO, Cilia Adela; not Maria LOPEZ in a longer name)
            person_base = PERSON_CONTAINED_BASE
        base = person_base * min(1.0, container / BRAND_COVERAGE)
    else:
        base = ORG_BASE * distinct * min(1.0, container / BRAND_COVERAGE)
        if extra_strong:
            base *= OTHER_NAME_FACTOR  # the rest of the longer name is more than places and trade words
    score = contained * (base + (1.0 - base) * container)
    if person and al.strong_matches < 2 and container < 1.0:
        score = min(score, SINGLE_WORD_PERSON_CAP)
    if al.strong_matches == 1 and al.weakest_strong < SINGLE_WORD_MIN_SIM:
        score = min(score, SINGLE_WORD_FUZZY_CAP)
    if al.acronym_matches and al.strong_matches <= al.acronym_matches and al.shortest_acronym < LONG_ACRONYM:
        # an acronym alone names many bodies (INRA, RVC): other name words must agree; six
        # letters, each the initial of a word, are a name of their own (VNIIEF: Vserossiyskiy
        # Nauchno-Issledovatelskiy Institut Eksperimentalnoy Fiziki)
        score = min(score, ACRONYM_PAIR_CAP)
    if not person and _names_place(al.query_extra) and _names_place(al.candidate_extra):
        # each name has a place of its own: AL-HARAMAYN FOUNDATION (KENYA) / (TANZANIA), JUND
        # AL-KHILAFAH IN TUNISIA / IN ALGERIA are two designations
        score = min(score, PLACE_CONFLICT_CAP)
    return score


def _names_place(tokens: list[str]) -> bool:
    return any(token_kind(t) is Kind.PLACE for t in tokens)
