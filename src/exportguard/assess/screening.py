"""Screening of parties, their named parents, the parents named inside unit names, and the bodies
the knowledge base links them to - behind one small function, ``screen_parties``.

The screening engine is anything with ``screen(Query) -> ScreenResponse`` (the real one is
``exportguard.match.screener.get_screener(store)``). Each query records how the screened name
relates to the party, because that decides what a hit means: a hit on the party itself or on the
bureau it is a branch of carries the listing's legal effect; a hit on a body that merely
administers it is a red flag and an open question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from exportguard.assess.kbrules import EffectRule
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.parties import PartyProfile
from exportguard.assess.text import fold_text
from exportguard.match.types import Query, ScreenResponse, SourceRef

POSSIBLE_MARGIN = 0.1  # results this far below the threshold are shown as possible matches
DIRECT = ("self", "rendering", "subunit_of", "part_of", "same_as")
OWNERSHIP = ("named_parent", "owned_by")
AFFILIATION = ("administered_by", "affiliated_with")
RELATION_ORDER = DIRECT + OWNERSHIP + AFFILIATION


class Screener(Protocol):
    def screen(self, query: Query) -> ScreenResponse: ...


@dataclass(frozen=True, slots=True)
class PlannedQuery:
    """One name to screen for one party, and how it relates to the party."""

    party: int
    name: str
    relation: str
    via: str | None
    schema: str
    countries: tuple[str, ...]


@dataclass
class Screening:
    """Screening responses per planned query, plus the engine's identity and the list versions."""

    threshold: float
    responses: list[tuple[PlannedQuery, ScreenResponse]] = field(default_factory=list)

    @property
    def first(self) -> ScreenResponse | None:
        return self.responses[0][1] if self.responses else None

    def for_party(self, index: int) -> list[tuple[PlannedQuery, ScreenResponse]]:
        return [(q, r) for q, r in self.responses if q.party == index]


def plan_queries(kb: Knowledge, profiles: Sequence[PartyProfile], destination: str) -> list[PlannedQuery]:
    """Every name to screen: each party (as written and rendered), parents and known affiliates."""
    planned: list[PlannedQuery] = []
    for p in profiles:
        schema = kb.party_kinds.kinds[p.kind].ftm_schema if p.kind else "LegalEntity"
        countries = ((p.party.country or destination).lower(),)
        wanted: list[tuple[str, str, str | None, str]] = [(p.party.name, "self", None, schema)]
        wanted += [(r, "rendering", None, schema) for r in p.renderings[:3]]
        if p.subunit_parent:
            wanted += [(n, "subunit_of", p.subunit_parent, schema) for n in [p.subunit_parent, *p.subunit_renderings]]
        if p.party.parent:
            wanted.append((p.party.parent, "named_parent", p.party.parent, "LegalEntity"))
        if p.body is not None:
            wanted += [(n, rel.relation, rel.target, "LegalEntity") for rel in p.body.related for n in rel.target_names]
        seen: set[tuple[str, str]] = set()
        for name, relation, via, query_schema in wanted:
            key = (fold_text(name), relation)
            if key not in seen:
                seen.add(key)
                planned.append(PlannedQuery(p.index, name, relation, via, query_schema, countries))
    return planned


def screen_parties(screener: Screener, queries: Sequence[PlannedQuery], *, threshold: float) -> Screening:
    """Screen every planned query once (identical names and countries share one call)."""
    screening = Screening(threshold)
    cache: dict[tuple[str, str, tuple[str, ...]], ScreenResponse] = {}
    lower = max(0.0, threshold - POSSIBLE_MARGIN)
    for q in queries:
        key = (fold_text(q.name), q.schema, q.countries)
        if key not in cache:
            cache[key] = screener.screen(Query(name=q.name, schema=q.schema, countries=list(q.countries), threshold=lower))
        screening.responses.append((q, cache[key]))
    return screening


def classify(kb: Knowledge, ref: SourceRef) -> tuple[str, EffectRule]:
    """The effect of one listing (first matching rule in list_effects.yml)."""
    haystack = " ".join([ref.sub_list or "", *ref.programmes]).lower()
    for rule in kb.list_effects.rules:
        if rule.source == ref.source and (rule.contains is None or rule.contains in haystack):
            return rule.effect, rule
    fallback = EffectRule(source=ref.source, effect="other", authority=ref.source, binds="unknown", cites=kb.list_effects.rules[-1].cites)
    return "other", fallback


def is_match(match: bool, score: float, threshold: float) -> bool:
    """A match at the assessment's threshold (queries ask for lower scores to show possible matches)."""
    return match and score >= threshold
