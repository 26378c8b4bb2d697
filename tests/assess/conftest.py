"""Fixtures for the assessment tests.

Unit tests use ``FakeScreener`` (``fakes.py``). Scenario tests use the real screener over the real
bundled lists: ``real_screener`` opens the session's bundled store (``bundled_home`` in the root
conftest) once and shares one screener, whose index is built on first use and saved in that home.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

CASES = Path(__file__).parent.parent / "fixtures" / "cases"


@pytest.fixture(scope="session")
def real_screener(bundled_home: Path) -> Iterator[object]:
    from exportguard.match.screener import get_screener
    from exportguard.settings import Settings
    from exportguard.store import open_store

    store = open_store(Settings(home=bundled_home), bootstrap=False)
    screener = get_screener(store)
    _ = screener.index  # build (and save in the home) once, so CLI subprocesses load it
    yield screener
    store.close()
