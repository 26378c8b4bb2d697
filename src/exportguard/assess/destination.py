"""Destination risk: V-Dem indicators for the country, a tier from the rule set's thresholds, and
curated sub-national overrides (Xinjiang, Tibet, occupied territories) that national scores hide.

The region is the one the case names (``destination.region``) or, failing that, the one a party's
name or address or the end-use text places the export in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rigour.territories import get_territory

from exportguard.assess.casefile import Case
from exportguard.assess.controls import is_eu_export
from exportguard.assess.findings import FindingLog
from exportguard.assess.kbrules import Measure, Region
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.names import NameTools
from exportguard.assess.parties import PartyProfile
from exportguard.assess.results import DestinationAssessment, Evidence
from exportguard.normalize.countries import country_name

TIER_ORDER = {"low": 0, "medium": 1, "high": 2, "very_high": 3}


@dataclass
class DestinationResult:
    assessment: DestinationAssessment
    region: Region | None = None
    measures: list[Measure] = field(default_factory=list)
    located: bool = False  # a region, or a known place of a party in the destination country

    @property
    def tier(self) -> str | None:
        return self.assessment.tier


def vdem_row(kb: Knowledge, country: str) -> str | None:
    code = kb.destinations.vdem_codes.get(country)
    if code is None:
        territory = get_territory(country.lower())
        code = territory.alpha3.upper() if territory is not None and territory.alpha3 else None
    return code if code in kb.indicators else None


def tier_for(kb: Knowledge, values: dict[str, float]) -> str:
    for rule in kb.destinations.tiers:
        for key, limit in rule.any.items():
            column = key.removesuffix("_below")
            if column in values and values[column] < limit:
                return rule.id
        if not rule.any:
            return rule.id
    return "low"


def _region(kb: Knowledge, tools: NameTools, case: Case, parties: list[PartyProfile]) -> tuple[str | None, str | None, list[Evidence]]:
    """(region id, basis, evidence): declared region first, then parties, then the end-use text."""
    country = case.destination.country
    declared = case.destination.region
    if declared:
        for place_id, region, matched in tools.places_in(declared, {country}):
            if region:
                return region, "declared in destination.region", [Evidence(field="destination.region", excerpt=declared, match=matched, term=place_id)]
        for rid, reg in kb.subnational.regions.items():
            if country in reg.countries and reg.name.lower() in declared.lower():
                return rid, "declared in destination.region", [Evidence(field="destination.region", excerpt=declared, match=declared)]
    for p in parties:
        if p.region and (p.party.country in (None, country)):
            return p.region, f"inferred from {p.subject}", p.region_evidence
    for place_id, region, matched in tools.places_in(case.end_use, {country}):
        if region:
            return region, "inferred from end_use", [Evidence(field="end_use", excerpt=case.end_use or "", match=matched, term=place_id)]
    return None, None, []


def assess_destination(kb: Knowledge, tools: NameTools, case: Case, parties: list[PartyProfile], log: FindingLog) -> DestinationResult:
    country = case.destination.country
    region_id, basis, evidence = _region(kb, tools, case, parties)
    region = kb.subnational.regions.get(region_id) if region_id else None
    national_row = vdem_row(kb, country)
    row_id = region.vdem_row if region is not None and region.vdem_row else national_row
    columns = kb.destinations.indicators.columns
    values = {k: float(v) for k, v in kb.indicators[row_id].items() if k in columns} if row_id else {}
    national = tier_for(kb, {k: float(v) for k, v in kb.indicators[national_row].items() if k in columns}) if national_row else None
    tier = tier_for(kb, values) if values else None
    if region is not None and (tier is None or TIER_ORDER[region.tier] > TIER_ORDER[tier]):
        tier = region.tier
    measures = [m for m in kb.destinations.restrictive_measures if m.country == country and m.since <= case.date]
    cites = list(kb.destinations.indicators.cites) + (list(region.cites) if region else [])
    assessment = DestinationAssessment(
        country=country, country_name=country_name(country), region=region_id,
        region_name=region.name if region else case.destination.region, region_basis=basis,
        tier=tier, national_tier=national, vdem_row=row_id, indicators=values,  # type: ignore[arg-type]
        indicator_labels=dict(columns), eu_export=is_eu_export(kb, case),
        restrictive_measures=[m.title for m in measures], sources=log.cite(cites),
    )
    if tier is None:
        log.add(rule="DEST-NODATA", topic="destination", severity="aggravating", subject="destination", cites=kb.destinations.indicators.cites,
                title=f"No country indicators for {country}", detail="The shipped V-Dem subset has no row for this destination; assess the country's human-rights record by hand.")
    else:
        shown = ", ".join(f"{k} {v:.2f}" for k, v in values.items() if k in ("v2x_civlib", "v2x_clphy", "v2x_freexp_altinf", "v2x_regime"))
        log.add(rule="DEST-TIER", topic="destination", severity="info", subject="destination", cites=[*kb.destinations.indicators.cites, *kb.destinations.tiers[0].cites],
                title=f"Destination risk tier: {tier.replace('_', ' ')} ({assessment.country_name})", detail=f"V-Dem v14 row {row_id}: {shown}. National tier {national or 'unknown'}.")
    if region is not None:
        log.add(rule="DEST-REGION", topic="destination", severity="aggravating", subject="destination", cites=region.cites, evidence=evidence,
                title=f"Sub-national override: {region.name} ({region.tier.replace('_', ' ')} risk)", detail=f"{region.reason} Region {basis}.")
    located = region is not None or any(p.places and p.party.country in (None, country) for p in parties)
    return DestinationResult(assessment, region, measures, located)
