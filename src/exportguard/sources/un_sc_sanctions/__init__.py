"""UN Security Council Consolidated List (``consolidated.xml``): individuals and entities."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exportguard.sources.base import FormatSpec
from exportguard.sources.formats.xml import root_name
from exportguard.sources.un_sc_sanctions.parser import FORMAT, parse
from exportguard.sources.un_sc_sanctions.reference import un_reference


def sniff(paths: Sequence[Path]) -> bool:
    if len(paths) != 1 or not paths[0].is_file():
        return False
    with paths[0].open("rb") as fh:
        head = fh.read(4096)
    return root_name(head) == "CONSOLIDATED_LIST"


FORMATS = [
    FormatSpec(FORMAT, "UN Security Council consolidated list XML (sc-sanctions.xsd)", sniff, parse),
]

__all__ = ["FORMATS", "sniff", "parse", "un_reference"]
