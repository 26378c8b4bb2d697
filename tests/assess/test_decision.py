"""The decision rules one at a time, with a fake screening engine: legal outcome apart from the
recommendation, the relation that carries a listing, dates of listings, US jurisdiction."""

from __future__ import annotations

from datetime import UTC, datetime

from exportguard.assess.engine import assess_case
from exportguard.assess.results import Assessment
from tests.assess.fakes import ENTITY_LIST, SDN, FakeScreener, listing, make_case, result

NOW = datetime(2025, 6, 1, tzinfo=UTC)
XPCC = result("XINJIANG PRODUCTION AND CONSTRUCTION CORPS", 1.0, listing("us_ofac_sdn", "SDN List", ["GLOMAG"]), listing("us_trade_csl", ENTITY_LIST, [], "2021-06-24"))
URUMQI = result("Urumqi Municipal Public Security Bureau", 1.0, listing("us_trade_csl", ENTITY_LIST, [], "2019-10-09"))
FR = "Live facial recognition against watchlists"


def run(screener: FakeScreener, **kwargs: str) -> Assessment:
    return assess_case(make_case(**kwargs), screener, now=NOW)


def flags(a: Assessment) -> dict[str, str]:
    return {f.id: f.severity for f in a.red_flags}


def test_asset_freeze_on_the_party_is_a_hard_stop() -> None:
    a = run(FakeScreener({"Xinjiang Production and Construction Corps": [XPCC]}), destination="CN",
            parties="  - {role: end_user, name: Xinjiang Production and Construction Corps, country: CN}")
    assert a.legal.outcome == "STOP_SANCTIONS" and a.recommendation.outcome == "REFUSE"
    assert flags(a)["E1"] == "hard_stop"
    hit_finding = next(f for f in a.findings if f.rule.startswith("SCREEN-"))
    assert hit_finding.sources[0].evidence == "L" and "as of 2024-05-03" in hit_finding.sources[0].title


def test_listed_parent_presumes_ownership() -> None:
    a = run(FakeScreener({"Xinjiang Production and Construction Corps": [XPCC]}), destination="CN",
            parties="  - {role: end_user, name: 'Tianshan Trading Co., Ltd.', country: CN, parent: Xinjiang Production and Construction Corps}")
    assert a.legal.outcome == "STOP_SANCTIONS"
    assert flags(a)["E2"] == "hard_stop" and "E1" not in flags(a)
    assert any(q.id.endswith("OWNERSHIP") for q in a.recommendation.open_questions)


def test_administering_body_is_a_red_flag_not_a_legal_stop() -> None:
    a = run(FakeScreener({"Xinjiang Production and Construction Corps": [XPCC]}), destination="CN", description="Emotion recognition for research",
            parties="  - {role: end_user, name: Shihezi University, country: CN}")
    assert a.legal.outcome == "NOTIFY_AUTHORITY"  # Art. 5(2): emotion recognition + critical findings
    assert flags(a)["E3"] == "critical" and "E1" not in flags(a)
    assert a.parties[0].hits[0].relation == "administered_by"
    assert any(q.id.endswith("OWNERSHIP") for q in a.recommendation.open_questions)


def test_entity_list_depends_on_us_jurisdiction() -> None:
    parties = "  - {role: end_user, name: Urumqi Municipal Public Security Bureau, country: CN}"
    screener = FakeScreener({"Urumqi Municipal Public Security Bureau": [URUMQI]})
    unknown = run(screener, destination="CN", parties=parties, description="IP camera")
    assert [d.rule for d in unknown.legal.duties] == ["L-ENTITY-LIST"]
    assert any(q.id.endswith("EAR") for q in unknown.recommendation.open_questions)
    not_ear = assess_case(make_case(destination="CN", parties=parties, description="IP camera\n    subject_to_ear: false"), screener, now=NOW)
    assert not_ear.legal.outcome == "NO_LEGAL_REQUIREMENT_FOUND"
    assert any(f.rule == "L-ENTITY-LIST" and f.severity == "info" for f in not_ear.findings)
    us_origin = assess_case(make_case(destination="CN", parties=parties, description="IP camera\n    origin: US"), screener, now=NOW)
    assert us_origin.legal.outcome == "LICENCE_REQUIRED"
    assert not any(q.id.endswith("EAR") for q in us_origin.recommendation.open_questions)


def test_listing_after_the_case_date_creates_no_duty() -> None:
    a = run(FakeScreener({"Urumqi Municipal Public Security Bureau": [URUMQI]}), destination="CN", date="2018-03-01", description="IP camera",
            parties="  - {role: end_user, name: Urumqi Municipal Public Security Bureau, country: CN}")
    assert a.legal.outcome == "NO_LEGAL_REQUIREMENT_FOUND"
    assert any(f.rule == "SCREEN-LATER-LISTING" for f in a.findings)
    assert a.recommendation.outcome == "REFUSE"  # a public security bureau in Xinjiang


def test_investment_ban_alone_is_aggravating() -> None:
    cmic = result("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", 1.0, listing("us_ofac_cons", "Consolidated List", ["CMIC-EO13959"]))
    a = run(FakeScreener({"Hikvision": [cmic]}), destination="CN", parties="  - {role: consignee, name: Hikvision, country: CN}\n  - {role: end_user, name: Hangzhou Metro Co., country: CN}")
    assert a.legal.outcome == "NO_LEGAL_REQUIREMENT_FOUND"
    assert flags(a)["E1"] == "aggravating"
    assert a.parties[0].hits[0].listings[0].effect == "investment_ban"


def test_possible_match_asks_for_review() -> None:
    near = result("Acme Retail Holdings", 0.65, listing("us_trade_csl", SDN, ["SDGT"]))
    a = run(FakeScreener({"Acme Retail AS": [near]}))
    assert a.recommendation.outcome == "ESCALATE" and a.recommendation.rule == "R-REVIEW"
    assert a.parties[0].possible_matches and not a.parties[0].hits
    assert any(q.id.endswith("MATCH") for q in a.recommendation.open_questions)


def test_benign_plain_camera_proceeds_without_conditions() -> None:
    a = run(FakeScreener())
    assert (a.legal.outcome, a.recommendation.outcome) == ("NO_LEGAL_REQUIREMENT_FOUND", "PROCEED")
    assert not a.recommendation.conditions and not a.red_flags


def test_authority_notice_is_a_hard_stop_and_a_licence_duty() -> None:
    a = run(FakeScreener(), description=FR, extra="authority_informed: true\n")
    assert [d.rule for d in a.legal.duties] == ["L-ART5-1"]
    assert a.recommendation.outcome == "REFUSE" and flags(a)["R1"] == "hard_stop"


def test_opaque_chain_is_not_awareness() -> None:
    a = run(FakeScreener(), description="Video analytics - people counting", destination="CN", parties="  - {role: reseller, name: 'Acme Trading Co., Ltd.', country: CN}")
    assert a.products[0].art5.applies
    assert flags(a)["E6"] == "critical" and [f for f, s in flags(a).items() if s == "critical"] == ["E6"]
    assert a.legal.outcome == "NO_LEGAL_REQUIREMENT_FOUND"  # grounds for suspicion, not awareness
    assert a.recommendation.outcome == "REFUSE"


def test_conditions_come_with_proceed_with_conditions() -> None:
    a = run(FakeScreener(), description=FR, extra="services: [installation]\n")
    assert a.recommendation.outcome == "PROCEED_WITH_CONDITIONS"
    ids = {c.id for c in a.recommendation.conditions}
    assert {"C01", "C03", "C05"} <= ids
    assert all(c.sources for c in a.recommendation.conditions)


def test_intra_eu_and_non_eu_exporters_have_no_eu_duties() -> None:
    intra = run(FakeScreener(), description="IMSI catcher", destination="DE", parties="  - {role: end_user, name: Landeskriminalamt Berlin, country: DE}")
    assert intra.legal.outcome == "NO_LEGAL_REQUIREMENT_FOUND" and any(f.rule == "SCOPE-INTRA-EU" for f in intra.findings)
    outside = run(FakeScreener(), description="IMSI catcher", exporter="US")
    assert outside.legal.outcome == "NO_LEGAL_REQUIREMENT_FOUND" and any(f.rule == "SCOPE-NON-EU" for f in outside.findings)
    assert any(q.id.endswith("SCOPE") for q in outside.recommendation.open_questions)


def test_every_finding_names_a_source() -> None:
    a = run(FakeScreener({"Urumqi Municipal Public Security Bureau": [URUMQI]}), description=FR, destination="CN",
            parties="  - {role: end_user, name: Urumqi Municipal Public Security Bureau, country: CN}", extra="services: [updates]\n")
    assert a.findings and all(f.sources for f in a.findings)
    assert all(r.sources for r in a.red_flags)


def test_restrictive_measures_take_their_own_severity() -> None:
    russia = run(FakeScreener(), destination="RU", date="2024-02-01", description="Thermal camera", parties="  - {role: end_user, name: OOO Sklad, country: RU}")
    assert flags(russia)["D5"] == "critical"
    assert any(q.id.endswith("MEASURES") for q in russia.recommendation.open_questions)
    china = run(FakeScreener(), destination="CN", description="IP camera", parties="  - {role: end_user, name: Hangzhou Metro Co., country: CN}")
    assert flags(china)["D5"] == "aggravating"
    assert not any(q.id.endswith("MEASURES") for q in china.recommendation.open_questions)


def test_surveillance_item_without_end_user_escalates() -> None:
    a = run(FakeScreener(), description=FR, parties="  []")
    assert (a.recommendation.outcome, a.recommendation.rule) == ("ESCALATE", "R-REVIEW")
    assert a.recommendation.conditions  # conditions to impose once the end user is known
    assert any(q.id.endswith("END-USER") for q in a.recommendation.open_questions)
