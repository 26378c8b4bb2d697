"""The name feature: the best-scoring pair of a query name form and an entity name form.

score = query coverage × (base + (1 − base) × candidate coverage), where coverage is the
rarity-and-kind-weighted share of tokens aligned, and ``base`` is how much an unmatched rest
of the candidate's name is forgiven: much for organisations (a brand, ``Hikvision``, against
the full legal name) when the matched words are distinctive name words (not places, legal forms
or generic words: ``Shihezi University`` is not ``Shihezi Public Security Bureau``), little for
people (``Sun`` is not ``Sun Jinlong``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from exportguard.match.align import Alignment

ORG_BASE = 0.75
PERSON_BASE = 0.3
BRAND_COVERAGE = 0.5
OTHER_NAME_FACTOR = 0.5  # the forgiveness fades when less than this share of the candidate's name matched
SINGLE_WORD_PERSON_CAP = 0.6  # one matched name word is not a person match when the entity has more
SINGLE_WORD_FUZZY_CAP = 0.65  # nor is one name word matched only approximately (Linke / Linker)
SINGLE_WORD_MIN_SIM = 0.85
DISTINCT_SHARE = 0.8  # matched weight, as a share of a unique token's, that counts as distinctive
WEAK_ALIAS_FACTOR = 0.9


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
    distinct = min(1.0, al.distinctive_matched / (DISTINCT_SHARE * max_idf))
    base = (PERSON_BASE if person else ORG_BASE) * distinct * min(1.0, cov_c / BRAND_COVERAGE)
    if al.candidate_extra_strong and not person:
        base *= OTHER_NAME_FACTOR  # the rest of the candidate's name is more than places and trade words
    score = cov_q * (base + (1.0 - base) * cov_c)
    if person and al.strong_matches < 2 and cov_c < 1.0:
        score = min(score, SINGLE_WORD_PERSON_CAP)
    if al.strong_matches == 1 and al.weakest_strong < SINGLE_WORD_MIN_SIM:
        score = min(score, SINGLE_WORD_FUZZY_CAP)
    return score
