"""The screening query and response: the shapes the CLI (``--format json``), the API (``POST /screen``)
and the assessment share. ``ScreenResponse.to_dict()`` is the documented JSON shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DEFAULT_THRESHOLD = 0.7
DEFAULT_LIMIT = 10


@dataclass(slots=True)
class Query:
    """A party to screen. ``schema`` is an FtM schema name; countries are territory codes."""

    name: str
    schema: str = "LegalEntity"
    countries: list[str] = field(default_factory=list)
    birth_date: str | None = None
    identifiers: list[str] = field(default_factory=list)
    address: str | None = None
    sources: list[str] = field(default_factory=list)  # empty: every loaded source
    threshold: float = DEFAULT_THRESHOLD
    limit: int = DEFAULT_LIMIT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Explanation:
    """One step of the score: which feature, its score and weight, and the two values behind it."""

    feature: str
    score: float
    weight: float
    detail: str
    query_value: str | None = None
    candidate_value: str | None = None


@dataclass(slots=True)
class SourceRef:
    """One listing behind a result: source, sub-list, programmes, listing date, entity ID there."""

    source: str
    entity_id: str
    sub_list: str | None = None
    programmes: list[str] = field(default_factory=list)
    listed_on: str | None = None


@dataclass(slots=True)
class Result:
    """One real-world designation (possibly several source entities grouped together)."""

    id: str
    caption: str
    schema: str
    score: float
    match: bool
    sources: list[SourceRef]
    properties: dict[str, list[str]]
    explanation: list[Explanation]
    entity_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ListVersion:
    source: str
    version: int
    as_of: str | None


@dataclass(slots=True)
class ScreenResponse:
    query: Query
    results: list[Result]
    algorithm_name: str
    algorithm_version: str
    lists: list[ListVersion]

    @property
    def has_match(self) -> bool:
        return any(r.match for r in self.results)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query.to_dict(),
            "results": [asdict(r) for r in self.results],
            "algorithm": {"name": self.algorithm_name, "version": self.algorithm_version},
            "lists": [asdict(v) for v in self.lists],
        }
