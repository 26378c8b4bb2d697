"""OFAC remarks, features and dates: item by item, table-driven."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportguard.errors import UnknownValueError
from exportguard.model import Entity
from exportguard.sources.base import ParseContext
from exportguard.sources.formats.ofac_common import PendingLink, Record
from exportguard.sources.formats.ofac_dates import date_values
from exportguard.sources.formats.ofac_remarks import apply_remarks, classify, label_index, split_remarks
from exportguard.sources.registry import get_meta

META = get_meta("us_ofac_sdn")
LABELS = label_index(META.vocabularies["identifier_types"])


def _record(schema: str = "Organization") -> Record:
    ent = Entity("us_ofac_sdn-1", schema, "us_ofac_sdn", "1")
    return Record(ParseContext(META), Path("sdn.csv"), "line 1, ent_num 1", ent)


def _apply(text: str, schema: str = "Organization") -> tuple[Entity, list[PendingLink], list[str]]:
    rec = _record(schema)
    links: list[PendingLink] = []
    apply_remarks(rec, text, LABELS, links)
    return rec.entity, links, rec.warnings


def _values(ent: Entity, prop: str) -> list[tuple[str, str | None]]:
    return [(v.value, v.qualifier) for v in ent.get_values(prop)]


def test_split_removes_the_closing_stop_and_splits_glued_items() -> None:
    assert split_remarks("DOB 1955; POB Pingyu, Henan, China; Gender Male.") == [
        "DOB 1955", "POB Pingyu, Henan, China", "Gender Male",
    ]  # fmt: skip
    assert split_remarks("nationality possibly Palestinian;arrested 23 Apr 2002.") == [
        "nationality possibly Palestinian", "arrested 23 Apr 2002",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("item", "kind", "value", "weak"),
    [
        ("a.k.a. 'BNC'", "alias", "BNC", True),
        ("a.k.a. 'ABU-'UMAR'", "alias", "ABU-'UMAR", True),
        ("f.k.a. 'SAND SWAN'", "alias", "SAND SWAN", True),
        ("a.k.a. BANCO NACIONAL", "alias", "BANCO NACIONAL", False),
        ("Linked To: CHEN, Quanguo", "link", "CHEN, Quanguo", False),
        ("alt. Passport G 649385 issued 08 Sep 2006", "labelled", "G 649385 issued 08 Sep 2006", False),
        ("Email:adelb@shabakah.net.sa", "labelled", "adelb@shabakah.net.sa", False),
        ("Minister of Defense", "note", "Minister of Defense", False),
    ],
)
def test_classify(item: str, kind: str, value: str, weak: bool) -> None:
    got = classify(item, LABELS)
    assert (got.kind, got.value, got.weak) == (kind, value, weak)


def test_longest_identifier_type_wins() -> None:
    ent, _, _ = _apply("Diplomatic Passport 008827 (Iran) issued 1999; Passport 1084010 (Egypt).", "Person")
    assert _values(ent, "passportNumber") == [("008827", "Diplomatic Passport"), ("1084010", "Passport")]
    assert ent.get("country") == ["ir", "eg"]


def test_identifier_properties_by_type() -> None:
    text = (
        "Tax ID No. AABA 670850 Y; Registration ID 14063277 (Russia); SWIFT/BIC HAVIGB2L; "
        "Vessel Registration Identification IMO 7406784; Vessel Registration Identification RS 150443 (Russia); "
        "Legal Entity Number 253400WSS48YWMBUA688; NIT # 800018928-0 (Colombia); "
        "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; "
        "Tarjeta Profesional 186785 (Abogado) (Colombia)."
    )
    ent, _, warnings = _apply(text)
    assert _values(ent, "taxNumber") == [("AABA 670850 Y", "Tax ID No."), ("800018928-0", "NIT #")]
    assert _values(ent, "registrationNumber") == [
        ("14063277", "Registration ID"), ("RS 150443", "Vessel Registration Identification"),
    ]  # fmt: skip
    assert ent.get("swiftBic") == ["HAVIGB2L"] and ent.get("imoNumber") == ["IMO7406784"]
    assert ent.get("leiCode") == ["253400WSS48YWMBUA688"]
    assert _values(ent, "idNumber") == [
        ("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "Digital Currency Address - XBT"),
        ("186785 (Abogado)", "Tarjeta Profesional"),
    ]
    assert set(ent.get("country")) == {"ru", "co"} and warnings == []


def test_unknown_identifier_type_names_the_record() -> None:
    with pytest.raises(UnknownValueError) as err:
        _apply("DOB 1960; Frobnitz Card No. 123456 (Germany).")
    assert "ent_num 1" in str(err.value) and "Frobnitz Card No." in str(err.value)
    with pytest.raises(UnknownValueError):
        _apply("Widget Register 99-1234 (France).")


def test_features_dates_places_countries_and_gender() -> None:
    text = (
        "DOB circa 1951; alt. DOB 1960 to 1962; POB Foca, Bosnia-Herzegovina; nationality Korea, North; "
        "citizen United States; Gender Female; Organization Established Date 08 Apr 2013; "
        "Website www.example.ir; Phone Number 982188526300; Fax: 0097282858208; Listing Date (CMIC) 03 Jun 2021."
    )
    ent, _, _ = _apply(text, "Person")
    assert _values(ent, "birthDate") == [
        ("1951", "circa"),
        ("1960", "range"),
        ("1961", "range"),
        ("1962", "range"),
    ]
    assert ent.get("birthPlace") == ["Foca, Bosnia-Herzegovina"]
    assert (ent.get("nationality"), ent.get("citizenship"), ent.get("gender")) == (["kp"], ["us"], ["female"])
    assert ent.get("incorporationDate") == ["2013-04-08"]
    assert ent.get("website") == ["www.example.ir"]
    assert _values(ent, "phone") == [("982188526300", None), ("0097282858208", "fax")]
    assert _values(ent, "listingDate") == [("2021-06-03", "CMIC")]


def test_links_are_collected_for_the_caller() -> None:
    _ent, links, _ = _apply("Gender Male; Linked To: XINJIANG PRODUCTION AND CONSTRUCTION CORPS.", "Person")
    assert [(name, original) for _rec, name, original in links] == [
        (
            "XINJIANG PRODUCTION AND CONSTRUCTION CORPS",
            "Linked To: XINJIANG PRODUCTION AND CONSTRUCTION CORPS",
        ),
    ]


def test_unknown_gender_is_refused_and_odd_values_are_kept_as_notes() -> None:
    with pytest.raises(UnknownValueError):
        _apply("Gender Robot.", "Person")
    ent, _, warnings = _apply("DOB sometime in spring; nationality Atlantis.", "Person")
    assert ent.get("birthDate") == [] and ent.get("nationality") == []
    assert "DOB sometime in spring" in ent.get("notes")
    assert len(warnings) == 2


def test_truncated_remarks_drop_their_last_item() -> None:
    rec = _record()
    apply_remarks(rec, "Website www.a.ru; a.k.a. 'WHOIS HACKIN", LABELS, [], truncated=True)
    assert rec.entity.get("weakAlias") == [] and rec.entity.get("website") == ["www.a.ru"]
    assert "cut off" in rec.warnings[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 Dec 1948", [("1948-12-10", None)]),
        ("Jan 1962", [("1962-01", None)]),
        ("1955", [("1955", None)]),
        ("circa 01 Jan 1961", [("1961-01-01", "circa")]),
        ("01 Jan 1960 to 31 Dec 1961", [("1960", "range"), ("1961", "range")]),
        ("circa 1979-1980", [("1979", "circa range"), ("1980", "circa range")]),
        ("01 Sep 1990 to 30 Sep 1990", [("1990-09", None)]),
        ("21 Mar 2015 to 19 Mar 2016", [("2015-03-21", "range"), ("2016-03-19", "range")]),
        ("1900 to 1950", [("1900-01-01", "range"), ("1950-12-31", "range")]),
        ("31 Feb 1990", None),
        ("1962 to 1960", None),
        ("sometime", None),
    ],
)
def test_date_values(text: str, expected: list[tuple[str, str | None]] | None) -> None:
    assert date_values(text) == expected
