"""What one app instance holds (settings, engine, case store) and how routes reach it."""

from __future__ import annotations

from fastapi import Request

from exportguard.api.engine import Engine
from exportguard.api.settings import ApiSettings
from exportguard.cases import CaseStore


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.api_settings
    return settings


def get_cases(request: Request) -> CaseStore:
    cases: CaseStore = request.app.state.cases
    return cases


def base_url(request: Request) -> str:
    """The server's own URL as the client reached it, without a trailing slash."""
    return str(request.base_url).rstrip("/")
