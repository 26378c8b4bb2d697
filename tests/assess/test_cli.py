"""``exportguard assess`` end to end in a subprocess: reports written, bad input refused cleanly."""

from __future__ import annotations

import json
from pathlib import Path

from tests.assess.conftest import CASES
from tests.cli.helpers import run_cli

BAD = CASES / "bad"


def test_assess_writes_html_and_json(bundled_home: Path, real_screener: object, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    done = run_cli("assess", str(CASES / "s05_subordinate_bureau.yml"), "-o", str(html), home=bundled_home)
    assert done.returncode == 0, done.stderr
    assert "legal outcome LICENCE_REQUIRED, recommendation REFUSE" in done.stderr
    assert "乌鲁木齐市公安局天山区分局" in html.read_text("utf-8")
    out = tmp_path / "report.json"
    done = run_cli("assess", str(CASES / "s07_benign_plain_camera.yml"), "-o", str(out), home=bundled_home)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text("utf-8"))
    assert (data["legal"]["outcome"], data["recommendation"]["outcome"]) == ("NO_LEGAL_REQUIREMENT_FOUND", "PROCEED")
    assert any(f["rule"] == "SCOPE-LIST-AGE" for f in data["findings"])  # the bundled lists are old


def test_assess_pdf_and_json_to_stdout(bundled_home: Path, real_screener: object, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    done = run_cli("assess", str(CASES / "s02_xpcc_sdn.yml"), "-o", str(pdf), home=bundled_home)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    piped = run_cli("assess", str(CASES / "s02_xpcc_sdn.yml"), home=bundled_home)
    assert piped.returncode == 0 and json.loads(piped.stdout)["legal"]["outcome"] == "STOP_SANCTIONS"


def test_one_assessment_several_reports(bundled_home: Path, real_screener: object, tmp_path: Path) -> None:
    paths = [tmp_path / f"report.{ext}" for ext in ("html", "pdf", "json")]
    args = [arg for path in paths for arg in ("-o", str(path))]
    done = run_cli("assess", str(CASES / "s01_listed_psb_entity_list.yml"), *args, home=bundled_home)
    assert done.returncode == 0, done.stderr
    assert all(str(path) in done.stderr for path in paths)
    data = json.loads(paths[2].read_text("utf-8"))
    # the same assessment in every format: the HTML names the assessment time the JSON holds
    assert data["generated_at"] in paths[0].read_text("utf-8")
    assert paths[1].read_bytes().startswith(b"%PDF-")
    # --format cannot say which of several files it means, and nothing is written then
    clash = run_cli(
        "assess", str(CASES / "s01_listed_psb_entity_list.yml"), "-o", str(tmp_path / "a.html"),
        "-o", str(tmp_path / "b.json"), "--format", "json", home=bundled_home,
    )  # fmt: skip
    assert clash.returncode == 4 and "single --output" in clash.stderr
    assert not (tmp_path / "a.html").exists()


def test_bad_case_is_one_clear_line_and_nothing_is_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = tmp_path / "report.html"
    done = run_cli("assess", str(BAD / "unknown_role.yml"), "-o", str(out), home=home)
    assert done.returncode == 4
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "line 11, column 11" in lines[0] and "parties[1].role" in lines[0]
    assert "Traceback" not in done.stderr
    assert not out.exists() and not home.exists()  # failed before opening any store


def test_unreadable_case_and_unknown_report_format(tmp_path: Path) -> None:
    missing = run_cli("assess", str(tmp_path / "nope.yml"), "-o", str(tmp_path / "r.html"), home=tmp_path / "home")
    assert missing.returncode == 3 and "file not found" in missing.stderr
    bomb = run_cli("assess", str(BAD / "anchor_bomb.yml"), home=tmp_path / "home")
    assert bomb.returncode == 4 and "anchors" in bomb.stderr
    docx = run_cli("assess", str(CASES / "s07_benign_plain_camera.yml"), "-o", str(tmp_path / "r.docx"), home=tmp_path / "home")
    assert docx.returncode == 4 and "unknown report format" in docx.stderr
