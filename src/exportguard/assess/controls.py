"""Control entries: candidate Annex I (and national) entries, the exporter's own classification
checked against them, the Art. 2(20) checklist and whether the Art. 5 catch-all applies - all for
the rules in force on the case date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exportguard.assess.capabilities import ProductProfile
from exportguard.assess.casefile import NOT_LISTED, Case
from exportguard.assess.findings import FindingLog, holds
from exportguard.assess.kbmodels import ControlEntry, Regime
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.results import (
    Art5Status,
    Art220Check,
    DeclaredCheck,
    ElementCheck,
    EntryMatch,
    Ternary,
)


def regime_on(kb: Knowledge, day: date) -> Regime:
    for regime in kb.controls.regimes:
        if regime.applies_from <= day and (regime.applies_to is None or day <= regime.applies_to):
            return regime
    raise ValueError(f"no regime covers {day}")  # the case model rejects earlier dates


def in_force(entry: ControlEntry, day: date) -> bool:
    return (entry.applies_from is None or entry.applies_from <= day) and (entry.applies_to is None or day <= entry.applies_to)


def is_eu_member(kb: Knowledge, country: str, day: date) -> bool:
    member = kb.destinations.eu_members.states.get(country)
    return member is not None and member.since <= day and (member.until is None or day <= member.until)


def is_eu_export(kb: Knowledge, case: Case) -> bool:
    """An export under the EU dual-use rules: exporter in the Union, destination outside it."""
    return is_eu_member(kb, case.exporter.country, case.date) and not is_eu_member(kb, case.destination.country, case.date)


@dataclass
class ControlResult:
    entries: list[EntryMatch]
    declared: list[DeclaredCheck]
    art2_20: Art220Check
    art5: Art5Status

    @property
    def listed(self) -> list[EntryMatch]:
        """Entries that require a licence: likely or declared, and in force."""
        return [e for e in self.entries if e.in_force and e.strength in ("likely", "declared")]


def _match(kb: Knowledge, entry: ControlEntry, profile: ProductProfile, case: Case, log: FindingLog) -> EntryMatch | None:
    flags = profile.flags
    if entry.jurisdiction and entry.jurisdiction != case.exporter.country:
        return None
    if entry.exclude_if and holds(entry.exclude_if, flags):
        return None
    if entry.when and holds(entry.when, flags):
        strength = "likely"
    elif entry.possible_when and holds(entry.possible_when, flags):
        strength = "possible"
    else:
        return None
    active = in_force(entry, case.date)
    dated = f"listed from {entry.applies_from.isoformat()}" if entry.applies_from else "first listing date not verified in this rule set"
    reason = f"capabilities {', '.join(sorted(flags))}; {dated}"
    if not active:
        reason = f"not in force on {case.date.isoformat()} ({dated})"
    return EntryMatch(
        id=entry.id, list_name=entry.list, title=entry.title, strength=strength, in_force=active,  # type: ignore[arg-type]
        reason=reason, evidence_level=entry.evidence, sources=log.cite(entry.cites),
    )


def _declared(kb: Knowledge, profile: ProductProfile, matches: list[EntryMatch], case: Case, log: FindingLog) -> tuple[list[DeclaredCheck], list[EntryMatch]]:
    checks: list[DeclaredCheck] = []
    extra: list[EntryMatch] = []
    known = {e.id: e for e in kb.controls.entries}
    inferred_listed = [m for m in matches if m.in_force and m.strength == "likely"]
    for code in profile.product.control_entries:
        if code in NOT_LISTED:
            if inferred_listed:
                ids = ", ".join(m.id for m in inferred_listed)
                checks.append(DeclaredCheck(entry=code, status="contradicted", detail=f"The description matches {ids}; the rule set's classification is used."))
            else:
                checks.append(DeclaredCheck(entry=code, status="consistent", detail="No Annex I entry in this rule set's catalogue matches the description."))
            continue
        entry = known.get(code)
        if entry is not None and not in_force(entry, case.date):
            checks.append(DeclaredCheck(entry=code, status="not_in_force", detail=f"{code} was not in force on {case.date.isoformat()}."))
            continue
        if any(m.id == code for m in matches):
            checks.append(DeclaredCheck(entry=code, status="consistent", detail="The description supports this entry."))
        else:
            status = "unsupported" if entry is not None else "not_in_catalogue"
            detail = (
                "The description does not show this entry's features; the exporter's classification stands until corrected."
                if entry is not None
                else "Not in this rule set's catalogue of surveillance-relevant entries; taken as the exporter's classification."
            )
            checks.append(DeclaredCheck(entry=code, status=status, detail=detail))  # type: ignore[arg-type]
        if entry is None or not any(m.id == code and m.strength == "likely" for m in matches):
            extra.append(
                EntryMatch(
                    id=code, list_name=entry.list if entry else "EU Annex I (exporter's classification)",
                    title=entry.title if entry else "Classified by the exporter", strength="declared", in_force=True,
                    reason="the exporter's own classification", evidence_level=entry.evidence if entry else "V",
                    sources=log.cite(entry.cites) if entry else log.cite(kb.decision.legal["L-DECLARED"].cites),
                )
            )
    return checks, extra


def art2_20(kb: Knowledge, flags: frozenset[str]) -> Art220Check:
    elements: list[ElementCheck] = []
    for el in kb.controls.art2_20.elements:
        yes = sorted(flags.intersection(el.yes_any))
        unsure = sorted(flags.intersection(el.uncertain_any))
        status: Ternary = "yes" if yes else "uncertain" if unsure else "no"
        elements.append(ElementCheck(id=el.id, label=el.label, status=status, because=yes or unsure, explanation=el.explanation))
    statuses = {e.status for e in elements}
    verdict: Ternary = "no" if "no" in statuses else "yes" if statuses == {"yes"} else "uncertain"
    return Art220Check(verdict=verdict, elements=elements)


def assess_controls(kb: Knowledge, profile: ProductProfile, case: Case, log: FindingLog) -> ControlResult:
    matches = [m for e in kb.controls.entries if (m := _match(kb, e, profile, case, log)) is not None]
    for note in kb.controls.notes:
        if holds(note.when, profile.flags) and (not note.us_only or profile.us_nexus):
            matches.append(
                EntryMatch(id=note.id, list_name="note", title=note.title, strength="note", in_force=True,
                           reason="informative; no licence follows from it", evidence_level=note.evidence, sources=log.cite(note.cites))
            )
    declared, extra = _declared(kb, profile, matches, case, log)
    entries = matches + extra
    check = art2_20(kb, profile.flags)
    catch_all = kb.controls.catch_all
    art5_in_force = case.date >= catch_all.applies_from
    listed = any(e.in_force and e.strength in ("likely", "declared") for e in entries)
    candidate = not listed and check.verdict in ("yes", "uncertain")
    eu_export = is_eu_export(kb, case)
    if not candidate:
        reason = "listed item (Art. 3 applies instead)" if listed else "not a cyber-surveillance item under Art. 2(20)"
    elif not art5_in_force:
        reason = f"Art. 5 applies only from {catch_all.applies_from.isoformat()}; on {case.date.isoformat()} {regime_on(kb, case.date).title} had no cyber-surveillance catch-all"
    elif not eu_export:
        reason = "not an export from the EU on the case date"
    else:
        reason = f"non-listed item, Art. 2(20) answer '{check.verdict}': a potential cyber-surveillance item"
    art5 = Art5Status(in_force=art5_in_force, candidate=candidate, applies=candidate and art5_in_force and eu_export, reason=reason)
    return ControlResult(entries, declared, check, art5)


def log_controls(kb: Knowledge, profile: ProductProfile, result: ControlResult, log: FindingLog) -> None:
    """One finding per classification fact, each citing the rule behind it."""
    subject = profile.subject
    known = {e.id: e for e in kb.controls.entries}
    for m in result.entries:
        cites = known[m.id].cites if m.id in known else kb.decision.legal["L-DECLARED"].cites
        if m.strength == "note":
            continue
        if not m.in_force:
            log.add(rule=m.id, topic="product", severity="info", subject=subject, cites=cites,
                    title=f"{m.id} would match but was not in force on the case date", detail=f"{m.title}. {m.reason}.")
        elif m.strength == "likely":
            log.add(rule=m.id, topic="product", severity="critical", subject=subject, cites=cites,
                    title=f"Listed item: {m.list_name} {m.id} likely applies", detail=f"{m.title}. Matched on {m.reason}.")
        elif m.strength == "possible":
            log.add(rule=m.id, topic="product", severity="aggravating", subject=subject, cites=cites,
                    title=f"{m.list_name} {m.id} possibly applies - technical parameters to confirm", detail=f"{m.title}. {m.reason}.")
        else:
            log.add(rule=m.id, topic="product", severity="critical", subject=subject, cites=cites,
                    title=f"The exporter classified the item under {m.id}", detail=f"{m.title}. {m.reason}.")
    for check in result.declared:
        if check.status in ("contradicted", "unsupported", "not_in_force"):
            log.add(rule="CTRL-DECLARED", topic="product", severity="aggravating", subject=subject,
                    cites=kb.decision.legal["L-DECLARED"].cites,
                    title=f"The exporter's classification {check.entry} does not match the description ({check.status})", detail=check.detail)
    verdict = result.art2_20.verdict
    answers = "; ".join(f"{e.label}: {e.status}" + (f" ({', '.join(e.because)})" if e.because else "") for e in result.art2_20.elements)
    meaning = {"yes": "a cyber-surveillance item", "no": "not a cyber-surveillance item", "uncertain": "possibly a cyber-surveillance item (treated as a candidate)"}
    log.add(rule="ART2(20)", topic="product", severity="info", subject=subject, cites=kb.controls.art2_20.cites,
            title=f"Art. 2(20) checklist: {meaning[verdict]}", detail=answers + ".")
    catch_all = kb.controls.catch_all
    if result.art5.candidate:
        log.add(rule="ART5", topic="product", severity="info", subject=subject, cites=catch_all.cites,
                title="Art. 5 catch-all applies to this item" if result.art5.applies else "Art. 5 catch-all does not apply",
                detail=result.art5.reason + ".")
