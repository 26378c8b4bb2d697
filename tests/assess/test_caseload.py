"""Bad case files: one clear message naming the field (YAML: line and column), never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exportguard.assess.caseload import CaseFileError, load_case, parse_case
from exportguard.errors import (
    InputFileError,
    ParseError,
    UnknownValueError,
    UnsafeInputError,
    ValidationError,
)

BAD = Path(__file__).parent.parent / "fixtures" / "cases" / "bad"
GOOD = """reference: OK-1
date: 2025-03-01
exporter: {name: Exporter AB, country: SE}
destination: CN
products:
  - name: Camera
    description: IP camera
"""


def message(exc: pytest.ExceptionInfo[BaseException]) -> str:
    return str(exc.value)


def test_a_valid_case_loads_with_normalised_values() -> None:
    case = parse_case(GOOD.replace("country: SE", "country: se"), "c.yml", "yaml")
    assert case.exporter.country == "SE"
    assert case.destination.country == "CN" and case.destination.region is None
    assert case.date.isoformat() == "2025-03-01"


def test_missing_required_field_names_the_field() -> None:
    with pytest.raises(CaseFileError) as exc:
        load_case(BAD / "missing_exporter.yml")
    assert exc.value.field == "exporter"
    assert "required field is missing" in message(exc)


def test_unknown_role_names_field_line_and_column() -> None:
    with pytest.raises(UnknownValueError) as exc:
        load_case(BAD / "unknown_role.yml")
    assert "line 11, column 11" in message(exc)
    assert "parties[1].role" in message(exc) and "'buyer'" in message(exc) and "end_user" in message(exc)


def test_unknown_country_code_suggests_the_code() -> None:
    with pytest.raises(UnknownValueError) as exc:
        load_case(BAD / "unknown_country.yml")
    assert "destination.country" in message(exc) and "did you mean CN?" in message(exc)
    assert "line 4, column 14" in message(exc)


def test_impossible_date() -> None:
    with pytest.raises(CaseFileError) as exc:
        load_case(BAD / "impossible_date.yml")
    assert exc.value.field == "date" and exc.value.position == "line 2, column 7"
    assert "not a real calendar date" in message(exc)


@pytest.mark.parametrize(("value", "expected"), [("2025/03/01", "YYYY-MM-DD"), ("20250301", "YYYY-MM-DD"), ("2005-01-01", "earliest date"), ("2201-01-01", "future")])
def test_other_bad_dates(value: str, expected: str) -> None:
    with pytest.raises(CaseFileError, match=expected):
        parse_case(GOOD.replace("2025-03-01", value), "c.yml", "yaml")


def test_blank_and_missing_product_description() -> None:
    with pytest.raises(CaseFileError) as exc:
        load_case(BAD / "empty_description.yml")
    assert exc.value.field == "products[0].description" and "must not be empty" in message(exc)
    with pytest.raises(CaseFileError) as exc2:
        parse_case(GOOD.replace("    description: IP camera\n", ""), "c.yml", "yaml")
    assert exc2.value.field == "products[0].description"


def test_no_products() -> None:
    with pytest.raises(CaseFileError, match="at least one"):
        parse_case(GOOD.split("products:")[0] + "products: []\n", "c.yml", "yaml")


def test_unknown_field_is_an_error() -> None:
    with pytest.raises(CaseFileError) as exc:
        parse_case(GOOD + "end_user: someone\n", "c.yml", "yaml")
    assert exc.value.field == "end_user" and "unknown field" in message(exc)


@pytest.mark.parametrize(
    ("extra", "field", "cls"),
    [
        ("services: [installation, hacking]\n", "services[1]", UnknownValueError),
        ("parties: [{role: end_user, name: X, kind: army}]\n", "parties[0].kind", UnknownValueError),
        ("assurances: {end_use_statement: maybe}\n", "assurances.end_use_statement", UnknownValueError),
    ],
)
def test_fixed_vocabularies(extra: str, field: str, cls: type[Exception]) -> None:
    with pytest.raises(cls) as exc:
        parse_case(GOOD + extra, "c.yml", "yaml")
    assert field in str(exc.value)


def test_unknown_capability_and_bad_control_entry() -> None:
    with pytest.raises(UnknownValueError, match="unknown capability 'mind_reading'"):
        parse_case(GOOD + "    capabilities: [mind_reading]\n", "c.yml", "yaml")
    with pytest.raises(CaseFileError, match="products\\[0\\].control_entries\\[0\\].*not a control-list entry"):
        parse_case(GOOD + "    control_entries: [camera stuff]\n", "c.yml", "yaml")
    case = parse_case(GOOD + "    control_entries: [5a001.F, de 5a902, ear99]\n", "c.yml", "yaml")
    assert case.products[0].control_entries == ["5A001.f", "DE 5A902", "EAR99"]


def test_norway_stays_a_country_code() -> None:
    case = parse_case(GOOD.replace("destination: CN", "destination: NO"), "c.yml", "yaml")
    assert case.destination.country == "NO"


def test_alias_bomb_is_refused_at_the_anchor() -> None:
    with pytest.raises(UnsafeInputError) as exc:
        load_case(BAD / "anchor_bomb.yml")
    assert "line 2, column 4" in message(exc) and "anchors" in message(exc)


def test_unsafe_tag_is_refused() -> None:
    with pytest.raises(UnsafeInputError) as exc:
        load_case(BAD / "unsafe_tag.yml")
    assert "line 3, column 11" in message(exc) and "python/object/apply" in message(exc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "field 'a' appears twice"),
        ("base: {x: 1}\nother:\n  <<: {y: 2}\n", "merge keys"),
        ("a: 1\n---\nb: 2\n", "not valid YAML"),
        ("a: [1, 2\n", "not valid YAML"),
        ("- just\n- a list\n", "must be a mapping"),
        ("a: !custom 1\n", "not allowed"),
    ],
)
def test_malformed_yaml(text: str, expected: str) -> None:
    with pytest.raises((ParseError, ValidationError), match=expected):
        parse_case(text, "c.yml", "yaml")


def test_json_case_and_json_errors(tmp_path: Path) -> None:
    ok = tmp_path / "case.json"
    ok.write_text('{"reference": "J-1", "date": "2025-03-01", "exporter": {"name": "E", "country": "SE"},\n'
                  ' "destination": "CN", "products": [{"name": "C", "description": "IP camera"}]}', "utf-8")
    assert load_case(ok).format == "json"
    bad = tmp_path / "bad.json"
    bad.write_text('{"reference": "J-1",\n "date": }', "utf-8")
    with pytest.raises(ParseError, match="line 2, column 10"):
        load_case(bad)
    dup = tmp_path / "dup.json"
    dup.write_text('{"reference": "a", "reference": "b"}', "utf-8")
    with pytest.raises(ParseError, match="appears twice"):
        load_case(dup)
    role = tmp_path / "role.json"
    role.write_text(ok.read_text("utf-8").replace('"destination": "CN"', '"destination": "CN",\n "parties": [{"role": "buyer", "name": "X"}]'), "utf-8")
    with pytest.raises(UnknownValueError, match=r"line 3, column \d+: parties\[0\]\.role"):
        load_case(role)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="file not found"):
        load_case(tmp_path / "nope.yml")
    with pytest.raises(InputFileError, match="not a regular file"):
        load_case(tmp_path)
    empty = tmp_path / "empty.yml"
    empty.write_text("  \n", "utf-8")
    with pytest.raises(InputFileError, match="empty file"):
        load_case(empty)
    latin = tmp_path / "latin.yml"
    latin.write_bytes("reference: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputFileError, match="not UTF-8 text"):
        load_case(latin)
    binary = tmp_path / "bin.yml"
    binary.write_bytes(b"\x00\x01\x02reference")
    with pytest.raises(InputFileError, match="binary"):
        load_case(binary)
    big = tmp_path / "big.yml"
    big.write_text("a: " + "x" * (1 << 20) + "\n", "utf-8")
    with pytest.raises(InputFileError, match="too large"):
        load_case(big)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.yml"
    locked.write_text(GOOD, "utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the read fail as it would for a user
        real = Path.read_bytes

        def denied(self: Path) -> bytes:
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputFileError, match="permission denied"):
        load_case(locked)


def test_first_problem_in_document_order_and_count_of_the_rest() -> None:
    text = GOOD.replace("country: SE", "country: XX").replace("2025-03-01", "2025-13-01")
    with pytest.raises(ValidationError) as exc:
        parse_case(text, "c.yml", "yaml")
    assert "line 2" in str(exc.value) and "date" in str(exc.value) and "(and 1 more problem)" in str(exc.value)
