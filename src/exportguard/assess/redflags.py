"""Red flags: the catalogue in ``red_flags.yml`` applied to the case.

Each flag's ``when`` is a list of alternatives; every condition of one alternative must hold. The
evidence of every condition that held is kept (the wording that triggered it, the party, the hit),
and the flag's severity is raised for the destination's risk tier where the catalogue says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from exportguard.assess.capabilities import ProductProfile
from exportguard.assess.casefile import Case
from exportguard.assess.destination import DestinationResult
from exportguard.assess.findings import SEVERITY_ORDER, FindingLog, evidence_from, holds, worst
from exportguard.assess.hits import PartyHits, hit_severity
from exportguard.assess.kbrules import RedFlagDef, Trigger
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.parties import PartyProfile
from exportguard.assess.results import Evidence, RedFlag
from exportguard.assess.vocab import INTERMEDIARY_ROLES

Match = tuple[list[str], list[Evidence]]  # subjects, evidence


@dataclass
class FlagContext:
    kb: Knowledge
    case: Case
    products: list[ProductProfile]
    parties: list[PartyProfile]
    hits: dict[int, PartyHits]
    destination: DestinationResult

    def texts(self, fields: Sequence[str]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if "end_use" in fields and self.case.end_use:
            out.append(("end_use", self.case.end_use))
        if "products" in fields:
            for p in self.products:
                out += [(f"{p.subject}.name", p.product.name), (f"{p.subject}.description", p.product.description)]
        if "parties" in fields:
            for q in self.parties:
                out += [(f"{q.subject}.name", q.party.name)] + ([(f"{q.subject}.address", q.party.address)] if q.party.address else [])
        return out


def _capability(ctx: FlagContext, t: Trigger) -> Match | None:
    found = [p for p in ctx.products if holds(t.capability, p.flags)]
    if not found:
        return None
    assert t.capability is not None
    wanted = set(t.capability.any + t.capability.all)
    evidence = [ev for p in found for flag in sorted(wanted & p.flags) for ev in p.capabilities[flag].evidence[:1]]
    return [p.subject for p in found], evidence


def _text(ctx: FlagContext, t: Trigger) -> Match | None:
    assert t.text is not None
    terms = ctx.kb.text_lists[t.text.term_list]
    evidence = [evidence_from(h, name) for name, text in ctx.texts(t.text.fields) for h in terms.find(text, ctx.kb.negation) if not h.negated]
    return ([], evidence) if evidence else None


def _party_kind(ctx: FlagContext, t: Trigger) -> Match | None:
    assert t.party_kind is not None
    found = [p for p in ctx.parties if p.kind in t.party_kind.kinds and (not t.party_kind.roles or p.role in t.party_kind.roles)]
    evidence = [ev for p in found for ev in p.kind_evidence[:1]]
    return ([p.subject for p in found], evidence) if found else None


def _screening(ctx: FlagContext, t: Trigger) -> Match | None:
    assert t.screening is not None
    subjects: list[str] = []
    evidence: list[Evidence] = []
    for p in ctx.parties:
        for hit in ctx.hits[p.index].hits:
            if hit.relation in t.screening.relations:
                subjects.append(p.subject)
                lists = ", ".join(li.sub_list or li.source for li in hit.listings)
                evidence.append(Evidence(field=f"{p.subject}.name", excerpt=f"{hit.query} → {hit.caption} ({lists})", match=hit.query, term=hit.relation))
    return (subjects, evidence) if subjects else None


def _ev(field_name: str, excerpt: str, match: str) -> Evidence:
    return Evidence(field=field_name, excerpt=excerpt, match=match)


def _fact(ctx: FlagContext, name: str, t: Trigger) -> Match | None:
    """One condition that needs no wording: the fact itself is the evidence."""
    case, dest = ctx.case, ctx.destination
    where = dest.assessment
    if name == "known_concern":
        found = [p for p in ctx.parties if p.body is not None and p.body.concerns]
        return ([p.subject for p in found], [_ev(f"{p.subject}.name", f"{p.party.name}: {p.body.concerns[0].text}", p.party.name) for p in found if p.body]) if found else None
    if name == "opaque_chain":
        chain = case.parties_in(*INTERMEDIARY_ROLES)
        if not chain or case.parties_in("end_user"):
            return None
        listed = "; ".join(f"{p.role} {p.name}" for p in chain)
        return [], [_ev("parties", f"{listed}; no end user named", "no end user named")]
    if name == "foreign_intermediary":
        found = [p for p in ctx.parties if p.role in INTERMEDIARY_ROLES and p.party.country not in (None, case.destination.country)]
        evidence = [_ev(f"{p.subject}.country", f"{p.role} {p.party.name} in {p.party.country}, destination {case.destination.country}", str(p.party.country)) for p in found]
        return ([p.subject for p in found], evidence) if found else None
    if name == "services":
        return ([], [_ev("services", ", ".join(case.services), case.services[0])]) if case.services else None
    if name == "destination_tier":
        if dest.tier not in (t.destination_tier or []):
            return None
        tier = str(dest.tier).replace("_", " ")
        return [], [_ev("destination", f"{where.country_name}{', ' + str(where.region_name) if where.region else ''}: {tier} risk (V-Dem row {where.vdem_row})", f"{tier} risk")]
    if name in ("region_conflict", "region"):
        if dest.region is None or (name == "region_conflict" and not dest.region.conflict):
            return None
        return [], [_ev("destination", f"{dest.region.name} ({where.region_basis})", dest.region.name)]
    if name == "restrictive_measure":
        return ([], [_ev("destination", m.title, m.title.split(":")[0]) for m in dest.measures]) if dest.measures else None
    if name == "assurance_refused":
        refused = [k for k in t.assurance_refused or [] if case.assurances.get(k) == "refused"]  # type: ignore[call-overload]
        return ([], [_ev(f"assurances.{k}", f"{k}: refused", "refused") for k in refused]) if refused else None
    if name == "case_fact" and t.case_fact:
        return ([], [_ev(t.case_fact, f"{t.case_fact}: true", "true")]) if getattr(case, t.case_fact) else None
    return None


_FACTS = ("known_concern", "opaque_chain", "foreign_intermediary", "services", "destination_tier", "region_conflict", "region",
          "restrictive_measure", "assurance_refused", "case_fact")


def _simple(ctx: FlagContext, t: Trigger) -> Match | None:
    subjects: list[str] = []
    evidence: list[Evidence] = []
    for name in _FACTS:
        if getattr(t, name) is None:
            continue
        got = _fact(ctx, name, t)
        if got is None:
            return None
        subjects += got[0]
        evidence += got[1]
    return subjects, evidence


_EVALUATORS = {"capability": _capability, "text": _text, "party_kind": _party_kind, "screening": _screening}


def _alternative(ctx: FlagContext, t: Trigger) -> Match | None:
    subjects: list[str] = []
    evidence: list[Evidence] = []
    for name, evaluate in _EVALUATORS.items():
        if getattr(t, name) is None:
            continue
        got = evaluate(ctx, t)
        if got is None:
            return None
        subjects += got[0]
        evidence += got[1]
    rest = _simple(ctx, t)
    if rest is None:
        return None
    return subjects + rest[0], evidence + rest[1]


def severity_for(flag: RedFlagDef, tier: str | None) -> str:
    raised = flag.by_tier.get(tier) if tier else None  # type: ignore[call-overload]
    if raised is not None and SEVERITY_ORDER[raised] > SEVERITY_ORDER[flag.severity]:
        return str(raised)
    return flag.severity


def _screening_floor(ctx: FlagContext, flag: RedFlagDef) -> str:
    """For screening flags: the severity of the worst hit behind them (an asset freeze is a hard stop)."""
    relations = {r for t in flag.when if t.screening for r in t.screening.relations}
    return worst(hit_severity(ctx.kb, h) for p in ctx.parties for h in ctx.hits[p.index].hits if h.relation in relations)


def _measure_floor(ctx: FlagContext, flag: RedFlagDef) -> str:
    """For restrictive-measure flags: the severity of the gravest measure for the destination."""
    if not any(t.restrictive_measure for t in flag.when):
        return "info"
    return worst(m.severity for m in ctx.destination.measures)


def apply_red_flags(ctx: FlagContext, log: FindingLog) -> list[RedFlag]:
    raised: list[RedFlag] = []
    for fid, flag in ctx.kb.red_flags.flags.items():
        if not flag.automated or (flag.applies_from and ctx.case.date < flag.applies_from):
            continue
        subjects: list[str] = []
        evidence: list[Evidence] = []
        fired = False
        for alternative in flag.when:
            got = _alternative(ctx, alternative)
            if got is not None:
                fired = True
                subjects += [s for s in got[0] if s not in subjects]
                evidence += [e for e in got[1] if e not in evidence]
        if not fired:
            continue
        severity = worst([severity_for(flag, ctx.destination.tier), _screening_floor(ctx, flag), _measure_floor(ctx, flag)])
        red = RedFlag(
            id=fid, category=flag.category, title=flag.title, description=flag.description, severity=severity,  # type: ignore[arg-type]
            base_severity=flag.severity, subjects=subjects or ["case"], evidence=evidence[:8], sources=log.cite(flag.cites),
        )
        raised.append(red)
        tier_note = f" Raised from {flag.severity} for a {ctx.destination.tier.replace('_', ' ')}-risk destination." if severity != flag.severity and ctx.destination.tier else ""
        log.add(rule=fid, topic="red_flag", severity=severity, title=f"{fid} {flag.title}", detail=flag.description + tier_note,  # type: ignore[arg-type]
                cites=flag.cites, subject=", ".join(red.subjects), evidence=red.evidence)
    return raised
