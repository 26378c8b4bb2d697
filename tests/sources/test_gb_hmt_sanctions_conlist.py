"""gb_hmt_sanctions: the OFSI ConList as XLSX (2022 format) and as CSV (pre-2022), from real excerpts."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.gb_hmt_sanctions.fields import numbered, sections, uk_date
from exportguard.sources.registry import detect_format, get_meta

FIXTURES = Path(__file__).parent.parent / "fixtures" / "uk"
XLSX = FIXTURES / "conlist_2022_excerpt.xlsx"
CSV = FIXTURES / "conlist_2016_excerpt.csv"


def _parse(path: Path, expected_format: str) -> ParsedList:
    ticks: list[int] = []
    spec = detect_format("gb_hmt_sanctions", [path])
    assert spec.name == expected_format
    parsed = spec.parse(ParseContext(get_meta("gb_hmt_sanctions"), ticks.append), [path])
    assert len(ticks) == parsed.records
    return parsed


@pytest.fixture(scope="module")
def xlsx() -> dict[str, Entity]:
    parsed = _parse(XLSX, "uk_ofsi_xlsx")
    assert parsed.published == "2025-04-10"  # row 1: Last Updated | 10/04/2025
    assert parsed.records == 276  # one row per name
    assert len(parsed.entities) == 9  # one entity per Group ID
    return {e.record_id: e for e in parsed.entities}


def _values(entity: Entity, prop: str) -> list[tuple[str, str | None]]:
    return [(v.value, v.qualifier) for v in entity.get_values(prop)]


def test_xpcc_public_security_bureau(xlsx: dict[str, Entity]) -> None:
    psb = xlsx["14079"]
    assert psb.id == "gb_hmt_sanctions-14079"
    assert psb.schema == "Organization"
    assert psb.get("name") == ["XINJIANG PRODUCTION AND CONSTRUCTION CORPS PUBLIC SECURITY BUREAU"]
    assert psb.get("alias") == ["XINJIANG SHENGCHAN JIANSHE BINGTUAN GONG'AN JU", "XPCC PSB"]
    assert psb.get("program") == ["Global Human Rights"]
    assert psb.get("ukGroupId") == ["14079"]
    assert psb.get("listingDate") == ["2021-03-22"]
    assert psb.get("reason")[0].startswith(
        "The Xinjiang Production and Construction Corps Public Security Bureau"
    )


def test_person_rows_merge_into_one_entity(xlsx: dict[str, Entity]) -> None:
    azzouz = xlsx["13312"]
    assert azzouz.schema == "Person"
    assert azzouz.get("name") == ["ABD AL-BASET AZZOUZ"]
    assert azzouz.get("firstName") == ["ABD AL-BASET"] and azzouz.get("lastName") == ["AZZOUZ"]
    assert _values(azzouz, "weakAlias") == [("AA", "AKA")]  # Alias Quality: Low quality
    assert ("Abdul Baset AZOUZ", "AKA") in _values(azzouz, "alias")
    assert azzouz.get("unReferenceNumber") == ["QDi.371"]  # "(UN Ref):QDi.371."
    assert azzouz.get("birthDate") == ["1966-02-07"]
    assert azzouz.get("nationality") == ["ly"]
    # "(1) 223611 (2) C00146605" is two passports
    assert _values(azzouz, "passportNumber") == [
        ("223611", "Passport Number"),
        ("C00146605", "Passport Number"),
    ]
    # listed by the UN on 29/02/2016, by the UK on 07/03/2016
    assert _values(azzouz, "listingDate") == [("2016-03-07", None), ("2016-02-29", "UK designation")]


def test_non_latin_names_are_aliases_with_their_script(xlsx: dict[str, Entity]) -> None:
    zadachin = xlsx["15890"]
    assert zadachin.get("name") == ["Andrey Andreevich ZADACHIN"]
    assert ("ЗАДАЧИН Андрей Андреевич", "Cyrillic") in _values(zadachin, "alias")
    assert ("Andrei Andreevich ZADACHIN", "Primary name variation") in _values(zadachin, "alias")


def test_ship_facts_from_other_information(xlsx: dict[str, Entity]) -> None:
    ship = xlsx["13651"]
    assert ship.schema == "Vessel"
    assert ship.get("name") == ["SAM JONG 2"]
    assert ship.get("imoNumber") == ["7408873"]
    assert ship.get("flag") == ["kp"]
    assert ship.get("type") == ["Oil tanker"]
    assert ship.get("owner") == ["Korea Samjong Shipping"]
    # "(…UN Reference Number: UN Ref KPe.064)" names the owner, not the ship
    assert not ship.get("unReferenceNumber")


def test_csv_legacy_layout() -> None:
    parsed = _parse(CSV, "uk_ofsi_csv")
    assert parsed.published == "2016-02-12"
    assert parsed.records == 30
    by_id = {e.record_id: e for e in parsed.entities}
    assert set(by_id) == {"7087", "7871", "8431", "12703", "13254", "12155"}
    exchange = by_id["12703"]
    assert exchange.schema == "Organization"
    assert exchange.get("name") == ["HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE"]  # Alias Type "Prime Alias"
    assert "HAJI SALAM HAWALA" in exchange.get("alias")
    assert exchange.get("unReferenceNumber") == ["TE.H.10.12"]  # "UN Ref TE.H.10.12." (old form)
    noorzai = by_id["12155"]  # Windows-1252 curly quotes decode
    assert any("‘Allah Muhammad’" in n for n in noorzai.get("notes"))
    assert noorzai.get("birthDate") == ["1963-01-01", "1957", "1960"]  # 00/00/1957 is a year
    # "1) Chaman border town, Pakistan, 2) Pishin, Baluchistan Province" with one country: not paired
    assert noorzai.get("birthPlace") == [
        "Chaman border town, Pakistan",
        "Pishin, Baluchistan Province",
        "Pakistan",
    ]
    # a group published without its "Prime Alias" row takes its first name
    assert by_id["7087"].get("name") == ["Mohamed ABU ABDA"]


def test_field_conventions() -> None:
    assert numbered("(1) Tunisia (2) Morocco (3) Egypt") == ["Tunisia", "Morocco", "Egypt"]
    assert numbered("(1) Haidra Al-Qasreen (2)-(3) -", keep_placeholders=True) == [
        "Haidra Al-Qasreen",
        "",
        "",
    ]
    assert numbered("Director (XPCC PSB)") == ["Director (XPCC PSB)"]
    assert [uk_date(d) for d in ("00/00/1964", "dd/mm/1961", "dd/09/1958", "05/1964", "30/01/1972")] == [
        "1964", "1961", "1958-09", "1964-05", "1972-01-30",
    ]  # fmt: skip
    assert uk_date("15/08/19yy") is None and uk_date("31/02/1990") is None
    text = "(UK Sanctions List Ref):GHR0079. Director: X (UK Statement of Reasons):Because. (Gender):Male"
    assert sections(text) == {
        "UK Sanctions List Ref": ["GHR0079. Director: X"],
        "UK Statement of Reasons": ["Because."],
        "Gender": ["Male"],
    }
    assert sections("UN Ref QI.B.62.02.") == {}
