"""An in-memory entity collection with the store's reading interface: for tests, benchmarks
and callers that screen against entities they hold themselves."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from exportguard.model import Entity
from exportguard.store.models import VersionInfo


class MemoryStore:
    """Entities held in a dict; ``home`` None means the index is never persisted."""

    def __init__(
        self, entities: Iterable[Entity], home: Path | None = None, as_of: str | None = None
    ) -> None:
        self.entities: dict[str, Entity] = {}
        for ent in entities:
            self.entities[ent.id] = ent
        self.home = home
        self.as_of = as_of

    def iter_entities(self, sources: Sequence[str] | None = None) -> Iterator[Entity]:
        for ent in self.entities.values():
            if not sources or ent.source in sources:
                yield ent

    def get_entity(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def current_versions(self) -> list[VersionInfo]:
        counts: dict[str, int] = {}
        for ent in self.entities.values():
            counts[ent.source] = counts.get(ent.source, 0) + 1
        now = datetime.now(UTC).isoformat(timespec="seconds")
        return [
            VersionInfo(
                source, 1, "memory", "memory", None, self.as_of, "memory", now, "memory", [], {}, n, n
            )
            for source, n in sorted(counts.items())
        ]

    def data_fingerprint(self) -> str:
        h = hashlib.sha256()
        for eid in sorted(self.entities):
            h.update(eid.encode())
            h.update(self.entities[eid].digest().encode())
        return h.hexdigest()[:16]
