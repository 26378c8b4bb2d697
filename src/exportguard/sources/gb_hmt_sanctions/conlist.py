"""OFSI Consolidated List ("ConList") rows to entities — shared by the xlsx and the csv readers.

One row per name; rows sharing a ``Group ID`` are one designation, so they become one entity
``gb_hmt_sanctions-<Group ID>``. Both the 2022 format (36 columns, with ``Alias Quality`` and the
non-Latin name) and the pre-2022 format (29 columns) are read by column name.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from exportguard.errors import ParseError
from exportguard.model import Entity, make_entity_id
from exportguard.sources.base import ParseContext
from exportguard.sources.gb_hmt_sanctions.fields import (
    add_country,
    clean,
    imo_number,
    numbered,
    sections,
    uk_date,
)
from exportguard.sources.un_sc_sanctions.reference import un_reference

SOURCE = "gb_hmt_sanctions"
AUTHORITY = "UK HM Treasury, Office of Financial Sanctions Implementation (OFSI)"
NAMES = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
ADDRESS = ("Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Post/Zip Code")
HEADER_2022 = [
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title", "Name Non-Latin Script",
    "Non-Latin Script Type", "Non-Latin Script Language", "DOB", "Town of Birth", "Country of Birth",
    "Nationality", "Passport Number", "Passport Details", "National Identification Number",
    "National Identification Details", "Position", *ADDRESS, "Country",
    "Other Information", "Group Type", "Alias Type", "Alias Quality", "Regime", "Listed On",
    "UK Sanctions List Date Designated", "Last Updated", "Group ID",
]  # fmt: skip
HEADER_LEGACY = [
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title", "DOB", "Town of Birth",
    "Country of Birth", "Nationality", "Passport Details", "NI Number", "Position", *ADDRESS, "Country",
    "Other Information", "Group Type", "Alias Type", "Regime", "Listed On",
    "Last Updated", "Group ID",
]  # fmt: skip
SCHEMATA = {"Individual": "Person", "Entity": "Organization", "Ship": "Vessel"}
_LEGACY_UN_REF = re.compile(r"\bUN Ref\b")
_REF_TEXT = re.compile(r"^\D*[\d.]*\d")
# "Other Information" section label -> property
_SECTION_PROPS = {"Phone number": "phone", "Email address": "email", "Website": "website", "Type of ship": "type",
                  "Tonnage of ship": "tonnage", "Current owners": "owner", "UK Statement of Reasons": "reason"}  # fmt: skip


def check_header(header: list[str], path: Path, where: str) -> list[str]:
    """Return ``header`` when it is one of the two ConList layouts, else raise naming the place."""
    cells = [clean(h) for h in header]
    while cells and not cells[-1]:
        cells.pop()
    if cells in (HEADER_2022, HEADER_LEGACY):
        return cells
    missing = min(([c for c in layout if c not in cells] for layout in (HEADER_2022, HEADER_LEGACY)), key=len)
    raise ParseError(
        path, where, f"not an OFSI ConList header (missing columns: {', '.join(missing[:5]) or '-'})"
    )


class ConListBuilder:
    """Accumulates rows into one entity per Group ID."""

    def __init__(self, ctx: ParseContext, path: Path) -> None:
        self.ctx, self.path = ctx, path
        self.entities: dict[str, Entity] = {}
        self.updated: dict[str, tuple[str, str]] = {}
        self.misses: Counter[str] = Counter()
        self.seen_info: set[tuple[str, str]] = set()
        self.unread_dates = 0
        self.rows = 0

    def vocab(self, vocab: str, value: str, where: str) -> str:
        return self.ctx.check_vocab(vocab, value, self.path, where)

    def add_row(self, row: dict[str, str], where: str) -> None:
        gid = row["Group ID"]
        if not gid.isdigit():
            raise ParseError(self.path, where, f"invalid Group ID {gid!r}")
        where = f"{where} (Group ID {gid})"
        schema = SCHEMATA[self.vocab("group_type", row["Group Type"], where)]
        ent = self.entities.get(gid)
        if ent is None:
            ent = self.entities[gid] = Entity(make_entity_id(SOURCE, gid), schema, SOURCE, gid)
            ent.add("ukGroupId", gid)
            ent.add("authority", AUTHORITY)
        elif ent.schema != schema:
            raise ParseError(self.path, where, f"Group Type {row['Group Type']!r} differs from earlier rows")
        self.rows += 1
        self.name(ent, row, where)
        self.person(ent, row)
        self.place(ent, row)
        self.other_information(ent, row["Other Information"])
        ent.add("program", self.vocab("regime", row["Regime"], where))
        listed = uk_date(row["Listed On"])
        ent.add("listingDate", listed, row["Listed On"])
        uk_listed = uk_date(row.get("UK Sanctions List Date Designated", ""))
        if uk_listed != listed:
            ent.add("listingDate", uk_listed, row.get("UK Sanctions List Date Designated"), "UK designation")
        updated = uk_date(row["Last Updated"])
        if updated and updated > self.updated.get(gid, ("", ""))[0]:
            self.updated[gid] = (updated, row["Last Updated"])
        self.ctx.progress(1)

    def name(self, ent: Entity, row: dict[str, str], where: str) -> None:
        parts = [row[n] for n in NAMES]
        full = " ".join(p for p in parts if p)
        alias_type = self.vocab("alias_type", row["Alias Type"], where)
        quality = self.vocab("alias_quality", row.get("Alias Quality", ""), where)
        if not full:
            raise ParseError(self.path, where, "row without a name (Name 1-6 empty)")
        if alias_type in ("Primary name", "Prime Alias"):
            ent.add("name", full, qualifier=alias_type)
            if ent.schema == "Person":
                ent.add("firstName", row["Name 1"] or None)
                ent.add("lastName", row["Name 6"] or None)
        elif alias_type == "FKA":
            ent.add("previousName", full, qualifier=alias_type)
        else:
            prop = "weakAlias" if quality == "Low quality" else "alias"
            ent.add(prop, full, qualifier=alias_type)
        script = row.get("Name Non-Latin Script", "")
        kind = row.get("Non-Latin Script Type", "") or row.get("Non-Latin Script Language", "")
        ent.add("alias", script or None, qualifier=kind or "non-Latin script")
        for title in numbered(row["Title"]):
            ent.add("title", title)

    def person(self, ent: Entity, row: dict[str, str]) -> None:
        dob = row["DOB"]
        if dob:
            value = uk_date(dob)
            if value is None:
                self.unread_dates += 1
                ent.add("notes", f"Date of birth: {dob}")
            ent.add("birthDate", value, dob)
        towns = numbered(row["Town of Birth"], keep_placeholders=True)
        countries = numbered(row["Country of Birth"], keep_placeholders=True)
        if len(towns) == len(countries):  # "(1) Tripoli (2) Tunis" with "(1) Libya (2) Tunisia"
            for town, country in zip(towns, countries, strict=True):
                ent.add("birthPlace", ", ".join(p for p in (town, country) if p) or None)
        else:
            for place in towns + countries:
                ent.add("birthPlace", place or None)
        for nat in numbered(row["Nationality"]):
            add_country(ent, "nationality", nat, self.misses)
        for position in numbered(row["Position"]):
            ent.add("position" if ent.schema == "Person" else "notes", position)
        for number in numbered(row.get("Passport Number", "")):
            ent.add("passportNumber", number, row["Passport Number"], "Passport Number")
        for number in numbered(row.get("National Identification Number", "")):
            ent.add(
                "idNumber", number, row["National Identification Number"], "National Identification Number"
            )
        for col in ("Passport Details", "National Identification Details", "NI Number"):
            ent.add("notes", f"{col}: {row[col]}" if row.get(col) else None)

    def place(self, ent: Entity, row: dict[str, str]) -> None:
        address = ", ".join(row[c] for c in (*ADDRESS, "Country") if row[c])
        ent.add("address", address or None)
        for country in numbered(row["Country"]):
            add_country(ent, "country", country, self.misses)

    def other_information(self, ent: Entity, text: str) -> None:
        if not text or (ent.record_id, text) in self.seen_info:  # repeated on every row of a group
            return
        self.seen_info.add((ent.record_id, text))
        ent.add("notes", text)
        found = sections(text)
        refs = found.get("UN Ref", [])
        # Pre-2022 texts have no labelled sections: "UN Ref QI.B.62.02. …". (In the 2022 format an
        # unlabelled "UN Ref" names another designation, e.g. a ship's owner, so it is not used.)
        if not found and (m := _LEGACY_UN_REF.search(text)):
            refs = [text[m.start() :]]
        for ref in refs:
            original = _REF_TEXT.match(ref)
            ent.add("unReferenceNumber", un_reference(ref), original.group(0) if original else ref)
        for gender in found.get("Gender", []):
            ent.add("gender", self.vocab("gender", gender, f"Group ID {ent.record_id}").lower(), gender)
        for label, prop in _SECTION_PROPS.items():
            for value in found.get(label, []):
                ent.add(prop, value)
        for fax in found.get("Fax", []):
            ent.add("phone", fax, qualifier="fax")
        for reg in found.get("Business Reg No", []):
            for number in numbered(reg):
                ent.add("registrationNumber", number, reg)
        for imo in found.get("IMO number", []):
            ent.add("imoNumber", imo_number(imo), imo)
        for flag in found.get("Flag of ship", []):
            add_country(ent, "flag", flag, self.misses)

    def finish(self) -> tuple[list[Entity], list[str]]:
        """The entities, with ``modifiedAt`` and a name for groups published without a primary name."""
        for gid, ent in self.entities.items():
            if gid in self.updated:
                ent.add("modifiedAt", *self.updated[gid])
            if not ent.get("name"):
                ent.add("name", ent.names()[0])
        warnings = []
        if self.misses:
            warnings.append(f"country names not recognised (left out): {', '.join(sorted(self.misses))}")
        if self.unread_dates:
            warnings.append(f"{self.unread_dates} date(s) of birth could not be read (kept in notes)")
        return list(self.entities.values()), warnings
