"""The versioned list store, on SQLite (default) or PostgreSQL (:mod:`exportguard.store.database`).

Every load writes one new version of one source inside a single transaction: a load that fails,
is invalid or is killed part-way leaves the previous version untouched and readable.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from exportguard.errors import NotFoundError, StoreError
from exportguard.model import Entity
from exportguard.store.database import Database, PostgresDatabase, Row, SQLiteDatabase, is_postgres_url
from exportguard.store.models import Diff, VersionInfo

SCHEMA_VERSION = 1

_DDL = f"""
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
INSERT INTO meta (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}') ON CONFLICT (key) DO NOTHING
"""
PAGE = 2000  # entities read per query when iterating a whole version

_VERSION_COLS = (
    "source, version, checksum, format, published, as_of, as_of_basis, loaded_at, origin, files, "
    "counts, records, entity_count, warnings"
)


def _row_to_version(row: Row) -> VersionInfo:
    (source, version, checksum, format, published, as_of, as_of_basis, loaded_at, origin, files,
     counts, records, entity_count, warnings) = row  # fmt: skip  # the order of _VERSION_COLS
    return VersionInfo(
        source=source,
        version=version,
        checksum=checksum,
        format=format,
        published=published,
        as_of=as_of,
        as_of_basis=as_of_basis,
        loaded_at=loaded_at,
        origin=origin,
        files=json.loads(files),
        counts=json.loads(counts),
        records=records,
        entity_count=entity_count,
        warnings=json.loads(warnings),
    )


def source_of(entity_id: str) -> str:
    """The source part of an entity ID ``<source>-<record id>``."""
    return entity_id.split("-", 1)[0]


class Store:
    """Versioned snapshots of every source, in one SQLite file or one PostgreSQL database.

    ``location`` is the SQLite file's path, or a ``postgresql://`` URL; ``home`` is the local
    folder for derived files (the persisted candidate index), by default the SQLite file's folder.
    """

    def __init__(self, location: Path | str, keep_versions: int = 3, *, home: Path | None = None) -> None:
        self.keep_versions = keep_versions
        self._db: Database
        if isinstance(location, str) and is_postgres_url(location):
            if home is None:
                raise ValueError("a PostgreSQL store needs a local home for its index")
            self._db = PostgresDatabase(location, _DDL)
            self._home = home
        elif isinstance(location, str) and "://" in location:
            raise StoreError(f"{location.split('://')[0]}://…: not a PostgreSQL URL nor a SQLite file path")
        else:
            path = Path(location)
            self._db = SQLiteDatabase(path, _DDL)
            self._home = home or path.parent

    @property
    def home(self) -> Path:
        return self._home

    @property
    def label(self) -> str:
        """The store's file or (password-free) URL, for messages."""
        return self._db.label

    def close(self) -> None:
        self._db.close()

    # -- versions ---------------------------------------------------------------------------
    def versions(self, source: str) -> list[VersionInfo]:
        rows = self._db.query(
            f"SELECT {_VERSION_COLS} FROM versions WHERE source = ? ORDER BY version DESC", (source,)
        )
        return [_row_to_version(r) for r in rows]

    def current(self, source: str) -> VersionInfo | None:
        found = self.versions(source)
        return found[0] if found else None

    def current_versions(self) -> list[VersionInfo]:
        rows = self._db.query(
            f"SELECT {_VERSION_COLS} FROM versions v WHERE version = "
            "(SELECT MAX(version) FROM versions w WHERE w.source = v.source) ORDER BY source"
        )
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
            yield from self._iter_version(info.source, info.version)

    def _iter_version(self, source: str, version: int) -> Iterator[Entity]:
        """Page through one version by ID, so no cursor stays open while the caller works."""
        after = ""
        while True:
            rows = self._db.query(
                "SELECT id, data FROM entities WHERE source = ? AND version = ? AND id > ? ORDER BY id LIMIT ?",
                (source, version, after, PAGE),
            )
            for _id, data in rows:
                yield Entity.from_dict(json.loads(data))
            if len(rows) < PAGE:
                return
            after = rows[-1][0]

    def get_entity(self, entity_id: str, version: int | None = None) -> Entity | None:
        source = source_of(entity_id)
        info = self.current(source) if version is None else self._version(source, version)
        if info is None:
            return None
        rows = self._db.query(
            "SELECT data FROM entities WHERE source = ? AND version = ? AND id = ?",
            (source, info.version, entity_id),
        )
        return Entity.from_dict(json.loads(rows[0][0])) if rows else None

    def _version(self, source: str, version: int) -> VersionInfo | None:
        rows = self._db.query(
            f"SELECT {_VERSION_COLS} FROM versions WHERE source = ? AND version = ?", (source, version)
        )
        return _row_to_version(rows[0]) if rows else None

    def _digests(self, source: str, version: int) -> dict[str, str]:
        rows = self._db.query("SELECT id, digest FROM entities WHERE source = ? AND version = ?", (source, version))
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
        db = self._db
        try:
            with db.write_transaction():
                cur = self.current(source)
                if cur is not None and cur.checksum == checksum:
                    return None, []
                version = 1 if cur is None else cur.version + 1
                rows: dict[str, tuple[str, str, str]] = {}
                if is_delta and cur is not None:
                    for eid, schema, digest, data in db.query(
                        "SELECT id, schema, digest, data FROM entities WHERE source = ? AND version = ?",
                        (source, cur.version),
                    ):
                        rows[eid] = (schema, digest, data)
                for eid in deleted:
                    rows.pop(eid, None)
                for ent in entities:
                    rows[ent.id] = (ent.schema, ent.digest(), ent.to_json())
                counts = Counter(schema for schema, _d, _j in rows.values())
                db.executemany(
                    "INSERT INTO entities (source, version, id, schema, digest, data) VALUES (?, ?, ?, ?, ?, ?)",
                    ((source, version, eid, s, d, j) for eid, (s, d, j) in rows.items()),
                )
                loaded_at = datetime.now(UTC).isoformat(timespec="seconds")
                db.execute(
                    f"INSERT INTO versions ({_VERSION_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        source, version, checksum, format, published, as_of, as_of_basis, loaded_at,
                        origin, json.dumps(files), json.dumps(dict(sorted(counts.items()))), records,
                        len(rows), json.dumps(list(warnings)),
                    ),  # fmt: skip
                )
                kept = db.query("SELECT version FROM versions WHERE source = ? ORDER BY version DESC", (source,))
                pruned = [r[0] for r in kept[self.keep_versions :]]
                for old in pruned:
                    db.execute("DELETE FROM entities WHERE source = ? AND version = ?", (source, old))
                    db.execute("DELETE FROM versions WHERE source = ? AND version = ?", (source, old))
        except db.errors as exc:
            raise StoreError(f"{db.label}: could not write {source} ({exc}); previous version kept") from None
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
