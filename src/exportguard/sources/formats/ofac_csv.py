"""OFAC legacy CSV set: ``sdn.csv`` (or ``cons_prim.csv``) plus optional address, alias and
remarks-overflow files.

All files have no header, quote with ``"``, write nulls as ``-0- ``, use CRLF and end with a 0x1A
byte. A file's role is read from its column count, so the files may be given in any order and
under any name:

====================  ==========  =============================================================
file                  columns     content
====================  ==========  =============================================================
sdn / cons_prim       12          ent_num, name, SDN type, programmes, title, call sign, vessel
                                  type, tonnage, GRT, vessel flag, vessel owner, remarks
add / cons_add        6           ent_num, add_num, address, city/state/postal code, country,
                                  address remarks
alt / cons_alt        5           ent_num, alt_num, alt type (aka, fka, nka), alt name, remarks
sdn_comments / …      2           ent_num, remarks overflow (appended to the primary remarks)
====================  ==========  =============================================================

Only the primary file is required. The CSV files carry no publication date (``published`` is
``None``). Remarks are parsed by ``ofac_remarks``; ``Linked To: NAME`` is resolved to the record
of that name in the same file (see ``ofac_csv_links``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from exportguard.errors import InputFileError, ParseError
from exportguard.sources.base import FormatSpec, ParseContext, ParsedList
from exportguard.sources.formats.inputs import decode_text, read_bytes
from exportguard.sources.formats.ofac_common import (
    PendingLink,
    Record,
    add_alias,
    add_country,
    add_person_name_parts,
    add_program,
    new_entity,
    split_programs,
)
from exportguard.sources.formats.ofac_csv_links import resolve_links
from exportguard.sources.formats.ofac_remarks import apply_remarks, label_index

FORMAT = "ofac_csv"
NULL = "-0-"
ROLES = {12: "primary", 6: "addresses", 5: "aliases", 2: "comments"}
SDN_TYPES = ("individual", "vessel", "aircraft", NULL)
REMARKS_LIMIT = 1000  # OFAC cuts Remarks at this length and moves the rest to *_comments.csv
SUBLIST = {"us_ofac_sdn": "SDN List", "us_ofac_cons": "Consolidated List"}

Rows = list[tuple[int, list[str]]]


def value(field: str) -> str | None:
    text = field.strip()
    return None if not text or text == NULL else text


def _rows(path: Path) -> Rows:
    text = decode_text(path, read_bytes(path), ("utf-8",))
    if text.endswith("\x1a"):
        text = text[:-1]
    if not text.strip():
        raise InputFileError(path, "file is empty")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: Rows = []
    try:
        for row in reader:
            if any(f.strip() for f in row):
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ParseError(path, f"line {reader.line_num}", f"malformed or truncated CSV: {exc}") from None
    if not rows:
        raise ParseError(path, "line 1", "no OFAC CSV rows")
    width = len(rows[0][1])
    if width not in ROLES or not rows[0][1][0].strip().isdigit():
        raise ParseError(path, f"line {rows[0][0]}", f"not an OFAC CSV file ({width} columns)")
    for line, row in rows:
        if len(row) != width:
            raise ParseError(path, f"line {line}", f"expected {width} fields, found {len(row)} (truncated?)")
        if not row[0].strip().isdigit():
            raise ParseError(path, f"line {line}", f"ent_num {row[0]!r} is not a number")
    return rows


def sniff(paths: Sequence[Path]) -> bool:
    """Every file starts with an OFAC CSV row and one of them is a primary (12-column) file."""
    widths = []
    for path in paths:
        if not path.is_file():
            return False
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
        line = head.splitlines()[0] if head else ""
        try:
            row = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            return False
        if len(row) not in ROLES or not row[0].strip().isdigit():
            return False
        if len(row) == 12 and row[2].strip() not in SDN_TYPES:
            return False
        widths.append(len(row))
    return widths.count(12) == 1


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    files: dict[str, tuple[Path, Rows]] = {}
    for path in paths:
        rows = _rows(path)
        role = ROLES[len(rows[0][1])]
        if role in files:
            raise ParseError(path, None, f"two {role} files given ({files[role][0].name} and {path.name})")
        files[role] = (path, rows)
    if "primary" not in files:
        shown = ", ".join(p.name for p in paths)
        raise ParseError(
            shown, None, "no primary file (sdn.csv or cons_prim.csv, 12 columns) among the files"
        )
    warnings: list[str] = []
    overflow = _comments(files.get("comments"))
    records, links = _primary(ctx, *files["primary"], overflow, warnings)
    if "addresses" in files:
        _addresses(ctx, *files["addresses"], records, warnings)
    if "aliases" in files:
        _aliases(ctx, *files["aliases"], records, warnings)
    resolve_links(ctx.source, records, links, warnings)
    entities = [rec.entity for rec in records.values()]
    return ParsedList(ctx.source, FORMAT, entities, published=None, records=len(entities), warnings=warnings)


def _comments(file: tuple[Path, Rows] | None) -> dict[str, str]:
    overflow: dict[str, str] = {}
    for _line, row in file[1] if file else []:
        num = row[0].strip()
        overflow[num] = overflow.get(num, "") + row[1]
    return overflow


def _primary(
    ctx: ParseContext, path: Path, rows: Rows, overflow: dict[str, str], warnings: list[str]
) -> tuple[dict[str, Record], list[PendingLink]]:
    labels = label_index(ctx.meta.vocabularies.get("identifier_types", frozenset()))
    records: dict[str, Record] = {}
    pending: list[PendingLink] = []
    for line, row in rows:
        num = row[0].strip()
        position = f"line {line}, ent_num {num}"
        if num in records:
            raise ParseError(path, position, f"ent_num {num} appears twice")
        name = value(row[1])
        if name is None:
            raise ParseError(path, position, "record without a name")
        rec = new_entity(ctx, path, position, num, row[2], warnings)
        records[num] = rec
        ent = rec.entity
        ent.add("name", name, row[1])
        add_person_name_parts(rec, name)
        for code in split_programs(value(row[3]) or ""):
            add_program(rec, code, row[3])
        ent.add("subList", SUBLIST.get(ctx.source))
        ent.add("position", value(row[4]), row[4])
        _vessel(rec, row)
        extra = overflow.pop(num, None)
        if extra is not None:
            apply_remarks(rec, row[11] + extra, labels, pending)
        else:
            cut = len(row[11]) >= REMARKS_LIMIT and not row[11].endswith(".")
            apply_remarks(rec, value(row[11]) or "", labels, pending, truncated=cut)
        ctx.progress(1)
    if overflow:
        shown = ", ".join(sorted(overflow)[:10])
        warnings.append(f"remarks overflow rows for ent_nums not in the primary file: {shown}")
    return records, pending


def _vessel(rec: Record, row: list[str]) -> None:
    ent = rec.entity
    ent.add("callSign", value(row[5]), row[5])
    ent.add("type", value(row[6]), row[6])
    ent.add("tonnage", _number(value(row[7])), row[7])
    ent.add("grossRegisteredTonnage", _number(value(row[8])), row[8])
    add_country(rec, "flag", value(row[9]))
    ent.add("owner", value(row[10]), row[10])


def _number(text: str | None) -> str | None:
    return None if text is None else re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)


def _attached(
    ctx: ParseContext, path: Path, rows: Rows, records: dict[str, Record], warnings: list[str]
) -> Iterator[tuple[Record, list[str]]]:
    """Rows of a secondary file (add, alt) with the primary record each belongs to, positioned at
    the row; rows whose ent_num the primary file lacks are counted in one warning."""
    orphans = []
    for line, row in rows:
        rec = records.get(row[0].strip())
        if rec is None:
            orphans.append(row[0].strip())
            continue
        yield Record(ctx, path, f"line {line}, ent_num {row[0].strip()}", rec.entity, warnings), row
    if orphans:
        shown = ", ".join(sorted(set(orphans))[:10])
        warnings.append(f"{path.name}: {len(orphans)} rows for ent_nums not in the primary file ({shown})")


def _addresses(
    ctx: ParseContext, path: Path, rows: Rows, records: dict[str, Record], warnings: list[str]
) -> None:
    for here, row in _attached(ctx, path, rows, records, warnings):
        parts = [p for p in (value(row[2]), value(row[3]), value(row[4])) if p]
        here.entity.add("address", ", ".join(parts) or None, ", ".join(row[2:5]))
        add_country(here, "country", value(row[4]))
        here.entity.add("notes", value(row[5]), row[5], "address remarks")


def _aliases(
    ctx: ParseContext, path: Path, rows: Rows, records: dict[str, Record], warnings: list[str]
) -> None:
    for here, row in _attached(ctx, path, rows, records, warnings):
        alias_type = here.vocab("alias_types", row[2].strip().lower())
        name = value(row[3])
        if name is None:
            raise ParseError(path, here.position, "alias row without a name")
        add_alias(here, alias_type, name, row[3])
        here.entity.add("notes", value(row[4]), row[4], "alias remarks")


FORMAT_SPEC = FormatSpec(
    FORMAT, "OFAC legacy CSV set (sdn.csv / cons_prim.csv + add, alt, comments)", sniff, parse
)
