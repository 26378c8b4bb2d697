"""Snapshot of one complete JSON report (scenario s01 with the fake screening engine).

A change in the rules, the models or the assessment logic shows up here as a diff to review. To
accept it on purpose, delete tests/fixtures/reports/s01_fake.json and run the test twice (the first
run writes the new snapshot and fails).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from exportguard.assess.results import Assessment
from exportguard.reports.jsonreport import to_json

GOLDEN = Path(__file__).parent.parent / "fixtures" / "reports" / "s01_fake.json"
VOLATILE = {"tool_version": "<tool version>", "generated_at": "<generated at>"}


def _normalised(a: Assessment) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_json(a))
    data.update(VOLATILE)
    data["ruleset"]["fingerprint"] = "<fingerprint>"
    return data


def test_s01_report_matches_the_snapshot(s01: Assessment) -> None:
    current = _normalised(s01)
    if not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", "utf-8")
        raise AssertionError(f"snapshot written to {GOLDEN.name}; review it and run again")
    expected = json.loads(GOLDEN.read_text("utf-8"))
    assert current == expected
