"""The bundled OFAC files (package data) parse completely, with the counts and facts they hold."""

from __future__ import annotations

from pathlib import Path

import pytest

import exportguard
from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta

BUNDLE = Path(exportguard.__file__).parent / "data" / "lists" / "ofac"
CONS_DIR = BUNDLE / "consolidated_non_sdn"
BENCH_DIR = BUNDLE / "watchman_bench_2021"
CMIC_SURVEILLANCE = ("30946", "33091", "33112", "33114", "33893", "33894", "33895", "33896")


def _load(source: str, paths: list[Path], fmt: str) -> tuple[ParsedList, int]:
    spec = detect_format(source, paths)
    assert spec.name == fmt
    ticks: list[int] = []
    parsed = spec.parse(ParseContext(get_meta(source), ticks.append), paths)
    return parsed, sum(ticks)


def _by_id(parsed: ParsedList) -> dict[str, Entity]:
    return {e.record_id: e for e in parsed.entities}


@pytest.fixture(scope="module")
def sdn_2024() -> tuple[ParsedList, int]:
    return _load("us_ofac_sdn", [BUNDLE / "sdn.csv"], "ofac_csv")


def test_sdn_csv_alone_loads_every_record(sdn_2024: tuple[ParsedList, int]) -> None:
    parsed, ticks = sdn_2024
    assert parsed.records == len(parsed.entities) == ticks == 14965
    assert parsed.published is None
    meta = get_meta("us_ofac_sdn")
    assert meta.expected["min_entities"] <= len(parsed.entities) <= meta.expected["max_entities"]
    schemata = {e.schema for e in parsed.entities}
    assert schemata == {"Person", "Organization", "Vessel", "Airplane"}


def test_sdn_xinjiang_designations(sdn_2024: tuple[ParsedList, int]) -> None:
    by_id = _by_id(sdn_2024[0])
    xpcc = by_id["29299"]
    assert xpcc.get("name") == ["XINJIANG PRODUCTION AND CONSTRUCTION CORPS"]
    assert xpcc.get("program") == ["GLOMAG"]
    assert xpcc.get("linkedTo") == ["us_ofac_sdn-29220"]
    assert by_id["29220"].get("name") == ["CHEN, Quanguo"]
    sun = by_id["29300"]
    assert sun.schema == "Person" and sun.get("birthDate") == ["1962-01"]
    assert sun.get("linkedTo") == ["us_ofac_sdn-29299"]
    for num in ("29159", "29319", "31492", "31493", "34079", "34119"):
        assert "GLOMAG" in by_id[num].get("program")
    assert set(by_id["39417"].get("program")) == {"GLOMAG", "UHRPA"}


def test_sdn_2021_full_set_with_aliases_and_addresses() -> None:
    paths = [BENCH_DIR / f"{n}.csv" for n in ("sdn", "add", "alt", "sdn_comments")]
    parsed, ticks = _load("us_ofac_sdn", paths, "ofac_csv")
    assert len(parsed.entities) == ticks == 8976
    by_id = _by_id(parsed)
    xpsb = by_id["29159"]
    assert set(xpsb.get("alias")) >= {
        "XINJIANG BUREAU OF PUBLIC SECURITY",
        "PUBLIC SECURITY DEPARTMENT OF XUAR",
    }
    xpcc = by_id["29299"]
    assert xpcc.get("program") == ["GLOMAG"] and xpcc.get("country") == ["cn"]
    assert xpcc.names() == ["XINJIANG PRODUCTION AND CONSTRUCTION CORPS"]  # OFAC lists no alias for it
    assert by_id["29300"].get("linkedTo") == ["us_ofac_sdn-29299"]


def test_consolidated_csv_set() -> None:
    paths = [CONS_DIR / f"cons_{n}.csv" for n in ("prim", "add", "alt", "comments")]
    parsed, ticks = _load("us_ofac_cons", paths, "ofac_csv")
    assert parsed.records == len(parsed.entities) == ticks == 442
    by_id = _by_id(parsed)
    hik = by_id["30946"]
    assert hik.id == "us_ofac_cons-30946"
    assert hik.get("program") == ["CMIC-EO13959"] and "HIKVISION" in hik.get("alias")
    for num in CMIC_SURVEILLANCE:
        assert by_id[num].get("program") == ["CMIC-EO13959"]


def test_consolidated_enhanced_zip() -> None:
    parsed, ticks = _load("us_ofac_cons", [CONS_DIR / "CONS_ENHANCED.ZIP"], "ofac_enhanced_xml")
    assert parsed.records == len(parsed.entities) == ticks == 443
    assert parsed.published == "2025-01-10"
    by_id = _by_id(parsed)
    for num in CMIC_SURVEILLANCE:
        assert by_id[num].get("program") == ["CMIC-EO13959"]
    assert by_id["30946"].get("registrationNumber") == ["91330000733796106P"]


def test_consolidated_advanced_xml() -> None:
    parsed, ticks = _load("us_ofac_cons", [BUNDLE / "cons_advanced.xml"], "ofac_advanced_xml")
    assert parsed.records == len(parsed.entities) == ticks == 375
    assert parsed.published == "2020-03-17"
    assert all(e.get("program") for e in parsed.entities)
    assert all(e.id == f"us_ofac_cons-{e.record_id}" for e in parsed.entities)
