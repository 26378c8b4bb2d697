"""Reading a case file (YAML or JSON) into a validated ``Case``, with one clear message on bad input.

The message names the file, the position (line and column) and the field, e.g.
``case.yml: line 12, column 11: parties[1].role: unknown value 'buyer'; expected one of: …``.
Unknown vocabulary values (roles, kinds, services, capabilities, country codes) raise
``UnknownValueError``; other problems ``CaseFileError`` (a ``ValidationError``) or ``ParseError``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticError
from pydantic_core import ErrorDetails

from exportguard.assess.casefile import Case
from exportguard.assess.yamlsafe import Path_, Positions, load_yaml
from exportguard.errors import InputFileError, ParseError, UnknownValueError, ValidationError

MAX_BYTES = 1 << 20  # a case file is a page of text, not a data set
_VOCAB_MARKERS = ("unknown country code", "unknown capability")


class CaseFileError(ValidationError):
    """A case file that parses but does not describe a valid case."""

    def __init__(self, path: str, position: str | None, field: str, message: str) -> None:
        where = ": ".join(p for p in (path, position, field) if p)
        super().__init__(f"{where}: {message}")
        self.path, self.position, self.field = path, position, field


@dataclass(frozen=True, slots=True)
class LoadedCase:
    """A validated case with where it came from (file name, SHA-256 of its bytes, format)."""

    case: Case
    source: str
    sha256: str
    format: str


def _read(path: Path) -> bytes:
    if not path.exists():
        raise InputFileError(path, "file not found")
    if not path.is_file():
        raise InputFileError(path, "not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputFileError(path, f"too large for a case file ({size} bytes, limit {MAX_BYTES})")
        data = path.read_bytes()
    except PermissionError:
        raise InputFileError(path, "cannot read: permission denied") from None
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputFileError(path, "empty file")
    return data


def _decode(path: Path, data: bytes) -> str:
    if b"\0" in data:
        raise InputFileError(path, "binary file, expected YAML or JSON text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(path, f"not UTF-8 text (invalid byte at offset {exc.start})") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"field {key!r} appears twice")
        out[key] = value
    return out


def _bad_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _load_json(text: str, source: str) -> tuple[Any, Positions]:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_bad_constant)
    except json.JSONDecodeError as exc:
        raise ParseError(source, f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise ParseError(source, None, f"not valid JSON: {exc}") from None
    try:  # JSON is YAML: reuse the YAML reader for positions only
        _, positions = load_yaml(text, source)
    except (ParseError, RecursionError):
        positions = {}
    return data, positions


def field_name(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(err: ErrorDetails) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind in ("literal_error", "enum"):
        return f"unknown value {err['input']!r}; expected one of: {str(ctx.get('expected', '')).replace(' or ', ', ')}"
    if kind == "too_short" and ctx.get("min_length") == 1:
        return "needs at least one entry"
    return str(err["msg"])


def _locate(loc: Path_, positions: Positions) -> str | None:
    for n in range(len(loc), -1, -1):
        pos = positions.get(tuple(loc[:n]))
        if pos is not None:
            return f"line {pos[0]}, column {pos[1]}"
    return None


def _clean_loc(loc: tuple[int | str, ...]) -> Path_:
    return tuple(p for p in loc if p not in ("[key]",) and not (isinstance(p, str) and p.startswith("function-")))


def _raise_first(exc: PydanticError, source: str, positions: Positions) -> None:
    errors = exc.errors()

    def order(err: ErrorDetails) -> tuple[int, int]:
        return positions.get(_clean_loc(err["loc"]), (1 << 30, 0))

    first = min(errors, key=order)
    loc = _clean_loc(first["loc"])
    field = field_name(loc)
    message = _message(first)
    more = f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
    where = _locate(loc, positions)
    if first["type"] in ("literal_error", "enum") or message.startswith(_VOCAB_MARKERS):
        raise UnknownValueError(source, where, f"{field}: {message}{more}")
    raise CaseFileError(source, where, field, message + more)


def parse_case(text: str, source: str, fmt: str) -> Case:
    """Validate case-file text (``fmt`` is ``yaml`` or ``json``)."""
    data, positions = _load_json(text, source) if fmt == "json" else load_yaml(text, source)
    if not isinstance(data, dict):
        raise CaseFileError(source, None, "", "a case file must be a mapping of fields (reference, date, exporter, …)")
    try:
        return Case.model_validate(data)
    except PydanticError as exc:
        _raise_first(exc, source, positions)
        raise  # unreachable


def load_case(path: str | Path) -> LoadedCase:
    """Read, parse and validate a case file."""
    path = Path(path)
    data = _read(path)
    text = _decode(path, data)
    suffix = path.suffix.lower()
    fmt = "json" if suffix == ".json" or (suffix not in (".yml", ".yaml") and text.lstrip().startswith("{")) else "yaml"
    case = parse_case(text, str(path), fmt)
    return LoadedCase(case, path.name, hashlib.sha256(data).hexdigest(), fmt)
