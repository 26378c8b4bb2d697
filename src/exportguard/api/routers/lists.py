"""``GET /lists``: the sources loaded, their versions and as-of dates (``exportguard lists status``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from exportguard.api import auth
from exportguard.api.datasets import source_groups, source_title
from exportguard.api.errors import responses
from exportguard.api.state import get_engine
from exportguard.store import VersionInfo

router = APIRouter(tags=["Lists"])


class ListModel(BaseModel):
    source: str
    title: str
    groups: list[str]
    version: int
    as_of: str | None
    as_of_basis: str
    age_days: int | None
    stale: bool
    loaded_at: str
    origin: str
    entity_count: int
    counts: dict[str, int]


class ListsResponse(BaseModel):
    lists: list[ListModel]
    fingerprint: str


def list_json(v: VersionInfo, stale_after_days: int, today: date) -> dict[str, Any]:
    age = v.age_days(today)
    return {
        "source": v.source, "title": source_title(v.source), "groups": list(source_groups(v.source)),
        "version": v.version, "as_of": v.as_of, "as_of_basis": v.as_of_basis, "age_days": age,
        "stale": age is not None and age > stale_after_days, "loaded_at": v.loaded_at, "origin": v.origin,
        "entity_count": v.entity_count, "counts": v.counts,
    }  # fmt: skip


@router.get(
    "/lists",
    summary="Loaded lists",
    response_model=ListsResponse,
    responses=responses("missing_api_key", "invalid_api_key", "not_ready", "store_unavailable", "timeout"),
)
async def lists(request: Request, _principal: auth.Viewer) -> Any:
    """Every loaded source with its current version, as-of date and age; `stale` when the
    as-of date is older than `EXPORTGUARD_STALE_DAYS` (`age_days` is null when it is unknown). The `fingerprint` changes
    whenever any list changes."""
    engine = get_engine(request)
    versions, fingerprint = await engine.run(
        lambda: (engine.store.current_versions(), engine.store.data_fingerprint())
    )
    today = date.today()
    stale = engine.settings.stale_after_days
    return JSONResponse({"lists": [list_json(v, stale, today) for v in versions], "fingerprint": fingerprint})
