"""The JSON report: the whole ``Assessment`` (schema ``exportguard.assessment/1``).

The JSON Schema is generated from the models (``json_schema()``) and kept in
``reports/schema/assessment.schema.json``; a test fails when the two differ.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from exportguard.assess.results import SCHEMA_ID, Assessment


def to_json(assessment: Assessment) -> str:
    return assessment.model_dump_json(by_alias=True, indent=2) + "\n"


def from_json(text: str) -> Assessment:
    """Read a JSON report back (validates it against the models)."""
    return Assessment.model_validate_json(text)


def json_schema() -> dict[str, Any]:
    schema = Assessment.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = f"https://exportguard.invalid/schema/{SCHEMA_ID}"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_path() -> Path:
    return Path(str(resources.files("exportguard.reports").joinpath("schema", "assessment.schema.json")))
