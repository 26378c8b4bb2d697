"""Pieces shared by the three OFAC formats (legacy CSV, Enhanced XML, Advanced XML).

All three formats describe the same OFAC records, keyed by the OFAC unique ID (``ent_num`` in the
CSV files, ``entity/@id`` in Enhanced XML, ``DistinctParty/@FixedRef`` in Advanced XML), so they
produce the same entity IDs: ``<source>-<uid>``, with ``ofacUid`` = uid.

Schema choice: OFAC's "entity" type (``-0-`` in the CSV ``SDN_Type`` column) covers companies,
banks, ministries, armed groups and political bodies alike, so it maps to ``Organization`` — the
narrowest schema that is true of all of them (``Company`` would be false for a ministry, and
``LegalEntity`` would lose that it is not a person). Individuals are ``Person``, vessels
``Vessel`` and aircraft ``Airplane``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from exportguard.model import Entity, make_entity_id
from exportguard.normalize.countries import country_code
from exportguard.sources.base import ParseContext

AUTHORITY = "US Department of the Treasury, Office of Foreign Assets Control (OFAC)"
OFAC_SOURCES = ("us_ofac_sdn", "us_ofac_cons")

# Canonical SDN type (the ``sdn_types`` vocabulary of source.yml) -> schema.
SCHEMA_BY_TYPE = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}

_ALIAS_PROP = {"a.k.a.": "alias", "f.k.a.": "previousName", "n.k.a.": "alias"}


@dataclass(slots=True)
class Record:
    """One publisher record being mapped: where it is (for errors) and the entity it fills."""

    ctx: ParseContext
    path: Path
    position: str
    entity: Entity
    warnings: list[str] = field(default_factory=list)

    def vocab(self, vocab: str, value: str) -> str:
        return self.ctx.check_vocab(vocab, value, self.path, self.position)

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.path.name}: {self.position}: {message}")


# A ``Linked To: NAME`` remark waiting to be resolved: (record, publisher's name, item text).
PendingLink = tuple[Record, str, str]


def new_entity(
    ctx: ParseContext, path: Path, position: str, uid: str, sdn_type: str | None, warnings: list[str]
) -> Record:
    """Create the entity for OFAC record ``uid`` of (raw) SDN type ``sdn_type``; its warnings
    go to the parse's shared ``warnings`` list."""
    canonical = ctx.check_vocab("sdn_types", canonical_sdn_type(sdn_type), path, position)
    entity = Entity(make_entity_id(ctx.source, uid), SCHEMA_BY_TYPE[canonical], ctx.source, uid)
    entity.add("ofacUid", uid)
    entity.add("authority", AUTHORITY)
    return Record(ctx, path, position, entity, warnings)


def canonical_sdn_type(raw: str | None) -> str:
    """``individual``/``Individual`` -> ``individual``; the CSV null ``-0-`` means ``entity``."""
    text = (raw or "").strip().lower()
    return "entity" if text in ("", "-0-") else text


def split_programs(text: str) -> list[str]:
    """``SDGT] [IRGC`` or ``[SDGT] [IRGC]`` -> ``["SDGT", "IRGC"]``."""
    return [p.strip().strip("[]").strip() for p in text.split("] [") if p.strip().strip("[]").strip()]


def add_program(rec: Record, code: str, original: str | None = None) -> None:
    rec.entity.add("program", rec.vocab("programs", code.strip()), original or code)


def add_country(rec: Record, prop: str, text: str | None, qualifier: str | None = None) -> bool:
    """Add ``text`` as a country code to ``prop``; warn (and keep it as a note) when unknown."""
    if text is None or not text.strip() or text.strip() in ("-0-", "undetermined", "None Identified"):
        return False
    raw = text.strip()
    if raw.lower().startswith("possibly "):
        raw, qualifier = raw[9:].strip(), "possibly"
    code = country_code(re.sub(r"^Region:\s*", "", raw))
    if code is None:
        rec.warn(f"unknown country {text.strip()!r} for {prop}; kept as a note")
        rec.entity.add("notes", f"{prop}: {text.strip()}", text, prop)
        return False
    rec.entity.add(prop, code, text, qualifier)
    return True


def add_alias(
    rec: Record, alias_type: str, name: str, original: str | None = None, weak: bool = False
) -> None:
    """Add an alias; ``alias_type`` is ``a.k.a.``/``f.k.a.``/``n.k.a.`` (any case, dots optional)."""
    kind = normalise_alias_type(alias_type)
    prop = "weakAlias" if weak else _ALIAS_PROP[kind]
    rec.entity.add(prop, name, original or name, kind)


def normalise_alias_type(text: str) -> str:
    letters = re.sub(r"[^a-z]", "", text.lower())
    kind = f"{letters[0]}.{letters[1]}.{letters[2]}." if len(letters) == 3 else text
    if kind not in _ALIAS_PROP:
        raise KeyError(text)
    return kind


def add_person_name_parts(rec: Record, full: str, first: str | None = None, last: str | None = None) -> None:
    """firstName/lastName of a person: given, or split from OFAC's ``LAST, First`` form."""
    if rec.entity.schema != "Person":
        return
    if first is None and last is None and full.count(",") == 1:
        last, first = (part.strip() for part in full.split(","))
    rec.entity.add("lastName", last)
    rec.entity.add("firstName", first)


def link_target(source: str, uid: str, same_file: bool) -> str:
    """Entity ID for a related OFAC record: this list when the record is in the same file,
    otherwise the other OFAC list (OFAC UIDs are unique across the SDN and consolidated lists,
    and a consolidated-list record's relatives that are not on it are SDN records)."""
    if same_file or source not in OFAC_SOURCES:
        return make_entity_id(source, uid)
    other = OFAC_SOURCES[1] if source == OFAC_SOURCES[0] else OFAC_SOURCES[0]
    return make_entity_id(other, uid)


class Tags:
    """Namespaced XML tag names: ``t.entity`` -> ``{namespace}entity``."""

    def __init__(self, ns: str) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> str:
        return f"{{{self._ns}}}{name}" if self._ns else name


def text_of(el: etree._Element | None) -> str:
    """Whitespace-normalised text of an XML element ('' when absent)."""
    return " ".join((el.text or "").split()) if el is not None else ""
