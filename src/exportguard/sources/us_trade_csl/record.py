"""One Consolidated Screening List entry, read from either published form (CSV or JSON).

Both readers fill the same :class:`CslRecord`; :mod:`.entity` maps it to an :class:`Entity`.
Scalar fields keep the publisher's raw text (``""`` when absent); multi-valued fields are lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# The CSV's columns, in order (also the JSON's field names, where ``_id`` is ``id``).
COLUMNS: tuple[str, ...] = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
    "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
    "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
    "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CslAddress:
    full: str
    country: str | None  # the publisher's country code or name, when it gives one


@dataclass(frozen=True, slots=True)
class CslIdentifier:
    type: str
    number: str
    country: str | None
    original: str  # ``country, expiration, issue, number, type`` as the CSV writes it


@dataclass(slots=True)
class CslRecord:
    position: str  # where the entry is in the file ("line 12", "results[3]")
    id: str
    source: str
    name: str
    entity_number: str = ""
    type: str = ""
    title: str = ""
    start_date: str = ""
    end_date: str = ""
    standard_order: str = ""
    license_requirement: str = ""
    license_policy: str = ""
    call_sign: str = ""
    vessel_type: str = ""
    gross_tonnage: str = ""
    gross_registered_tonnage: str = ""
    vessel_flag: str = ""
    vessel_owner: str = ""
    remarks: str = ""
    source_list_url: str = ""
    source_information_url: str = ""
    country: str = ""  # JSON only: a country some State Department entries carry
    programs: list[str] = field(default_factory=list)
    alt_names: list[str] = field(default_factory=list)
    addresses: list[CslAddress] = field(default_factory=list)
    federal_register_notice: list[str] = field(default_factory=list)
    citizenships: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    dates_of_birth: list[str] = field(default_factory=list)
    places_of_birth: list[str] = field(default_factory=list)
    ids: list[CslIdentifier] = field(default_factory=list)


def split_multi(raw: str) -> list[str]:
    """Split a multi-valued CSV cell (values joined with ``"; "``)."""
    return [part.strip() for part in raw.split("; ") if part.strip()]


def csv_address(text: str) -> CslAddress:
    """An address as the CSV writes it: ``street, city, [state,] [postal code,] CC``."""
    last = text.rsplit(", ", 1)[-1].strip()
    return CslAddress(text, last if _COUNTRY_CODE.match(last) else None)


def csv_identifier(text: str) -> CslIdentifier | None:
    """Parse one ``ids`` entry: ``[country, ][expiration, ][issue, ]number, type``.

    The type is the last part and the number is everything between the optional leading country
    code and dates and the type (numbers may themselves contain ``", "``). When a single date is
    given the CSV does not say whether it is the issue or the expiry date, so dates are kept only
    in the original text. Returns ``None`` when there is no number before the type.
    """
    parts = text.split(", ")
    if len(parts) < 2:
        return None
    id_type, rest = parts[-1].strip(), parts[:-1]
    country = None
    if len(rest) > 1 and _COUNTRY_CODE.match(rest[0]):
        country, rest = rest[0], rest[1:]
    while len(rest) > 1 and _ISO_DATE.match(rest[0]):
        rest = rest[1:]
    number = ", ".join(rest).strip()
    if not number:
        return None
    return CslIdentifier(id_type, number, country, text)


def identifier_original(
    id_type: str, number: str, country: str | None, issued: str | None, expires: str | None
) -> str:
    """The CSV's text for an identifier the JSON gives as an object (same order as the CSV)."""
    return ", ".join(p for p in (country, expires, issued, number, id_type) if p)
