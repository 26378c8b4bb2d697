"""UK sanctions lists: the OFSI Consolidated List (xlsx, csv) and the FCDO UK Sanctions List (XML)."""

from __future__ import annotations

from exportguard.sources.base import FormatSpec
from exportguard.sources.gb_hmt_sanctions import conlist_csv, conlist_xlsx, fcdo

FORMATS = [
    FormatSpec(
        conlist_xlsx.FORMAT, "OFSI Consolidated List, 2022 format, XLSX (ConList.xlsx)", conlist_xlsx.sniff,
        conlist_xlsx.parse,
    ),
    FormatSpec(
        conlist_csv.FORMAT, "OFSI Consolidated List as CSV (ConList.csv, pre-2022 or 2022 layout)",
        conlist_csv.sniff, conlist_csv.parse,
    ),
    FormatSpec(fcdo.FORMAT, "FCDO UK Sanctions List XML (UK-Sanctions-List.xml)", fcdo.sniff, fcdo.parse),
]  # fmt: skip

__all__ = ["FORMATS"]
