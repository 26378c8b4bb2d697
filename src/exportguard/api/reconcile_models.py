"""Shapes of the W3C Reconciliation Service API 0.2 (manifest, queries, candidates, suggest)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt


class ReconType(BaseModel):
    id: str = Field(..., examples=["Person"])
    name: str = Field(..., examples=["People"])
    description: str | None = None


class ReconProperty(BaseModel):
    id: str = Field(..., examples=["birthDate"])
    name: str = Field(..., examples=["Birth date"])
    description: str | None = None


class ReconEntityRef(BaseModel):
    """A property value that is another, already reconciled, entity."""

    id: str
    name: str | None = None


PropertyValue = str | StrictInt | StrictFloat | StrictBool | ReconEntityRef


class ReconPropertyValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pid: str = Field(..., examples=["birthDate"])
    v: PropertyValue | list[PropertyValue]


class ReconQuery(BaseModel):
    """One reconciliation query; at least one of `query` and `properties` is needed."""

    model_config = ConfigDict(extra="forbid")

    query: str | None = Field(None, examples=["Kim Jong Un"])
    type: str | list[str] | None = Field(None, examples=["Person"])
    limit: int | None = Field(None, ge=1, le=100)
    properties: list[ReconPropertyValue] = Field(default_factory=list)
    type_strict: str | None = Field(None, pattern="^(any|should|all)$")


class ReconFeature(BaseModel):
    id: str
    value: float | bool


class ReconCandidate(BaseModel):
    id: str
    name: str
    description: str | None = None
    score: float
    match: bool
    type: list[ReconType]
    features: list[ReconFeature] = Field(default_factory=list)


class ReconResult(BaseModel):
    result: list[ReconCandidate]


class SuggestService(BaseModel):
    service_url: str
    service_path: str


class ManifestSuggest(BaseModel):
    entity: SuggestService
    type: SuggestService
    property: SuggestService


class ManifestView(BaseModel):
    url: str


class ManifestPreview(BaseModel):
    url: str
    width: int
    height: int


class SecurityScheme(BaseModel):
    type: str = "apiKey"
    name: str = "api_key"
    in_: str = Field("query", alias="in")


class ReconManifest(BaseModel):
    versions: list[str]
    name: str
    identifierSpace: str  # noqa: N815 - the specification's field name
    schemaSpace: str  # noqa: N815
    documentation: str | None = None
    serviceVersion: str | None = None  # noqa: N815
    defaultTypes: list[ReconType]  # noqa: N815
    view: ManifestView
    preview: ManifestPreview
    suggest: ManifestSuggest
    batchSize: int  # noqa: N815
    authentication: SecurityScheme | None = None


class SuggestEntity(BaseModel):
    id: str
    name: str
    description: str | None = None
    notable: list[ReconType] = Field(default_factory=list)


class SuggestEntityResponse(BaseModel):
    prefix: str
    result: list[SuggestEntity]


class SuggestTypeResponse(BaseModel):
    prefix: str
    result: list[ReconType]


class SuggestPropertyResponse(BaseModel):
    prefix: str
    result: list[ReconProperty]
