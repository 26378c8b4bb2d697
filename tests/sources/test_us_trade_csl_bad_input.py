"""us_trade_csl: bad input gives one clear error naming the file and row, never a traceback."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from exportguard.errors import InputFileError, ParseError, UnknownValueError
from exportguard.sources.base import ParseContext
from exportguard.sources.registry import get_meta
from exportguard.sources.us_trade_csl import csv_form

EXCERPT = Path(__file__).parent.parent / "fixtures" / "us_csl" / "consolidated_excerpt.csv"
TEXT = EXCERPT.read_text("utf-8")


def _parse(path: Path) -> None:
    csv_form.parse(ParseContext(get_meta("us_trade_csl")), [path])


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "consolidated.csv"
    path.write_text(text, "utf-8")
    return path


def test_truncated_gzip(tmp_path: Path) -> None:
    gz = tmp_path / "consolidated.csv.gz"
    gz.write_bytes(gzip.compress(EXCERPT.read_bytes())[:2000])
    with pytest.raises(InputFileError, match="truncated or corrupt gzip"):
        _parse(gz)


def test_truncated_csv_mid_row(tmp_path: Path) -> None:
    lines = TEXT.splitlines(keepends=True)
    cut = "".join(lines[:6]) + lines[6][:120]  # the file ends inside line 7
    with pytest.raises(ParseError, match=r"line 7: expected 29 fields, found \d+ \(truncated\?\)"):
        _parse(_write(tmp_path, cut))


def test_truncated_csv_inside_a_quoted_field(tmp_path: Path) -> None:
    start = TEXT.index('"No. 555 Qianmo Road')
    with pytest.raises(ParseError, match="malformed or truncated CSV"):
        _parse(_write(tmp_path, TEXT[: start + 20]))


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.csv"
    path.write_bytes(TEXT.encode("cp1252", errors="replace"))  # "§" becomes 0xa7
    with pytest.raises(InputFileError, match=r"line \d+: wrong text encoding \(byte 0xa7"):
        _parse(path)


def test_unknown_sub_list_names_the_row(tmp_path: Path) -> None:
    text = TEXT.replace(
        "Capta List (CAP) - Treasury Department", "Capta List (CAPTA) - Treasury Department", 1
    )
    with pytest.raises(
        UnknownValueError, match=r"line \d+ \(_id 34616\): unknown sub list 'Capta List \(CAPTA\)"
    ):
        _parse(_write(tmp_path, text))


def test_unknown_type_programme_and_identifier_type(tmp_path: Path) -> None:
    with pytest.raises(UnknownValueError, match="unknown entity type 'Ship'"):
        _parse(_write(tmp_path, TEXT.replace(",Vessel,", ",Ship,", 1)))
    with pytest.raises(UnknownValueError, match="unknown program 'GLOMAG2'"):
        _parse(_write(tmp_path, TEXT.replace(",GLOMAG,", ",GLOMAG2,", 1)))
    with pytest.raises(UnknownValueError, match=r"_id 29442\): unknown id type 'Passport No\.'"):
        _parse(_write(tmp_path, TEXT.replace("X0062329, Passport", "X0062329, Passport No.", 1)))


def test_not_a_csl_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="line 1: not a Consolidated Screening List header"):
        _parse(_write(tmp_path, "name,address\nA,B\n"))
    with pytest.raises(InputFileError, match="file is empty"):
        _parse(_write(tmp_path, ""))
    with pytest.raises(ParseError, match="no Consolidated Screening List rows"):
        _parse(_write(tmp_path, TEXT.splitlines()[0] + "\n"))


def test_bad_listing_date_names_the_row(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"line \d+ \(_id \w+\): listingDate '2019-13-09' is not a date"):
        _parse(_write(tmp_path, TEXT.replace(",2019-10-09,", ",2019-13-09,")))
