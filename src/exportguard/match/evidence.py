"""Secondary evidence: birth date, country, identifiers and address raise or lower a name
score; each step is explained with the two values behind it."""

from __future__ import annotations

from dataclasses import dataclass

from exportguard.index.data import Evidence

IDENTIFIER_FLOOR = 0.9
IDENTIFIER_BONUS = 0.05
DATE_MATCH = 0.05
DATE_MONTH_DAY_MISMATCH = -0.1
DATE_YEAR_MISMATCH = -0.25
COUNTRY_MATCH = 0.03
COUNTRY_MISMATCH = -0.1
ADDRESS_MATCH = 0.03


@dataclass(slots=True)
class Step:
    feature: str
    delta: float
    detail: str
    query_value: str | None
    candidate_value: str | None


def compare_dates(query: str, candidate: tuple[str, ...]) -> Step | None:
    if not candidate:
        return None
    shown = ", ".join(candidate)
    for date in candidate:
        n = min(len(date), len(query))
        if date[:n] == query[:n]:
            return Step("birth_date", DATE_MATCH, f"birth date {query} agrees with {date}", query, date)
    q_year = int(query[:4])
    if any(abs(int(d[:4]) - q_year) <= 1 for d in candidate):
        near = [d for d in candidate if int(d[:4]) == q_year]
        if near:
            return Step(
                "birth_date",
                DATE_MONTH_DAY_MISMATCH,
                f"same birth year, but {query} differs from {near[0]}",
                query,
                near[0],
            )
        return Step("birth_date", 0.0, f"birth date {query} is within a year of {shown}", query, shown)
    return Step("birth_date", DATE_YEAR_MISMATCH, f"birth date {query} contradicts {shown}", query, shown)


def compare_countries(query: list[str], candidate: tuple[str, ...]) -> Step | None:
    if not query or not candidate:
        return None
    shared = [c for c in query if c in candidate]
    if shared:
        return Step(
            "country",
            COUNTRY_MATCH,
            f"country {', '.join(shared)} in common",
            ", ".join(query),
            ", ".join(candidate),
        )
    return Step("country", COUNTRY_MISMATCH, "no country in common", ", ".join(query), ", ".join(candidate))


def compare_identifiers(query: list[str], candidate: tuple[str, ...]) -> Step | None:
    shared = [i for i in query if i in candidate]
    if shared:
        return Step("identifier", IDENTIFIER_BONUS, f"identifier {shared[0]} matches", shared[0], shared[0])
    return None


def compare_address(query: frozenset[str], candidate: frozenset[str]) -> Step | None:
    if not query or not candidate:
        return None
    shared = sorted(query & candidate)
    if len(shared) >= 2 or (shared and len(query) == 1):
        return Step(
            "address",
            ADDRESS_MATCH,
            f"address words in common: {' '.join(shared)}",
            " ".join(sorted(query)),
            " ".join(shared),
        )
    return None


def evidence_steps(
    ev: Evidence | None,
    countries: list[str],
    birth_date: str | None,
    identifiers: list[str],
    address: frozenset[str],
) -> list[Step]:
    """Every evidence step that applies, in a fixed order."""
    if ev is None:
        return []
    steps: list[Step | None] = [
        compare_identifiers(identifiers, ev.identifiers),
        compare_dates(birth_date, ev.birth_dates) if birth_date else None,
        compare_countries(countries, ev.countries),
        compare_address(address, ev.address_tokens),
    ]
    return [s for s in steps if s is not None]


def apply_steps(name_score: float, steps: list[Step]) -> float:
    """The final score: an identifier match lifts the score to a floor, other steps add."""
    score = name_score
    for step in steps:
        if step.feature == "identifier":
            score = max(score, IDENTIFIER_FLOOR)
        score += step.delta
    return max(0.0, min(1.0, score))
