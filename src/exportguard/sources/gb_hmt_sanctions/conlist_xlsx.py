"""OFSI ConList "2022 format" as XLSX (``ConList.xlsx``), read with openpyxl in read-only mode.

Layout: row 1 ``Last Updated | dd/mm/yyyy``; row 2 the header; then one row per name. The sheet is
the first one whose A1 says ``Last Updated``. openpyxl streams the sheet (read-only mode), which
reads the full list (18,796 rows) in about 1.5 s.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from exportguard.errors import InputFileError, ParseError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.gb_hmt_sanctions.conlist import SOURCE, ConListBuilder, check_header
from exportguard.sources.gb_hmt_sanctions.fields import clean, uk_date

FORMAT = "uk_ofsi_xlsx"
# What openpyxl and the zip/XML layers under it raise for a damaged workbook.
_BROKEN = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, EOFError, OSError, SyntaxError)


def sniff(paths: Sequence[Path]) -> bool:
    """An xlsx workbook (zip with ``xl/workbook.xml``); the sheet layout is checked when parsing."""
    if len(paths) != 1 or not paths[0].is_file():
        return False
    try:
        with zipfile.ZipFile(paths[0]) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _rows(path: Path, sheet: Any) -> Iterator[list[str]]:
    """The sheet's rows as text cells; a damaged sheet (read lazily) becomes a ParseError."""
    values = sheet.iter_rows(values_only=True)
    number = 0
    while True:
        number += 1
        try:
            row = next(values)
        except StopIteration:
            return
        except _BROKEN as exc:
            where = f"sheet {sheet.title!r}, row {number}"
            raise ParseError(
                path, where, f"damaged or truncated xlsx ({type(exc).__name__}: {exc})"
            ) from None
        yield [clean(v) for v in row]


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    if not path.is_file():
        raise InputFileError(path, "file not found")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _BROKEN as exc:
        raise ParseError(path, None, f"not a readable xlsx workbook ({type(exc).__name__}: {exc})") from None
    try:
        return _parse_workbook(ctx, path, workbook)
    finally:
        workbook.close()


def _parse_workbook(ctx: ParseContext, path: Path, workbook: Any) -> ParsedList:
    sheet, rows = _find_sheet(path, workbook)
    title = f"sheet {sheet.title!r}"
    first = next(rows)
    published = uk_date(first[1] if len(first) > 1 else "")
    if published is None:
        raise ParseError(path, f"{title}, row 1", f"no 'Last Updated' date (found {first[:2]})")
    try:
        header = check_header(next(rows), path, f"{title}, row 2")
    except StopIteration:
        raise ParseError(path, f"{title}, row 2", "no header row") from None
    builder = ConListBuilder(ctx, path)
    for number, cells in enumerate(rows, start=3):
        if not any(cells):
            continue
        where = f"{title}, row {number}"
        if any(cells[len(header) :]):
            raise ParseError(
                path, where, f"{len(cells)} cells, more than the {len(header)} columns of the header"
            )
        builder.add_row(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)), where)
    entities, warnings = builder.finish()
    if not entities:
        raise ParseError(path, f"{title}, row 3", "no ConList rows")
    return ParsedList(SOURCE, FORMAT, entities, published=published, records=builder.rows, warnings=warnings)


def _find_sheet(path: Path, workbook: Any) -> tuple[Any, Iterator[list[str]]]:
    """The first sheet whose A1 is ``Last Updated`` and an iterator over its rows from row 1."""
    seen = []
    for sheet in workbook.worksheets:
        rows = _rows(path, sheet)
        first = next(rows, [])
        if first and first[0] == "Last Updated":
            return sheet, _chain(first, rows)
        seen.append((sheet.title, first[0] if first else ""))
    where = f"sheet {seen[0][0]!r}, row 1" if seen else None
    found = ", ".join(f"{title!r} has A1 = {a1!r}" for title, a1 in seen) or "no sheets"
    raise ParseError(
        path, where, f"not an OFSI ConList workbook: no sheet starts with 'Last Updated' ({found})"
    )


def _chain(first: list[str], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield first
    yield from rest
