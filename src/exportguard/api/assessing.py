"""The assessment engine and report renderers, as the API calls them.

A case arrives as the JSON text of a case file and is validated exactly as ``exportguard assess``
validates a file (errors name the line, column and field of the request body). Assessments are
stored as their JSON report (schema ``exportguard.assessment/1``) and rendered from it, so a
report shows the assessment as it was made.
"""

from __future__ import annotations

import hashlib
import json
import threading
from typing import Any

from exportguard.assess.caseload import LoadedCase, parse_case
from exportguard.assess.engine import assess_case
from exportguard.assess.results import Assessment
from exportguard.match.screener import Screener
from exportguard.reports.html import render_html as html_report
from exportguard.reports.jsonreport import from_json, to_json
from exportguard.reports.pdf import render_pdf as pdf_report

SOURCE = "request body"
_RENDER_LOCK = threading.Lock()  # reports render one at a time, beside (not blocking) screening


def assess(body: bytes, screener: Screener) -> dict[str, Any]:
    """Validate the case in ``body`` (JSON) and return its assessment as JSON."""
    text = body.decode("utf-8")
    loaded = LoadedCase(parse_case(text, SOURCE, "json"), SOURCE, hashlib.sha256(body).hexdigest(), "json")
    assessment = assess_case(loaded, screener)
    data: dict[str, Any] = json.loads(to_json(assessment))
    return data


def _assessment(data: dict[str, Any]) -> Assessment:
    return from_json(json.dumps(data, ensure_ascii=False))


def render_html(data: dict[str, Any]) -> str:
    with _RENDER_LOCK:
        return html_report(_assessment(data))


def render_pdf(data: dict[str, Any]) -> bytes:
    with _RENDER_LOCK:
        return pdf_report(_assessment(data))
