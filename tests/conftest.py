"""Test fixtures.

Strategy: every test gets its own empty ``EXPORTGUARD_HOME`` (``isolated_home``, autouse) so no test
touches a user's store. Tests that need the real bundled lists use the session-scoped
``bundled_home``: the bundle is loaded once per test session into a temporary home and reused
read-only. Small real excerpts live in ``tests/fixtures/<area>/`` with a README naming their origin.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("EXPORTGUARD_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def bundled_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A home whose store holds every bundled list (loaded once per session)."""
    from exportguard.settings import Settings
    from exportguard.store import open_store

    home = tmp_path_factory.mktemp("bundled-home")
    store = open_store(Settings(home=home))
    store.close()
    yield home


@pytest.fixture()
def bundled_store(bundled_home: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from exportguard.settings import Settings
    from exportguard.store import open_store

    monkeypatch.setenv("EXPORTGUARD_HOME", str(bundled_home))
    store = open_store(Settings(home=bundled_home), bootstrap=False)
    yield store
    store.close()
