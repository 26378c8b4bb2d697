"""Build the index from entities: name forms, postings, fuzzy keys, evidence, groups."""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable, Iterable

from exportguard.index.data import HOWS, IndexData
from exportguard.index.evidence import entity_evidence
from exportguard.index.fuzzy import build_delete_keys, skeleton_key
from exportguard.index.grouping import Grouper
from exportguard.model import Entity
from exportguard.model.schema import NAME_PROPS
from exportguard.normalize.adjectives import adjective_stem
from exportguard.normalize.names import name_forms
from exportguard.normalize.phonetics import spelling_key

JOIN_MAX = 4  # adjacent tokens this short are also indexed joined (jin long -> jinlong)
_HOW_CODE = {h: i for i, h in enumerate(HOWS)}


class _Builder:
    def __init__(self, key: str) -> None:
        self.ix = IndexData(key=key)
        self.lists: list[list[int]] = []
        self.grouper = Grouper()

    def token_id(self, token: str) -> int:
        tid = self.ix.vocab.get(token)
        if tid is None:
            tid = len(self.ix.tokens)
            self.ix.vocab[token] = tid
            self.ix.tokens.append(token)
            self.lists.append([])
        return tid

    def add(self, entity: Entity) -> None:
        ix = self.ix
        idx = len(ix.entity_ids)
        ix.entity_ids.append(entity.id)
        ix.entity_schema.append(entity.schema)
        ix.entity_source.append(entity.source)
        primary: list[tuple[str, ...]] = []
        aliases: list[tuple[str, ...]] = []
        seen_names: set[str] = set()
        for value in entity.values:
            if value.prop not in NAME_PROPS or value.value in seen_names:
                continue
            seen_names.add(value.value)
            name_id = len(ix.names)
            ix.names.append(value.value)
            if value.prop == "weakAlias":
                ix.weak_names.add(name_id)
            for form in name_forms(value.value, entity.schema):
                if form.how != "acronym" and value.prop in ("name", "alias"):
                    (primary if value.prop == "name" else aliases).append(form.tokens)
                self.add_form(idx, name_id, form.tokens, _HOW_CODE[form.how])
        ix.entity_forms.append(len(ix.form_tokens))
        ev = entity_evidence(entity)
        if ev is not None:
            ix.evidence[idx] = (ev.countries, ev.birth_dates, ev.identifiers, ev.address_tokens)
            for ident in ev.identifiers:
                ix.identifiers.setdefault(ident, []).append(idx)
        self.grouper.add(
            idx, entity, primary, ev.countries if ev else (), ev.birth_dates if ev else (), aliases=aliases
        )

    def add_form(self, idx: int, name_id: int, tokens: tuple[str, ...], how: int) -> None:
        ix = self.ix
        form_id = len(ix.form_tokens)
        ids = tuple(self.token_id(t) for t in tokens)
        ix.form_tokens.append(ids)
        ix.form_entity.append(idx)
        ix.form_name.append(name_id)
        ix.form_how.append(how)
        keys = set(ids)
        for a, b in zip(tokens, tokens[1:], strict=False):
            if len(a) <= JOIN_MAX and len(b) <= JOIN_MAX and not (a + b).isdigit():
                keys.add(self.token_id(a + b))
        for tid in keys:
            self.lists[tid].append(form_id)

    def finish(self) -> IndexData:
        ix = self.ix
        for lst in self.lists:
            ix.post_data.extend(lst)
            ix.post_offsets.append(len(ix.post_data))
        self.lists = []
        ix.delete_keys = build_delete_keys(enumerate(ix.tokens))
        for tid, token in enumerate(ix.tokens):
            skel = skeleton_key(token)
            if skel is not None:
                ix.skeletons.setdefault(skel, []).append(tid)
            key = spelling_key(token)
            if key != token:
                ix.spellings.setdefault(key, []).append(tid)
            stem = adjective_stem(token)
            if stem is not None:
                ix.adjectives.setdefault(stem, []).append(tid)
        groups, reasons = self.grouper.assign()
        ix.entity_group = array("I", groups)
        members: dict[int, list[int]] = {}
        for idx, root in enumerate(groups):
            members.setdefault(root, []).append(idx)
        ix.group_reason = reasons
        ix.groups = [()] * len(groups)
        for root, mem in members.items():
            ix.groups[root] = tuple(mem)
        ix.vowelless_skeletons()  # built now, so that they are persisted with the index
        if ix.form_tokens:
            ix.form_weight(0)
        return ix


def build_index(
    entities: Iterable[Entity], key: str = "", progress: Callable[[int], None] | None = None
) -> IndexData:
    """Index every entity; ``progress`` is called with the number of entities added so far."""
    builder = _Builder(key)
    was_enabled = gc.isenabled()
    gc.disable()  # the index is millions of long-lived objects: collecting them mid-build is wasted work
    try:
        for n, entity in enumerate(entities, 1):
            builder.add(entity)
            if progress is not None and n % 1000 == 0:
                progress(n)
        return builder.finish()
    finally:
        if was_enabled:
            gc.enable()
