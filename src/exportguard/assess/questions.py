"""Open questions: what the exporter must still answer before the assessment can be closed."""

from __future__ import annotations

from exportguard.assess.casefile import Case
from exportguard.assess.decision import DecisionInput
from exportguard.assess.results import LegalResult, Question
from exportguard.assess.screening import AFFILIATION, OWNERSHIP
from exportguard.assess.vocab import INTERMEDIARY_ROLES

SECURITY_KINDS = ("public_security", "police", "intelligence", "prison", "military")


def _q(out: list[Question], qid: str, text: str, why: str, subject: str | None = None) -> None:
    if all(q.text != text for q in out):
        out.append(Question(id=f"Q{len(out) + 1:02d}-{qid}", text=text, why=why, subject=subject))


def _party_questions(d: DecisionInput, case: Case, legal: LegalResult, out: list[Question]) -> None:
    if not case.parties_in("end_user"):
        chain = case.parties_in(*INTERMEDIARY_ROLES)
        why = "Red flag E6: the ultimate end user behind the reseller or integrator is not named." if chain else "No end user is named in the case file."
        _q(out, "END-USER", "Who is the end user, where will the items be installed, and for which project?", why)
    for p in d.parties:
        hits = d.hits[p.index]
        for hit in [h for h in hits.possible if h.dismissed is None] if not hits.hits else []:
            _q(out, "MATCH", f"Is '{p.party.name}' the same body as the listed '{hit.caption}'? Compare addresses, identifiers and dates.",
               f"Possible match (score {hit.score:.2f}) below the threshold.", p.subject)
        for hit in hits.hits:
            if hit.relation in AFFILIATION + OWNERSHIP:
                _q(out, "OWNERSHIP", f"Who owns and controls '{p.party.name}', and what is its tie to '{hit.via or hit.caption}'?",
                   "A listed body is the party's parent, owner or administering body; ownership of 50% or more, or control, extends the listing (OFAC 50% rule; EU ownership-and-control test).", p.subject)
        if p.kind is None and p.role == "end_user":
            _q(out, "KIND", f"What kind of body is '{p.party.name}' (public authority, security body, company, university …)?",
               "The kind of body could not be inferred from its name.", p.subject)
        if p.party.country is None:
            _q(out, "COUNTRY", f"In which country is '{p.party.name}' established?", "The party has no country; screening used the destination.", p.subject)
    if legal.outcome == "LICENCE_REQUIRED" and any(x.rule == "L-ENTITY-LIST" for x in legal.duties) and d.us_nexus is None:
        _q(out, "EAR", "Are the items subject to the EAR (US-origin, foreign-made with more than de minimis US content, or a US direct product)?",
           "A party is on the BIS Entity List; the US licence requirement depends on it.")


def _product_questions(d: DecisionInput, out: list[Question]) -> None:
    for profile, result in zip(d.products, d.controls, strict=True):
        for m in result.entries:
            if m.strength == "possible" and m.in_force:
                _q(out, "PARAMS", f"Does '{profile.product.name}' meet the technical parameters of {m.id} ({m.title})?",
                   "A possible Annex I match: the rule set maps capabilities, not performance figures.", profile.subject)
        for check in result.declared:
            if check.status in ("contradicted", "unsupported"):
                _q(out, "CLASSIFICATION", f"Confirm the classification of '{profile.product.name}' (declared {check.entry}).", check.detail, profile.subject)
    for f in d.log.by_rule("CAP-UNDECLARED"):
        _q(out, "CAPABILITIES", "Confirm the product's capabilities: " + f.title.split(": ", 1)[-1] + ".", "The description shows capabilities the declaration leaves out.", f.subject)


def open_questions(d: DecisionInput, case: Case, legal: LegalResult) -> list[Question]:
    out: list[Question] = []
    _party_questions(d, case, legal, out)
    if not case.end_use:
        _q(out, "END-USE", "What is the stated end use (purpose, project name, site)?", "The case file has no end use.")
    _product_questions(d, out)
    dest = d.destination
    has_overrides = any(dest.assessment.country in r.countries for r in d.kb.subnational.regions.values())
    if not dest.located and has_overrides:
        _q(out, "REGION", f"Where in {dest.assessment.country_name} will the items be used?",
           "The destination has regions with their own risk (sub-national overrides) and the case does not say which region.")
    if not dest.assessment.eu_export:
        _q(out, "SCOPE", "Which export-control regime applies to this shipment (exporter's country, transit, re-export)?",
           "The EU dual-use rules were not applied: the exporter is outside the EU or the destination is inside it on the case date.")
    if case.services and any(p.kind in SECURITY_KINDS for p in d.parties):
        _q(out, "SERVICES", "Which installation, training, maintenance, update or support services go to which unit, and for how long?",
           "Services to a security end user may be technical assistance (Art. 8) and keep the exporter involved after delivery.")
    missing = [a for a in ("end_use_statement", "no_reexport") if case.assurances.get(a) != "given"]
    if missing and any(c.eu_status != "out" for p in d.products for c in p.categories):
        _q(out, "ASSURANCES", "Will the buyer sign " + " and ".join(a.replace("_", " ") for a in missing) + "?", "Surveillance-capable items need written assurances.")
    military = any(p.kind == "military" for p in d.parties)
    for measure in [m for m in dest.measures if m.severity == "critical" or military]:
        _q(out, "MEASURES", f"Do the EU restrictive measures for {dest.assessment.country_name} prohibit this item or require an authorisation? ({measure.title})",
           "Red flag D5: restrictive measures can prohibit dual-use or monitoring items outright; the rule set does not decide this.")
    aware = {f.id for f in d.red_flags if f.severity in ("critical", "hard_stop")}
    if any(r.art5.applies for r in d.controls) and not aware and d.red_flags:
        _q(out, "SUSPICION", "Do the aggravating red flags amount to grounds for suspecting an internal-repression use (national Art. 5(3) rules)?",
           "Some Member States require a licence or notice on mere grounds for suspicion.")
    return out
