"""Assess one case end to end: products, parties and screening, destination, red flags, decision."""

from __future__ import annotations

from datetime import UTC, date, datetime

from exportguard import __version__
from exportguard.assess.capabilities import profile_product
from exportguard.assess.caseload import LoadedCase
from exportguard.assess.controls import assess_controls, is_eu_member, log_controls, regime_on
from exportguard.assess.decision import DecisionInput, decide_legal
from exportguard.assess.destination import assess_destination
from exportguard.assess.findings import FindingLog
from exportguard.assess.hitcheck import HitChecker
from exportguard.assess.hits import collect_hits
from exportguard.assess.kbmodels import Cite
from exportguard.assess.knowledge import Knowledge, load_knowledge
from exportguard.assess.names import NameTools
from exportguard.assess.parties import party_affiliations, profile_party
from exportguard.assess.questions import open_questions
from exportguard.assess.recommendation import recommend
from exportguard.assess.redflags import FlagContext, apply_red_flags
from exportguard.assess.results import (
    Assessment,
    CaseInfo,
    Citation,
    ListVersionOut,
    NotEvaluatedOut,
    PartyAssessment,
    ProductAssessment,
    RuleSetInfo,
    ScreeningInfo,
)
from exportguard.assess.screening import Screener, plan_queries, screen_parties
from exportguard.match.types import DEFAULT_THRESHOLD


def _scope(kb: Knowledge, loaded: LoadedCase, log: FindingLog) -> None:
    case = loaded.case
    regime = regime_on(kb, case.date)
    log.add(rule=f"SCOPE-{regime.id}", topic="scope", severity="info", subject="case", cites=regime.cites,
            title=f"Rules in force on {case.date.isoformat()}: {regime.title}",
            detail="Annex I entries and catch-alls are applied as they stood on the case date." + ("" if regime.cyber_surveillance_catch_all else " This regime had no catch-all for cyber-surveillance items."))
    cites = kb.destinations.eu_members.cites
    if not is_eu_member(kb, case.exporter.country, case.date):
        log.add(rule="SCOPE-NON-EU", topic="scope", severity="aggravating", subject="exporter", cites=cites,
                title=f"Exporter in {case.exporter.country}, outside the EU on the case date: EU dual-use rules not applied",
                detail="Sanctions and US-list screening and the human-rights assessment still apply; the exporter's national export-control regime must be checked separately.")
    elif is_eu_member(kb, case.destination.country, case.date):
        log.add(rule="SCOPE-INTRA-EU", topic="scope", severity="info", subject="destination", cites=cites,
                title="Destination inside the EU: an intra-Union transfer, not an export",
                detail="Only Annex IV items need an authorisation for intra-Union transfers (Art. 11); Annex I licensing and Art. 5 apply to exports leaving the Union.")


def _summary(a: Assessment) -> str:
    flags = a.red_flags
    counts = {s: sum(1 for f in flags if f.severity == s) for s in ("hard_stop", "critical", "aggravating")}
    dest = a.destination
    region = f", region {dest.region_name}" if dest.region else ""
    tier = dest.tier.replace("_", " ") if dest.tier else "unknown"
    drivers = ", ".join(f"{fid} ({a.finding(fid).title})" for fid in a.recommendation.drivers[:3])
    parts = [
        f"Legal outcome {a.legal.outcome}: {a.legal.text}",
        f"Recommendation {a.recommendation.outcome}: {a.recommendation.text}",
        f"Destination {dest.country_name}{region}: {tier} risk.",
        f"Red flags: {counts['hard_stop']} hard stop, {counts['critical']} critical, {counts['aggravating']} aggravating.",
    ]
    if drivers:
        parts.append(f"Driven by {drivers}.")
    if a.recommendation.open_questions:
        parts.append(f"{len(a.recommendation.open_questions)} open question(s) for the exporter.")
    return " ".join(parts)


def _bibliography(a: Assessment) -> list[Citation]:
    seen: dict[tuple[str, str], Citation] = {}
    groups = [f.sources for f in a.findings] + [r.sources for r in a.red_flags] + [a.legal.sources, a.recommendation.sources, a.destination.sources]
    groups += [c.sources for c in a.recommendation.conditions] + [n.sources for n in a.not_evaluated]
    groups += [m.sources for p in a.products for m in p.control_entries]
    for group in groups:
        for c in group:
            seen.setdefault((c.source, c.title), c.model_copy(update={"at": None}))
    return sorted(seen.values(), key=lambda c: (c.evidence == "L", c.source))


def _list_age(kb: Knowledge, lists: list[ListVersionOut], today: date, stale_after_days: int, log: FindingLog) -> None:
    old = []
    for v in lists:
        as_of = (v.as_of or "")[:10]
        try:
            age: int | None = (today - date.fromisoformat(as_of)).days
        except ValueError:
            age = None
        if age is None:
            old.append(f"{v.source} (no as-of date)")
        elif age > stale_after_days:
            old.append(f"{v.source} (as of {as_of}, {age} days)")
    if old:
        log.add(rule="SCOPE-LIST-AGE", topic="scope", severity="info", subject="case", cites=[Cite(source="eg_rules")],
                title=f"{len(old)} list(s) older than {stale_after_days} days",
                detail="Screening used: " + "; ".join(old) + ". Update the lists (exportguard lists update) before relying on a negative result.")


def assess_case(
    loaded: LoadedCase,
    screener: Screener,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    now: datetime | None = None,
    stale_after_days: int | None = None,
) -> Assessment:
    """Assess a validated case with the given screening engine.

    ``now`` fixes the timestamp (for reproducible reports); ``stale_after_days`` adds a finding
    naming the lists older than that on the day of the assessment.
    """
    now = now or datetime.now(UTC)
    kb = load_knowledge()
    tools = NameTools(kb)
    case = loaded.case
    log = FindingLog(kb)
    _scope(kb, loaded, log)
    products = [profile_product(kb, p, i, log) for i, p in enumerate(case.products)]
    controls = [assess_controls(kb, p, case, log) for p in products]
    for p, c in zip(products, controls, strict=True):
        log_controls(kb, p, c, log)
    parties = [profile_party(kb, tools, case, p, i, log) for i, p in enumerate(case.parties)]
    screening = screen_parties(screener, plan_queries(kb, parties, case.destination.country), threshold=threshold)
    checker = HitChecker(kb, tools)
    hits = {p.index: collect_hits(kb, checker, screening, p, log) for p in parties}
    destination = assess_destination(kb, tools, case, parties, log)
    red_flags = apply_red_flags(FlagContext(kb, case, products, parties, hits, destination), log)
    d = DecisionInput(kb, products, controls, parties, hits, red_flags, destination, log, case.authority_informed, case.date)
    legal = decide_legal(d)
    questions = open_questions(d, case, legal)
    recommendation = recommend(d, case, legal, questions)
    first = screening.first
    lists = [ListVersionOut(source=v.source, version=v.version, as_of=v.as_of) for v in (first.lists if first else [])]
    if stale_after_days is not None:
        _list_age(kb, lists, now.date(), stale_after_days, log)
    assessment = Assessment(
        generated_at=now.isoformat(timespec="seconds"),
        tool_version=__version__,
        reference=case.reference,
        case_date=case.date.isoformat(),
        summary="",
        legal=legal,
        recommendation=recommendation,
        products=[
            ProductAssessment(
                index=p.index, name=p.product.name, description=p.product.description, origin=p.product.origin,
                subject_to_ear=p.product.subject_to_ear, capabilities=list(p.capabilities.values()), negated_mentions=p.negated,
                categories=p.categories, control_entries=c.entries, declared_checks=c.declared, art2_20=c.art2_20, art5=c.art5,
            )
            for p, c in zip(products, controls, strict=True)
        ],
        parties=[
            PartyAssessment(
                index=p.index, role=p.role, name=p.party.name, country=p.party.country, address=p.party.address,
                parent=p.party.parent, kind=p.kind, kind_declared=p.party.kind, kind_inferred=p.kind_inferred,
                kind_evidence=p.kind_evidence, renderings=p.renderings + ([f"pinyin: {p.pinyin}"] if p.pinyin else []),
                screened_names=[q.name for q, _ in screening.for_party(p.index)], hits=hits[p.index].hits,
                possible_matches=hits[p.index].possible, affiliations=party_affiliations(log, p), region=p.region,
                concerns=[c.text for c in p.body.concerns] if p.body else [],
            )
            for p in parties
        ],
        red_flags=red_flags,
        destination=destination.assessment,
        findings=log.items,
        not_evaluated=[NotEvaluatedOut(id=n.id, text=n.text, sources=log.cite(n.cites)) for n in kb.decision.not_evaluated],
        screening=ScreeningInfo(
            algorithm_name=first.algorithm_name if first else None,
            algorithm_version=first.algorithm_version if first else None,
            threshold=threshold,
            lists=lists,
            queries=len({q.name for q, _ in screening.responses}),
        ),
        ruleset=RuleSetInfo(name=kb.ruleset.name, version=kb.ruleset.version, fingerprint=kb.ruleset.fingerprint, knowledge_as_of=kb.ruleset.knowledge_as_of),
        case=CaseInfo(source=loaded.source, sha256=loaded.sha256, format=loaded.format, data=case.model_dump(mode="json", exclude_defaults=True)),
        bibliography=[],
    )
    assessment.summary = _summary(assessment)
    assessment.bibliography = _bibliography(assessment)
    return assessment

