"""Parties: what kind of body each one is (from its name, in any supported language), its English
renderings, the parent named inside a subordinate unit's name, what the knowledge base knows about
it, and the region its name or address places it in."""

from __future__ import annotations

from dataclasses import dataclass, field

from exportguard.assess.casefile import Case, Party
from exportguard.assess.findings import FindingLog, evidence_from
from exportguard.assess.kbmodels import Cite
from exportguard.assess.kbrules import Body
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.names import NameTools
from exportguard.assess.results import Affiliation, Evidence
from exportguard.assess.text import fold_text, is_cjk

PUBLIC_BODIES = ("public_security", "police", "intelligence", "prison", "government", "military")


@dataclass
class PartyProfile:
    index: int
    party: Party
    kind: str | None = None
    kind_inferred: list[str] = field(default_factory=list)
    kind_evidence: list[Evidence] = field(default_factory=list)
    renderings: list[str] = field(default_factory=list)
    pinyin: str | None = None
    subunit_parent: str | None = None
    subunit_renderings: list[str] = field(default_factory=list)
    body: Body | None = None
    region: str | None = None
    region_evidence: list[Evidence] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    @property
    def subject(self) -> str:
        return f"parties[{self.index}]"

    @property
    def role(self) -> str:
        return self.party.role


def infer_kinds(kb: Knowledge, texts: list[tuple[str, str]]) -> tuple[list[str], list[Evidence]]:
    """Kinds whose terms occur in the texts, best-ranked first, with the wording that matched."""
    found: dict[str, list[Evidence]] = {}
    for kind, terms in kb.kind_terms.items():
        for field_name, text in texts:
            for hit in terms.find(text):
                found.setdefault(kind, []).append(evidence_from(hit, field_name))
    ranked = sorted(found, key=lambda k: kb.party_kinds.kinds[k].rank)
    return ranked, [ev for k in ranked[:1] for ev in found[k]]


def find_body(kb: Knowledge, names: list[str]) -> Body | None:
    """The knowledge-base body named exactly (or as the head of a longer unit name)."""
    folded = [fold_text(n) for n in names]
    for body in kb.affiliations.bodies:
        for alias in body.names:
            key = fold_text(alias)
            for name in folded:
                if name == key or (name.startswith(key) and (is_cjk(key) or name[len(key) : len(key) + 1] in (" ", ",", "-"))):
                    return body
    return None


def profile_party(kb: Knowledge, tools: NameTools, case: Case, party: Party, index: int, log: FindingLog) -> PartyProfile:
    profile = PartyProfile(index, party)
    subject = profile.subject
    profile.renderings = tools.render_zh(party.name)
    profile.pinyin = tools.pinyin(party.name)
    texts = [(f"{subject}.name", party.name)] + [(f"{subject}.name (rendered)", r) for r in profile.renderings[:1]]
    profile.kind_inferred, profile.kind_evidence = infer_kinds(kb, texts)
    profile.body = find_body(kb, [party.name, *profile.renderings])
    if profile.body is not None and profile.body.kind not in profile.kind_inferred:
        profile.kind_inferred.insert(0, profile.body.kind)
    parent = tools.subunit_parent(party.name)
    if parent is not None:
        parent_renderings = tools.render_zh(parent)
        parent_kinds, _ = infer_kinds(kb, [("parent", parent), *[("parent", r) for r in parent_renderings[:1]]])
        if parent_kinds and parent_kinds[0] in PUBLIC_BODIES:
            profile.subunit_parent = parent
            profile.subunit_renderings = parent_renderings[:3]
    _set_kind(kb, profile, log)
    countries = {c for c in (party.country, case.destination.country) if c}
    for field_name, text in ((f"{subject}.name", party.name), (f"{subject}.address", party.address)):
        for place_id, region, matched in tools.places_in(text, countries):
            profile.places.append(place_id)
            if region is not None and profile.region is None:
                profile.region = region
                profile.region_evidence.append(Evidence(field=field_name, excerpt=text or "", match=matched, term=place_id))
    if profile.region is None and profile.body is not None and profile.body.region:
        profile.region = profile.body.region
        profile.region_evidence.append(Evidence(field=f"{subject}.name", excerpt=party.name, match=party.name, term=profile.body.id))
    return profile


def _set_kind(kb: Knowledge, profile: PartyProfile, log: FindingLog) -> None:
    declared = profile.party.kind
    inferred = profile.kind_inferred[0] if profile.kind_inferred else None
    kinds = kb.party_kinds.kinds
    profile.kind = declared or inferred
    if declared and inferred and inferred != declared and inferred in kinds and declared in kinds:
        if kinds[inferred].internal_security and kinds[inferred].rank < kinds[declared].rank:
            profile.kind = inferred
            log.add(
                rule="PARTY-KIND",
                topic="party",
                severity="aggravating",
                subject=profile.subject,
                cites=kinds[inferred].cites,
                title=f"Declared as {declared}, but the name indicates {inferred}",
                detail=f"The name of '{profile.party.name}' contains wording for a {inferred.replace('_', ' ')} body; the assessment treats it as {inferred}. Confirm what the party is.",
                evidence=profile.kind_evidence[:3],
            )
    if profile.kind is not None and declared is None:
        log.add(
            rule="PARTY-KIND",
            topic="party",
            severity="info",
            subject=profile.subject,
            cites=kinds[profile.kind].cites,
            title=f"Kind of body inferred from the name: {profile.kind.replace('_', ' ')}",
            detail=f"'{profile.party.name}'" + (f" (rendered: {profile.renderings[0]})" if profile.renderings else "") + " reads as a " + profile.kind.replace("_", " ") + " body.",
            evidence=profile.kind_evidence[:3],
        )


def party_affiliations(log: FindingLog, p: PartyProfile) -> list[Affiliation]:
    """The bodies the party is tied to: the parent in its name, the named parent, knowledge-base links."""
    out: list[Affiliation] = []
    if p.subunit_parent:
        out.append(Affiliation(relation="subunit_of", target=p.subunit_parent, basis="the party's name makes it a unit of this body", sources=log.cite(log.kb.names.cites)))
    if p.party.parent:
        out.append(Affiliation(relation="named_parent", target=p.party.parent, basis="named as parent or administering body in the case file", sources=log.cite([Cite(source="eg_rules")])))
    if p.body is not None:
        for rel in p.body.related:
            out.append(Affiliation(relation=rel.relation, target=rel.target, basis=f"knowledge base (evidence {rel.evidence})", sources=log.cite(rel.cites)))
    return out
