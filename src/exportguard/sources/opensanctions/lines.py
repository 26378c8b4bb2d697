"""Reading JSON Lines files one line at a time (they can be gigabytes), with line numbers."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from exportguard.errors import InputFileError, ParseError

_SNIFF_LIMIT = 4 << 20  # the longest first line sniffing will read


def _open(path: Path) -> IO[bytes]:
    if not path.exists():
        raise InputFileError(path, "file not found")
    if path.is_dir():
        raise InputFileError(path, "is a directory, not a file")
    try:
        fh = path.open("rb")
        if fh.read(2) == b"\x1f\x8b":
            fh.close()
            return cast(IO[bytes], gzip.open(path, "rb"))
        fh.seek(0)
        return fh
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror}") from None


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text)`` for every non-blank line; strict UTF-8."""
    seen = False
    with _open(path) as fh:
        n = 0
        try:
            for n, raw in enumerate(fh, 1):
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputFileError(
                        path,
                        f"line {n}: wrong text encoding (byte 0x{raw[exc.start]:02x} at column {exc.start + 1} is not valid utf-8)",
                    ) from None
                if n == 1:
                    text = text.lstrip("\ufeff")
                if text.strip():
                    seen = True
                    yield n, text
        except (EOFError, OSError) as exc:
            raise InputFileError(path, f"after line {n}: truncated or corrupt gzip file ({exc})") from None
    if not seen:
        raise InputFileError(path, "file is empty")


def load_line(path: Path, n: int, text: str) -> dict[str, Any]:
    """The JSON object on line ``n``; a ParseError naming the line when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(path, f"line {n}", f"not valid JSON (column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise ParseError(path, f"line {n}", f"not a JSON object but {type(data).__name__}")
    return data


def first_object(path: Path) -> dict[str, Any] | None:
    """The first line's JSON object, for sniffing; ``None`` when there is none (never raises)."""
    try:
        with _open(path) as fh:
            for raw in iter(lambda: fh.readline(_SNIFF_LIMIT), b""):
                if raw.strip():
                    data = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
                    return data if isinstance(data, dict) else None
    except (InputFileError, OSError, EOFError, UnicodeDecodeError, ValueError):
        return None
    return None
