"""un_sc_sanctions: bad input gives one clear error naming the file and the place."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportguard.errors import ParseError, UnknownValueError, UnsafeInputError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.registry import detect_format, get_meta
from exportguard.sources.un_sc_sanctions import parse, sniff

EXCERPT = Path(__file__).parent.parent / "fixtures" / "un" / "un_consolidated_excerpt.xml"
RAW = EXCERPT.read_bytes()


def _parse(tmp_path: Path, raw: bytes) -> ParsedList:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(raw)
    return parse(ParseContext(get_meta("un_sc_sanctions")), [path])


def test_truncated_xml_names_line(tmp_path: Path) -> None:
    with pytest.raises(
        ParseError, match=r"consolidated\.xml: line \d+, column \d+: malformed or truncated XML"
    ):
        _parse(tmp_path, RAW[: len(RAW) // 2])


def test_entity_bomb_is_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        b'<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09Z"><INDIVIDUALS><INDIVIDUAL>'
        b"<DATAID>1</DATAID><FIRST_NAME>&c;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    path = tmp_path / "consolidated.xml"
    path.write_bytes(bomb)
    assert sniff([path])  # recognised as the UN format …
    with pytest.raises(UnsafeInputError, match="document type declaration"):  # … and refused
        _parse(tmp_path, bomb)


def test_wrong_encoding(tmp_path: Path) -> None:
    latin1 = RAW.replace("Démocratiques".encode(), "Démocratiques".encode("latin-1"))
    assert latin1 != RAW
    with pytest.raises(ParseError, match="encoding"):
        _parse(tmp_path, latin1)


def test_unknown_list_type_names_the_record(tmp_path: Path) -> None:
    raw = RAW.replace(b"<UN_LIST_TYPE>DRC</UN_LIST_TYPE>", b"<UN_LIST_TYPE>Atlantis</UN_LIST_TYPE>", 1)
    with pytest.raises(UnknownValueError, match=r"INDIVIDUAL DATAID 6907993: unknown list type 'Atlantis'"):
        _parse(tmp_path, raw)


def test_unknown_alias_quality_and_date_type(tmp_path: Path) -> None:
    raw = RAW.replace(b"<QUALITY>Low</QUALITY>", b"<QUALITY>Medium</QUALITY>", 1)
    with pytest.raises(UnknownValueError, match="unknown alias quality 'Medium'"):
        _parse(tmp_path, raw)
    raw = RAW.replace(b"<TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE>", b"<TYPE_OF_DATE>CIRCA</TYPE_OF_DATE>", 1)
    with pytest.raises(UnknownValueError, match="unknown date type 'CIRCA'"):
        _parse(tmp_path, raw)


def test_unknown_document_type(tmp_path: Path) -> None:
    raw = RAW.replace(
        b"<TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>", b"<TYPE_OF_DOCUMENT>Visa</TYPE_OF_DOCUMENT>", 1
    )
    with pytest.raises(UnknownValueError, match="unknown document type 'Visa'"):
        _parse(tmp_path, raw)


def test_record_without_reference_number(tmp_path: Path) -> None:
    raw = RAW.replace(b"<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>", b"<REFERENCE_NUMBER/>", 1)
    with pytest.raises(ParseError, match="DATAID 6907993: missing or malformed REFERENCE_NUMBER"):
        _parse(tmp_path, raw)


def test_unknown_element_is_a_warning(tmp_path: Path) -> None:
    raw = RAW.replace(
        b"<VERSIONNUM>1</VERSIONNUM>", b"<VERSIONNUM>1</VERSIONNUM><EYE_COLOUR>x</EYE_COLOUR>", 1
    )
    assert _parse(tmp_path, raw).warnings == ["ignored unknown element <EYE_COLOUR> in 1 record(s)"]


def test_other_sources_files_are_not_sniffed_as_un(tmp_path: Path) -> None:
    fixtures = EXCERPT.parent.parent
    for other in (fixtures / "eu" / "fsf_excerpt.xml", fixtures / "uk" / "uk_sanctions_list_excerpt.xml"):
        assert not sniff([other])
    with pytest.raises(ParseError, match="not a recognised format for source un_sc_sanctions"):
        detect_format("un_sc_sanctions", [fixtures / "eu" / "whole_2016_excerpt.xml"])
