"""The ASGI application: ``create_app()`` wires settings, engine, middleware, errors and routers.

``exportguard serve`` runs it under uvicorn (``exportguard.api.app:create_app``, a factory, so
each worker process builds its own app from the environment).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from exportguard import __version__
from exportguard.api.engine import Engine
from exportguard.api.errors import install_error_handlers
from exportguard.api.middleware import BodyLimitMiddleware, RequestLogMiddleware
from exportguard.api.routers import assessments, lists, match, reconcile, screen, search, system
from exportguard.api.settings import ApiSettings, load_api_settings
from exportguard.cases import CaseStore
from exportguard.settings import Settings, load_settings

DESCRIPTION = """
Restricted-party screening and human-rights due diligence for surveillance-technology exports.

* **yente protocol** (OpenSanctions' screening API): `/match`, `/search`, `/entities`,
  `/catalog`, `/algorithms`, `/healthz`, `/readyz` — point existing yente clients here.
* **Reconciliation Service API 0.2** (OpenRefine): `/reconcile/{dataset}`.
* **exportguard's own endpoints**: `/screen`, `/assessments`, `/lists`, `/audit`.

A dataset is `default` (every list), a source ID, or a group (`sanctions`, `export_controls`).

**Keys and roles.** When API keys are configured, send one as `Authorization: ApiKey <key>`,
`Authorization: Bearer <key>`, `X-API-Key: <key>` or (reconciliation clients) `?api_key=<key>`.
`viewer` keys may look up and screen; `analyst` keys may also create and read assessments;
`admin` keys may also read the audit log.

**Errors.** Every 4xx/5xx answer is `{"status", "code", "detail", "errors"}` with a stable `code`;
each endpoint lists the codes it can return.
"""

TAGS = [
    {"name": "Matching", "description": "Screening by example and search (yente protocol)."},
    {"name": "Data access", "description": "Entities and the data catalog (yente protocol)."},
    {"name": "System information", "description": "Health, readiness and algorithms (yente protocol)."},
    {"name": "Reconciliation", "description": "W3C Reconciliation Service API 0.2 (OpenRefine)."},
    {"name": "Screening", "description": "exportguard's screening endpoint (the CLI's JSON)."},
    {"name": "Assessments", "description": "Assess export cases; stored and audited."},
    {"name": "Lists", "description": "Loaded lists, versions and as-of dates."},
    {"name": "Audit", "description": "The append-only, hash-chained audit log."},
]


def create_app(settings: Settings | None = None, api_settings: ApiSettings | None = None) -> FastAPI:
    """Build the app; settings default to the environment (``EXPORTGUARD_*``)."""
    settings = settings or load_settings()
    api_settings = api_settings or load_api_settings()
    engine = Engine(settings, api_settings.timeout_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.cases = CaseStore.open(settings)
        engine.start()
        watcher = asyncio.create_task(engine.watch(), name="exportguard-list-watch")
        try:
            yield
        finally:
            watcher.cancel()
            engine.close()
            app.state.cases.close()

    app = FastAPI(
        title="exportguard",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.api_settings = api_settings
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=api_settings.max_body_bytes)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "X-API-Key", "Content-Type"],
    )
    app.add_middleware(RequestLogMiddleware)
    for module in (system, match, search, reconcile, screen, lists, assessments):
        app.include_router(module.router)
    return app
