"""``exportguard serve``: loopback detection, refusing open addresses without keys, and a server
log that never holds keys, query strings or request bodies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from exportguard.cli.serve import is_loopback
from tests.api.conftest import KEYS, Server


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.3.4.5", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10"])
def test_refuses_an_open_address_without_keys(host: str, tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "exportguard.cli.main", "serve", "--host", host, "--port", "9"]
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=60, env={"EXPORTGUARD_HOME": str(tmp_path)}
    )
    assert done.returncode == 2, done.stderr
    assert "refusing to serve" in done.stderr and "--insecure-no-auth" in done.stderr


def test_bad_key_configuration_stops_the_server(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "exportguard.cli.main", "serve", "--port", "9"]
    env = {"EXPORTGUARD_API_KEYS": "viewer:tooshort", "EXPORTGUARD_HOME": str(tmp_path)}
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 4, done.stderr
    assert "EXPORTGUARD_API_KEYS entry 1" in done.stderr and "tooshort" not in done.stderr


def test_log_holds_no_keys_queries_or_bodies(api_server: Server, anonymous: httpx.Client) -> None:
    canary = "Zebulon Quixotic Canary"
    anonymous.get("/reconcile/default/suggest/entity", params={"prefix": canary, "api_key": KEYS["viewer"]})
    anonymous.post(
        "/match/default",
        json={"queries": {"q": {"schema": "Person", "properties": {"name": [canary]}}}},
        headers={"Authorization": f"ApiKey {KEYS['analyst']}"},
    )
    anonymous.post("/screen", json={"name": canary}, headers={"X-API-Key": "wrong-key-0123456789-canary"})
    log = api_server.log.read_text("utf-8")
    assert "POST /match/default 200" in log  # requests are logged …
    assert "GET /reconcile/default/suggest/entity 200" in log
    assert canary not in log and "Zebulon" not in log  # … but not what was asked
    for key in [*KEYS.values(), "wrong-key-0123456789-canary"]:
        assert key not in log
