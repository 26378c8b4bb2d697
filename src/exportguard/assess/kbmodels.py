"""The shapes of the knowledge-base files in ``data/assess/`` (validated strictly on load): shared
types, sources, capabilities, taxonomy and control rules. The other rule files are in ``kbrules.py``."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["hard_stop", "critical", "aggravating", "info"]
Tier = Literal["low", "medium", "high", "very_high"]
Evidence = Literal["V", "S", "R"]
LegalOutcome = Literal["STOP_SANCTIONS", "LICENCE_REQUIRED", "NOTIFY_AUTHORITY", "NO_LEGAL_REQUIREMENT_FOUND"]
Relation = Literal["part_of", "same_as", "owned_by", "administered_by", "affiliated_with"]
Terms = dict[str, list[str]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cite(Strict):
    source: str
    at: str | None = None


Cites = list[Cite]
NonEmptyCites = Field(min_length=1)


class Source(Strict):
    title: str
    publisher: str
    date: date
    url: str | None
    evidence: Evidence


class SourcesFile(Strict):
    sources: dict[str, Source]


class Condition(Strict):
    any: list[str] = []
    all: list[str] = []
    none: list[str] = []


class FlagDef(Strict):
    title: str
    description: str
    cites: Cites = NonEmptyCites
    terms: Terms


class DerivedDef(Strict):
    title: str
    description: str
    cites: Cites = NonEmptyCites
    any: list[str]


class CapabilitiesFile(Strict):
    flags: dict[str, FlagDef]
    derived: dict[str, DerivedDef]


class Category(Strict):
    title: str
    eu_status: Literal["listed", "art5", "out"]
    note: str
    when: Condition
    cites: Cites = NonEmptyCites


class TaxonomyFile(Strict):
    categories: dict[str, Category]


class Regime(Strict):
    id: str
    title: str
    applies_from: date
    applies_to: date | None
    cyber_surveillance_catch_all: bool
    cites: Cites = NonEmptyCites


class ControlEntry(Strict):
    id: str
    list: str
    title: str
    applies_from: date | None
    applies_to: date | None = None
    jurisdiction: str | None = None
    when: Condition | None = None
    possible_when: Condition | None = None
    exclude_if: Condition | None = None
    cites: Cites = NonEmptyCites
    evidence: Evidence


class ControlNote(Strict):
    id: str
    title: str
    when: Condition
    us_only: bool = False
    cites: Cites = NonEmptyCites
    evidence: Evidence


class CatchAll(Strict):
    id: str
    title: str
    applies_from: date
    cites: Cites = NonEmptyCites
    art5_1: str
    art5_2: str
    art5_3: str


class Element(Strict):
    id: str
    label: str
    explanation: str
    yes_any: list[str]
    uncertain_any: list[str]


class Art220(Strict):
    cites: Cites = NonEmptyCites
    elements: list[Element]


class ControlsFile(Strict):
    regimes: list[Regime]
    entries: list[ControlEntry]
    notes: list[ControlNote]
    catch_all: CatchAll
    art2_20: Art220
