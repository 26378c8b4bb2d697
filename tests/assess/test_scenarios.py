"""Scenario tests: real case files (tests/fixtures/cases) against the real screening engine over
the real bundled lists. docs/assessment.md explains why each expected outcome is right.

Each row: case file, legal outcome, legal duties (rule IDs, in order), recommendation, red flags
that must be raised (with their severity), red flags that must not be raised.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from exportguard.assess.caseload import load_case
from exportguard.assess.engine import assess_case
from exportguard.assess.results import Assessment
from exportguard.reports import render_report
from exportguard.reports.jsonreport import from_json
from tests.assess.conftest import CASES

NOW = datetime(2025, 6, 1, tzinfo=UTC)

SCENARIOS = [
    ("s01_listed_psb_entity_list", "LICENCE_REQUIRED", ["L-ENTITY-LIST", "L-ART5-2"], "REFUSE", {"E1": "critical", "E4": "critical", "I2": "critical"}, set()),
    ("s02_xpcc_sdn", "STOP_SANCTIONS", ["L-SANCTIONS", "L-ENTITY-LIST", "L-ART5-2"], "REFUSE", {"E1": "hard_stop"}, {"E4"}),
    ("s03_unlisted_psb", "NOTIFY_AUTHORITY", ["L-ART5-2"], "REFUSE", {"E4": "critical", "E7": "critical"}, {"E1", "E2", "E3"}),
    ("s04_shihezi_university", "NOTIFY_AUTHORITY", ["L-ART5-2"], "REFUSE", {"E3": "critical", "E5": "critical", "I4": "critical"}, {"E1", "E2"}),
    ("s05_subordinate_bureau", "LICENCE_REQUIRED", ["L-ENTITY-LIST", "L-ART5-2"], "REFUSE", {"E1": "critical", "E4": "critical"}, set()),
    ("s06_benign_retail_analytics", "NO_LEGAL_REQUIREMENT_FOUND", [], "PROCEED_WITH_CONDITIONS", {}, {"E1", "D1", "E4"}),
    ("s07_benign_plain_camera", "NO_LEGAL_REQUIREMENT_FOUND", [], "PROCEED", {}, {"E1", "D1", "I1"}),
    ("s08_morpho_2015", "NO_LEGAL_REQUIREMENT_FOUND", [], "REFUSE", {"E4": "critical", "E7": "critical"}, {"E1"}),
    ("s09_morpho_2022", "NOTIFY_AUTHORITY", ["L-ART5-2"], "REFUSE", {"E4": "critical", "E7": "critical"}, {"E1"}),
    ("s10_plain_camera_sharp_eyes", "NO_LEGAL_REQUIREMENT_FOUND", [], "REFUSE", {"I6": "critical", "E6": "critical", "U4": "aggravating"}, {"I2"}),
    ("s11_imsi_catcher_kenya", "LICENCE_REQUIRED", ["L-ANNEX-I"], "PROCEED_WITH_CONDITIONS", {"E4": "aggravating"}, {"E1"}),
    ("s12_spyware_egypt_2013", "NO_LEGAL_REQUIREMENT_FOUND", [], "REFUSE", {"I8": "critical", "E4": "critical", "U3": "critical"}, {"E1"}),
    ("s13_spyware_egypt_2024", "LICENCE_REQUIRED", ["L-ANNEX-I", "L-ANNEX-I"], "REFUSE", {"I8": "critical", "E4": "critical", "U3": "critical"}, {"E1"}),
    ("s14_east_jerusalem", "NOTIFY_AUTHORITY", ["L-ART5-2"], "REFUSE", {"D4": "critical", "E4": "critical"}, {"E1"}),
    ("s15_monitoring_centre_de", "LICENCE_REQUIRED", ["L-ANNEX-I", "L-NATIONAL"], "PROCEED_WITH_CONDITIONS", {"I7": "aggravating", "E4": "aggravating"}, {"E1", "D1"}),
    ("s16_named_parent_xpcc", "STOP_SANCTIONS", ["L-SANCTIONS"], "REFUSE", {"E2": "hard_stop"}, {"E1"}),
    ("s17_urumqi_2018", "NO_LEGAL_REQUIREMENT_FOUND", [], "REFUSE", {"E4": "critical"}, set()),
]


@pytest.fixture(scope="module")
def assessments(real_screener: object) -> dict[str, Assessment]:
    return {name: assess_case(load_case(CASES / f"{name}.yml"), real_screener, now=NOW) for name, *_ in SCENARIOS}  # type: ignore[arg-type]


def test_every_scenario_file_is_in_the_table() -> None:
    files = {p.stem for p in CASES.glob("s*.yml")}
    assert files == {row[0] for row in SCENARIOS}
    assert len(files) >= 10


@pytest.mark.parametrize(("name", "legal", "duties", "recommendation", "raised", "absent"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario_outcome(
    assessments: dict[str, Assessment], name: str, legal: str, duties: list[str], recommendation: str, raised: dict[str, str], absent: set[str]
) -> None:
    a = assessments[name]
    flags = {f.id: f.severity for f in a.red_flags}
    assert a.legal.outcome == legal
    assert [d.rule for d in a.legal.duties] == duties
    assert a.recommendation.outcome == recommendation
    for flag, severity in raised.items():
        assert flags.get(flag) == severity, f"{flag}: {flags.get(flag)} != {severity}"
    assert not absent & set(flags), f"unexpected {absent & set(flags)}"


def test_listed_end_user_hit_is_explained(assessments: dict[str, Assessment]) -> None:
    hit = assessments["s01_listed_psb_entity_list"].parties[0].hits[0]
    assert hit.caption == "Urumqi Municipal Public Security Bureau" and hit.relation == "self"
    assert hit.listings[0].effect == "us_licence" and hit.listings[0].listed_on == "2019-10-09"
    assert hit.explanation and hit.explanation[0].query_value


def test_chinese_name_of_a_listed_body_is_found(assessments: dict[str, Assessment]) -> None:
    party = assessments["s02_xpcc_sdn"].parties[0]
    assert party.name == "新疆生产建设兵团" and party.hits[0].caption == "XINJIANG PRODUCTION AND CONSTRUCTION CORPS"
    effects = {li.effect for li in party.hits[0].listings}
    assert {"asset_freeze", "us_licence"} <= effects
    dismissed = [h for h in party.possible_matches if h.dismissed]
    assert any("PUBLIC SECURITY BUREAU" in h.caption for h in dismissed)  # the XPCC's PSB is another body


def test_subordinate_bureau_resolves_to_its_listed_parent(assessments: dict[str, Assessment]) -> None:
    party = assessments["s05_subordinate_bureau"].parties[0]
    assert party.hits[0].relation == "subunit_of" and party.hits[0].via == "乌鲁木齐市公安局"
    assert party.region == "CN-XJ"


def test_unlisted_bureau_is_not_confused_with_listed_ones(assessments: dict[str, Assessment]) -> None:
    for name in ("s03_unlisted_psb", "s08_morpho_2015", "s09_morpho_2022"):
        party = assessments[name].parties[0]
        assert not party.hits
        assert all(h.dismissed for h in party.possible_matches if h.score >= 0.7)


def test_dates_decide_the_legal_outcome(assessments: dict[str, Assessment]) -> None:
    before, after = assessments["s08_morpho_2015"], assessments["s09_morpho_2022"]
    assert before.products[0].art5.candidate and not before.products[0].art5.in_force
    assert after.products[0].art5.applies
    old, new = assessments["s12_spyware_egypt_2013"], assessments["s13_spyware_egypt_2024"]
    assert {e.id: e.in_force for e in old.products[0].control_entries}["4A005"] is False
    assert {e.id: e.in_force for e in new.products[0].control_entries}["4A005"] is True


def test_plain_camera_routes_to_human_rights_diligence_only(assessments: dict[str, Assessment]) -> None:
    a = assessments["s10_plain_camera_sharp_eyes"]
    product = a.products[0]
    assert product.art2_20.verdict == "no" and not product.art5.candidate
    assert [c.id for c in product.categories] == ["T01"]
    assert any(e.negated and e.match == "人脸识别" for e in product.negated_mentions)
    assert a.recommendation.drivers


def test_exporter_classification_contradicted(assessments: dict[str, Assessment]) -> None:
    checks = assessments["s11_imsi_catcher_kenya"].products[0].declared_checks
    assert [(c.entry, c.status) for c in checks] == [("not listed", "contradicted")]


@pytest.mark.parametrize("name", [s[0] for s in SCENARIOS])
def test_every_finding_names_its_source_and_reports_render(assessments: dict[str, Assessment], name: str) -> None:
    a = assessments[name]
    assert all(f.sources for f in a.findings)
    assert all(f.sources for f in a.red_flags)
    assert set(a.recommendation.drivers) <= {f.id for f in a.findings}
    assert a.ruleset.version and a.screening.lists and a.screening.algorithm_name
    html = render_report(a, "html").decode("utf-8")
    assert a.legal.outcome in html and a.recommendation.outcome in html and "Signature" in html
    assert from_json(render_report(a, "json").decode("utf-8")) == a
