"""Bad input to `lists load`: one clear line on stderr naming file and position, documented exit
code, and the store exactly as it was."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

FIXTURES = Path(__file__).parent.parent / "fixtures"
DPL = FIXTURES / "dpl" / "dpl_v1.txt"
NOBUNDLE = {"EXPORTGUARD_BUNDLE": "off"}


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    r = run_cli("lists", "load", "--source", "us_bis_dpl", str(DPL), home=h, env=NOBUNDLE)
    assert r.returncode == 0, r.stderr
    return h


def _versions(home: Path) -> str:
    r = run_cli("lists", "show", "--format", "json", home=home, env=NOBUNDLE)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _assert_refused(home: Path, path: Path, code: int, *needles: str, source: str = "us_bis_dpl") -> None:
    before = _versions(home)
    r = run_cli("lists", "load", "--source", source, str(path), home=home, env=NOBUNDLE)
    assert r.returncode == code, (r.returncode, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip() and not ln.startswith("warning")]
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert str(path.name) in lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert _versions(home) == before


def test_missing_file(home: Path, tmp_path: Path) -> None:
    _assert_refused(home, tmp_path / "nope.txt", 3, "file not found")


def test_empty_file(home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    _assert_refused(home, empty, 3, "empty")


def test_wrong_format_for_source(home: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text("<?xml version='1.0'?><CONSOLIDATED_LIST></CONSOLIDATED_LIST>")
    _assert_refused(home, other, 4, "not a recognised format for source us_bis_dpl")


def test_truncated_csv(home: Path, tmp_path: Path) -> None:
    raw = DPL.read_text()
    cut = tmp_path / "dpl.txt"
    cut.write_text(raw[: len(raw) // 2])
    _assert_refused(home, cut, 4, "line ")


def test_wrong_encoding(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "dpl.txt"
    raw = DPL.read_text().replace("I. ASH", "J\u00d6RG ASH")
    bad.write_bytes(raw.encode("utf-16"))
    _assert_refused(home, bad, 3, "encoding")


def test_truncated_gzip(home: Path, tmp_path: Path) -> None:
    data = gzip.compress(DPL.read_bytes())
    bad = tmp_path / "dpl.txt.gz"
    bad.write_bytes(data[: len(data) // 2])
    _assert_refused(home, bad, 3, "gzip")


def test_unknown_vocabulary_value_is_reported_with_its_record(home: Path, tmp_path: Path) -> None:
    lines = DPL.read_text().splitlines(keepends=True)
    fields = lines[5].split("\t")
    fields[8] = '"MAYBE"'
    lines[5] = "\t".join(fields)
    bad = tmp_path / "dpl.txt"
    bad.write_text("".join(lines))
    _assert_refused(home, bad, 4, "line 6", "MAYBE")


def test_xml_entity_bomb_refused(home: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "un.xml"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
        "<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\"><INDIVIDUALS>&lol2;</INDIVIDUALS></CONSOLIDATED_LIST>\n"
    )
    _assert_refused(home, bomb, 4, "DTD", source="un_sc_sanctions")


def test_xml_external_entity_refused(home: Path, tmp_path: Path) -> None:
    xxe = tmp_path / "un.xml"
    xxe.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        "<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\">&xxe;</CONSOLIDATED_LIST>\n"
    )
    _assert_refused(home, xxe, 4, "DTD", source="un_sc_sanctions")


def test_unknown_source_and_format(home: Path) -> None:
    r = run_cli("lists", "load", "--source", "xx_nowhere", str(DPL), home=home, env=NOBUNDLE)
    assert r.returncode == 6 and "unknown source" in r.stderr
    r = run_cli("lists", "load", "--source", "us_bis_dpl", "--format", "nope", str(DPL), home=home, env=NOBUNDLE)
    assert r.returncode == 6 and "has no format 'nope'" in r.stderr


def test_reload_same_file_says_unchanged(home: Path) -> None:
    r = run_cli("lists", "load", "--source", "us_bis_dpl", str(DPL), home=home, env=NOBUNDLE)
    assert r.returncode == 0
    assert "unchanged" in r.stdout


def test_stale_lists_draw_one_warning_line_naming_them(home: Path) -> None:
    fresh = run_cli("lists", "show", "--format", "json", home=home, env={**NOBUNDLE, "EXPORTGUARD_STALE_DAYS": "100000"})
    assert fresh.returncode == 0 and "warning" not in fresh.stderr
    stale = run_cli("lists", "show", "--format", "json", home=home, env={**NOBUNDLE, "EXPORTGUARD_STALE_DAYS": "1"})
    assert stale.returncode == 0
    lines = [ln for ln in stale.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stale.stderr
    assert "us_bis_dpl as of 20" in lines[0] and "run `exportguard lists update us_bis_dpl`" in lines[0]


def test_show_table_fits_80_columns_without_cutting_ids_or_dates(home: Path) -> None:
    shown = run_cli("lists", "show", "--format", "table", home=home, env={**NOBUNDLE, "COLUMNS": "80"})
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert max(len(ln) for ln in lines) <= 80
    row = next(ln for ln in lines if "us_bis_dpl" in ln)
    assert re.search(r"\b\d{4}-\d{2}-\d{2}\b", row), row  # the as-of date, whole
    assert any("not loaded" in ln for ln in lines if "us_ofac_sdn" in ln)
