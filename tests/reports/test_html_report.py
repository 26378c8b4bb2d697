"""The HTML report reads like a signable document: outcome first, then the evidence, sources,
versions and a signature block; every value is escaped."""

from __future__ import annotations

import re

from exportguard.assess.results import Assessment
from exportguard.reports.html import Bibliography, highlight, render_html
from tests.assess.fakes import FakeScreener, make_case


def test_sections_come_in_document_order(s01: Assessment) -> None:
    html = render_html(s01)
    order = ["Summary and outcome", "Decision", "Products and classification", "Parties and screening", "Red flags",
             "Destination", "All findings", "Checks left to the officer", "Reproducibility", "Sources", "Decision and signature"]
    positions = [html.index(f". {title}</h2>") for title in order]
    assert positions == sorted(positions)


def test_summary_shows_both_outcomes_and_the_decisive_findings(s01: Assessment) -> None:
    html = render_html(s01)
    summary = html[html.index('id="summary"') : html.index('id="decision"')]
    assert "Licence required" in summary and "Refuse" in summary
    for fid in s01.recommendation.drivers:
        assert f'href="#{fid}"' in summary


def test_hits_explanations_red_flag_text_versions_and_signature(s01: Assessment) -> None:
    html = render_html(s01)
    assert "Urumqi Municipal Public Security Bureau" in html and "2019-10-09" in html
    assert "<mark>Gesichtserkennung</mark>" in html  # triggering wording highlighted
    assert "us_trade_csl" in html and "2022-05-16" in html  # list version and as-of date
    assert s01.ruleset.fingerprint in html and s01.ruleset.version in html
    assert "Signature" in html and "Approved by" in html


def test_every_citation_reference_points_into_the_bibliography(s01: Assessment) -> None:
    html = render_html(s01)
    n = len(s01.bibliography)
    refs = re.findall(r'<span class="refs">\[([^\]]*)\]</span>', html)
    assert refs
    for ref in refs:
        for part in ref.split("; "):
            number = part.split(",")[0]
            assert number.isdigit() and 1 <= int(number) <= n


def test_hostile_text_is_escaped() -> None:
    from exportguard.assess.engine import assess_case

    a = assess_case(make_case(description="<script>alert(1)</script> camera", end_use="<img src=x onerror=alert(1)>"), FakeScreener())
    html = render_html(a)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_highlight_escapes_and_marks() -> None:
    assert str(highlight("a <b> c", "<b>")) == "a <mark>&lt;b&gt;</mark> c"
    assert str(highlight("no match here", "zzz")) == "no match here"


def test_bibliography_refs_with_pinpoints(s01: Assessment) -> None:
    bib = Bibliography(s01.bibliography)
    first = s01.bibliography[0]
    assert str(bib.refs([first.model_copy(update={"at": "Art. 5(2)"})])) == '<span class="refs">[1, Art. 5(2)]</span>'
