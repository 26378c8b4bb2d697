"""``exportguard screen-file PATH``: screen every party of a CSV, XLSX or JSON-lines file."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from exportguard.cli import exit_codes
from exportguard.cli.common import err_console, warn_stale
from exportguard.cli.screen import open_screener
from exportguard.errors import InputFileError
from exportguard.match.parties import PartyRow, read_parties
from exportguard.match.types import DEFAULT_THRESHOLD, Query, ScreenResponse

CSV_COLUMNS = [
    "row",
    "name",
    "match",
    "score",
    "rank",
    "result_id",
    "caption",
    "schema",
    "sources",
    "explanation",
]


class FileFormat(StrEnum):
    csv = "csv"
    json = "json"


ColumnOpt = Annotated[str | None, typer.Option(help="Column header (default: found by its usual names)")]


def screen_file(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="CSV/TSV, XLSX or JSON-lines file, one party per row")],
    name_column: Annotated[
        str | None, typer.Option("--name-column", help="Column with the party name (default: detected)")
    ] = None,
    schema_column: Annotated[
        str | None, typer.Option("--schema-column", help="Column with Person/Organization/Company/…")
    ] = None,
    country_column: Annotated[
        str | None, typer.Option("--country-column", help="Column with countries (';'-separated)")
    ] = None,
    birth_date_column: Annotated[
        str | None, typer.Option("--birth-date-column", help="Column with birth dates")
    ] = None,
    identifier_column: Annotated[
        str | None, typer.Option("--identifier-column", help="Column with identifiers (';'-separated)")
    ] = None,
    address_column: Annotated[
        str | None, typer.Option("--address-column", help="Column with addresses")
    ] = None,
    schema: Annotated[
        str, typer.Option("--schema", help="Schema for rows without a schema column")
    ] = "LegalEntity",
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Screen only this source ID (repeatable)")
    ] = None,
    threshold: Annotated[
        float, typer.Option("--threshold", min=0.0, max=1.0, help="Score from which a result is a match")
    ] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="Most results per party")] = 3,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write results here (default: standard output)")
    ] = None,
    fmt: Annotated[
        FileFormat | None,
        typer.Option("--format", "-f", help="csv or json (default: from --output's suffix, else csv)"),
    ] = None,
) -> None:
    """Screen every party in a file; rows that cannot be screened are reported and skipped.
    Exit code 10 when any party matches."""
    columns = {
        "name": name_column, "schema": schema_column, "country": country_column,
        "birth_date": birth_date_column, "identifier": identifier_column, "address": address_column,
    }  # fmt: skip
    base = Query(name="-", schema=schema, sources=list(source or []), threshold=threshold, limit=limit)
    parties = read_parties(path, columns, base)
    for bad in parties.skipped:
        err_console.print(f"[yellow]row {bad.row}:[/] {bad.error} — skipped", highlight=False, soft_wrap=True)
    fmt = fmt or (
        FileFormat.json
        if output is not None and output.suffix.lower() in (".json", ".jsonl")
        else FileFormat.csv
    )
    screener = open_screener()
    done: list[tuple[PartyRow, ScreenResponse]] = []
    progress = Progress(
        TextColumn("[bold]screening"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err_console, disable=not err_console.is_terminal,
    )  # fmt: skip
    with progress:
        task = progress.add_task("screening", total=len(parties.valid))
        for row in parties.valid:
            assert row.query is not None
            done.append((row, screener.screen(row.query)))
            progress.advance(task)
    _write(done, parties.skipped, fmt, output, screener.versions())
    matches = sum(1 for _r, resp in done if resp.has_match)
    err_console.print(
        f"screened {_count(len(done), 'party', 'parties')}: {matches} with a match, "
        f"{_count(len(parties.skipped), 'row', 'rows')} skipped",
        highlight=False,
    )
    warn_stale([v for v in screener.versions() if not base.sources or v.source in base.sources])
    if matches:
        raise typer.Exit(exit_codes.MATCH)


def _open(output: Path | None) -> IO[str]:
    if output is None:
        return sys.stdout
    try:
        return output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputFileError(output, f"cannot write: {exc.strerror}") from None


def _write(
    done: list[tuple[PartyRow, ScreenResponse]],
    skipped: list[PartyRow],
    fmt: FileFormat,
    output: Path | None,
    versions: Any,
) -> None:
    fh = _open(output)
    try:
        if fmt is FileFormat.json:
            data = {
                "parties": [{"row": row.row} | resp.to_dict() for row, resp in done],
                "skipped": [{"row": r.row, "error": r.error} for r in skipped],
                "algorithm": {"name": done[0][1].algorithm_name, "version": done[0][1].algorithm_version}
                if done
                else None,
                "lists": [{"source": v.source, "version": v.version, "as_of": v.as_of} for v in versions],
            }
            fh.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for row, resp in done:
            if not resp.results:
                writer.writerow([row.row, resp.query.name, "false", "", "", "", "", "", "", ""])
            for rank, r in enumerate(resp.results, 1):
                sources = "; ".join(s.source + (f" ({s.sub_list})" if s.sub_list else "") for s in r.sources)
                why = " | ".join(e.detail for e in r.explanation)
                writer.writerow(
                    [
                        row.row,
                        resp.query.name,
                        str(r.match).lower(),
                        f"{r.score:.4f}",
                        rank,
                        r.id,
                        r.caption,
                        r.schema,
                        sources,
                        why,
                    ]
                )
    finally:
        if fh is not sys.stdout:
            fh.close()
        else:
            fh.flush()


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"
