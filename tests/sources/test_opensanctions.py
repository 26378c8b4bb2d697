"""opensanctions, FtM entity JSON Lines: real excerpts (tests/fixtures/opensanctions) parsed to
the expected entities, with Sanction / Address / Passport / relationship entities folded in."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.opensanctions import forms
from exportguard.sources.registry import detect_format, get_meta

FIXTURES = Path(__file__).parent.parent / "fixtures" / "opensanctions"
T1, ZALA = FIXTURES / "t1.ftm.json", FIXTURES / "zala_excerpt.ftm.json"
CST, ZAKHAROV, KALASHNIKOV = (
    "NK-abdzbEBkqyT29GyREbiURZ",
    "NK-aU5ybkbRFJucf8YMwsJvDw",
    "NK-nR5AXM9AVPq4pQaSPSaVam",
)


def _parse(*paths: Path) -> tuple[ParsedList, int]:
    ticks: list[int] = []
    parsed = forms.parse_full(ParseContext(get_meta("opensanctions"), ticks.append), list(paths))
    return parsed, sum(ticks)


@pytest.fixture(scope="module")
def parsed() -> ParsedList:
    return _parse(T1, ZALA)[0]


@pytest.fixture(scope="module")
def by_id(parsed: ParsedList) -> dict[str, Entity]:
    return {e.record_id: e for e in parsed.entities}


def test_listed_entities_records_and_date(parsed: ParsedList) -> None:
    assert parsed.format == "ftm_json" and not parsed.is_delta
    assert parsed.records == 7 + 15 == _parse(T1, ZALA)[1]
    # t1: 4 Person + 2 Organization (its Address is folded); zala excerpt: 1 Person + 2 Company
    assert (
        sorted(e.schema for e in parsed.entities) == ["Company"] * 2 + ["Organization"] * 2 + ["Person"] * 5
    )
    assert all(e.id == f"opensanctions-{e.record_id}" for e in parsed.entities)
    assert parsed.published == "2026-04-29"  # newest last_seen


def test_irgc_keys_from_referents(by_id: dict[str, Entity]) -> None:
    irgc = by_id["NK-2PacmNpiLUmoz4XD2mSt7A"]
    assert irgc.schema == "Organization" and irgc.caption == "IRGC"
    assert irgc.get("ofacUid") == ["10465"]
    assert irgc.get("ukGroupId") == ["11241"]
    assert irgc.get("euReferenceNumber") == ["EU.2078.17"]
    assert "eu-fsf-eu-2078-17" in irgc.get("referent") and irgc.get("subList") == ["eu_fsf"]
    assert irgc.get_values("ofacUid")[0].original == "ofac-10465"


def test_sanctions_fold_onto_their_entity(by_id: dict[str, Entity]) -> None:
    cst = by_id[CST]
    assert cst.caption == "LLC CST"
    assert set(cst.get("program")) >= {"RUSSIA-EO14024", "UKR"}
    assert "Entity List (EL) - Bureau of Industry and Security" in cst.get("authority")
    assert cst.get("listingDate")  # from the Sanctions' listingDate / startDate
    assert cst.get("ofacUid") == ["45928", "45934"]
    assert "ofac-pr-f7b4c3fefb6dfa16d2e07a016d7ca85067e23c7b" not in cst.get("ofacUid")


def test_addresses_passport_and_links(by_id: dict[str, Entity]) -> None:
    cst, zakharov = by_id[CST], by_id[ZAKHAROV]
    assert "3/2 Perunovsky Lane, Floor 3, Room 21, Moscow, 127055, Russia" in cst.get(
        "address"
    )  # Address.full
    assert "272 Pushkinskaya Street, Apt 41, Izhevsk, 426008" in zakharov.get("address")
    links = {(v.value, v.qualifier) for v in cst.get_values("linkedTo")}
    assert (f"opensanctions-{KALASHNIKOV}", "Ownership asset: subsidiary of") in links
    assert (f"opensanctions-{ZAKHAROV}", "Directorship organization: Leader or official of") in links
    kal_links = {(v.value, v.qualifier) for v in by_id[KALASHNIKOV].get_values("linkedTo")}
    assert (f"opensanctions-{CST}", "Ownership owner: subsidiary of") in kal_links
    # the Family's other end (Nikita Zakharov) is not in the excerpt: the link still names him
    assert any(q and q.startswith("Family") for q in (v.qualifier for v in zakharov.get_values("linkedTo")))


def test_dropped_properties_and_missing_references_are_counted(parsed: ParsedList) -> None:
    dropped = next(w for w in parsed.warnings if w.startswith("dropped FtM property values"))
    assert "Person.createdAt ×5" in dropped and "Sanction.country ×4" in dropped
    assert any("addressEntity not in the file(s)" in w for w in parsed.warnings)


def test_mapped_properties_keep_ftm_name_as_qualifier(by_id: dict[str, Entity]) -> None:
    cst = by_id[CST]
    inn = [v for v in cst.get_values("taxNumber") if v.qualifier == "innCode"]
    assert [v.value for v in inn] == ["1841015504"]
    assert by_id["NK-2Ka3UvopqbpZmVDFjWd4LA"].get("birthDate") == ["1971-01-22"]


def test_sniffing() -> None:
    assert detect_format("opensanctions", [T1, ZALA]).name == "ftm_json"
    assert detect_format("opensanctions", [FIXTURES / "delta_excerpt.json"]).name == "ftm_delta_json"
    assert not forms.sniff_delta([T1]) and not forms.sniff_full([FIXTURES / "delta_excerpt.json"])


def test_bundled_opensanctions_files_parse() -> None:
    base = Path(str(resources.files("exportguard").joinpath("data/lists/opensanctions/yente/tests/fixtures")))
    paths = [base / "dataset/t1/entities.ftm.json", base / "dataset/zala/entities.ftm.json"]
    parsed, ticks = _parse(*paths)
    assert parsed.records == ticks == 98
    assert len(parsed.entities) == 23
    meta = get_meta("opensanctions")
    assert meta.expected["min_entities"] <= len(parsed.entities)
    assert "CC BY-NC 4.0" in meta.licence
