"""The two databases the list store runs on, behind one small interface.

SQL is written once, with ``?`` placeholders and statements both engines accept; each adapter
opens its connection, runs statements, and provides the one write transaction per load that
makes loading atomic (SQLite: ``BEGIN IMMEDIATE`` under WAL; PostgreSQL: a transaction holding a
lock that serialises writers while readers keep seeing the previous version).

- :class:`SQLiteDatabase` — the embedded default, one file in ``$EXPORTGUARD_HOME``.
- :class:`PostgresDatabase` — the shared store (``EXPORTGUARD_DATABASE_URL``), through psycopg 3.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from exportguard.errors import StoreError

Row = tuple[Any, ...]


class Database(Protocol):
    label: str  # names the store in messages (a path, or a URL without its password)
    errors: tuple[type[Exception], ...]  # the driver's errors, mapped to StoreError by the caller

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]: ...

    def execute(self, sql: str, params: Sequence[object] = ()) -> None: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...

    def write_transaction(self) -> Any: ...  # a context manager: commit on success, else roll back

    def close(self) -> None: ...


def split_statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


class SQLiteDatabase:
    """One SQLite file in WAL mode: readers never block the single writer, and a killed writer
    leaves only an uncommitted WAL tail that SQLite discards on the next open."""

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(self, path: Path, ddl: str) -> None:
        self.label = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            for statement in split_statements(ddl):
                self._conn.execute(statement)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open the list store ({exc})") from None

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        return [tuple(r) for r in self._conn.execute(sql, tuple(params)).fetchall()]

    def execute(self, sql: str, params: Sequence[object] = ()) -> None:
        self._conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        self._conn.executemany(sql, (tuple(r) for r in rows))

    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()


_PLACEHOLDER = re.compile(r"\?")
_DDL_LOCK = 7_406_017  # pg_advisory_xact_lock key: only one process creates the tables


class PostgresDatabase:
    """A PostgreSQL database shared by every user and server of an organisation.

    The connection runs in autocommit mode; a load is one explicit transaction that first takes
    ``SHARE ROW EXCLUSIVE`` on ``versions`` (one writer at a time; readers are not blocked and see
    the previous version until the commit). A writer killed mid-load loses its connection and the
    server rolls its transaction back.
    """

    def __init__(self, url: str, ddl: str) -> None:
        try:
            import psycopg
        except ModuleNotFoundError:
            raise StoreError(
                "EXPORTGUARD_DATABASE_URL names a PostgreSQL store, but psycopg is not installed "
                "(pip install 'exportguard[postgres]')"
            ) from None
        self._psycopg = psycopg
        self.errors: tuple[type[Exception], ...] = (psycopg.Error,)
        self.label = redact_url(url)
        self._lock = threading.RLock()
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=30)
            with self._conn.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_DDL_LOCK,))
                for statement in split_statements(ddl):
                    self._conn.execute(statement)
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: cannot open the list store ({_first_line(exc)})") from None

    @staticmethod
    def _sql(sql: str) -> str:
        return _PLACEHOLDER.sub("%s", sql)

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self._lock:
            return list(self._conn.execute(self._sql(sql), tuple(params)).fetchall())

    def execute(self, sql: str, params: Sequence[object] = ()) -> None:
        with self._lock:
            self._conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        with self._lock, self._conn.cursor() as cur:
            cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        with self._lock, self._conn.transaction():
            self._conn.execute("LOCK TABLE versions IN SHARE ROW EXCLUSIVE MODE")
            yield

    def close(self) -> None:
        self._conn.close()


def redact_url(url: str) -> str:
    """``postgresql://user:secret@host/db`` → ``postgresql://user@host/db`` (never print a password)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1@", url)


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
