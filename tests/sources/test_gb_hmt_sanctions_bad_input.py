"""gb_hmt_sanctions: bad input gives one clear error naming the file and the sheet, row or line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from exportguard.errors import InputFileError, ParseError, UnknownValueError, UnsafeInputError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.gb_hmt_sanctions import conlist_csv, conlist_xlsx, fcdo
from exportguard.sources.gb_hmt_sanctions.conlist import HEADER_2022
from exportguard.sources.registry import detect_format, get_meta

FIXTURES = Path(__file__).parent.parent / "fixtures" / "uk"
XLSX = FIXTURES / "conlist_2022_excerpt.xlsx"
CSV = (FIXTURES / "conlist_2016_excerpt.csv").read_bytes()
XML = (FIXTURES / "uk_sanctions_list_excerpt.xml").read_bytes()


def _ctx() -> ParseContext:
    return ParseContext(get_meta("gb_hmt_sanctions"))


def _write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def _xlsx(tmp_path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    path = tmp_path / "ConList.xlsx"
    workbook.save(path)
    return path


def test_xlsx_that_is_not_a_sanctions_list(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, [["Invoice", "Amount"], ["A-1", 12.5]], title="Invoices")
    assert detect_format("gb_hmt_sanctions", [path]).name == "uk_ofsi_xlsx"  # an xlsx …
    with pytest.raises(
        ParseError, match=r"ConList\.xlsx: sheet 'Invoices', row 1: not an OFSI ConList workbook"
    ):
        conlist_xlsx.parse(_ctx(), [path])  # … but not a ConList


def test_xlsx_with_a_wrong_header_names_row_2(tmp_path: Path) -> None:
    header = [h for h in HEADER_2022 if h != "Group ID"]
    path = _xlsx(tmp_path, [["Last Updated", "10/04/2025"], header])
    with pytest.raises(
        ParseError, match=r"sheet 'Sheet1', row 2: not an OFSI ConList header \(missing columns: Group ID\)"
    ):
        conlist_xlsx.parse(_ctx(), [path])


def test_xlsx_unknown_regime_names_sheet_row_and_group(tmp_path: Path) -> None:
    row = {h: "" for h in HEADER_2022} | {
        "Name 6": "EXAMPLE", "Group Type": "Entity", "Alias Type": "Primary name", "Regime": "Atlantis",
        "Listed On": "01/01/2020", "Last Updated": "01/01/2020", "Group ID": "99999",
    }  # fmt: skip
    path = _xlsx(tmp_path, [["Last Updated", "10/04/2025"], HEADER_2022, [row[h] for h in HEADER_2022]])
    with pytest.raises(
        UnknownValueError, match=r"sheet 'Sheet1', row 3 \(Group ID 99999\): unknown regime 'Atlantis'"
    ):
        conlist_xlsx.parse(_ctx(), [path])


def test_truncated_xlsx(tmp_path: Path) -> None:
    raw = XLSX.read_bytes()
    path = _write(tmp_path, "ConList.xlsx", raw[: len(raw) // 2])
    with pytest.raises(ParseError, match=r"ConList\.xlsx.*(not a readable|damaged or truncated) xlsx"):
        conlist_xlsx.parse(_ctx(), [path])


def test_xlsx_with_a_damaged_sheet(tmp_path: Path) -> None:
    path = tmp_path / "ConList.xlsx"
    with zipfile.ZipFile(XLSX) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data[: len(data) // 2] if name.startswith("xl/worksheets/") else data)
    with pytest.raises(ParseError, match=r"ConList\.xlsx: sheet 'Data', row \d+: damaged or truncated xlsx"):
        conlist_xlsx.parse(_ctx(), [path])


def test_truncated_csv(tmp_path: Path) -> None:
    cut = CSV[: len(CSV) // 2]
    with pytest.raises(
        ParseError, match=r"ConList\.csv: line \d+: (expected 29 fields|malformed or truncated CSV)"
    ):
        conlist_csv.parse(_ctx(), [_write(tmp_path, "ConList.csv", cut)])
    open_quote = CSV.rstrip(b"\n") + b'\n"ABU,Mohamed,,,'
    with pytest.raises(ParseError, match=r"line 33: malformed or truncated CSV"):
        conlist_csv.parse(_ctx(), [_write(tmp_path, "ConList.csv", open_quote)])


def test_csv_wrong_encoding(tmp_path: Path) -> None:
    utf16 = CSV.decode("cp1252").encode("utf-16")
    path = _write(tmp_path, "ConList.csv", utf16)
    with pytest.raises(InputFileError, match=r"ConList\.csv: line 1: wrong text encoding"):
        conlist_csv.parse(_ctx(), [path])


def test_csv_unknown_group_type(tmp_path: Path) -> None:
    raw = CSV.replace(b",Entity,Prime Alias,", b",Aircraft,Prime Alias,", 1)
    with pytest.raises(UnknownValueError, match=r"line \d+ \(Group ID 8431\): unknown group type 'Aircraft'"):
        conlist_csv.parse(_ctx(), [_write(tmp_path, "ConList.csv", raw)])


def test_csv_not_a_conlist(tmp_path: Path) -> None:
    raw = b"Last Updated,12/02/2016\nName,Country\nX,Y\n"
    with pytest.raises(ParseError, match=r"line 2: not an OFSI ConList header"):
        conlist_csv.parse(_ctx(), [_write(tmp_path, "ConList.csv", raw)])


def _fcdo(tmp_path: Path, raw: bytes) -> ParsedList:
    return fcdo.parse(_ctx(), [_write(tmp_path, "UK-Sanctions-List.xml", raw)])


def test_fcdo_unknown_regime_and_name_type(tmp_path: Path) -> None:
    raw = XML.replace(
        b"The Afghanistan (Sanctions) (EU Exit) Regulations 2020", b"The Atlantis Regulations 2030", 1
    )
    with pytest.raises(
        UnknownValueError, match=r"Designation AFG0001: unknown regime name 'The Atlantis Regulations 2030'"
    ):
        _fcdo(tmp_path, raw)
    raw = XML.replace(b"<NameType>Alias</NameType>", b"<NameType>Nickname</NameType>", 1)
    with pytest.raises(UnknownValueError, match="unknown name type 'Nickname'"):
        _fcdo(tmp_path, raw)


def test_fcdo_truncated_and_dtd(tmp_path: Path) -> None:
    with pytest.raises(
        ParseError, match=r"UK-Sanctions-List\.xml: line \d+, column \d+: malformed or truncated XML"
    ):
        _fcdo(tmp_path, XML[: len(XML) // 2])
    bomb = XML.replace(
        b"<Designations ", b'<!DOCTYPE Designations [<!ENTITY a "aaaaaaaa">]>\n<Designations ', 1
    )
    with pytest.raises(UnsafeInputError, match="document type declaration"):
        _fcdo(tmp_path, bomb)


def test_fcdo_unknown_detail_element_is_a_warning(tmp_path: Path) -> None:
    raw = XML.replace(b"<Positions>", b"<EyeColours><EyeColour>Brown</EyeColour></EyeColours><Positions>", 1)
    assert "ignored unknown element <EyeColours/EyeColour> in 1 place(s)" in _fcdo(tmp_path, raw).warnings
