"""Collect FtM entities (full or delta) into exportguard entities.

Listed schemata (``listed_schema`` in source.yml) become entities ``opensanctions-<ftm id>``;
folded schemata are kept aside and folded in at the end (:mod:`.folding`), because FtM files are
not ordered (a Sanction may come before or after its entity); other schemata are skipped and
counted. The FtM ``datasets`` become ``subList`` values, ``referents`` ``referent`` values.
Entities that are not targets themselves (``"target": false``: owners, relatives, companies in a
target's network) are kept too; their ``topics`` (usually no ``sanction``) tell them apart.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from exportguard.errors import ParseError
from exportguard.model import Entity, make_entity_id
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.opensanctions import folding
from exportguard.sources.opensanctions.properties import ENTITY_PROPS, add_keys, add_value

SOURCE = folding.SOURCE
_ENTITY_KEYS = frozenset(
    (
        "id",
        "caption",
        "schema",
        "properties",
        "referents",
        "datasets",
        "first_seen",
        "last_seen",
        "last_change",
        "target",
    )
)


@cache
def listed_schemata() -> dict[str, str]:
    text = resources.files(__package__).joinpath("source.yml").read_text("utf-8")
    data = yaml.safe_load(text)["vocabularies"]["listed_schema"]
    return {str(k): str(v) for k, v in data.items()}


def _strings(value: Any, path: Path, where: str, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ParseError(path, where, f"{what} should be a list of strings")
    return value


class FtmCollector:
    def __init__(self, ctx: ParseContext) -> None:
        self.ctx = ctx
        self.records = 0
        self.entities: dict[str, Entity] = {}  # by FtM ID
        self.aux: dict[str, tuple[str, folding.Props]] = {}  # folded schemata, by FtM ID
        self.address_refs: list[tuple[str, str]] = []  # (entity FtM ID, Address FtM ID)
        self.deleted: dict[str, None] = {}  # FtM IDs, in order
        self.dropped: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.warn: Counter[str] = Counter()
        self.last_seen: str | None = None

    def add(self, data: dict[str, Any], path: Path, where: str) -> None:
        """One FtM entity (a line of the full form, or the ``entity`` of an ADD/MOD)."""
        ftm_id, schema = data.get("id"), data.get("schema")
        if not isinstance(ftm_id, str) or not ftm_id.strip() or not isinstance(schema, str) or not schema:
            raise ParseError(path, where, "not an FtM entity (no id or schema)")
        props = data.get("properties") or {}
        if not isinstance(props, dict):
            raise ParseError(path, where, "properties should be an object")
        clean = {k: _strings(v, path, where, f"property {k}") for k, v in props.items()}
        self.records += 1
        self.deleted.pop(ftm_id, None)
        for key in sorted(set(data) - _ENTITY_KEYS):
            self.warn[f"unknown FtM entity key {key!r}"] += 1
        seen = data.get("last_seen")
        if isinstance(seen, str) and seen[:10] > (self.last_seen or ""):
            self.last_seen = seen[:10]
        if schema in listed_schemata():
            self._listed(ftm_id, listed_schemata()[schema], data, clean, path, where)
        elif schema in self.ctx.meta.vocabularies["folded_schema"]:
            self.aux[ftm_id] = (schema, clean)
        else:
            self.skipped[schema] += 1
        self.ctx.progress(1)

    def delete(self, ftm_id: str) -> None:
        self.records += 1
        self.entities.pop(ftm_id, None)
        self.aux.pop(ftm_id, None)
        self.deleted[ftm_id] = None
        self.ctx.progress(1)

    def _listed(
        self, ftm_id: str, schema: str, data: dict[str, Any], props: folding.Props, path: Path, where: str
    ) -> None:
        ent = Entity(make_entity_id(SOURCE, ftm_id), schema, SOURCE, ftm_id)
        caption = data.get("caption")
        if isinstance(caption, str) and caption in props.get("name", []):
            ent.add("name", caption)  # first, so that it is the entity's caption here too
        for ftm_prop, values in props.items():
            if ftm_prop == "addressEntity":
                self.address_refs.extend((ftm_id, ref) for ref in values)
                continue
            target = ENTITY_PROPS.get(ftm_prop)
            if target is None:
                self.dropped[f"{data['schema']}.{ftm_prop}"] += len(values)
                continue
            for raw in values:
                add_value(ent, target[0], raw, target[1], self.warn)
        if not ent.names() and isinstance(caption, str):
            ent.add("name", caption)
        if not ent.names():
            raise ParseError(path, where, f"entity {ftm_id} has no name")
        for dataset in _strings(data.get("datasets"), path, where, "datasets"):
            ent.add("subList", dataset, qualifier="dataset")
        add_keys(ent, ftm_id, _strings(data.get("referents"), path, where, "referents"))
        known = self.entities.get(ftm_id)
        if known is not None and known.schema == ent.schema:  # the same entity in two files: merge
            for v in ent.values:
                known.add(v.prop, v.value, v.original, v.qualifier)
            return
        if known is not None:
            self.warn["FtM ID seen with two schemata (the later entity kept)"] += 1
        self.entities[ftm_id] = ent

    def _fold(self) -> None:
        for ftm_id, ref in self.address_refs:
            found = self.aux.get(ref)
            if found is None or found[0] != "Address":
                self.warn["addressEntity not in the file(s)"] += 1
            elif ftm_id in self.entities:
                folding.fold_address(self.entities[ftm_id], found[1], self.warn)
        for schema, props in self.aux.values():
            if schema == "Sanction":
                targets = [self.entities[i] for i in props.get("entity", []) if i in self.entities]
                if not targets:
                    self.warn["Sanction of an entity not in the file(s)"] += 1
                for ent in targets:
                    folding.fold_sanction(ent, props, self.dropped, self.warn)
            elif schema in ("Identification", "Passport"):
                for holder in props.get("holder", []):
                    if holder in self.entities:
                        folding.fold_identification(self.entities[holder], schema, props)
            elif schema in folding.LINKS:
                folding.fold_link(self.entities, schema, props, self.warn)

    def result(self, fmt: str, is_delta: bool) -> ParsedList:
        self._fold()
        warnings = [f"{n} × {what}" for what, n in sorted(self.warn.items())]
        if self.skipped:
            counts = ", ".join(f"{s} ×{n}" for s, n in sorted(self.skipped.items()))
            warnings.append(f"skipped FtM entities of schemata that are not kept: {counts}")
        if self.dropped:
            counts = ", ".join(f"{p} ×{n}" for p, n in sorted(self.dropped.items()))
            warnings.append(f"dropped FtM property values exportguard has no property for: {counts}")
        return ParsedList(
            SOURCE, fmt, list(self.entities.values()), published=self.last_seen,
            deleted=[make_entity_id(SOURCE, i) for i in self.deleted], is_delta=is_delta,
            records=self.records, warnings=warnings,
        )  # fmt: skip
