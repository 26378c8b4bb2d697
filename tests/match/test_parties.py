from pathlib import Path

import pytest

from exportguard.errors import InputFileError, ValidationError
from exportguard.match.parties import read_parties
from exportguard.match.types import Query


def test_csv_with_detected_columns(tmp_path: Path) -> None:
    path = tmp_path / "parties.csv"
    path.write_text(
        "Company Name;Country;DOB\nHikvision;CN;\n;CN;\nJohn Doe;Atlantis;\nSun Jinlong;CN;1962-13-01\n",
        "utf-8",
    )
    parties = read_parties(path)
    assert parties.mapping == {"name": "Company Name", "country": "Country", "birth_date": "DOB"}
    assert [r.row for r in parties.valid] == [2]
    errors = {r.row: r.error for r in parties.skipped}
    assert errors[3] == "name is empty"
    assert "unknown country 'Atlantis'" in (errors[4] or "")
    assert "not a real date" in (errors[5] or "")


def test_jsonl_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "parties.jsonl"
    path.write_text('{"name": "XPCC", "schema": "organisation"}\nnot json\n[1]\n', "utf-8")
    parties = read_parties(path, base=Query("-", threshold=0.8))
    assert parties.valid[0].query is not None and parties.valid[0].query.schema == "Organization"
    assert parties.valid[0].query.threshold == 0.8
    assert [r.row for r in parties.skipped] == [2, 3]


def test_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Party", "Identifier"])
    ws.append(["Hikvision", "91330000733796106P"])
    path = tmp_path / "p.xlsx"
    wb.save(path)
    parties = read_parties(path)
    assert parties.valid[0].query is not None and parties.valid[0].query.identifiers == ["91330000733796106P"]


def test_utf16_party_file_as_excel_writes_it(tmp_path: Path) -> None:
    # Excel's "Unicode text" export: UTF-16 little-endian with a byte-order mark, tab-separated.
    path = tmp_path / "parties.txt"
    path.write_bytes("name\tcountry\n乌鲁木齐市公安局\tCN\nHikvision\tCN\n".encode("utf-16"))
    parties = read_parties(path)
    assert [r.query.name for r in parties.valid if r.query] == ["乌鲁木齐市公安局", "Hikvision"]


def test_nul_bytes_without_a_byte_order_mark_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "parties.csv"
    path.write_bytes("name\nHikvision\n".encode("utf-16-le"))  # no mark
    with pytest.raises(InputFileError, match="NUL bytes"):
        read_parties(path)


def test_file_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", "utf-8")
    with pytest.raises(InputFileError, match="empty"):
        read_parties(empty)
    no_name = tmp_path / "x.csv"
    no_name.write_text("foo,bar\n1,2\n", "utf-8")
    with pytest.raises(InputFileError, match="no name column"):
        read_parties(no_name)
    with pytest.raises(ValidationError, match="no column 'Nom'"):
        read_parties(no_name, {"name": "Nom"})
    header_only = tmp_path / "h.csv"
    header_only.write_text("name\n", "utf-8")
    with pytest.raises(InputFileError, match="only a header"):
        read_parties(header_only)
    with pytest.raises(InputFileError, match="not found"):
        read_parties(tmp_path / "missing.csv")


def test_a_stray_quote_is_one_reported_row_not_the_rest_of_the_file(tmp_path: Path) -> None:
    # Python's csv module, left lenient, reads an unclosed quote to the end of the file as one
    # cell: every party after it would be screened as part of one long name, or not at all.
    path = tmp_path / "parties.csv"
    path.write_text(
        'name,country\n"Acme, Ltd,CN\nBob,US\n"Multi\nline",DE\n\nCarl,DE\n"X"y,CN\nDan,FR\n"Open,CN\nEve,GB\n',
        "utf-8",
    )
    parties = read_parties(path)
    assert {r.row: r.query.name for r in parties.valid if r.query} == {
        3: "Bob", 4: "Multi line", 6: "Carl", 8: "Dan", 10: "Eve"
    }  # fmt: skip
    errors = {r.row: r.error for r in parties.skipped}
    assert errors == {
        2: "not valid CSV on line 2: text after a cell's closing quote; read on from line 3",
        7: "not valid CSV on line 8: text after a cell's closing quote; read on from line 9",
        9: "not valid CSV on line 10: a quoted cell is never closed; read on from line 11",
    }


def test_quotes_inside_a_quoted_cell_are_excel_quoting(tmp_path: Path) -> None:
    # The sniffer would guess doublequote=False from a sample without "" and cut the cell there.
    path = tmp_path / "parties.csv"
    path.write_text('name;country\nJSC "TSENTRSIBNEFTEPROVOD";RU\n"OOO ""Sigma"", Moscow";RU\n', "utf-8")
    parties = read_parties(path)
    assert [r.query.name for r in parties.valid if r.query] == ['JSC "TSENTRSIBNEFTEPROVOD"', 'OOO "Sigma", Moscow']
