"""The case store and its audit log: what is stored comes back, nothing can be changed in place,
and any change made behind its back is detected."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportguard.cases import CaseStore, verify_chain
from exportguard.cases.audit import GENESIS, chain, entry_hash

CASE = {"reference": "C-1", "parties": [{"role": "end_user", "name": "Example Bureau"}]}
RESULT = {"legal": {"outcome": "LICENCE_REQUIRED"}, "summary": "…"}


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[CaseStore]:
    cases = CaseStore(tmp_path / "cases.sqlite3")
    yield cases
    cases.close()


def test_stored_assessment_comes_back(store: CaseStore) -> None:
    saved = store.save_assessment(CASE, RESULT, "analyst:1a2b3c4d")
    loaded = store.get_assessment(saved.id)
    assert loaded == saved
    assert loaded.case == CASE and loaded.assessment == RESULT and len(saved.id) == 32
    assert store.get_assessment("0" * 32) is None


def test_each_assessment_is_audited_in_a_chain(store: CaseStore) -> None:
    first = store.save_assessment(CASE, RESULT, "analyst:1a2b3c4d")
    second = store.save_assessment({**CASE, "reference": "C-2"}, RESULT, "admin:99aa88bb")
    entries = store.audit_entries()
    assert [(e.seq, e.action, e.subject, e.actor) for e in entries] == [
        (1, "assessment.created", first.id, "analyst:1a2b3c4d"),
        (2, "assessment.created", second.id, "admin:99aa88bb"),
    ]
    assert entries[0].prev_hash == GENESIS and entries[1].prev_hash == entries[0].hash
    assert entries[0].details == {"digest": first.digest}
    check = store.verify()
    assert check.ok and check.entries == 2 and check.head == entries[1].hash
    assert store.audit_entries(after=1) == entries[1:]


def test_rows_cannot_be_changed_or_deleted(store: CaseStore) -> None:
    saved = store.save_assessment(CASE, RESULT, "analyst:1a2b3c4d")
    conn = sqlite3.connect(store.path)
    for sql in (
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
        f"UPDATE assessments SET assessment_json = '{{}}' WHERE id = '{saved.id}'",
        "DELETE FROM assessments",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only|cannot be changed"):
            conn.execute(sql)
    conn.close()
    assert store.verify().ok


def _tamper(store: CaseStore, *sql: str) -> None:
    conn = sqlite3.connect(store.path)
    for trigger in (
        "audit_log_no_update",
        "audit_log_no_delete",
        "assessments_no_update",
        "assessments_no_delete",
    ):
        conn.execute(f"DROP TRIGGER {trigger}")  # someone with the file goes around the store
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_an_edited_entry_is_detected(store: CaseStore) -> None:
    for n in range(3):
        store.save_assessment({**CASE, "reference": f"C-{n}"}, RESULT, "analyst:1a2b3c4d")
    _tamper(store, "UPDATE audit_log SET actor = 'admin:00000000' WHERE seq = 2")
    check = store.verify()
    assert not check.ok and check.broken_at == 2 and "changed" in (check.problem or "")


def test_a_removed_entry_is_detected(store: CaseStore) -> None:
    for n in range(3):
        store.save_assessment({**CASE, "reference": f"C-{n}"}, RESULT, "analyst:1a2b3c4d")
    _tamper(store, "DELETE FROM audit_log WHERE seq = 2")
    check = store.verify()
    assert not check.ok and check.broken_at == 3


def test_an_edited_assessment_is_detected(store: CaseStore) -> None:
    saved = store.save_assessment(CASE, RESULT, "analyst:1a2b3c4d")
    forged = json.dumps({"legal": {"outcome": "NO_LICENCE_REQUIRED"}})
    _tamper(store, f"UPDATE assessments SET assessment_json = '{forged}' WHERE id = '{saved.id}'")
    check = store.verify()
    assert not check.ok and check.broken_at == 1 and saved.id in (check.problem or "")


def test_chain_hashes_depend_on_every_field() -> None:
    first = chain(
        GENESIS, 1, "2024-01-01T00:00:00Z", "analyst:1", "assessment.created", "a" * 32, {"digest": "d"}
    )
    assert first.hash == entry_hash(GENESIS, first.content())
    for change in (
        {"actor": "analyst:2"},
        {"subject": "b" * 32},
        {"details": {"digest": "e"}},
        {"at": "2024-01-02"},
    ):
        other = chain(GENESIS, **{**first.content(), **change})  # type: ignore[arg-type]
        assert other.hash != first.hash
    assert verify_chain([first]).ok and verify_chain([]).ok and verify_chain([]).head == GENESIS
