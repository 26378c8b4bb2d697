"""The server's engine picks up new list versions loaded by another process, without a restart."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from exportguard.api.engine import Engine
from exportguard.api.errors import ApiError
from exportguard.match.types import Query
from exportguard.settings import Settings
from exportguard.store import open_store
from exportguard.store.loading import load_paths

DPL = Path(__file__).parent.parent / "fixtures" / "dpl"  # see the README there


def _load(settings: Settings, name: str) -> None:
    store = open_store(settings, bootstrap=False)
    load_paths(store, "us_bis_dpl", [DPL / name], as_of="2023-11-28")
    store.close()


def test_engine_swaps_in_new_lists(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, bundle=False)
    _load(settings, "dpl_v1.txt")
    engine = Engine(settings, timeout_seconds=30)
    engine.start()
    assert engine.wait(120) and engine.ready, engine.error
    before = engine.screener.screen(Query(name="I. ASH"))
    assert engine.refresh() is False  # nothing changed

    _load(settings, "dpl_v2.txt")  # "I. ASH" is no longer denied in the second version
    assert engine.refresh() is True
    after = engine.screener.screen(Query(name="I. ASH"))
    assert [v.version for v in after.lists] == [2] and [v.version for v in before.lists] == [1]
    assert any(r.caption == "I. ASH" for r in before.results)
    assert not any(r.caption == "I. ASH" for r in after.results)
    engine.close()


def test_slow_engine_work_answers_timeout(tmp_path: Path) -> None:
    engine = Engine(Settings(home=tmp_path, bundle=False), timeout_seconds=0.05)
    release = threading.Event()
    with pytest.raises(ApiError) as caught:
        asyncio.run(engine.run(lambda: release.wait(5)))
    release.set()
    assert caught.value.code == "timeout" and caught.value.status == 504
