"""The CSL as CSV (``consolidated.csv``, optionally gzipped): header row, one row per entry,
multi-valued cells joined with ``"; "``. The file carries no publication date; when it is a gzip
file whose header records a modification time, that time is the file's date."""

from __future__ import annotations

import csv
import gzip
import io
import struct
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from exportguard.errors import ParseError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.formats.inputs import decode_text, read_bytes
from exportguard.sources.us_trade_csl.assemble import CslAssembler
from exportguard.sources.us_trade_csl.record import (
    COLUMNS,
    CslIdentifier,
    CslRecord,
    csv_address,
    csv_identifier,
    split_multi,
)

FORMAT = "trade_csl_csv"
_HEADER_START = ",".join(COLUMNS[:6]).encode()


def _head(path: Path, size: int = 512) -> bytes:
    try:
        with path.open("rb") as fh:
            head = fh.read(size)
            if head[:2] == b"\x1f\x8b":
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as gz:
                    return gz.read(size)
            return head
    except (OSError, EOFError):
        return b""


def sniff(paths: Sequence[Path]) -> bool:
    if len(paths) != 1 or not paths[0].is_file():
        return False
    return _head(paths[0]).lstrip(b"\xef\xbb\xbf").startswith(_HEADER_START)


def gzip_date(path: Path) -> str | None:
    """The modification time recorded in a gzip file's header (UTC date), when there is one."""
    with path.open("rb") as fh:
        header = fh.read(10)
    if len(header) < 10 or header[:2] != b"\x1f\x8b":
        return None
    (mtime,) = struct.unpack("<I", header[4:8])
    return datetime.fromtimestamp(mtime, UTC).date().isoformat() if mtime else None


def _record(row: dict[str, str], line: int) -> tuple[CslRecord, list[str]]:
    """The record of one row, and the ``ids`` entries that could not be read."""
    ids: list[CslIdentifier] = []
    bad: list[str] = []
    for part in split_multi(row["ids"]):
        ident = csv_identifier(part)
        if ident is None:
            bad.append(part)
        else:
            ids.append(ident)
    rec = CslRecord(
        position=f"line {line}",
        id=row["_id"], source=row["source"], name=row["name"], entity_number=row["entity_number"],
        type=row["type"], title=row["title"], start_date=row["start_date"], end_date=row["end_date"],
        standard_order=row["standard_order"], license_requirement=row["license_requirement"],
        license_policy=row["license_policy"], call_sign=row["call_sign"], vessel_type=row["vessel_type"],
        gross_tonnage=row["gross_tonnage"], gross_registered_tonnage=row["gross_registered_tonnage"],
        vessel_flag=row["vessel_flag"], vessel_owner=row["vessel_owner"], remarks=row["remarks"],
        source_list_url=row["source_list_url"], source_information_url=row["source_information_url"],
        programs=split_multi(row["programs"]), alt_names=split_multi(row["alt_names"]),
        addresses=[csv_address(a) for a in split_multi(row["addresses"])],
        federal_register_notice=split_multi(row["federal_register_notice"]),
        citizenships=split_multi(row["citizenships"]), nationalities=split_multi(row["nationalities"]),
        dates_of_birth=split_multi(row["dates_of_birth"]), places_of_birth=split_multi(row["places_of_birth"]),
        ids=ids,
    )  # fmt: skip
    return rec, bad


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    text = decode_text(path, read_bytes(path), ("utf-8",))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ParseError(path, "line 1", "no header row") from None
    if tuple(h.strip().lstrip("\ufeff") for h in header) != COLUMNS:
        raise ParseError(path, "line 1", f"not a Consolidated Screening List header: {header[:6]}")
    out = CslAssembler(ctx, path)
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                raise ParseError(
                    path, f"line {line}", f"expected {len(COLUMNS)} fields, found {len(row)} (truncated?)"
                )
            rec, bad = _record(dict(zip(COLUMNS, row, strict=True)), line)
            if bad:
                raise ParseError(
                    path, f"line {line} (_id {rec.id})", f"identifier without a number: {bad[0]!r}"
                )
            out.add(rec)
    except csv.Error as exc:
        raise ParseError(path, f"line {reader.line_num}", f"malformed or truncated CSV: {exc}") from None
    if not out.records:
        raise ParseError(path, "line 2", "no Consolidated Screening List rows")
    return out.result(FORMAT, gzip_date(path))
