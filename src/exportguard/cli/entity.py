"""``exportguard entity ID``: one entity, every value with its original form and its source."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from exportguard.cli.common import (
    OutputFormat,
    console,
    get_store,
    list_versions_json,
    print_json,
    resolve_format,
    warn_stale,
)
from exportguard.errors import NotFoundError
from exportguard.sources.registry import get_meta
from exportguard.store.versioned import source_of


def entity(
    entity_id: Annotated[str, typer.Argument(metavar="ENTITY_ID", help="Entity ID, <source>-<record id>, e.g. us_ofac_sdn-29299")],
    fmt: Annotated[OutputFormat | None, typer.Option("--format", "-f", help="table or json")] = None,
) -> None:
    """Show one listed entity with every value, its original form and its source."""
    store = get_store()
    ent = store.get_entity(entity_id)
    if ent is None:
        raise NotFoundError(f"no entity {entity_id!r} in the current lists")
    version = store.current(source_of(entity_id))
    assert version is not None
    meta = get_meta(ent.source)
    if resolve_format(fmt) is OutputFormat.json:
        print_json(
            {
                "id": ent.id,
                "caption": ent.caption,
                "schema": ent.schema,
                "source": ent.source,
                "record_id": ent.record_id,
                "publisher": meta.publisher,
                "list": list_versions_json([version])[0],
                "values": [
                    {"property": v.prop, "value": v.value, "original": v.original, "qualifier": v.qualifier}
                    for v in ent.values
                ],
            }
        )
    else:
        table = Table(title=f"{ent.caption} — {ent.schema}, {ent.id}")
        table.add_column("property")
        table.add_column("value")
        table.add_column("qualifier")
        table.add_column("original (as published)")
        for v in ent.values:
            table.add_row(v.prop, v.value, v.qualifier or "", v.original if v.original != v.value else "″")
        console.print(table)
        console.print(
            f"source: {meta.title} ({meta.publisher}), version {version.version}, as of {version.as_of}",
            highlight=False,
        )
    warn_stale([version])
