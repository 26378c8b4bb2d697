"""exportguard's own endpoints: /screen, /lists, /assessments with their reports, /audit."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.api.conftest import KEYS

CASE = Path(__file__).parent.parent / "fixtures" / "api" / "case_xpcc.json"


def test_screen_answers_like_the_cli(viewer: httpx.Client) -> None:
    resp = viewer.post("/screen", json={"name": "Hikvision", "countries": ["China"], "limit": 3})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert set(body) == {"query", "results", "algorithm", "lists"}
    assert body["query"]["countries"] == ["cn"]  # the query as validated
    top = body["results"][0]
    assert "HIKVISION" in top["caption"].upper() and top["match"] is True
    assert {"source", "entity_id", "sub_list", "programmes", "listed_on"} == set(top["sources"][0])
    assert {"feature", "score", "weight", "detail", "query_value", "candidate_value"} == set(
        top["explanation"][0]
    )
    assert len(body["results"]) <= 3
    only = viewer.post("/screen", json={"name": "Hikvision", "sources": ["us_bis_dpl"]}).json()
    assert [v["source"] for v in only["lists"]] == ["us_bis_dpl"]


def test_screen_refuses_unknown_fields_and_bad_names(viewer: httpx.Client) -> None:
    extra = viewer.post("/screen", json={"name": "Hikvision", "nationality": "cn"})
    assert extra.status_code == 422 and extra.json()["code"] == "invalid_request"
    control = viewer.post("/screen", json={"name": "Hik\u0007vision"})
    assert control.status_code == 422 and control.json()["code"] == "invalid_input"
    assert "control characters" in control.json()["detail"]


def test_lists(viewer: httpx.Client) -> None:
    body = viewer.get("/lists").json()
    by_source = {item["source"]: item for item in body["lists"]}
    assert {"us_ofac_sdn", "un_sc_sanctions", "us_bis_dpl", "eu_fsf"} <= set(by_source)
    sdn = by_source["us_ofac_sdn"]
    assert sdn["as_of"] == "2024-05-03" and sdn["origin"] == "bundle" and "sanctions" in sdn["groups"]
    assert sdn["age_days"] > 0 and sdn["stale"] is True  # the bundled snapshot is old
    assert len(body["fingerprint"]) == 16


def test_assessment_is_stored_reported_and_audited(analyst: httpx.Client, admin: httpx.Client) -> None:
    case = CASE.read_bytes()
    resp = analyst.post("/assessments", content=case, headers={"content-type": "application/json"})
    assert resp.status_code == 201, resp.text
    created = resp.json()
    assessment_id = created["id"]
    assert resp.headers["location"].endswith(f"/assessments/{assessment_id}")
    assert created["case"] == json.loads(case)
    assessment = created["assessment"]
    assert assessment["reference"] == "API-XPCC"
    assert assessment["legal"]["outcome"] == "STOP_SANCTIONS"  # the XPCC is an OFAC SDN
    assert created["actor"].startswith("analyst:") and KEYS["analyst"] not in created["actor"]

    again = analyst.get(f"/assessments/{assessment_id}").json()
    assert again["assessment"] == assessment and again["digest"] == created["digest"]

    html = analyst.get(f"/assessments/{assessment_id}/report.html")
    assert html.headers["content-type"].startswith("text/html") and "API-XPCC" in html.text
    pdf = analyst.get(f"/assessments/{assessment_id}/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    audit = admin.get("/audit", params={"limit": 1000}).json()
    assert audit["ok"] is True and audit["problem"] is None
    entry = next(e for e in audit["log"] if e["subject"] == assessment_id)
    assert entry["action"] == "assessment.created" and entry["actor"] == created["actor"]
    assert entry["details"]["digest"] == created["digest"]
    assert audit["head"] == audit["log"][-1]["hash"]


def test_bad_case_names_the_field(analyst: httpx.Client) -> None:
    bad = json.loads(CASE.read_text("utf-8"))
    bad["parties"][0]["role"] = "buyer"  # the one fault
    resp = analyst.post("/assessments", json=bad)
    assert resp.status_code == 422 and resp.json()["code"] == "invalid_input"
    assert "parties[0].role" in resp.json()["detail"] and "buyer" in resp.json()["detail"]
    not_object = analyst.post("/assessments", json=["a", "list"])
    assert not_object.status_code == 422 and not_object.json()["code"] == "invalid_request"
