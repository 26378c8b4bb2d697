"""The screener: validate a query, find candidates in the index, score and explain them, and
return one result per designation (entities grouped across sources).

``Screener(store)`` builds or loads the index lazily; ``get_screener(store)`` keeps one per
list-data fingerprint so callers (CLI, API, assessment) share it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from exportguard.index.build import build_index
from exportguard.index.cache import cache_key, load_cached, save_cached
from exportguard.index.data import IndexData
from exportguard.index.search import search
from exportguard.match.results import build_results
from exportguard.match.scoring import EntityScore, QueryContext, score_entity
from exportguard.match.types import ListVersion, Query, ScreenResponse
from exportguard.match.validate import validate_query
from exportguard.model import Entity
from exportguard.model.schema import schemata_compatible
from exportguard.normalize.scripts import has_abjad
from exportguard.normalize.terms import terms_digest
from exportguard.sources.registry import SOURCE_IDS
from exportguard.store.models import VersionInfo

ALGORITHM_NAME = "exportguard-v1"
ALGORITHM_VERSION = "1.7.0"
REPORT_MARGIN = 0.2  # results this far below the threshold are still shown (as no match)
EVIDENCE_HEADROOM = 0.15  # the most that birth date, country and address can add together
MIN_COVERAGE = 0.15
ENTITY_CACHE = 4096


class EntityStore(Protocol):
    """What the screener reads from a store (``exportguard.store.Store`` and ``MemoryStore``)."""

    @property
    def home(self) -> Path | None: ...

    def iter_entities(self, sources: Sequence[str] | None = None) -> Iterator[Entity]: ...

    def get_entity(self, entity_id: str) -> Entity | None: ...

    def current_versions(self) -> list[VersionInfo]: ...

    def data_fingerprint(self) -> str: ...


class Screener:
    """Screens parties against every entity of a store's current list versions."""

    def __init__(self, store: EntityStore, *, persist: bool = True) -> None:
        self.store = store
        self.persist = persist
        self.fingerprint = store.data_fingerprint()
        self.key = cache_key(self.fingerprint, ALGORITHM_VERSION, terms_digest())
        self._index: IndexData | None = None
        self._versions: list[VersionInfo] | None = None
        self._lock = threading.RLock()
        self._entities: OrderedDict[str, Entity | None] = OrderedDict()

    # -- index -----------------------------------------------------------------------------
    @property
    def index(self) -> IndexData:
        """The candidate index: loaded from ``<home>/index`` or built (and saved) on first use."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._load_or_build()
        return self._index

    def _load_or_build(self) -> IndexData:
        home = self.store.home if self.persist else None
        if home is not None:
            cached = load_cached(home, self.key)
            if cached is not None:
                return cached
        ix = build_index(self.store.iter_entities(), self.key)
        if home is not None:
            save_cached(home, ix)
        return ix

    def versions(self) -> list[VersionInfo]:
        if self._versions is None:
            self._versions = self.store.current_versions()
        return self._versions

    def entity(self, entity_id: str) -> Entity | None:
        """An entity from the store (cached; the store's data cannot change under one fingerprint)."""
        with self._lock:
            if entity_id in self._entities:
                self._entities.move_to_end(entity_id)
                return self._entities[entity_id]
            ent = self.store.get_entity(entity_id)
            self._entities[entity_id] = ent
            if len(self._entities) > ENTITY_CACHE:
                self._entities.popitem(last=False)
            return ent

    # -- screening -------------------------------------------------------------------------
    def candidates(self, query: Query) -> tuple[QueryContext, list[EntityScore]]:
        """Validate ``query`` and score every candidate entity (ungrouped, unsorted)."""
        q = validate_query(query, SOURCE_IDS)
        ctx = QueryContext.of(q)
        ix = self.index
        wanted = set(q.sources)
        any_schema = q.schema == "LegalEntity"

        def allowed(ent: int) -> bool:
            if wanted and ix.entity_source[ent] not in wanted:
                return False
            if ctx.organisation and ix.entity_schema[ent] == "Person":
                return False
            return any_schema or schemata_compatible(q.schema, ix.entity_schema[ent])

        # The name score is at most the query coverage, and evidence adds at most EVIDENCE_HEADROOM.
        floor = max(MIN_COVERAGE, q.threshold - REPORT_MARGIN - EVIDENCE_HEADROOM)
        found = search(
            ix,
            [f.tokens for f in ctx.forms],
            allowed=allowed,
            groups=q.limit,
            identifiers=ctx.identifiers,
            min_coverage=floor,
            abjad=[has_abjad(f.name) for f in ctx.forms],
        )
        return ctx, [score_entity(ix, ctx, c.entity, c.forms) for c in found]

    def screen(self, query: Query) -> ScreenResponse:
        """Screen one party. Raises ``ValidationError`` for a bad query."""
        ctx, scored = self.candidates(query)
        q = ctx.query
        floor = max(0.0, q.threshold - REPORT_MARGIN)
        results = build_results(self, q, [s for s in scored if s.score >= floor and s.score > 0])
        lists = [
            ListVersion(v.source, v.version, v.as_of)
            for v in self.versions()
            if not q.sources or v.source in q.sources
        ]
        return ScreenResponse(q, results, ALGORITHM_NAME, ALGORITHM_VERSION, lists)

    def screen_many(self, queries: Iterable[Query]) -> list[ScreenResponse]:
        """Screen several parties (the index is loaded once)."""
        return [self.screen(q) for q in queries]


_SCREENERS: dict[str, Screener] = {}
_SCREENERS_LOCK = threading.Lock()


def get_screener(store: EntityStore) -> Screener:
    """The shared screener for ``store``'s current data (one per data fingerprint)."""
    fingerprint = store.data_fingerprint()
    with _SCREENERS_LOCK:
        screener = _SCREENERS.get(fingerprint)
        if screener is None:
            _SCREENERS.clear()  # an older fingerprint's index is no longer wanted
            screener = _SCREENERS[fingerprint] = Screener(store)
        else:
            screener.store = store  # read entities through the caller's (open) store
        return screener
