"""OFSI ConList as CSV (``ConList.csv``): the pre-2022 layout, and the 2022 layout as CSV.

Line 1 ``Last Updated,dd/mm/yyyy``; line 2 the header; then one row per name. The legacy files
are Windows-1252 (curly quotes as bytes 0x91-0x94), newer ones UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from exportguard.errors import InputFileError, ParseError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.formats.inputs import decode_text, read_bytes
from exportguard.sources.gb_hmt_sanctions.conlist import SOURCE, ConListBuilder, check_header
from exportguard.sources.gb_hmt_sanctions.fields import clean, uk_date

FORMAT = "uk_ofsi_csv"
_MAGIC = b"Last Updated,"


def sniff(paths: Sequence[Path]) -> bool:
    if len(paths) != 1 or not paths[0].is_file():
        return False
    with paths[0].open("rb") as fh:
        head = fh.read(64)
    return head.removeprefix(b"\xef\xbb\xbf").startswith(_MAGIC)


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    raw = read_bytes(path)
    if b"\x00" in raw[:4096]:
        raise InputFileError(
            path, "line 1: wrong text encoding (NUL bytes: UTF-16?); expected UTF-8 or Windows-1252"
        )
    text = decode_text(path, raw, ("utf-8", "cp1252"))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        first = next(reader, [])
        if not first or clean(first[0]) != "Last Updated":
            raise ParseError(
                path, "line 1", f"not an OFSI ConList: line 1 is {first[:2]}, not 'Last Updated,<date>'"
            )
        published = uk_date(first[1] if len(first) > 1 else "")
        if published is None:
            raise ParseError(path, "line 1", f"invalid 'Last Updated' date {first[1:2]}")
        header = check_header(next(reader, []), path, "line 2")
        builder = ConListBuilder(ctx, path)
        for row in reader:
            where = f"line {reader.line_num}"
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(header):
                raise ParseError(path, where, f"expected {len(header)} fields, found {len(row)} (truncated?)")
            builder.add_row({h: clean(c) for h, c in zip(header, row, strict=True)}, where)
    except csv.Error as exc:
        raise ParseError(path, f"line {reader.line_num}", f"malformed or truncated CSV: {exc}") from None
    entities, warnings = builder.finish()
    if not entities:
        raise ParseError(path, "line 3", "no ConList rows")
    return ParsedList(SOURCE, FORMAT, entities, published=published, records=builder.rows, warnings=warnings)
