"""Screening hits per party: what matched, through which relation, on which list, with what effect.

One finding per hit names the list (source, version, as-of date, entity ID) and the rule that gives
the listing its effect; possible matches below the threshold are kept for review by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exportguard.assess.findings import SEVERITY_ORDER, FindingLog, worst
from exportguard.assess.hitcheck import HitChecker, country_conflict
from exportguard.assess.kbmodels import Cite
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.parties import PartyProfile
from exportguard.assess.results import Citation, ExplanationOut, Finding, Hit, ListingOut
from exportguard.assess.screening import (
    AFFILIATION,
    DIRECT,
    OWNERSHIP,
    POSSIBLE_MARGIN,
    RELATION_ORDER,
    Screening,
    classify,
    is_match,
)
from exportguard.match.types import Result, ScreenResponse

RELATION_TEXT = {
    "self": "the party's own name",
    "rendering": "the English rendering of the party's name",
    "subunit_of": "the body the party is a unit of (from its name)",
    "named_parent": "the parent or administering body named in the case file",
    "part_of": "the body the party is part of (knowledge base)",
    "same_as": "another name of the party (knowledge base)",
    "owned_by": "the party's owner (knowledge base)",
    "administered_by": "the body that administers the party (knowledge base)",
    "affiliated_with": "a body the party is affiliated with (knowledge base)",
}
MAX_POSSIBLE = 3  # near misses shown per party
SHOWN_PROPERTIES = ("country", "address", "alias", "programId", "notes", "sourceUrl")


@dataclass
class PartyHits:
    hits: list[Hit] = field(default_factory=list)
    possible: list[Hit] = field(default_factory=list)
    finding_of: dict[str, Finding] = field(default_factory=dict)  # hit ID -> its finding


def _hit(kb: Knowledge, query: str, relation: str, via: str | None, result: Result) -> tuple[Hit, list[Cite]]:
    listings = []
    cites: list[Cite] = []
    for ref in result.sources:
        effect, rule = classify(kb, ref)
        cites.extend(c for c in rule.cites if c not in cites)
        listings.append(
            ListingOut(
                source=ref.source, entity_id=ref.entity_id, sub_list=ref.sub_list, programmes=list(ref.programmes),
                listed_on=ref.listed_on, effect=effect, effect_summary=kb.list_effects.effects[effect].summary,
                authority=rule.authority, binds=rule.binds,
            )
        )
    props = {k: v[:5] for k, v in result.properties.items() if k in SHOWN_PROPERTIES}
    explanation = [
        ExplanationOut(feature=e.feature, score=e.score, weight=e.weight, detail=e.detail, query_value=e.query_value, candidate_value=e.candidate_value)
        for e in result.explanation
    ]
    hit = Hit(
        query=query, relation=relation, via=via, id=result.id, caption=result.caption, schema_name=result.schema,
        score=round(result.score, 4), match=result.match, listings=listings, properties=props, explanation=explanation,
    )
    return hit, cites


def hit_severity(kb: Knowledge, hit: Hit) -> str:
    """Severity of a hit: the listing's own for direct relations, at least critical otherwise."""
    base = worst(kb.list_effects.effects[li.effect].severity for li in hit.listings)
    if hit.relation in DIRECT:
        return base
    if hit.relation in OWNERSHIP:
        return base if SEVERITY_ORDER[base] >= SEVERITY_ORDER["critical"] else "critical"
    return "critical"


def _citations(hit: Hit, response: ScreenResponse, cites: list[Cite], log: FindingLog) -> list[Citation]:
    """The list data behind the hit (source, version, as-of date, entity ID), then the effect rules."""
    versions = {v.source: v for v in response.lists}
    out: list[Citation] = []
    for li in hit.listings:
        v = versions.get(li.source)
        version = f"version {v.version}, as of {v.as_of or 'unknown'}" if v else "version unknown"
        title = f"{li.source} ({version})" + (f": {li.sub_list}" if li.sub_list else "")
        out.append(Citation(source=li.source, title=title, at=f"entity {li.entity_id}", url=None, evidence="L"))
    return out + [c for c in log.cite(cites) if c not in out]


def collect_hits(kb: Knowledge, checker: HitChecker, screening: Screening, profile: PartyProfile, log: FindingLog) -> PartyHits:
    best: dict[str, tuple[Hit, ScreenResponse, list[Cite]]] = {}
    lower = max(0.0, screening.threshold - POSSIBLE_MARGIN)
    for q, response in screening.for_party(profile.index):
        for result in response.results:
            if result.score < lower:
                continue
            hit, cites = _hit(kb, q.name, q.relation, q.via, result)
            dismissed = checker.dismissal(q.name, result.caption, result.properties.get("alias", []))
            if dismissed is None and not is_match(result.match, result.score, screening.threshold):
                if country_conflict(q.countries, result.properties.get("country", [])):
                    dismissed = "a near miss listed for another country"
            if dismissed is not None:
                hit = hit.model_copy(update={"dismissed": dismissed})
            current = best.get(hit.id)
            if current is None or _rank(hit, screening.threshold) < _rank(current[0], screening.threshold):
                best[hit.id] = (hit, response, cites)
    out = PartyHits()
    ranked = sorted(best.values(), key=lambda item: _rank(item[0], screening.threshold))
    for hit, _, _ in ranked:
        if _matched(hit, screening.threshold):
            out.hits.append(hit)
        elif len(out.possible) < MAX_POSSIBLE:
            out.possible.append(hit)
    for hit, response, cites in ranked:
        matched = hit in out.hits
        open_near_miss = hit in out.possible and hit.dismissed is None and not out.hits
        if matched or open_near_miss:  # near misses matter while the party is unidentified
            out.finding_of[hit.id] = _log_hit(kb, hit, _citations(hit, response, cites, log), profile, log, matched)
    return out


def _matched(hit: Hit, threshold: float) -> bool:
    return hit.dismissed is None and is_match(hit.match, hit.score, threshold)


def _rank(hit: Hit, threshold: float) -> tuple[bool, bool, int, float]:
    """Matches first, then open near misses, then the closest relation and the best score."""
    return not _matched(hit, threshold), hit.dismissed is not None, RELATION_ORDER.index(hit.relation), -hit.score


def _log_hit(kb: Knowledge, hit: Hit, citations: list[Citation], profile: PartyProfile, log: FindingLog, matched: bool) -> Finding:
    lists = "; ".join(f"{li.source}" + (f" / {li.sub_list}" if li.sub_list else "") + (f" [{', '.join(li.programmes)}]" if li.programmes else "") for li in hit.listings)
    effects = "; ".join(f"{li.effect}: {li.effect_summary} Binds: {li.binds}." for li in hit.listings)
    via = f" via {hit.via}" if hit.via and hit.relation not in ("self", "rendering") else ""
    if not matched:
        return log.add(
            rule="SCREEN-POSSIBLE", topic="party", severity="aggravating", subject=profile.subject,
            citations=citations,
            title=f"Possible match to review: '{hit.query}' ~ {hit.caption} (score {hit.score:.2f})",
            detail=f"Below the match threshold ({lists}). Compare identifiers, addresses and countries before deciding it is not the same body.",
        )
    meaning = {
        **dict.fromkeys(DIRECT, "The listing applies to the party itself."),
        **dict.fromkeys(OWNERSHIP, "The party is presumed owned or controlled by the listed body unless shown otherwise (OFAC 50% rule; EU ownership-and-control test)."),
        **dict.fromkeys(AFFILIATION, "The listing does not apply to the party by itself; the tie is a critical red flag and the ownership and control of the party must be clarified."),
    }[hit.relation]
    return log.add(
        rule="SCREEN-" + "/".join(sorted({li.effect for li in hit.listings})).upper(),
        topic="party",
        severity=hit_severity(kb, hit),  # type: ignore[arg-type]
        subject=profile.subject,
        citations=citations,
        title=f"{profile.party.name}{via}: listed as {hit.caption} ({lists})",
        detail=f"Screened name '{hit.query}' ({RELATION_TEXT[hit.relation]}) matched with score {hit.score:.2f}. {meaning} {effects}",
    )
