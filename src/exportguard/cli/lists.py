"""``exportguard lists …``: show, load, update, diff and export the official lists."""

from __future__ import annotations

import tempfile
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from exportguard.cli.common import (
    OutputFormat,
    console,
    err_console,
    get_store,
    list_versions_json,
    load_progress,
    print_json,
    resolve_format,
    warn_stale,
)
from exportguard.errors import ExportguardError
from exportguard.model.ftm import to_ftm
from exportguard.sources.download import choose_downloads, download_files
from exportguard.sources.registry import SOURCE_IDS, check_source, get_meta
from exportguard.store import LoadOutcome, Store
from exportguard.store.loading import load_paths

app = typer.Typer(help="Official sanctions and export-control lists: show, load, update, diff, export.", no_args_is_help=True)

FormatOpt = Annotated[OutputFormat | None, typer.Option("--format", "-f", help="table (terminal default) or json (default when piped)")]


@app.command("show")
def show(fmt: FormatOpt = None) -> None:
    """Sources, their kept versions, as-of dates and counts."""
    store = get_store()
    out = resolve_format(fmt)
    rows = []
    for source in SOURCE_IDS:
        meta = get_meta(source)
        versions = store.versions(source)
        rows.append((meta, versions))
    current = store.current_versions()
    if out is OutputFormat.json:
        stale = {d["source"]: d for d in list_versions_json(current)}
        print_json(
            {
                "sources": [
                    {
                        "source": meta.id,
                        "title": meta.title,
                        "publisher": meta.publisher,
                        "licence": meta.licence,
                        "groups": list(meta.groups),
                        "current": versions[0].to_dict() | {"stale": stale[meta.id]["stale"], "age_days": stale[meta.id]["age_days"]} if versions else None,
                        "versions": [v.to_dict() for v in versions],
                    }
                    for meta, versions in rows
                ]
            }
        )
    else:
        # Narrow enough for an 80-column terminal: the source and its as-of date never wrap; formats,
        # files, record counts, load times and warnings are in --format json.
        table = Table(title="Loaded lists", caption="more per version (format, files, records, warnings): --format json")
        table.add_column("source", no_wrap=True)
        table.add_column("version", no_wrap=True)
        table.add_column("as of", no_wrap=True)
        table.add_column("entities", justify="right", no_wrap=True)
        table.add_column("per schema")
        for meta, versions in rows:
            if not versions:
                table.add_row(meta.id, "—", "not loaded", "", "")
                continue
            v = versions[0]
            kept = ",".join(str(x.version) for x in versions[1:])
            per_schema = ", ".join(f"{k} {n:,}" for k, n in v.counts.items())
            table.add_row(meta.id, f"{v.version}" + (f" (also {kept})" if kept else ""), v.as_of or "?",
                          f"{v.entity_count:,}", per_schema)  # fmt: skip
        console.print(table)
    warn_stale(current)


@app.command("load")
def load(
    paths: Annotated[list[Path], typer.Argument(metavar="PATHS", help="File(s) of one publication of the list")],
    source: Annotated[str, typer.Option("--source", "-s", help="Source ID, e.g. us_ofac_sdn")],
    format: Annotated[str | None, typer.Option("--format", help="Force a format instead of detecting it")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="As-of date (YYYY-MM-DD) when the file has none")] = None,
) -> None:
    """Load list files as a new version of SOURCE (a no-op when the same files are already current)."""
    check_source(source)
    store = get_store()
    with load_progress() as factory:
        outcome = load_paths(store, source, paths, format=format, as_of=as_of, as_of_basis="--as-of", progress=factory)
    console.print(outcome.message, highlight=False)
    for warning in outcome.version.warnings if outcome.created else []:
        err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if outcome.pruned:
        console.print(f"pruned old versions: {', '.join(map(str, outcome.pruned))}")
    warn_stale([outcome.version])


@app.command("update")
def update(
    sources: Annotated[list[str] | None, typer.Argument(metavar="SOURCES", help="Source IDs (default: all with a download URL)")] = None,
    mirror: Annotated[str | None, typer.Option("--from", help="Base URL of a mirror holding the files by name")] = None,
    format: Annotated[str | None, typer.Option("--format", help="Which published format to download")] = None,
    retries: Annotated[int, typer.Option(min=1, max=10, help="Attempts per file")] = 3,
) -> None:
    """Download lists from their official URLs (or a mirror), check them, and load new versions.

    Every source is tried: one that fails (download, checks, parsing) keeps its current version, is
    reported on its own line, and makes the exit code non-zero once the others are done."""
    chosen = [check_source(s) for s in sources] if sources else list(SOURCE_IDS)
    store = get_store()
    failures: list[tuple[str, ExportguardError]] = []
    for source in chosen:
        try:
            outcome = _update_source(store, source, mirror, format, retries)
        except ExportguardError as exc:
            if len(chosen) == 1:
                raise
            err_console.print(f"[red]error:[/] {source}: {escape(str(exc))}", highlight=False)
            failures.append((source, exc))
            continue
        console.print(outcome.message, highlight=False)
    if failures:
        failed = ", ".join(source for source, _exc in failures)
        summary = ExportguardError(
            f"{len(failures)} of {len(chosen)} sources not updated ({failed}); they keep their current versions"
        )
        summary.exit_code = failures[0][1].exit_code
        raise summary


def _update_source(store: Store, source: str, mirror: str | None, format: str | None, retries: int) -> LoadOutcome:
    meta = get_meta(source)
    specs = choose_downloads(meta, format)
    with tempfile.TemporaryDirectory(prefix=f"exportguard-{source}-") as tmp:
        files = download_files(specs, Path(tmp), mirror=mirror, retries=retries)
        as_of = None
        modified = [f.last_modified for f in files if f.last_modified]
        if modified:
            as_of = max(parsedate_to_datetime(m).date().isoformat() for m in modified)
        with load_progress() as factory:
            return load_paths(
                store, source, [f.path for f in files], format=specs[0].format, origin="update",
                as_of=as_of, as_of_basis="download (Last-Modified)", strict_counts=True, progress=factory,
            )  # fmt: skip


@app.command("diff")
def diff(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="Source ID")],
    old: Annotated[int | None, typer.Option(help="Older version (default: the one before --new)")] = None,
    new: Annotated[int | None, typer.Option(help="Newer version (default: current)")] = None,
    fmt: FormatOpt = None,
) -> None:
    """Entities added, removed and modified between two versions of a source."""
    check_source(source)
    store = get_store()
    d = store.diff(source, old, new)
    if resolve_format(fmt) is OutputFormat.json:
        print_json(d.to_dict())
        return
    console.print(
        f"{source}: version {d.old_version if d.old_version is not None else '(none)'} → {d.new_version}: "
        f"{len(d.added)} added, {len(d.removed)} removed, {len(d.modified)} modified",
        highlight=False,
    )
    for label, ids in (("+", d.added), ("-", d.removed), ("~", d.modified)):
        for eid in ids[:50]:
            ent = store.get_entity(eid) if label != "-" else None
            console.print(f"  {label} {eid}  {ent.caption if ent else ''}", highlight=False)
        if len(ids) > 50:
            console.print(f"  {label} … and {len(ids) - 50} more (use --format json for all)")


@app.command("export")
def export(
    sources: Annotated[list[str] | None, typer.Argument(metavar="SOURCES", help="Source IDs (default: all)")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout")] = None,
) -> None:
    """Export current versions as FollowTheMoney entity JSON lines."""
    import json
    import os
    import sys

    chosen = [check_source(s) for s in sources] if sources else None
    store = get_store()
    target = output.with_name(output.name + ".part") if output else None
    fh = target.open("w", encoding="utf-8") if target else sys.stdout
    count = 0
    try:
        for entity in store.iter_entities(chosen):
            for obj in to_ftm(entity):
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if target:
            fh.close()
    if target and output:
        os.replace(target, output)
        err_console.print(f"exported {count} entities to {output}")
