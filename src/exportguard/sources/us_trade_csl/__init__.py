"""US Consolidated Screening List (trade.gov): the export-control and sanctions lists of the
Departments of Commerce (Entity List, Denied Persons, Unverified, Military End User), State (ITAR
debarred, nonproliferation sanctions) and the Treasury (SDN and the non-SDN OFAC lists) in one file.

Each entry keeps the sub-list it is on (``subList``, with its short code such as ``EL`` as the
qualifier). Two published forms: CSV (:mod:`.csv_form`) and JSON (:mod:`.json_form`); both are read
into the same record (:mod:`.record`) and mapped to entities by :mod:`.entity`.
"""

from exportguard.sources.base import FormatSpec
from exportguard.sources.us_trade_csl import csv_form, json_form

FORMATS: list[FormatSpec] = [
    FormatSpec(
        csv_form.FORMAT, "Consolidated Screening List, CSV (consolidated.csv, may be gzipped)",
        csv_form.sniff, csv_form.parse,
    ),
    FormatSpec(
        json_form.FORMAT, "Consolidated Screening List, JSON (consolidated.json)",
        json_form.sniff, json_form.parse,
    ),
]  # fmt: skip
