"""Loading list files into the store: checksum, format detection, parsing, count checks, write."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from exportguard.errors import InputFileError, ParseError
from exportguard.sources.base import ParseContext, ProgressFn
from exportguard.sources.formats.inputs import check_file
from exportguard.sources.registry import check_source, detect_format, get_meta
from exportguard.store.models import LoadOutcome
from exportguard.store.versioned import Store

ProgressFactory = Callable[[str], ProgressFn]


def checksum_files(paths: Sequence[Path]) -> str:
    """SHA-256 over the files' contents (order-insensitive)."""
    digests = []
    for path in paths:
        check_file(path)
        h = hashlib.sha256()
        try:
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
        except OSError as exc:
            raise InputFileError(path, f"cannot read: {exc.strerror}") from None
        digests.append(h.hexdigest())
    return hashlib.sha256("|".join(sorted(digests)).encode()).hexdigest()


def _file_date(paths: Sequence[Path]) -> str:
    newest = max(p.stat().st_mtime for p in paths)
    return datetime.fromtimestamp(newest, UTC).date().isoformat()


def load_paths(
    store: Store,
    source: str,
    paths: Sequence[Path],
    *,
    format: str | None = None,
    origin: str = "load",
    as_of: str | None = None,
    as_of_basis: str | None = None,
    strict_counts: bool = False,
    progress: ProgressFactory | None = None,
) -> LoadOutcome:
    """Parse ``paths`` as one publication of ``source`` and store it as a new version.

    Nothing is written unless parsing succeeds completely. ``strict_counts`` turns the source's
    expected-count checks into errors (used for downloads); otherwise a failed check is a warning.
    """
    check_source(source)
    if not paths:
        raise InputFileError("(no files)", "give at least one file to load")
    paths = [Path(p) for p in paths]
    if format is not None:
        detect_format(source, paths, format)  # an unknown --format is an error even for unchanged files
    checksum = checksum_files(paths)
    current = store.current(source)
    if current is not None and current.checksum == checksum:
        return LoadOutcome(source, False, current, f"{source}: unchanged — version {current.version} already holds these files")
    spec = detect_format(source, paths, format)
    meta = get_meta(source)
    tick: ProgressFn = progress(source) if progress is not None else (lambda _n: None)
    parsed = spec.parse(ParseContext(meta, tick), paths)
    warnings = list(parsed.warnings)
    n = len(parsed.entities)
    lo, hi = meta.expected.get("min_entities"), meta.expected.get("max_entities")
    problem = None
    if not parsed.is_delta and lo is not None and n < lo:
        problem = f"{n} entities, fewer than the {lo} expected of a complete {source} list"
    elif not parsed.is_delta and hi is not None and n > hi:
        problem = f"{n} entities, more than the {hi} expected of a {source} list"
    if problem:
        if strict_counts:
            raise ParseError(", ".join(map(str, paths)), None, problem)
        warnings.append(f"partial list? {problem}")
    if parsed.published:
        eff_as_of, basis = parsed.published, "file"
    elif as_of:
        eff_as_of, basis = as_of, as_of_basis or "declared"
    else:
        eff_as_of, basis = _file_date(paths), "file modified"
    info, pruned = store.write_version(
        source=source,
        checksum=checksum,
        format=spec.name,
        published=parsed.published,
        as_of=eff_as_of,
        as_of_basis=basis,
        origin=origin,
        files=[p.name for p in paths],
        records=parsed.records,
        entities=parsed.entities,
        deleted=parsed.deleted,
        is_delta=parsed.is_delta,
        warnings=warnings,
    )
    if info is None:  # another process stored the same files meanwhile
        cur = store.current(source)
        assert cur is not None
        return LoadOutcome(source, False, cur, f"{source}: unchanged — version {cur.version} already holds these files")
    msg = f"{source}: loaded version {info.version} ({info.entity_count} entities, as of {info.as_of or 'unknown'})"
    return LoadOutcome(source, True, info, msg, pruned)
