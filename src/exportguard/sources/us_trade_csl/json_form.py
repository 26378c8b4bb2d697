"""The CSL as JSON (``consolidated.json``)::

    {"sources_used": [{"source": ..., "source_last_updated": ...}, ...],
     "search_performed_at": "2026-09-25T04:15:00+00:00", "total": N,
     "results": [{"id": ..., "source": ..., "name": ..., "alt_names": [...],
                  "addresses": [{"address", "city", "state", "postal_code", "country"}, ...],
                  "ids": [{"type", "number", "country", "issue_date", "expiration_date"}, ...],
                  "programs": [...], ...the CSV's other columns...}]}

This is the shape OpenSanctions' ``us_trade_csl`` crawler reads and third-party API clients
record; no downloaded ``consolidated.json`` was at hand to check it against, so unknown fields in a
result are an error (:class:`UnknownValueError`) rather than silently dropped.

The publication date is the date of ``search_performed_at``; without it, the newest date any
``sources_used`` entry was updated (``source_last_updated``, ``last_imported`` or ``last_updated``).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from exportguard.errors import ParseError, UnknownValueError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.formats.inputs import read_text
from exportguard.sources.us_trade_csl.assemble import CslAssembler
from exportguard.sources.us_trade_csl.record import (
    COLUMNS,
    CslAddress,
    CslIdentifier,
    CslRecord,
    identifier_original,
    split_multi,
)
from exportguard.sources.us_trade_csl.values import plain_date

FORMAT = "trade_csl_json"
_LISTS = (
    "programs", "alt_names", "federal_register_notice", "citizenships", "nationalities",
    "dates_of_birth", "places_of_birth",
)  # fmt: skip
_STRUCTURED = ("addresses", "ids")
_SCALARS = tuple(c for c in COLUMNS if c not in _LISTS and c not in _STRUCTURED and c != "_id") + ("country",)
_FIELDS = frozenset((*_LISTS, *_STRUCTURED, *_SCALARS, "id", "_id"))
_DATE_KEYS = ("source_last_updated", "last_imported", "last_updated")


def sniff(paths: Sequence[Path]) -> bool:
    if len(paths) != 1 or not paths[0].is_file():
        return False
    try:
        with paths[0].open("rb") as fh:
            head = fh.read(4096)
            if head[:2] == b"\x1f\x8b":
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as gz:
                    head = gz.read(4096)
    except (OSError, EOFError):
        return False
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    markers = (b'"sources_used"', b'"search_performed_at"', b'"source_list_url"', b'"entity_number"')
    return head.startswith(b"{") and any(m in head for m in markers)


def _text(value: Any, path: Path, where: str, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ParseError(path, where, f"{key} should be text, found {type(value).__name__}")


def _texts(value: Any, path: Path, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_multi(value)
    if isinstance(value, list):
        return [t.strip() for t in (_text(v, path, where, key) for v in value) if t.strip()]
    raise ParseError(path, where, f"{key} should be a list, found {type(value).__name__}")


def _objects(value: Any, path: Path, where: str, key: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ParseError(path, where, f"{key} should be a list of objects")
    return value


def _record(item: Any, index: int, path: Path) -> CslRecord:
    where = f"results[{index}]"
    if not isinstance(item, dict):
        raise ParseError(path, where, "a result is not an object")
    unknown = sorted(set(item) - _FIELDS)
    if unknown:
        raise UnknownValueError(path, where, f"unknown field(s) {', '.join(unknown)}")
    s = {k: _text(item.get(k), path, where, k) for k in _SCALARS}
    lists = {k: _texts(item.get(k), path, where, k) for k in _LISTS}
    addresses = []
    for obj in _objects(item.get("addresses"), path, where, "addresses"):
        parts = [
            _text(obj.get(k), path, where, "addresses").strip()
            for k in ("address", "city", "state", "postal_code", "country")
        ]
        full = ", ".join(p for p in parts if p)
        if full:
            addresses.append(CslAddress(full, parts[4] or None))
    ids = []
    for obj in _objects(item.get("ids"), path, where, "ids"):
        f = {
            k: _text(obj.get(k), path, where, "ids").strip()
            for k in ("type", "number", "country", "issue_date", "expiration_date")
        }
        if not f["number"]:
            raise ParseError(path, where, f"identifier without a number: {obj}")
        original = identifier_original(
            f["type"], f["number"], f["country"], f["issue_date"], f["expiration_date"]
        )
        ids.append(CslIdentifier(f["type"], f["number"], f["country"] or None, original))
    rid = _text(item.get("id", item.get("_id")), path, where, "id")
    rec = CslRecord(position=where, id=rid, source=s["source"], name=s["name"], addresses=addresses, ids=ids)
    for key, value in (*s.items(), *lists.items()):
        setattr(rec, key, value)
    return rec


def _published(data: dict[str, Any]) -> str | None:
    performed = data.get("search_performed_at")
    if isinstance(performed, str) and plain_date(performed):
        return plain_date(performed)
    dates = []
    for used in data.get("sources_used") or []:
        if isinstance(used, dict):
            for key in _DATE_KEYS:
                value = used.get(key)
                if isinstance(value, str) and plain_date(value):
                    dates.append(plain_date(value) or "")
    return max(dates) if dates else None


def parse(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(
            path, f"line {exc.lineno} column {exc.colno}", f"not valid JSON (truncated?): {exc.msg}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ParseError(path, None, 'not a Consolidated Screening List JSON file (no "results" list)')
    results: list[Any] = data["results"]
    total = data.get("total")
    if isinstance(total, int) and total != len(results):
        raise ParseError(path, "total", f"file says {total} results but holds {len(results)} (truncated?)")
    out = CslAssembler(ctx, path)
    for index, item in enumerate(results):
        out.add(_record(item, index, path))
    if not out.records:
        raise ParseError(path, "results", "no Consolidated Screening List entries")
    return out.result(FORMAT, _published(data))
