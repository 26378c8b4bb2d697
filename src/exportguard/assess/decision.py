"""The decision: legal duties (kept apart) and the human-rights recommendation.

Legal outcome, most severe first: ``STOP_SANCTIONS`` (asset freeze, transaction ban or export
denial on a party or the body it is a unit of or owned by) > ``LICENCE_REQUIRED`` (Annex I or
national entry, the exporter's own listed classification, an Art. 5(1) notice, or a BIS Entity
List party for items subject to the EAR) > ``NOTIFY_AUTHORITY`` (Art. 5(2): a non-listed
cyber-surveillance candidate and critical due-diligence findings) > ``NO_LEGAL_REQUIREMENT_FOUND``.
The recommendation (``questions.py`` adds what is still unknown) follows ``decision.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exportguard.assess.capabilities import ProductProfile
from exportguard.assess.controls import ControlResult
from exportguard.assess.destination import DestinationResult
from exportguard.assess.findings import FindingLog
from exportguard.assess.hits import PartyHits
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.parties import PartyProfile
from exportguard.assess.results import Finding, Hit, LegalDuty, LegalResult, RedFlag
from exportguard.assess.screening import DIRECT, OWNERSHIP

LEGAL_ORDER = ["STOP_SANCTIONS", "LICENCE_REQUIRED", "NOTIFY_AUTHORITY", "NO_LEGAL_REQUIREMENT_FOUND"]


@dataclass
class DecisionInput:
    kb: Knowledge
    products: list[ProductProfile]
    controls: list[ControlResult]
    parties: list[PartyProfile]
    hits: dict[int, PartyHits]
    red_flags: list[RedFlag]
    destination: DestinationResult
    log: FindingLog
    authority_informed: bool
    case_date: date

    def findings_for_flags(self, ids: set[str]) -> list[Finding]:
        return [f for f in self.log.items if f.topic == "red_flag" and f.rule in ids]

    @property
    def us_nexus(self) -> bool | None:
        values = [p.us_nexus for p in self.products]
        if any(v is True for v in values):
            return True
        return False if values and all(v is False for v in values) else None


def awareness_flags(d: DecisionInput) -> list[RedFlag]:
    rule = d.kb.decision.awareness
    return [f for f in d.red_flags if f.severity in rule.severities and f.category in rule.categories and f.id not in rule.exclude]


def _duty(d: DecisionInput, rule: str, findings: list[Finding], text: str | None = None) -> LegalDuty:
    spec = d.kb.decision.legal[rule]
    return LegalDuty(outcome=spec.outcome, rule=rule, text=text or spec.text, findings=[f.id for f in findings])  # type: ignore[arg-type]


def _in_force_outcomes(d: DecisionInput, p: PartyProfile, hit: Hit) -> set[str | None]:
    """Legal outcomes of the hit's listings, leaving out listings made after the case date."""
    outcomes: set[str | None] = set()
    late: list[str] = []
    for li in hit.listings:
        outcome = d.kb.list_effects.effects[li.effect].legal_outcome
        if li.listed_on and li.listed_on[:10] > d.case_date.isoformat():
            late.append(f"{li.sub_list or li.source} on {li.listed_on[:10]}")
        else:
            outcomes.add(outcome)
    if late:
        d.log.add(rule="SCREEN-LATER-LISTING", topic="party", severity="info", subject=p.subject, cites=d.kb.decision.legal["L-NONE"].cites,
                  title=f"{hit.caption} was listed after the case date ({'; '.join(late)})",
                  detail="Legal duties are assessed as they stood on the case date; a later listing creates no duty for this export but remains a red flag.")
    return outcomes


def _party_duties(d: DecisionInput) -> list[LegalDuty]:
    duties: list[LegalDuty] = []
    freeze: list[Finding] = []
    entity_list: list[Finding] = []
    for p in d.parties:
        for hit in d.hits[p.index].hits:
            outcomes = _in_force_outcomes(d, p, hit)
            finding = d.hits[p.index].finding_of[hit.id]
            if "STOP_SANCTIONS" in outcomes and hit.relation in DIRECT + OWNERSHIP:
                freeze.append(finding)
            if "LICENCE_REQUIRED" in outcomes and hit.relation in DIRECT:
                entity_list.append(finding)
    if freeze:
        duties.append(_duty(d, "L-SANCTIONS", freeze))
    if entity_list:
        nexus = d.us_nexus
        if nexus is False:
            d.log.add(rule="L-ENTITY-LIST", topic="legal", severity="info", cites=d.kb.decision.legal["L-ENTITY-LIST"].cites,
                      title="Entity List licence requirement does not attach: the items are declared not subject to the EAR",
                      detail="US jurisdiction under the EAR reaches only US-origin items, foreign items above the de minimis US content and certain direct products. The listing remains a red flag (E1).")
        else:
            qualifier = "" if nexus else " Whether the items are subject to the EAR is not stated; the requirement applies unless the exporter shows they are not (US-origin items, foreign items above the de minimis US content, certain direct products)."
            duties.append(_duty(d, "L-ENTITY-LIST", entity_list, d.kb.decision.legal["L-ENTITY-LIST"].text + qualifier))
    return duties


def _item_duties(d: DecisionInput) -> list[LegalDuty]:
    duties: list[LegalDuty] = []
    eu_export = d.destination.assessment.eu_export
    national = {e.id for e in d.kb.controls.entries if e.jurisdiction}
    for profile, result in zip(d.products, d.controls, strict=True):
        if not eu_export:
            continue
        for m in result.listed:
            rule = "L-DECLARED" if m.strength == "declared" else "L-NATIONAL" if m.id in national else "L-ANNEX-I"
            findings = [f for f in d.log.items if f.subject == profile.subject and f.rule == m.id]
            duties.append(_duty(d, rule, findings, f"{m.list_name} {m.id}: {d.kb.decision.legal[rule].text}"))
        if result.art5.applies:
            art5_findings = [f for f in d.log.items if f.subject == profile.subject and f.rule in ("ART5", "ART2(20)")]
            if d.authority_informed:
                duties.append(_duty(d, "L-ART5-1", art5_findings + d.findings_for_flags({"R1"})))
            aware = awareness_flags(d)
            if aware:
                ids = ", ".join(f.id for f in aware)
                text = f"{profile.product.name}: {d.kb.decision.legal['L-ART5-2'].text} Red flags treated as awareness: {ids}."
                duties.append(_duty(d, "L-ART5-2", art5_findings + d.findings_for_flags({f.id for f in aware}), text))
    return duties


def decide_legal(d: DecisionInput) -> LegalResult:
    duties = _party_duties(d) + _item_duties(d)
    for duty in duties:
        finding = d.log.add(rule=duty.rule, topic="legal", severity="hard_stop" if duty.outcome == "STOP_SANCTIONS" else "critical",
                            title=f"{duty.outcome}: {d.kb.decision.legal[duty.rule].title}", detail=duty.text, cites=d.kb.decision.legal[duty.rule].cites)
        duty.findings.append(finding.id)
    if duties:
        top = min(duties, key=lambda x: LEGAL_ORDER.index(x.outcome))
        rule, outcome = top.rule, top.outcome
    else:
        rule, outcome = "L-NONE", "NO_LEGAL_REQUIREMENT_FOUND"
        d.log.add(rule="L-NONE", topic="legal", severity="info", title="No legal requirement found",
                  detail=d.kb.decision.legal["L-NONE"].text, cites=d.kb.decision.legal["L-NONE"].cites)
    spec = d.kb.decision.legal[rule]
    return LegalResult(outcome=outcome, rule=rule, text=spec.text, duties=duties, sources=d.log.cite(spec.cites))
