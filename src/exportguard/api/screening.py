"""Running a request's screening queries on the engine, all in one engine call."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exportguard.api.engine import Engine
from exportguard.api.errors import ApiError
from exportguard.api.queries import merge_results
from exportguard.errors import ValidationError
from exportguard.match.types import ListVersion, Query, Result

ALGORITHM_ALIASES = ("best", "default")


@dataclass(slots=True)
class Batch:
    """Results per query key, with the algorithm and list versions that produced them."""

    results: dict[str, list[Result]]
    algorithm: tuple[str, str]
    lists: list[ListVersion] = field(default_factory=list)

    def as_of(self) -> dict[str, str | None]:
        return {v.source: v.as_of for v in self.lists}

    def lists_json(self) -> list[dict[str, Any]]:
        return [{"source": v.source, "version": v.version, "as_of": v.as_of} for v in self.lists]

    def algorithm_json(self) -> dict[str, str]:
        return {"name": self.algorithm[0], "version": self.algorithm[1]}


def algorithm_names(engine: Engine) -> list[str]:
    name, version = engine.algorithm
    return [name, f"{name}-v{version}", *ALGORITHM_ALIASES]


def check_algorithm(engine: Engine, algorithm: str) -> None:
    if algorithm not in algorithm_names(engine):
        known = ", ".join(algorithm_names(engine))
        raise ApiError("unknown_algorithm", f"no algorithm {algorithm!r}; algorithms: {known}")


async def run_batch(engine: Engine, queries: dict[str, list[Query]], limit: int) -> Batch:
    """Screen every key's queries (several names per key) and merge each key's results."""

    def work() -> Batch:
        screener, store = engine.screener, engine.store  # under the engine lock: never mid-swap
        results: dict[str, list[Result]] = {}
        lists: dict[str, ListVersion] = {}
        for key, items in queries.items():
            try:
                responses = [screener.screen(q) for q in items if q.sources]
            except ValidationError as exc:
                raise ApiError("invalid_request", f"queries.{key}: {exc}") from None
            for response in responses:
                for version in response.lists:
                    lists.setdefault(version.source, version)
            results[key] = merge_results(responses, limit)
        if not lists:
            for info in store.current_versions():
                lists[info.source] = ListVersion(info.source, info.version, info.as_of)
        return Batch(results, engine.algorithm, sorted(lists.values(), key=lambda v: v.source))

    return await engine.run(work)
