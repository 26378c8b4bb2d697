"""Store fixtures.

Strategy: the store's tests run on both engines. ``make_store`` is parametrised over SQLite (a
file in the test's tmp_path) and PostgreSQL (a fresh database per test in a throwaway server).
The server is started once per session from the PostgreSQL binaries on this machine
(``initdb`` + ``pg_ctl``, listening only on a Unix socket in a temporary folder; as the
``postgres`` user when the tests run as root) and stopped at the end. Without PostgreSQL
binaries those cases are skipped, unless ``EXPORTGUARD_TEST_POSTGRES=require`` (CI sets it),
where a missing server is a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from exportguard.store import Store

_counter = itertools.count()


def _pg_bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    for found in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (found / "initdb").exists():
            return found
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A running throwaway PostgreSQL server; yields an admin URL (Unix socket, no password)."""
    bindir = _pg_bindir()
    required = os.environ.get("EXPORTGUARD_TEST_POSTGRES") == "require"
    if bindir is None:
        if required:
            pytest.fail("EXPORTGUARD_TEST_POSTGRES=require but no PostgreSQL binaries were found")
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine")
    root = Path(tempfile.mkdtemp(prefix="exportguard-pg-"))
    root.chmod(0o755)
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    user = "postgres" if os.geteuid() == 0 else None
    init = [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-E", "UTF8", "--no-sync"]
    if user:
        init += ["-U", user]
    subprocess.run(_as_server_user(init), check=True, capture_output=True)
    opts = f"-k {sock} -c listen_addresses='' -c fsync=off"
    start = [str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"]
    subprocess.run(_as_server_user(start), check=True, capture_output=True)
    name = user or os.environ.get("USER") or "postgres"
    try:
        yield f"postgresql:///postgres?host={sock}&user={name}"
    finally:
        stop = [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(_as_server_user(stop), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def pg_url(pg_server: str) -> str:
    """A URL of a new, empty database on the throwaway server."""
    import psycopg

    name = f"eg_test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_server.replace("/postgres?", f"/{name}?", 1)


StoreFactory = Callable[..., Store]


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a test's store lives: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "postgres":
        url: str = request.getfixturevalue("pg_url")
        return url
    return tmp_path / "store.sqlite3"


@pytest.fixture()
def make_store(store_location: Path | str, tmp_path: Path) -> Iterator[StoreFactory]:
    opened: list[Store] = []

    def make(keep: int = 3) -> Store:
        store = Store(store_location, keep_versions=keep, home=tmp_path / "home")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
