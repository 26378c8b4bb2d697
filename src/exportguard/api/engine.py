"""The store and screening engine behind one server process.

They are loaded in a background thread when the server starts (a new ``EXPORTGUARD_HOME`` is
filled from the bundled lists first), so ``/healthz`` answers at once and ``/readyz`` says when
screening can begin. Engine calls run one at a time in a worker thread, under the request time
limit, so the event loop stays free for health checks.

The server notices when the lists change under it (``exportguard lists update`` in another
process): ``refresh()``, called every minute, builds the new index on a second connection while
the old one keeps answering, then swaps them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

import anyio

from exportguard.api.errors import ApiError
from exportguard.match.screener import ALGORITHM_NAME, ALGORITHM_VERSION, Screener, get_screener
from exportguard.match.types import Query
from exportguard.settings import Settings
from exportguard.store import Store, open_store

log = logging.getLogger(__name__)
T = TypeVar("T")
REFRESH_SECONDS = 60.0


class Engine:
    """Holds the store and the screener; ``run`` executes engine work under the time limit."""

    algorithm = (ALGORITHM_NAME, ALGORITHM_VERSION)

    def __init__(self, settings: Settings, timeout_seconds: float) -> None:
        self.settings = settings
        self.timeout_seconds = timeout_seconds
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._screener: Screener | None = None
        self.error: str | None = None

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        threading.Thread(target=self._load, name="exportguard-engine-load", daemon=True).start()

    def _open(self) -> tuple[Store, Screener]:
        store = open_store(self.settings)
        screener = get_screener(store)
        screener.screen(Query(name="warm up"))  # build or load the index before the first request
        return store, screener

    def _load(self) -> None:
        try:
            self._store, self._screener = self._open()
            log.info("ready: %d lists loaded", len(self._store.current_versions()))
        except Exception as exc:  # noqa: BLE001 - reported by /readyz, the server keeps running
            self.error = f"{type(exc).__name__}: {exc}"
            log.error("the engine could not be loaded: %s", self.error)
        finally:
            self._ready.set()

    def refresh(self) -> bool:
        """Swap in a new store and index when the lists changed; True when it did."""
        if not self.ready or self._store is None or self._screener is None:
            return False
        with self._lock:
            current = self._store.data_fingerprint()
        if current == self._screener.fingerprint:
            return False
        log.info("the lists changed: building the new index")
        store, screener = self._open()
        with self._lock:
            old, self._store, self._screener = self._store, store, screener
            old.close()
        log.info("now screening against the new lists")
        return True

    def wait(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    # -- access -----------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self._ready.is_set() and self.error is None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._not_ready()
        assert self._store is not None
        return self._store

    @property
    def screener(self) -> Screener:
        if self._screener is None:
            self._not_ready()
        assert self._screener is not None
        return self._screener

    def _not_ready(self) -> None:
        if self._ready.is_set() and self.error is not None:
            raise ApiError("not_ready", f"the screening engine failed to load: {self.error}")
        raise ApiError(
            "not_ready", "the server is still loading the lists; retry shortly", headers={"Retry-After": "5"}
        )

    async def run(self, fn: Callable[[], T], *, uses_engine: bool = True) -> T:
        """Run ``fn`` in a worker thread within the time limit; calls that use the store or the
        screener (``uses_engine``) run one at a time, others (report rendering) alongside."""

        def locked() -> T:
            with self._lock:
                return fn()

        try:
            with anyio.fail_after(self.timeout_seconds):
                return await anyio.to_thread.run_sync(locked if uses_engine else fn, abandon_on_cancel=True)
        except TimeoutError:
            raise ApiError("timeout", f"the request took longer than {self.timeout_seconds:g} s") from None

    async def watch(self) -> None:
        """Check for new lists every ``REFRESH_SECONDS`` (runs until cancelled)."""
        while True:
            await anyio.sleep(REFRESH_SECONDS)
            try:
                await anyio.to_thread.run_sync(self.refresh, abandon_on_cancel=True)
            except Exception as exc:  # noqa: BLE001 - keep serving the lists we have
                log.error("could not load the changed lists: %s: %s", type(exc).__name__, exc)
