"""Plausibility checks on screening candidates, from what the knowledge base knows about names.

Names of public bodies share generic words ("Municipal Public Security Bureau"); what tells them
apart is the place and the kind of body. A candidate is dismissed (kept visible, but not treated as
a match) when
* both names name places and none of the query's places is, contains or lies in a candidate's
  place (the Shanghai bureau is not the Kelamayi bureau; the Urumqi bureau lies in Xinjiang);
* both names show a kind of body and the kinds are incompatible (the XPCC is not the XPCC's public
  security bureau);
* for a near miss only: the candidate's listed countries exclude the query's country.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from exportguard.assess.kbrules import Place
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.names import NameTools
from exportguard.assess.parties import infer_kinds

COMPATIBLE_KINDS = [{"public_security", "police"}, {"university", "research"}]


class HitChecker:
    def __init__(self, kb: Knowledge, tools: NameTools) -> None:
        self.kb = kb
        self.tools = tools

    @cached_property
    def places(self) -> dict[str, Place]:
        return {p.id: p for p in self.kb.places.places}

    def place_ids(self, text: str) -> set[str]:
        every = {p.country for p in self.kb.places.places}
        return {pid for pid, _, _ in self.tools.places_in(text, every)}

    def contains(self, outer: str, inner: str) -> bool:
        a, b = self.places[outer], self.places[inner]
        if outer == inner or outer in b.within:
            return True
        if a.level == "country":
            return a.country == b.country
        if a.level == "region":
            return a.region is not None and a.region == b.region
        return False

    def place_conflict(self, query: str, candidate_names: Sequence[str]) -> str | None:
        mine = self.place_ids(query)
        theirs: set[str] = set()
        for name in candidate_names:
            theirs |= self.place_ids(name)
        if not mine or not theirs:
            return None
        if any(self.contains(a, b) or self.contains(b, a) for a in mine for b in theirs):
            return None
        return f"different places: {', '.join(sorted(mine))} in the screened name, {', '.join(sorted(theirs))} in the listed name"

    def kind_conflict(self, query: str, caption: str) -> str | None:
        mine, _ = infer_kinds(self.kb, [("query", query), *[("query", r) for r in self.tools.render_zh(query)[:1]]])
        theirs, _ = infer_kinds(self.kb, [("candidate", caption)])
        if not mine or not theirs or mine[0] == theirs[0] or "company" in (mine[0], theirs[0]):
            return None
        if any({mine[0], theirs[0]} <= group for group in COMPATIBLE_KINDS):
            return None
        return f"different kinds of body: {mine[0].replace('_', ' ')} in the screened name, {theirs[0].replace('_', ' ')} in the listed name"

    def dismissal(self, query: str, caption: str, aliases: Sequence[str]) -> str | None:
        return self.place_conflict(query, [caption, *aliases]) or self.kind_conflict(query, caption)


def country_conflict(query_countries: Sequence[str], listed: Sequence[str]) -> bool:
    return bool(query_countries) and bool(listed) and not set(query_countries) & {c.lower() for c in listed}
