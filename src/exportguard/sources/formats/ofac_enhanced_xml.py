"""OFAC Enhanced XML (``SDN_ENHANCED.XML``, ``CONS_ENHANCED.XML`` or ``CONS_ENHANCED.ZIP``).

Layout (namespace ``…/api/PublicationPreview/exports/ENHANCED_XML``)::

    sanctionsData/publicationInfo/dataAsOf           -> published
    sanctionsData/referenceValues/referenceValue     (lookup table; the entities repeat the texts)
    sanctionsData/entities/entity[@id]               -> one entity, ID <source>-<@id>
        generalInfo/entityType, generalInfo/remarks
        sanctionsLists/sanctionsList[@datePublished] -> subList, listingDate
        sanctionsPrograms/sanctionsProgram           -> program (vocabulary)
        sanctionsTypes, legalAuthorities             -> notes
        names/name/translations/translation          -> name / alias / previousName / weakAlias
        addresses/address                            -> address, country
        features/feature                             -> see ofac_features
        identityDocuments/identityDocument           -> identifiers (vocabulary)
        relationships/relationship/relatedEntity     -> linkedTo
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from lxml import etree

from exportguard.errors import ParseError
from exportguard.normalize.dates import iso_date
from exportguard.sources.base import FormatSpec, ParseContext, ParsedList
from exportguard.sources.formats.inputs import read_bytes
from exportguard.sources.formats.ofac_common import (
    Record,
    Tags,
    add_country,
    add_person_name_parts,
    add_program,
    link_target,
    new_entity,
    normalise_alias_type,
    text_of,
)
from exportguard.sources.formats.ofac_dates import period_values
from exportguard.sources.formats.ofac_features import add_feature
from exportguard.sources.formats.ofac_identifiers import add_identifier
from exportguard.sources.formats.xml import local, parse_xml_bytes, root_name

FORMAT = "ofac_enhanced_xml"
ROOT = "sanctionsData"
_ADDRESS_ORDER = ("ADDRESS1", "ADDRESS2", "ADDRESS3", "CITY", "STATE/PROVINCE", "POSTAL CODE", "REGION")


def _head(path: Path, size: int = 4096) -> bytes:
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if n.lower().endswith(".xml")]
                if len(names) != 1:
                    return b""
                with zf.open(names[0]) as fh:
                    return fh.read(size)
        except (zipfile.BadZipFile, OSError):
            return b""
    with path.open("rb") as fh:
        return fh.read(size)


def sniff(paths: Sequence[Path]) -> bool:
    if len(paths) != 1 or not paths[0].is_file():
        return False
    head = _head(paths[0])
    return root_name(head) == ROOT and b"ENHANCED_XML" in head


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    root = parse_xml_bytes(path, read_bytes(path))
    if local(root.tag) != ROOT:
        raise ParseError(
            path, f"line {root.sourceline}", f"not an OFAC Enhanced XML file (root <{local(root.tag)}>)"
        )
    t = Tags(etree.QName(root).namespace or "")
    as_of = text_of(root.find(f"{t.publicationInfo}/{t.dataAsOf}"))
    published = iso_date(as_of[:10])
    if published is None:
        raise ParseError(path, "publicationInfo", f"missing or unreadable dataAsOf {as_of!r}")
    container = root.find(t.entities)
    if container is None:
        raise ParseError(path, f"line {root.sourceline}", "no <entities> element (truncated?)")
    elements = container.findall(t.entity)
    uids = {el.get("id", "") for el in elements}
    warnings: list[str] = []
    entities = []
    for el in elements:
        uid = (el.get("id") or "").strip()
        position = f"line {el.sourceline}, entity {uid}"
        if not uid.isdigit():
            raise ParseError(path, position, f"entity without a numeric id ({uid!r})")
        rec = new_entity(
            ctx, path, position, uid, text_of(el.find(f"{t.generalInfo}/{t.entityType}")), warnings
        )
        _designation(rec, el, t)
        _names(rec, el, t)
        _addresses(rec, el, t)
        _features(rec, el, t)
        _documents(rec, el, t)
        for rel in el.iterfind(f"{t.relationships}/{t.relationship}"):
            target = rel.find(t.relatedEntity)
            other = (target.get("entityId") or "").strip() if target is not None else ""
            if other:
                kind = text_of(rel.find(t.type))
                link = link_target(ctx.source, other, other in uids)
                rec.entity.add("linkedTo", link, f"{kind}: {text_of(target)}", kind or None)
        entities.append(rec.entity)
        ctx.progress(1)
    if not entities:
        raise ParseError(path, "entities", "no entities in the file")
    return ParsedList(
        ctx.source, FORMAT, entities, published=published, records=len(elements), warnings=warnings
    )


def _designation(rec: Record, el: etree._Element, t: Tags) -> None:
    ent = rec.entity
    ent.add("notes", text_of(el.find(f"{t.generalInfo}/{t.remarks}")) or None)
    for item in el.iterfind(f"{t.sanctionsLists}/{t.sanctionsList}"):
        name = text_of(item)
        ent.add("subList", name or None)
        ent.add("listingDate", iso_date(item.get("datePublished")), item.get("datePublished"), name or None)
    for item in el.iterfind(f"{t.sanctionsPrograms}/{t.sanctionsProgram}"):
        add_program(rec, text_of(item))
    for item in el.iterfind(f"{t.sanctionsTypes}/{t.sanctionsType}"):
        ent.add("notes", text_of(item) or None, None, "Sanctions Type")
    for item in el.iterfind(f"{t.legalAuthorities}/{t.legalAuthority}"):
        ent.add("notes", text_of(item) or None, None, "Legal Authority")


def _names(rec: Record, el: etree._Element, t: Tags) -> None:
    for name in el.iterfind(f"{t.names}/{t.name}"):
        primary = text_of(name.find(t.isPrimary)) == "true"
        weak = text_of(name.find(t.isLowQuality)) == "true"
        alias_type = text_of(name.find(t.aliasType))
        kind = None
        if not primary:
            kind = normalise_alias_type(rec.vocab("alias_types", alias_type.replace(".", "").lower()))
        translations = name.findall(f"{t.translations}/{t.translation}")
        for tr in sorted(translations, key=lambda x: text_of(x.find(t.isPrimary)) != "true"):
            full = text_of(tr.find(t.formattedFullName))
            script = text_of(tr.find(t.script))
            foreign = script if script and script != "Latin" else None
            if not full:
                continue
            if primary:
                rec.entity.add("name", full, None, foreign)
                if foreign is None:
                    first = text_of(tr.find(t.formattedFirstName)) or None
                    last = text_of(tr.find(t.formattedLastName)) or None
                    add_person_name_parts(rec, full, first, last)
            else:
                assert kind is not None
                qualifier = f"{kind} ({foreign})" if foreign else kind
                prop = "weakAlias" if weak else ("previousName" if kind == "f.k.a." else "alias")
                rec.entity.add(prop, full, None, qualifier)


def _addresses(rec: Record, el: etree._Element, t: Tags) -> None:
    for address in el.iterfind(f"{t.addresses}/{t.address}"):
        country = text_of(address.find(t.country))
        for tr in address.iterfind(f"{t.translations}/{t.translation}"):
            parts: dict[str, str] = {}
            for part in tr.iterfind(f"{t.addressParts}/{t.addressPart}"):
                parts.setdefault(text_of(part.find(t.type)), text_of(part.find(t.value)))
            ordered = [parts.pop(k) for k in _ADDRESS_ORDER if k in parts] + list(parts.values())
            line = ", ".join(p for p in [*ordered, country] if p)
            script = text_of(tr.find(t.script))
            if ordered:
                rec.entity.add("address", line, None, script if script and script != "Latin" else None)
        add_country(rec, "country", country or None)


def _features(rec: Record, el: etree._Element, t: Tags) -> None:
    for feature in el.iterfind(f"{t.features}/{t.feature}"):
        label = text_of(feature.find(t.type))
        value = text_of(feature.find(t.value))
        original = f"{label} {value}".strip()
        for extra in (feature.find(t.comments), feature.find(t.reliability)):
            if text_of(extra) and text_of(extra) != "Unknown":
                original += f" ({text_of(extra)})"
        dates = None
        period = feature.find(t.valueDate)
        if period is not None:
            begin = _iso(text_of(period.find(t.fromDateBegin)))
            end = _iso(text_of(period.find(t.toDateEnd))) or begin
            if begin and end:
                dates = period_values(begin, end, text_of(period.find(t.isApproximate)) == "true")
        add_feature(rec, label, value, original, dates=dates)


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _documents(rec: Record, el: etree._Element, t: Tags) -> None:
    for doc in el.iterfind(f"{t.identityDocuments}/{t.identityDocument}"):
        label = text_of(doc.find(t.type))
        number = text_of(doc.find(t.documentNumber))
        country = text_of(doc.find(t.issuingCountry)) or None
        original = f"{label} {number}" + (f" ({country})" if country else "")
        authority = text_of(doc.find(t.issuingAuthority))
        if authority:
            original += f", issued by {authority}"
        if text_of(doc.find(t.isValid)) == "false":
            original += " (not valid)"
        add_identifier(rec, label, number, original, country)


FORMAT_SPEC = FormatSpec(FORMAT, "OFAC Enhanced XML (SDN_ENHANCED.XML, CONS_ENHANCED.XML/.ZIP)", sniff, parse)
