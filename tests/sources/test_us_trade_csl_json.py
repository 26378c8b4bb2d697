"""us_trade_csl, JSON form: rows of the CSV excerpt converted to trade.gov's JSON shape
(see tests/fixtures/us_csl/README.md) give the same entities as the CSV rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from exportguard.errors import ParseError, UnknownValueError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta
from exportguard.sources.us_trade_csl import csv_form, json_form

FIXTURES = Path(__file__).parent.parent / "fixtures" / "us_csl"
JSON_FILE = FIXTURES / "consolidated_excerpt.json"


def _ctx() -> ParseContext:
    return ParseContext(get_meta("us_trade_csl"))


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "consolidated.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.fixture(scope="module")
def parsed() -> ParsedList:
    return json_form.parse(_ctx(), [JSON_FILE])


def test_json_entities_equal_the_csv_entities_of_the_same_rows(parsed: ParsedList) -> None:
    csv_entities = {e.id: e for e in csv_form.parse(_ctx(), [FIXTURES / "consolidated_excerpt.csv"]).entities}
    assert parsed.records == len(parsed.entities) == 12
    for ent in parsed.entities:
        twin = csv_entities[ent.id]
        assert ent.schema == twin.schema
        assert sorted(ent.values, key=repr) == sorted(twin.values, key=repr), ent.id


def test_json_published_date_and_hikvision(parsed: ParsedList) -> None:
    assert parsed.format == "trade_csl_json"
    assert parsed.published == "2022-05-16"  # search_performed_at
    hik = next(e for e in parsed.entities if e.get("alias") == ["Hikvision"])
    assert hik.get("federalRegisterNotice") == ["84 FR 54002", "85 FR 44159"]
    assert hik.get("address")[0] == "No. 555 Qianmo Road, Binjiang District, Hangzhou, 310052, CN"


def test_sources_used_dates_when_no_search_date(tmp_path: Path) -> None:
    data = json.loads(JSON_FILE.read_text("utf-8"))
    del data["search_performed_at"]
    data["sources_used"][0]["source_last_updated"] = "2022-05-20T10:00:00+00:00"
    assert json_form.parse(_ctx(), [_write(tmp_path, data)]).published == "2022-05-20"


def test_sniffing_tells_json_from_csv() -> None:
    assert detect_format("us_trade_csl", [JSON_FILE]).name == "trade_csl_json"
    assert not json_form.sniff([FIXTURES / "consolidated_excerpt.csv"])
    assert not csv_form.sniff([JSON_FILE])


def test_total_that_does_not_match_is_an_error(tmp_path: Path) -> None:
    data = json.loads(JSON_FILE.read_text("utf-8"))
    data["results"] = data["results"][:5]
    with pytest.raises(ParseError, match="file says 12 results but holds 5"):
        json_form.parse(_ctx(), [_write(tmp_path, data)])


def test_unknown_field_and_unknown_sub_list_are_errors(tmp_path: Path) -> None:
    data = json.loads(JSON_FILE.read_text("utf-8"))
    data["results"][2]["nickname"] = "x"
    with pytest.raises(UnknownValueError, match=r"results\[2\].*nickname"):
        json_form.parse(_ctx(), [_write(tmp_path, data)])
    data = json.loads(JSON_FILE.read_text("utf-8"))
    data["results"][3]["source"] = "Secret List (SL) - Nowhere"
    with pytest.raises(UnknownValueError, match=r"results\[3\].*unknown sub list 'Secret List"):
        json_form.parse(_ctx(), [_write(tmp_path, data)])


def test_truncated_json_names_the_position(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.json"
    path.write_bytes(JSON_FILE.read_bytes()[:3000])
    with pytest.raises(ParseError, match=r"line \d+ column \d+: not valid JSON"):
        json_form.parse(_ctx(), [path])


def test_wrong_shapes_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match='no "results" list'):
        json_form.parse(_ctx(), [_write(tmp_path, [1, 2])])
    data = json.loads(JSON_FILE.read_text("utf-8"))
    data["results"][0]["addresses"] = "somewhere"
    with pytest.raises(ParseError, match=r"results\[0\].*addresses should be a list of objects"):
        json_form.parse(_ctx(), [_write(tmp_path, data)])
