"""FollowTheMoney properties -> exportguard properties, and cleaning their values.

Where our vocabulary has the FtM property (``model/schema.py`` names it), the value keeps its
name. A few FtM identifier and name properties we have no property for map onto the nearest one,
with the FtM name as the value's qualifier (``innCode`` -> ``taxNumber``). Everything else is
dropped and counted. Referents that name another publisher's key (``ofac-12345``) also become
that key, so screening can group the entity with the official list's own entry.
"""

from __future__ import annotations

import re
from collections import Counter

from exportguard.model import PROPERTIES, Entity
from exportguard.normalize.countries import country_code
from exportguard.normalize.dates import iso_date

# FtM property -> (our property, qualifier)
_SAME: dict[str, tuple[str, str | None]] = {
    ftm: (ours, None) for ours, (_group, ftm) in PROPERTIES.items() if ftm is not None
}
_NEAREST: dict[str, tuple[str, str | None]] = {
    "innCode": ("taxNumber", "innCode"),
    "vatCode": ("taxNumber", "vatCode"),
    "ogrnCode": ("registrationNumber", "ogrnCode"),
    "okpoCode": ("registrationNumber", "okpoCode"),
    "uniqueEntityId": ("idNumber", "uniqueEntityId"),
    "permId": ("idNumber", "permId"),
    "secondName": ("middleName", "secondName"),
    "abbreviation": ("weakAlias", "abbreviation"),
    "description": ("notes", "description"),
    "summary": ("notes", "summary"),
}
ENTITY_PROPS: dict[str, tuple[str, str | None]] = {**_SAME, **_NEAREST}

# Facts of an FtM ``Sanction`` kept on the sanctioned entity (the inverse of model/ftm.py).
SANCTION_PROPS: dict[str, tuple[str, str | None]] = {
    "program": ("program", None),
    "authority": ("authority", None),
    "listingDate": ("listingDate", None),
    "startDate": ("listingDate", "startDate"),
    "endDate": ("endDate", None),
    "reason": ("reason", None),
    "provisions": ("licensePolicy", "provisions"),
    "summary": ("notes", "Sanction.summary"),
    "sourceUrl": ("sourceUrl", "Sanction"),
    "unscId": ("unReferenceNumber", None),
}

# Referent (or entity ID) patterns that carry another publisher's key.
_KEYS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^ofac-(\d+)$"), "ofacUid", r"\1"),
    (re.compile(r"^gb-hmt-(\d+)$"), "ukGroupId", r"\1"),
    (re.compile(r"^eu-fsf-eu-(\d+)-(\d+)$"), "euReferenceNumber", r"EU.\1.\2"),
)


def add_value(ent: Entity, prop: str, raw: str, qualifier: str | None, warn: Counter[str]) -> None:
    """Add one FtM value under ``prop``, cleaned by the property's group (dates, countries)."""
    group = PROPERTIES[prop][0]
    value: str | None = raw
    if group == "date":
        value = iso_date(raw.strip()[:10])
        if value is None:
            warn[f"{prop} value that is not a date"] += 1
            return
    elif group == "country":
        value = country_code(raw)
        if value is None:
            warn[f"{prop} {raw!r} is not a known country"] += 1
            return
    ent.add(prop, value, raw, qualifier)


def add_keys(ent: Entity, ftm_id: str, referents: list[str]) -> None:
    """``referent`` values, and the official keys some of them (or the entity's own ID) carry."""
    for ref in referents:
        ent.add("referent", ref)
    for ref in (ftm_id, *referents):
        for pattern, prop, template in _KEYS:
            if pattern.match(ref):
                ent.add(prop, pattern.sub(template, ref), ref)
