"""us_trade_csl, CSV form: a real excerpt (tests/fixtures/us_csl) parsed to the expected entities."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from exportguard.model import PROPERTIES, Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta
from exportguard.sources.us_trade_csl import csv_form
from exportguard.sources.us_trade_csl.entity import vocab_mapping
from exportguard.sources.us_trade_csl.values import birth_dates, fr_citations

EXCERPT = Path(__file__).parent.parent / "fixtures" / "us_csl" / "consolidated_excerpt.csv"
HIKVISION_EL = "us_trade_csl-f095626c9f8becc70b5948507fb6de6e443b257a"


def _parse(path: Path = EXCERPT) -> tuple[ParsedList, list[int]]:
    ticks: list[int] = []
    parsed = csv_form.parse(ParseContext(get_meta("us_trade_csl"), ticks.append), [path])
    return parsed, ticks


@pytest.fixture(scope="module")
def parsed() -> ParsedList:
    return _parse()[0]


@pytest.fixture(scope="module")
def by_id(parsed: ParsedList) -> dict[str, Entity]:
    return {e.id: e for e in parsed.entities}


def test_excerpt_counts_records_entities_and_progress() -> None:
    parsed, ticks = _parse()
    assert parsed.format == "trade_csl_csv" and parsed.source == "us_trade_csl"
    assert parsed.records == 29 == sum(ticks)
    # two rows of BANK OF KUNLUN (CAP) are the same listing: one entity
    assert len(parsed.entities) == 28
    assert parsed.published is None  # a plain CSV carries no date
    assert any("repeated row" in w for w in parsed.warnings)


def test_hikvision_entity_list_entry(by_id: dict[str, Entity]) -> None:
    hik = by_id[HIKVISION_EL]
    assert hik.schema == "LegalEntity"  # EL rows have no type
    assert hik.get("name") == ["Hangzhou Hikvision Digital Technology Co., Ltd."]
    assert hik.get("alias") == ["Hikvision"]
    assert hik.get("subList") == ["Entity List (EL) - Bureau of Industry and Security"]
    assert hik.get_values("subList")[0].qualifier == "EL"
    assert hik.get("authority") == ["Bureau of Industry and Security"]
    assert hik.get("federalRegisterNotice") == ["84 FR 54002", "85 FR 44159"]
    assert hik.get("listingDate") == ["2019-10-09"]
    assert hik.get("licenseRequirement") == ["For all items subject to the EAR. (See §744.11 of the EAR)"]
    # the original keeps the publisher's double space
    assert (
        hik.get_values("licenseRequirement")[0].original
        == "For all items subject to the EAR.  (See §744.11 of the EAR)"
    )
    policy = hik.first("licensePolicy") or ""
    assert policy.startswith("Case-by-case review for ECCNs 1A004.c") and "presumption of denial" in policy
    assert hik.get("address") == [
        "No. 555 Qianmo Road, Binjiang District, Hangzhou, 310052, CN",
        "23rd Floor, Block A, Yingke Plaza, No. 217 Gaoxin Street, Gaoxin District, Urumqi, CN",
        "700 Dongliu Road, Binjiang District, Hanzhou, CN",
    ]
    assert hik.get("country") == ["cn"]
    assert hik.get("ofacUid") == [] and hik.get("program") == []


def test_hikvision_cmic_row_carries_ofac_uid_and_identifiers(by_id: dict[str, Entity]) -> None:
    cmic = by_id["us_trade_csl-30946-CMIC"]
    assert cmic.schema == "Organization"
    assert cmic.get("ofacUid") == ["30946"]
    assert cmic.get("program") == ["CMIC-EO13959"]
    assert cmic.get_values("subList")[0].qualifier == "CMIC"
    uscc = cmic.get_values("registrationNumber")[0]
    assert (uscc.value, uscc.qualifier) == ("91330000733796106P", "Unified Social Credit Code (USCC)")
    assert uscc.original == "CN, 91330000733796106P, Unified Social Credit Code (USCC)"
    assert "Hangzhou Hikvision Digital Technology" in cmic.get("alias")  # "Issuer Name"
    assert cmic.get("listingDate") == ["2021-06-03"]  # "Listing Date (CMIC)"


def test_xinjiang_public_security_bureaus(by_id: dict[str, Entity]) -> None:
    names = {e.caption: e for e in by_id.values()}
    # the publisher lost the curly apostrophe as "?": kept as published
    xuar = names["Xinjiang Uighur Autonomous Region (XUAR) People?s Government Public Security Bureau"]
    assert xuar.get_values("subList")[0].qualifier == "EL"
    assert "84 FR 54002" in xuar.get("federalRegisterNotice")
    assert names["Kashgar Prefecture Public Security Bureau"].get("listingDate") == ["2019-10-09"]
    sdn = by_id["us_trade_csl-29159"]
    assert sdn.caption == "XINJIANG PUBLIC SECURITY BUREAU"
    assert sdn.get("program") == ["GLOMAG"] and sdn.get("ofacUid") == ["29159"]


def test_one_ofac_entry_on_several_sub_lists_gets_one_entity_per_listing(by_id: dict[str, Entity]) -> None:
    sdn, cap = by_id["us_trade_csl-34616"], by_id["us_trade_csl-34616-CAP"]
    assert sdn.get("ofacUid") == cap.get("ofacUid") == ["34616"]
    assert [e.get_values("subList")[0].qualifier for e in (sdn, cap)] == ["SDN", "CAP"]
    sber = {
        by_id[f"us_trade_csl-17018{s}"].get_values("subList")[0].qualifier for s in ("", "-NS-MBS", "-SSI")
    }
    assert sber == {"SDN", "NS-MBS", "SSI"}


def test_linked_to_remarks_become_links(by_id: dict[str, Entity]) -> None:
    # "(Linked To: PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA)": Sberbank is not on CAP, so
    # the CAP row links to its SDN listing
    link = by_id["us_trade_csl-34616-CAP"].get_values("linkedTo")
    assert [(v.value, v.original) for v in link] == [
        ("us_trade_csl-17018", "Linked To: PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA")
    ]
    aircraft = by_id["us_trade_csl-15445"]
    assert aircraft.schema == "Airplane"
    assert aircraft.get("linkedTo") == ["us_trade_csl-12927"]  # MAHAN AIR
    assert by_id["us_trade_csl-12927"].caption == "MAHAN AIR"


def test_person_identifiers_and_birth_dates(by_id: dict[str, Entity]) -> None:
    person = by_id["us_trade_csl-29442"]
    assert person.schema == "Person"
    passport = person.get_values("passportNumber")[0]
    assert (passport.value, passport.qualifier) == ("X0062329", "Passport")
    assert passport.original == "CH, 2022-02-26, 2012-02-27, X0062329, Passport"
    assert person.get("gender") == ["male"]
    assert person.get("birthDate") == ["1969-01-15"]
    circa = by_id["us_trade_csl-8183"]
    assert [(v.value, v.original) for v in circa.get_values("birthDate")] == [("1967", "circa 1967")]
    assert by_id["us_trade_csl-19810"].get("birthDate") == ["1958", "1959", "1960"]  # "1958 to 1960"


def test_vessel_and_denied_person(by_id: dict[str, Entity]) -> None:
    vessel = by_id["us_trade_csl-15903"]
    assert vessel.schema == "Vessel"
    assert vessel.get("imoNumber") == ["IMO 9569683"]
    assert vessel.get("flag") and vessel.get("type")
    ash = next(e for e in by_id.values() if e.caption == "I. ASH")
    assert ash.schema == "LegalEntity"
    assert ash.get("standardOrder") == ["Y"]
    assert ash.get("endDate") and ash.get("listingDate")
    assert ash.get_values("name")[0].original == " I. ASH"


def test_every_sub_list_in_the_excerpt_has_its_code(parsed: ParsedList) -> None:
    codes = {e.get_values("subList")[0].qualifier for e in parsed.entities}
    assert codes == set(vocab_mapping("sub_list").values())


def test_gzip_header_date_is_the_publication_date(tmp_path: Path) -> None:
    gz = tmp_path / "consolidated.csv.gz"
    gz.write_bytes(gzip.compress(EXCERPT.read_bytes(), mtime=1652725348))
    parsed, _ = _parse(gz)
    assert parsed.published == "2022-05-16"
    assert len(parsed.entities) == 28


def test_sniffing_picks_the_csv_format(tmp_path: Path) -> None:
    assert detect_format("us_trade_csl", [EXCERPT]).name == "trade_csl_csv"
    gz = tmp_path / "c.csv.gz"
    gz.write_bytes(gzip.compress(EXCERPT.read_bytes(), mtime=0))
    assert detect_format("us_trade_csl", [gz]).name == "trade_csl_csv"
    assert csv_form.gzip_date(gz) is None  # no mtime in the header: no date


def test_vocabulary_mappings_name_model_properties_and_schemata() -> None:
    assert set(vocab_mapping("id_type").values()) <= set(PROPERTIES)
    assert set(vocab_mapping("entity_type").values()) == {
        "Person",
        "Organization",
        "LegalEntity",
        "Vessel",
        "Airplane",
    }
    assert set(vocab_mapping("id_type")) == get_meta("us_trade_csl").vocabularies["id_type"]


def test_value_helpers() -> None:
    assert fr_citations("68 F.R. 12345 9/24/2003") == ["68 FR 12345"]
    assert fr_citations("84 FR 54002, 85 FR 44159 ") == ["84 FR 54002", "85 FR 44159"]
    assert fr_citations("Vol. 59, No. 44,  03/07/1994") == ["Vol. 59, No. 44, 03/07/1994"]
    assert birth_dates("1900 to 1950") == ["1900", "1950"]
    assert birth_dates("sometime") is None


def test_entity_list_alias_lists_are_split_into_names() -> None:
    # "RPA Mars; and NPO Mars" and "...; and Yichang Testing Technology Research Institute a.k.a.
    # Yichang Institute of Testing Technology": the last alias's "and" is the list's, and each
    # a.k.a. starts another name; the published value is kept as the original.
    parsed, _ticks = _parse(EXCERPT.with_name("consolidated_aliases.csv"))
    by_id = {e.id: e for e in parsed.entities}
    mars = by_id["us_trade_csl-0cc0c4b3cc565141d0be86ec85e37c36e4be95af"]
    assert mars.get("alias") == ["RPA Mars", "NPO Mars"]
    assert [v.original for v in mars.values if v.prop == "alias"][1] == "and NPO Mars"
    yichang = by_id["us_trade_csl-0fa537b1f62ebfed41e85ce64bc4e6ab6b6fa66d"]
    assert yichang.get("alias") == [
        "China Shipbuilding Industry Group Co., Ltd. (CSIC) 710th Research Institute",
        "Yichang Testing Technology Research Institute",
        "Yichang Institute of Testing Technology",
    ]
