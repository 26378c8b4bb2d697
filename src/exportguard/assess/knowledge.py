"""The shipped knowledge base (``data/assess/``): loaded once, validated, cross-checked, fingerprinted.

Every rule, term list, place, affiliation and country row cites a source from ``sources.yml``;
``check()`` proves it. The rule-set name, version and the SHA-256 fingerprint of its files go into
every assessment.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from exportguard.assess import kbmodels as m
from exportguard.assess import kbrules as r
from exportguard.assess.kbcheck import check
from exportguard.assess.text import Negation, TermSet
from exportguard.errors import ParseError

T = TypeVar("T", bound=BaseModel)


def data_dir() -> Path:
    return Path(str(resources.files("exportguard").joinpath("data", "assess")))


def _load(name: str, model: type[T]) -> T:
    path = data_dir() / name
    try:
        raw: Any = yaml.safe_load(path.read_text("utf-8"))
        return model.model_validate(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise ParseError(path, None, f"knowledge-base file cannot be read: {exc}") from None
    except PydanticError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ParseError(path, where, f"knowledge-base file invalid: {first['msg']}") from None


@dataclass(frozen=True)
class RuleSet:
    name: str
    version: str
    knowledge_as_of: str
    covers_from: str
    fingerprint: str

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"


@dataclass
class Knowledge:
    """Every knowledge-base file, validated, with compiled term sets."""

    ruleset_file: r.RulesetFile
    sources: dict[str, m.Source]
    capabilities: m.CapabilitiesFile
    taxonomy: m.TaxonomyFile
    controls: m.ControlsFile
    red_flags: r.RedFlagsFile
    programmes: r.ProgrammesFile
    term_lists: dict[str, r.TermList]
    negation_file: r.NegationFile
    party_kinds: r.PartyKindsFile
    names: r.NamesFile
    places: r.PlacesFile
    affiliations: r.AffiliationsFile
    list_effects: r.ListEffectsFile
    destinations: r.DestinationsFile
    subnational: r.SubnationalFile
    conditions: r.ConditionsFile
    decision: r.DecisionFile
    indicators: dict[str, dict[str, str]] = field(default_factory=dict)  # iso3 -> row
    fingerprint: str = ""

    @property
    def ruleset(self) -> RuleSet:
        f = self.ruleset_file
        return RuleSet(f.name, f.version, f.knowledge_as_of.isoformat(), f.covers_from.isoformat(), self.fingerprint)

    @cached_property
    def negation(self) -> Negation:
        n = self.negation_file
        return Negation(n.cues, n.not_cues, n.window_words, n.window_chars)

    @cached_property
    def flag_terms(self) -> dict[str, TermSet]:
        return {flag: TermSet(d.terms) for flag, d in self.capabilities.flags.items()}

    @cached_property
    def text_lists(self) -> dict[str, TermSet]:
        """Term lists by ID: ``programmes`` plus every list in terms/targeting.yml and terms/context.yml."""
        merged: dict[str, list[str]] = {}
        for group in self.programmes.groups:
            for lang, terms in group.terms.items():
                merged.setdefault(lang, []).extend(terms)
        lists = {self.programmes.id: TermSet(merged)}
        lists.update({key: TermSet(tl.terms) for key, tl in self.term_lists.items()})
        return lists

    @cached_property
    def kind_terms(self) -> dict[str, TermSet]:
        return {kind: TermSet(d.terms) for kind, d in self.party_kinds.kinds.items()}

    @property
    def all_flags(self) -> set[str]:
        return set(self.capabilities.flags) | set(self.capabilities.derived)

    def programme_label(self, matched_term: str) -> str | None:
        for group in self.programmes.groups:
            if any(matched_term in terms for terms in group.terms.values()):
                return group.label
        return None


def _fingerprint(files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (data_dir() / name).read_bytes() + b"\0")
    return digest.hexdigest()


def _indicators(name: str) -> dict[str, dict[str, str]]:
    text = (data_dir() / name).read_text("utf-8")
    return {row["iso3"]: row for row in csv.DictReader(io.StringIO(text))}


@cache
def load_knowledge() -> Knowledge:
    """Load and validate the knowledge base (cached for the process)."""
    ruleset = _load("ruleset.yml", r.RulesetFile)
    kb = Knowledge(
        ruleset_file=ruleset,
        sources=_load("sources.yml", m.SourcesFile).sources,
        capabilities=_load("capabilities.yml", m.CapabilitiesFile),
        taxonomy=_load("taxonomy.yml", m.TaxonomyFile),
        controls=_load("controls.yml", m.ControlsFile),
        red_flags=_load("red_flags.yml", r.RedFlagsFile),
        programmes=_load("terms/programmes.yml", r.ProgrammesFile),
        term_lists={
            **_load("terms/targeting.yml", r.TermListsFile).lists,
            **_load("terms/context.yml", r.TermListsFile).lists,
        },
        negation_file=_load("terms/negation.yml", r.NegationFile),
        party_kinds=_load("party_kinds.yml", r.PartyKindsFile),
        names=_load("names.yml", r.NamesFile),
        places=_load("places.yml", r.PlacesFile),
        affiliations=_load("affiliations.yml", r.AffiliationsFile),
        list_effects=_load("list_effects.yml", r.ListEffectsFile),
        destinations=_load("destinations.yml", r.DestinationsFile),
        subnational=_load("subnational.yml", r.SubnationalFile),
        conditions=_load("conditions.yml", r.ConditionsFile),
        decision=_load("decision.yml", r.DecisionFile),
    )
    kb.indicators = _indicators(kb.destinations.indicators.file)
    kb.fingerprint = _fingerprint(ruleset.files)
    problems = check(kb)
    if problems:
        raise ParseError(data_dir(), None, "knowledge base inconsistent: " + "; ".join(problems[:5]))
    return kb
