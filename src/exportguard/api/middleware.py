"""ASGI middleware: the request body limit and the request log.

The body limit refuses a declared ``Content-Length`` over the limit before reading anything, and
stops a chunked body as soon as it passes the limit. The request log writes one line per request
at info level — method, path (never the query string, which may hold an API key), status, time —
and never headers or bodies.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from exportguard.api.errors import error_body

log = logging.getLogger("exportguard.api.access")


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = False
            if too_big:
                await _send_error(
                    send, "body_too_large", f"the request body is larger than {self.max_bytes} bytes"
                )
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(413, f"the request body is larger than {self.max_bytes} bytes")
            return message

        await self.app(scope, limited, send)


async def _send_error(send: Send, code: str, detail: str) -> None:
    body = json.dumps(error_body(code, detail)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": error_body(code, detail)["status"],
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status: dict[str, Any] = {"code": 500}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            elapsed = (time.perf_counter() - start) * 1000
            log.info("%s %s %d %.1fms", scope["method"], scope["path"], status["code"], elapsed)
