"""The W3C / OpenRefine Reconciliation Service API 0.2 on ``/reconcile/{dataset}``.

The service manifest is public (the specification requires it); everything else needs a key when
keys are configured. Clients that cannot set headers pass ``api_key`` in the query string, and the
manifest hands it on in the suggest and preview URLs, as yente does.
"""

from __future__ import annotations

import html
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from exportguard import __version__
from exportguard.api import auth
from exportguard.api.datasets import DEFAULT, GROUPS, check_dataset, select_sources, source_title
from exportguard.api.errors import ApiError, responses
from exportguard.api.reconcile_models import (
    ReconManifest,
    ReconResult,
    SuggestEntityResponse,
    SuggestPropertyResponse,
    SuggestTypeResponse,
)
from exportguard.api.reconcile_terms import (
    PROPERTIES,
    TYPES,
    matches_prefix,
    parse_batch,
    property_json,
    to_screen_queries,
    type_json,
)
from exportguard.api.routers.match import PATH_DATASET
from exportguard.api.screening import Batch, run_batch
from exportguard.api.state import base_url, get_engine, get_settings
from exportguard.match.types import DEFAULT_THRESHOLD, Result
from exportguard.match.types import Query as ScreenQuery

router = APIRouter(tags=["Reconciliation"])

SUGGEST_PAGE = 10
_AUTH_ERRORS = ("missing_api_key", "invalid_api_key", "insufficient_role")
_ERRORS = responses(
    "malformed_json", "invalid_request", "unknown_schema", *_AUTH_ERRORS, "unknown_dataset",
    "too_many_queries", "body_too_large", "unsupported_media_type", "not_ready", "timeout", "internal_error",
)  # fmt: skip


def _features(result: Result) -> list[dict[str, Any]]:
    """Each feature once (the specification wants unique IDs), with its best score."""
    best: dict[str, float] = {}
    for step in result.explanation:
        best[step.feature] = max(step.score, best.get(step.feature, step.score))
    return [{"id": feature, "value": score} for feature, score in best.items()]


def _candidates(batch: Batch, threshold: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, results in batch.results.items():
        out[key] = {
            "result": [
                {
                    "id": r.id,
                    "name": r.caption,
                    "description": f"{TYPES.get(r.schema, (r.schema,))[0]} — {', '.join(s.source for s in r.sources)}",
                    "score": r.score,
                    "match": r.score >= threshold,
                    "type": [type_json(r.schema)]
                    if r.schema in TYPES
                    else [{"id": r.schema, "name": r.schema}],
                    "features": _features(r),
                }
                for r in results
            ]
        }
    return out


async def _reconcile(request: Request, dataset: str, raw: str) -> JSONResponse:
    engine = get_engine(request)
    batch_in = parse_batch(raw, get_settings(request).max_queries)
    sources = select_sources(dataset)
    queries = {k: to_screen_queries(k, q, sources, DEFAULT_THRESHOLD) for k, q in batch_in.items()}
    limit = max((q.limit or 5 for q in batch_in.values()), default=5)
    batch = await run_batch(engine, queries, limit)
    for key, query in batch_in.items():
        batch.results[key] = batch.results[key][: query.limit or 5]
    return JSONResponse(_candidates(batch, DEFAULT_THRESHOLD), headers={"x-batch-size": str(len(batch_in))})


def _manifest(request: Request, dataset: str) -> dict[str, Any]:
    base = base_url(request)
    service = f"{base}/reconcile/{dataset}"
    key = request.query_params.get("api_key")
    passed = f"?{urlencode({'api_key': key})}" if key else ""
    joiner = "&" if passed else "?"
    manifest: dict[str, Any] = {
        "versions": ["0.1", "0.2"],
        "name": f"exportguard: {({DEFAULT: 'all lists', **GROUPS}).get(dataset) or source_title(dataset)}",
        "identifierSpace": f"{base}/entities/",
        "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
        "documentation": f"{base}/docs#tag/Reconciliation",
        "serviceVersion": __version__,
        "defaultTypes": [type_json(t) for t in TYPES],
        "view": {"url": f"{base}/entities/{{{{id}}}}"},
        "preview": {"url": f"{service}/preview{passed}{joiner}id={{{{id}}}}", "width": 430, "height": 300},
        "suggest": {
            "entity": {"service_url": service, "service_path": f"/suggest/entity{passed}"},
            "type": {"service_url": service, "service_path": f"/suggest/type{passed}"},
            "property": {"service_url": service, "service_path": f"/suggest/property{passed}"},
        },
        "batchSize": get_settings(request).max_queries,
    }
    if get_settings(request).auth_enabled:
        manifest["authentication"] = {"type": "apiKey", "name": "api_key", "in": "query"}
    return manifest


@router.get(
    "/reconcile/{dataset}",
    summary="Reconciliation manifest (or queries)",
    response_model=ReconManifest | dict[str, ReconResult],
    responses=_ERRORS,
)
async def reconcile_get(
    request: Request,
    dataset: Annotated[str, PATH_DATASET],
    queries: Annotated[str | None, Query(description="A JSON reconciliation query batch")] = None,
) -> Any:
    """Without `queries`: the service manifest, for OpenRefine and other reconciliation clients
    (public). With `queries`: reconcile the batch, as `POST` does."""
    check_dataset(dataset)
    if queries is None:
        return JSONResponse(_manifest(request, dataset))
    auth.principal_for(request)
    return await _reconcile(request, dataset, queries)


@router.post(
    "/reconcile/{dataset}",
    summary="Reconciliation queries",
    response_model=dict[str, ReconResult],
    responses=_ERRORS,
)
async def reconcile_post(
    _principal: auth.Viewer,
    request: Request,
    dataset: Annotated[str, PATH_DATASET],
    queries: Annotated[str, Form(min_length=1, description="A JSON reconciliation query batch")],
) -> Any:
    """Reconcile a batch of queries (`application/x-www-form-urlencoded`, field `queries`): each
    query's `query` (a name), `type` (schema) and `properties` (`pid`/`v`) are screened; candidates
    come back with `score`, `match` and the per-feature scores."""
    check_dataset(dataset)
    return await _reconcile(request, dataset, queries)


@router.get(
    "/reconcile/{dataset}/suggest/entity",
    summary="Suggest entities",
    response_model=SuggestEntityResponse,
    responses=_ERRORS,
)
async def suggest_entity(
    _principal: auth.Viewer,
    request: Request,
    dataset: Annotated[str, PATH_DATASET],
    prefix: Annotated[str, Query(min_length=1, max_length=500, description="What the user typed")],
    cursor: Annotated[int, Query(ge=0, le=400, description="Number of suggestions to skip")] = 0,
) -> Any:
    """Entities whose names agree with what the user typed, best first."""
    check_dataset(dataset)
    query = ScreenQuery(
        name=prefix, sources=select_sources(dataset), threshold=0.0, limit=cursor + SUGGEST_PAGE
    )
    batch = await run_batch(get_engine(request), {"prefix": [query]}, cursor + SUGGEST_PAGE)
    result = [
        {"id": r.id, "name": r.caption, "description": ", ".join(s.source for s in r.sources),
         "notable": [type_json(r.schema)] if r.schema in TYPES else []}
        for r in batch.results["prefix"][cursor:]
    ]  # fmt: skip
    return JSONResponse({"prefix": prefix, "result": result})


@router.get(
    "/reconcile/{dataset}/suggest/type",
    summary="Suggest types",
    response_model=SuggestTypeResponse,
    responses=_ERRORS,
)
async def suggest_type(
    _principal: auth.Viewer,
    dataset: Annotated[str, PATH_DATASET],
    prefix: Annotated[str, Query(max_length=500, description="What the user typed")] = "",
) -> Any:
    """Types (schemata) whose ID or name starts with the prefix."""
    check_dataset(dataset)
    found = [type_json(t) for t, (name, _d) in TYPES.items() if matches_prefix(prefix, t, name)]
    return JSONResponse({"prefix": prefix, "result": found})


@router.get(
    "/reconcile/{dataset}/suggest/property",
    summary="Suggest properties",
    response_model=SuggestPropertyResponse,
    responses=_ERRORS,
)
async def suggest_property(
    _principal: auth.Viewer,
    dataset: Annotated[str, PATH_DATASET],
    prefix: Annotated[str, Query(max_length=500, description="What the user typed")] = "",
) -> Any:
    """Properties that can refine a reconciliation query, whose ID or name starts with the prefix."""
    check_dataset(dataset)
    found = [property_json(p) for p, (name, _d) in PROPERTIES.items() if matches_prefix(prefix, p, name)]
    return JSONResponse({"prefix": prefix, "result": found})


@router.get(
    "/reconcile/{dataset}/preview",
    summary="Entity preview (HTML)",
    response_model=None,
    responses={
        **_ERRORS,
        200: {
            "content": {"text/html": {"schema": {"type": "string"}}},
            "description": "An HTML card for the entity",
        },
    },
)
async def preview(
    _principal: auth.Viewer,
    request: Request,
    dataset: Annotated[str, PATH_DATASET],
    id: Annotated[str, Query(min_length=1, max_length=300, description="Entity ID")],
) -> HTMLResponse:
    """A small HTML summary of an entity, for the client's preview pane."""
    check_dataset(dataset)
    engine = get_engine(request)
    entity = await engine.run(lambda: engine.store.get_entity(id))
    if entity is None:
        raise ApiError("entity_not_found", f"no entity {id!r} in the current lists")
    rows = "".join(
        f"<tr><th>{html.escape(p)}</th><td>{html.escape('; '.join(vs[:5]))}</td></tr>"
        for p, vs in entity.properties().items()
        if p in ("name", "alias", "country", "nationality", "birthDate", "program", "listingDate", "address")
    )
    body = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(entity.caption)}</title></head>"
        f"<body><h3>{html.escape(entity.caption)}</h3><p>{html.escape(entity.schema)} — "
        f"{html.escape(source_title(entity.source))}</p><table>{rows}</table></body></html>"
    )
    return HTMLResponse(body)
