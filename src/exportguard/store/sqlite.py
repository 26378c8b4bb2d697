"""SQLite implementation of the versioned list store.

Every load writes one new version of one source inside a single transaction (WAL journal): a load
that fails, is invalid or is killed part-way leaves the previous version untouched and readable.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from exportguard.errors import NotFoundError, StoreError
from exportguard.model import Entity
from exportguard.store.models import Diff, VersionInfo

SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
    source TEXT NOT NULL,
    version INTEGER NOT NULL,
    checksum TEXT NOT NULL,
    format TEXT NOT NULL,
    published TEXT,
    as_of TEXT,
    as_of_basis TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    files TEXT NOT NULL,
    counts TEXT NOT NULL,
    records INTEGER NOT NULL,
    entity_count INTEGER NOT NULL,
    warnings TEXT NOT NULL,
    PRIMARY KEY (source, version)
);
CREATE TABLE IF NOT EXISTS entities (
    source TEXT NOT NULL,
    version INTEGER NOT NULL,
    id TEXT NOT NULL,
    schema TEXT NOT NULL,
    digest TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (source, version, id)
);
CREATE INDEX IF NOT EXISTS entities_by_id ON entities (id);
"""

_VERSION_COLS = (
    "source, version, checksum, format, published, as_of, as_of_basis, loaded_at, origin, files, "
    "counts, records, entity_count, warnings"
)


def _row_to_version(row: sqlite3.Row) -> VersionInfo:
    return VersionInfo(
        source=row["source"],
        version=row["version"],
        checksum=row["checksum"],
        format=row["format"],
        published=row["published"],
        as_of=row["as_of"],
        as_of_basis=row["as_of_basis"],
        loaded_at=row["loaded_at"],
        origin=row["origin"],
        files=json.loads(row["files"]),
        counts=json.loads(row["counts"]),
        records=row["records"],
        entity_count=row["entity_count"],
        warnings=json.loads(row["warnings"]),
    )


def source_of(entity_id: str) -> str:
    """The source part of an entity ID ``<source>-<record id>``."""
    return entity_id.split("-", 1)[0]


class Store:
    """Versioned snapshots of every source, in one SQLite file."""

    def __init__(self, path: Path, keep_versions: int = 3) -> None:
        self.path = path
        self.keep_versions = keep_versions
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_DDL)
            self._conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open the list store ({exc})") from None

    @property
    def home(self) -> Path:
        return self.path.parent

    def close(self) -> None:
        self._conn.close()

    # -- versions ---------------------------------------------------------------------------
    def versions(self, source: str) -> list[VersionInfo]:
        rows = self._conn.execute(
            f"SELECT {_VERSION_COLS} FROM versions WHERE source = ? ORDER BY version DESC", (source,)
        ).fetchall()
        return [_row_to_version(r) for r in rows]

    def current(self, source: str) -> VersionInfo | None:
        found = self.versions(source)
        return found[0] if found else None

    def current_versions(self) -> list[VersionInfo]:
        rows = self._conn.execute(
            f"SELECT {_VERSION_COLS} FROM versions v WHERE version = "
            "(SELECT MAX(version) FROM versions w WHERE w.source = v.source) ORDER BY source"
        ).fetchall()
        return [_row_to_version(r) for r in rows]

    def data_fingerprint(self) -> str:
        """Changes whenever any source's current version changes (keys persisted indexes)."""
        parts = [f"{v.source}:{v.version}:{v.checksum}" for v in self.current_versions()]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    # -- entities ---------------------------------------------------------------------------
    def iter_entities(self, sources: Sequence[str] | None = None) -> Iterator[Entity]:
        """Every entity of the current version of each (selected) source."""
        for info in self.current_versions():
            if sources and info.source not in sources:
                continue
            cur = self._conn.execute(
                "SELECT data FROM entities WHERE source = ? AND version = ? ORDER BY id",
                (info.source, info.version),
            )
            for (data,) in cur:
                yield Entity.from_dict(json.loads(data))

    def get_entity(self, entity_id: str, version: int | None = None) -> Entity | None:
        source = source_of(entity_id)
        info = self.current(source) if version is None else self._version(source, version)
        if info is None:
            return None
        row = self._conn.execute(
            "SELECT data FROM entities WHERE source = ? AND version = ? AND id = ?",
            (source, info.version, entity_id),
        ).fetchone()
        return None if row is None else Entity.from_dict(json.loads(row[0]))

    def _version(self, source: str, version: int) -> VersionInfo | None:
        row = self._conn.execute(
            f"SELECT {_VERSION_COLS} FROM versions WHERE source = ? AND version = ?", (source, version)
        ).fetchone()
        return None if row is None else _row_to_version(row)

    def _digests(self, source: str, version: int) -> dict[str, str]:
        rows = self._conn.execute(
            "SELECT id, digest FROM entities WHERE source = ? AND version = ?", (source, version)
        )
        return {r[0]: r[1] for r in rows}

    # -- writing ----------------------------------------------------------------------------
    def write_version(
        self,
        *,
        source: str,
        checksum: str,
        format: str,
        published: str | None,
        as_of: str | None,
        as_of_basis: str,
        origin: str,
        files: list[str],
        records: int,
        entities: Sequence[Entity],
        deleted: Sequence[str] = (),
        is_delta: bool = False,
        warnings: Sequence[str] = (),
    ) -> tuple[VersionInfo | None, list[int]]:
        """Write a new version atomically. Returns (None, []) when ``checksum`` is already current.

        A delta (``is_delta``) starts from the current version: ``deleted`` IDs are removed and
        ``entities`` added or replaced.
        """
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                cur = self.current(source)
                if cur is not None and cur.checksum == checksum:
                    conn.execute("ROLLBACK")
                    return None, []
                version = 1 if cur is None else cur.version + 1
                rows: dict[str, tuple[str, str, str]] = {}
                if is_delta and cur is not None:
                    for eid, schema, digest, data in conn.execute(
                        "SELECT id, schema, digest, data FROM entities WHERE source = ? AND version = ?",
                        (source, cur.version),
                    ):
                        rows[eid] = (schema, digest, data)
                for eid in deleted:
                    rows.pop(eid, None)
                for ent in entities:
                    rows[ent.id] = (ent.schema, ent.digest(), ent.to_json())
                counts = Counter(schema for schema, _d, _j in rows.values())
                conn.executemany(
                    "INSERT INTO entities (source, version, id, schema, digest, data) VALUES (?, ?, ?, ?, ?, ?)",
                    ((source, version, eid, s, d, j) for eid, (s, d, j) in rows.items()),
                )
                loaded_at = datetime.now(UTC).isoformat(timespec="seconds")
                conn.execute(
                    f"INSERT INTO versions ({_VERSION_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        source, version, checksum, format, published, as_of, as_of_basis, loaded_at,
                        origin, json.dumps(files), json.dumps(dict(sorted(counts.items()))), records,
                        len(rows), json.dumps(list(warnings)),
                    ),  # fmt: skip
                )
                pruned = [
                    r[0]
                    for r in conn.execute(
                        "SELECT version FROM versions WHERE source = ? ORDER BY version DESC LIMIT -1 OFFSET ?",
                        (source, self.keep_versions),
                    )
                ]
                for old in pruned:
                    conn.execute("DELETE FROM entities WHERE source = ? AND version = ?", (source, old))
                    conn.execute("DELETE FROM versions WHERE source = ? AND version = ?", (source, old))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: could not write {source} ({exc}); previous version kept") from None
        info = self._version(source, version)
        assert info is not None
        return info, pruned

    # -- diffs ------------------------------------------------------------------------------
    def diff(self, source: str, old: int | None = None, new: int | None = None) -> Diff:
        """What changed between version ``old`` (default: the one before ``new``) and ``new``
        (default: current)."""
        versions = self.versions(source)
        if not versions:
            raise NotFoundError(f"source {source} has no loaded version")
        numbers = [v.version for v in versions]
        new_v = numbers[0] if new is None else new
        if new_v not in numbers:
            raise NotFoundError(f"{source} has no version {new_v} (kept: {', '.join(map(str, numbers))})")
        if old is None:
            older = [n for n in numbers if n < new_v]
            old_v: int | None = older[0] if older else None
        else:
            if old not in numbers:
                raise NotFoundError(f"{source} has no version {old} (kept: {', '.join(map(str, numbers))})")
            old_v = old
        new_d = self._digests(source, new_v)
        old_d = self._digests(source, old_v) if old_v is not None else {}
        added = sorted(set(new_d) - set(old_d))
        removed = sorted(set(old_d) - set(new_d))
        modified = sorted(k for k in set(new_d) & set(old_d) if new_d[k] != old_d[k])
        return Diff(source, old_v, new_v, added, removed, modified)
