"""Records the store hands out: versions, load outcomes, diffs."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class VersionInfo:
    """One loaded version of one source."""

    source: str
    version: int
    checksum: str
    format: str
    published: str | None  # date read from the file itself, when it has one
    as_of: str | None  # published, else the declared date (see as_of_basis)
    as_of_basis: str  # "file", "bundle manifest", "download", "file modified", "unknown"
    loaded_at: str
    origin: str  # "bundle", "load", "update"
    files: list[str]
    counts: dict[str, int]  # entities per schema
    records: int
    entity_count: int
    warnings: list[str] = field(default_factory=list)

    def age_days(self, today: date | None = None) -> int | None:
        if not self.as_of:
            return None
        y, m, d = (self.as_of.split("-") + ["01", "01"])[:3]
        as_of = date(int(y), int(m), int(d))
        return ((today or date.today()) - as_of).days

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class LoadOutcome:
    """What a load did: a new version, or nothing because the same data is already current."""

    source: str
    created: bool
    version: VersionInfo
    message: str
    pruned: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Diff:
    """Entities added, removed and modified between two versions of a source."""

    source: str
    old_version: int | None
    new_version: int
    added: list[str]
    removed: list[str]
    modified: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
