"""Products: capability flags from the description (any supported language), taxonomy categories.

Flags the exporter declares are taken as given; the description is still read, and flags it shows
that the declaration leaves out are added (and reported) - the exporter's statement is checked,
not trusted. A mention under a negation ("no face recognition") sets no flag and is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exportguard.assess.casefile import Product
from exportguard.assess.findings import FindingLog, evidence_from, holds
from exportguard.assess.kbmodels import Cite
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.results import Capability, CategoryMatch, Evidence


@dataclass
class ProductProfile:
    """What the assessment knows about one product before classification."""

    index: int
    product: Product
    capabilities: dict[str, Capability] = field(default_factory=dict)
    negated: list[Evidence] = field(default_factory=list)
    categories: list[CategoryMatch] = field(default_factory=list)

    @property
    def subject(self) -> str:
        return f"products[{self.index}]"

    @property
    def flags(self) -> frozenset[str]:
        return frozenset(self.capabilities)

    @property
    def us_nexus(self) -> bool | None:
        """True when the product is subject to the EAR (declared, or US origin); None when unknown."""
        if self.product.subject_to_ear is not None:
            return self.product.subject_to_ear
        return True if self.product.origin == "US" else None


def infer_flags(kb: Knowledge, product: Product, subject: str) -> tuple[dict[str, list[Evidence]], list[Evidence]]:
    """Flags the product's name and description show (with evidence), and negated mentions."""
    found: dict[str, list[Evidence]] = {}
    negated: list[Evidence] = []
    texts = ((f"{subject}.name", product.name), (f"{subject}.description", product.description))
    for flag, terms in kb.flag_terms.items():
        for field_name, text in texts:
            for hit in terms.find(text, kb.negation):
                ev = evidence_from(hit, field_name)
                if hit.negated:
                    negated.append(ev)
                else:
                    found.setdefault(flag, []).append(ev)
    return found, negated


def profile_product(kb: Knowledge, product: Product, index: int, log: FindingLog) -> ProductProfile:
    profile = ProductProfile(index, product)
    inferred, profile.negated = infer_flags(kb, product, profile.subject)
    defs = kb.capabilities.flags
    for flag in product.capabilities:
        title = defs[flag].title if flag in defs else kb.capabilities.derived[flag].title
        profile.capabilities[flag] = Capability(flag=flag, title=title, provenance="declared", evidence=inferred.get(flag, []))
    undeclared = [f for f in inferred if f not in profile.capabilities]
    for flag in undeclared:
        profile.capabilities[flag] = Capability(flag=flag, title=defs[flag].title, provenance="inferred", evidence=inferred[flag])
    if product.capabilities and undeclared:
        log.add(
            rule="CAP-UNDECLARED",
            topic="product",
            severity="aggravating",
            title=f"Description shows capabilities the exporter did not declare: {', '.join(undeclared)}",
            detail="The declared capabilities are checked against the product description; the undeclared ones are added to the assessment. Confirm or correct them.",
            cites=[c for f in undeclared for c in defs[f].cites][:3],
            subject=profile.subject,
            evidence=[ev for f in undeclared for ev in inferred[f]][:6],
        )
    for flag, d in kb.capabilities.derived.items():
        if flag not in profile.capabilities and profile.flags.intersection(d.any):
            because = sorted(profile.flags.intersection(d.any))
            profile.capabilities[flag] = Capability(flag=flag, title=f"{d.title} (from {', '.join(because)})", provenance="derived")
    profile.categories = [
        CategoryMatch(id=cid, title=cat.title, eu_status=cat.eu_status, note=cat.note)
        for cid, cat in kb.taxonomy.categories.items()
        if holds(cat.when, profile.flags)
    ]
    if not profile.capabilities:
        log.add(
            rule="CAP-NONE",
            topic="product",
            severity="info",
            title="No surveillance capability found in the description",
            detail="None of the capability terms of the rule set occur in the product's name or description (in any supported language). Check that the description is complete.",
            cites=[Cite(source="eg_terms")],
            subject=profile.subject,
        )
    return profile
