"""The PDF report: WeasyPrint renders the print layout (A4, several pages); the outcome is on the
first page and the signature block on a page of its own at the end."""

from __future__ import annotations

from typing import Any

import pytest

from exportguard.assess.results import Assessment
from exportguard.reports import render_report
from exportguard.reports.html import render_html, templates_dir

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _document(a: Assessment) -> Any:
    from weasyprint import HTML

    return HTML(string=render_html(a, media="print"), base_url=str(templates_dir())).render()


def _heading_pages(document: Any) -> dict[str, int]:
    pages: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for label, destination, children, _state in items:
            pages[label] = destination[0]
            walk(children)

    walk(document.make_bookmark_tree())
    return pages


def test_pdf_renders_on_several_a4_pages(s01: Assessment) -> None:
    document = _document(s01)
    assert len(document.pages) >= 4
    width, height = document.pages[0].width, document.pages[0].height
    assert round(width * 25.4 / 96) == 210 and round(height * 25.4 / 96) == 297  # A4 in CSS px
    data = render_report(s01, "pdf")
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_outcome_first_and_signature_last(s01: Assessment) -> None:
    document = _document(s01)
    pages = _heading_pages(document)
    assert pages["S01-URUMQI-PSB"] == 0 and pages["1. Summary and outcome"] == 0
    assert pages["11. Decision and signature"] == len(document.pages) - 1
    assert pages["10. Sources"] < pages["11. Decision and signature"]
