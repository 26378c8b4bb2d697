"""Datasets as the yente protocol names them: ``default`` (every list), a source ID, or a group.

A group (``sanctions``, ``export_controls``) holds every source whose ``source.yml`` lists it.
"""

from __future__ import annotations

from collections.abc import Iterable

from exportguard.api.errors import ApiError
from exportguard.sources.registry import SOURCE_IDS, get_meta

DEFAULT = "default"
GROUPS: dict[str, str] = {
    "sanctions": "Sanctions lists",
    "export_controls": "Export-control and restricted-party lists",
}
# FtM topics for each group, carried on entities so yente clients can filter by topic.
GROUP_TOPICS: dict[str, str] = {"sanctions": "sanction", "export_controls": "export.control"}


def source_groups(source: str) -> tuple[str, ...]:
    """The groups of a source (none when its metadata cannot be read)."""
    try:
        return tuple(g for g in get_meta(source).groups if g in GROUPS)
    except Exception:  # noqa: BLE001 - a source without metadata simply belongs to no group
        return ()


def source_title(source: str) -> str:
    try:
        return get_meta(source).title
    except Exception:  # noqa: BLE001
        return source


def dataset_names() -> list[str]:
    return [DEFAULT, *GROUPS, *SOURCE_IDS]


def check_dataset(name: str) -> str:
    if name not in (DEFAULT, *GROUPS, *SOURCE_IDS):
        known = ", ".join(dataset_names())
        raise ApiError("unknown_dataset", f"no dataset {name!r}; datasets: {known}")
    return name


def dataset_sources(name: str) -> list[str]:
    """The source IDs a dataset covers."""
    check_dataset(name)
    if name == DEFAULT:
        return list(SOURCE_IDS)
    if name in GROUPS:
        return [s for s in SOURCE_IDS if name in source_groups(s)]
    return [name]


def select_sources(dataset: str, include: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[str]:
    """Sources of ``dataset``, narrowed to ``include`` (datasets) and without ``exclude`` (datasets)."""
    sources = dataset_sources(dataset)
    included = [dataset_sources(d) for d in include]
    if included:
        allowed = {s for group in included for s in group}
        sources = [s for s in sources if s in allowed]
    excluded = {s for d in exclude for s in dataset_sources(d)}
    return [s for s in sources if s not in excluded]


def topics_for(source: str) -> list[str]:
    return [GROUP_TOPICS[g] for g in source_groups(source)]
