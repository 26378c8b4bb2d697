"""EU Financial Sanctions Files: FSF XML 1.1 and the legacy (pre-2017) "WHOLE" XML."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exportguard.sources.base import FormatSpec
from exportguard.sources.eu_fsf import fsf, legacy
from exportguard.sources.formats.xml import root_name


def _head(paths: Sequence[Path]) -> bytes | None:
    if len(paths) != 1 or not paths[0].is_file():
        return None
    with paths[0].open("rb") as fh:
        return fh.read(4096)


def sniff_fsf(paths: Sequence[Path]) -> bool:
    head = _head(paths)
    return head is not None and root_name(head) == "export" and fsf.NAMESPACE.encode() in head


def sniff_legacy(paths: Sequence[Path]) -> bool:
    head = _head(paths)
    return head is not None and root_name(head) == "WHOLE"


FORMATS = [
    FormatSpec(
        fsf.FORMAT, "EU Financial Sanctions Files, XML 1.1 (xmlFullSanctionsList_1_1)", sniff_fsf, fsf.parse
    ),
    FormatSpec(
        legacy.FORMAT, "EU consolidated list, legacy WHOLE XML (before 2017)", sniff_legacy, legacy.parse
    ),
]

__all__ = ["FORMATS", "sniff_fsf", "sniff_legacy"]
