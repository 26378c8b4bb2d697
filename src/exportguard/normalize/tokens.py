"""Name tokens and their kinds: a legal form, a generic word, a particle or an administrative
term is weak evidence; an initial matches a full token; a number must match exactly."""

from __future__ import annotations

from enum import IntEnum
from functools import lru_cache

from exportguard.normalize.phonetics import spelling_key
from exportguard.normalize.terms import load_terms


class Kind(IntEnum):
    NAME = 0
    LEGAL = 1  # Co., Ltd. / GmbH / OOO / JSC … (rigour's generic forms and tokens.yml)
    GENERIC = 2  # trading, group, technology …
    PARTICLE = 3  # al, bin, van, der, of, and …
    ADMIN = 4  # municipal, autonomous, region, province …
    INITIAL = 5  # a single letter
    NUMBER = 6  # contains a digit
    PLACE = 7  # urumqi, zhejiang, iran … (full weight; see PLACE_EXTRA_FACTOR)
    PATRONYMIC = 8  # petrovich, alekseevna … (often left out: half weight)


# How much a token of each kind counts, relative to a name token of the same rarity.
KIND_WEIGHT: dict[Kind, float] = {
    Kind.NAME: 1.0,
    Kind.LEGAL: 0.05,
    Kind.GENERIC: 0.3,
    Kind.PARTICLE: 0.15,
    Kind.ADMIN: 0.3,
    Kind.INITIAL: 0.3,
    Kind.NUMBER: 1.0,
    Kind.PLACE: 1.0,
    Kind.PATRONYMIC: 0.5,
}
_PATRONYMIC_ENDINGS = (
    "ovich", "evich", "ovitch", "evitch", "ovitj", "evitj", "ovych", "evych", "ovna", "evna", "ivna", "ichna",
)  # fmt: skip
# An unmatched place name counts this much when the other name has no unmatched word of its own
# (Zhejiang Dahua Technology ~ Dahua Technology; but Urumqi PSB is not Tumushuke PSB).
PLACE_EXTRA_FACTOR = 0.3


@lru_cache(maxsize=262144)
def token_kind(token: str) -> Kind:
    """The kind of a folded token."""
    terms = load_terms()
    if any(ch.isdigit() for ch in token):
        return Kind.NUMBER
    if token in terms.legal:
        return Kind.LEGAL
    if len(token) == 1:
        return Kind.INITIAL
    if token in terms.particles:
        return Kind.PARTICLE
    if token in terms.generic:
        return Kind.GENERIC
    if token in terms.admin:
        return Kind.ADMIN
    if token in terms.places:
        return Kind.PLACE
    if len(token) >= 7 and token.endswith(_PATRONYMIC_ENDINGS):
        return Kind.PATRONYMIC
    if len(token) >= NEAR_WEAK_MIN_LEN and token not in terms.names:
        near = _near_weak_word(token)
        if near is not None:
            return near
    return Kind.NAME


NEAR_WEAK_MIN_LEN = 7
ANY_EDIT_MIN_LEN = 10


def _near_weak_word(token: str) -> Kind | None:
    """A typo of a legal form or generic word is as weak as the word: a letter left out or added
    (Liabilty, Tecnology, Kholding), two letters swapped (Compnay), a letter changed in a legal
    form (Lnmited) or in a generic word of ten letters or more (Internacional). Words under seven
    letters one letter from a generic word are often names of their own (Mejia / media, Medina,
    Faris / farms, Sadat, Marina / marine), and so are Chinese given names a letter from a pinyin
    term (Jianping, Zhenghua); ``tokens.yml`` lists the names a letter from a legal form (Otkrytie).
    Of several such words, the first by length (one letter shorter, as long, longer), then legal
    forms before generic words, then alphabetically, decides."""
    exact, deletions = _weak_word_edits()
    n = len(token)
    found: list[tuple[int, tuple[int, str], Kind, bool]] = []  # (length rank, order, kind, changed)
    for i in range(n):
        shorter = token[:i] + token[i + 1 :]
        hit = exact.get(shorter)
        if hit is not None:  # a letter added
            found.append((0, hit[1], hit[0], False))
        for word, kind, order, at in deletions.get(shorter, ()):
            if at == i and word != token:  # one letter changed
                found.append((1, order, kind, True))
    for i in range(n - 1):
        hit = exact.get(token[:i] + token[i + 1] + token[i] + token[i + 2 :])
        if hit is not None and token[i] != token[i + 1]:  # two letters swapped
            found.append((1, hit[1], hit[0], False))
    for _word, kind, order, _at in deletions.get(token, ()):  # a letter left out
        found.append((2, order, kind, False))
    for _rank, _order, kind, changed in sorted(found, key=lambda f: (f[0], f[1])):
        if not changed or kind is Kind.LEGAL or n >= ANY_EDIT_MIN_LEN:
            return kind
    return None


@lru_cache(maxsize=1)
def _weak_word_edits() -> tuple[
    dict[str, tuple[Kind, tuple[int, str]]], dict[str, list[tuple[str, Kind, tuple[int, str], int]]]
]:
    """Legal forms and generic words of five letters or more, and each of them with one letter
    deleted (the deletion neighbourhood, with the position deleted), for ``_near_weak_word``."""
    terms = load_terms()
    exact: dict[str, tuple[Kind, tuple[int, str]]] = {}
    deletions: dict[str, list[tuple[str, Kind, tuple[int, str], int]]] = {}
    for rank, (words, kind) in enumerate(((terms.legal, Kind.LEGAL), (terms.generic, Kind.GENERIC))):
        for word in words:
            if len(word) < 5:
                continue
            order = (rank, word)
            exact[word] = (kind, order)
            for i in range(len(word)):
                deletions.setdefault(word[:i] + word[i + 1 :], []).append((word, kind, order, i))
    return exact, deletions


def is_strong(token: str) -> bool:
    """A distinctive word: a name part or a number (not a place, legal form or generic word)."""
    return token_kind(token) in (Kind.NAME, Kind.NUMBER, Kind.PATRONYMIC)


def same_place(a: str, b: str) -> bool:
    """Two spellings of one place in the place list (Kashgar / Kashi, Urumqi / Wulumuqi)."""
    groups = load_terms().place_groups
    ga = groups.get(a)
    return ga is not None and ga == groups.get(b)


def exact_only(token: str) -> bool:
    """A word that never matches another such word (``southern`` is not ``northern``; tokens.yml)."""
    return token in load_terms().exact_only


def names_body(token: str) -> bool:
    """A generic word for a form of body (establishment, organization, authority; tokens.yml)."""
    return token in load_terms().bodies


def same_meaning(a: str, b: str) -> bool:
    """Two generic words of one synonym group (plant / zavod, industries / ind), also when spelled
    as another romanisation of a word of the group (sudostroitelnyy / sudostroitelny)."""
    ga = _synonym_group(a)
    return ga is not None and ga == _synonym_group(b)


def _synonym_group(token: str) -> int | None:
    group = load_terms().synonyms.get(token)
    return group if group is not None else _synonym_keys().get(spelling_key(token))


@lru_cache(maxsize=1)
def _synonym_keys() -> dict[str, int]:
    """Spelling key (phonetics.spelling_key) of each synonym -> its group, for keys of one group only."""
    keys: dict[str, int | None] = {}
    for word, group in load_terms().synonyms.items():
        key = spelling_key(word)
        keys[key] = group if keys.get(key, group) == group else None
    return {k: g for k, g in keys.items() if g is not None}


def place_spellings(token: str) -> tuple[str, ...]:
    """The other spellings of a listed place (empty for anything else)."""
    terms = load_terms()
    group = terms.place_groups.get(token)
    return () if group is None else tuple(t for t in terms.place_members[group] if t != token)


# Legal forms that only organisations carry: a query naming one is not a person.
ORG_MARKERS = frozenset(
    {"llc", "jsc", "ltd", "limited", "inc", "corp", "corporation", "company", "gmbh", "plc", "ooo", "oao",
     "zao", "pjsc", "ojsc", "cjsc", "bv", "nv", "srl", "sarl", "spa", "kft", "tnhh", "pte", "pty", "bhd"}
)  # fmt: skip


def names_organisation(tokens: tuple[str, ...]) -> bool:
    return any(t in ORG_MARKERS for t in tokens)


def is_weak(token: str) -> bool:
    return KIND_WEIGHT[token_kind(token)] < 0.5
