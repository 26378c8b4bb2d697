"""BIS Denied Persons List (``dpl.txt``): tab-separated, quoted, one row per name and address."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

from exportguard.errors import ParseError
from exportguard.model import Entity, make_entity_id
from exportguard.normalize.countries import country_code
from exportguard.normalize.dates import iso_date
from exportguard.sources.base import FormatSpec, ParseContext, ParsedList
from exportguard.sources.formats.inputs import decode_text, read_bytes

SOURCE = "us_bis_dpl"
HEADER = [
    "Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
    "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation",
]  # fmt: skip


def sniff(paths: Sequence[Path]) -> bool:
    if len(paths) != 1 or not paths[0].is_file():
        return False
    with paths[0].open("rb") as fh:
        head = fh.read(200)
    return head.startswith(b'"Name"\t"Street_Address"')


def _record_id(name: str, effective: str) -> str:
    """DPL rows carry no ID: a denial is the denied name plus its effective date."""
    return hashlib.sha1(f"{name.upper()}|{effective}".encode()).hexdigest()[:16]


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    text = decode_text(path, read_bytes(path), ("utf-8", "cp1252"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"', strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ParseError(path, "line 1", "no header row") from None
    if [h.strip() for h in header] != HEADER:
        raise ParseError(path, "line 1", f"not a Denied Persons List header: {header[:4]}")
    entities: dict[str, Entity] = {}
    records = 0
    last_update: str | None = None
    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(HEADER):
                raise ParseError(path, f"line {line}", f"expected {len(HEADER)} fields, found {len(row)} (truncated?)")
            rec = dict(zip(HEADER, row, strict=True))
            records += 1
            name = rec["Name"].strip()
            if not name:
                raise ParseError(path, f"line {line}", "row without a name")
            effective = iso_date(rec["Effective_Date"], ("%m/%d/%Y",)) or rec["Effective_Date"].strip()
            ctx.check_vocab("standard_order", rec["Standard_Order"].strip().upper(), path, f"line {line}")
            rid = _record_id(name, effective)
            ent = entities.get(rid)
            if ent is None:
                ent = Entity(make_entity_id(SOURCE, rid), "LegalEntity", SOURCE, rid)
                entities[rid] = ent
                ent.add("name", name, rec["Name"])
                ent.add("subList", "Denied Persons List (DPL) - Bureau of Industry and Security")
                ent.add("authority", "US Department of Commerce, Bureau of Industry and Security")
                ent.add("program", "DPL")
                ent.add("listingDate", effective, rec["Effective_Date"])
                end = iso_date(rec["Expiration_Date"], ("%m/%d/%Y",))
                ent.add("endDate", end, rec["Expiration_Date"])
                ent.add("standardOrder", rec["Standard_Order"].strip().upper() or None, rec["Standard_Order"])
            parts = [rec["Street_Address"], rec["City"], rec["State"], rec["Postal_Code"], rec["Country"]]
            address = ", ".join(p.strip() for p in parts if p.strip())
            ent.add("address", address, "\t".join(parts))
            ent.add("country", country_code(rec["Country"]), rec["Country"])
            ent.add("federalRegisterNotice", rec["FR_Citation"].strip() or None, rec["FR_Citation"])
            updated = iso_date(rec["Last_Update"])
            if updated and updated < "2100" and (last_update is None or updated > last_update):
                last_update = updated
            ctx.progress(1)
    except csv.Error as exc:
        raise ParseError(path, f"line {reader.line_num}", f"malformed or truncated CSV: {exc}") from None
    if not entities:
        raise ParseError(path, "line 2", "no Denied Persons List rows")
    return ParsedList(SOURCE, "bis_dpl_txt", list(entities.values()), published=last_update, records=records)


FORMATS = [
    FormatSpec("bis_dpl_txt", "BIS Denied Persons List, tab-separated text (dpl.txt)", sniff, parse),
]
