"""Export entities as FollowTheMoney entity JSON (one entity per line, Sanction facts alongside)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exportguard.model.entity import Entity
from exportguard.model.schema import PROPERTIES

_SANCTION_PROPS = {
    "program": "program",
    "listingDate": "listingDate",
    "endDate": "endDate",
    "authority": "authority",
    "reason": "reason",
    "subList": "authority",
    "federalRegisterNotice": "summary",
    "licensePolicy": "provisions",
    "licenseRequirement": "status",
    "unReferenceNumber": "unscId",
}


def to_ftm(entity: Entity) -> Iterator[dict[str, Any]]:
    """Yield the entity as FtM JSON and, when it carries designation facts, one ``Sanction``."""
    props: dict[str, list[str]] = {}
    sanction: dict[str, list[str]] = {}
    for v in entity.values:
        _group, ftm_prop = PROPERTIES[v.prop]
        if ftm_prop is not None:
            bucket = props.setdefault(ftm_prop, [])
            if v.value not in bucket:
                bucket.append(v.value)
        if v.prop in _SANCTION_PROPS:
            bucket = sanction.setdefault(_SANCTION_PROPS[v.prop], [])
            if v.value not in bucket:
                bucket.append(v.value)
    props.setdefault("topics", []).append("sanction")
    yield {
        "id": entity.id,
        "schema": entity.schema,
        "caption": entity.caption,
        "properties": props,
        "datasets": [entity.source],
        "target": True,
    }
    if sanction:
        sanction["entity"] = [entity.id]
        yield {
            "id": f"{entity.id}-sanction",
            "schema": "Sanction",
            "properties": sanction,
            "datasets": [entity.source],
            "target": False,
        }
