"""us_trade_csl: the full bundled CSL (package data) gives the published counts."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta

BUNDLED = Path(str(resources.files("exportguard").joinpath("data/lists/us_csl/consolidated.csv.gz")))


@pytest.fixture(scope="module")
def parsed() -> ParsedList:
    spec = detect_format("us_trade_csl", [BUNDLED])
    assert spec.name == "trade_csl_csv"
    return spec.parse(ParseContext(get_meta("us_trade_csl")), [BUNDLED])


def test_full_csl_counts_per_sub_list(parsed: ParsedList) -> None:
    assert parsed.records == 14160
    assert parsed.published == "2022-05-16"  # the gzip header's modification time
    per_list = Counter(v.qualifier for e in parsed.entities for v in e.get_values("subList"))
    # SOURCES.md counts rows; BANK OF KUNLUN's CAP row appears twice and is one entity here
    assert per_list == {
        "SDN": 10026, "EL": 2001, "DTC": 727, "DPL": 462, "SSI": 290, "UVL": 201, "ISN": 163,
        "PLC": 78, "MEU": 71, "CMIC": 68, "CAP": 53 - 1, "NS-MBS": 17, "FSE": 3,
    }  # fmt: skip
    assert len(parsed.entities) == 14160 - 1
    assert len({e.id for e in parsed.entities}) == len(parsed.entities)


def test_full_csl_schemata_and_ofac_keys(parsed: ParsedList) -> None:
    schemata = Counter(e.schema for e in parsed.entities)
    assert schemata == {
        "Person": 5286,
        "Organization": 4532,
        "LegalEntity": 3625,
        "Vessel": 433,
        "Airplane": 283,
    }
    ofac = [e for e in parsed.entities if e.get("ofacUid")]
    assert len(ofac) == 10026 + 290 + 78 + 68 + 52 + 17 + 3
    assert all(
        e.get_values("subList")[0].qualifier not in ("EL", "DPL", "UVL", "MEU", "DTC", "ISN") for e in ofac
    )


def test_full_csl_surveillance_entries(parsed: ParsedList) -> None:
    by_name: dict[str, list[str]] = {}
    for e in parsed.entities:
        by_name.setdefault(e.caption.upper(), []).append(e.get_values("subList")[0].qualifier or "")
    assert by_name["HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."] == ["CMIC", "EL"]
    psbs = [n for n, codes in by_name.items() if "PUBLIC SECURITY BUREAU" in n and "EL" in codes]
    assert len(psbs) >= 19
    assert by_name["DAHUA ELECTRONICS CORPORATION"] == ["DPL"]  # the unrelated 2017 denial
