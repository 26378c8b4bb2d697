"""The shared PostgreSQL store: several users see one set of versions; the CLI works on it end
to end; a bad or unreachable URL is one clear error line (never a password)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from exportguard.cli import exit_codes
from exportguard.store import Store
from exportguard.store.loading import load_paths
from tests.cli.helpers import run_cli

DPL = Path(__file__).parent.parent / "fixtures" / "dpl"


def test_two_users_share_versions_and_a_reader_sees_the_old_version_during_a_load(
    pg_url: str, tmp_path: Path
) -> None:
    alice = Store(pg_url, home=tmp_path / "alice")
    bob = Store(pg_url, home=tmp_path / "bob")
    first = load_paths(alice, "us_bis_dpl", [DPL / "dpl_v1.txt"]).version
    assert bob.current("us_bis_dpl") == first
    assert bob.data_fingerprint() == alice.data_fingerprint()

    # Bob reads while Alice's second load is inside its transaction: he sees version 1 only.
    seen: list[list[int]] = []
    inside = threading.Event()
    release = threading.Event()
    real = alice._db.executemany

    def slow_executemany(sql: str, rows: object) -> None:
        real(sql, rows)  # type: ignore[arg-type]
        inside.set()
        release.wait(30)

    alice._db.executemany = slow_executemany  # type: ignore[method-assign]
    loader = threading.Thread(target=load_paths, args=(alice, "us_bis_dpl", [DPL / "dpl_v2.txt"]))
    loader.start()
    assert inside.wait(30)
    seen.append([v.version for v in bob.versions("us_bis_dpl")])
    assert len(list(bob.iter_entities(["us_bis_dpl"]))) == first.entity_count
    release.set()
    loader.join(30)
    seen.append([v.version for v in bob.versions("us_bis_dpl")])
    assert seen == [[1], [2, 1]]
    alice.close()
    bob.close()


def test_cli_on_the_shared_store(pg_url: str, tmp_path: Path) -> None:
    env = {"EXPORTGUARD_DATABASE_URL": pg_url, "EXPORTGUARD_BUNDLE": "off"}
    home = tmp_path / "home"
    loaded = run_cli("lists", "load", "--source", "us_bis_dpl", str(DPL / "dpl_v1.txt"), home=home, env=env)
    assert loaded.returncode == 0, loaded.stderr
    # another user, with a home of their own, sees the same lists
    other = tmp_path / "other-home"
    shown = run_cli("lists", "show", "--format", "json", home=other, env=env)
    assert shown.returncode == 0, shown.stderr
    sources = {s["source"]: s for s in json.loads(shown.stdout)["sources"]}
    assert sources["us_bis_dpl"]["current"]["version"] == 1
    screened = run_cli("screen", "Aaron Abraham Villa", "--format", "json", home=other, env=env)
    assert screened.returncode == exit_codes.MATCH, screened.stderr
    top = json.loads(screened.stdout)["results"][0]
    assert top["caption"] == "AARON ABRAHAM VILLA" and top["id"].startswith("us_bis_dpl-")
    assert (other / "index").is_dir()  # the candidate index is kept locally, per user


def test_bad_and_unreachable_urls(tmp_path: Path) -> None:
    home = tmp_path / "home"
    wrong = run_cli("lists", "show", home=home, env={"EXPORTGUARD_DATABASE_URL": "mysql://db/lists"})
    assert wrong.returncode == exit_codes.INVALID_INPUT
    assert wrong.stderr.count("\n") == 1 and "expected a PostgreSQL URL" in wrong.stderr
    down = run_cli(
        "lists", "show", home=home, env={"EXPORTGUARD_DATABASE_URL": "postgresql://eg:s3cret@127.0.0.1:9/lists"}
    )
    assert down.returncode == exit_codes.STORE
    assert down.stderr.count("\n") == 1 and "cannot open the list store" in down.stderr
    assert "s3cret" not in down.stderr and "postgresql://eg@127.0.0.1:9/lists" in down.stderr
