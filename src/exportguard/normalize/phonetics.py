"""Consonant skeletons: transliterations of Arabic, Hebrew or Persian names often lose or vary
their vowels (محمد -> mhmd; Mohammed, Muhammad); comparing skeletons bridges them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_VOWELS = str.maketrans("", "", "aeiouy")
_NO_VOWELS = str.maketrans("", "", "aeiou")
_SEMIVOWELS = str.maketrans("", "", "vy")  # و and ي are u and i as often as w and y (Yaqub / yqwb)
_SPELLINGS = (
    ("tekh", "tek"),  # тех, the English "tech" (Tekhnopromeksport / TECHNOPROMEXPORT)
    ("tech", "tek"),
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
_TEH = re.compile(r"te(?:h|c)(?=[nm]|$)")
_FOLDS = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("j", "y"), ("dh", "d"), ("th", "t"))


VOWEL_LETTERS = frozenset("aeiou")


def begin_alike(a: str, b: str) -> bool:
    """Both words begin with a vowel or both with a consonant. An abjad writes a word's first vowel
    (its alif), so a romanisation from Arabic script begins as the word does: احمدی ahmdy is
    Ahmadi, not Hamid."""
    return (a[0] in VOWEL_LETTERS) == (b[0] in VOWEL_LETTERS)


def is_vowelless(token: str) -> bool:
    """Few or no vowels (a fifth or less): the romanisation of an abjad (Arabic, Hebrew, Persian)."""
    n = len(token)
    return n >= 3 and (n - len(token.translate(_NO_VOWELS))) * 5 <= n


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


def vowel_groups(token: str) -> tuple[str, ...]:
    """A folded token as its consonants (``""``) and the runs of vowels between them, w and y
    inside a word counted as vowels: Nawfal ``("", "av", "", "a", "")``, Turki ``("", "u", "", "i")``."""
    text = token
    for a, b in _FOLDS:
        text = text.replace(a, b)
    out: list[str] = []
    for i, ch in enumerate(text):
        vowel = ch in "aeiou" or (i > 0 and ch in "vy")
        if not vowel:
            if not out or out[-1]:
                out.append("")
        elif out and out[-1]:
            out[-1] += ch
        else:
            out.append(ch)
    return tuple(out)


_VOWEL_CLASS = {"a": "a", "e": "ai", "i": "i", "y": "i", "o": "u", "u": "u", "v": "u"}


def same_vowel_places(a: str, b: str) -> bool:
    """Vowels in the same places and alike as romanisations write them: a / e / i, o / u / ou / aw
    (Nawfal / Nofal, Kutherani / Kawtharani); an a is not an o (Karen / Koran), nor Turki Tarik."""
    ga, gb = vowel_groups(a), vowel_groups(b)
    if len(ga) != len(gb):
        return False
    for va, vb in zip(ga, gb, strict=True):
        if bool(va) != bool(vb):
            return False
        if va and not {c for ch in va for c in _VOWEL_CLASS[ch]} & {c for ch in vb for c in _VOWEL_CLASS[ch]}:
            return False
    return True


@lru_cache(maxsize=262144)
def spelling_key(token: str) -> str:
    """A key equal for common romanisation variants: Sergey/Sergei, Shoygu/Shoigu,
    Khalid/Halid, Yelena/Elena, Alexeyevich/Alekseevich, Caro/Karo, Jokic/Dzhokik, Zharko/Zarko,
    Kovalevskij/Kovalevsky, Alliance/Alyans (doubled letters collapsed)."""
    # тех, the English "tech", romanised with h for х where it ends a word or goes on with -n- or -m-
    # (Ростех, rosteh, is ROSTEC; Техмаш, tehmash, TEKHMASH); not Tehran
    token = _TEH.sub("tek", token)
    if token.endswith("ij"):  # -ий as Scandinavian and German write it (not Wiji: j inside a word)
        token = token[:-2] + "i"
    elif len(token) >= 7 and token.endswith("ce"):  # English -ce romanised back from Cyrillic -с
        token = token[:-2] + "s"  # (Alliance / Alyans, Service / Servis)
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
