"""The yente protocol against the real server: shapes field for field, parameters, datasets."""

from __future__ import annotations

import httpx

KIM = {
    "schema": "Person",
    "properties": {"name": ["Kim Jong Un"], "nationality": ["kp"], "birthDate": ["1984-01-08"]},
}
KIM_ID = "us_ofac_sdn-20157"
ENTITY_FIELDS = {
    "id", "caption", "schema", "properties", "datasets", "referents", "target", "first_seen", "last_seen",
    "last_change",
}  # fmt: skip


def match(
    client: httpx.Client, queries: dict[str, object], path: str = "/match/default", **params: object
) -> httpx.Response:
    return client.post(path, json={"queries": queries}, params=params)


def test_match_answers_in_yente_shape(viewer: httpx.Client) -> None:
    resp = match(viewer, {"kim": KIM, "nobody": {"schema": "Person", "properties": {"name": "Qwzx Vbnmlk"}}})
    assert resp.status_code == 200, resp.text
    assert resp.headers["x-batch-size"] == "2"
    body = resp.json()
    assert set(body) == {"responses", "limit", "algorithm", "lists"}
    assert body["limit"] == 5
    assert body["algorithm"]["name"] and body["algorithm"]["version"]
    assert {v["source"] for v in body["lists"]} >= {"us_ofac_sdn", "un_sc_sanctions", "us_bis_dpl"}
    kim = body["responses"]["kim"]
    assert set(kim) == {"status", "results", "total", "query"}
    assert kim["status"] == 200
    assert kim["query"] == {"id": None, "schema": "Person", "properties": KIM["properties"]}
    top = kim["results"][0]
    assert set(top) == ENTITY_FIELDS | {"score", "match", "explanations", "features"}
    assert top["id"] == KIM_ID and top["schema"] == "Person" and top["target"] is True
    assert top["match"] is True and 0.7 <= top["score"] <= 1.0
    assert "us_ofac_sdn" in top["datasets"] and "sanction" in top["properties"]["topics"]
    assert "1984-01-08" in top["properties"]["birthDate"]
    assert top["last_seen"] == "2024-05-03"  # the bundled SDN list's as-of date
    name = top["explanations"]["name"]
    assert set(name) == {"score", "detail", "query", "candidate"}
    assert name["query"] == "Kim Jong Un" and "KIM" in name["candidate"].upper()
    assert top["features"]["name"] == name["score"]
    assert kim["total"] == {"value": sum(r["match"] for r in kim["results"]), "relation": "eq"}
    assert body["responses"]["nobody"]["results"] == []
    assert body["responses"]["nobody"]["total"]["value"] == 0


def test_threshold_and_cutoff(viewer: httpx.Client) -> None:
    strict = match(viewer, {"q": KIM}, threshold=1.0, cutoff=0.5).json()["responses"]["q"]
    assert strict["results"], "results down to the cutoff are returned"
    assert all(r["match"] == (r["score"] >= 1.0) for r in strict["results"])
    none = match(viewer, {"q": {"schema": "Person", "properties": {"name": ["Kim"]}}}, cutoff=0.99)
    assert all(r["score"] >= 0.99 for r in none.json()["responses"]["q"]["results"])


def test_dataset_selects_sources(viewer: httpx.Client) -> None:
    dpl = match(viewer, {"q": KIM}, path="/match/us_bis_dpl").json()
    assert dpl["responses"]["q"]["results"] == []
    assert [v["source"] for v in dpl["lists"]] == ["us_bis_dpl"]
    sanctions = match(viewer, {"q": KIM}, path="/match/sanctions").json()
    assert sanctions["responses"]["q"]["results"][0]["id"] == KIM_ID
    assert "us_bis_dpl" not in {v["source"] for v in sanctions["lists"]}
    excluded = match(viewer, {"q": KIM}, exclude_dataset=["us_ofac_sdn", "us_trade_csl"]).json()
    assert all("us_ofac_sdn" not in r["datasets"] for r in excluded["responses"]["q"]["results"])
    left_out = match(viewer, {"q": KIM}, exclude_entity_ids=[KIM_ID]).json()
    assert KIM_ID not in {r["id"] for r in left_out["responses"]["q"]["results"]}


def test_algorithm_names(viewer: httpx.Client) -> None:
    algos = viewer.get("/algorithms").json()
    name = algos["default"]
    assert algos["best"] == name and [a["name"] for a in algos["algorithms"]] == [name]
    assert set(algos["algorithms"][0]["features"]) == {
        "name",
        "birth_date",
        "country",
        "identifier",
        "address",
    }
    for alias in ("best", "default", name):
        assert match(viewer, {"q": KIM}, algorithm=alias).status_code == 200
    wrong = match(viewer, {"q": KIM}, algorithm="logic-v2")
    assert wrong.status_code == 422 and wrong.json()["code"] == "unknown_algorithm"


def test_search_with_facets(viewer: httpx.Client) -> None:
    resp = viewer.get("/search/default", params={"q": "Hikvision", "limit": 3})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert set(body) == {"limit", "offset", "total", "results", "facets"}
    assert set(body["facets"]) == {"countries", "topics", "datasets"}
    first = body["results"][0]
    assert set(first) == ENTITY_FIELDS and "HIKVISION" in first["caption"].upper()
    datasets = {v["name"]: v["count"] for v in body["facets"]["datasets"]["values"]}
    assert datasets and all(count >= 1 for count in datasets.values())
    assert {v["label"] for v in body["facets"]["countries"]["values"]} >= {"China"}
    vessels = viewer.get("/search/default", params={"q": "Hikvision", "schema": "Vessel"}).json()
    assert vessels["results"] == [] and vessels["total"]["value"] == 0
    params = {"q": "Hikvision", "exclude_schema": "Organization"}
    assert all(
        r["schema"] != "Organization" for r in viewer.get("/search/default", params=params).json()["results"]
    )


def test_entity_with_nested_designations(viewer: httpx.Client) -> None:
    entity = viewer.get(f"/entities/{KIM_ID}").json()
    assert set(entity) == ENTITY_FIELDS
    assert entity["caption"] == "KIM, Jong Un"
    sanction = entity["properties"]["sanctions"][0]
    assert sanction["schema"] == "Sanction" and "DPRK3" in sanction["properties"]["program"]
    flat = viewer.get(f"/entities/{KIM_ID}", params={"nested": "false"}).json()
    assert "sanctions" not in flat["properties"]
    missing = viewer.get("/entities/us_ofac_sdn-does-not-exist")
    assert missing.status_code == 404 and missing.json()["code"] == "entity_not_found"


def test_catalog_names_every_dataset(viewer: httpx.Client) -> None:
    catalog = viewer.get("/catalog").json()
    names = [d["name"] for d in catalog["datasets"]]
    assert names[:3] == ["default", "sanctions", "export_controls"]
    assert {"us_ofac_sdn", "us_bis_dpl", "un_sc_sanctions"} <= set(names)
    by_name = {d["name"]: d for d in catalog["datasets"]}
    assert "us_bis_dpl" in by_name["export_controls"]["children"]
    assert (
        by_name["us_ofac_sdn"]["updated_at"] == "2024-05-03" and by_name["us_ofac_sdn"]["entity_count"] > 1000
    )
    assert set(catalog) == {"datasets", "current", "outdated", "index_stale"}


def test_health_is_public(anonymous: httpx.Client) -> None:
    assert anonymous.get("/healthz").json() == {"status": "ok"}
    assert anonymous.get("/readyz").json() == {"status": "ok"}
    assert anonymous.get("/match/default").status_code == 405
