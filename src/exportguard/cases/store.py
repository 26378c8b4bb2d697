"""Stored assessments and the audit log, in ``cases.sqlite3`` beside the list store.

Assessments are written once and never changed; each write adds an audit entry in the same
transaction, carrying the digest of the stored case and assessment. SQLite triggers refuse any
UPDATE or DELETE on both tables, and ``verify()`` re-checks the hash chain and every digest.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from exportguard.cases.audit import GENESIS, AuditCheck, AuditEntry, chain, digest, verify_chain
from exportguard.errors import StoreError
from exportguard.settings import Settings

_DDL = """
CREATE TABLE IF NOT EXISTS assessments (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    case_json TEXT NOT NULL,
    assessment_json TEXT NOT NULL,
    digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS assessments_no_update BEFORE UPDATE ON assessments
BEGIN SELECT RAISE(ABORT, 'stored assessments cannot be changed'); END;
CREATE TRIGGER IF NOT EXISTS assessments_no_delete BEFORE DELETE ON assessments
BEGIN SELECT RAISE(ABORT, 'stored assessments cannot be changed'); END;
"""


@dataclass(frozen=True, slots=True)
class StoredAssessment:
    id: str
    created_at: str
    actor: str
    case: dict[str, Any]
    assessment: dict[str, Any]
    digest: str


def _record_digest(case: dict[str, Any], assessment: dict[str, Any]) -> str:
    return digest({"case": case, "assessment": assessment})


class CaseStore:
    """Assessments and their audit trail. Safe to share between threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.executescript(_DDL)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open the case store ({exc})") from None

    @classmethod
    def open(cls, settings: Settings) -> CaseStore:
        return cls(settings.home / "cases.sqlite3")

    def close(self) -> None:
        self._conn.close()

    # -- writing ----------------------------------------------------------------------------
    def _append(self, actor: str, action: str, subject: str, details: dict[str, Any]) -> AuditEntry:
        """Add an audit entry; the caller holds the lock and an open IMMEDIATE transaction."""
        row = self._conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (1, GENESIS) if row is None else (row["seq"] + 1, row["hash"])
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        entry = chain(prev, seq, at, actor, action, subject, details)
        self._conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, actor, action, subject, json.dumps(details, ensure_ascii=False), prev, entry.hash),
        )
        return entry

    def _write(self, fn: Any) -> Any:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    result = fn()
                    self._conn.execute("COMMIT")
                    return result
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: could not write the case store ({exc})") from None

    def record(
        self, actor: str, action: str, subject: str, details: dict[str, Any] | None = None
    ) -> AuditEntry:
        """Append one audit entry (e.g. ``assessment.report`` when a report is produced)."""
        entry: AuditEntry = self._write(lambda: self._append(actor, action, subject, details or {}))
        return entry

    def save_assessment(
        self, case: dict[str, Any], assessment: dict[str, Any], actor: str
    ) -> StoredAssessment:
        """Store a case and its assessment under a new ID, and audit it, in one transaction."""
        assessment_id = uuid.uuid4().hex
        created = datetime.now(UTC).isoformat(timespec="seconds")
        record_digest = _record_digest(case, assessment)

        def work() -> StoredAssessment:
            self._conn.execute(
                "INSERT INTO assessments (id, created_at, actor, case_json, assessment_json, digest) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (assessment_id, created, actor, json.dumps(case, ensure_ascii=False),
                 json.dumps(assessment, ensure_ascii=False), record_digest),
            )  # fmt: skip
            self._append(actor, "assessment.created", assessment_id, {"digest": record_digest})
            return StoredAssessment(assessment_id, created, actor, case, assessment, record_digest)

        stored: StoredAssessment = self._write(work)
        return stored

    # -- reading ----------------------------------------------------------------------------
    def get_assessment(self, assessment_id: str) -> StoredAssessment | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, created_at, actor, case_json, assessment_json, digest FROM assessments WHERE id = ?",
                (assessment_id,),
            ).fetchone()
        if row is None:
            return None
        return StoredAssessment(
            row["id"], row["created_at"], row["actor"], json.loads(row["case_json"]),
            json.loads(row["assessment_json"]), row["digest"],
        )  # fmt: skip

    def audit_entries(self, after: int = 0, limit: int | None = None) -> list[AuditEntry]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log "
                "WHERE seq > ? ORDER BY seq LIMIT ?",
                (after, -1 if limit is None else limit),
            ).fetchall()
        return [
            AuditEntry(r["seq"], r["at"], r["actor"], r["action"], r["subject"], json.loads(r["details"]),
                       r["prev_hash"], r["hash"])
            for r in rows
        ]  # fmt: skip

    def verify(self) -> AuditCheck:
        """Check the audit chain, then that every stored assessment still has its audited digest."""
        entries = self.audit_entries()
        check = verify_chain(entries)
        if not check.ok:
            return check
        audited = {
            e.subject: (e.seq, e.details.get("digest")) for e in entries if e.action == "assessment.created"
        }
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, case_json, assessment_json, digest FROM assessments"
            ).fetchall()
        for row in rows:
            seq, recorded = audited.get(row["id"], (None, None))
            actual = _record_digest(json.loads(row["case_json"]), json.loads(row["assessment_json"]))
            if recorded is None or recorded != actual or row["digest"] != actual:
                return AuditCheck(
                    False,
                    check.entries,
                    check.head,
                    seq,
                    f"assessment {row['id']} does not match its audit entry",
                )
        return check
