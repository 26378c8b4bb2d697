"""``exportguard assess CASE -o report.html|pdf|json``: assess a proposed export and write the report."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from exportguard.cli.common import console, err_console, get_store, print_json, warn_stale
from exportguard.errors import ValidationError
from exportguard.match.types import DEFAULT_THRESHOLD
from exportguard.settings import load_settings


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    json = "json"


def assess(
    case: Annotated[Path, typer.Argument(metavar="CASE", help="Case file (YAML or JSON) describing the proposed export.")],
    output: Annotated[list[Path] | None, typer.Option("--output", "-o", help="Write the report here: .html, .pdf or .json (written atomically; repeatable: one assessment, several formats).")] = None,
    fmt: Annotated[ReportFormat | None, typer.Option("--format", "-f", help="Report format when the file name does not say; without --output, json prints the assessment.")] = None,
    threshold: Annotated[float, typer.Option("--threshold", min=0.0, max=1.0, help="Screening match threshold (0-1).")] = DEFAULT_THRESHOLD,
) -> None:
    """Assess a proposed surveillance-technology export end to end.

    Classifies the products (capabilities, taxonomy, Annex I entries, Art. 2(20) checklist, Art. 5),
    screens every party and its parents, applies the red-flag catalogue and the destination
    indicators, and decides the legal outcome (STOP_SANCTIONS, LICENCE_REQUIRED, NOTIFY_AUTHORITY,
    NO_LEGAL_REQUIREMENT_FOUND) apart from the human-rights recommendation (REFUSE, ESCALATE,
    PROCEED_WITH_CONDITIONS, PROCEED). The case file is validated before any list is opened.
    The exit code is 0 whatever the outcome; read the outcome from the report.
    """
    from exportguard.assess.caseload import load_case
    from exportguard.assess.engine import assess_case
    from exportguard.match.screener import get_screener
    from exportguard.reports import report_format, write_report

    loaded = load_case(case)
    outputs = output or []
    if len(outputs) > 1 and fmt is not None:
        raise ValidationError("--format applies to a single --output; name each file with its suffix (.html, .pdf, .json)")
    chosen = [report_format(path, fmt.value if fmt else None) for path in outputs]  # checked before any work
    if not outputs and fmt in (ReportFormat.html, ReportFormat.pdf):
        raise ValidationError(f"--format {fmt.value} needs --output FILE")
    store = get_store()
    warn_stale(store.current_versions())
    stale_days = load_settings().stale_after_days
    assessment = assess_case(loaded, get_screener(store), threshold=threshold, stale_after_days=stale_days)
    if outputs:
        written = [write_report(assessment, path, kind) for path, kind in zip(outputs, chosen, strict=True)]
        err_console.print(
            f"{assessment.reference}: legal outcome {assessment.legal.outcome}, recommendation "
            f"{assessment.recommendation.outcome} - report written to {', '.join(map(str, written))}",
            highlight=False,
        )
        return
    if fmt is ReportFormat.json or not console.is_terminal:
        print_json(assessment.model_dump(mode="json", by_alias=True))
        return
    _print_summary(assessment)


def _print_summary(assessment: object) -> None:
    from exportguard.assess.results import Assessment

    assert isinstance(assessment, Assessment)
    a = assessment
    console.print(f"[bold]{a.reference}[/] ({a.case_date}) - rule set {a.ruleset.name} {a.ruleset.version}", highlight=False)
    console.print(f"Legal outcome:  [bold]{a.legal.outcome}[/] - {a.legal.text}", highlight=False)
    console.print(f"Recommendation: [bold]{a.recommendation.outcome}[/] - {a.recommendation.text}", highlight=False)
    table = Table("ID", "Severity", "Red flag", title="Red flags", show_lines=False)
    for flag in a.red_flags:
        table.add_row(flag.id, flag.severity, flag.title)
    if a.red_flags:
        console.print(table)
    for q in a.recommendation.open_questions:
        console.print(f"? {q.text}", highlight=False)
    console.print("Write the full report with --output report.html|report.pdf|report.json", style="dim")


def register(app: typer.Typer) -> None:
    """Add ``exportguard assess`` to the root command."""
    app.command("assess")(assess)
