"""Every API error, in one place: stable codes, their HTTP statuses, and the JSON envelope.

Every 4xx and 5xx answer has the same body::

    {"status": 404, "code": "unknown_dataset", "detail": "no dataset 'xx'; …", "errors": []}

``detail`` is the field yente clients already read; ``code`` is stable and documented here and in
the OpenAPI schema; ``errors`` lists the fields at fault for ``invalid_request``. Exceptions from
``exportguard.errors`` map to codes in ``DOMAIN_ERRORS``.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from exportguard import errors as eg

log = logging.getLogger(__name__)

# code -> (HTTP status, meaning). The codes are part of the API: never rename one.
ERROR_CODES: dict[str, tuple[int, str]] = {
    "malformed_json": (400, "The request body is not valid JSON (or not valid form data)."),
    "invalid_request": (422, "A parameter or body field is missing, of the wrong type or out of range."),
    "unknown_schema": (422, "An entity schema (type) that exportguard does not screen."),
    "unknown_algorithm": (422, "An algorithm name that this server does not offer (see /algorithms)."),
    "unknown_source": (422, "A source ID in the request body that is not a known source."),
    "invalid_input": (422, "The input was read but is not valid (a case file, a value)."),
    "missing_api_key": (401, "The endpoint needs an API key and none was given."),
    "invalid_api_key": (401, "The API key given is not a configured key."),
    "insufficient_role": (403, "The API key's role does not allow this endpoint."),
    "not_found": (404, "No such endpoint."),
    "unknown_dataset": (404, "The dataset is not `default`, a source ID or a group."),
    "entity_not_found": (404, "No entity with that ID in the current lists."),
    "assessment_not_found": (404, "No assessment with that ID."),
    "method_not_allowed": (405, "The endpoint does not accept this HTTP method."),
    "body_too_large": (413, "The request body is larger than the server's limit."),
    "too_many_queries": (413, "More queries in one request than the server's limit."),
    "unsupported_media_type": (415, "The request body has a content type the endpoint does not take."),
    "internal_error": (500, "An unexpected error; the server log has the details."),
    "store_unavailable": (503, "The list store cannot be read."),
    "not_ready": (503, "The server is still loading the lists and building its index."),
    "timeout": (504, "The request took longer than the server's time limit."),
}

# a value outside a field's fixed vocabulary -> a more specific code than invalid_request
LITERAL_CODES = {"schema": "unknown_schema", "sources": "unknown_source"}

# exportguard errors -> codes (most specific class first)
DOMAIN_ERRORS: tuple[tuple[type[eg.ExportguardError], str], ...] = (
    (eg.NotFoundError, "entity_not_found"),
    (eg.StoreError, "store_unavailable"),
    (eg.ParseError, "invalid_input"),
    (eg.ValidationError, "invalid_input"),
    (eg.InputFileError, "invalid_input"),
    (eg.ExportguardError, "invalid_input"),
)


class ErrorItem(BaseModel):
    loc: list[str | int] = Field(
        default_factory=list, description="Where the error is (body, query, path …)."
    )
    msg: str
    type: str


class ErrorResponse(BaseModel):
    """The body of every 4xx and 5xx answer."""

    status: int = Field(..., examples=[404])
    code: str = Field(..., examples=["unknown_dataset"], description="Stable error code (see docs/api.md).")
    detail: str = Field(..., examples=["no dataset 'xx'"])
    errors: list[ErrorItem] = Field(default_factory=list)


class ApiError(Exception):
    """Raise from a route to answer with the envelope for ``code``."""

    def __init__(
        self,
        code: str,
        detail: str,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        if code not in ERROR_CODES:
            raise KeyError(code)
        super().__init__(detail)
        self.code = code
        self.status = ERROR_CODES[code][0]
        self.detail = detail
        self.errors = errors or []
        self.headers = headers


def error_body(code: str, detail: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"status": ERROR_CODES[code][0], "code": code, "detail": detail, "errors": errors or []}


def error_response(
    code: str, detail: str, errors: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, detail, errors), status_code=ERROR_CODES[code][0], headers=headers)


def responses(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for a route: each status with the envelope and the codes it carries."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(ERROR_CODES[code][0], []).append(code)
    out: dict[int | str, dict[str, Any]] = {}
    for status, names in sorted(by_status.items()):
        listed = "; ".join(f"`{n}`: {ERROR_CODES[n][1].rstrip('.')}" for n in names)
        out[status] = {"model": ErrorResponse, "description": f"Error codes — {listed}"}
    return out


def _loc(loc: Any) -> list[str | int]:
    return [p if isinstance(p, int) else str(p) for p in loc]


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.code, exc.detail, exc.errors, exc.headers)


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, eg.ExportguardError)
    code = next(c for cls, c in DOMAIN_ERRORS if isinstance(exc, cls))
    return error_response(code, exc.message)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    items = [
        {"loc": _loc(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in exc.errors()
    ]
    if any(i["type"] == "json_invalid" for i in items):
        return error_response("malformed_json", "the request body is not valid JSON", items)
    for item in items:
        fields = [p for p in item["loc"] if isinstance(p, str)]
        specific = LITERAL_CODES.get(fields[-1]) if fields and item["type"] == "literal_error" else None
        if specific is not None:
            where = ".".join(str(p) for p in item["loc"])
            return error_response(specific, f"{where}: {item['msg']}", items)
    summary = "; ".join(f"{'.'.join(str(p) for p in i['loc'])}: {i['msg']}" for i in items[:5])
    return error_response("invalid_request", summary or "invalid request", items)


_HTTP_CODES = {
    400: "malformed_json",
    401: "missing_api_key",
    403: "insufficient_role",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    503: "not_ready",
}


def _allowed_methods(request: Request) -> str:
    """Every method some route offers for this path (Starlette names only the first route's)."""
    allowed = []
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.routes):
            allowed.append(method)
    return ", ".join(allowed)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "internal_error" if exc.status_code >= 500 else "invalid_request")
    detail = exc.detail if isinstance(exc.detail, str) else ERROR_CODES[code][1]
    headers = dict(getattr(exc, "headers", None) or {})
    if code == "not_found" and detail == "Not Found":
        detail = f"no endpoint {request.url.path}"
    if code == "method_not_allowed":
        headers["Allow"] = _allowed_methods(request)
        detail = f"{request.method} is not allowed here; allowed: {headers['Allow']}"
    return error_response(code, detail, headers=headers or None)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response("internal_error", f"internal error ({type(exc).__name__})")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(eg.ExportguardError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
