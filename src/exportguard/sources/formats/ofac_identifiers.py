"""OFAC identifiers: the publisher's identifier type -> entity property, value clean-up.

The identifier types themselves are a fixed vocabulary (``identifier_types`` in each OFAC
``source.yml``): OFAC's "ID DOCUMENT TYPE" reference values plus the identifier-like feature types
(SWIFT/BIC, ISIN, aircraft serial numbers, digital currency addresses …). A type that is not in
the vocabulary raises ``UnknownValueError`` naming the record. The property a type maps to is
decided here; types not listed below are generic identity numbers (``idNumber``). Every value keeps
the publisher's identifier type as its ``qualifier`` and the publisher's text as ``original``.
"""

from __future__ import annotations

import re

from exportguard.sources.formats.ofac_common import Record, add_country

_PASSPORT = (
    "Passport",
    "Diplomatic Passport",
    "British National Overseas Passport",
    "Stateless Person Passport",
)
_TAX = (
    "Tax ID No.", "V.A.T. Number", "R.F.C.", "RFC", "NIT #", "RUC #", "RIF #", "C.U.I.T.", "C.I.F.",
    "N.I.F.", "Italian Fiscal Code", "Fiscal Code", "US FEIN", "Paraguayan tax identification number",
    "Romanian Tax Registration", "Numero Unico de Identificacao Tributaria (NUIT)", "RTN", "RSIN",
)  # fmt: skip
_REGISTRATION = (
    "Registration ID", "Registration Number", "Commercial Registry Number", "Company Number",
    "UK Company Number", "Business Registration Document #", "Business Registration Number",
    "Business Number", "Certificate of Incorporation Number", "Chamber of Commerce Number",
    "Public Registration Number", "Government Gazette Number", "Enterprise Number",
    "Branch Unit Number", "Trade License No.", "Unified Social Credit Code (USCC)",
    "United Social Credit Code Certificate (USCCC)", "Central Registration System Number",
    "Economic Register Number (CBLS)", "Folio Mercantil No.", "Matricula Mercantil No", "C.R. No.",
    "Romanian C.R.", "Istanbul Chamber of Comm. No.", "Dubai Chamber of Commerce Membership No.",
    "Registration Certificate Number (Dubai)", "C.I.N.", "Organization Code", "MSB Registration Number",
    "Registered Charity No.", "Russian State Individual Business Registration Number Pattern (OGRNIP)",
    "Aircraft Tail Number", "Previous Aircraft Tail Number",
)  # fmt: skip
_SERIAL = (
    "Aircraft Construction Number (also called L/N or S/N or F/N)",
    "Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Serial Identification", "Serial No.",
)  # fmt: skip

ID_PROPERTY: dict[str, str] = {
    **{t: "passportNumber" for t in _PASSPORT},
    **{t: "taxNumber" for t in _TAX},
    **{t: "registrationNumber" for t in _REGISTRATION},
    **{t: "serialNumber" for t in _SERIAL},
    "SWIFT/BIC": "swiftBic",
    "Legal Entity Number": "leiCode",
    "MMSI": "mmsi",
    "International Maritime Organization No.": "imoNumber",
}

# A feature type that carries the asset code in its name: "Digital Currency Address - XBT".
DIGITAL_CURRENCY = "Digital Currency Address"


def identifier_type(label: str) -> str:
    """The vocabulary entry for a publisher label (asset codes are not part of the type)."""
    if label.startswith(DIGITAL_CURRENCY):
        return DIGITAL_CURRENCY
    return label


def is_imo(number: str) -> bool:
    """True for a seven-digit IMO ship number with a valid check digit."""
    digits = re.sub(r"^IMO\s*", "", number.strip(), flags=re.I)
    if not re.fullmatch(r"\d{7}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(digits[6])


def clean_number(number: str) -> str:
    """Strip the ``#``/``No.`` and brackets that OFAC sometimes leaves in front of a number."""
    text = " ".join(number.split())
    text = re.sub(r"^(?:#|No\.?)\s*", "", text)
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text


def add_identifier(rec: Record, label: str, number: str, original: str, country: str | None = None) -> None:
    """Add identifier ``number`` of the publisher's type ``label`` (checked against the vocabulary)."""
    id_type = rec.vocab("identifier_types", identifier_type(label))
    value = clean_number(number)
    if not value:
        rec.warn(f"{label} without a number: {original!r}")
        return
    prop = ID_PROPERTY.get(id_type, "idNumber")
    if id_type in ("Vessel Registration Identification", "International Maritime Organization No."):
        if is_imo(value):
            prop, value = "imoNumber", "IMO" + re.sub(r"\D", "", value)
        else:
            prop = "registrationNumber"
    rec.entity.add(prop, value, original, label)
    if country:
        add_country(rec, "country", country, label)
