"""EU consolidated list, the pre-2017 "WHOLE" XML, to entities.

``WHOLE[@Date dd/mm/yyyy]/ENTITY[@Id, @Type P|E, @programme, @reg_date]`` with ``NAME`` (the first is
the primary name), ``BIRTH``, ``CITIZEN``, ``ADDRESS`` and ``PASSPORT`` children. ``ENTITY/@Id`` is
the same number as ``sanctionEntity/@logicalId`` in FSF 1.1, so entity IDs carry over.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from exportguard.errors import ParseError
from exportguard.model import Entity, make_entity_id
from exportguard.normalize.countries import country_code, country_name
from exportguard.normalize.dates import iso_date
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.eu_fsf.common import (
    AUTHORITY,
    GENDERS,
    IDENTIFIER_PROPS,
    SOURCE,
    add_country,
    add_year_range,
    blank,
    miss_warning,
)
from exportguard.sources.formats.xml import parse_xml

FORMAT = "eu_fsf_legacy_xml"
SCHEMATA = {"P": "Person", "E": "Organization"}
KNOWN = {"NAME", "BIRTH", "CITIZEN", "ADDRESS", "PASSPORT"}
# "AD001095 (passport-National passport) ((passport))": number, (code-description), remarks.
_DOCUMENT = re.compile(r"^(.*?)\s*\(([a-z]+)-([^()]*)\)\s*(.*)$", re.DOTALL)
_YEAR_RANGE = re.compile(r"^(\d{4})\s*-\s*(\d{4})$")
_APPROX = " (approximative)"


def _text(el: etree._Element, tag: str) -> str:
    return " ".join((el.findtext(tag) or "").split())


def _strip_parens(text: str) -> str:
    text = " ".join(text.split())
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text


class _Record:
    def __init__(self, ctx: ParseContext, path: Path, el: etree._Element, misses: Counter[str]) -> None:
        self.ctx, self.path, self.el, self.misses = ctx, path, el, misses
        rid = (el.get("Id") or "").strip()
        self.where = f"line {el.sourceline}, ENTITY Id {rid or '?'}"
        if not rid:
            raise ParseError(path, self.where, "ENTITY without Id")
        kind = self.vocab("legacy_subject_type", (el.get("Type") or "").strip())
        self.entity = Entity(make_entity_id(SOURCE, rid), SCHEMATA[kind], SOURCE, rid)

    def vocab(self, vocab: str, value: str) -> str:
        return self.ctx.check_vocab(vocab, value, self.path, self.where)

    def build(self) -> Entity:
        el, ent = self.el, self.entity
        ent.add("authority", AUTHORITY)
        ent.add("program", self.vocab("programme", (el.get("programme") or "").strip()))
        ent.add("listingDate", iso_date(el.get("reg_date")), el.get("reg_date"))
        ent.add("sourceUrl", el.get("pdf_link"))
        ent.add("notes", _strip_parens(el.get("remark") or "") or None)
        for child in el:
            if isinstance(child.tag, str) and child.get("programme"):
                self.vocab("programme", child.get("programme", "").strip())
        for i, name in enumerate(el.findall("NAME")):
            self.name(name, primary=i == 0)
        if not ent.first("name"):
            raise ParseError(self.path, self.where, "ENTITY without a name")
        for birth in el.findall("BIRTH"):
            self.birth(birth)
        for cit in el.findall("CITIZEN"):
            add_country(ent, "citizenship", _text(cit, "COUNTRY"), self.misses)
        for addr in el.findall("ADDRESS"):
            parts = [_text(addr, t) for t in ("NUMBER", "STREET", "ZIPCODE", "CITY", "COUNTRY")]
            ent.add("address", ", ".join(p for p in parts if p) or None)
            add_country(ent, "country", _text(addr, "COUNTRY"), self.misses)
            other = _strip_parens(_text(addr, "OTHER"))
            ent.add("notes", f"Address: {other}" if other else None)
        for doc in el.findall("PASSPORT"):
            self.document(doc)
        return ent

    def name(self, el: etree._Element, primary: bool) -> None:
        ent = self.entity
        parts = [_text(el, t) for t in ("FIRSTNAME", "MIDDLENAME", "LASTNAME")]
        whole = _text(el, "WHOLENAME") or " ".join(p for p in parts if p)
        if not whole:
            return
        language = _text(el, "LANGUAGE") or None
        if primary or whole not in ent.names():
            ent.add("name" if primary else "alias", whole, qualifier=language)
        if primary:
            for prop, part in zip(("firstName", "middleName", "lastName"), parts, strict=True):
                ent.add(prop, part or None)
        gender = self.vocab("gender", _text(el, "GENDER"))
        ent.add("gender", GENDERS[gender], gender)
        ent.add("title", _text(el, "TITLE") or None)
        ent.add("position" if ent.schema == "Person" else "notes", _text(el, "FUNCTION") or None)

    def birth(self, el: etree._Element) -> None:
        ent = self.entity
        raw = _text(el, "DATE")
        text = raw.removesuffix(_APPROX)
        qualifier = "approximately" if raw.endswith(_APPROX) else None
        span = _YEAR_RANGE.match(text)
        if span:
            add_year_range(ent, span.group(1), span.group(2), raw)
        elif text:
            value = iso_date(text)
            if value is None:
                raise ParseError(
                    self.path, f"{self.where}, line {el.sourceline}", f"invalid birth DATE {raw!r}"
                )
            ent.add("birthDate", value, raw, qualifier)
        country = _text(el, "COUNTRY")  # ISO 3166 alpha-3
        code = country_code(country) if country else None
        place = ", ".join(p for p in (_text(el, "PLACE"), country_name(code) if code else country) if p)
        ent.add("birthPlace", place or None)

    def document(self, el: etree._Element) -> None:
        text = (el.findtext("NUMBER") or "").strip()
        m = _DOCUMENT.match(text)
        if m is None:
            raise ParseError(
                self.path, f"line {el.sourceline}", f"PASSPORT NUMBER without a (type-Description): {text!r}"
            )
        number, code, desc, remark = m.group(1).strip(), m.group(2), m.group(3).strip(), m.group(4)
        code = self.vocab("identification_type", code)
        if not blank(number):
            self.entity.add(IDENTIFIER_PROPS.get(code, "idNumber"), number, text, code)
        facts = [desc, _text(el, "COUNTRY"), _strip_parens(" ".join(remark.split()))]
        self.entity.add("notes", f"{number}: {'; '.join(f for f in facts if f)}")


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    root = parse_xml(path)
    if root.tag != "WHOLE":
        raise ParseError(path, f"line {root.sourceline}", f"root element is <{root.tag}>, not <WHOLE>")
    published = iso_date(root.get("Date"), ("%d/%m/%Y",))
    if published is None:
        raise ParseError(
            path, f"line {root.sourceline}", f"missing or invalid WHOLE/@Date {root.get('Date')!r}"
        )
    entities: list[Entity] = []
    unknown: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    seen: set[str] = set()
    for el in root.iterfind("ENTITY"):
        record = _Record(ctx, path, el, misses)
        if record.entity.id in seen:
            raise ParseError(path, record.where, "duplicate ENTITY Id")
        seen.add(record.entity.id)
        unknown.update(str(c.tag) for c in el if isinstance(c.tag, str) and c.tag not in KNOWN)
        entities.append(record.build())
        ctx.progress(1)
    if not entities:
        raise ParseError(path, None, "no ENTITY records")
    warnings = [f"ignored unknown element <{tag}> in {n} record(s)" for tag, n in sorted(unknown.items())]
    warnings += miss_warning(misses)
    return ParsedList(SOURCE, FORMAT, entities, published=published, records=len(entities), warnings=warnings)
