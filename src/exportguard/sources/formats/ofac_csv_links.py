"""Resolving the ``Linked To: NAME`` remarks of OFAC's CSV files to entity IDs.

The CSV files link records by name only. A name is resolved to the record in the same file whose
primary name is that name (compared case-, space- and punctuation-insensitively), else to the
record that has it as an alias. When several records share the name, the one sharing a programme
with the linking record is taken if that makes it unique. A link that cannot be resolved — its
target is on the other OFAC list, or the name is ambiguous — is kept as a note with the
publisher's text, and counted in one warning.
"""

from __future__ import annotations

import re
from collections import defaultdict

from exportguard.model import make_entity_id
from exportguard.sources.formats.ofac_common import PendingLink, Record

_ALIAS_PROPS = ("alias", "previousName", "weakAlias")


def name_key(name: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", name.casefold()).split())


def resolve_links(
    source: str, records: dict[str, Record], links: list[PendingLink], warnings: list[str]
) -> None:
    """Add ``linkedTo`` (value: entity ID, original: the remark) for every resolvable link."""
    by_name: dict[str, list[str]] = defaultdict(list)
    by_alias: dict[str, list[str]] = defaultdict(list)
    for num, rec in records.items():
        for v in rec.entity.values:
            if v.prop == "name":
                by_name[name_key(v.value)].append(num)
            elif v.prop in _ALIAS_PROPS:
                by_alias[name_key(v.value)].append(num)

    def pick(rec: Record, candidates: list[str]) -> str | None:
        found = sorted({c for c in candidates if c != rec.entity.record_id})
        if len(found) > 1:
            programs = set(rec.entity.get("program"))
            found = [c for c in found if programs & set(records[c].entity.get("program"))]
        return found[0] if len(found) == 1 else None

    unresolved: list[str] = []
    for rec, name, original in links:
        key = name_key(name)
        target = pick(rec, by_name.get(key, [])) or pick(rec, by_alias.get(key, []))
        if target is not None:
            rec.entity.add("linkedTo", make_entity_id(source, target), original, "Linked To")
        else:
            rec.entity.add("notes", original, original, "Linked To")
            unresolved.append(f"{rec.entity.record_id} -> {name}")
    if unresolved:
        shown = "; ".join(unresolved[:5])
        warnings.append(
            f"{len(unresolved)} 'Linked To' names not found in this file, kept as notes ({shown})"
        )
