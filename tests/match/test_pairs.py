"""Table-driven pairs (tests/fixtures/match/pairs.yml) screened against a small index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from exportguard.index.memory import MemoryStore
from exportguard.match.screener import Screener
from exportguard.match.types import Query
from tests.match.entities import ent, sample

PAIRS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent.parent / "fixtures" / "match" / "pairs.yml").read_text("utf-8")
)


@pytest.fixture(scope="module")
def screener() -> Screener:
    entities = sample()
    for i, pair in enumerate(PAIRS):
        entities.append(ent(f"opensanctions-pair{i}", pair["candidate_schema"], [pair["candidate"]]))
    return Screener(MemoryStore(entities), persist=False)


@pytest.mark.parametrize("i", range(len(PAIRS)), ids=[p["query"] for p in PAIRS])
def test_pair(screener: Screener, i: int) -> None:
    pair = PAIRS[i]
    response = screener.screen(Query(pair["query"], schema=pair.get("schema", "LegalEntity"), limit=50))
    scores = {eid: r.score for r in response.results for eid in r.entity_ids}
    score = scores.get(f"opensanctions-pair{i}", 0.0)
    if pair["match"]:
        assert score >= 0.7, f"{pair['query']!r} ~ {pair['candidate']!r}: {score}"
    else:
        assert score < 0.7, f"{pair['query']!r} !~ {pair['candidate']!r}: {score}"
