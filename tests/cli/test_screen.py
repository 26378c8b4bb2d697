"""``exportguard screen`` / ``screen-file`` against the bundled lists (in-process where the exit
code comes from the command itself, as a subprocess where it comes from the error mapping)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exportguard.cli import exit_codes
from exportguard.cli.main import app
from exportguard.match.screener import Screener
from tests.cli.helpers import run_cli
from tests.match.conftest import bundled_screener as bundled_screener  # session fixture: index built once


@pytest.fixture()
def home(bundled_home: Path, bundled_screener: Screener, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EXPORTGUARD_HOME", str(bundled_home))
    return bundled_home


def test_screen_json_match_exit_code(home: Path) -> None:
    result = CliRunner().invoke(
        app, ["screen", "Hangzhou Hikvision Digital Technology Co., Ltd.", "--format", "json"]
    )
    assert result.exit_code == exit_codes.MATCH, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"query", "results", "algorithm", "lists"}
    top = data["results"][0]
    assert top["match"] is True
    assert any(s["sub_list"] == "Entity List (EL) - Bureau of Industry and Security" for s in top["sources"])
    assert data["algorithm"]["name"] == "exportguard-v1"
    assert all({"source", "version", "as_of"} == set(v) for v in data["lists"])


def test_screen_no_match_exit_zero_and_options(home: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "screen",
            "Noldus Information Technology",
            "--country",
            "NL",
            "--source",
            "us_trade_csl",
            "--threshold",
            "0.7",
            "--limit",
            "3",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == exit_codes.OK, result.output
    data = json.loads(result.stdout)
    assert data["query"]["countries"] == ["nl"]
    assert [v["source"] for v in data["lists"]] == ["us_trade_csl"]
    assert not any(r["match"] for r in data["results"])


def test_screen_table(home: Path) -> None:
    result = CliRunner().invoke(
        app, ["screen", "Jinlong Sun", "--schema", "Person", "--birth-date", "1962", "-f", "table"]
    )
    assert result.exit_code == exit_codes.MATCH
    assert "SUN, Jinlong" in result.stdout and "exportguard-v1" in result.stdout


def test_screen_file_reports_bad_rows(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "parties.csv"
    path.write_text(
        "name,country\nHikvision,CN\n,CN\nNoldus Information Technology,NL\nSun Jinlong,Atlantis\n", "utf-8"
    )
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["screen-file", str(path), "--output", str(out), "--limit", "1"])
    assert result.exit_code == exit_codes.MATCH, result.output
    assert "row 3: name is empty — skipped" in result.stderr
    assert "row 5: unknown country 'Atlantis'" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert [(r["row"], r["match"]) for r in rows] == [("2", "true"), ("4", "false")]


def test_screen_file_json(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "parties.jsonl"
    path.write_text('{"party": "XPCC", "type": "Organization"}\n', "utf-8")
    result = CliRunner().invoke(app, ["screen-file", str(path), "--format", "json"])
    assert result.exit_code == exit_codes.MATCH, result.output
    data = json.loads(result.stdout)
    assert data["parties"][0]["row"] == 1 and data["parties"][0]["results"][0]["match"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["screen", "   "], exit_codes.INVALID_INPUT, "name is empty"),
        (["screen", "Acme", "--birth-date", "2021-02-30"], exit_codes.INVALID_INPUT, "not a real date"),
        (["screen", "Acme", "--schema", "Robot"], exit_codes.INVALID_INPUT, "unknown schema"),
        (["screen", "Acme", "--threshold", "2"], exit_codes.USAGE, "Invalid value for '--threshold'"),
        (["screen"], exit_codes.USAGE, "Missing argument 'NAME'"),
        (["screen", "Acme", "--colour", "red"], exit_codes.USAGE, "No such option: --colour"),
        (["screem", "Acme"], exit_codes.USAGE, "No such command 'screem'"),
    ],
)
def test_bad_input_one_line_no_traceback(home: Path, args: list[str], code: int, message: str) -> None:
    proc = run_cli(*args, home=home)
    assert proc.returncode == code, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip() and not ln.startswith("warning:")]
    assert len(lines) == 1, proc.stderr
    assert message in lines[0] and "Traceback" not in proc.stderr


def test_screen_file_empty_file(home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", "utf-8")
    proc = run_cli("screen-file", str(empty), home=home)
    assert proc.returncode == exit_codes.INPUT_FILE and "file is empty" in proc.stderr
