"""exportguard's own screening endpoint: ``POST /screen``, the shape of ``exportguard screen``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from exportguard.api import auth
from exportguard.api.errors import ApiError, responses
from exportguard.api.state import get_engine
from exportguard.api.yente_models import AlgorithmRef, ListVersionModel, SchemaName
from exportguard.errors import ValidationError
from exportguard.match.types import DEFAULT_LIMIT, DEFAULT_THRESHOLD, Query
from exportguard.sources.registry import SOURCE_IDS

router = APIRouter(tags=["Screening"])


class ScreenRequest(BaseModel):
    """A party to screen (the fields of the CLI's JSON query)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: Annotated[str, Field(min_length=1, max_length=500, examples=["Hikvision"])]
    schema_: SchemaName = Field("LegalEntity", alias="schema")
    countries: list[Annotated[str, Field(max_length=100)]] = Field(default_factory=list, max_length=50)
    birth_date: str | None = Field(None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")
    identifiers: list[Annotated[str, Field(max_length=200)]] = Field(default_factory=list, max_length=50)
    address: str | None = Field(None, max_length=1000)
    sources: list[Annotated[str, Field(json_schema_extra={"enum": list(SOURCE_IDS)})]] = Field(
        default_factory=list, max_length=len(SOURCE_IDS), description="Empty: every list"
    )
    threshold: float = Field(DEFAULT_THRESHOLD, ge=0, le=1)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=100)


class ExplanationModel(BaseModel):
    feature: str
    score: float
    weight: float
    detail: str
    query_value: str | None
    candidate_value: str | None


class SourceRefModel(BaseModel):
    source: str
    entity_id: str
    sub_list: str | None
    programmes: list[str]
    listed_on: str | None


class ResultModel(BaseModel):
    id: str
    caption: str
    schema_: str = Field(..., alias="schema")
    score: float
    match: bool
    sources: list[SourceRefModel]
    properties: dict[str, list[str]]
    explanation: list[ExplanationModel]
    entity_ids: list[str]


class ScreenResponseModel(BaseModel):
    """``ScreenResponse.to_dict()``: the query as validated, results, algorithm and list versions."""

    query: dict[str, Any]
    results: list[ResultModel]
    algorithm: AlgorithmRef
    lists: list[ListVersionModel]


@router.post(
    "/screen",
    summary="Screen one party",
    response_model=ScreenResponseModel,
    responses=responses(
        "malformed_json",
        "invalid_request",
        "unknown_source",
        "invalid_input",
        "missing_api_key",
        "invalid_api_key",
        "insufficient_role",
        "body_too_large",
        "not_ready",
        "timeout",
        "internal_error",
    ),
)
async def screen(request: Request, body: ScreenRequest, _principal: auth.Viewer) -> Any:
    """Screen one party against the lists and answer in the same JSON as
    `exportguard screen --format json`: each result with its score, match flag, every source
    listing behind it, and the per-feature explanation; plus the algorithm and list versions."""
    unknown = [s for s in body.sources if s not in SOURCE_IDS]
    if unknown:
        raise ApiError(
            "unknown_source", f"unknown source(s) {', '.join(unknown)}; sources: {', '.join(SOURCE_IDS)}"
        )
    engine = get_engine(request)
    query = Query(
        name=body.name, schema=body.schema_, countries=body.countries, birth_date=body.birth_date,
        identifiers=body.identifiers, address=body.address, sources=body.sources,
        threshold=body.threshold, limit=body.limit,
    )  # fmt: skip

    def work() -> dict[str, Any]:
        try:
            return engine.screener.screen(query).to_dict()
        except ValidationError as exc:
            raise ApiError("invalid_input", str(exc)) from None

    return JSONResponse(await engine.run(work))
