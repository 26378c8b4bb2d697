"""un_sc_sanctions: the UNSC consolidated XML, from a real excerpt and from the bundled full list."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta
from exportguard.sources.un_sc_sanctions import un_reference

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXCERPT = FIXTURES / "un" / "un_consolidated_excerpt.xml"
BUNDLED = Path(str(resources.files("exportguard").joinpath("data/lists/un/UN_consolidated.xml")))


def _parse(path: Path) -> tuple[ParsedList, list[int]]:
    ticks: list[int] = []
    spec = detect_format("un_sc_sanctions", [path])
    assert spec.name == "un_sc_xml"
    return spec.parse(ParseContext(get_meta("un_sc_sanctions"), ticks.append), [path]), ticks


@pytest.fixture(scope="module")
def excerpt() -> dict[str, Entity]:
    parsed, ticks = _parse(EXCERPT)
    assert parsed.published == "2026-02-27"
    assert parsed.records == 12 == len(ticks)
    assert parsed.warnings == []
    return {e.record_id: e for e in parsed.entities}


def _values(entity: Entity, prop: str) -> list[tuple[str, str | None]]:
    return [(v.value, v.qualifier) for v in entity.get_values(prop)]


def test_individual_names_aliases_and_keys(excerpt: dict[str, Entity]) -> None:
    e = excerpt["6907995"]
    assert e.id == "un_sc_sanctions-6907995"
    assert e.schema == "Person"
    assert e.get("name") == ["GASTON IYAMUREMYE"]
    assert _values(e, "alias") == [
        ("Byiringiro Victor Rumuli", "Good"),
        ("Victor Rumuri", "Good"),
        ("Michel Byiringiro", "Good"),
    ]
    assert _values(e, "weakAlias") == [("Rumuli", "Low")]  # QUALITY Low
    assert e.get("unReferenceNumber") == ["CDi.003"]
    assert e.get("program") == ["DRC"]
    assert e.get("listingDate") == ["2010-12-01"]
    assert e.get("nationality") == ["rw"]
    assert e.get("birthDate") == ["1948"]
    assert "Musanze District, Northern Province, Rwanda" in e.get("birthPlace")


def test_dates_of_birth_by_type(excerpt: dict[str, Entity]) -> None:
    assert _values(excerpt["6907993"], "birthDate") == [("1971", None)]  # EXACT, YEAR only
    assert _values(excerpt["6908048"], "birthDate") == [("1937-04-28", None)]  # EXACT, DATE
    # EXACT date and an APPROXIMATELY year on the same person
    assert _values(excerpt["6908006"], "birthDate") == [("1962-03-17", None), ("1966", "approximately")]
    # BETWEEN 1973 and 1974: one value per year, the range kept as qualifier and original
    between = excerpt["6908021"].get_values("birthDate")
    assert [(v.value, v.original, v.qualifier) for v in between] == [
        ("1973", "1973-1974", "between 1973 and 1974"),
        ("1974", "1973-1974", "between 1973 and 1974"),
    ]


def test_documents_keep_the_publishers_type(excerpt: dict[str, Entity]) -> None:
    azzouz = excerpt["6908525"]
    assert _values(azzouz, "passportNumber") == [("223611", "Passport"), ("C00146605", "Passport")]
    assert azzouz.get_values("passportNumber")[1].original == "British passport number C00146605"
    assert _values(excerpt["6908010"], "idNumber") == [("1-78-09-44621-80", "FARDC ID")]  # TYPE_OF_DOCUMENT2
    # the number only appears inside TYPE_OF_DOCUMENT2
    assert _values(excerpt["111078"], "idNumber") == [
        ("545167", "Afghan national identification card (tazkira)")
    ]


def test_original_script_and_entities(excerpt: dict[str, Entity]) -> None:
    assert _values(excerpt["6908048"], "alias") == [("صدام حسين التكريتي", "original script")]
    adf = excerpt["6908402"]
    assert adf.schema == "Organization"
    assert adf.get("name") == ["ADF"]
    assert adf.get("alias") == ["Allied Democratic Forces"]  # a.k.a.
    assert "NALU" in adf.get("previousName")  # f.k.a.
    bank = excerpt["6908499"]
    assert bank.get("unReferenceNumber") == ["KPe.023"]  # published as "KPe.023 "
    assert bank.get_values("unReferenceNumber")[0].original == "KPe.023 "


def test_un_reference_spellings_compare_equal() -> None:
    assert un_reference("QDi.001") == "QDi.001"
    assert un_reference("LYi.28") == "LYi.028"  # EU @unitedNationId
    assert un_reference("CDi. 038. Listed pursuant to …") == "CDi.038"  # OFSI "(UN Ref):"
    assert un_reference("QDE.013.") == "QDe.013"
    assert un_reference("KPe.023 ") == "KPe.023"
    assert un_reference("UN Ref QI.B.62.02. Also referred to as") == "QI.B.62.02"  # pre-2022 OFSI
    assert un_reference("erence") is None
    assert un_reference("") is None


def test_bundled_full_list_counts() -> None:
    parsed, ticks = _parse(BUNDLED)
    assert parsed.published == "2026-02-27"
    assert Counter(e.schema for e in parsed.entities) == {"Person": 730, "Organization": 273}
    assert parsed.records == 1003 == len(ticks)
    assert len({e.id for e in parsed.entities}) == 1003
    assert all(e.get("unReferenceNumber") and e.get("program") for e in parsed.entities)
    programs = Counter(p for e in parsed.entities for p in e.get("program"))
    assert programs["Al-Qaida"] == 341 and programs["DPRK"] == 155
    weak = sum(len(e.get_values("weakAlias")) for e in parsed.entities)
    assert weak == 615  # every QUALITY Low alias (names are all distinct per entry)
    assert parsed.warnings == []
