"""One designation, several sources: entities are grouped when they share a key the lists
themselves publish (UN reference number, OFAC UID, EU reference, UK group ID, referent), or —
for records the lists link by no key — when two sources (or sub-lists) publish the same name
(words in any order, common romanisation variants folded: Sergeevich / Sergeyevich) and: for
people, the same birth date, or — for main names of three or more words — no conflicting birth
date; for organisations, the same country or address, or — for main names of four or more
words — no conflicting country. An alias groups with another record's name only with a shared
birth date, country or address. People with the same full birth date (year, month and day) also
group when two of their names are alike word for word though spelled apart more than the
romanisation variants fold (UTKIN, Dmitriy Valeryevich / Dmitry Valerievich UTKIN)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from exportguard.match.align import align
from exportguard.model import Entity
from exportguard.model.schema import KEY_PROPS, schemata_compatible
from exportguard.normalize.phonetics import spelling_key

MAX_KEY_SHARE = 50  # a key value on more entities than this is not a designation key
LONG_NAME = 4  # organisation names this long group without a shared country (none conflicting)
LONG_PERSON_NAME = 3  # person names this long group without a shared birth date (none conflicting)
ALIKE_WORD_SIM = 0.85  # every word of two names this alike: one name spelled apart (with a full birth date)
FULL_DATE = 10  # YYYY-MM-DD

_Item = tuple[int, str, str, frozenset[str], frozenset[str], bool]  # idx, schema, where, facts, countries, main name


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class Grouper:
    """Collects grouping evidence while entities stream past, then assigns group IDs."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.exact: dict[tuple[str, ...], list[_Item]] = defaultdict(list)
        self.born: dict[str, list[tuple[int, str, str, tuple[tuple[str, ...], ...]]]] = defaultdict(list)
        self.count = 0

    def add(
        self,
        idx: int,
        entity: Entity,
        names: list[tuple[str, ...]],
        countries: tuple[str, ...],
        dates: tuple[str, ...],
        aliases: Sequence[tuple[str, ...]] = (),
    ) -> None:
        self.count = max(self.count, idx + 1)
        for prop in KEY_PROPS:
            for value in entity.get(prop):
                norm = "".join(value.upper().split())
                if norm:
                    self.keys[(prop, norm)].append(idx)
        if names:
            where = entity.source + "/" + (entity.first("subList") or "")
            if entity.schema == "Person":
                facts = frozenset(dates)
            else:
                addresses = (" ".join(a.casefold().split()) for a in entity.get("address"))
                facts = frozenset([f"c:{c}" for c in countries] + [f"a:{a}" for a in addresses])
            keys = {_name_key(n): True for n in names}
            for n in aliases:
                keys.setdefault(_name_key(n), False)
            for key, main in keys.items():
                self.exact[key].append((idx, entity.schema, where, facts, frozenset(countries), main))
            if entity.schema == "Person":
                for date in dates:
                    if len(date) == FULL_DATE:
                        self.born[date].append((idx, entity.schema, where, (*names, *aliases)))

    def assign(self) -> tuple[list[int], dict[int, str]]:
        """Group ID per entity (the group's smallest entity index) and why each group formed."""
        uf = UnionFind(self.count)
        reasons: dict[int, str] = {}
        for (prop, _value), members in self.keys.items():
            if 1 < len(members) <= MAX_KEY_SHARE:
                for member in members[1:]:
                    uf.union(members[0], member)
                reasons[members[0]] = f"shared {prop}"
        for name, items in self.exact.items():
            if len(items) < 2 or len(items) > MAX_KEY_SHARE:
                continue
            for i, item in enumerate(items):
                for pair in items[i + 1 :]:
                    reason = _same(item, pair, len(name))
                    if reason and uf.find(item[0]) != uf.find(pair[0]):
                        uf.union(item[0], pair[0])
                        reasons.setdefault(item[0], reason)
        for people in self.born.values():
            if len(people) < 2 or len(people) > MAX_KEY_SHARE:
                continue
            for i, (ia, schema_a, where_a, names_a) in enumerate(people):
                for ib, schema_b, where_b, names_b in people[i + 1 :]:
                    if where_a == where_b or uf.find(ia) == uf.find(ib) or not schemata_compatible(schema_a, schema_b):
                        continue
                    if _share_a_word(names_a, names_b) and any(_alike(a, b) for a in names_a for b in names_b):
                        uf.union(ia, ib)
                        reasons.setdefault(ia, "alike names and the same birth date")
        groups = [uf.find(i) for i in range(self.count)]
        return groups, {groups[i]: r for i, r in reasons.items()}


def _share_a_word(a: Sequence[tuple[str, ...]], b: Sequence[tuple[str, ...]]) -> bool:
    """Whether two people's names have a word in common, romanisation variants folded (a quick
    test before the word-for-word comparison)."""
    keys = {spelling_key(t) for name in a for t in name}
    return any(spelling_key(t) in keys for name in b for t in name)


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two person names of two or more words each, every word paired with one as alike as
    romanised spellings of a name are (match.similarity: Valeryevich / Valerievich 0.95,
    Artyom / Artem, Nawfal / Nofal 0.85)."""
    if len(a) != len(b) or len(a) < 2:
        return False
    al = align(a, b, lambda _t: 1.0, initials=True)
    return (
        not al.query_extra
        and not al.candidate_extra
        and len(al.pairs) == len(a)
        and all(p.sim >= ALIKE_WORD_SIM and p.how != "initial" for p in al.pairs)
    )


def _name_key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(spelling_key(t) for t in tokens))


def _same(a: _Item, b: _Item, name_len: int) -> str | None:
    """Why two same-name entries are one designation, or None."""
    _ia, schema_a, where_a, facts_a, countries_a, main_a = a
    _ib, schema_b, where_b, facts_b, countries_b, main_b = b
    if where_a == where_b or not schemata_compatible(schema_a, schema_b):
        return None
    if facts_a & facts_b:
        return "same name and " + ("birth date" if "Person" in (schema_a, schema_b) else "country or address")
    if not (main_a and main_b):
        return None
    if name_len < (LONG_PERSON_NAME if "Person" in (schema_a, schema_b) else LONG_NAME):
        return None
    if "Person" in (schema_a, schema_b):
        if facts_a and facts_b:
            return None  # both give birth dates, and none in common
        return "same full name (three or more words), no conflicting birth date"
    if countries_a and countries_b:
        return None  # both name countries, and none in common
    return "same long organisation name, no conflicting country"
