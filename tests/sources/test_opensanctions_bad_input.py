"""opensanctions: bad lines give one clear error naming the file and line."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from exportguard.errors import InputFileError, ParseError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.opensanctions import forms
from exportguard.sources.registry import get_meta

T1 = Path(__file__).parent.parent / "fixtures" / "opensanctions" / "t1.ftm.json"
LINES = T1.read_text("utf-8").splitlines()


def _parse(path: Path) -> ParsedList:
    return forms.parse_full(ParseContext(get_meta("opensanctions")), [path])


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_invalid_json_line_names_its_number(tmp_path: Path) -> None:
    lines = [*LINES[:3], LINES[3][:200], *LINES[4:]]
    with pytest.raises(ParseError, match=r"entities\.ftm\.json: line 4: not valid JSON"):
        _parse(_write(tmp_path, lines))


def test_line_that_is_not_an_entity(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"line 3: not an FtM entity \(no id or schema\)"):
        _parse(_write(tmp_path, [*LINES[:2], '{"caption": "x", "properties": {}}', *LINES[2:]]))
    with pytest.raises(ParseError, match="line 2: not a JSON object but list"):
        _parse(_write(tmp_path, [LINES[0], "[1, 2]"]))
    with pytest.raises(ParseError, match="line 1: property name should be a list of strings"):
        _parse(_write(tmp_path, ['{"id": "a", "schema": "Person", "properties": {"name": "Bob"}}']))


def test_other_schemata_are_skipped_and_counted(tmp_path: Path) -> None:
    odd = '{"id": "n1", "schema": "Note", "properties": {"description": ["x"]}}'
    parsed = _parse(_write(tmp_path, [*LINES, odd, odd.replace("n1", "n2")]))
    assert len(parsed.entities) == 6
    assert "skipped FtM entities of schemata that are not kept: Note ×2" in parsed.warnings


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_bytes(
        "\n".join(LINES[:2]).encode("utf-8") + b"\n" + LINES[2].encode("cp1251", errors="replace")
    )
    with pytest.raises(InputFileError, match="line 3: wrong text encoding"):
        _parse(path)


def test_truncated_gzip_and_empty_file(tmp_path: Path) -> None:
    gz = tmp_path / "entities.ftm.json.gz"
    gz.write_bytes(gzip.compress(T1.read_bytes())[:1500])
    with pytest.raises(InputFileError, match="truncated or corrupt gzip"):
        _parse(gz)
    with pytest.raises(InputFileError, match="file is empty"):
        _parse(_write(tmp_path, ["", "  "]))
    with pytest.raises(InputFileError, match="file not found"):
        _parse(tmp_path / "missing.json")
