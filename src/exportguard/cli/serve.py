"""``exportguard serve``: the HTTP API under uvicorn."""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from typing import Annotated, Any

import typer

from exportguard.api.settings import load_api_settings
from exportguard.cli.common import err_console, load_progress
from exportguard.match.screener import get_screener
from exportguard.settings import load_settings
from exportguard.store import open_store


class LogLevel(StrEnum):
    debug = "debug"
    info = "info"
    warning = "warning"
    error = "error"


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def log_config(level: LogLevel) -> dict[str, Any]:
    """uvicorn's logging, plus exportguard's request log; uvicorn's access log (which would show
    query strings, where a reconciliation client may put its key) stays off."""
    name = level.value.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "default": {
                "()": "uvicorn.logging.DefaultFormatter",
                "fmt": "%(levelprefix)s %(name)s: %(message)s",
            }
        },
        "handlers": {
            "default": {
                "formatter": "default",
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": name, "propagate": False},
            "exportguard": {"handlers": ["default"], "level": name, "propagate": False},
        },
    }


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on. Anything but loopback needs API keys.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes (each loads the index).")] = 1,
    insecure_no_auth: Annotated[
        bool,
        typer.Option("--insecure-no-auth", help="Serve a non-loopback address without API keys (unsafe)."),
    ] = False,
    log_level: Annotated[
        LogLevel, typer.Option("--log-level", help="debug, info, warning or error.")
    ] = LogLevel.info,
) -> None:
    """Serve the HTTP API: the yente protocol (/match, /search, /entities …), the reconciliation
    API (/reconcile) and /screen, /assessments, /lists. Keys: EXPORTGUARD_API_KEYS or
    EXPORTGUARD_API_KEYS_FILE (see docs/api.md)."""
    import uvicorn

    api_settings = load_api_settings()
    if not is_loopback(host) and not api_settings.auth_enabled:
        if not insecure_no_auth:
            raise typer.BadParameter(
                f"refusing to serve {host} without API keys: set EXPORTGUARD_API_KEYS or "
                "EXPORTGUARD_API_KEYS_FILE, or pass --insecure-no-auth",
                param_hint="--host",
            )
        err_console.print(f"[yellow]warning:[/] serving {host} with no authentication (--insecure-no-auth)")
    settings = load_settings()
    with load_progress() as factory:  # fill a new store once, before the workers start
        store = open_store(settings, progress=factory)
    if workers > 1:
        # Build and persist the candidate index once here, so that every worker loads it from
        # disk within a second instead of each building its own (and answering 503 until then).
        err_console.print("preparing the candidate index …", highlight=False)
        get_screener(store).index  # noqa: B018 - loads or builds and saves it
    store.close()
    auth_note = f"{len(api_settings.keys)} API key(s)" if api_settings.auth_enabled else "no authentication"
    err_console.print(
        f"exportguard API on http://{host}:{port} ({auth_note}, {workers} worker(s))", highlight=False
    )
    uvicorn.run(
        "exportguard.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=log_config(log_level),
        server_header=False,
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
