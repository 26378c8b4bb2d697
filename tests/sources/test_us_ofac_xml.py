"""OFAC Enhanced and Advanced XML: real excerpts (tests/fixtures/ofac) parsed to the expected entities."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.formats import ofac_advanced_xml, ofac_csv, ofac_enhanced_xml
from exportguard.sources.registry import detect_format, get_meta
from exportguard.store import Store
from exportguard.store.loading import load_paths

OFAC = Path(__file__).parent.parent / "fixtures" / "ofac"
ENHANCED = OFAC / "cons_enhanced.xml"
ADVANCED = OFAC / "cons_advanced.xml"
UN_NS = "http://www.un.org/sanctions/1.0"
OFAC_NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML"


def _ctx(ticks: list[int] | None = None) -> ParseContext:
    return ParseContext(get_meta("us_ofac_cons"), (ticks if ticks is not None else []).append)


@pytest.fixture(scope="module")
def enhanced() -> ParsedList:
    return ofac_enhanced_xml.parse(_ctx(), [ENHANCED])


@pytest.fixture(scope="module")
def advanced() -> ParsedList:
    return ofac_advanced_xml.parse(_ctx(), [ADVANCED])


def _by_id(parsed: ParsedList) -> dict[str, Entity]:
    return {e.record_id: e for e in parsed.entities}


def _qualified(ent: Entity, prop: str) -> set[tuple[str, str | None]]:
    return {(v.value, v.qualifier) for v in ent.get_values(prop)}


def test_enhanced_publication_date_records_and_progress() -> None:
    assert detect_format("us_ofac_cons", [ENHANCED]).name == "ofac_enhanced_xml"
    ticks: list[int] = []
    parsed = ofac_enhanced_xml.parse(_ctx(ticks), [ENHANCED])
    assert parsed.format == "ofac_enhanced_xml"
    assert parsed.published == "2025-01-10"
    assert parsed.records == len(parsed.entities) == sum(ticks) == 4
    assert parsed.warnings == []


def test_enhanced_hikvision(enhanced: ParsedList) -> None:
    hik = _by_id(enhanced)["30946"]
    assert hik.id == "us_ofac_cons-30946" and hik.schema == "Organization"
    assert hik.get("ofacUid") == ["30946"]
    assert hik.get("program") == ["CMIC-EO13959"]
    assert hik.get("name") == ["HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."]
    assert _qualified(hik, "alias") == {
        ("HIKVISION", "a.k.a."),
        ("HANGZHOU HIKVISION DIGITAL TECHNOLOGY", "a.k.a."),
    }
    assert hik.get("address") == ["555, Qianmo Road, Binjiang District, Hangzhou, 310051, China"]
    assert hik.get("registrationNumber") == ["91330000733796106P"] and hik.get("country") == ["cn"]
    assert _qualified(hik, "listingDate") == {
        ("2020-11-12", "Consolidated List"), ("2021-06-03", "Non-SDN CMIC List"), ("2021-06-03", "CMIC"),
    }  # fmt: skip
    assert set(hik.get("subList")) == {"Consolidated List", "Non-SDN CMIC List"}
    assert {"ISIN", "Equity Ticker"} <= {v.qualifier for v in hik.get_values("idNumber")}


def test_enhanced_names_scripts_weak_aliases_and_relationships(enhanced: ParsedList) -> None:
    by_id = _by_id(enhanced)
    gpb = by_id["17016"]
    assert ("ГАЗПРОМБАНК АКЦИОНЕРНОЕ ОБЩЕСТВО", "Cyrillic") in _qualified(gpb, "name")
    assert gpb.first("name") == "GAZPROMBANK JOINT STOCK COMPANY"  # Latin first: the caption
    assert ("GAZPROMBANK OPEN JOINT STOCK COMPANY", "f.k.a.") in _qualified(gpb, "previousName")
    zahhar = by_id["9647"]
    assert zahhar.schema == "Person"
    assert (zahhar.get("lastName"), zahhar.get("firstName")) == (["ZAHHAR"], ["Mahmoud Khaled"])
    assert set(zahhar.get("weakAlias")) == {"ZAHAR, Mahmoud", "AL-ZAHAR, Mahmoud"}
    assert zahhar.get("birthDate") == ["1945"] and zahhar.get("nationality") == ["ps"]
    assert zahhar.get("gender") == ["male"] and set(zahhar.get("program")) == {"NS-PLC", "SDGT"}
    # HAMAS (4695) is not in the consolidated file: the link points at the SDN list
    link = zahhar.get_values("linkedTo")[0]
    assert (link.value, link.original, link.qualifier) == (
        "us_ofac_sdn-4695", "Acting for or on behalf of: HAMAS", "Acting for or on behalf of",
    )  # fmt: skip


def test_enhanced_zip_gives_the_same_entities(tmp_path: Path, enhanced: ParsedList) -> None:
    archive = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(ENHANCED, "CONS_ENHANCED.XML")
    assert ofac_enhanced_xml.sniff([archive]) and not ofac_advanced_xml.sniff([archive])
    parsed = ofac_enhanced_xml.parse(_ctx(), [archive])
    assert [e.to_dict() for e in parsed.entities] == [e.to_dict() for e in enhanced.entities]


def test_enhanced_and_csv_give_the_same_entity_ids(enhanced: ParsedList) -> None:
    cons_csv = ofac_csv.parse(_ctx(), [OFAC / "cons" / "cons_prim.csv"])
    assert {e.id for e in enhanced.entities} <= {e.id for e in cons_csv.entities}


def test_advanced_publication_date_records_and_progress() -> None:
    assert detect_format("us_ofac_cons", [ADVANCED]).name == "ofac_advanced_xml"
    ticks: list[int] = []
    parsed = ofac_advanced_xml.parse(_ctx(ticks), [ADVANCED])
    assert parsed.format == "ofac_advanced_xml"
    assert parsed.published == "2020-03-17"
    assert parsed.records == len(parsed.entities) == sum(ticks) == 7
    assert parsed.warnings == []


def test_advanced_person(advanced: ParsedList) -> None:
    haniya = _by_id(advanced)["9639"]
    assert haniya.schema == "Person"
    assert haniya.get("name") == ["HANIYA, Ismail Abdul Salah"]
    assert (haniya.get("lastName"), haniya.get("firstName")) == (["HANIYA"], ["Ismail Abdul Salah"])
    assert _qualified(haniya, "alias") == {("HANIYA, Ismail", "a.k.a."), ("HANIYYA, Ismaeel", "a.k.a.")}
    assert haniya.get("birthDate") == ["1962"] and haniya.get("birthPlace") == ["Shati"]
    assert haniya.get("program") == ["NS-PLC"]
    assert _qualified(haniya, "listingDate") == {
        ("2014-10-10", "Consolidated List"), ("2006-04-12", "Non-SDN Palestinian Legislative Council List"),
    }  # fmt: skip
    assert haniya.get("address") == []  # its only location is "undetermined"


def test_advanced_organisations_documents_features_and_links(advanced: ParsedList) -> None:
    by_id = _by_id(advanced)
    vtb = by_id["17013"]
    assert _qualified(vtb, "registrationNumber") >= {("1027739609391", "Registration ID")}
    assert vtb.get("taxNumber") == ["7702070139"] and vtb.get("swiftBic") == ["VTBRRUMM"]
    assert ("VNESHTORGBANK", "f.k.a.") in _qualified(vtb, "previousName")
    assert "ru" in vtb.get("country")
    assert vtb.get("program") == ["UKRAINE-EO13662"]
    assert _qualified(by_id["17015"], "weakAlias") == {("VEB", "a.k.a.")}
    orenburg = by_id["18267"]
    link = orenburg.get_values("linkedTo")[0]
    assert (link.value, link.qualifier) == ("us_ofac_cons-17022", "Owned or Controlled By")
    assert link.original.startswith("Owned or Controlled By: ")


def test_advanced_ofac_namespace_variant(tmp_path: Path, advanced: ParsedList) -> None:
    variant = tmp_path / "SDN_ADVANCED.XML"
    variant.write_bytes(ADVANCED.read_bytes().replace(UN_NS.encode(), OFAC_NS.encode()))
    assert ofac_advanced_xml.sniff([variant])
    parsed = ofac_advanced_xml.parse(_ctx(), [variant])
    assert [e.to_dict() for e in parsed.entities] == [e.to_dict() for e in advanced.entities]


def test_sniffers_recognise_only_their_own_format() -> None:
    csv_files = [OFAC / "sdn_2024.csv"]
    assert ofac_csv.sniff(csv_files) and not ofac_enhanced_xml.sniff(csv_files)
    assert not ofac_advanced_xml.sniff(csv_files)
    assert not ofac_csv.sniff([ENHANCED]) and not ofac_advanced_xml.sniff([ENHANCED])
    assert not ofac_csv.sniff([ADVANCED]) and not ofac_enhanced_xml.sniff([ADVANCED])
    assert not ofac_csv.sniff([OFAC / "cons" / "cons_add.csv"])  # no primary file


def test_store_keeps_the_file_date_of_an_xml_publication(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite3")
    outcome = load_paths(store, "us_ofac_cons", [ENHANCED])
    assert outcome.created and outcome.version.published == "2025-01-10"
    hik = store.get_entity("us_ofac_cons-30946")
    assert hik is not None and hik.get("program") == ["CMIC-EO13959"]
