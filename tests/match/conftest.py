"""Matching fixtures: ``bundled_screener`` screens the real bundled lists (the store from the
session-scoped ``bundled_home``; the index is built once and persisted under that home, so the
CLI tests that run afterwards load it instead of building it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from exportguard.match.screener import Screener


@pytest.fixture(scope="session")
def bundled_screener(bundled_home: Path) -> Iterator[Screener]:
    from exportguard.settings import Settings
    from exportguard.store import open_store

    store = open_store(Settings(home=bundled_home), bootstrap=False)
    screener = Screener(store)
    screener.index  # noqa: B018 - build and persist once
    yield screener
    store.close()
