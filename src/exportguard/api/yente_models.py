"""The yente protocol's request and response shapes (yente 5.x, field for field).

The routes build plain dictionaries for speed; these models define the request bodies and
document the responses in the OpenAPI schema. Fields marked *exportguard extension* are additions
that yente clients ignore: every screening answer names its algorithm and the list versions used.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class FeatureResult(BaseModel):
    detail: str | None = Field(None, description="How the feature scored, in words.")
    score: float
    query: str | None = Field(None, description="The query value the feature used.")
    candidate: str | None = Field(None, description="The candidate value the feature used.")


class EntityResponse(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str = Field(..., examples=["us_ofac_sdn-29299"])
    caption: str = Field(..., examples=["John Doe"])
    schema_: str = Field(..., alias="schema", examples=["Person"])
    properties: dict[str, list[str | EntityResponse]] = Field(..., examples=[{"name": ["John Doe"]}])
    datasets: list[str] = Field(default_factory=list, examples=[["us_ofac_sdn"]])
    referents: list[str] = Field(default_factory=list)
    target: bool = False
    first_seen: str | None = None
    last_seen: str | None = Field(
        None, description="As-of date of the list version the entity was read from."
    )
    last_change: str | None = None


class ScoredEntityResponse(EntityResponse):
    score: float = Field(..., examples=[0.92])
    match: bool = Field(..., description="Whether the score is at or above the threshold.")
    explanations: dict[str, FeatureResult] = Field(
        ..., description="Per feature: its score and the two values that produced it."
    )
    features: dict[str, float] = Field(
        default_factory=dict, deprecated=True, description="Feature scores only (older yente clients)."
    )


class TotalSpec(BaseModel):
    value: int = Field(..., examples=[1])
    relation: str = Field("eq", examples=["eq"])


SchemaName = Literal["Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane"]


class EntityExample(BaseModel):
    """One query entity: a schema and FtM-style properties."""

    model_config = ConfigDict(populate_by_name=True, strict=True)

    id: str | None = Field(None, examples=["my-entity-id"])
    schema_: SchemaName = Field(..., alias="schema", examples=["Person"])
    properties: dict[str, str | list[str]] = Field(
        ..., examples=[{"name": ["John Doe"], "birthDate": ["1975-04-21"], "nationality": ["us"]}]
    )


class EntityMatchQuery(BaseModel):
    model_config = ConfigDict(strict=True)

    weights: dict[str, float] = Field(
        default_factory=dict, description="Accepted for compatibility; the algorithm's weights are fixed."
    )
    config: dict[str, str | int | float | bool | None] = Field(
        default_factory=dict, description="Accepted for compatibility; must be empty or name no options."
    )
    queries: dict[str, EntityExample]


class AlgorithmRef(BaseModel):
    name: str
    version: str


class ListVersionModel(BaseModel):
    source: str
    version: int
    as_of: str | None


class EntityMatches(BaseModel):
    status: int = Field(200, examples=[200])
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    limit: int = Field(..., examples=[5])
    algorithm: AlgorithmRef = Field(..., description="exportguard extension")
    lists: list[ListVersionModel] = Field(..., description="exportguard extension: list versions searched")


class SearchFacetItem(BaseModel):
    name: str = Field(..., examples=["ru"])
    label: str = Field(..., examples=["Russia"])
    count: int = Field(1, examples=[42])


class SearchFacet(BaseModel):
    label: str = Field(..., examples=["Countries"])
    values: list[SearchFacetItem]


class SearchResponse(BaseModel):
    limit: int
    offset: int = 0
    total: TotalSpec
    results: list[EntityResponse]
    facets: dict[str, SearchFacet]


class DatasetModel(BaseModel):
    name: str
    title: str
    summary: str | None = None
    url: str | None = None
    publisher: str | None = None
    version: str | None = None
    updated_at: str | None = None
    entity_count: int | None = None
    children: list[str] = Field(default_factory=list)
    load: bool = True
    index_version: str | None = None
    index_current: bool = False


class DataCatalogModel(BaseModel):
    datasets: list[DatasetModel]
    current: list[str]
    outdated: list[str]
    index_stale: bool = False


class FeatureDoc(BaseModel):
    description: str | None
    coefficient: float
    url: str


class AlgorithmDocs(BaseModel):
    name: str
    description: str | None = None
    config: dict[str, Any] = Field(default_factory=dict)
    features: dict[str, FeatureDoc]


class Algorithm(BaseModel):
    name: str
    description: str | None = None
    features: dict[str, FeatureDoc] = Field(..., deprecated=True, description="Use `docs` instead.")
    docs: AlgorithmDocs


class AlgorithmResponse(BaseModel):
    algorithms: list[Algorithm]
    default: str
    best: str


class StatusResponse(BaseModel):
    status: str = "ok"
