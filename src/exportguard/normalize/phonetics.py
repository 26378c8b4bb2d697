"""Consonant skeletons: transliterations of Arabic, Hebrew or Persian names often lose or vary
their vowels (محمد -> mhmd; Mohammed, Muhammad); comparing skeletons bridges them."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

_VOWELS = str.maketrans("", "", "aeiouy")
_SEMIVOWELS = str.maketrans("", "", "vy")  # و and ي are u and i as often as w and y (Yaqub / yqwb)
_SPELLINGS = (
    ("kh", "h"),
    ("ph", "f"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("ts", "c"),  # ц: Aukcion / Auktsion
    ("ck", "k"),
    ("w", "v"),
    ("ye", "e"),
    ("y", "i"),
    ("ee", "i"),
    ("ou", "u"),
    ("oo", "u"),
    ("q", "k"),
    ("x", "ks"),
    ("dzh", "j"),
    ("zh", "z"),
    ("th", "t"),
    ("ch", "\u00e7"),
    ("c", "k"),
)  # fmt: skip  (ch kept apart from c: Caro/Karo, Jokic/Dzhokik)
_FOLDS = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("j", "y"), ("dh", "d"), ("th", "t"))


def is_vowelless(token: str) -> bool:
    """Few or no vowels (a fifth or less): the romanisation of an abjad (Arabic, Hebrew, Persian)."""
    return len(token) >= 3 and sum(ch in "aeiou" for ch in token) * 5 <= len(token)


@lru_cache(maxsize=262144)
def skeleton(token: str) -> str:
    """Consonants of a folded token: common digraphs simplified, vowels dropped, y and w kept
    only at the start (و and ي are vowels inside a word), doubled letters collapsed."""
    text = token
    for a, b in _FOLDS:
        text = text.replace(a, b)
    if not text:
        return ""
    head = "" if text[0] in "aeiou" else text[0]
    rest = text[1:].translate(_SEMIVOWELS).translate(_VOWELS)
    out: list[str] = []
    for ch in head + rest:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=262144)
def spelling_key(token: str) -> str:
    """A key equal for common romanisation variants: Sergey/Sergei, Shoygu/Shoigu,
    Khalid/Halid, Yelena/Elena, Alexeyevich/Alekseevich, Caro/Karo, Jokic/Dzhokik, Zharko/Zarko,
    Kovalevskij/Kovalevsky (doubled letters collapsed)."""
    if token.endswith("ij"):  # -ий as Scandinavian and German write it (not Wiji: j inside a word)
        token = token[:-2] + "i"
    return fold_spellings(token, _SPELLINGS)


def fold_spellings(token: str, pairs: Iterable[tuple[str, str]]) -> str:
    """``token`` with each (spelling, replacement) pair applied in order, doubled letters collapsed."""
    text = token
    for a, b in pairs:
        text = text.replace(a, b)
    out: list[str] = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
