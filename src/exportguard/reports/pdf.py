"""The PDF report: the HTML report laid out for print by WeasyPrint (A4, running header, page
numbers). Chinese names need a CJK font installed (e.g. Noto Sans CJK or WenQuanYi Zen Hei)."""

from __future__ import annotations

import logging

from exportguard.assess.results import Assessment
from exportguard.reports.html import render_html, templates_dir


def render_pdf(assessment: Assessment) -> bytes:
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(assessment, media="print")
    data: bytes = HTML(string=html, base_url=str(templates_dir())).write_pdf()
    return data
