"""exportguard entities and screening results as yente (FollowTheMoney) JSON.

Only properties with an FtM name are exported; designation facts that FtM keeps on a ``Sanction``
entity are nested under ``sanctions`` when an entity is fetched with ``nested=true``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from exportguard.api.datasets import topics_for
from exportguard.match.types import Result
from exportguard.model import Entity
from exportguard.model.ftm import to_ftm
from exportguard.model.schema import PROPERTIES


def ftm_properties(values: Mapping[str, Iterable[str]], sources: Iterable[str]) -> dict[str, list[str]]:
    """Our property values under their FtM names, with the topics of the sources' groups."""
    props: dict[str, list[str]] = {}
    for prop, items in values.items():
        spec = PROPERTIES.get(prop)
        ftm_name = spec[1] if spec is not None else None
        if ftm_name is None:
            continue
        bucket = props.setdefault(ftm_name, [])
        bucket.extend(v for v in items if v not in bucket)
    topics = props.setdefault("topics", [])
    for source in sources:
        topics.extend(t for t in topics_for(source) if t not in topics)
    if not topics:
        del props["topics"]
    return props


def _sanctions(entity: Entity, last_seen: str | None) -> list[dict[str, Any]]:
    out = []
    for data in to_ftm(entity):
        if data["schema"] != "Sanction":
            continue
        props = {k: v for k, v in data["properties"].items() if k != "entity"}
        programs = props.get("program") or props.get("authority") or [entity.source]
        out.append(
            entity_dict(
                data["id"], f"Sanction: {programs[0]}", "Sanction", props, [entity.source], last_seen, False
            )
        )
    return out


def entity_dict(
    entity_id: str,
    caption: str,
    schema: str,
    properties: dict[str, list[Any]],
    datasets: list[str],
    last_seen: str | None,
    target: bool = True,
    referents: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "id": entity_id,
        "caption": caption,
        "schema": schema,
        "properties": properties,
        "datasets": datasets,
        "referents": referents or [],
        "target": target,
        "first_seen": None,
        "last_seen": last_seen,
        "last_change": None,
    }


def entity_response(entity: Entity, as_of: str | None, nested: bool = False) -> dict[str, Any]:
    """One stored entity (``GET /entities/{id}``, ``/search`` results)."""
    props: dict[str, list[Any]] = dict(ftm_properties(entity.properties(), [entity.source]))
    if nested:
        sanctions = _sanctions(entity, as_of)
        if sanctions:
            props["sanctions"] = sanctions
    return entity_dict(entity.id, entity.caption, entity.schema, props, [entity.source], as_of)


def result_entity(result: Result, as_of: Mapping[str, str | None]) -> dict[str, Any]:
    """A screening result as a yente ``EntityResponse`` (its listings' sources as datasets)."""
    datasets: list[str] = []
    for ref in result.sources:
        if ref.source not in datasets:
            datasets.append(ref.source)
    dates = [d for d in (as_of.get(s) for s in datasets) if d]
    return entity_dict(
        result.id,
        result.caption,
        result.schema,
        dict(ftm_properties(result.properties, datasets)),
        datasets,
        max(dates) if dates else None,
        referents=[e for e in result.entity_ids if e != result.id],
    )


def scored_response(result: Result, threshold: float, as_of: Mapping[str, str | None]) -> dict[str, Any]:
    """One screening result as yente's ``ScoredEntityResponse``."""
    explanations: dict[str, dict[str, Any]] = {}
    for step in result.explanation:
        seen = explanations.get(step.feature)
        if seen is None or step.score > seen["score"]:
            explanations[step.feature] = {
                "score": step.score,
                "detail": step.detail,
                "query": step.query_value,
                "candidate": step.candidate_value,
            }
    data = result_entity(result, as_of)
    data["score"] = result.score
    data["match"] = result.score >= threshold
    data["explanations"] = explanations
    data["features"] = {k: v["score"] for k, v in explanations.items()}
    return data
