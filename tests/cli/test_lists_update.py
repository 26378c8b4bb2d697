"""`lists update` against a local HTTP server on loopback: retries, truncation, checksums."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

NOBUNDLE = {"EXPORTGUARD_BUNDLE": "off"}
DPL_BYTES = Path(str(resources.files("exportguard").joinpath("data/lists/us_csl/dpl.txt"))).read_bytes()


class Mirror:
    """Serves files by name; can fail the first N requests, truncate bodies or publish SHA256SUMS."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.fail_first = 0
        self.truncate = False
        self.requests: list[str] = []


@pytest.fixture()
def mirror() -> Iterator[tuple[Mirror, str]]:
    state = Mirror()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            name = self.path.lstrip("/")
            state.requests.append(name)
            if name != "SHA256SUMS" and state.fail_first > 0:
                state.fail_first -= 1
                self.send_response(503)
                self.end_headers()
                return
            body = state.files.get(name)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", "Tue, 28 Nov 2023 12:00:00 GMT")
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if state.truncate and name != "SHA256SUMS" else body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _show(home: Path) -> str:
    return run_cli("lists", "show", "--format", "json", home=home, env=NOBUNDLE).stdout


def test_update_downloads_and_loads_then_noop(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files["dpl.txt"] = DPL_BYTES
    home = tmp_path / "home"
    r = run_cli("lists", "update", "us_bis_dpl", "--from", url, home=home, env=NOBUNDLE)
    assert r.returncode == 0, r.stderr
    assert "loaded version 1" in r.stdout
    r = run_cli("lists", "update", "us_bis_dpl", "--from", url, home=home, env=NOBUNDLE)
    assert r.returncode == 0 and "unchanged" in r.stdout


def test_update_retries_server_errors(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files["dpl.txt"] = DPL_BYTES
    state.fail_first = 2
    r = run_cli("lists", "update", "us_bis_dpl", "--from", url, "--retries", "3", home=tmp_path / "h", env=NOBUNDLE)
    assert r.returncode == 0, r.stderr
    assert state.requests.count("dpl.txt") == 3


def test_update_gives_up_and_keeps_store(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files["dpl.txt"] = DPL_BYTES
    home = tmp_path / "home"
    assert run_cli("lists", "update", "us_bis_dpl", "--from", url, home=home, env=NOBUNDLE).returncode == 0
    before = _show(home)
    state.files["dpl.txt"] = DPL_BYTES.replace(b"AARON", b"ARON")
    state.truncate = True
    r = run_cli("lists", "update", "us_bis_dpl", "--from", url, "--retries", "2", home=home, env=NOBUNDLE)
    assert r.returncode == 7
    assert "truncated download" in r.stderr and "Traceback" not in r.stderr
    assert _show(home) == before


def test_update_checks_mirror_checksums(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files["dpl.txt"] = DPL_BYTES
    state.files["SHA256SUMS"] = f"{hashlib.sha256(b'something else').hexdigest()}  dpl.txt\n".encode()
    r = run_cli("lists", "update", "us_bis_dpl", "--from", url, home=tmp_path / "h", env=NOBUNDLE)
    assert r.returncode == 7
    assert "checksum mismatch" in r.stderr


def test_update_refuses_a_partial_list(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files["dpl.txt"] = b"\n".join(DPL_BYTES.split(b"\n")[:20]) + b"\n"
    r = run_cli("lists", "update", "us_bis_dpl", "--from", url, home=tmp_path / "h", env=NOBUNDLE)
    assert r.returncode == 4
    assert "fewer than the 300 expected" in r.stderr


def test_update_tries_every_source_and_reports_each_failure(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files["dpl.txt"] = DPL_BYTES  # the mirror has the DPL but not the UN list
    home = tmp_path / "home"
    r = run_cli("lists", "update", "un_sc_sanctions", "us_bis_dpl", "--from", url, "--retries", "1", home=home, env=NOBUNDLE)
    assert r.returncode == 7, r.stderr
    assert "us_bis_dpl: loaded version 1" in r.stdout  # the source after the failing one was still updated
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 2 and "un_sc_sanctions" in errors[0] and "HTTP 404" in errors[0]
    assert "1 of 2 sources not updated (un_sc_sanctions)" in errors[1]
    assert "Traceback" not in r.stderr
