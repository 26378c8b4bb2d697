"""The shapes of the rule files in ``data/assess/``: red flags, term lists, parties and names,
places and affiliations, list effects, destinations, conditions, decision and the rule set."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from exportguard.assess.kbmodels import (
    Cites,
    Condition,
    Evidence,
    LegalOutcome,
    NonEmptyCites,
    Relation,
    Severity,
    Strict,
    Terms,
    Tier,
)


class TextCond(Strict):
    term_list: str = Field(alias="list")
    fields: list[Literal["end_use", "products", "parties"]]


class KindCond(Strict):
    kinds: list[str]
    roles: list[str] = []


class ScreeningCond(Strict):
    relations: list[str]


class Trigger(Strict):
    capability: Condition | None = None
    text: TextCond | None = None
    party_kind: KindCond | None = None
    screening: ScreeningCond | None = None
    known_concern: bool | None = None
    opaque_chain: bool | None = None
    foreign_intermediary: bool | None = None
    services: bool | None = None
    destination_tier: list[Tier] | None = None
    region_conflict: bool | None = None
    region: bool | None = None
    restrictive_measure: bool | None = None
    assurance_refused: list[str] | None = None
    case_fact: Literal["authority_informed", "prior_denial"] | None = None


class RedFlagDef(Strict):
    category: Literal["item", "end_user", "end_use", "destination", "transaction", "regulatory"]
    title: str
    description: str
    severity: Severity
    by_tier: dict[Tier, Severity] = {}
    applies_from: date | None = None
    automated: bool = True
    when: list[Trigger]
    cites: Cites = NonEmptyCites


class RedFlagsFile(Strict):
    flags: dict[str, RedFlagDef]


class TermGroup(Strict):
    label: str
    cites: Cites = NonEmptyCites
    terms: Terms


class ProgrammesFile(Strict):
    id: str
    title: str
    groups: list[TermGroup]


class TermList(Strict):
    title: str
    cites: Cites = NonEmptyCites
    terms: Terms


class TermListsFile(Strict):
    lists: dict[str, TermList]


class NegationFile(Strict):
    window_words: int = Field(ge=1)
    window_chars: int = Field(ge=1)
    cites: Cites = NonEmptyCites
    cues: Terms
    not_cues: Terms


class KindDef(Strict):
    rank: int
    internal_security: bool
    ftm_schema: str = Field(alias="schema")
    cites: Cites = NonEmptyCites
    terms: Terms


class PartyKindsFile(Strict):
    kinds: dict[str, KindDef]


class SubunitRule(Strict):
    pattern: str
    lang: str
    cites: Cites = NonEmptyCites


class NamesFile(Strict):
    max_variants: int = Field(ge=1)
    cites: Cites = NonEmptyCites
    render_zh: dict[str, list[str]]
    subunits: list[SubunitRule]


class Place(Strict):
    id: str
    country: str
    region: str | None = None
    level: Literal["country", "province", "region"] | None = None
    within: list[str] = []
    en: list[str]
    zh: list[str] = []
    other: list[str] = []
    cites: Cites = NonEmptyCites


class PlacesFile(Strict):
    places: list[Place]


class Related(Strict):
    relation: Relation
    target: str
    target_names: list[str] = Field(min_length=1)
    cites: Cites = NonEmptyCites
    evidence: Evidence


class Concern(Strict):
    text: str
    cites: Cites = NonEmptyCites


class Body(Strict):
    id: str
    names: list[str] = Field(min_length=1)
    country: str
    kind: str
    region: str | None = None
    related: list[Related]
    concerns: list[Concern]


class AffiliationsFile(Strict):
    bodies: list[Body]


class Effect(Strict):
    legal_outcome: LegalOutcome | None
    severity: Severity
    summary: str


class EffectRule(Strict):
    source: str
    contains: str | None = None
    effect: str
    authority: str
    binds: str
    cites: Cites = NonEmptyCites


class ListEffectsFile(Strict):
    effects: dict[str, Effect]
    rules: list[EffectRule]


class TierRule(Strict):
    id: Tier
    any: dict[str, float]
    cites: Cites = NonEmptyCites


class Indicators(Strict):
    file: str
    dataset: str
    cites: Cites = NonEmptyCites
    columns: dict[str, str]


class Membership(Strict):
    since: date
    until: date | None = None


class EuMembers(Strict):
    cites: Cites = NonEmptyCites
    states: dict[str, Membership]


class Measure(Strict):
    country: str
    since: date
    severity: Severity
    title: str
    cites: Cites = NonEmptyCites


class DestinationsFile(Strict):
    indicators: Indicators
    tiers: list[TierRule]
    vdem_codes: dict[str, str]
    eu_members: EuMembers
    restrictive_measures: list[Measure]


class Region(Strict):
    name: str
    countries: list[str]
    tier: Tier
    conflict: bool
    vdem_row: str | None = None
    reason: str
    cites: Cites = NonEmptyCites


class SubnationalFile(Strict):
    regions: dict[str, Region]


class ConditionTrigger(Strict):
    surveillance: bool = False
    capabilities: list[str] = []
    red_flags: list[str] = []
    services: bool = False
    roles: list[str] = []
    legal_duty: bool = False


class ConditionDef(Strict):
    text: str
    when: ConditionTrigger
    cites: Cites = NonEmptyCites


class ConditionsFile(Strict):
    conditions: dict[str, ConditionDef]


class RuleText(Strict):
    outcome: str
    title: str
    text: str
    cites: Cites = NonEmptyCites


class NotEvaluated(Strict):
    id: str
    text: str
    cites: Cites = NonEmptyCites


class Awareness(Strict):
    severities: list[Severity]
    categories: list[str]
    exclude: list[str]
    text: str
    cites: Cites = NonEmptyCites


class DecisionFile(Strict):
    legal: dict[str, RuleText]
    recommendation: dict[str, RuleText]
    awareness: Awareness
    not_evaluated: list[NotEvaluated]


class RulesetFile(Strict):
    name: str
    version: str
    knowledge_as_of: date
    covers_from: date
    files: list[str]
