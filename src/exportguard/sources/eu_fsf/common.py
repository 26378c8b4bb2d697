"""What the EU FSF parsers share: identifiers by type code, genders, countries, birth-year ranges."""

from __future__ import annotations

from collections import Counter

from exportguard.model import Entity
from exportguard.normalize.countries import country_code

SOURCE = "eu_fsf"
AUTHORITY = "European Union (Council of the EU / European Commission)"

# identificationTypeCode -> property; every other code is a generic ``idNumber``.
IDENTIFIER_PROPS = {
    "passport": "passportNumber",
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
    "imo": "imoNumber",
    "swiftbic": "swiftBic",
}
GENDERS = {"M": "male", "F": "female", "": None}
# A birth-year range up to this span becomes one birthDate per year; a wider one its two ends.
MAX_RANGE = 20
# Placeholders the publisher uses for "no value".
_EMPTY = {"", "-", "00", "UNKNOWN", "unknown"}


def blank(text: str | None) -> bool:
    return text is None or " ".join(text.split()) in _EMPTY


def add_country(entity: Entity, prop: str, text: str | None, misses: Counter[str]) -> None:
    """Add ``text`` (an ISO code or a country name) as a territory code; count names not found."""
    if text is None or blank(text):
        return
    code = country_code(text)
    if code is None:
        misses[text] += 1
    entity.add(prop, code, text)


def add_year_range(entity: Entity, low: str, high: str, original: str) -> bool:
    """Add the birth years ``low``..``high``; ``False`` when they are not a valid range."""
    if not (low.isdigit() and high.isdigit() and int(low) <= int(high)):
        return False
    span = int(high) - int(low)
    years = range(int(low), int(high) + 1) if span <= MAX_RANGE else (int(low), int(high))
    for year in years:
        entity.add("birthDate", str(year), original, f"between {low} and {high}")
    return True


def miss_warning(misses: Counter[str]) -> list[str]:
    if not misses:
        return []
    return [f"country names not recognised (left out): {', '.join(sorted(misses))}"]
