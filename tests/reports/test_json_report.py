"""The JSON report carries the whole assessment and follows the documented schema."""

from __future__ import annotations

import json

from exportguard.assess.results import SCHEMA_ID, Assessment
from exportguard.reports.jsonreport import from_json, schema_path, schema_text, to_json


def test_schema_file_is_in_sync_with_the_models() -> None:
    assert schema_path().read_text("utf-8") == schema_text(), "regenerate reports/schema/assessment.schema.json (see docs/case-file.md)"


def test_json_round_trips_and_names_its_schema(s01: Assessment) -> None:
    text = to_json(s01)
    data = json.loads(text)
    assert data["schema"] == SCHEMA_ID
    assert data["legal"]["outcome"] == "LICENCE_REQUIRED" and data["recommendation"]["outcome"] == "REFUSE"
    assert data["ruleset"]["fingerprint"] and data["screening"]["lists"]
    assert from_json(text) == s01


def test_every_documented_top_level_field_is_present(s01: Assessment) -> None:
    schema = json.loads(schema_text())
    data = json.loads(to_json(s01))
    assert set(schema["required"]) <= set(data)
    assert set(data) <= set(schema["properties"])
