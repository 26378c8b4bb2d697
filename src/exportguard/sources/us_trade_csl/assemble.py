"""Collect the entities of one CSL file: merge repeated rows, resolve "Linked To" remarks."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from exportguard.model import Entity
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.us_trade_csl.entity import SOURCE, build_entity
from exportguard.sources.us_trade_csl.record import CslRecord

# "(Linked To: NAME)" or "(Linked To: A; Linked To: B)"; names may hold one level of parentheses.
_LINKED_TO = re.compile(r"Linked To: ((?:[^;()]|\([^()]*\))+)")


class CslAssembler:
    """Feed it records with :meth:`add`; :meth:`result` returns the :class:`ParsedList`."""

    def __init__(self, ctx: ParseContext, path: Path) -> None:
        self.ctx = ctx
        self.path = path
        self.records = 0
        self.entities: dict[str, Entity] = {}
        self.warn: Counter[str] = Counter()
        self._remarks: list[tuple[Entity, str]] = []

    def add(self, rec: CslRecord) -> None:
        ent = build_entity(self.ctx, rec, self.path, self.warn)
        self.records += 1
        known = self.entities.get(ent.id)
        if known is None:
            self.entities[ent.id] = ent
        else:  # the same listing twice (the 2022 file repeats one CAP row): one entity
            self.warn["repeated row merged into the entity it repeats"] += 1
            for v in ent.values:
                known.add(v.prop, v.value, v.original, v.qualifier)
            ent = known
        if "Linked To:" in rec.remarks:
            self._remarks.append((ent, rec.remarks))
        self.ctx.progress(1)

    def result(self, fmt: str, published: str | None) -> ParsedList:
        self._link()
        warnings = [f"{n} × {what}" for what, n in sorted(self.warn.items())]
        return ParsedList(
            SOURCE, fmt, list(self.entities.values()), published=published, records=self.records,
            warnings=warnings,
        )  # fmt: skip

    def _link(self) -> None:
        """Turn OFAC's "Linked To: NAME" remarks into ``linkedTo`` values where NAME names exactly
        one OFAC entry of this file (preferring its listing on the same sub-list, then SDN)."""
        by_name: dict[str, set[str]] = defaultdict(set)
        by_uid: dict[str, list[Entity]] = defaultdict(list)
        for ent in self.entities.values():
            uid = ent.first("ofacUid")
            if uid is None:
                continue
            by_uid[uid].append(ent)
            for name in ent.get("name"):
                by_name[name.upper()].add(uid)
        for ent, remarks in self._remarks:
            code = ent.get_values("subList")[0].qualifier
            for name in _LINKED_TO.findall(remarks):
                uids = by_name.get(name.strip().upper(), set())
                if len(uids) != 1:
                    self.warn["'Linked To' name not resolved to one OFAC entry"] += 1
                    continue
                targets = by_uid[next(iter(uids))]
                same = [t for t in targets if t.get_values("subList")[0].qualifier == code]
                sdn = [t for t in targets if t.get_values("subList")[0].qualifier == "SDN"]
                target = (same or sdn or targets)[0]
                if target.id != ent.id:
                    ent.add("linkedTo", target.id, f"Linked To: {name.strip()}")
