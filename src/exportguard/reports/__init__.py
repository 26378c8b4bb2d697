"""Assessment reports: HTML (Jinja2), PDF (WeasyPrint) and JSON, written atomically.

``write_report(assessment, path)`` picks the format from the file name (``.html``, ``.pdf``,
``.json``) unless ``fmt`` is given.
"""

from __future__ import annotations

from pathlib import Path

from exportguard.assess.results import Assessment
from exportguard.errors import ValidationError
from exportguard.reports.writing import write_atomic

FORMATS = ("html", "pdf", "json")


def report_format(path: Path, fmt: str | None = None) -> str:
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen == "htm":
        chosen = "html"
    if chosen not in FORMATS:
        raise ValidationError(f"{path}: unknown report format {chosen or '(none)'!r}; use a .html, .pdf or .json file name or --format")
    return chosen


def render_report(assessment: Assessment, fmt: str) -> bytes:
    if fmt == "json":
        from exportguard.reports.jsonreport import to_json

        return to_json(assessment).encode("utf-8")
    if fmt == "pdf":
        from exportguard.reports.pdf import render_pdf

        return render_pdf(assessment)
    from exportguard.reports.html import render_html

    return render_html(assessment).encode("utf-8")


def write_report(assessment: Assessment, path: Path, fmt: str | None = None) -> Path:
    """Render and write the report; nothing is written unless rendering succeeds."""
    chosen = report_format(path, fmt)
    return write_atomic(path, render_report(assessment, chosen))


__all__ = ["FORMATS", "render_report", "report_format", "write_report"]
