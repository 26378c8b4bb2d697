"""OFAC legacy CSV set: real excerpts (tests/fixtures/ofac) parsed to the expected entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.formats import ofac_csv
from exportguard.sources.registry import detect_format, get_meta

OFAC = Path(__file__).parent.parent / "fixtures" / "ofac"
SDN_2024 = OFAC / "sdn_2024.csv"
SDN_2021 = [OFAC / "sdn_2021" / f"{n}.csv" for n in ("sdn", "add", "alt", "sdn_comments")]
CONS = [OFAC / "cons" / f"cons_{n}.csv" for n in ("prim", "add", "alt", "comments")]


def _parse(source: str, paths: list[Path]) -> tuple[ParsedList, list[int]]:
    ticks: list[int] = []
    parsed = ofac_csv.parse(ParseContext(get_meta(source), ticks.append), paths)
    return parsed, ticks


@pytest.fixture(scope="module")
def sdn() -> dict[str, Entity]:
    return {e.record_id: e for e in _parse("us_ofac_sdn", [SDN_2024])[0].entities}


@pytest.fixture(scope="module")
def sdn_set() -> ParsedList:
    return _parse("us_ofac_sdn", SDN_2021)[0]


@pytest.fixture(scope="module")
def cons() -> ParsedList:
    return _parse("us_ofac_cons", CONS)[0]


def _qualified(ent: Entity, prop: str) -> set[tuple[str, str | None]]:
    return {(v.value, v.qualifier) for v in ent.get_values(prop)}


def test_sdn_csv_alone_counts_records_and_progress() -> None:
    assert detect_format("us_ofac_sdn", [SDN_2024]).name == "ofac_csv"
    parsed, ticks = _parse("us_ofac_sdn", [SDN_2024])
    assert parsed.format == "ofac_csv" and parsed.source == "us_ofac_sdn"
    assert parsed.records == len(parsed.entities) == sum(ticks) == 31
    assert parsed.published is None  # the CSV files carry no date
    for ent in parsed.entities:
        assert ent.id == f"us_ofac_sdn-{ent.record_id}"
        assert ent.get("ofacUid") == [ent.record_id]


def test_xinjiang_glomag_designations_and_links(sdn: dict[str, Entity]) -> None:
    xpcc, sun = sdn["29299"], sdn["29300"]
    assert xpcc.schema == "Organization"
    assert xpcc.get("name") == ["XINJIANG PRODUCTION AND CONSTRUCTION CORPS"]
    assert xpcc.get("program") == ["GLOMAG"]
    assert xpcc.get("linkedTo") == ["us_ofac_sdn-29220"]  # CHEN, Quanguo
    assert xpcc.get_values("linkedTo")[0].original == "Linked To: CHEN, Quanguo"
    assert sun.schema == "Person"
    assert (sun.get("lastName"), sun.get("firstName")) == (["SUN"], ["Jinlong"])
    assert sun.get("birthDate") == ["1962-01"]
    assert sun.get("nationality") == ["cn"] and sun.get("gender") == ["male"]
    assert sun.get("linkedTo") == ["us_ofac_sdn-29299"]
    assert set(sdn["39417"].get("program")) == {"GLOMAG", "UHRPA"}


def test_weak_aliases_are_the_quoted_remark_names(sdn: dict[str, Entity]) -> None:
    assert _qualified(sdn["306"], "weakAlias") == {("BNC", "a.k.a.")}
    assert sdn["306"].get("alias") == []
    vessel = sdn["4243"]
    assert _qualified(vessel, "weakAlias") == {("ANA I", "f.k.a."), ("SAND SWAN", "f.k.a.")}


def test_dates_of_birth_circa_ranges_and_alternatives(sdn: dict[str, Entity]) -> None:
    assert _qualified(sdn["7782"], "birthDate") == {("1951", "circa")}
    naqdi = sdn["12057"].get_values("birthDate")
    assert {(v.value, v.qualifier) for v in naqdi if v.original == "DOB 1951 to 1953"} == {
        ("1951", "range"), ("1952", "range"), ("1953", "range"),
    }  # fmt: skip
    assert ("1961-04", None) in _qualified(sdn["12057"], "birthDate")
    assert set(sdn["6944"].get("birthDate")) == {"1969", "1963", "1964-02-11"}


def test_identifiers_keep_type_country_and_dates(sdn: dict[str, Entity]) -> None:
    yasin = sdn["6931"]
    assert _qualified(yasin, "passportNumber") == {("27082171", "Passport"), ("M0887925", "Passport")}
    assert _qualified(yasin, "idNumber") == {("156-92-9858", "SSN")}
    assert yasin.get("citizenship") == ["us"]
    assert set(yasin.get("country")) == {"us", "iq"}  # issuing countries of the documents
    assert "U.S.A. Passport issued 21 Jun 1992 in Amman, Jordan" in yasin.get("notes")
    passports = {v.value: v.original for v in sdn["6944"].get_values("passportNumber")}
    assert passports["G 649385"] == "alt. Passport G 649385 issued 08 Sep 2006 expires 17 Jul 2011"


def test_possible_nationality_and_glued_items(sdn: dict[str, Entity]) -> None:
    ent = sdn["7940"]
    assert _qualified(ent, "nationality") == {("ps", "possibly")}
    assert "arrested 23 Apr 2002" in ent.get("notes")
    assert ent.get("weakAlias") == ["ABU ALI"]


def test_vessel_and_aircraft_fields(sdn: dict[str, Entity]) -> None:
    tanker = sdn["15036"]
    assert tanker.schema == "Vessel"
    assert tanker.get("callSign") == ["T2EU4"]
    assert [(v.value, v.original) for v in tanker.get_values("tonnage")] == [("99144", "99,144")]
    assert tanker.get("grossRegisteredTonnage") == ["56068"]
    assert ("ir", None) in _qualified(tanker, "flag") and ("mt", "former") in _qualified(tanker, "flag")
    assert tanker.get("imoNumber") == ["IMO9187629"] and tanker.get("mmsi") == ["572469210"]
    assert tanker.get("linkedTo") == ["us_ofac_sdn-15117"]
    plane = sdn["15431"]
    assert plane.schema == "Airplane"
    assert set(plane.get("serialNumber")) == {"8401", "1023409321"}
    assert plane.get("model") == ["IL76-TD"]
    assert plane.get("linkedTo") == ["us_ofac_sdn-13109"]  # POUYA AIR


def test_organisation_features_and_notes(sdn: dict[str, Entity]) -> None:
    vtb = sdn["17013"]
    assert vtb.get("swiftBic") == ["VTBRRUMM"]
    assert set(vtb.get("website")) == {"www.vtb.com", "www.vtb.ru"}
    assert _qualified(vtb, "idNumber") >= {("044030707", "BIK (RU)")}
    assert vtb.get("incorporationDate")
    assert set(vtb.get("program")) == {"UKRAINE-EO13662", "RUSSIA-EO14024"}
    qualifiers = {v.qualifier for v in vtb.get_values("notes")}
    assert "Executive Order 13662 Directive Determination" in qualifiers
    assert sdn["10933"].get("email") == ["dam.d.free@net.sy"]
    nasrallah = sdn["2686"]
    assert set(nasrallah.get("program")) == {"SDGT", "SYRIA"}
    assert nasrallah.get("position") == ["Secretary General of Hizballah"]
    assert "Additional Sanctions Information" in {v.qualifier for v in nasrallah.get_values("notes")}


def test_unresolvable_and_ambiguous_links_become_notes() -> None:
    parsed, _ = _parse("us_ofac_sdn", [SDN_2024])
    by_id = {e.record_id: e for e in parsed.entities}
    basov = by_id["25436"]  # two records are named MINISTRY OF STATE SECURITY, sharing no programme
    assert basov.get("linkedTo") == []
    assert "Linked To: MINISTRY OF STATE SECURITY" in basov.get("notes")
    assert any("'Linked To' names not found" in w for w in parsed.warnings)


def test_remarks_cut_at_1000_characters_drop_the_partial_item() -> None:
    parsed, _ = _parse("us_ofac_sdn", [SDN_2024])
    lazarus = next(e for e in parsed.entities if e.record_id == "27307")
    assert "THE NEW ROMANTIC CYBER ARMY TEAM" in lazarus.get("weakAlias")
    assert not any("WHOIS" in n for n in lazarus.get("weakAlias"))
    assert any("ent_num 27307" in w and "cut off" in w for w in parsed.warnings)


def test_full_set_adds_addresses_aliases_and_overflow(sdn_set: ParsedList) -> None:
    by_id = {e.record_id: e for e in sdn_set.entities}
    assert len(by_id) == sdn_set.records == 10
    xpsb = by_id["29159"]
    assert "XINJIANG BUREAU OF PUBLIC SECURITY" in xpsb.get("alias")
    assert xpsb.get("address") == ["Xinjiang, China"] and xpsb.get("country") == ["cn"]
    tian = by_id["28263"]  # remarks end "'snowsjo" + overflow "hn'; Linked To: LAZARUS GROUP."
    assert "snowsjohn" in tian.get("weakAlias")
    assert tian.get("linkedTo") == ["us_ofac_sdn-27307"]
    cifuentes = by_id["12300"]
    assert "us_ofac_sdn-12904" in cifuentes.get("linkedTo")  # "R D I S.A" from the overflow row
    assert len(cifuentes.get("address")) == 11
    assert ("LOPEZ SALAZAR, Elkin de Jesus", "a.k.a.") in _qualified(cifuentes, "alias")


def test_file_order_does_not_matter(sdn_set: ParsedList) -> None:
    again, _ = _parse("us_ofac_sdn", list(reversed(SDN_2021)))
    assert [e.to_dict() for e in again.entities] == [e.to_dict() for e in sdn_set.entities]


def test_consolidated_list_cmic_surveillance_companies(cons: ParsedList) -> None:
    by_id = {e.record_id: e for e in cons.entities}
    assert len(by_id) == 13
    hik = by_id["30946"]
    assert hik.id == "us_ofac_cons-30946"
    assert hik.get("name") == ["HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."]
    assert hik.get("program") == ["CMIC-EO13959"]
    assert {"HIKVISION", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY"} <= set(hik.get("alias"))
    assert _qualified(hik, "registrationNumber") == {
        ("91330000733796106P", "Unified Social Credit Code (USCC)")
    }
    assert _qualified(hik, "listingDate") == {("2021-06-03", "CMIC")}
    assert hik.get("subList") == ["Consolidated List"]
    for num in ("33091", "33112", "33114", "33893", "33894", "33895", "33896"):
        assert by_id[num].get("program") == ["CMIC-EO13959"]


def test_consolidated_overflow_rows_are_appended(cons: ParsedList) -> None:
    by_id = {e.record_id: e for e in cons.entities}
    assert by_id["17016"].get("taxNumber") == ["7744001497"]  # only in cons_comments.csv
    cccc = by_id["30930"]  # remarks cut right after a space: "…369E " + "(China); a.k.a. 'CCCC'."
    assert cccc.get("weakAlias") == ["CCCC"]
    assert _qualified(cccc, "country") >= {("cn", "Unified Social Credit Code (USCC)")}
    assert "Linked To: HAMAS" in by_id["9647"].get("notes")  # HAMAS is on the SDN list
