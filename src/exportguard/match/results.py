"""Results: scored entities grouped into designations, with every source listing behind them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exportguard.match.scoring import EntityScore
from exportguard.match.types import Query, Result, SourceRef
from exportguard.model import Entity
from exportguard.sources.registry import SOURCE_IDS

if TYPE_CHECKING:
    from exportguard.match.screener import Screener

_ORDER = {s: i for i, s in enumerate(SOURCE_IDS)}


def source_ref(entity: Entity) -> SourceRef:
    return SourceRef(
        source=entity.source,
        entity_id=entity.id,
        sub_list=entity.first("subList"),
        programmes=entity.get("program"),
        listed_on=entity.first("listingDate"),
    )


def merged_properties(entities: list[Entity]) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {}
    for ent in entities:
        for prop, values in ent.properties().items():
            bucket = props.setdefault(prop, [])
            bucket.extend(v for v in values if v not in bucket)
    return props


def build_results(screener: Screener, query: Query, scored: list[EntityScore]) -> list[Result]:
    """Group ``scored`` by designation; best score per group; at most ``query.limit`` results."""
    ix = screener.index
    best: dict[int, EntityScore] = {}
    for s in scored:
        gid = ix.entity_group[s.entity]
        if gid not in best or s.score > best[gid].score:
            best[gid] = s
    ranked = sorted(best.items(), key=lambda kv: (-kv[1].score, ix.entity_ids[kv[0]]))
    wanted = set(query.sources)
    results: list[Result] = []
    for gid, top in ranked[: query.limit]:
        members = [m for m in ix.groups[gid] if not wanted or ix.entity_source[m] in wanted]
        members.sort(key=lambda m: (m != top.entity, _ORDER.get(ix.entity_source[m], 99), ix.entity_ids[m]))
        pairs = [(m, screener.entity(ix.entity_ids[m])) for m in members]
        found = [(m, e) for m, e in pairs if e is not None]
        if not found:
            continue
        entities = [e for _m, e in found]
        rep = min(found, key=lambda me: me[0])[1]  # the group's first entity: a stable ID
        results.append(
            Result(
                id=rep.id,
                caption=rep.caption,
                schema=rep.schema,
                score=top.score,
                match=top.score >= query.threshold,
                sources=[source_ref(e) for e in entities],
                properties=merged_properties(entities),
                explanation=top.explanation(),
                entity_ids=[e.id for e in entities],
            )
        )
    return results
