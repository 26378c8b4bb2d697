"""The registry of sources: source ID -> metadata and formats, and format detection."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from exportguard.errors import NotFoundError, ParseError
from exportguard.sources.base import FormatSpec
from exportguard.sources.metadata import SourceMeta, load_meta

SOURCE_IDS: tuple[str, ...] = (
    "us_ofac_sdn",
    "us_ofac_cons",
    "un_sc_sanctions",
    "eu_fsf",
    "gb_hmt_sanctions",
    "us_trade_csl",
    "us_bis_dpl",
    "opensanctions",
)


def check_source(source_id: str) -> str:
    if source_id not in SOURCE_IDS:
        raise NotFoundError(f"unknown source {source_id!r}; known sources: {', '.join(SOURCE_IDS)}")
    return source_id


@cache
def get_meta(source_id: str) -> SourceMeta:
    return load_meta(check_source(source_id))


@cache
def get_formats(source_id: str) -> tuple[FormatSpec, ...]:
    module = importlib.import_module(f"exportguard.sources.{check_source(source_id)}")
    formats: Sequence[FormatSpec] = module.FORMATS
    return tuple(formats)


def detect_format(source_id: str, paths: Sequence[Path], forced: str | None = None) -> FormatSpec:
    """Pick the format of ``paths`` for ``source_id`` (or check the one forced with ``--format``)."""
    formats = get_formats(source_id)
    if forced is not None:
        for spec in formats:
            if spec.name == forced:
                return spec
        names = ", ".join(f.name for f in formats)
        raise NotFoundError(f"source {source_id} has no format {forced!r}; its formats: {names}")
    for spec in formats:
        if spec.sniff(paths):
            return spec
    names = ", ".join(f.name for f in formats)
    shown = ", ".join(str(p) for p in paths)
    raise ParseError(shown, None, f"not a recognised format for source {source_id} (expected one of: {names})")
