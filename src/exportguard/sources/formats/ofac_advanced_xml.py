"""OFAC Advanced XML (``SDN_ADVANCED.XML``, ``CONS_ADVANCED.XML``; ``sdn_advanced.xsd``).

Namespace ``http://www.un.org/sanctions/1.0`` (older files) or OFAC's
``…/api/PublicationPreview/exports/ADVANCED_XML``. Layout::

    Sanctions/DateOfIssue                         -> published
    Sanctions/ReferenceValueSets                  (lookup tables, see ofac_advanced_refs)
    Sanctions/Locations/Location                  (addresses, referenced by features)
    Sanctions/IDRegDocuments/IDRegDocument        -> identifiers of the party owning the identity
    Sanctions/DistinctParties/DistinctParty[@FixedRef]  -> one entity, ID <source>-<FixedRef>
        Profile[@PartySubTypeID]                  -> schema (vessel, aircraft, else party type)
        Profile/Identity/Alias/DocumentedName     -> name / alias / previousName / weakAlias
        Profile/Feature/FeatureVersion            -> see ofac_features
    Sanctions/ProfileRelationships                -> linkedTo
    Sanctions/SanctionsEntries/SanctionsEntry     -> subList, listingDate, program, notes
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from exportguard.errors import ParseError
from exportguard.sources.base import FormatSpec, ParseContext, ParsedList
from exportguard.sources.formats.inputs import read_bytes
from exportguard.sources.formats.ofac_advanced_refs import (
    Locations,
    References,
    documented_name,
    read_date,
    read_period,
)
from exportguard.sources.formats.ofac_common import (
    Record,
    Tags,
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

FORMAT = "ofac_advanced_xml"
ROOT = "Sanctions"
NAMESPACES = (
    "http://www.un.org/sanctions/1.0",
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML",
)


def sniff(paths: Sequence[Path]) -> bool:
    if len(paths) != 1 or not paths[0].is_file():
        return False
    with paths[0].open("rb") as fh:
        head = fh.read(4096)
    return root_name(head) == ROOT and any(ns.encode() in head for ns in NAMESPACES)


class _Parser:
    def __init__(self, ctx: ParseContext, path: Path, root: etree._Element) -> None:
        self.ctx, self.path = ctx, path
        self.t = t = Tags(etree.QName(root).namespace or "")
        self.refs = References(path, root.find(t.ReferenceValueSets), t)
        self.locations = Locations(root.find(t.Locations), self.refs, t)
        self.documents: dict[str, list[etree._Element]] = defaultdict(list)
        for doc in root.iterfind(f"{t.IDRegDocuments}/{t.IDRegDocument}"):
            self.documents[doc.get("IdentityID", "")].append(doc)
        self.warnings: list[str] = []
        self.by_profile: dict[str, Record] = {}

    def party(self, dp: etree._Element) -> Record:
        t, refs = self.t, self.refs
        uid = (dp.get("FixedRef") or "").strip()
        position = f"line {dp.sourceline}, DistinctParty {uid}"
        profile = dp.find(t.Profile)
        if not uid.isdigit() or profile is None:
            raise ParseError(self.path, position, "DistinctParty without a numeric FixedRef and a Profile")
        subtype = refs.element("PartySubType", profile.get("PartySubTypeID"), profile)
        kind = text_of(subtype)
        if kind not in ("Vessel", "Aircraft"):
            kind = refs.text("PartyType", subtype.get("PartyTypeID"), subtype)
        rec = new_entity(self.ctx, self.path, position, uid, kind, self.warnings)
        rec.entity.add("notes", text_of(dp.find(t.Comment)) or None)
        identities = sorted(profile.iterfind(t.Identity), key=lambda i: i.get("Primary") != "true")
        for identity in identities:
            self._names(rec, identity)
            for doc in self.documents.get(identity.get("ID", ""), []):
                self._document(rec, doc)
        for feature in profile.iterfind(t.Feature):
            self._feature(rec, feature)
        self.by_profile[profile.get("ID", uid)] = rec
        return rec

    def _names(self, rec: Record, identity: etree._Element) -> None:
        t, refs = self.t, self.refs
        groups = {
            g.get("ID", ""): refs.text("NamePartType", g.get("NamePartTypeID"), g)
            for g in identity.iterfind(f"{t.NamePartGroups}/{t.MasterNamePartGroup}/{t.NamePartGroup}")
        }
        for alias in identity.iterfind(t.Alias):
            alias_type = refs.text("AliasType", alias.get("AliasTypeID"), alias)
            primary = alias.get("Primary") == "true"
            kind = None
            if not primary:
                kind = normalise_alias_type(rec.vocab("alias_types", alias_type.replace(".", "").lower()))
            # the "Primary Latin" spelling (DocNameStatusID 1) first: it becomes the caption
            for name in sorted(
                alias.iterfind(t.DocumentedName), key=lambda n: n.get("DocNameStatusID") != "1"
            ):
                full, parts, script = documented_name(name, groups, refs, t)
                foreign = script if script and script != "Latin" else None
                if not full:
                    continue
                if primary:
                    rec.entity.add("name", full, None, foreign)
                    if foreign is None:
                        self._name_parts(rec, full, parts)
                else:
                    assert kind is not None
                    prop = (
                        "weakAlias"
                        if alias.get("LowQuality") == "true"
                        else ("previousName" if kind == "f.k.a." else "alias")
                    )
                    rec.entity.add(prop, full, None, f"{kind} ({foreign})" if foreign else kind)

    @staticmethod
    def _name_parts(rec: Record, full: str, parts: dict[str, list[str]]) -> None:
        first = " ".join(parts.get("First Name", [])) or None
        last = " ".join(parts.get("Last Name", [])) or None
        add_person_name_parts(rec, full, first, last)
        if rec.entity.schema == "Person":
            rec.entity.add("middleName", " ".join(parts.get("Middle Name", [])) or None)
            rec.entity.add("fatherName", " ".join(parts.get("Patronymic", [])) or None)

    def _feature(self, rec: Record, feature: etree._Element) -> None:
        t, refs = self.t, self.refs
        label = refs.text("FeatureType", feature.get("FeatureTypeID"), feature)
        for version in feature.iterfind(t.FeatureVersion):
            texts, country, dates = [], None, None
            for detail in version.iterfind(t.VersionDetail):
                ref = detail.get("DetailReferenceID")
                texts.append(refs.text("DetailReference", ref, detail) if ref else text_of(detail))
            for loc in version.iterfind(t.VersionLocation):
                line, country = self.locations.get(loc.get("LocationID"))
                texts.append(line or country or "")
            period = read_period(version.find(t.DatePeriod), t)
            if period is not None:
                dates = period_values(*period)
                texts.append(dates[0][0] if len(dates) == 1 else f"{period[0]} to {period[1]}")
            value = "; ".join(x for x in texts if x)
            if not value:
                continue
            original = f"{label} {value}"
            comment = text_of(version.find(t.Comment))
            reliability = refs.text("Reliability", version.get("ReliabilityID"), version)
            for extra in (comment, reliability if reliability != "Unknown" else ""):
                original += f" ({extra})" if extra else ""
            add_feature(rec, label, value, original, dates=dates, country=country)

    def _document(self, rec: Record, doc: etree._Element) -> None:
        t, refs = self.t, self.refs
        label = refs.text("IDRegDocType", doc.get("IDRegDocTypeID"), doc)
        number = text_of(doc.find(t.IDRegistrationNo))
        country = (
            refs.text("Country", doc.get("IssuedBy-CountryID"), doc)
            if doc.get("IssuedBy-CountryID")
            else None
        )
        original = f"{label} {number}" + (f" ({country})" if country else "")
        if authority := text_of(doc.find(t.IssuingAuthority)):
            original += f", issued by {authority}"
        for when in doc.iterfind(t.DocumentDate):
            period = read_period(when.find(t.DatePeriod), t)
            if period is not None:
                original += (
                    f", {refs.text('IDRegDocDateType', when.get('IDRegDocDateTypeID'), when)} {period[0]}"
                )
        validity = refs.text("Validity", doc.get("ValidityID"), doc) if doc.get("ValidityID") else ""
        if validity and validity != "Valid":
            original += f" ({validity})"
        add_identifier(rec, label, number, original, country)

    def relationship(self, rel: etree._Element, in_file: set[str]) -> None:
        rec = self.by_profile.get(rel.get("From-ProfileID", ""))
        other = rel.get("To-ProfileID", "")
        if rec is None or not other:
            self.warnings.append(f"{self.path.name}: line {rel.sourceline}: relationship of unknown profile")
            return
        kind = self.refs.text("RelationType", rel.get("RelationTypeID"), rel)
        target = self.by_profile.get(other)
        name = target.entity.caption if target else f"OFAC record {other}"
        uid = target.entity.record_id if target else other
        rec.entity.add("linkedTo", link_target(self.ctx.source, uid, uid in in_file), f"{kind}: {name}", kind)

    def entry(self, entry: etree._Element) -> None:
        t, refs = self.t, self.refs
        rec = self.by_profile.get(entry.get("ProfileID", ""))
        if rec is None:
            self.warnings.append(
                f"{self.path.name}: line {entry.sourceline}: sanctions entry of unknown profile"
            )
            return
        list_name = refs.text("List", entry.get("ListID"), entry)
        rec.entity.add("subList", list_name)
        for event in entry.iterfind(t.EntryEvent):
            day = read_date(event.find(t.Date), t)
            rec.entity.add("listingDate", day.isoformat() if day else None, None, list_name)
            if event.get("LegalBasisID"):
                rec.entity.add(
                    "notes",
                    refs.text("LegalBasis", event.get("LegalBasisID"), event),
                    None,
                    "Legal Authority",
                )
        for measure in entry.iterfind(t.SanctionsMeasure):
            measure_type = refs.text("SanctionsType", measure.get("SanctionsTypeID"), measure)
            comment = text_of(measure.find(t.Comment))
            if measure_type == "Program":
                add_program(rec, comment)
            else:
                rec.entity.add(
                    "notes", f"{measure_type}: {comment}" if comment else measure_type, None, "Sanctions Type"
                )


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    root = parse_xml_bytes(path, read_bytes(path))
    ns = etree.QName(root).namespace or ""
    if local(root.tag) != ROOT or ns not in NAMESPACES:
        raise ParseError(path, f"line {root.sourceline}", f"not an OFAC Advanced XML file (root {root.tag})")
    parser = _Parser(ctx, path, root)
    t = parser.t
    issued = read_date(root.find(t.DateOfIssue), t)
    if issued is None:
        raise ParseError(path, f"line {root.sourceline}", "missing or unreadable DateOfIssue")
    parties = root.findall(f"{t.DistinctParties}/{t.DistinctParty}")
    if not parties:
        raise ParseError(path, f"line {root.sourceline}", "no DistinctParty records (truncated?)")
    entities = []
    for dp in parties:
        entities.append(parser.party(dp).entity)
        ctx.progress(1)
    in_file = {e.record_id for e in entities}
    for rel in root.iterfind(f"{t.ProfileRelationships}/{t.ProfileRelationship}"):
        parser.relationship(rel, in_file)
    for entry in root.iterfind(f"{t.SanctionsEntries}/{t.SanctionsEntry}"):
        parser.entry(entry)
    return ParsedList(
        ctx.source,
        FORMAT,
        entities,
        published=issued.isoformat(),
        records=len(parties),
        warnings=parser.warnings,
    )


FORMAT_SPEC = FormatSpec(FORMAT, "OFAC Advanced XML (SDN_ADVANCED.XML, CONS_ADVANCED.XML)", sniff, parse)
