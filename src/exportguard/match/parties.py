"""Party files for batch screening: CSV/TSV, XLSX and JSON-lines, one party per row.

The name column is found by its header (or given); optional columns carry schema, country,
birth date, identifier and address. A row that cannot be screened is reported with its row
number and skipped — never silently.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exportguard.errors import ExportguardError, InputFileError, ValidationError
from exportguard.match.types import Query
from exportguard.match.validate import validate_query
from exportguard.normalize.text import fold
from exportguard.sources.formats.inputs import decode_text, read_bytes

HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "party",
        "party name",
        "full name",
        "entity",
        "entity name",
        "company",
        "company name",
        "organisation",
        "organization",
        "customer",
        "customer name",
        "consignee",
        "end user",
        "counterparty",
    ),
    "schema": ("schema", "type", "entity type", "party type"),
    "country": ("country", "country code", "countries", "nationality", "jurisdiction"),
    "birth_date": ("birth date", "date of birth", "dob", "birthdate", "birth_date"),
    "identifier": (
        "identifier",
        "identifiers",
        "id",
        "id number",
        "registration number",
        "tax id",
        "tax number",
    ),
    "address": ("address", "full address"),
}
SCHEMA_WORDS = {"person": "Person", "individual": "Person", "organization": "Organization", "organisation": "Organization",
                "company": "Company", "entity": "LegalEntity", "legalentity": "LegalEntity", "vessel": "Vessel",
                "airplane": "Airplane", "aircraft": "Airplane"}  # fmt: skip
MULTI_SEP = ";"


@dataclass(slots=True)
class PartyRow:
    """One row: the query built from it, or the reason it was skipped."""

    row: int
    values: dict[str, str]
    query: Query | None = None
    error: str | None = None


@dataclass(slots=True)
class PartyFile:
    path: Path
    columns: list[str]
    mapping: dict[str, str]  # role -> column
    rows: list[PartyRow] = field(default_factory=list)

    @property
    def valid(self) -> list[PartyRow]:
        return [r for r in self.rows if r.query is not None]

    @property
    def skipped(self) -> list[PartyRow]:
        return [r for r in self.rows if r.query is None]


def _records(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path)
    text = _party_text(path, read_bytes(path))
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _jsonl(path, text)
    return _csv(path, text)


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _party_text(path: Path, raw: bytes) -> str:
    """A party file's text: UTF-8 or Windows-1252, or UTF-16/32 with a byte-order mark (what
    Excel writes as "Unicode text"); NUL bytes without a mark are refused, not read as names."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputFileError(
                    path, f"wrong text encoding (starts as {encoding.upper()} but byte {exc.start} is not)"
                ) from None
    if b"\x00" in raw[:65536]:
        raise InputFileError(
            path, "wrong text encoding (NUL bytes: binary data, or UTF-16 without a byte-order mark; save as UTF-8)"
        )
    return decode_text(path, raw, ("utf-8", "cp1252"))


_DELIMITERS = ",;\t|"


def _delimiter(text: str) -> str:
    """The one of , ; tab | the header line has most of (a header rarely has quotes; a name often
    has a comma). csv.Sniffer decides only for a one-column header: given a whole sample it can
    take the comma inside a quoted name for the delimiter. Quoting then follows Excel's rules,
    what writes most party files; the sniffer's quoting guess (`doublequote=False` when a sample
    has no "") would end a quoted cell at its first inner quote."""
    header = text.partition("\n")[0]
    if any(d in header for d in _DELIMITERS):
        return max(_DELIMITERS, key=header.count)
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _csv_problem(exc: csv.Error) -> str:
    """Python's csv message for a malformed record, in the words of someone who edits the file."""
    message = str(exc)
    if message == "unexpected end of data":
        return "a quoted cell is never closed"
    if message.endswith("expected after '\"'"):
        return "text after a cell's closing quote"
    return message


def _csv(path: Path, text: str) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    delimiter = _delimiter(text)
    lines = list(io.StringIO(text, newline=""))  # split as csv does: \n, \r\n or \r only
    reader = csv.reader(lines, csv.excel, delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputFileError(path, "file is empty") from None
    except csv.Error as exc:
        raise InputFileError(path, f"header row is not valid CSV: {_csv_problem(exc)}") from None
    columns = [h.strip() for h in header]

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        # A malformed record (a quote opened and never closed, text after a closing quote) is
        # reported as one row and reading resumes on the line after the one it began on, so a
        # stray quote cannot swallow the rest of the file into one cell.
        nonlocal reader
        n, offset = 1, 0  # n: the record (spreadsheet row); offset: lines before the reader's first
        while True:
            start = offset + reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                n += 1  # the rows after it are numbered as if it had been one
                yield n, {"__error__": f"not valid CSV on line {start}: {_csv_problem(exc)}; read on from line {start + 1}"}
                offset = start
                reader = csv.reader(lines[start:], csv.excel, delimiter=delimiter, strict=True)
                continue
            n += 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                yield n, {"__error__": f"{len(row)} cells, but the header has {len(columns)} columns"}
                continue
            yield n, dict(zip(columns, row, strict=False))

    return columns, rows()


def _jsonl(path: Path, text: str) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    parsed: list[tuple[int, dict[str, Any]]] = []
    columns: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            parsed.append((n, {"__error__": f"not valid JSON ({exc.msg})"}))
            continue
        if not isinstance(obj, dict):
            parsed.append((n, {"__error__": "not a JSON object"}))
            continue
        for key in obj:
            if key not in columns:
                columns.append(str(key))
        parsed.append((n, obj))
    if not parsed:
        raise InputFileError(path, "file is empty")
    return columns, iter(parsed)


def _xlsx(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    import zipfile

    from openpyxl import load_workbook

    read_bytes(path)  # missing / empty checks
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputFileError(path, f"not a readable XLSX workbook ({exc})") from None
    sheet = wb.worksheets[0]
    it = sheet.iter_rows(values_only=True)
    header = next(it, None)
    if header is None:
        raise InputFileError(path, "file is empty")
    columns = ["" if h is None else str(h).strip() for h in header]

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        for n, row in enumerate(it, start=2):
            if all(c is None or str(c).strip() == "" for c in row):
                continue
            yield n, {col: "" if v is None else v for col, v in zip(columns, row, strict=False)}
        wb.close()

    return columns, rows()


def _find(columns: list[str], role: str, given: str | None) -> str | None:
    if given is not None:
        for col in columns:
            if col == given or fold(col) == fold(given):
                return col
        raise ValidationError(f"no column {given!r} (columns: {', '.join(columns)})")
    wanted = HEADERS[role]
    for col in columns:
        if fold(col).replace("_", " ") in wanted:
            return col
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return MULTI_SEP.join(_text(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value).strip()


def read_parties(
    path: Path, columns: dict[str, str | None] | None = None, base: Query | None = None
) -> PartyFile:
    """Read a party file. ``columns`` maps a role (name, schema, country, birth_date, identifier,
    address) to a column header; unmapped roles are found by their usual headers. ``base`` gives
    the options every row shares (schema, sources, threshold, limit)."""
    columns = columns or {}
    header, records = _records(path)
    mapping: dict[str, str] = {}
    for role in HEADERS:
        col = _find(header, role, columns.get(role))
        if col is not None:
            mapping[role] = col
    if "name" not in mapping:
        raise InputFileError(
            path, f"no name column found (columns: {', '.join(header) or 'none'}); use --name-column"
        )
    base = base or Query(name="-")
    out = PartyFile(path, header, mapping)
    for n, rec in records:
        values = {k: _text(v) for k, v in rec.items()}
        out.rows.append(_row(n, values, mapping, base))
    if not out.rows:
        raise InputFileError(path, "no parties in the file (only a header)")
    return out


def _row(n: int, values: dict[str, str], mapping: dict[str, str], base: Query) -> PartyRow:
    if "__error__" in values:
        return PartyRow(n, {}, error=values["__error__"])

    def get(role: str) -> str:
        return values.get(mapping[role], "") if role in mapping else ""

    def split(text: str) -> list[str]:
        return [p.strip() for p in text.split(MULTI_SEP) if p.strip()]

    name = get("name")
    if not name:
        return PartyRow(n, values, error="name is empty")
    schema = base.schema
    if get("schema"):
        schema = SCHEMA_WORDS.get(fold(get("schema")).replace(" ", ""), get("schema"))
    query = Query(
        name=name,
        schema=schema,
        countries=split(get("country")) or list(base.countries),
        birth_date=get("birth_date") or None,
        identifiers=split(get("identifier")),
        address=get("address") or None,
        sources=list(base.sources),
        threshold=base.threshold,
        limit=base.limit,
    )
    try:
        return PartyRow(n, values, query=validate_query(query))
    except ExportguardError as exc:
        return PartyRow(n, values, error=str(exc))
