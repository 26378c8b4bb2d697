"""yente's query-by-example matching: ``POST /match/{dataset}``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from exportguard.api import auth
from exportguard.api.convert import scored_response
from exportguard.api.datasets import check_dataset, dataset_names, select_sources
from exportguard.api.errors import ApiError, responses
from exportguard.api.queries import clean_properties, to_queries
from exportguard.api.screening import check_algorithm, run_batch
from exportguard.api.state import get_engine, get_settings
from exportguard.api.yente_models import EntityMatchQuery, EntityMatchResponse
from exportguard.match.types import DEFAULT_THRESHOLD

router = APIRouter(tags=["Matching"])

MATCH_PAGE = 5
MAX_MATCHES = 100

PATH_DATASET = Path(
    description="`default` (every list), a source ID, or a group (`sanctions`, `export_controls`).",
    json_schema_extra={"enum": dataset_names()},
)


@router.post(
    "/match/{dataset}",
    summary="Query by example matcher",
    response_model=EntityMatchResponse,
    responses=responses(
        "malformed_json",
        "invalid_request",
        "unknown_schema",
        "unknown_algorithm",
        "missing_api_key",
        "invalid_api_key",
        "insufficient_role",
        "unknown_dataset",
        "body_too_large",
        "too_many_queries",
        "not_ready",
        "timeout",
        "internal_error",
    ),
)
async def match(
    _principal: auth.Viewer,
    request: Request,
    body: EntityMatchQuery,
    dataset: Annotated[str, PATH_DATASET],
    limit: Annotated[int, Query(title="Number of results to return", ge=1, le=MAX_MATCHES)] = MATCH_PAGE,
    threshold: Annotated[
        float, Query(title="Score threshold for results to be considered matches", ge=0, le=1)
    ] = DEFAULT_THRESHOLD,
    cutoff: Annotated[
        float | None,
        Query(
            title="Lower bound of score for results to be returned at all (default: the threshold)",
            ge=0,
            le=1,
        ),
    ] = None,
    algorithm: Annotated[
        str, Query(title="Scoring algorithm (see /algorithms); `best` and `default` work")
    ] = "best",
    include_dataset: Annotated[list[str], Query(title="Only include the given datasets in results")] = [],  # noqa: B006
    exclude_dataset: Annotated[list[str], Query(title="Remove the given datasets from results")] = [],  # noqa: B006
    exclude_schema: Annotated[list[str], Query(title="Remove the given types of entities from results")] = [],  # noqa: B006
    exclude_entity_ids: Annotated[
        list[str], Query(title="Entity IDs to leave out of the results", max_length=50)
    ] = [],  # noqa: B006
    fuzzy: Annotated[
        bool, Query(title="Accepted for compatibility; matching is always fuzzy", deprecated=True)
    ] = False,
) -> Any:
    """Match entities against the lists by example: a batch of FtM-style entities, each with a
    schema and properties such as `name`, `birthDate`, `nationality`, `idNumber`, `address`.
    The keys of `queries` are chosen freely and come back in `responses`.

    Each result carries its `score`, whether it is a `match` (score at or above `threshold`),
    and `explanations`: per feature, its score and the query and candidate values behind it.
    Results below `cutoff` (by default the threshold) are left out; `total` counts the matches.
    The answer also names the `algorithm` and the `lists` (versions, as-of dates) searched.
    """
    engine = get_engine(request)
    settings = get_settings(request)
    check_dataset(dataset)
    check_algorithm(engine, algorithm)
    if body.config:
        raise ApiError("invalid_request", f"unknown config option(s): {', '.join(sorted(body.config))}")
    if len(body.queries) > settings.max_queries:
        raise ApiError(
            "too_many_queries", f"{len(body.queries)} queries in one request (limit: {settings.max_queries})"
        )
    if not body.queries:
        raise ApiError("invalid_request", "no queries given")
    sources = select_sources(dataset, include_dataset, exclude_dataset)
    floor = threshold if cutoff is None else min(cutoff, threshold)
    examples: dict[str, dict[str, list[str]]] = {}
    queries = {}
    for key, example in body.queries.items():
        props = clean_properties(f"queries.{key}.properties", example.properties)
        examples[key] = props
        # ask for more than `limit`: some results may be excluded below
        queries[key] = to_queries(
            f"queries.{key}", example.schema_, props, sources, floor, limit + len(exclude_entity_ids)
        )
    batch = await run_batch(engine, queries, limit + len(exclude_entity_ids))
    as_of = batch.as_of()
    excluded = set(exclude_entity_ids)
    out: dict[str, Any] = {}
    for key, example in body.queries.items():
        kept = [
            r
            for r in batch.results[key]
            if r.score >= floor and r.schema not in exclude_schema and not (excluded & {r.id, *r.entity_ids})
        ][:limit]
        out[key] = {
            "status": 200,
            "results": [scored_response(r, threshold, as_of) for r in kept],
            "total": {"value": sum(1 for r in kept if r.score >= threshold), "relation": "eq"},
            "query": {"id": example.id, "schema": example.schema_, "properties": examples[key]},
        }
    content = {
        "responses": out,
        "limit": limit,
        "algorithm": batch.algorithm_json(),
        "lists": batch.lists_json(),
    }
    return JSONResponse(content, headers={"x-batch-size": str(len(out))})
