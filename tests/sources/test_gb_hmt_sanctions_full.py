"""gb_hmt_sanctions: the bundled files (package data) give the published counts."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta

LISTS = resources.files("exportguard").joinpath("data/lists/uk")


def _parse(name: str, expected_format: str) -> ParsedList:
    path = Path(str(LISTS.joinpath(name)))
    spec = detect_format("gb_hmt_sanctions", [path])
    assert spec.name == expected_format
    return spec.parse(ParseContext(get_meta("gb_hmt_sanctions")), [path])


@pytest.fixture(scope="module")
def conlist() -> ParsedList:
    return _parse("UK_Sanctions_List.xlsx", "uk_ofsi_xlsx")


def test_full_conlist_counts(conlist: ParsedList) -> None:
    assert conlist.published == "2025-04-10"
    assert conlist.records == 18796
    assert len(conlist.entities) == 4686
    assert Counter(e.schema for e in conlist.entities) == {"Person": 3662, "Organization": 1009, "Vessel": 15}
    assert all(e.get("name") and e.get("ukGroupId") == [e.record_id] for e in conlist.entities)


def test_full_conlist_surveillance_designations(conlist: ParsedList) -> None:
    by_id = {e.record_id: e for e in conlist.entities}
    psb = by_id["14079"]
    assert psb.caption == "XINJIANG PRODUCTION AND CONSTRUCTION CORPS PUBLIC SECURITY BUREAU"
    assert psb.get("alias") == ["XINJIANG SHENGCHAN JIANSHE BINGTUAN GONG'AN JU", "XPCC PSB"]
    assert psb.get("program") == ["Global Human Rights"]
    for gid in ("14074", "14076", "14077", "14078"):  # CHEN Mingguo, WANG Mingshan, WANG Junzheng, ZHU Hailun
        assert by_id[gid].get("program") == ["Global Human Rights"]
    assert "CHEN" in by_id["14074"].caption.upper()


def test_full_conlist_un_references_use_the_un_form(conlist: ParsedList) -> None:
    refs = [r for e in conlist.entities for r in e.get("unReferenceNumber")]
    assert len(refs) == 866
    assert all(len(r) == 7 and r[2] in "ie" and r[3] == "." for r in refs)


def test_bundled_fcdo_xml_counts() -> None:
    parsed = _parse("active_sanction_fixture/uk-sanctions-list.xml", "uk_fcdo_xml")
    assert parsed.records == 21
    assert Counter(e.schema for e in parsed.entities) == {"Person": 14, "Organization": 5, "Vessel": 2}


def test_bundled_legacy_csv_counts() -> None:
    parsed = _parse("opendatalabcz_2016/data.csv", "uk_ofsi_csv")
    assert parsed.published == "2016-02-12"
    assert parsed.records == 800
    assert len(parsed.entities) == 463
