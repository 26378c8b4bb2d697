"""yente's simple search and entity retrieval: ``GET /search/{dataset}``, ``GET /entities/{id}``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from exportguard.api import auth
from exportguard.api.convert import entity_response, result_entity
from exportguard.api.datasets import select_sources, source_title
from exportguard.api.errors import ApiError, responses
from exportguard.api.routers.match import PATH_DATASET
from exportguard.api.screening import run_batch
from exportguard.api.state import get_engine
from exportguard.api.yente_models import EntityResponse, SearchResponse
from exportguard.match.types import Query as ScreenQuery
from exportguard.normalize.countries import country_name
from exportguard.store.versioned import source_of

router = APIRouter()

SearchSchema = Literal["Thing", "LegalEntity", "Person", "Organization", "Company", "Vessel", "Airplane"]
MAX_PAGE = 100
MAX_OFFSET = 400
COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction")
TOPIC_LABELS = {"sanction": "Sanctioned entity", "export.control": "Export controlled"}


class Facet(StrEnum):
    datasets = "datasets"
    schema = "schema"
    countries = "countries"
    topics = "topics"


_FACET_LABELS = {Facet.datasets: "Data sources", Facet.schema: "Entity types", Facet.countries: "Countries",
                 Facet.topics: "Topics"}  # fmt: skip
_FACET_VALUES: dict[Facet, Callable[[dict[str, Any]], list[str]]] = {
    Facet.datasets: lambda e: list(e["datasets"]),
    Facet.schema: lambda e: [e["schema"]],
    Facet.countries: lambda e: sorted({c for p in COUNTRY_PROPS for c in e["properties"].get(p, [])}),
    Facet.topics: lambda e: list(e["properties"].get("topics", [])),
}
_VALUE_LABELS: dict[Facet, Callable[[str], str]] = {
    Facet.datasets: source_title,
    Facet.schema: lambda s: s,
    Facet.countries: country_name,
    Facet.topics: lambda t: TOPIC_LABELS.get(t, t),
}


def _facets(entities: list[dict[str, Any]], wanted: list[Facet]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for facet in wanted:
        counts = Counter(v for e in entities for v in _FACET_VALUES[facet](e))
        values = [{"name": n, "label": _VALUE_LABELS[facet](n), "count": c} for n, c in counts.most_common()]
        out[facet.value] = {"label": _FACET_LABELS[facet], "values": values}
    return out


@router.get(
    "/search/{dataset}",
    summary="Simple entity search",
    tags=["Matching"],
    response_model=SearchResponse,
    responses=responses(
        "invalid_request",
        "unknown_schema",
        "missing_api_key",
        "invalid_api_key",
        "insufficient_role",
        "unknown_dataset",
        "not_ready",
        "timeout",
        "internal_error",
    ),
)
async def search(
    _principal: auth.Viewer,
    request: Request,
    dataset: Annotated[str, PATH_DATASET],
    q: Annotated[str, Query(title="Query text: a name, in any script", min_length=1, max_length=500)],
    schema: Annotated[SearchSchema, Query(title="Type of entities that can match (`Thing`: any)")] = "Thing",
    countries: Annotated[list[str], Query(title="Filter by country codes")] = [],  # noqa: B006
    topics: Annotated[list[str], Query(title="Filter by topics (`sanction`, `export.control`)")] = [],  # noqa: B006
    datasets: Annotated[list[str], Query(title="Filter by data sources")] = [],  # noqa: B006
    include_dataset: Annotated[list[str], Query(title="Only include the given datasets in results")] = [],  # noqa: B006
    exclude_dataset: Annotated[list[str], Query(title="Remove the given datasets from results")] = [],  # noqa: B006
    exclude_schema: Annotated[list[str], Query(title="Remove the given types of entities from results")] = [],  # noqa: B006
    limit: Annotated[int, Query(title="Number of results to return", ge=1, le=MAX_PAGE)] = 10,
    offset: Annotated[int, Query(title="Start at result with given offset", ge=0, le=MAX_OFFSET)] = 0,
    fuzzy: Annotated[bool, Query(title="Accepted for compatibility; search is always fuzzy")] = False,
    facets: Annotated[list[Facet], Query(title="Facet counts to include in the response")] = [  # noqa: B006
        Facet.countries,
        Facet.topics,
        Facet.datasets,
    ],
) -> Any:
    """Search the lists by name — fuzzy, across scripts and transliterations — ranked by how
    well the names agree. For screening with more than a name, use `/match` instead."""
    engine = get_engine(request)
    screen_schema = "LegalEntity" if schema == "Thing" else schema
    sources = select_sources(dataset, [*include_dataset, *datasets], exclude_dataset)
    query = ScreenQuery(name=q, schema=screen_schema, sources=sources, threshold=0.0, limit=offset + limit)
    batch = await run_batch(engine, {"q": [query]}, offset + limit)
    as_of = batch.as_of()
    found = [result_entity(r, as_of) for r in batch.results["q"] if r.schema not in exclude_schema]
    codes = {c.lower() for c in countries}
    found = [
        e
        for e in found
        if (not codes or codes & set(_FACET_VALUES[Facet.countries](e)))
        and (not topics or set(topics) & set(e["properties"].get("topics", [])))
    ]
    relation = "gte" if len(batch.results["q"]) >= offset + limit else "eq"
    content = {
        "limit": limit,
        "offset": offset,
        "total": {"value": len(found), "relation": relation},
        "results": found[offset : offset + limit],
        "facets": _facets(found, facets),
    }
    return JSONResponse(content)


@router.get(
    "/entities/{entity_id}",
    summary="Fetch an entity",
    tags=["Data access"],
    response_model=EntityResponse,
    responses=responses(
        "invalid_request",
        "missing_api_key",
        "invalid_api_key",
        "insufficient_role",
        "entity_not_found",
        "not_ready",
        "timeout",
        "internal_error",
    ),
)
async def fetch_entity(
    _principal: auth.Viewer,
    request: Request,
    entity_id: Annotated[
        str, Path(description="Entity ID, `<source>-<record id>`", examples=["us_bis_dpl-1"])
    ],
    nested: Annotated[
        bool, Query(title="Include the designation (`Sanction`) entities in `sanctions`")
    ] = True,
) -> Any:
    """One listed entity with every property under its FollowTheMoney name; with `nested`, its
    designations (programme, listing date, authority …) as nested `Sanction` entities."""
    engine = get_engine(request)

    def work() -> dict[str, Any] | None:
        store = engine.store
        entity = store.get_entity(entity_id)
        if entity is None:
            return None
        version = store.current(source_of(entity_id))
        return entity_response(entity, version.as_of if version else None, nested=nested)

    data = await engine.run(work)
    if data is None:
        raise ApiError("entity_not_found", f"no entity {entity_id!r} in the current lists")
    return JSONResponse(data)
