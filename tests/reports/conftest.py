"""Report tests render assessments made with the fake screening engine (no lists are loaded)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from exportguard.assess.caseload import load_case
from exportguard.assess.engine import assess_case
from exportguard.assess.results import Assessment
from tests.assess.fakes import ENTITY_LIST, FakeScreener, listing, result

CASES = Path(__file__).parent.parent / "fixtures" / "cases"
NOW = datetime(2025, 6, 1, tzinfo=UTC)


def urumqi_screener() -> FakeScreener:
    urumqi = result("Urumqi Municipal Public Security Bureau", 1.0, listing("us_trade_csl", ENTITY_LIST, [], "2019-10-09"), rid="NK-urumqi")
    return FakeScreener({"Urumqi Municipal Public Security Bureau": [urumqi]})


@pytest.fixture(scope="session")
def s01() -> Assessment:
    return assess_case(load_case(CASES / "s01_listed_psb_entity_list.yml"), urumqi_screener(), now=NOW)
