"""The Reconciliation Service API 0.2, following the specification's examples and checked against
its JSON schemas (copied into tests/fixtures/api/reconcile, see the README there)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import jsonschema_rs
import pytest

from tests.api.conftest import KEYS, MAX_QUERIES, Server

SPEC = Path(__file__).parent.parent / "fixtures" / "api" / "reconcile"
BASE = "https://reconciliation-api.github.io/specs/0.2/schemas/"


def validator(name: str) -> Any:
    """A validator for one of the specification's schemas (its ``$ref``s resolved locally)."""

    def retrieve(uri: str) -> Any:
        assert uri.startswith(BASE), uri
        return json.loads((SPEC / uri[len(BASE) :]).read_text("utf-8"))

    return jsonschema_rs.validator_for(json.loads((SPEC / name).read_text("utf-8")), retriever=retrieve)


def example(name: str) -> str:
    text = (SPEC / name).read_text("utf-8")
    validator("reconciliation-query-batch.json").validate(json.loads(text))  # the example itself is valid
    return text


def test_manifest_is_public_and_valid(anonymous: httpx.Client, api_server: Server) -> None:
    resp = anonymous.get("/reconcile/default")
    assert resp.status_code == 200
    manifest = resp.json()
    validator("manifest.json").validate(manifest)
    assert "0.2" in manifest["versions"]
    assert manifest["authentication"] == {"type": "apiKey", "name": "api_key", "in": "query"}
    assert manifest["batchSize"] == MAX_QUERIES
    assert {t["id"] for t in manifest["defaultTypes"]} >= {"Person", "Organization", "LegalEntity"}
    assert manifest["suggest"]["entity"]["service_url"] == f"{api_server.url}/reconcile/default"
    keyed = anonymous.get("/reconcile/sanctions", params={"api_key": KEYS["viewer"]}).json()
    assert keyed["suggest"]["type"]["service_path"] == f"/suggest/type?api_key={KEYS['viewer']}"


def test_minimal_batch_from_the_specification(anonymous: httpx.Client) -> None:
    batch = example("example-min.json")
    resp = anonymous.post("/reconcile/default", data={"queries": batch}, params={"api_key": KEYS["viewer"]})
    assert resp.status_code == 200, resp.text
    result = resp.json()
    validator("reconciliation-result-batch.json").validate(result)
    assert set(result) == {"q1", "q2"}


def test_full_batch_finds_the_listed_parties(viewer: httpx.Client) -> None:
    resp = viewer.post("/reconcile/default", data={"queries": example("example-full.json")})
    assert resp.status_code == 200, resp.text
    result = resp.json()
    validator("reconciliation-result-batch.json").validate(result)
    kim = result["q0"]["result"][0]
    assert kim["id"] == "us_ofac_sdn-20157" and kim["match"] is True
    assert kim["type"][0]["id"] == "Person"
    assert {f["id"] for f in kim["features"]} >= {"name"}
    assert len(result["q0"]["result"]) <= 5
    assert result["q1"]["result"][0]["name"] == "YAS AIR"
    scores = [c["score"] for c in result["q1"]["result"]]
    assert scores == sorted(scores, reverse=True)


def test_multi_values_and_get_requests(viewer: httpx.Client) -> None:
    batch = example("example-multi-values.json")
    resp = viewer.get("/reconcile/sanctions", params={"queries": batch})
    assert resp.status_code == 200, resp.text
    validator("reconciliation-result-batch.json").validate(resp.json())
    assert "Chongchongang" in resp.json()["q0"]["result"][0]["name"]


def test_suggest_services(viewer: httpx.Client) -> None:
    entities = viewer.get("/reconcile/default/suggest/entity", params={"prefix": "Yas Air"}).json()
    validator("suggest-entities-response.json").validate(entities)
    assert entities["result"][0]["name"] == "YAS AIR"
    types = viewer.get("/reconcile/default/suggest/type", params={"prefix": "per"}).json()
    validator("suggest-types-response.json").validate(types)
    assert [t["id"] for t in types["result"]] == ["Person"]
    props = viewer.get("/reconcile/default/suggest/property", params={"prefix": "birth"}).json()
    validator("suggest-properties-response.json").validate(props)
    assert [p["id"] for p in props["result"]] == ["birthDate"]


def test_preview_is_escaped_html(viewer: httpx.Client) -> None:
    resp = viewer.get("/reconcile/default/preview", params={"id": "us_ofac_sdn-20157"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    assert "KIM, Jong Un" in resp.text and "DPRK3" in resp.text
    assert (
        viewer.get("/reconcile/default/preview", params={"id": "nope-1"}).json()["code"] == "entity_not_found"
    )


@pytest.mark.parametrize(
    ("queries", "status", "code"),
    [
        ("{not json", 400, "malformed_json"),
        ('["a list"]', 422, "invalid_request"),
        (json.dumps({"q": {"limit": 1}}), 422, "invalid_request"),  # the specification's invalid example
        (json.dumps({"q": {"query": "x", "bogus": 1}}), 422, "invalid_request"),
        (json.dumps({"q": {"query": "Kim", "type": "Starship"}}), 422, "unknown_schema"),
        (
            json.dumps({"q": {"query": "Kim", "properties": [{"pid": "shoeSize", "v": "9"}]}}),
            422,
            "invalid_request",
        ),
        (json.dumps({f"q{i}": {"query": "Kim"} for i in range(MAX_QUERIES + 1)}), 413, "too_many_queries"),
    ],
)
def test_bad_batches(viewer: httpx.Client, queries: str, status: int, code: str) -> None:
    resp = viewer.post("/reconcile/default", data={"queries": queries})
    assert resp.status_code == status, resp.text
    assert resp.json()["code"] == code


def test_queries_need_a_key_but_the_manifest_does_not(anonymous: httpx.Client) -> None:
    batch = example("example-min.json")
    assert anonymous.get("/reconcile/default", params={"queries": batch}).status_code == 401
    assert anonymous.post("/reconcile/default", data={"queries": batch}).status_code == 401
    wrong = anonymous.get("/reconcile/default/suggest/type", params={"prefix": "p", "api_key": "x" * 20})
    assert wrong.status_code == 401 and wrong.json()["code"] == "invalid_api_key"
