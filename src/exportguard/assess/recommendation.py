"""The human-rights recommendation (REFUSE / ESCALATE / PROCEED_WITH_CONDITIONS / PROCEED), kept
apart from the legal outcome, with the findings that drove it and the mitigation conditions."""

from __future__ import annotations

from exportguard.assess.casefile import Case
from exportguard.assess.decision import DecisionInput
from exportguard.assess.findings import holds
from exportguard.assess.kbmodels import Condition
from exportguard.assess.results import ConditionOut, Finding, LegalResult, Question, RecommendationResult

HIGH_TIERS = ("high", "very_high")


def _surveillance(d: DecisionInput) -> bool:
    """A surveillance-capable item: a category beyond plain cameras, a listed entry or an Art. 5 candidate."""
    return any(
        any(c.eu_status != "out" for c in p.categories) or r.listed or r.art5.candidate
        for p, r in zip(d.products, d.controls, strict=True)
    )


def _flag_findings(d: DecisionInput, severities: tuple[str, ...]) -> list[Finding]:
    ids = {f.id for f in d.red_flags if f.severity in severities}
    return d.findings_for_flags(ids)


def conditions(d: DecisionInput, case: Case, legal: LegalResult) -> list[ConditionOut]:
    surveillance = _surveillance(d)
    raised = {f.id for f in d.red_flags}
    roles = {p.role for p in case.parties}
    out: list[ConditionOut] = []
    for cid, cond in d.kb.conditions.conditions.items():
        w = cond.when
        if (
            (w.surveillance and surveillance)
            or any(holds(Condition(any=w.capabilities), p.flags) for p in d.products if w.capabilities)
            or raised.intersection(w.red_flags)
            or (w.services and bool(case.services))
            or roles.intersection(w.roles)
            or (w.legal_duty and legal.outcome in ("LICENCE_REQUIRED", "NOTIFY_AUTHORITY"))
        ):
            out.append(ConditionOut(id=cid, text=cond.text, sources=d.log.cite(cond.cites)))
    return out


def recommend(d: DecisionInput, case: Case, legal: LegalResult, questions: list[Question]) -> RecommendationResult:
    tier = d.destination.tier
    hard = _flag_findings(d, ("hard_stop",)) + [f for f in d.log.items if f.topic == "legal" and f.severity == "hard_stop"]
    critical = _flag_findings(d, ("critical",))
    aggravating = _flag_findings(d, ("aggravating",))
    review = [f for f in d.log.items if f.rule in ("SCREEN-POSSIBLE", "DEST-NODATA")]
    duty_findings = [f for f in d.log.items if f.topic == "legal" and f.severity == "critical"]
    no_end_user = not case.parties_in("end_user")
    if hard or legal.outcome == "STOP_SANCTIONS":
        rule, drivers = "R-HARD-STOP", hard
    elif critical and tier in HIGH_TIERS:
        rule, drivers = "R-CRITICAL-HIGH-RISK", critical
    elif critical:
        rule, drivers = "R-CRITICAL", critical
    elif review or (no_end_user and (duty_findings or _surveillance(d))):
        rule, drivers = "R-REVIEW", review + duty_findings
    elif aggravating or duty_findings or _surveillance(d):
        rule, drivers = "R-CONDITIONS", aggravating + duty_findings
    else:
        rule, drivers = "R-PROCEED", []
    spec = d.kb.decision.recommendation[rule]
    proposed = conditions(d, case, legal) if spec.outcome in ("PROCEED_WITH_CONDITIONS", "ESCALATE") else []
    return RecommendationResult(
        outcome=spec.outcome,  # type: ignore[arg-type]
        rule=rule,
        text=spec.text,
        drivers=list(dict.fromkeys(f.id for f in drivers)),
        conditions=proposed,
        open_questions=questions,
        sources=d.log.cite(spec.cites),
    )
