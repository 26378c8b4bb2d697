"""gb_hmt_sanctions: the FCDO UK Sanctions List XML, from a real excerpt (publisher quirks kept)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta

EXCERPT = Path(__file__).parent.parent / "fixtures" / "uk" / "uk_sanctions_list_excerpt.xml"


@pytest.fixture(scope="module")
def parsed() -> ParsedList:
    ticks: list[int] = []
    spec = detect_format("gb_hmt_sanctions", [EXCERPT])
    assert spec.name == "uk_fcdo_xml"
    result = spec.parse(ParseContext(get_meta("gb_hmt_sanctions"), ticks.append), [EXCERPT])
    assert result.records == 7 == len(ticks)
    return result


@pytest.fixture(scope="module")
def by_id(parsed: ParsedList) -> dict[str, Entity]:
    return {e.record_id: e for e in parsed.entities}


def _values(entity: Entity, prop: str) -> list[tuple[str, str | None]]:
    return [(v.value, v.qualifier) for v in entity.get_values(prop)]


def test_published_and_ids(parsed: ParsedList, by_id: dict[str, Entity]) -> None:
    assert parsed.published == "2026-09-07"  # DateGenerated 07/09/2026
    assert list(by_id) == ["AFG0001", "AFG0009", "BEL0174", "DPR0075", "GUB0009", "RUS2701", "RUS3379"]
    anwari = by_id["AFG0009"]
    assert anwari.id == "gb_hmt_sanctions-AFG0009"
    assert anwari.get("ukGroupId") == ["7022"]  # OFSIGroupID: the ConList Group ID
    assert anwari.get("unReferenceNumber") == ["TAi.005"]


def test_names_and_alias_strength(by_id: dict[str, Entity]) -> None:
    anwari = by_id["AFG0009"]
    assert anwari.schema == "Person"
    assert anwari.get("name") == ["Muhammad Taher Anwari"]
    assert ("Mohammad Taher Anwari", "Good quality a.k.a") in _values(anwari, "alias")
    assert _values(anwari, "weakAlias") == [("Mudir", "Low quality a.k.a")]
    assert ("محمد طاهر أنوري", "non-Latin script") in _values(anwari, "alias")
    assert anwari.get("title") == ["Mullah", "Haji"]
    assert anwari.get("program") == ["The Afghanistan (Sanctions) (EU Exit) Regulations 2020"]
    kazakov = by_id["BEL0174"]  # carries an empty <Name> element
    assert kazakov.get("name") == ["Pavel Ivanovich KAZAKOV"]
    assert ("Pavel Ivanavich KAZAKOU", "Primary name variation") in _values(kazakov, "alias")
    assert ("Павел Иванович Казаков", "Cyrillic") in _values(kazakov, "alias")


def test_partial_dates_keep_their_precision(parsed: ParsedList, by_id: dict[str, Entity]) -> None:
    anwari = by_id["AFG0009"]
    assert [(v.value, v.original) for v in anwari.get_values("birthDate")] == [("1961", "dd/mm/1961")]
    romanova = by_id["RUS2701"]  # DOB 15/08/19yy: no year, so no birthDate
    assert not romanova.get("birthDate")
    assert "Date of birth: 15/08/19yy" in romanova.get("notes")
    assert "1 date(s) of birth could not be read (kept in notes)" in parsed.warnings
    assert by_id["AFG0001"].get("listingDate") == ["2012-06-29"]


def test_entity_and_ship_details(by_id: dict[str, Entity]) -> None:
    smk = by_id["RUS3379"]
    assert smk.schema == "Organization"
    assert _values(smk, "registrationNumber") == [("5045023416", "INN"), ("1025005917551", "OGRN")]
    assert "info@cmk-group.com" in smk.get("email")
    ship = by_id["DPR0075"]
    assert ship.schema == "Vessel"
    assert ship.get("name") == ["Petrel 8"]
    assert ship.get("imoNumber") == ["9562233"]  # IMO9562233
    assert ship.get("flag") == ["km"]
    assert ship.get("owner") == ["Global United Shipping India"]
    injai = by_id["GUB0009"]
    assert _values(injai, "passportNumber") == [("AAID00435", "Passport")]
    assert injai.get("unReferenceNumber") == ["GBi.005"]
