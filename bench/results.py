"""bench/RESULTS.md is made of sections, one per benchmark, each between its own markers
(``<!-- NAME:start -->`` … ``<!-- NAME:end -->``), so that every benchmark rewrites only its own."""

from __future__ import annotations

import platform
import sys
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).parent / "RESULTS.md"


def machine_line() -> str:
    """Where and when the figures were taken."""
    import os

    return (
        f"Run {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}."
    )


def write_section(name: str, body: str, path: Path = RESULTS) -> str:
    """Replace section ``name`` of ``path`` with ``body`` (added at the end when absent)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = f"{start}\n{body.strip()}\n{end}"
    old = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    if start in old and end in old:
        head, rest = old.split(start, 1)
        new = head + text + rest.split(end, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(new, "utf-8")
    return text
