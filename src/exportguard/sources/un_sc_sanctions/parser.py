"""UN Security Council consolidated list XML (``sc-sanctions.xsd``) to entities.

``CONSOLIDATED_LIST[@dateGenerated]`` holds ``INDIVIDUALS/INDIVIDUAL`` (→ Person) and
``ENTITIES/ENTITY`` (→ Organization), each identified by ``DATAID``. Every child element is
mapped below; an element this parser does not know is reported once as a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from exportguard.errors import ParseError
from exportguard.model import Entity, make_entity_id
from exportguard.normalize.countries import country_code
from exportguard.normalize.dates import iso_date
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.formats.xml import parse_xml
from exportguard.sources.un_sc_sanctions.reference import un_reference

SOURCE = "un_sc_sanctions"
FORMAT = "un_sc_xml"
AUTHORITY = "United Nations Security Council"

ALIAS_PROPS = {"Good": "alias", "Low": "weakAlias", "a.k.a.": "alias", "f.k.a.": "previousName", "": "alias"}
PASSPORT_TYPES = {"Passport", "Numéro de passeport", "Número de pasaporte"}
NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
# Elements mapped by this parser; anything else is reported as a warning.
KNOWN = {
    "DATAID", "VERSIONNUM", *NAME_PARTS, "UN_LIST_TYPE", "REFERENCE_NUMBER", "LISTED_ON", "GENDER",
    "COMMENTS1", "DESIGNATION", "TITLE", "NATIONALITY", "LIST_TYPE", "LAST_DAY_UPDATED",
    "NAME_ORIGINAL_SCRIPT", "INDIVIDUAL_ALIAS", "ENTITY_ALIAS", "INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS",
    "INDIVIDUAL_DATE_OF_BIRTH", "INDIVIDUAL_PLACE_OF_BIRTH", "INDIVIDUAL_DOCUMENT", "SORT_KEY",
    "SORT_KEY_LAST_MOD",
}  # fmt: skip
_NOT_AVAILABLE = {"na", "n/a", "unknown"}
_LABELLED_NUMBER = re.compile(r"^(.*?(?:\b(?:number|no\b\.?)|:))\s*:?\s*(\S*\d.*)$", re.IGNORECASE)
_NUMBER_NOTE = re.compile(r"^(\S*\d[^()]*?)\s*\(([^()]*)\)$")
_EMBEDDED_NUMBER = re.compile(r"^(.*?\D)\s+(?:number\s+)?(\d[\d/-]*)$", re.IGNORECASE)
# A birth-year range up to this span becomes one birthDate per year; a wider one its two ends.
MAX_RANGE = 20


def _text(el: etree._Element, tag: str) -> str:
    found = el.find(tag)
    if found is None or found.text is None:
        return ""
    return " ".join(found.text.split())


def _values(el: etree._Element, tag: str) -> list[str]:
    return [" ".join(v.text.split()) for v in el.findall(f"{tag}/VALUE") if v.text and v.text.strip()]


def _date(text: str) -> str | None:
    """``LISTED_ON`` and friends: ``2001-10-06`` or ``2001-10-06-05:00`` (a time-zone suffix)."""
    return iso_date(text[:10]) if text else None


def _split_number(text: str) -> tuple[str, str]:
    """A document NUMBER as (number, label): ``British passport number C00146605`` →
    ``("C00146605", "British passport number")``; ``381110042 (Expired 25 Jan. 2016)`` →
    ``("381110042", "Expired 25 Jan. 2016")``; anything else is the number itself."""
    m = _LABELLED_NUMBER.match(text)
    if m and any(ch.isalpha() for ch in m.group(1)):
        return m.group(2).strip(), m.group(1).rstrip(" :")
    m = _NUMBER_NOTE.match(text)
    if m:
        return m.group(1), m.group(2)
    return text, ""


class _Record:
    """Maps one INDIVIDUAL or ENTITY element; ``where`` names it in errors."""

    def __init__(
        self, ctx: ParseContext, path: Path, el: etree._Element, schema: str, misses: Counter[str]
    ) -> None:
        self.ctx, self.path, self.el, self.misses = ctx, path, el, misses
        data_id = _text(el, "DATAID")
        self.where = f"line {el.sourceline}, {el.tag} DATAID {data_id or '?'}"
        if not data_id:
            raise ParseError(path, self.where, f"{el.tag} without DATAID")
        self.entity = Entity(make_entity_id(SOURCE, data_id), schema, SOURCE, data_id)

    def vocab(self, vocab: str, value: str) -> str:
        return self.ctx.check_vocab(vocab, value, self.path, self.where)

    def country(self, prop: str, text: str) -> None:
        if not text or text.lower() in _NOT_AVAILABLE:
            return
        code = country_code(text)
        if code is None:
            self.misses[text] += 1
        self.entity.add(prop, code, text)

    def build(self) -> Entity:
        el, ent = self.el, self.entity
        name = " ".join(p for p in (_text(el, t) for t in NAME_PARTS) if p)
        if not name:
            raise ParseError(self.path, self.where, "record without a name")
        ent.add("name", name)
        ent.add("alias", _text(el, "NAME_ORIGINAL_SCRIPT"), qualifier="original script")
        ref_raw = el.findtext("REFERENCE_NUMBER") or ""
        ref = un_reference(ref_raw)
        if ref is None:
            raise ParseError(self.path, self.where, f"missing or malformed REFERENCE_NUMBER {ref_raw!r}")
        ent.add("unReferenceNumber", ref, ref_raw)
        ent.add("program", self.vocab("list_type", _text(el, "UN_LIST_TYPE")))
        ent.add("authority", AUTHORITY)
        ent.add("listingDate", _date(_text(el, "LISTED_ON")), _text(el, "LISTED_ON"))
        updated = [d for d in (_date(v) for v in _values(el, "LAST_DAY_UPDATED")) if d]
        ent.add("modifiedAt", max(updated) if updated else None)
        ent.add("notes", _text(el, "COMMENTS1"))
        for title in _values(el, "TITLE"):
            ent.add("title", title)
        for position in _values(el, "DESIGNATION"):
            ent.add("position", position)
        gender = _text(el, "GENDER")
        if gender:
            ent.add("gender", self.vocab("gender", gender).lower(), gender)
        for nat in _values(el, "NATIONALITY"):
            self.country("nationality", nat)
        for alias in el.findall("INDIVIDUAL_ALIAS") + el.findall("ENTITY_ALIAS"):
            self.alias(alias)
        for addr in el.findall("INDIVIDUAL_ADDRESS") + el.findall("ENTITY_ADDRESS"):
            self.address(addr)
        for dob in el.findall("INDIVIDUAL_DATE_OF_BIRTH"):
            self.birth_date(dob)
        for pob in el.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
            parts = [_text(pob, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY", "NOTE")]
            ent.add("birthPlace", ", ".join(p for p in parts if p) or None)
        for doc in el.findall("INDIVIDUAL_DOCUMENT"):
            self.document(doc)
        return ent

    def alias(self, alias: etree._Element) -> None:
        quality = self.vocab("alias_quality", _text(alias, "QUALITY"))
        name = _text(alias, "ALIAS_NAME")
        if not name:
            return
        self.entity.add(ALIAS_PROPS[quality], name, qualifier=quality or None)
        dob = _text(alias, "DATE_OF_BIRTH")
        self.entity.add("birthDate", iso_date(dob, ("%d/%m/%Y",)), dob, qualifier=f"as {name}")
        place = ", ".join(p for p in (_text(alias, "CITY_OF_BIRTH"), _text(alias, "COUNTRY_OF_BIRTH")) if p)
        self.entity.add("birthPlace", place or None, qualifier=f"as {name}")
        note = _text(alias, "NOTE")
        self.entity.add("notes", f"{name}: {note}" if note else None)

    def address(self, addr: etree._Element) -> None:
        parts = [_text(addr, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")]
        note = _text(addr, "NOTE")
        self.entity.add("address", ", ".join(p for p in parts if p) or None, qualifier=note or None)
        self.country("country", _text(addr, "COUNTRY"))

    def birth_date(self, dob: etree._Element) -> None:
        kind = self.vocab("date_type", _text(dob, "TYPE_OF_DATE"))
        note = _text(dob, "NOTE")
        qualifier = "approximately" if kind == "APPROXIMATELY" else None
        exact, year = _text(dob, "DATE"), _text(dob, "YEAR")
        low, high = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
        if exact or year:
            raw = exact or year
            value = iso_date(raw)
            if value is None:
                raise ParseError(self.path, self.where, f"invalid date of birth {raw!r}")
            self.entity.add("birthDate", value, raw, qualifier)
        elif low and high:
            if not (low.isdigit() and high.isdigit() and int(low) <= int(high)):
                raise ParseError(self.path, self.where, f"invalid date-of-birth range {low!r}-{high!r}")
            between = f"between {low} and {high}"
            years = (
                range(int(low), int(high) + 1) if int(high) - int(low) <= MAX_RANGE else (int(low), int(high))
            )
            for y in years:
                self.entity.add("birthDate", str(y), f"{low}-{high}", between)
        elif note:  # e.g. "Nov. 1973" with no structured date
            parsed = iso_date(note, ("%b. %Y", "%b %Y", "%B %Y"))
            self.entity.add("birthDate", parsed, note, qualifier)
        if note:
            self.entity.add("notes", f"Date of birth: {note}")

    def document(self, doc: etree._Element) -> None:
        if len(doc) == 0:
            return
        kind = self.vocab("document_type", _text(doc, "TYPE_OF_DOCUMENT"))
        detail = _text(doc, "TYPE_OF_DOCUMENT2").rstrip(":").strip()
        raw = _text(doc, "NUMBER")
        number, label = _split_number(raw)
        embedded = _EMBEDDED_NUMBER.match(detail)
        if not number and embedded:  # "Afghan national identification card (tazkira) number 545167"
            detail, number = embedded.group(1), embedded.group(2)
        prop = "passportNumber" if kind in PASSPORT_TYPES else "idNumber"
        self.entity.add(prop, number or None, raw or number, qualifier=detail or kind)
        facts = [label, detail if not number else "", _text(doc, "ISSUING_COUNTRY"), _text(doc, "COUNTRY_OF_ISSUE"),
                 _text(doc, "CITY_OF_ISSUE"), _text(doc, "DATE_OF_ISSUE"), _text(doc, "NOTE")]  # fmt: skip
        extra = "; ".join(f for f in facts if f)
        if extra:
            self.entity.add("notes", f"{' '.join(p for p in (kind, number) if p)}: {extra}")


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    root = parse_xml(path)
    if root.tag != "CONSOLIDATED_LIST":
        raise ParseError(
            path, f"line {root.sourceline}", f"root element is <{root.tag}>, not <CONSOLIDATED_LIST>"
        )
    generated = root.get("dateGenerated") or ""
    published = iso_date(generated[:10])
    if published is None:
        raise ParseError(path, f"line {root.sourceline}", f"missing or invalid dateGenerated {generated!r}")
    entities: list[Entity] = []
    unknown: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    seen: set[str] = set()
    for group, tag, schema in (
        ("INDIVIDUALS", "INDIVIDUAL", "Person"),
        ("ENTITIES", "ENTITY", "Organization"),
    ):
        for el in root.iterfind(f"{group}/{tag}"):
            record = _Record(ctx, path, el, schema, misses)
            if record.entity.id in seen:
                raise ParseError(path, record.where, "duplicate DATAID")
            seen.add(record.entity.id)
            unknown.update(str(c.tag) for c in el if isinstance(c.tag, str) and c.tag not in KNOWN)
            entities.append(record.build())
            ctx.progress(1)
    if not entities:
        raise ParseError(path, None, "no INDIVIDUAL or ENTITY records")
    warnings = [f"ignored unknown element <{tag}> in {n} record(s)" for tag, n in sorted(unknown.items())]
    if misses:
        warnings.append(f"country names not recognised (left out): {', '.join(sorted(misses))}")
    return ParsedList(SOURCE, FORMAT, entities, published=published, records=len(entities), warnings=warnings)
