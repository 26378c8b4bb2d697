"""The append-only audit log: entries chained by hash, so any change to a past entry shows.

Each entry's ``hash`` is the SHA-256 of the previous entry's hash and the entry's own content
(sequence number, time, actor, action, subject, details) in canonical JSON. Changing, removing or
reordering an entry breaks the chain at that point. Rewriting the whole chain from some entry on is
caught by comparing the head hash with a copy kept elsewhere (``verify`` returns it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(data: Any) -> str:
    """The one JSON text of ``data`` that is hashed: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One thing that happened: who (actor) did what (action) to which record (subject)."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def content(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "subject": self.subject,
            "details": self.details,
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def entry_hash(prev_hash: str, content: dict[str, Any]) -> str:
    return hashlib.sha256(f"{prev_hash}\n{canonical_json(content)}".encode()).hexdigest()


def chain(
    prev_hash: str, seq: int, at: str, actor: str, action: str, subject: str, details: dict[str, Any]
) -> AuditEntry:
    """The next entry after one whose hash is ``prev_hash``."""
    content = {"seq": seq, "at": at, "actor": actor, "action": action, "subject": subject, "details": details}
    return AuditEntry(seq, at, actor, action, subject, details, prev_hash, entry_hash(prev_hash, content))


@dataclass(frozen=True, slots=True)
class AuditCheck:
    """The result of checking the chain: ``ok``, how many entries, the head hash, the first fault."""

    ok: bool
    entries: int
    head: str
    broken_at: int | None = None
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def verify_chain(entries: Iterable[AuditEntry]) -> AuditCheck:
    """Check sequence numbers, links and hashes of ``entries`` (in sequence order)."""
    prev = GENESIS
    count = 0
    for expected_seq, entry in enumerate(entries, start=1):
        count = expected_seq
        if entry.seq != expected_seq:
            return AuditCheck(
                False, count, prev, entry.seq, f"entry {entry.seq} where {expected_seq} was expected"
            )
        if entry.prev_hash != prev:
            return AuditCheck(
                False, count, prev, entry.seq, f"entry {entry.seq} does not link to entry {entry.seq - 1}"
            )
        if entry_hash(prev, entry.content()) != entry.hash:
            return AuditCheck(
                False, count, prev, entry.seq, f"entry {entry.seq} was changed after it was written"
            )
        prev = entry.hash
    return AuditCheck(True, count, prev)
