"""Korean names in either romanisation: McCune–Reischauer (CHU Hyo'k, the DPRK's and most list
entries') and the Revised Romanization (JU Hyeok). A name is Korean when one of its words is a
Korean surname (``data/normalize/korean.yml``); its words are then compared by a key in which
the two systems' spellings of one syllable are equal (jo/cho, bom/pom, eun/un, jong/chong)."""

from __future__ import annotations

from functools import cache, lru_cache

from exportguard.normalize.phonetics import fold_spellings
from exportguard.normalize.terms import _check_sources, _read, _words

FILE = "korean.yml"


@cache
def _data() -> tuple[frozenset[str], dict[str, str], tuple[tuple[str, str], ...]]:
    data = _read(FILE)
    for key in ("surnames", "same_surname", "syllable_folds"):
        _check_sources(FILE, data, [data[key]])
    surnames = frozenset(_words(FILE, data["surnames"]["tokens"]))
    groups = [_words(FILE, group) for group in data["same_surname"]["groups"]]
    same = {name: group[0] for group in groups for name in group}
    folds = tuple((a, b) for a, b in (_words(FILE, pair) for pair in data["syllable_folds"]["pairs"]))
    return surnames, same, folds


@lru_cache(maxsize=65536)
def is_korean_name(tokens: tuple[str, ...]) -> bool:
    """Two to four words, none longer than eight letters, one of them a Korean surname."""
    if not 2 <= len(tokens) <= 4 or any(len(t) > 8 or not t.isalpha() for t in tokens):
        return False
    surnames = _data()[0]
    return any(t in surnames for t in tokens)


@lru_cache(maxsize=65536)
def korean_key(token: str) -> str:
    """The token with both romanisations' spellings folded to one (doubled letters collapsed)."""
    _surnames, same, folds = _data()
    if token in same:
        return same[token]
    return fold_spellings(token, folds)
