"""The HTML report: an assessment rendered as a document a compliance officer can sign.

Order: summary and outcomes, decision (legal duties, recommendation, conditions, open questions),
products, parties and screening, red flags, destination, all findings, checks left to the officer,
reproducibility (rule set, lists, algorithm), sources, signature block. Citations are numbered
against the bibliography at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from exportguard.assess.results import Assessment, Citation

SEVERITY_LABEL = {"hard_stop": "hard stop", "critical": "critical", "aggravating": "aggravating", "info": "info"}
OUTCOME_LABEL = {
    "STOP_SANCTIONS": "Stop - sanctions",
    "LICENCE_REQUIRED": "Licence required",
    "NOTIFY_AUTHORITY": "Notify the authority",
    "NO_LEGAL_REQUIREMENT_FOUND": "No legal requirement found",
    "REFUSE": "Refuse",
    "ESCALATE": "Escalate",
    "PROCEED_WITH_CONDITIONS": "Proceed with conditions",
    "PROCEED": "Proceed",
}
EVIDENCE_LABEL = {"V": "verified", "S": "secondary source", "R": "recalled, to check", "L": "list data"}


def templates_dir() -> Path:
    return Path(str(resources.files("exportguard.reports").joinpath("templates")))


def highlight(excerpt: str, match: str) -> Markup:
    """The excerpt with the matched wording marked (both escaped)."""
    pos = excerpt.find(match) if match else -1
    if pos < 0:
        return Markup(escape(excerpt))
    end = pos + len(match)
    return Markup(f"{escape(excerpt[:pos])}<mark>{escape(match)}</mark>{escape(excerpt[end:])}")


class Bibliography:
    """Numbers the sources of an assessment and renders citation references like ``[3 Art. 5(2); 7]``."""

    def __init__(self, entries: Iterable[Citation]) -> None:
        self.entries = list(entries)
        self.numbers = {(c.source, c.title): i + 1 for i, c in enumerate(self.entries)}

    def number(self, c: Citation) -> int | None:
        return self.numbers.get((c.source, c.title))

    def refs(self, citations: Iterable[Citation]) -> Markup:
        parts = []
        for c in citations:
            n = self.number(c)
            label = str(n) if n is not None else c.source
            parts.append(f"{label}, {c.at}" if c.at else label)
        if not parts:
            return Markup("")
        return Markup('<span class="refs">[') + escape("; ".join(dict.fromkeys(parts))) + Markup("]</span>")


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["highlight"] = highlight
    env.filters["severity"] = lambda s: SEVERITY_LABEL.get(s, s)
    env.filters["outcome"] = lambda s: OUTCOME_LABEL.get(s, s)
    env.filters["human"] = lambda s: str(s).replace("_", " ")
    env.globals["EVIDENCE_LABEL"] = EVIDENCE_LABEL
    return env


def render_html(assessment: Assessment, media: str = "screen") -> str:
    bib = Bibliography(assessment.bibliography)
    template = environment().get_template("assessment.html.j2")
    findings = {f.id: f for f in assessment.findings}
    css = (templates_dir() / "assessment.css").read_text("utf-8")
    return template.render(a=assessment, bib=bib, findings=findings, css=Markup(css), media=media)
