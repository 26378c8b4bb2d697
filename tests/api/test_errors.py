"""Bad requests each get their documented 4xx, in the one error envelope — never a 500."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from exportguard.api.errors import ERROR_CODES
from tests.api.conftest import MAX_BODY, MAX_QUERIES

DOCS = Path(__file__).parent.parent.parent / "docs" / "api.md"
KIM = {"schema": "Person", "properties": {"name": ["Kim Jong Un"]}}


def assert_error(resp: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == "application/json"
    body = resp.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == status and body["code"] == code
    assert isinstance(body["detail"], str) and body["detail"]
    assert ERROR_CODES[code][0] == status
    return body


def test_malformed_json(viewer: httpx.Client) -> None:
    headers = {"content-type": "application/json"}
    assert_error(
        viewer.post("/match/default", content=b'{"queries": {', headers=headers), 400, "malformed_json"
    )
    assert_error(viewer.post("/screen", content=b"name=Kim", headers=headers), 400, "malformed_json")


def test_unknown_schema(viewer: httpx.Client) -> None:
    body = {"queries": {"q": {"schema": "Starship", "properties": {"name": ["Enterprise"]}}}}
    found = assert_error(viewer.post("/match/default", json=body), 422, "unknown_schema")
    assert "queries.q.schema" in str(found["detail"])
    assert_error(
        viewer.get("/search/default", params={"q": "x", "schema": "Starship"}), 422, "unknown_schema"
    )
    assert_error(viewer.post("/screen", json={"name": "Kim", "schema": "Starship"}), 422, "unknown_schema")


def test_unknown_dataset(viewer: httpx.Client) -> None:
    found = assert_error(viewer.post("/match/nowhere", json={"queries": {"q": KIM}}), 404, "unknown_dataset")
    assert "sanctions" in str(found["detail"])  # names the datasets there are
    resp = viewer.post("/match/default", json={"queries": {"q": KIM}}, params={"include_dataset": "nowhere"})
    assert_error(resp, 404, "unknown_dataset")
    assert_error(viewer.get("/search/xx", params={"q": "Kim"}), 404, "unknown_dataset")
    assert_error(viewer.get("/reconcile/xx"), 404, "unknown_dataset")


def test_unknown_source_in_screen(viewer: httpx.Client) -> None:
    assert_error(viewer.post("/screen", json={"name": "Kim", "sources": ["xx_list"]}), 422, "unknown_source")


def test_oversized_body_declared(viewer: httpx.Client) -> None:
    padding = "x" * (MAX_BODY + 1)
    body = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Kim"], "notes": [padding]}}}}
    assert_error(viewer.post("/match/default", json=body), 413, "body_too_large")


def test_oversized_body_streamed(viewer: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the server must count as it reads
        yield b'{"queries": {"q": {"schema": "Person", "properties": {"name": ["Kim"], "notes": ["'
        for _ in range(MAX_BODY // 1024 + 2):
            yield b"x" * 1024
        yield b'"]}}}}'

    resp = viewer.post("/match/default", content=chunks(), headers={"content-type": "application/json"})
    assert_error(resp, 413, "body_too_large")


def test_too_many_queries(viewer: httpx.Client) -> None:
    queries = {f"q{i}": KIM for i in range(MAX_QUERIES + 1)}
    found = assert_error(viewer.post("/match/default", json={"queries": queries}), 413, "too_many_queries")
    assert str(MAX_QUERIES) in str(found["detail"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"queries": {"q": {"schema": "Person", "properties": {"name": [7]}}}}, "name"),
        ({"queries": {"q": {"schema": "Person", "properties": {"birthDate": ["1984"]}}}}, "name"),
        (
            {
                "queries": {
                    "q": {"schema": "Person", "properties": {"birthDate": ["1984-13-45"], "name": ["K"]}}
                }
            },
            "birthDate",
        ),
        (
            {"queries": {"q": {"schema": "Person", "properties": {"country": ["Atlantis"], "name": ["K"]}}}},
            "country",
        ),
        ({"queries": {}}, "queries"),
        ({"queries": {"q": KIM}, "config": {"nm_number_mismatch": 0.4}}, "config"),
    ],
)
def test_invalid_match_queries(viewer: httpx.Client, body: dict[str, object], field: str) -> None:
    found = viewer.post("/match/default", json=body).json()
    assert found["status"] == 422 and found["code"] == "invalid_request", found
    assert field in str(found["detail"])


def test_invalid_parameters_list_the_fields(viewer: httpx.Client) -> None:
    resp = viewer.post("/match/default", json={"queries": {"q": KIM}}, params={"limit": 0, "threshold": 2})
    found = assert_error(resp, 422, "invalid_request")
    assert {tuple(e["loc"]) for e in found["errors"]} == {("query", "limit"), ("query", "threshold")}  # type: ignore[union-attr, index]


def test_missing_and_wrong_keys(anonymous: httpx.Client) -> None:
    for path in ("/catalog", "/lists", "/entities/us_ofac_sdn-20157"):
        resp = anonymous.get(path)
        assert_error(resp, 401, "missing_api_key")
        assert resp.headers["www-authenticate"].startswith("ApiKey")
    assert_error(
        anonymous.get("/catalog", headers={"X-API-Key": "not-a-key-at-all-xyz"}), 401, "invalid_api_key"
    )
    assert_error(
        anonymous.get("/catalog", headers={"Authorization": "Basic dXNlcjpwYXNz"}), 401, "invalid_api_key"
    )
    assert_error(anonymous.post("/match/default", json={"queries": {"q": KIM}}), 401, "missing_api_key")


def test_roles(viewer: httpx.Client, analyst: httpx.Client, admin: httpx.Client) -> None:
    assert_error(viewer.get("/audit"), 403, "insufficient_role")
    assert_error(analyst.get("/audit"), 403, "insufficient_role")
    assert admin.get("/audit").status_code == 200
    assert_error(viewer.post("/assessments", json={}), 403, "insufficient_role")
    assert_error(viewer.get("/assessments/" + "0" * 32), 403, "insufficient_role")
    assert_error(analyst.get("/assessments/" + "0" * 32), 404, "assessment_not_found")


def test_unknown_endpoint_and_method(viewer: httpx.Client) -> None:
    assert_error(viewer.get("/no/such/thing"), 404, "not_found")
    resp = viewer.put("/reconcile/default")
    assert_error(resp, 405, "method_not_allowed")
    assert resp.headers["allow"] == "GET, POST"


def test_every_code_is_in_the_openapi_schema_and_the_docs(anonymous: httpx.Client) -> None:
    schema = anonymous.get("/openapi.json").json()
    text = str(schema)
    documented = set(re.findall(r"`([a-z_]+)`: ", text))
    assert set(ERROR_CODES) - {"not_found", "method_not_allowed"} <= documented
    assert schema["components"]["schemas"]["ErrorResponse"]["required"] == ["status", "code", "detail"]
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for status, response in op["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorResponse"), (method, path, status)
    docs = DOCS.read_text("utf-8")
    for code, (status, _meaning) in ERROR_CODES.items():
        assert re.search(rf"^\| `{code}` \| {status} \|", docs, flags=re.M), (
            f"{code} missing from docs/api.md"
        )
