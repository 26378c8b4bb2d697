"""Shared CLI helpers: consoles, output format, the store, progress bars, stale-list warnings."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from exportguard.settings import load_settings
from exportguard.store import Store, VersionInfo, open_store

console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # one line per message, also in logs


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


def resolve_format(fmt: OutputFormat | None) -> OutputFormat:
    """Explicit ``--format`` wins; otherwise a table on a terminal and JSON when piped."""
    if fmt is not None:
        return fmt
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.json


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


@contextmanager
def load_progress() -> Iterator[Callable[[str], Callable[[int], None]]]:
    """A progress factory for list loads: one bar (records read) per source, on stderr."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("records"),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
        disable=not err_console.is_terminal,
    )

    def factory(source: str) -> Callable[[int], None]:
        task = progress.add_task(f"loading {source}", total=None)

        def tick(n: int) -> None:
            progress.advance(task, n)

        return tick

    with progress:
        yield factory


def get_store() -> Store:
    """Open the configured store; a new store fills itself from the bundled lists (with progress)."""
    settings = load_settings()
    with load_progress() as factory:
        return open_store(settings, progress=factory)


def list_versions_json(versions: list[VersionInfo]) -> list[dict[str, Any]]:
    stale_days = load_settings().stale_after_days
    out = []
    for v in versions:
        age = v.age_days()
        out.append(
            {
                "source": v.source,
                "version": v.version,
                "as_of": v.as_of,
                "as_of_basis": v.as_of_basis,
                "age_days": age,
                "stale": age is not None and age > stale_days,
            }
        )
    return out


def warn_stale(versions: list[VersionInfo]) -> None:
    """Every output states each list's as-of date; one line on stderr names the lists older than the
    limit (with their as-of dates and ages) and the command that refreshes them."""
    stale_days = load_settings().stale_after_days
    undated = [v.source for v in versions if v.age_days() is None]
    old = [v for v in versions if (v.age_days() or 0) > stale_days]
    if old:
        listed = ", ".join(f"{v.source} as of {v.as_of} ({v.age_days()} days)" for v in old)
        which = " ".join(v.source for v in old) if len(old) <= 3 else ""  # a short list is named
        err_console.print(
            f"[yellow]warning:[/] {'list' if len(old) == 1 else f'{len(old)} lists'} older than {stale_days} days: "
            f"{listed} — run `exportguard lists update{' ' + which if which else ''}`",
            highlight=False,
        )
    if undated:
        err_console.print(
            f"[yellow]warning:[/] no known as-of date for {', '.join(undated)} — run `exportguard lists update`",
            highlight=False,
        )
