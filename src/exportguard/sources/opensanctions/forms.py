"""The two FtM JSON Lines forms OpenSanctions publishes.

- ``ftm_json`` (``entities.ftm.json``): one FtM entity per line. Several files (datasets) may be
  loaded as one publication.
- ``ftm_delta_json`` (``entities.delta.json``): one ``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}``
  per line, applied on top of the previous version: ADD/MOD entities replace theirs, DEL IDs are
  removed. A MOD replaces the whole stored entity, so designation facts it gets from a Sanction
  that did not change (and is not in the delta) are not on the new version of the entity.

The publication date is the newest ``last_seen`` date of any entity read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exportguard.errors import ParseError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.opensanctions.collect import FtmCollector
from exportguard.sources.opensanctions.lines import first_object, iter_lines, load_line

FULL = "ftm_json"
DELTA = "ftm_delta_json"


def _is_entity(obj: object) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get("id"), str) and isinstance(obj.get("schema"), str)


def sniff_full(paths: Sequence[Path]) -> bool:
    return bool(paths) and all(_is_entity(first_object(p)) for p in paths)


def sniff_delta(paths: Sequence[Path]) -> bool:
    def is_op(obj: object) -> bool:
        return (
            isinstance(obj, dict) and isinstance(obj.get("op"), str) and isinstance(obj.get("entity"), dict)
        )

    return len(paths) == 1 and is_op(first_object(paths[0]))


def parse_full(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    out = FtmCollector(ctx)
    for path in paths:
        for n, text in iter_lines(path):
            out.add(load_line(path, n, text), path, f"line {n}")
    return out.result(FULL, is_delta=False)


def parse_delta(ctx: ParseContext, paths: Sequence[Path]) -> ParsedList:
    path = paths[0]
    out = FtmCollector(ctx)
    for n, text in iter_lines(path):
        where = f"line {n}"
        data = load_line(path, n, text)
        op, entity = data.get("op"), data.get("entity")
        if not isinstance(op, str) or not isinstance(entity, dict):
            raise ParseError(path, where, 'not a delta operation (no "op" and "entity")')
        ctx.check_vocab("op", op, path, where)
        if op == "DEL":
            ftm_id = entity.get("id")
            if not isinstance(ftm_id, str) or not ftm_id.strip():
                raise ParseError(path, where, "DEL without an entity id")
            out.delete(ftm_id)
        else:
            out.add(entity, path, where)
    return out.result(DELTA, is_delta=True)
