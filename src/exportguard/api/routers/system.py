"""Service information: ``/healthz``, ``/readyz``, ``/catalog``, ``/algorithms`` (yente's shapes)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from exportguard.api import auth
from exportguard.api.datasets import DEFAULT, GROUPS, dataset_sources, source_title
from exportguard.api.errors import responses
from exportguard.api.state import base_url, get_engine
from exportguard.api.yente_models import AlgorithmResponse, DataCatalogModel, StatusResponse
from exportguard.match import evidence
from exportguard.sources.registry import SOURCE_IDS, get_meta
from exportguard.store import VersionInfo

router = APIRouter()

# The features of the screening algorithm, with the weight each adds to (or takes from) a score.
FEATURES: dict[str, tuple[str, float]] = {
    "name": ("Best agreement of the query name with any of the candidate's names, across scripts, "
             "transliterations and spelling variants; the base of the score.", 1.0),
    "birth_date": ("Birth or incorporation date agrees (raises) or contradicts (lowers the score).", evidence.DATE_MATCH),
    "country": ("A country in common (raises) or none in common (lowers the score).", evidence.COUNTRY_MATCH),
    "identifier": ("A shared identifier (registration, tax, passport, IMO number …).", evidence.IDENTIFIER_BONUS),
    "address": ("Address words in common.", evidence.ADDRESS_MATCH),
}  # fmt: skip


@router.get("/healthz", summary="Health check", tags=["System information"], response_model=StatusResponse)
async def healthz() -> Any:
    """The server is up and answering (it may still be loading the lists; see `/readyz`)."""
    return JSONResponse({"status": "ok"})


@router.get(
    "/readyz",
    summary="Readiness check",
    tags=["System information"],
    response_model=StatusResponse,
    responses=responses("not_ready"),
)
async def readyz(request: Request) -> Any:
    """The lists are loaded and the index is built: screening requests will be answered."""
    engine = get_engine(request)
    if not engine.ready:
        engine.screener  # raises not_ready with the reason  # noqa: B018
    return JSONResponse({"status": "ok"})


def _source_dataset(source: str, info: VersionInfo | None) -> dict[str, Any]:
    try:
        meta = get_meta(source)
        publisher, url = meta.publisher, meta.info_url
    except Exception:  # noqa: BLE001 - a source without metadata is listed with its ID only
        publisher, url = None, None
    version = None if info is None else str(info.version)
    return {
        "name": source, "title": source_title(source), "summary": None, "url": url, "publisher": publisher,
        "version": version, "updated_at": None if info is None else info.as_of,
        "entity_count": None if info is None else info.entity_count, "children": [],
        "load": info is not None, "index_version": version, "index_current": info is not None,
    }  # fmt: skip


def _collection(
    name: str, title: str, children: list[str], loaded: dict[str, VersionInfo], version: str
) -> dict[str, Any]:
    count = sum(loaded[s].entity_count for s in children if s in loaded)
    dates = [d for d in (loaded[s].as_of for s in children if s in loaded) if d]
    return {
        "name": name, "title": title, "summary": None, "url": None, "publisher": None, "version": version,
        "updated_at": max(dates) if dates else None, "entity_count": count, "children": children,
        "load": True, "index_version": version, "index_current": True,
    }  # fmt: skip


@router.get(
    "/catalog",
    summary="Data catalog",
    tags=["Data access"],
    response_model=DataCatalogModel,
    responses=responses("missing_api_key", "invalid_api_key", "not_ready", "store_unavailable", "timeout"),
)
async def catalog(request: Request, _principal: auth.Viewer) -> Any:
    """Every dataset that can be named in `/match/{dataset}`, `/search/{dataset}` and
    `/reconcile/{dataset}`: `default`, the groups and each source, with version and as-of date."""
    engine = get_engine(request)
    versions, fingerprint = await engine.run(
        lambda: (engine.store.current_versions(), engine.store.data_fingerprint())
    )
    loaded = {v.source: v for v in versions}
    datasets = [_collection(DEFAULT, "All lists", list(SOURCE_IDS), loaded, fingerprint)]
    datasets += [
        _collection(g, title, dataset_sources(g), loaded, fingerprint) for g, title in GROUPS.items()
    ]
    datasets += [_source_dataset(s, loaded.get(s)) for s in SOURCE_IDS]
    current = [d["name"] for d in datasets if d["load"]]
    return JSONResponse({"datasets": datasets, "current": current, "outdated": [], "index_stale": False})


@router.get(
    "/algorithms",
    summary="Scoring algorithms",
    tags=["System information"],
    response_model=AlgorithmResponse,
    responses=responses("missing_api_key", "invalid_api_key", "not_ready"),
)
async def algorithms(request: Request, _principal: auth.Viewer) -> Any:
    """The screening algorithm, its versioned name and its features. `/match` also accepts
    `best` and `default` for it."""
    engine = get_engine(request)
    name, version = engine.algorithm
    url = f"{base_url(request)}/algorithms"
    features = {
        k: {"description": d, "coefficient": w, "url": f"{url}#{k}"} for k, (d, w) in FEATURES.items()
    }
    description = f"exportguard screening, version {version}: {FEATURES['name'][0]}"
    docs = {"name": name, "description": description, "config": {}, "features": features}
    algo = {"name": name, "description": description, "features": features, "docs": docs}
    return JSONResponse({"algorithms": [algo], "default": name, "best": name})
