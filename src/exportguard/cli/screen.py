"""``exportguard screen NAME`` and ``exportguard screen-file PATH``: thin commands over
:class:`exportguard.match.screener.Screener`. Exit code 10 when anything matches (see
``cli/exit_codes.py``), 0 when nothing does."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from exportguard.cli import exit_codes
from exportguard.cli.common import (
    OutputFormat,
    console,
    err_console,
    get_store,
    print_json,
    resolve_format,
    warn_stale,
)
from exportguard.match.screener import Screener, get_screener
from exportguard.match.types import DEFAULT_LIMIT, DEFAULT_THRESHOLD, Query, ScreenResponse

SchemaOpt = Annotated[
    str, typer.Option("--schema", help="Person, Organization, Company, LegalEntity (any), Vessel or Airplane")
]
SourceOpt = Annotated[
    list[str] | None, typer.Option("--source", help="Screen only this source ID (repeatable; default: all)")
]
ThresholdOpt = Annotated[
    float, typer.Option("--threshold", min=0.0, max=1.0, help="Score from which a result is a match")
]


def screen(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Name of the party to screen (any script)")],
    schema: SchemaOpt = "LegalEntity",
    country: Annotated[
        list[str] | None, typer.Option("--country", help="Country code or name (repeatable)")
    ] = None,
    birth_date: Annotated[
        str | None, typer.Option("--birth-date", help="YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    identifier: Annotated[
        list[str] | None,
        typer.Option("--identifier", help="Registration, tax or passport number (repeatable)"),
    ] = None,
    address: Annotated[str | None, typer.Option("--address", help="Address of the party")] = None,
    source: SourceOpt = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=500, help="Most results to show")
    ] = DEFAULT_LIMIT,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="table (terminal default) or json (default when piped)"),
    ] = None,
) -> None:
    """Screen one party against every loaded list; exit code 10 when there is a match."""
    query = Query(
        name=name,
        schema=schema,
        countries=list(country or []),
        birth_date=birth_date,
        identifiers=list(identifier or []),
        address=address,
        sources=list(source or []),
        threshold=threshold,
        limit=limit,
    )
    screener = open_screener()
    response = screener.screen(query)
    if resolve_format(fmt) is OutputFormat.json:
        print_json(response.to_dict())
    else:
        print_table(response)
    warn_stale([v for v in screener.versions() if not query.sources or v.source in query.sources])
    if response.has_match:
        raise typer.Exit(exit_codes.MATCH)


def open_screener() -> Screener:
    """The shared screener of the configured store, its index loaded (or built, with a notice)."""
    screener = get_screener(get_store())
    with err_console.status("loading the screening index (built once per list version) …"):
        screener.index  # noqa: B018
    return screener


def print_table(response: ScreenResponse) -> None:
    q = response.query
    if not response.results:
        console.print(f"No result for {q.name!r} at or near the threshold {q.threshold}.", highlight=False)
    else:
        table = Table(title=f"Screening {q.name!r} ({q.schema}, threshold {q.threshold})")
        table.add_column("score", justify="right")
        table.add_column("match")
        table.add_column("designation", overflow="fold")  # entity IDs wrap, never cut: `exportguard entity ID`
        table.add_column("schema")
        table.add_column("sources", overflow="fold")
        table.add_column("why", overflow="fold")
        for r in response.results:
            sources = "\n".join(f"{s.source}" + (f" ({s.sub_list})" if s.sub_list else "") for s in r.sources)
            why = "\n".join(e.detail for e in r.explanation)
            table.add_row(
                f"{r.score:.2f}",
                "[bold red]yes[/]" if r.match else "no",
                f"{r.caption}\n{r.id}",
                r.schema,
                sources,
                why,
            )
        console.print(table)
    lists = ", ".join(f"{v.source} v{v.version} (as of {v.as_of or 'unknown'})" for v in response.lists)
    console.print(
        f"algorithm {response.algorithm_name} {response.algorithm_version}; lists: {lists}", highlight=False
    )


def register(app: typer.Typer) -> None:
    """Add ``screen`` and ``screen-file`` to the ``exportguard`` command."""
    from exportguard.cli.screen_file import screen_file

    app.command("screen")(screen)
    app.command("screen-file")(screen_file)
