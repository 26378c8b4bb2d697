"""The versioned store: new versions, no-op reloads, pruning, diffs, atomicity — on SQLite and on
PostgreSQL (``make_store`` and ``store_location`` are parametrised over both; see conftest.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from exportguard.errors import InputFileError, NotFoundError, ParseError
from exportguard.store import Store
from exportguard.store.loading import load_paths
from tests.store.conftest import StoreFactory

DPL = Path(__file__).parent.parent / "fixtures" / "dpl"


def test_load_creates_version_with_checksum_date_and_counts(make_store: StoreFactory) -> None:
    store = make_store()
    outcome = load_paths(store, "us_bis_dpl", [DPL / "dpl_v1.txt"])
    assert outcome.created
    v = outcome.version
    assert v.version == 1
    assert len(v.checksum) == 64
    assert v.published == "2023-11-28" or (v.published or "") < "2024"
    assert v.records == 39
    assert sum(v.counts.values()) == v.entity_count > 0
    assert v.loaded_at


def test_same_file_again_is_a_noop(make_store: StoreFactory) -> None:
    store = make_store()
    load_paths(store, "us_bis_dpl", [DPL / "dpl_v1.txt"])
    again = load_paths(store, "us_bis_dpl", [DPL / "dpl_v1.txt"])
    assert not again.created
    assert "unchanged" in again.message
    assert [v.version for v in store.versions("us_bis_dpl")] == [1]


def test_diff_between_versions(make_store: StoreFactory) -> None:
    store = make_store()
    load_paths(store, "us_bis_dpl", [DPL / "dpl_v1.txt"])
    load_paths(store, "us_bis_dpl", [DPL / "dpl_v2.txt"])
    d = store.diff("us_bis_dpl")
    assert (d.old_version, d.new_version) == (1, 2)
    removed = [store.get_entity(e, version=1) for e in d.removed]
    assert [e.caption for e in removed if e] == ["I. ASH"]
    assert len(d.added) >= 1
    added_names = {store.get_entity(e).caption for e in d.added}  # type: ignore[union-attr]
    assert "I. ASH" not in added_names


def test_keeps_only_last_n_versions(make_store: StoreFactory, tmp_path: Path) -> None:
    store = make_store(keep=2)
    texts = (DPL / "dpl_v1.txt").read_text().splitlines(keepends=True)
    for i in range(4):
        f = tmp_path / f"dpl{i}.txt"
        f.write_text("".join(texts[: 10 + i]))
        load_paths(store, "us_bis_dpl", [f])
    assert [v.version for v in store.versions("us_bis_dpl")] == [4, 3]
    with pytest.raises(NotFoundError):
        store.diff("us_bis_dpl", old=1)


def test_failed_load_leaves_previous_version(make_store: StoreFactory, tmp_path: Path) -> None:
    store = make_store()
    load_paths(store, "us_bis_dpl", [DPL / "dpl_v1.txt"])
    bad = tmp_path / "dpl.txt"
    raw = (DPL / "dpl_v2.txt").read_text()
    bad.write_text(raw[: len(raw) // 2].rsplit("\t", 1)[0] + '\t"unterminated\n')
    with pytest.raises(ParseError):
        load_paths(store, "us_bis_dpl", [bad])
    with pytest.raises(InputFileError):
        load_paths(store, "us_bis_dpl", [tmp_path / "missing.txt"])
    assert [v.version for v in store.versions("us_bis_dpl")] == [1]
    assert len(list(store.iter_entities(["us_bis_dpl"]))) == store.versions("us_bis_dpl")[0].entity_count


def test_kill_during_write_leaves_previous_version_intact(store_location: Path | str, tmp_path: Path) -> None:
    """A process killed (SIGKILL) inside the write transaction must not damage the store."""
    db = store_location
    home = tmp_path / "home"
    store = Store(db, home=home)
    first = load_paths(store, "us_bis_dpl", [DPL / "dpl_v1.txt"]).version
    store.close()
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        import exportguard.store.versioned as sq
        from exportguard.store import Store
        from exportguard.store.loading import load_paths

        real_dumps = sq.json.dumps
        class KillingJson:
            loads = staticmethod(sq.json.loads)
            @staticmethod
            def dumps(obj, **kw):
                # called while inserting the version row: entity rows are already written
                os.kill(os.getpid(), signal.SIGKILL)
        sq.json = KillingJson
        location = {str(db)!r}
        store = Store(location if "://" in location else Path(location), home=Path({str(home)!r}))
        load_paths(store, "us_bis_dpl", [Path({str(DPL / "dpl_v2.txt")!r})])
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()
    store = Store(db, home=home)
    versions = store.versions("us_bis_dpl")
    assert [v.version for v in versions] == [1]
    assert versions[0].checksum == first.checksum
    ents = list(store.iter_entities(["us_bis_dpl"]))
    assert len(ents) == first.entity_count
    orphans = store._db.query("SELECT COUNT(*) FROM entities WHERE version = 2")[0][0]
    assert orphans == 0
    # and the store still accepts the load afterwards
    assert load_paths(store, "us_bis_dpl", [DPL / "dpl_v2.txt"]).version.version == 2
