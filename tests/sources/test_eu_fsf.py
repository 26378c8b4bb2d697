"""eu_fsf: FSF XML 1.1 and the legacy WHOLE XML, from real excerpts and from the bundled files."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta

FIXTURES = Path(__file__).parent.parent / "fixtures"
FSF = FIXTURES / "eu" / "fsf_excerpt.xml"
WHOLE = FIXTURES / "eu" / "whole_2016_excerpt.xml"
LISTS = resources.files("exportguard").joinpath("data/lists")


def _parse(path: Path, expected_format: str) -> ParsedList:
    ticks: list[int] = []
    spec = detect_format("eu_fsf", [path])
    assert spec.name == expected_format
    parsed = spec.parse(ParseContext(get_meta("eu_fsf"), ticks.append), [path])
    assert len(ticks) == parsed.records
    return parsed


@pytest.fixture(scope="module")
def fsf() -> dict[str, Entity]:
    parsed = _parse(FSF, "eu_fsf_xml")
    assert parsed.published == "2026-08-05"  # generationDate 2026-08-05T16:47:04.449+02:00
    assert parsed.records == 9
    return {e.record_id: e for e in parsed.entities}


def _values(entity: Entity, prop: str) -> list[tuple[str, str | None]]:
    return [(v.value, v.qualifier) for v in entity.get_values(prop)]


def test_person_names_keys_and_birth(fsf: dict[str, Entity]) -> None:
    saddam = fsf["13"]
    assert saddam.id == "eu_fsf-13"
    assert saddam.schema == "Person"
    assert saddam.get("name") == ["Saddam Hussein Al-Tikriti"]
    assert _values(saddam, "alias") == [("Abu Ali", None), ("Abou Ali", "FR")]  # nameLanguage as qualifier
    assert saddam.get("firstName") == ["Saddam"] and saddam.get("lastName") == ["Hussein Al-Tikriti"]
    assert saddam.get("euReferenceNumber") == ["EU.27.28"]
    assert saddam.get("program") == ["IRQ"]
    assert saddam.get("citizenship") == ["iq"]
    assert saddam.get("birthDate") == ["1937-04-28"]
    assert saddam.get("gender") == ["male"]


def test_primary_name_prefers_the_untranslated_strong_alias(fsf: dict[str, Entity]) -> None:
    qusay = fsf["20"]  # the French spelling comes first in the file
    assert qusay.get("name") == ["Qusay Saddam Hussein Al-Tikriti"]
    assert ("Qoussaï Saddam Hussein Al-Tikriti", "FR") in _values(qusay, "alias")
    assert qusay.get("birthDate") == ["1966", "1965"]  # year-only birthdates
    asiri = fsf["6177"]  # Arabic script first, then the English names
    assert asiri.get("name") == ["Ibrahim al-'Asiri"]
    assert ("إبراهيم حسن طالع عسيري", "AR") in _values(asiri, "alias")


def test_united_nation_id_is_normalised(fsf: dict[str, Entity]) -> None:
    badi = fsf["118593"]
    assert badi.get("unReferenceNumber") == ["LYi.028"]
    assert badi.get_values("unReferenceNumber")[0].original == "LYi.28"
    assert not fsf["13"].get("unReferenceNumber")  # unitedNationId=""


def test_identifiers_take_the_type_code(fsf: dict[str, Entity]) -> None:
    asiri = fsf["6177"]
    assert _values(asiri, "passportNumber") == [("F654645", "passport")]
    assert _values(asiri, "idNumber") == [("1028745097", "id")]
    bank = fsf["139009"]
    assert bank.schema == "Organization"
    assert _values(bank, "taxNumber") == [("4401116480", "fiscalcode")]
    assert _values(bank, "registrationNumber") == [("1144400000425", "regnumber")]


def test_birth_date_ranges_and_calendars(fsf: dict[str, Entity]) -> None:
    thein = fsf["155661"]  # yearRangeFrom 1960, yearRangeTo 1979
    years = thein.get_values("birthDate")
    assert [v.value for v in years] == [str(y) for y in range(1960, 1980)]
    assert {v.qualifier for v in years} == {"between 1960 and 1979"}
    soleimani = fsf["127388"]  # Gregorian 1965 and 1964; the Islamic year 1343 is not a Gregorian date
    assert soleimani.get("birthDate") == ["1965", "1964"]
    assert "Date of birth (islamic calendar): 1343" in soleimani.get("notes")
    # an ISLAMIC birthdate that carries its Gregorian @birthdate uses that date
    assert fsf["6177"].get("birthDate") == ["1982-04-18", "1982-04-19"]


def test_contact_info_and_address(fsf: dict[str, Entity]) -> None:
    congomet = fsf["3745"]
    assert congomet.get("phone") == ["+253 (0) 99 983 784"]
    assert congomet.get("country") == ["cd"]
    assert congomet.get("program") == ["COD"]


def test_legacy_whole_xml() -> None:
    parsed = _parse(WHOLE, "eu_fsf_legacy_xml")
    assert parsed.published == "2016-02-11"  # WHOLE/@Date="11/02/2016"
    by_id = {e.record_id: e for e in parsed.entities}
    assert list(by_id) == ["1", "13", "507", "508"]
    saddam = by_id["13"]
    assert saddam.id == "eu_fsf-13"  # ENTITY/@Id is FSF 1.1's logicalId
    assert saddam.get("name") == ["Saddam Hussein Al-Tikriti"]
    assert _values(saddam, "alias") == [("Abu Ali", None), ("Abou Ali", "FR")]
    assert saddam.get("citizenship") == ["iq"]  # IRQ
    yasin = by_id["507"]
    assert _values(yasin, "passportNumber") == [("27082171", "passport")]
    assert ("SSN 156-92-9858", "id") in _values(yasin, "idNumber")
    assert yasin.get("birthPlace") == ["Bloomington, Indiana, United States"]
    mugabe = by_id["1"]
    assert mugabe.get("program") == ["ZWE"]
    assert mugabe.get("name") == ["Robert Gabriel Mugabe"]  # the duplicate NAME is not an alias
    assert not mugabe.get("alias")


def test_bundled_files_counts() -> None:
    fsf = _parse(Path(str(LISTS.joinpath("eu/active_sanction_fixture/fsf.xml"))), "eu_fsf_xml")
    assert Counter(e.schema for e in fsf.entities) == {"Person": 10, "Organization": 7}
    assert Counter(p for e in fsf.entities for p in e.get("program"))["IRN"] == 4
    legacy = _parse(Path(str(LISTS.joinpath("eu/opendatalabcz_2016/data.xml"))), "eu_fsf_legacy_xml")
    assert legacy.records == 595
    assert Counter(e.schema for e in legacy.entities) == {"Person": 319, "Organization": 276}
    assert set(p for e in legacy.entities for p in e.get("program")) == {
        "IRQ",
        "TAQA",
        "AFG",
        "TERR",
        "COD",
        "ZWE",
    }


def test_weak_aliases_from_strong_false(tmp_path: Path) -> None:
    raw = FSF.read_bytes().replace(b'wholeName="Abu Ali" function="" title="" nameLanguage="" strong="true"',
                                   b'wholeName="Abu Ali" function="" title="" nameLanguage="" strong="false"')  # fmt: skip
    assert raw != FSF.read_bytes()
    path = tmp_path / "fsf.xml"
    path.write_bytes(raw)
    saddam = next(e for e in _parse(path, "eu_fsf_xml").entities if e.record_id == "13")
    assert _values(saddam, "weakAlias") == [("Abu Ali", None)]
    assert _values(saddam, "alias") == [("Abou Ali", "FR")]
