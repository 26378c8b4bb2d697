"""Cross-checks of the knowledge base: citations resolve, referenced flags, kinds, lists and regions
exist, every capability has wording in the six required languages, and every term compiles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from exportguard.assess import kbmodels as m
from exportguard.assess.text import TermSet
from exportguard.assess.vocab import ASSURANCES, ROLES
from exportguard.sources.registry import SOURCE_IDS

if TYPE_CHECKING:
    from exportguard.assess.knowledge import Knowledge

REQUIRED_LANGUAGES = ("en", "zh", "de", "fr", "nl", "sv")
RELATIONS = {"self", "rendering", "subunit_of", "named_parent", "part_of", "same_as", "owned_by", "administered_by", "affiliated_with"}


def iter_cites(obj: Any, path: str = "") -> Iterator[tuple[str, m.Cite]]:
    """Every citation inside a knowledge-base object, with where it sits."""
    if isinstance(obj, m.Cite):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from iter_cites(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from iter_cites(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from iter_cites(value, f"{path}[{i}]")


def _conditions(kb: Knowledge) -> Iterator[tuple[str, m.Condition]]:
    for cid, cat in kb.taxonomy.categories.items():
        yield f"taxonomy {cid}", cat.when
    for entry in kb.controls.entries:
        for cond in (entry.when, entry.possible_when, entry.exclude_if):
            if cond is not None:
                yield f"controls {entry.id}", cond
    for note in kb.controls.notes:
        yield f"controls note {note.id}", note.when
    for el in kb.controls.art2_20.elements:
        yield f"art2_20 {el.id}", m.Condition(any=el.yes_any + el.uncertain_any)
    for fid, flag in kb.red_flags.flags.items():
        for trig in flag.when:
            if trig.capability is not None:
                yield f"red flag {fid}", trig.capability
    for cid, cdef in kb.conditions.conditions.items():
        yield f"condition {cid}", m.Condition(any=cdef.when.capabilities)
    for did, d in kb.capabilities.derived.items():
        yield f"derived {did}", m.Condition(any=d.any)


def _red_flag_problems(kb: Knowledge) -> Iterator[str]:
    for fid, flag in kb.red_flags.flags.items():
        if flag.automated and not flag.when:
            yield f"red flag {fid} has no trigger"
        for trig in flag.when:
            if trig.text is not None and trig.text.term_list not in kb.text_lists:
                yield f"red flag {fid}: unknown term list {trig.text.term_list!r}"
            if trig.party_kind is not None:
                for kind in trig.party_kind.kinds:
                    if kind not in kb.party_kinds.kinds:
                        yield f"red flag {fid}: unknown kind {kind!r}"
                for role in trig.party_kind.roles:
                    if role not in ROLES:
                        yield f"red flag {fid}: unknown role {role!r}"
            if trig.screening is not None:
                for rel in trig.screening.relations:
                    if rel not in RELATIONS:
                        yield f"red flag {fid}: unknown relation {rel!r}"
            for key in trig.assurance_refused or []:
                if key not in ASSURANCES:
                    yield f"red flag {fid}: unknown assurance {key!r}"
    for cid, cond in kb.conditions.conditions.items():
        for fid in cond.when.red_flags:
            if fid not in kb.red_flags.flags:
                yield f"condition {cid}: unknown red flag {fid!r}"


def _term_problems(kb: Knowledge) -> Iterator[str]:
    for flag, d in kb.capabilities.flags.items():
        missing = [lang for lang in REQUIRED_LANGUAGES if not d.terms.get(lang)]
        if missing:
            yield f"capability {flag}: no terms in {', '.join(missing)}"
    sets: list[tuple[str, dict[str, list[str]]]] = [(f"capability {k}", d.terms) for k, d in kb.capabilities.flags.items()]
    sets += [(f"term list {k}", t.terms) for k, t in kb.term_lists.items()]
    sets += [(f"programme {g.label}", g.terms) for g in kb.programmes.groups]
    sets += [(f"kind {k}", d.terms) for k, d in kb.party_kinds.kinds.items()]
    for where, terms in sets:
        try:
            TermSet(terms)
        except (ValueError, re.error) as exc:
            yield f"{where}: {exc}"
    for rule in kb.names.subunits:
        try:
            if "parent" not in re.compile(rule.pattern).groupindex:
                yield f"subunit pattern without a 'parent' group: {rule.pattern}"
        except re.error as exc:
            yield f"subunit pattern {rule.pattern!r}: {exc}"


def check(kb: Knowledge) -> list[str]:
    """Every inconsistency found (empty when the knowledge base is sound)."""
    problems: list[str] = []
    parts: dict[str, Any] = {name: getattr(kb, name) for name in vars(kb) if name not in ("indicators", "fingerprint", "sources")}
    for where, cite in iter_cites(parts):
        if cite.source not in kb.sources:
            problems.append(f"{where}: unknown source {cite.source!r}")
    flags = kb.all_flags
    for where, cond in _conditions(kb):
        for flag in cond.any + cond.all + cond.none:
            if flag not in flags:
                problems.append(f"{where}: unknown capability {flag!r}")
    problems.extend(_red_flag_problems(kb))
    problems.extend(_term_problems(kb))
    for rule in kb.list_effects.rules:
        if rule.effect not in kb.list_effects.effects:
            problems.append(f"list effect rule for {rule.source}: unknown effect {rule.effect!r}")
        if rule.source not in SOURCE_IDS:
            problems.append(f"list effect rule: unknown source {rule.source!r}")
    for place in kb.places.places:
        if place.region is not None and place.region not in kb.subnational.regions:
            problems.append(f"place {place.id}: unknown region {place.region!r}")
    for body in kb.affiliations.bodies:
        if body.kind not in kb.party_kinds.kinds:
            problems.append(f"affiliation {body.id}: unknown kind {body.kind!r}")
    ids = [e.id for e in kb.controls.entries]
    if len(ids) != len(set(ids)):
        problems.append("duplicate control entry IDs")
    return problems
