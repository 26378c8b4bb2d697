"""Destination risk: V-Dem tiers, sub-national overrides, where the region comes from."""

from __future__ import annotations

from exportguard.assess.casefile import Case
from exportguard.assess.destination import DestinationResult, assess_destination, tier_for, vdem_row
from exportguard.assess.findings import FindingLog
from exportguard.assess.knowledge import load_knowledge
from exportguard.assess.names import NameTools
from exportguard.assess.parties import profile_party
from tests.assess.fakes import make_case


def destination(case: Case) -> DestinationResult:
    kb = load_knowledge()
    tools = NameTools(kb)
    log = FindingLog(kb)
    parties = [profile_party(kb, tools, case, p, i, log) for i, p in enumerate(case.parties)]
    return assess_destination(kb, tools, case, parties, log)


def test_tiers_from_vdem() -> None:
    kb = load_knowledge()
    cols = kb.destinations.indicators.columns

    def tier(iso3: str) -> str:
        return tier_for(kb, {k: float(v) for k, v in kb.indicators[iso3].items() if k in cols})

    assert [tier(c) for c in ("CHN", "EGY", "RUS", "IND", "HUN", "SWE", "NOR", "ISR")] == [
        "very_high", "very_high", "high", "medium", "medium", "low", "low", "low"
    ]


def test_iso2_to_vdem_rows() -> None:
    kb = load_knowledge()
    assert vdem_row(kb, "CN") == "CHN"
    assert vdem_row(kb, "PS") == "PSE"
    assert vdem_row(kb, "XK") == "XKX"
    assert vdem_row(kb, "VA") is None  # no V-Dem row for the Holy See


def test_declared_region_overrides_the_national_tier() -> None:
    result = destination(make_case(destination="{country: IL, region: East Jerusalem}").case)
    assert result.assessment.national_tier == "low"
    assert result.tier == "high" and result.region is not None and result.region.conflict


def test_region_inferred_from_a_party_address() -> None:
    parties = "  - {role: end_user, name: Acme, country: CN, address: '88 Youhao Road, Ürümqi'}"
    result = destination(make_case(destination="CN", parties=parties).case)
    assert result.assessment.region == "CN-XJ"
    assert result.assessment.region_basis == "inferred from parties[0]"


def test_region_inferred_from_chinese_end_use_text() -> None:
    result = destination(make_case(destination="CN", end_use="喀什地区视频监控项目").case)
    assert result.assessment.region == "CN-XJ" and result.assessment.region_basis == "inferred from end_use"


def test_restrictive_measures_are_date_aware_and_no_data_is_reported() -> None:
    assert destination(make_case(destination="RU", date="2024-01-01").case).measures
    assert not destination(make_case(destination="RU", date="2014-01-01").case).measures
    missing = destination(make_case(destination="VA").case)
    assert missing.tier is None


def test_eu_export_flag() -> None:
    assert destination(make_case(destination="CN").case).assessment.eu_export
    assert not destination(make_case(destination="DE").case).assessment.eu_export
