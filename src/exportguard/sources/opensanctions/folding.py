"""Folding FtM's auxiliary entities into the listed entities they refer to.

- ``Sanction`` (``entity`` -> the sanctioned entity): programme, authority, listing and end dates,
  reason, provisions and key onto that entity (:data:`properties.SANCTION_PROPS`).
- ``Address`` (referred to by an entity's ``addressEntity``): ``full`` (or its parts joined) as an
  ``address`` value, its ``country`` as a ``country`` value.
- ``Identification`` / ``Passport`` (``holder``): the ``number`` as ``idNumber`` /
  ``passportNumber``, the document type as qualifier.
- Relationships (``Ownership``, ``Directorship``, ``Family`` …): a ``linkedTo`` value on each end
  that is a listed entity, pointing at the other end; the qualifier names the FtM schema, the side
  this entity is on and the role (``"Ownership owner: subsidiary of"``).

A referenced entity that is not in the file(s) being parsed is counted in the warnings.
"""

from __future__ import annotations

from collections import Counter

from exportguard.model import Entity, make_entity_id
from exportguard.sources.opensanctions.properties import SANCTION_PROPS, add_value

SOURCE = "opensanctions"
Props = dict[str, list[str]]

# relationship schema -> (property of one end, property of the other end)
LINKS: dict[str, tuple[str, str]] = {
    "Ownership": ("owner", "asset"),
    "Directorship": ("director", "organization"),
    "Family": ("person", "relative"),
    "Associate": ("person", "associate"),
    "Membership": ("member", "organization"),
    "Employment": ("employee", "employer"),
    "Representation": ("agent", "client"),
    "UnknownLink": ("subject", "object"),
    "Succession": ("predecessor", "successor"),
}
_ADDRESS_PARTS = ("street", "street2", "postOfficeBox", "city", "postalCode", "region", "state", "country")
_ROLE_PROPS = ("role", "relationship")


def fold_sanction(ent: Entity, props: Props, dropped: Counter[str], warn: Counter[str]) -> None:
    for ftm_prop, values in props.items():
        if ftm_prop == "entity":
            continue
        target = SANCTION_PROPS.get(ftm_prop)
        if target is None:
            dropped[f"Sanction.{ftm_prop}"] += len(values)
            continue
        prop, qualifier = target
        for raw in values:
            add_value(ent, prop, raw, qualifier, warn)


def fold_address(ent: Entity, props: Props, warn: Counter[str]) -> None:
    fulls = props.get("full") or []
    if not fulls:
        parts = [v for key in _ADDRESS_PARTS if key != "country" for v in props.get(key, [])[:1]]
        fulls = [", ".join(parts)] if parts else []
    for full in fulls:
        ent.add("address", full)
    for raw in props.get("country", []):
        add_value(ent, "country", raw, None, warn)


def fold_identification(ent: Entity, schema: str, props: Props) -> None:
    prop = "passportNumber" if schema == "Passport" else "idNumber"
    kinds = props.get("type") or [schema]
    countries = props.get("country") or []
    for number in props.get("number", []):
        original = " ".join([kinds[0], number, *(f"({c})" for c in countries[:1])])
        ent.add(prop, number, original, kinds[0])


def fold_link(entities: dict[str, Entity], schema: str, props: Props, warn: Counter[str]) -> None:
    one, other = LINKS[schema]
    roles = [r for key in _ROLE_PROPS for r in props.get(key, [])]
    role = f": {roles[0]}" if roles else ""
    for side, far in ((one, other), (other, one)):
        for near_id in props.get(side, []):
            ent = entities.get(near_id)
            if ent is None:
                continue
            for far_id in props.get(far, []):
                ent.add("linkedTo", make_entity_id(SOURCE, far_id), far_id, f"{schema} {side}{role}")
    if not any(i in entities for side in (one, other) for i in props.get(side, [])):
        warn[f"{schema} between entities that are not in the file(s)"] += 1
