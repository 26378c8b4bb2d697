"""OFAC parsers refuse bad input with one clear error naming the file and the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportguard.errors import InputFileError, ParseError, UnknownValueError, UnsafeInputError
from exportguard.sources.base import ParseContext
from exportguard.sources.formats import ofac_advanced_xml, ofac_csv, ofac_enhanced_xml
from exportguard.sources.registry import get_meta

OFAC = Path(__file__).parent.parent / "fixtures" / "ofac"
SDN = OFAC / "sdn_2024.csv"
ENHANCED = OFAC / "cons_enhanced.xml"
ADVANCED = OFAC / "cons_advanced.xml"
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
"""


def _ctx(source: str = "us_ofac_sdn") -> ParseContext:
    return ParseContext(get_meta(source))


def _edited(tmp_path: Path, source: Path, old: bytes, new: bytes, name: str | None = None) -> Path:
    raw = source.read_bytes()
    assert old in raw
    out = tmp_path / (name or source.name)
    out.write_bytes(raw.replace(old, new, 1))
    return out


def test_csv_cut_inside_a_quoted_field(tmp_path: Path) -> None:
    raw = SDN.read_bytes()
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(raw[: raw.index(b"Linked To: CHEN")])
    with pytest.raises(ParseError, match="truncated"):
        ofac_csv.parse(_ctx(), [bad])


def test_csv_cut_after_a_field(tmp_path: Path) -> None:
    raw = SDN.read_bytes()
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(raw[: raw.index(b'"GLOMAG",') + len(b'"GLOMAG"')] + b"\r\n")
    with pytest.raises(ParseError, match=r"line \d+: expected 12 fields, found 4 \(truncated\?\)"):
        ofac_csv.parse(_ctx(), [bad])


def test_csv_in_the_wrong_encoding(tmp_path: Path) -> None:
    bad = _edited(tmp_path, SDN, b'"SUN, Jinlong"', '"SÜN, Jinlong"'.encode("latin-1"))
    with pytest.raises(InputFileError, match="wrong text encoding"):
        ofac_csv.parse(_ctx(), [bad])


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "sdn.csv"
    empty.write_bytes(b"\x1a")
    with pytest.raises(InputFileError, match="empty"):
        ofac_csv.parse(_ctx(), [empty])
    with pytest.raises(InputFileError, match="not found"):
        ofac_enhanced_xml.parse(_ctx(), [tmp_path / "SDN_ENHANCED.XML"])


def test_unknown_programme_names_the_record(tmp_path: Path) -> None:
    bad = _edited(
        tmp_path,
        SDN,
        b'PRODUCTION AND CONSTRUCTION CORPS",-0- ,"GLOMAG"',
        b'PRODUCTION AND CONSTRUCTION CORPS",-0- ,"GLOMAG] [NEWPROG"',
    )
    with pytest.raises(UnknownValueError) as err:
        ofac_csv.parse(_ctx(), [bad])
    assert "ent_num 29299" in str(err.value) and "NEWPROG" in str(err.value)


def test_unknown_sdn_type_names_the_record(tmp_path: Path) -> None:
    bad = _edited(tmp_path, SDN, b'"SUN, Jinlong","individual"', b'"SUN, Jinlong","satellite"')
    with pytest.raises(UnknownValueError) as err:
        ofac_csv.parse(_ctx(), [bad])
    assert "ent_num 29300" in str(err.value) and "satellite" in str(err.value)


def test_unknown_identifier_type_in_remarks(tmp_path: Path) -> None:
    bad = _edited(tmp_path, SDN, b"DOB Jan 1962;", b"DOB Jan 1962; Galactic Passport No. GX-12345 (China);")
    with pytest.raises(UnknownValueError, match="ent_num 29300"):
        ofac_csv.parse(_ctx(), [bad])


def test_unknown_alias_type_in_alt_csv(tmp_path: Path) -> None:
    alt = _edited(tmp_path, OFAC / "sdn_2021" / "alt.csv", b'"aka"', b'"xyz"')
    with pytest.raises(UnknownValueError, match=r"alt\.csv: line 1, ent_num \d+"):
        ofac_csv.parse(_ctx(), [OFAC / "sdn_2021" / "sdn.csv", alt])


def test_duplicate_records_and_file_sets(tmp_path: Path) -> None:
    raw = SDN.read_bytes()
    first_row = raw.split(b"\r\n", 1)[0] + b"\r\n"
    twice = tmp_path / "sdn.csv"
    twice.write_bytes(first_row + raw)
    with pytest.raises(ParseError, match="appears twice"):
        ofac_csv.parse(_ctx(), [twice])
    with pytest.raises(ParseError, match="two primary files"):
        ofac_csv.parse(_ctx(), [SDN, OFAC / "sdn_2021" / "sdn.csv"])
    with pytest.raises(ParseError, match="no primary file"):
        ofac_csv.parse(_ctx(), [OFAC / "sdn_2021" / "add.csv"])


@pytest.mark.parametrize("source", [ENHANCED, ADVANCED])
def test_truncated_xml(tmp_path: Path, source: Path) -> None:
    raw = source.read_bytes()
    bad = tmp_path / source.name
    bad.write_bytes(raw[: len(raw) * 2 // 3])
    with pytest.raises(ParseError, match=r"line \d+, column \d+: malformed or truncated XML"):
        parser = ofac_enhanced_xml if source == ENHANCED else ofac_advanced_xml
        parser.parse(_ctx("us_ofac_cons"), [bad])


@pytest.mark.parametrize("source", [ENHANCED, ADVANCED])
def test_xml_with_dtd_or_entities_is_refused(tmp_path: Path, source: Path) -> None:
    raw = source.read_bytes()
    body = raw[raw.index(b"?>") + 2 :]
    bad = tmp_path / source.name
    bad.write_bytes(BOMB + body)
    parser = ofac_enhanced_xml if source == ENHANCED else ofac_advanced_xml
    with pytest.raises(UnsafeInputError, match="DTD"):
        parser.parse(_ctx("us_ofac_cons"), [bad])


def test_enhanced_unknown_programme_names_the_entity(tmp_path: Path) -> None:
    bad = _edited(
        tmp_path, ENHANCED, b">CMIC-EO13959</sanctionsProgram>", b">CMIC-EO99999</sanctionsProgram>"
    )
    with pytest.raises(UnknownValueError, match=r"entity 30946: unknown programs 'CMIC-EO99999'"):
        ofac_enhanced_xml.parse(_ctx("us_ofac_cons"), [bad])


def test_advanced_broken_reference_and_unknown_identifier_type(tmp_path: Path) -> None:
    bad = _edited(tmp_path, ADVANCED, b'FeatureTypeID="8"', b'FeatureTypeID="999999"')
    with pytest.raises(ParseError, match="FeatureType ID '999999' is not in ReferenceValueSets"):
        ofac_advanced_xml.parse(_ctx("us_ofac_cons"), [bad])
    bad = _edited(
        tmp_path, ADVANCED, b'<IDRegDocType ID="1596">Tax ID No.<', b'<IDRegDocType ID="1596">Star Chart No.<'
    )
    with pytest.raises(
        UnknownValueError, match=r"DistinctParty \d+: unknown identifier types 'Star Chart No.'"
    ):
        ofac_advanced_xml.parse(_ctx("us_ofac_cons"), [bad])


def test_xml_of_another_kind_is_not_taken_for_ofac(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_bytes(b'<?xml version="1.0"?><Sanctions xmlns="urn:example"><DateOfIssue/></Sanctions>')
    assert not ofac_advanced_xml.sniff([other])
    with pytest.raises(ParseError, match="not an OFAC Advanced XML file"):
        ofac_advanced_xml.parse(_ctx(), [other])
    with pytest.raises(ParseError, match="not an OFAC Enhanced XML file"):
        ofac_enhanced_xml.parse(_ctx(), [other])
