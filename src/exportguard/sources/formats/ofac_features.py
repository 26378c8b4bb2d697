"""OFAC "features" (date of birth, nationality, website, vessel flag …) -> entity properties.

The CSV remarks, the Enhanced XML ``feature`` elements and the Advanced XML ``Feature`` elements
carry the same OFAC feature types. Remarks use the short published label (``DOB``, ``POB``,
``nationality``, ``citizen``), the XML formats the feature type name (``Birthdate`` …);
``XML_LABELS`` maps one to the other. Identifier-like features (SWIFT/BIC, MMSI, ISIN …) are
identifiers and go through the ``identifier_types`` vocabulary. Feature types without a property
of their own (sanctions information, target type, directive texts …) are kept as ``notes`` with
the feature type as qualifier — nothing is dropped.
"""

from __future__ import annotations

import re

from exportguard.sources.formats.ofac_common import Record, add_country
from exportguard.sources.formats.ofac_dates import DateValues, date_values
from exportguard.sources.formats.ofac_identifiers import add_identifier, identifier_type

# label -> (kind, property, qualifier)
FEATURES: dict[str, tuple[str, str, str | None]] = {
    "DOB": ("date", "birthDate", None),
    "POB": ("text", "birthPlace", None),
    "nationality": ("country", "nationality", None),
    "citizen": ("country", "citizenship", None),
    "Gender": ("gender", "gender", None),
    "Website": ("text", "website", None),
    "Email Address": ("text", "email", None),
    "Email": ("text", "email", None),
    "Phone Number": ("text", "phone", None),
    "Phone No.": ("text", "phone", None),
    "Telephone": ("text", "phone", None),
    "Telephone No.": ("text", "phone", None),
    "Telephone Number": ("text", "phone", None),
    "PHONE": ("text", "phone", None),
    "Fax": ("text", "phone", "fax"),
    "Fax No.": ("text", "phone", "fax"),
    "FAX": ("text", "phone", "fax"),
    "Organization Established Date": ("date", "incorporationDate", None),
    "Nationality of Registration": ("country", "jurisdiction", None),
    "Registration Country": ("country", "country", "registration"),
    "Vessel Flag": ("country", "flag", None),
    "Other Vessel Flag": ("country", "flag", "other"),
    "Former Vessel Flag": ("country", "flag", "former"),
    "Vessel Call Sign": ("text", "callSign", None),
    "Other Vessel Call Sign": ("text", "callSign", "other"),
    "VESSEL TYPE": ("text", "type", None),
    "Vessel Type": ("text", "type", None),
    "Other Vessel Type": ("text", "type", "other"),
    "Vessel Owner": ("text", "owner", None),
    "Vessel Tonnage": ("text", "tonnage", None),
    "Vessel Gross Registered Tonnage": ("text", "grossRegisteredTonnage", None),
    "Aircraft Model": ("text", "model", None),
    "Position": ("text", "position", None),
    "Title": ("text", "position", None),
    "Location": ("address", "address", None),
}

# Feature type names of the XML formats that are published under a shorter label in remarks.
XML_LABELS = {
    "Birthdate": "DOB",
    "Place of Birth": "POB",
    "Nationality Country": "nationality",
    "Citizenship Country": "citizen",
}

_LISTING_DATE = re.compile(r"^Listing Date \((?P<list>[^)]+)\):?$")
_GENDERS = {"male": "male", "female": "female"}


def feature_kind(label: str) -> tuple[str, str, str | None] | None:
    """The rule for a feature label, or ``None`` when it is kept as a note."""
    label = XML_LABELS.get(label, label)
    rule = FEATURES.get(label) or FEATURES.get(label.rstrip(":").strip())
    if rule is not None:
        return rule
    m = _LISTING_DATE.match(label)
    if m:
        return ("date", "listingDate", m.group("list"))
    return None


def is_identifier(rec: Record, label: str) -> bool:
    allowed = rec.ctx.meta.vocabularies.get("identifier_types", frozenset())
    return identifier_type(label) in allowed


def add_feature(
    rec: Record,
    label: str,
    text: str,
    original: str,
    *,
    dates: DateValues | None = None,
    country: str | None = None,
) -> None:
    """Map one feature (publisher ``label`` and value ``text``) onto ``rec.entity``."""
    text = " ".join(text.split())
    if is_identifier(rec, label):
        add_identifier(rec, label, text, original, country)
        return
    rule = feature_kind(label)
    if rule is None:
        rec.entity.add("notes", original, original, label.rstrip(":- ").strip() or None)
        return
    kind, prop, qualifier = rule
    ent = rec.entity
    if kind == "date":
        values = dates if dates is not None else date_values(text)
        if not values:
            rec.warn(f"unreadable date in {original!r}; kept as a note")
            ent.add("notes", original, original, label)
            return
        for iso, date_qualifier in values:
            ent.add(prop, iso, original, _join(qualifier, date_qualifier))
    elif kind == "country":
        add_country(rec, prop, country or text, qualifier)
    elif kind == "gender":
        gender = rec.vocab("genders", text.strip().capitalize())
        ent.add(prop, _GENDERS[gender.lower()], original)
    elif kind == "address":
        if text != (country or ""):  # a location may be a bare country
            ent.add("address", text, original)
        add_country(rec, "country", country)
    else:
        ent.add(prop, text, original, qualifier)


def _join(*parts: str | None) -> str | None:
    kept = [p for p in parts if p]
    return " ".join(kept) if kept else None
