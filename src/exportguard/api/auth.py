"""API keys and roles.

A key may come as ``Authorization: ApiKey KEY`` (what yente clients such as nomenklatura send),
``Authorization: Bearer KEY``, ``X-API-Key: KEY``, or the ``api_key`` query parameter (for
reconciliation clients such as OpenRefine, which cannot set headers). The SHA-256 of the key is
compared with every configured digest using ``hmac.compare_digest``, so the time taken does not
depend on how much of a key is right. With no keys configured every request is allowed.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, APIKeyQuery

from exportguard.api.errors import ApiError
from exportguard.api.settings import ApiSettings, Role, key_digest

_authorization = APIKeyHeader(
    name="Authorization",
    scheme_name="AuthorizationApiKey",
    description="`ApiKey <key>` (as yente clients send it) or `Bearer <key>`.",
    auto_error=False,
)
_x_api_key = APIKeyHeader(name="X-API-Key", scheme_name="XApiKey", auto_error=False)
_query_key = APIKeyQuery(
    name="api_key",
    scheme_name="QueryApiKey",
    description="For clients that cannot set headers (OpenRefine). Prefer a header.",
    auto_error=False,
)

_CHALLENGE = {"WWW-Authenticate": 'ApiKey realm="exportguard"'}


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the role, and a non-secret actor name for the audit log."""

    role: Role
    actor: str


ANONYMOUS = Principal(Role.admin, "anonymous (authentication disabled)")


def _presented(authorization: str | None, x_api_key: str | None, query_key: str | None) -> str | None:
    if authorization:
        scheme, _, value = authorization.strip().partition(" ")
        if scheme.lower() not in ("apikey", "bearer") or not value.strip():
            raise ApiError(
                "invalid_api_key",
                "Authorization must be `ApiKey <key>` or `Bearer <key>`",
                headers=_CHALLENGE,
            )
        return value.strip()
    return x_api_key or query_key or None


def identify(settings: ApiSettings, key: str | None) -> Principal:
    """The principal for a presented key (``None``: no key given)."""
    if not settings.auth_enabled:
        return ANONYMOUS
    if key is None:
        raise ApiError("missing_api_key", "this endpoint needs an API key", headers=_CHALLENGE)
    digest = key_digest(key)
    found = None
    for candidate in settings.keys:  # no early exit: every key is compared
        if hmac.compare_digest(digest, candidate.digest):
            found = candidate
    if found is None:
        raise ApiError("invalid_api_key", "the API key is not valid", headers=_CHALLENGE)
    return Principal(found.role, f"{found.role.value}:{found.fingerprint}")


def require(role: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency that admits keys with ``role`` or a higher one."""

    async def dependency(
        request: Request,
        authorization: str | None = Security(_authorization),
        x_api_key: str | None = Security(_x_api_key),
        api_key: str | None = Security(_query_key),
    ) -> Principal:
        settings: ApiSettings = request.app.state.api_settings
        principal = identify(settings, _presented(authorization, x_api_key, api_key))
        if not principal.role.allows(role):
            raise ApiError(
                "insufficient_role",
                f"this endpoint needs the {role.value} role (the key has {principal.role.value})",
            )
        return principal

    return dependency


def principal_for(request: Request) -> Principal:
    """Authenticate inside a route (for endpoints that are public in some cases)."""
    settings: ApiSettings = request.app.state.api_settings
    key = _presented(
        request.headers.get("authorization"),
        request.headers.get("x-api-key"),
        request.query_params.get("api_key"),
    )
    return identify(settings, key)


viewer = require(Role.viewer)
analyst = require(Role.analyst)
admin = require(Role.admin)

# Route parameter types: ``_principal: auth.Viewer`` admits viewer keys and above.
Viewer = Annotated[Principal, Depends(viewer)]
Analyst = Annotated[Principal, Depends(analyst)]
Admin = Annotated[Principal, Depends(admin)]
