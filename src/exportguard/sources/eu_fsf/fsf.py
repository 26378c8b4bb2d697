"""EU Financial Sanctions Files, XML 1.1 (``xmlFullSanctionsList_1_1``) to entities.

``export[@generationDate]/sanctionEntity[@logicalId]`` (namespace ``http://eu.europa.ec/fpi/fsd/export``)
with ``subjectType`` (person → Person, enterprise → Organization), ``nameAlias``, ``citizenship``,
``birthdate``, ``address``, ``identification``, ``regulation`` and ``remark``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from exportguard.errors import ParseError
from exportguard.model import Entity, make_entity_id
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
from exportguard.sources.formats.xml import local, parse_xml
from exportguard.sources.un_sc_sanctions.reference import un_reference

FORMAT = "eu_fsf_xml"
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
_NS = f"{{{NAMESPACE}}}"
SCHEMATA = {"person": "Person", "enterprise": "Organization"}
KNOWN = {
    "remark",
    "regulation",
    "subjectType",
    "nameAlias",
    "citizenship",
    "birthdate",
    "address",
    "identification",
}
CONTACTS = {
    "PHONE": ("phone", None),
    "FAX": ("phone", "fax"),
    "EMAIL": ("email", None),
    "WEB": ("website", None),
}


def _attr(el: etree._Element, name: str) -> str:
    return " ".join((el.get(name) or "").split())


def _remarks(el: etree._Element) -> list[str]:
    return [" ".join(r.text.split()) for r in el.findall(f"{_NS}remark") if r.text and r.text.strip()]


class _Record:
    """Maps one ``sanctionEntity``; ``where`` names it in errors."""

    def __init__(self, ctx: ParseContext, path: Path, el: etree._Element, misses: Counter[str]) -> None:
        self.ctx, self.path, self.el, self.misses = ctx, path, el, misses
        logical_id = _attr(el, "logicalId")
        self.where = f"line {el.sourceline}, sanctionEntity logicalId {logical_id or '?'}"
        if not logical_id:
            raise ParseError(path, self.where, "sanctionEntity without logicalId")
        subjects = el.findall(f"{_NS}subjectType")
        if len(subjects) != 1:
            raise ParseError(path, self.where, f"expected one subjectType, found {len(subjects)}")
        code = self.vocab("subject_type", _attr(subjects[0], "code"))
        self.entity = Entity(make_entity_id(SOURCE, logical_id), SCHEMATA[code], SOURCE, logical_id)
        self.warnings: list[str] = []

    def vocab(self, vocab: str, value: str) -> str:
        return self.ctx.check_vocab(vocab, value, self.path, self.where)

    def build(self) -> Entity:
        el, ent = self.el, self.entity
        ent.add("authority", AUTHORITY)
        ent.add("euReferenceNumber", _attr(el, "euReferenceNumber") or None)
        un_raw = _attr(el, "unitedNationId")
        if un_raw:
            un_ref = un_reference(un_raw)
            if un_ref is None:
                self.warnings.append(f"{self.where}: unitedNationId {un_raw!r} is not a UN reference number")
            ent.add("unReferenceNumber", un_ref, un_raw)
        designated = _attr(el, "designationDate")
        ent.add("listingDate", iso_date(designated), designated)
        ent.add("notes", _attr(el, "designationDetails") or None)
        for remark in _remarks(el):
            ent.add("notes", remark)
        for reg in el.findall(f"{_NS}regulation"):
            ent.add("program", self.vocab("programme", _attr(reg, "programme")))
            ent.add("sourceUrl", reg.findtext(f"{_NS}publicationUrl"))
        self.names(el.findall(f"{_NS}nameAlias"))
        for cit in el.findall(f"{_NS}citizenship"):
            self.country("citizenship", cit)
        for birth in el.findall(f"{_NS}birthdate"):
            self.birth(birth)
        for addr in el.findall(f"{_NS}address"):
            self.address(addr)
        for ident in el.findall(f"{_NS}identification"):
            self.identification(ident)
        return ent

    def country(self, prop: str, el: etree._Element) -> None:
        code, desc = _attr(el, "countryIso2Code"), _attr(el, "countryDescription")
        add_country(self.entity, prop, code if not blank(code) else desc, self.misses)

    def names(self, aliases: list[etree._Element]) -> None:
        if not aliases:
            raise ParseError(self.path, self.where, "sanctionEntity without nameAlias")
        strong = [a for a in aliases if _attr(a, "strong") != "false"]
        plain = [a for a in strong if _attr(a, "nameLanguage") in ("", "EN")]
        primary = (plain or strong or aliases)[0]
        ent = self.entity
        for alias in aliases:
            parts = [_attr(alias, p) for p in ("firstName", "middleName", "lastName")]
            whole = _attr(alias, "wholeName") or " ".join(p for p in parts if p)
            if not whole:
                continue
            if _attr(alias, "strong") not in ("true", "false"):
                raise ParseError(self.path, self.where, f"nameAlias strong={alias.get('strong')!r}")
            language = _attr(alias, "nameLanguage") or None
            if alias is primary:
                ent.add("name", whole, qualifier=language)
                for prop, part in zip(("firstName", "middleName", "lastName"), parts, strict=True):
                    ent.add(prop, part or None)
            elif whole not in ent.names():
                ent.add("alias" if alias in strong else "weakAlias", whole, qualifier=language)
            gender = self.vocab("gender", _attr(alias, "gender"))
            ent.add("gender", GENDERS[gender], gender)
            ent.add("title", _attr(alias, "title") or None)
            function = _attr(alias, "function") or None
            ent.add("position" if ent.schema == "Person" else "notes", function)
            for remark in _remarks(alias):
                ent.add("notes", f"{whole}: {remark}")
        if not ent.first("name"):
            raise ParseError(self.path, self.where, "sanctionEntity without a name")

    def birth(self, el: etree._Element) -> None:
        ent = self.entity
        calendar = self.vocab("calendar_type", _attr(el, "calendarType") or "GREGORIAN")
        qualifier = "circa" if _attr(el, "circa") == "true" else None
        full, year = _attr(el, "birthdate"), _attr(el, "year")
        month, day = _attr(el, "monthOfYear"), _attr(el, "dayOfMonth")
        low, high = _attr(el, "yearRangeFrom"), _attr(el, "yearRangeTo")
        if full:  # the Gregorian date, also when the publisher's calendar is another one
            value = iso_date(full)
            if value is None:
                raise ParseError(self.path, self.where, f"invalid birthdate {full!r}")
            ent.add("birthDate", value, full, qualifier)
        elif calendar != "GREGORIAN":
            shown = "-".join(p for p in (year, month, day) if p)
            ent.add("notes", f"Date of birth ({calendar.lower()} calendar): {shown}" if shown else None)
        elif year:
            raw = "-".join(p.zfill(2) for p in (year, month, day if month else "") if p)
            value = iso_date(raw)
            if value is None:
                raise ParseError(self.path, self.where, f"invalid birth date year={year!r} month={month!r}")
            ent.add("birthDate", value, raw, qualifier)
        elif low or high:
            if not add_year_range(ent, low, high, f"{low}-{high}"):
                raise ParseError(self.path, self.where, f"invalid birth-year range {low!r}-{high!r}")
        desc = _attr(el, "countryDescription")
        place = [_attr(el, a) for a in ("place", "city", "region")] + [desc if not blank(desc) else ""]
        ent.add("birthPlace", ", ".join(p for p in place if p) or None)
        for remark in _remarks(el):
            ent.add("notes", f"Date of birth: {remark}")

    def address(self, el: etree._Element) -> None:
        ent = self.entity
        desc = _attr(el, "countryDescription")
        parts = [_attr(el, a) for a in ("street", "poBox", "place", "city", "zipCode", "region")]
        ent.add("address", ", ".join(p for p in [*parts, desc if not blank(desc) else ""] if p) or None)
        self.country("country", el)
        for info in el.findall(f"{_NS}contactInfo"):
            key, value = _attr(info, "key"), _attr(info, "value")
            prop, qualifier = CONTACTS.get(key, ("notes", None))
            ent.add(prop, value if prop != "notes" else f"{key}: {value}", value, qualifier)
        for remark in _remarks(el):
            ent.add("notes", f"Address: {remark}")

    def identification(self, el: etree._Element) -> None:
        code = self.vocab("identification_type", _attr(el, "identificationTypeCode"))
        prop = IDENTIFIER_PROPS.get(code, "idNumber")
        number, latin = _attr(el, "number"), _attr(el, "latinNumber")
        for value in (number, latin):
            if not blank(value):
                self.entity.add(prop, value, qualifier=code)
        desc = _attr(el, "countryDescription")
        facts = [
            _attr(el, "identificationTypeDescription"),
            desc if not blank(desc) else "",
            f"issued by {_attr(el, 'issuedBy')}" if _attr(el, "issuedBy") else "",
            f"issued {_attr(el, 'issueDate')}" if _attr(el, "issueDate") else "",
            f"valid to {_attr(el, 'validTo')}" if _attr(el, "validTo") else "",
            "known expired" if _attr(el, "knownExpired") == "true" else "",
            "known false" if _attr(el, "knownFalse") == "true" else "",
            _attr(el, "region"),
            *_remarks(el),
        ]
        self.entity.add("notes", f"{number or code}: {'; '.join(f for f in facts if f)}")


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    root = parse_xml(path)
    if root.tag != f"{_NS}export":
        raise ParseError(
            path, f"line {root.sourceline}", f"root element is <{local(root.tag)}>, not an FSF <export>"
        )
    generated = root.get("generationDate") or ""
    published = iso_date(generated[:10])
    if published is None:
        raise ParseError(path, f"line {root.sourceline}", f"missing or invalid generationDate {generated!r}")
    entities: list[Entity] = []
    warnings: list[str] = []
    unknown: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    seen: set[str] = set()
    for el in root.iterfind(f"{_NS}sanctionEntity"):
        record = _Record(ctx, path, el, misses)
        if record.entity.id in seen:
            raise ParseError(path, record.where, "duplicate logicalId")
        seen.add(record.entity.id)
        unknown.update(local(c.tag) for c in el if isinstance(c.tag, str) and local(c.tag) not in KNOWN)
        entities.append(record.build())
        warnings.extend(record.warnings)
        ctx.progress(1)
    if not entities:
        raise ParseError(path, None, "no sanctionEntity records")
    warnings += [f"ignored unknown element <{tag}> in {n} record(s)" for tag, n in sorted(unknown.items())]
    warnings += miss_warning(misses)
    return ParsedList(SOURCE, FORMAT, entities, published=published, records=len(entities), warnings=warnings)
