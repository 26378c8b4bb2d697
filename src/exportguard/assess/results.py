"""The assessment record: what the JSON report carries and the HTML/PDF reports render.

``Assessment.model_json_schema()`` is the documented JSON schema (``docs/case-file.md``;
``reports/schema/assessment.schema.json``). Every ``Finding`` names at least one source.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from exportguard.assess.kbmodels import LegalOutcome, Severity, Tier

SCHEMA_ID = "exportguard.assessment/1"
RecommendationOutcome = Literal["REFUSE", "ESCALATE", "PROCEED_WITH_CONDITIONS", "PROCEED"]
Ternary = Literal["yes", "no", "uncertain"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Citation(Out):
    source: str = Field(description="ID of the entry in the rule set's bibliography (sources.yml)")
    title: str
    at: str | None = Field(default=None, description="pinpoint: article, section, list entry")
    url: str | None = None
    evidence: Literal["V", "S", "R", "L"] = Field(description="V verified, S secondary, R recalled, L list data")


class Evidence(Out):
    field: str = Field(description="case-file field the text came from, e.g. products[0].description")
    excerpt: str
    match: str = Field(description="the original wording that matched")
    term: str | None = None
    lang: str | None = None
    negated: bool = False


class Finding(Out):
    id: str
    rule: str = Field(description="rule, red-flag or control-entry ID that produced the finding")
    topic: Literal["scope", "product", "party", "red_flag", "destination", "legal"]
    severity: Severity
    title: str
    detail: str
    subject: str | None = Field(default=None, description="products[i], parties[i], destination or case")
    evidence: list[Evidence] = []
    sources: list[Citation] = Field(min_length=1)


class Capability(Out):
    flag: str
    title: str
    provenance: Literal["declared", "inferred", "derived"]
    evidence: list[Evidence] = []


class CategoryMatch(Out):
    id: str
    title: str
    eu_status: Literal["listed", "art5", "out"]
    note: str


class EntryMatch(Out):
    id: str
    list_name: str = Field(description="Annex I, a national list, or note")
    title: str
    strength: Literal["likely", "possible", "declared", "note"]
    in_force: bool
    reason: str
    evidence_level: Literal["V", "S", "R"]
    sources: list[Citation]


class DeclaredCheck(Out):
    entry: str
    status: Literal["consistent", "unsupported", "not_in_catalogue", "contradicted", "not_in_force"]
    detail: str


class ElementCheck(Out):
    id: str
    label: str
    status: Ternary
    because: list[str] = Field(description="capability flags behind the answer")
    explanation: str


class Art220Check(Out):
    verdict: Ternary
    elements: list[ElementCheck]


class Art5Status(Out):
    in_force: bool
    candidate: bool = Field(description="a non-listed item that is (or may be) a cyber-surveillance item")
    applies: bool = Field(description="candidate, in force on the case date, and an export from the EU")
    reason: str


class ProductAssessment(Out):
    index: int
    name: str
    description: str
    origin: str | None
    subject_to_ear: bool | None
    capabilities: list[Capability]
    negated_mentions: list[Evidence]
    categories: list[CategoryMatch]
    control_entries: list[EntryMatch]
    declared_checks: list[DeclaredCheck]
    art2_20: Art220Check
    art5: Art5Status


class ListingOut(Out):
    source: str
    entity_id: str
    sub_list: str | None
    programmes: list[str]
    listed_on: str | None
    effect: str
    effect_summary: str
    authority: str
    binds: str


class ExplanationOut(Out):
    feature: str
    score: float
    weight: float
    detail: str
    query_value: str | None = None
    candidate_value: str | None = None


class Hit(Out):
    query: str = Field(description="the name that was screened")
    relation: str = Field(description="self, rendering, subunit_of, named_parent, part_of, same_as, owned_by, administered_by, affiliated_with")
    via: str | None = Field(default=None, description="the body screened in place of the party (parent, affiliate)")
    id: str
    caption: str
    schema_name: str
    score: float
    match: bool
    dismissed: str | None = Field(default=None, description="why a similar name is not treated as this party (place or kind of body differs)")
    listings: list[ListingOut]
    properties: dict[str, list[str]]
    explanation: list[ExplanationOut]


class Affiliation(Out):
    relation: str
    target: str
    basis: str
    sources: list[Citation]


class PartyAssessment(Out):
    index: int
    role: str
    name: str
    country: str | None
    address: str | None
    parent: str | None
    kind: str | None
    kind_declared: str | None
    kind_inferred: list[str]
    kind_evidence: list[Evidence]
    renderings: list[str]
    screened_names: list[str]
    hits: list[Hit]
    possible_matches: list[Hit]
    affiliations: list[Affiliation]
    concerns: list[str]
    region: str | None


class RedFlag(Out):
    id: str
    category: str
    title: str
    description: str
    severity: Severity
    base_severity: Severity
    subjects: list[str]
    evidence: list[Evidence]
    sources: list[Citation]


class DestinationAssessment(Out):
    country: str
    country_name: str
    region: str | None
    region_name: str | None
    region_basis: str | None
    tier: Tier | None
    national_tier: Tier | None
    vdem_row: str | None
    indicators: dict[str, float]
    indicator_labels: dict[str, str]
    eu_export: bool = Field(description="the exporter is in the EU and the destination outside it on the case date")
    restrictive_measures: list[str]
    sources: list[Citation]


class LegalDuty(Out):
    outcome: LegalOutcome
    rule: str
    text: str
    findings: list[str]


class LegalResult(Out):
    outcome: LegalOutcome
    rule: str
    text: str
    duties: list[LegalDuty]
    sources: list[Citation]


class ConditionOut(Out):
    id: str
    text: str
    sources: list[Citation]


class Question(Out):
    id: str
    text: str
    why: str
    subject: str | None = None


class RecommendationResult(Out):
    outcome: RecommendationOutcome
    rule: str
    text: str
    drivers: list[str] = Field(description="IDs of the findings that drove the recommendation")
    conditions: list[ConditionOut]
    open_questions: list[Question]
    sources: list[Citation]


class ListVersionOut(Out):
    source: str
    version: int
    as_of: str | None


class ScreeningInfo(Out):
    algorithm_name: str | None
    algorithm_version: str | None
    threshold: float
    lists: list[ListVersionOut]
    queries: int


class RuleSetInfo(Out):
    name: str
    version: str
    fingerprint: str
    knowledge_as_of: str


class CaseInfo(Out):
    source: str
    sha256: str
    format: str
    data: dict[str, Any]


class NotEvaluatedOut(Out):
    id: str
    text: str
    sources: list[Citation]


class Assessment(Out):
    schema_id: Literal["exportguard.assessment/1"] = Field(default="exportguard.assessment/1", alias="schema")
    generated_at: str
    tool_version: str
    reference: str
    case_date: str
    summary: str
    legal: LegalResult
    recommendation: RecommendationResult
    products: list[ProductAssessment]
    parties: list[PartyAssessment]
    red_flags: list[RedFlag]
    destination: DestinationAssessment
    findings: list[Finding]
    not_evaluated: list[NotEvaluatedOut]
    screening: ScreeningInfo
    ruleset: RuleSetInfo
    case: CaseInfo
    bibliography: list[Citation] = Field(description="every source cited anywhere in the assessment")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def finding(self, finding_id: str) -> Finding:
        for f in self.findings:
            if f.id == finding_id:
                return f
        raise KeyError(finding_id)
