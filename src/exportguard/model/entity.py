"""Entities: one listed person, organisation, vessel or aircraft as one source publishes it."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from exportguard.model.schema import NAME_PROPS, PROPERTIES, SCHEMATA

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]+")


def make_entity_id(source: str, record_id: str) -> str:
    """Stable entity ID ``<source>-<record id>``; characters outside ``[A-Za-z0-9._:-]`` become ``_``."""
    record = _ID_UNSAFE.sub("_", record_id.strip())
    if not record:
        raise ValueError("empty record id")
    return f"{source}-{record}"


@dataclass(slots=True, frozen=True)
class Value:
    """One property value: the cleaned ``value`` and the publisher's ``original`` text.

    ``qualifier`` holds what the publisher said about the value (identifier type, alias type
    ``a.k.a.``/``f.k.a.``, alias strength, script or language, address kind).
    """

    prop: str
    value: str
    original: str
    qualifier: str | None = None

    def to_list(self) -> list[str | None]:
        return [self.prop, self.value, self.original, self.qualifier]

    @classmethod
    def from_list(cls, data: list[Any]) -> Value:
        return cls(str(data[0]), str(data[1]), str(data[2]), data[3] if len(data) > 3 else None)


@dataclass(slots=True)
class Entity:
    """A listed entity: schema, source, the source's own record ID and its values."""

    id: str
    schema: str
    source: str
    record_id: str
    values: list[Value] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.schema not in SCHEMATA:
            raise ValueError(f"unknown schema {self.schema!r}")

    # -- building -------------------------------------------------------------------------
    def add(
        self, prop: str, value: str | None, original: str | None = None, qualifier: str | None = None
    ) -> None:
        """Add a value; empty values are ignored, duplicates (same prop, value, qualifier) merged."""
        if prop not in PROPERTIES:
            raise ValueError(f"unknown property {prop!r}")
        if value is None:
            return
        cleaned = " ".join(value.split())
        if not cleaned:
            return
        item = Value(prop, cleaned, value if original is None else original, qualifier)
        for existing in self.values:
            if existing.prop == prop and existing.value == cleaned and existing.qualifier == qualifier:
                return
        self.values.append(item)

    # -- reading --------------------------------------------------------------------------
    def get(self, prop: str) -> list[str]:
        seen: list[str] = []
        for v in self.values:
            if v.prop == prop and v.value not in seen:
                seen.append(v.value)
        return seen

    def first(self, prop: str) -> str | None:
        for v in self.values:
            if v.prop == prop:
                return v.value
        return None

    def get_values(self, prop: str) -> list[Value]:
        return [v for v in self.values if v.prop == prop]

    @property
    def caption(self) -> str:
        for prop in NAME_PROPS:
            first = self.first(prop)
            if first:
                return first
        return self.id

    def names(self) -> list[str]:
        """Every name the entity is known by (name, aliases, weak aliases, previous names)."""
        out: list[str] = []
        for v in self.values:
            if v.prop in NAME_PROPS and v.value not in out:
                out.append(v.value)
        return out

    # -- serialisation --------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "schema": self.schema,
            "source": self.source,
            "record_id": self.record_id,
            "values": [v.to_list() for v in self.values],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            schema=data["schema"],
            source=data["source"],
            record_id=data["record_id"],
            values=[Value.from_list(v) for v in data["values"]],
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    def properties(self) -> dict[str, list[str]]:
        """Cleaned values grouped by property, in first-seen order."""
        props: dict[str, list[str]] = {}
        for v in self.values:
            bucket = props.setdefault(v.prop, [])
            if v.value not in bucket:
                bucket.append(v.value)
        return props

    def digest(self) -> str:
        """Content hash (order-insensitive) used to compute what changed between versions."""
        canon = sorted(json.dumps(v.to_list(), ensure_ascii=False) for v in self.values)
        raw = json.dumps([self.schema, canon], ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]
