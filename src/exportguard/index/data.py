"""The index's data: plain arrays and dicts, so it pickles compactly and loads fast."""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, field
from typing import NamedTuple

from exportguard.normalize.scripts import has_abjad
from exportguard.normalize.tokens import KIND_WEIGHT, token_kind

FORMAT_VERSION = 8
HOWS = ("latin", "transliterated", "translated", "pinyin", "acronym", "without-parenthesis")


class Evidence(NamedTuple):
    """What the scorer compares besides names (all normalised). A tuple: pickles fast."""

    countries: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    address_tokens: frozenset[str] = frozenset()


@dataclass(slots=True)
class IndexData:
    """Token postings over name forms; forms belong to entities; entities to groups."""

    key: str
    tokens: list[str] = field(default_factory=list)  # token id -> token
    vocab: dict[str, int] = field(default_factory=dict)
    # Postings, token id -> form ids, as one array with offsets (loads far faster than 1 array/token).
    post_data: array[int] = field(default_factory=lambda: array("I"))
    post_offsets: array[int] = field(default_factory=lambda: array("Q", [0]))
    form_tokens: list[tuple[int, ...]] = field(default_factory=list)
    form_entity: array[int] = field(default_factory=lambda: array("I"))
    form_name: array[int] = field(default_factory=lambda: array("I"))  # form -> name id
    form_how: bytearray = field(default_factory=bytearray)
    names: list[str] = field(default_factory=list)  # name id -> published name
    weak_names: set[int] = field(default_factory=set)  # name ids published as weak aliases
    entity_ids: list[str] = field(default_factory=list)
    entity_schema: list[str] = field(default_factory=list)
    entity_source: list[str] = field(default_factory=list)
    entity_forms: array[int] = field(default_factory=lambda: array("I", [0]))
    entity_group: array[int] = field(default_factory=lambda: array("I"))
    groups: list[tuple[int, ...]] = field(default_factory=list)  # group id -> entity idx
    group_reason: dict[int, str] = field(default_factory=dict)
    # entity idx -> Evidence fields as a plain tuple (plain tuples unpickle fastest)
    evidence: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], frozenset[str]]] = field(
        default_factory=dict
    )
    identifiers: dict[str, list[int]] = field(default_factory=dict)  # identifier -> entity idx
    delete_keys: array[int] = field(default_factory=lambda: array("Q"))
    skeletons: dict[str, list[int]] = field(default_factory=dict)
    spellings: dict[str, list[int]] = field(
        default_factory=dict
    )  # spelling key -> token ids (when it differs)
    # stem -> token ids of the East Slavic adjectives of it (sevastopol -> sevastopolskiy)
    adjectives: dict[str, list[int]] = field(default_factory=dict)
    _weights: list[float] | None = None
    _form_weights: array[float] | None = None
    _long_tokens: list[tuple[str, int]] | None = None
    _vowelless: dict[str, list[int]] | None = None

    @property
    def n_forms(self) -> int:
        return len(self.form_tokens)

    @property
    def n_entities(self) -> int:
        return len(self.entity_ids)

    def posting(self, token_id: int) -> array[int]:
        """The name forms that contain token ``token_id``."""
        return self.post_data[self.post_offsets[token_id] : self.post_offsets[token_id + 1]]

    def df(self, token_id: int) -> int:
        return self.post_offsets[token_id + 1] - self.post_offsets[token_id]

    def idf_of_df(self, df: int) -> float:
        """Inverse document frequency over name forms (a token never seen counts as df=1)."""
        return math.log((self.n_forms + 1) / (max(df, 1) + 0.5)) + 1.0

    def token_weight(self, token: str) -> float:
        """Rarity times kind weight: how much a match on ``token`` is worth."""
        tid = self.vocab.get(token)
        df = 0 if tid is None else self.df(tid)
        return self.idf_of_df(df) * KIND_WEIGHT[token_kind(token)]

    def weight_by_id(self, token_id: int) -> float:
        if self._weights is None:
            self._weights = [
                self.idf_of_df(self.df(i)) * KIND_WEIGHT[token_kind(t)] for i, t in enumerate(self.tokens)
            ]
        return self._weights[token_id]

    def form_weight(self, form: int) -> float:
        """The summed weight of a form's tokens (built on first use)."""
        if self._form_weights is None:
            self._form_weights = array("d", (sum(self.weight_by_id(t) for t in toks) for toks in self.form_tokens))
        return self._form_weights[form]

    def long_tokens(self, min_len: int) -> list[tuple[str, int]]:
        """(token, id) of the tokens of ``min_len`` letters or more, sorted (built on first use)."""
        if self._long_tokens is None:
            self._long_tokens = sorted((t, i) for i, t in enumerate(self.tokens) if len(t) >= min_len)
        return self._long_tokens

    def vowelless_skeletons(self) -> dict[str, list[int]]:
        """Skeleton -> ids of the tokens of names romanised from Arabic or Hebrew script, whose
        vowels the script mostly leaves out (``bsam``, ``hsry`` of بسام أحمد الحصري, Bassam Ahmad
        al-Husari), for queries written with vowels (built on first use)."""
        if self._vowelless is None:
            translit = HOWS.index("transliterated")
            ids: set[int] = set()
            for form, how in enumerate(self.form_how):
                if how == translit and has_abjad(self.names[self.form_name[form]]):
                    ids.update(self.form_tokens[form])
            pool: dict[str, list[int]] = {}
            for skel, members in self.skeletons.items():
                kept = [i for i in members if i in ids]
                if kept:
                    pool[skel] = kept
            self._vowelless = pool
        return self._vowelless

    def evidence_of(self, entity: int) -> Evidence | None:
        raw = self.evidence.get(entity)
        return None if raw is None else Evidence(*raw)

    def forms_of(self, entity: int) -> range:
        return range(self.entity_forms[entity], self.entity_forms[entity + 1])

    def max_idf(self) -> float:
        return self.idf_of_df(1)
