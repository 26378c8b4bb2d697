"""What every list parser returns, and the context it is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from exportguard.errors import UnknownValueError
from exportguard.model import Entity
from exportguard.sources.metadata import SourceMeta

ProgressFn = Callable[[int], None]


def _no_progress(_n: int) -> None:
    return None


@dataclass(slots=True)
class ParsedList:
    """The result of parsing one list publication (one or several files)."""

    source: str
    format: str
    entities: list[Entity]
    published: str | None = None  # ISO date (YYYY-MM-DD) read from the file, when it has one
    # For delta publications (OpenSanctions delta JSON): IDs to remove from the previous version.
    deleted: list[str] = field(default_factory=list)
    is_delta: bool = False
    # Number of publisher records read (rows, XML records) — may differ from len(entities) where a
    # publisher spreads one entity over several rows (UK: one row per name; DPL: one row per address).
    records: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ParseContext:
    """Given to every parser: the source metadata (vocabularies) and a progress callback."""

    meta: SourceMeta
    progress: ProgressFn = _no_progress

    @property
    def source(self) -> str:
        return self.meta.id

    def check_vocab(self, vocab: str, value: str, path: Path | str, position: str) -> str:
        """Return ``value`` if it is in the source's fixed vocabulary ``vocab``, else raise."""
        allowed = self.meta.vocabularies.get(vocab)
        if allowed is None:
            raise KeyError(f"source {self.meta.id} has no vocabulary {vocab!r}")
        if value not in allowed:
            raise UnknownValueError(
                path, position, f"unknown {vocab.replace('_', ' ')} {value!r} (not in {self.meta.id} source.yml)"
            )
        return value


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """One published format of one source: how to recognise it and how to parse it."""

    name: str
    description: str
    sniff: Callable[[Sequence[Path]], bool]
    parse: Callable[[ParseContext, Sequence[Path]], ParsedList]
