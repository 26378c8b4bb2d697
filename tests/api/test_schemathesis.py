"""Property-based tests of every operation in the OpenAPI schema, against the real server.

schemathesis generates valid and (separately) invalid requests from ``/openapi.json``; every answer
must be documented (status code, content type, body schema) and none may be a server error. One
check is left out: ``positive_data_acceptance``, because the engine rightly refuses some requests
that JSON Schema cannot describe (names made only of control or unassigned characters, identifiers
too short to compare) with a documented 422. Examples are derandomised, so runs are repeatable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import KEYS, Server

EXAMPLES = 10


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_errors_and_every_answer_documented(
    api_server: Server, mode: GenerationMode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # schemathesis keeps a cache in the working directory
    schema = schemathesis.openapi.from_url(f"{api_server.url}/openapi.json")
    headers = {"Authorization": f"ApiKey {KEYS['admin']}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        try:
            check()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # nothing in this operation can be made invalid
