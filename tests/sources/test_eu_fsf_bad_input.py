"""eu_fsf: bad input gives one clear error naming the file and the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportguard.errors import ParseError, UnknownValueError, UnsafeInputError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.eu_fsf import fsf, legacy, sniff_fsf, sniff_legacy
from exportguard.sources.registry import get_meta

FIXTURES = Path(__file__).parent.parent / "fixtures"
FSF = (FIXTURES / "eu" / "fsf_excerpt.xml").read_bytes()
WHOLE = (FIXTURES / "eu" / "whole_2016_excerpt.xml").read_bytes()


def _write(tmp_path: Path, raw: bytes, name: str = "fsf.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def _fsf(tmp_path: Path, raw: bytes) -> ParsedList:
    return fsf.parse(ParseContext(get_meta("eu_fsf")), [_write(tmp_path, raw)])


def _legacy(tmp_path: Path, raw: bytes) -> ParsedList:
    return legacy.parse(ParseContext(get_meta("eu_fsf")), [_write(tmp_path, raw, "data.xml")])


def test_truncated_xml(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"fsf\.xml: line \d+, column \d+: malformed or truncated XML"):
        _fsf(tmp_path, FSF[:-200])
    with pytest.raises(ParseError, match=r"data\.xml: line \d+.*truncated XML"):
        _legacy(tmp_path, WHOLE[: len(WHOLE) // 3])


def test_external_entity_is_refused(tmp_path: Path) -> None:
    xxe = FSF.replace(
        b'<export xmlns="',
        b'<!DOCTYPE export [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<export xmlns="',
        1,
    ).replace(b"<remark>UNSC RESOLUTION 1483</remark>", b"<remark>&x;</remark>", 1)
    assert sniff_fsf([_write(tmp_path, xxe)])
    with pytest.raises(UnsafeInputError, match="DTD"):
        _fsf(tmp_path, xxe)


def test_wrong_encoding(tmp_path: Path) -> None:
    bad = WHOLE.replace(b'<?xml version="1.0" encoding="UTF-8"?>', b'<?xml version="1.0" encoding="UTF-16"?>')
    with pytest.raises(ParseError, match="encoding|malformed"):
        _legacy(tmp_path, bad)
    latin1 = FSF.replace("Qoussaï".encode(), "Qoussaï".encode("latin-1"))
    with pytest.raises(ParseError, match="encoding"):
        _fsf(tmp_path, latin1)


def test_unknown_programme_names_the_record(tmp_path: Path) -> None:
    raw = FSF.replace(b'programme="COD"', b'programme="XYZ"', 1)
    with pytest.raises(UnknownValueError, match=r"sanctionEntity logicalId 3745: unknown programme 'XYZ'"):
        _fsf(tmp_path, raw)
    raw = WHOLE.replace(b'programme="ZWE"', b'programme="XYZ"', 1)
    with pytest.raises(UnknownValueError, match=r"ENTITY Id 1: unknown programme 'XYZ'"):
        _legacy(tmp_path, raw)


def test_unknown_subject_type_and_identification_code(tmp_path: Path) -> None:
    raw = FSF.replace(b'<subjectType code="person"', b'<subjectType code="vessel"', 1)
    with pytest.raises(UnknownValueError, match="logicalId 13: unknown subject type 'vessel'"):
        _fsf(tmp_path, raw)
    raw = FSF.replace(b'identificationTypeCode="fiscalcode"', b'identificationTypeCode="dna"', 1)
    with pytest.raises(UnknownValueError, match="unknown identification type 'dna'"):
        _fsf(tmp_path, raw)
    raw = WHOLE.replace(b"(passport-National passport)", b"(visa-Visa)", 1)
    with pytest.raises(UnknownValueError, match="ENTITY Id 1: unknown identification type 'visa'"):
        _legacy(tmp_path, raw)


def test_missing_generation_date(tmp_path: Path) -> None:
    raw = FSF.replace(b'generationDate="2026-08-05T16:47:04.449+02:00"', b"", 1)
    with pytest.raises(ParseError, match="missing or invalid generationDate"):
        _fsf(tmp_path, raw)


def test_sniffers_tell_the_two_formats_apart() -> None:
    assert sniff_fsf([FIXTURES / "eu" / "fsf_excerpt.xml"])
    assert not sniff_fsf([FIXTURES / "eu" / "whole_2016_excerpt.xml"])
    assert sniff_legacy([FIXTURES / "eu" / "whole_2016_excerpt.xml"])
    assert not sniff_legacy([FIXTURES / "un" / "un_consolidated_excerpt.xml"])
