"""API test fixtures.

Strategy: one real ``exportguard serve`` process per test session, on a free loopback port, over the
session's bundled home (``bundled_home``), with one API key per role and small limits (64 KiB
bodies, 20 queries) so the limits can be hit cheaply. Tests talk to it over HTTP — with httpx, with
nomenklatura's ``YenteEnricher`` and with schemathesis — exactly as outside clients would.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

KEYS = {
    "viewer": "viewer-key-0123456789abcdef",
    "analyst": "analyst-key-0123456789abcdef",
    "admin": "admin-key-0123456789abcdef",
}
MAX_BODY = 65536
MAX_QUERIES = 20
READY_TIMEOUT = 240.0  # a first start builds the candidate index


@dataclass(frozen=True)
class Server:
    url: str
    home: Path
    log: Path

    def client(self, role: str | None = "viewer") -> httpx.Client:
        headers = {"Authorization": f"ApiKey {KEYS[role]}"} if role else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def api_server(bundled_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    env = {
        **os.environ,
        "EXPORTGUARD_HOME": str(bundled_home),
        "EXPORTGUARD_API_KEYS": ",".join(f"{role}:{key}" for role, key in KEYS.items()),
        "EXPORTGUARD_API_MAX_BODY": str(MAX_BODY),
        "EXPORTGUARD_API_MAX_QUERIES": str(MAX_QUERIES),
    }
    log_path = tmp_path_factory.mktemp("api-server") / "server.log"
    cmd = [sys.executable, "-m", "exportguard.cli.main", "serve", "--port", str(port)]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", bundled_home, log_path)
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            try:
                if httpx.get(f"{server.url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"exportguard serve did not become ready:\n{log_path.read_text('utf-8')[-3000:]}")
            time.sleep(0.25)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture()
def viewer(api_server: Server) -> Iterator[httpx.Client]:
    with api_server.client("viewer") as client:
        yield client


@pytest.fixture()
def analyst(api_server: Server) -> Iterator[httpx.Client]:
    with api_server.client("analyst") as client:
        yield client


@pytest.fixture()
def admin(api_server: Server) -> Iterator[httpx.Client]:
    with api_server.client("admin") as client:
        yield client


@pytest.fixture()
def anonymous(api_server: Server) -> Iterator[httpx.Client]:
    with api_server.client(None) as client:
        yield client
