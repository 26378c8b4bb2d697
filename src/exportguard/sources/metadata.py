"""Source metadata (``source.yml`` beside each parser): publisher, URLs, licence, checks, vocabularies."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class DownloadSpec:
    """One official download: the URL, the file name to save it as and the format it is in."""

    url: str
    filename: str
    format: str
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class SourceMeta:
    id: str
    title: str
    publisher: str
    licence: str
    urls: tuple[DownloadSpec, ...]
    # expected-count checks: {"min_entities": int, "max_entities": int}
    expected: dict[str, int] = field(default_factory=dict)
    vocabularies: dict[str, frozenset[str]] = field(default_factory=dict)
    info_url: str | None = None
    groups: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceMeta:
        urls = tuple(
            DownloadSpec(u["url"], u["filename"], u["format"], u.get("sha256"))
            for u in data.get("downloads", [])
        )
        vocabs = {k: frozenset(str(x) for x in v) for k, v in (data.get("vocabularies") or {}).items()}
        return cls(
            id=data["id"],
            title=data["title"],
            publisher=data["publisher"],
            licence=data["licence"],
            urls=urls,
            expected={k: int(v) for k, v in (data.get("expected") or {}).items()},
            vocabularies=vocabs,
            info_url=data.get("info_url"),
            groups=tuple(data.get("groups", [])),
        )


def load_meta(source_id: str) -> SourceMeta:
    """Read ``sources/<source_id>/source.yml`` from the installed package."""
    text = resources.files(f"exportguard.sources.{source_id}").joinpath("source.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    if data.get("id") != source_id:
        raise ValueError(f"source.yml of {source_id} names id {data.get('id')!r}")
    return SourceMeta.from_dict(data)
