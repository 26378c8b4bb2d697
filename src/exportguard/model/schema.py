"""Schemata and the property vocabulary, aligned with FollowTheMoney (FtM).

Property names are FtM's where FtM has one (``name``, ``alias``, ``weakAlias``, ``birthDate`` …).
Designation facts that FtM keeps on a separate ``Sanction`` entity (programme, listing date,
authority …) are kept on the listed entity here, and exported to FtM as a ``Sanction``.
"""

from __future__ import annotations

from enum import StrEnum


class Schema(StrEnum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    COMPANY = "Company"
    LEGAL_ENTITY = "LegalEntity"
    VESSEL = "Vessel"
    AIRPLANE = "Airplane"


SCHEMATA: frozenset[str] = frozenset(s.value for s in Schema)

# Parents in the FtM hierarchy, used to decide whether two schemata can describe the same thing.
SCHEMA_PARENTS: dict[str, tuple[str, ...]] = {
    "Person": ("LegalEntity",),
    "Organization": ("LegalEntity",),
    "Company": ("Organization", "LegalEntity"),
    "LegalEntity": (),
    "Vessel": (),
    "Airplane": (),
}


def schemata_compatible(a: str, b: str) -> bool:
    """True when an entity of schema ``a`` and one of schema ``b`` may be the same thing."""
    if a == b:
        return True
    return a in SCHEMA_PARENTS.get(b, ()) or b in SCHEMA_PARENTS.get(a, ())


# property name -> (group, FtM property on the entity or None when exported on the Sanction)
PROPERTIES: dict[str, tuple[str, str | None]] = {
    # names
    "name": ("name", "name"),
    "alias": ("name", "alias"),
    "weakAlias": ("name", "weakAlias"),
    "previousName": ("name", "previousName"),
    "firstName": ("name", "firstName"),
    "middleName": ("name", "middleName"),
    "lastName": ("name", "lastName"),
    "fatherName": ("name", "fatherName"),
    "title": ("text", "title"),
    "position": ("text", "position"),
    "gender": ("text", "gender"),
    # places and countries
    "country": ("country", "country"),
    "nationality": ("country", "nationality"),
    "citizenship": ("country", "citizenship"),
    "jurisdiction": ("country", "jurisdiction"),
    "address": ("address", "address"),
    # dates
    "birthDate": ("date", "birthDate"),
    "birthPlace": ("text", "birthPlace"),
    "deathDate": ("date", "deathDate"),
    "incorporationDate": ("date", "incorporationDate"),
    # identifiers (the qualifier holds the publisher's identifier type)
    "idNumber": ("identifier", "idNumber"),
    "passportNumber": ("identifier", "passportNumber"),
    "taxNumber": ("identifier", "taxNumber"),
    "registrationNumber": ("identifier", "registrationNumber"),
    "swiftBic": ("identifier", "swiftBic"),
    "leiCode": ("identifier", "leiCode"),
    "imoNumber": ("identifier", "imoNumber"),
    "mmsi": ("identifier", "mmsi"),
    "callSign": ("identifier", "callSign"),
    "email": ("text", "email"),
    "phone": ("text", "phone"),
    "website": ("text", "website"),
    # vessels and aircraft
    "flag": ("country", "flag"),
    "type": ("text", "type"),
    "tonnage": ("text", "tonnage"),
    "grossRegisteredTonnage": ("text", "grossRegisteredTonnage"),
    "owner": ("text", None),
    "model": ("text", "model"),
    "serialNumber": ("identifier", "serialNumber"),
    # designation facts
    "program": ("designation", "program"),
    "listingDate": ("date", None),
    "endDate": ("date", None),
    "modifiedAt": ("date", "modifiedAt"),
    "authority": ("designation", None),
    "reason": ("text", None),
    "subList": ("designation", None),
    "licenseRequirement": ("designation", None),
    "licensePolicy": ("designation", None),
    "federalRegisterNotice": ("designation", None),
    "standardOrder": ("designation", None),
    "topics": ("designation", "topics"),
    "notes": ("text", "notes"),
    "sourceUrl": ("text", "sourceUrl"),
    # keys that different publishers share for the same designation
    "unReferenceNumber": ("key", None),
    "ofacUid": ("key", None),
    "euReferenceNumber": ("key", None),
    "ukGroupId": ("key", None),
    "referent": ("key", None),
    # links between entries (value is another entity ID, original keeps the publisher's text)
    "linkedTo": ("link", None),
    "parent": ("link", None),
}

NAME_PROPS: tuple[str, ...] = ("name", "alias", "weakAlias", "previousName")
IDENTIFIER_PROPS: tuple[str, ...] = tuple(p for p, (g, _) in PROPERTIES.items() if g == "identifier")
KEY_PROPS: tuple[str, ...] = tuple(p for p, (g, _) in PROPERTIES.items() if g == "key")
