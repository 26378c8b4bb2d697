"""Open the store configured by the settings and initialise it from the bundled snapshot."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from exportguard.settings import Settings, load_settings
from exportguard.sources.registry import SOURCE_IDS
from exportguard.store.loading import ProgressFactory, load_paths
from exportguard.store.models import LoadOutcome
from exportguard.store.versioned import Store


def bundle_dir() -> Path:
    return Path(str(resources.files("exportguard").joinpath("data")))


def bundle_manifest() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((bundle_dir() / "bundle.yml").read_text("utf-8"))
    sources: dict[str, dict[str, Any]] = data["sources"]
    return sources


def load_bundle(
    store: Store, sources: list[str] | None = None, progress: ProgressFactory | None = None
) -> list[LoadOutcome]:
    """Load the bundled files of every source (or of ``sources``) that has no version yet."""
    outcomes = []
    manifest = bundle_manifest()
    for source in SOURCE_IDS:
        if source not in manifest or (sources is not None and source not in sources):
            continue
        if sources is None and store.current(source) is not None:
            continue
        entry = manifest[source]
        paths = [bundle_dir() / "lists" / f for f in entry["files"]]
        outcomes.append(
            load_paths(
                store,
                source,
                paths,
                format=entry.get("format"),
                origin="bundle",
                as_of=entry.get("as_of"),
                as_of_basis="bundle manifest (SOURCES.md)",
                progress=progress,
            )
        )
    return outcomes


def open_store(
    settings: Settings | None = None, *, bootstrap: bool = True, progress: ProgressFactory | None = None
) -> Store:
    """Open the store; with ``bootstrap``, sources with no version yet load from the bundle."""
    settings = settings or load_settings()
    store = Store(settings.store_location, keep_versions=settings.keep_versions, home=settings.home)
    if bootstrap and settings.bundle and len(store.current_versions()) < len(bundle_manifest()):
        load_bundle(store, progress=progress)
    return store
