"""FCDO UK Sanctions List XML (``UK-Sanctions-List.xml``) to entities.

``Designations/DateGenerated`` and ``Designation`` records with ``UniqueID`` (→ entity
``gb_hmt_sanctions-<UniqueID>``), ``OFSIGroupID`` (→ ``ukGroupId``, the key of the OFSI ConList),
``Names/Name``, ``NonLatinNames``, ``RegimeName``, ``IndividualEntityShip`` and the
``IndividualDetails`` / ``EntityDetails`` / ``ShipDetails`` blocks. Dates are ``dd/mm/yyyy`` with
``dd``/``mm`` for unknown parts; a year such as ``19yy`` is kept in the notes only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from lxml import etree

from exportguard.errors import ParseError
from exportguard.model import Entity, make_entity_id
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.formats.xml import parse_xml, root_name
from exportguard.sources.gb_hmt_sanctions.conlist import NAMES, SCHEMATA, SOURCE
from exportguard.sources.gb_hmt_sanctions.fields import add_country, clean, imo_number, uk_date
from exportguard.sources.un_sc_sanctions.reference import un_reference

FORMAT = "uk_fcdo_xml"
AUTHORITY = "UK Foreign, Commonwealth & Development Office (FCDO)"
KNOWN = {
    "LastUpdated", "DateDesignated", "UniqueID", "OFSIGroupID", "UNReferenceNumber", "Names", "NonLatinNames",
    "Titles", "RegimeName", "IndividualEntityShip", "DesignationSource", "SanctionsImposed",
    "SanctionsImposedIndicators", "OtherInformation", "UKStatementofReasons", "Addresses", "PhoneNumbers",
    "EmailAddresses", "Websites", "IndividualDetails", "EntityDetails", "ShipDetails",
}  # fmt: skip
# Leaves of the details blocks (path below Individual/Entity/Ship) -> (property, note label).
DETAILS = {
    "Nationalities/Nationality": ("nationality", None),
    "Positions/Position": ("position", None),
    "Genders/Gender": ("gender", None),
    "TypeOfEntities/TypeOfEntity": ("notes", "Type of entity"),
    "Subsidiaries/Subsidiary": ("notes", "Subsidiary"),
    "ParentCompanies/ParentCompany": ("notes", "Parent company"),
    "CurrentOwnerOperators/CurrentOwnerOperator": ("owner", None),
    "CurrentBelievedFlagOfShips/CurrentBelievedFlagOfShip": ("flag", None),
    "PreviousFlags/PreviousFlag": ("notes", "Previous flag"),
    "TypeOfShipDetails/TypeOfShip": ("type", None),
    "TonnageOfShipDetails/TonnageOfShip": ("tonnage", None),
    "LengthOfShipDetails/LengthOfShip": ("notes", "Length of ship"),
    "YearsBuilt/YearBuilt": ("notes", "Year built"),
}
# Leaves handled by the structured readers below.
STRUCTURED = ("DOBs/", "BirthDetails/", "PassportDetails/", "NationalIdentifierDetails/",
              "BusinessRegistrationNumbers/", "IMONumbers/")  # fmt: skip
_LABELLED = re.compile(r"^\s*([A-Za-z]{2,10})\s*[:\-]\s*(\S.*)$")


def sniff(paths: Sequence[Path]) -> bool:
    if len(paths) != 1 or not paths[0].is_file():
        return False
    with paths[0].open("rb") as fh:
        return root_name(fh.read(4096)) == "Designations"


def _text(el: etree._Element, path: str) -> str:
    return clean(el.findtext(path))


def _all(el: etree._Element, path: str) -> list[str]:
    return [t for t in (clean(x.text) for x in el.findall(path)) if t]


def _leaves(el: etree._Element, prefix: str = "") -> Iterator[tuple[str, str]]:
    """``(path below el, text)`` of every leaf element."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        rel = f"{prefix}{child.tag}"
        if len(child):
            yield from _leaves(child, f"{rel}/")
        else:
            yield rel, clean(child.text)


class _Record:
    def __init__(self, ctx: ParseContext, path: Path, el: etree._Element, run: _Run) -> None:
        self.ctx, self.path, self.el, self.run = ctx, path, el, run
        uid = _text(el, "UniqueID")
        self.where = f"line {el.sourceline}, Designation {uid or '?'}"
        if not uid:
            raise ParseError(path, self.where, "Designation without UniqueID")
        schema = SCHEMATA[self.vocab("group_type", _text(el, "IndividualEntityShip"))]
        self.entity = Entity(make_entity_id(SOURCE, uid), schema, SOURCE, uid)

    def vocab(self, vocab: str, value: str) -> str:
        return self.ctx.check_vocab(vocab, value, self.path, self.where)

    def build(self) -> Entity:
        el, ent = self.el, self.entity
        ent.add("authority", AUTHORITY)
        ent.add("ukGroupId", _text(el, "OFSIGroupID") or None)
        un_raw = _text(el, "UNReferenceNumber")
        if un_raw and un_reference(un_raw) is None:
            self.run.warnings.append(
                f"{self.where}: UNReferenceNumber {un_raw!r} is not a UN reference number"
            )
        ent.add("unReferenceNumber", un_reference(un_raw), un_raw)
        ent.add("program", self.vocab("regime_name", _text(el, "RegimeName")))
        for key, prop in (("DateDesignated", "listingDate"), ("LastUpdated", "modifiedAt")):
            raw = _text(el, key)
            ent.add(prop, uk_date(raw), raw)
        self.names()
        for title in _all(el, "Titles/Title"):
            ent.add("title", title)
        sources = _text(el, "DesignationSource")
        for part in sources.split("|") if sources else []:
            self.vocab("designation_source", part.strip())
        ent.add("notes", f"Designation source: {sources}" if sources else None)
        imposed = _text(el, "SanctionsImposed")
        ent.add("notes", f"Sanctions imposed: {imposed.replace('|', ', ')}" if imposed else None)
        ent.add("notes", _text(el, "OtherInformation") or None)
        ent.add("reason", _text(el, "UKStatementofReasons") or None)
        for addr in el.findall("Addresses/Address"):
            parts = [clean(c.text) for c in addr if isinstance(c.tag, str)]
            ent.add("address", ", ".join(p for p in parts if p) or None)
            add_country(ent, "country", _text(addr, "AddressCountry"), self.run.misses)
        for path, prop in (("PhoneNumbers/PhoneNumber", "phone"), ("EmailAddresses/EmailAddress", "email"),
                           ("Websites/Website", "website")):  # fmt: skip
            for value in _all(el, path):
                ent.add(prop, value)
        for block in (
            el.findall("IndividualDetails/Individual")
            + el.findall("EntityDetails/Entity")
            + el.findall("ShipDetails/Ship")
        ):
            self.details(block)
        return ent

    def names(self) -> None:
        ent = self.entity
        for name in self.el.findall("Names/Name"):
            full = " ".join(p for p in (_text(name, n.replace(" ", "")) for n in NAMES) if p)
            kind = self.vocab("name_type", _text(name, "NameType"))
            strength = _text(name, "AliasStrength")
            if strength:
                self.vocab("alias_strength", strength)
            if not full:  # the publisher sometimes leaves a Name element empty
                continue
            if kind.lower() == "primary name":
                ent.add("name", full, qualifier="Primary name")
            elif kind.lower() == "primary name variation":
                ent.add("alias", full, qualifier="Primary name variation")
            else:
                ent.add(
                    "weakAlias" if strength.startswith("Low") else "alias", full, qualifier=strength or kind
                )
        for name in self.el.findall("NonLatinNames/NonLatinName"):
            script = _text(name, "NonLatinScriptType") or _text(name, "NonLatinScriptLanguage")
            ent.add(
                "alias", _text(name, "NameNonLatinScript") or None, qualifier=script or "non-Latin script"
            )
        if not ent.get("name"):
            others = ent.names()
            if not others:
                raise ParseError(self.path, self.where, "Designation without any name")
            ent.add("name", others[0])

    def details(self, block: etree._Element) -> None:
        ent = self.entity
        for rel, value in _leaves(block):
            if rel.startswith(STRUCTURED) or not value:
                continue
            if rel not in DETAILS:
                self.run.unknown[rel] += 1
                continue
            prop, label = DETAILS[rel]
            if prop in ("nationality", "flag"):
                add_country(ent, prop, value, self.run.misses)
            elif prop == "gender":
                ent.add("gender", self.vocab("gender", value).lower(), value)
            else:
                ent.add(prop, f"{label}: {value}" if label else value)
        self.structured(block)

    def structured(self, block: etree._Element) -> None:
        """Dates and places of birth, documents, registration and IMO numbers."""
        ent = self.entity
        for raw in _all(block, "DOBs/DOB"):
            dob = uk_date(raw)
            if dob is None:
                self.run.unread_dates += 1
                ent.add("notes", f"Date of birth: {raw}")
            ent.add("birthDate", dob, raw)
        for loc in block.findall("BirthDetails/Location"):
            parts = [clean(c.text) for c in loc if isinstance(c.tag, str)]
            ent.add("birthPlace", ", ".join(p for p in parts if p) or None)
        for doc, number_tag, info_tag, prop, kind in (
            ("PassportDetails/Passport", "PassportNumber", "PassportAdditionalInformation", "passportNumber", "Passport"),
            ("NationalIdentifierDetails/NationalIdentifier", "NationalIdentifierNumber",
             "NationalIdentifierAdditionalInformation", "idNumber", "National Identifier"),
        ):  # fmt: skip
            for item in block.findall(doc):
                number, info = _text(item, number_tag), _text(item, info_tag)
                ent.add(prop, number or None, qualifier=kind)
                ent.add("notes", f"{' '.join(p for p in (kind, number) if p)}: {info}" if info else None)
        for text in block.findall("BusinessRegistrationNumbers/BusinessRegistrationNumber"):
            for line in (text.text or "").splitlines():
                m = _LABELLED.match(line)
                ent.add(
                    "registrationNumber",
                    clean(m.group(2) if m else line) or None,
                    line,
                    m.group(1) if m else None,
                )
        for raw in _all(block, "IMONumbers/IMONumber"):
            ent.add("imoNumber", imo_number(raw) or raw, raw)


class _Run:
    """What is collected across records: warnings, unknown elements, unresolved countries."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.unknown: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        self.unread_dates = 0


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    root = parse_xml(path)
    if root.tag != "Designations":
        raise ParseError(path, f"line {root.sourceline}", f"root element is <{root.tag}>, not <Designations>")
    published = uk_date(_text(root, "DateGenerated"))
    if published is None:
        raise ParseError(
            path,
            f"line {root.sourceline}",
            f"missing or invalid DateGenerated {_text(root, 'DateGenerated')!r}",
        )
    run = _Run()
    entities: list[Entity] = []
    seen: set[str] = set()
    for el in root.iterfind("Designation"):
        record = _Record(ctx, path, el, run)
        if record.entity.id in seen:
            raise ParseError(path, record.where, "duplicate UniqueID")
        seen.add(record.entity.id)
        run.unknown.update(str(c.tag) for c in el if isinstance(c.tag, str) and c.tag not in KNOWN)
        entities.append(record.build())
        ctx.progress(1)
    if not entities:
        raise ParseError(path, None, "no Designation records")
    warnings = run.warnings + [
        f"ignored unknown element <{t}> in {n} place(s)" for t, n in sorted(run.unknown.items())
    ]
    if run.misses:
        warnings.append(f"country names not recognised (left out): {', '.join(sorted(run.misses))}")
    if run.unread_dates:
        warnings.append(f"{run.unread_dates} date(s) of birth could not be read (kept in notes)")
    return ParsedList(SOURCE, FORMAT, entities, published=published, records=len(entities), warnings=warnings)
