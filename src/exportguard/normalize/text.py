"""Case, width, diacritics and punctuation folding: the plain form every comparison starts from.

All functions are pure and idempotent: ``fold(fold(x)) == fold(x)``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Format characters that belong to the writing of names: the zero-width non-joiner and joiner of
# Persian and Indic scripts (علی‌اکبر), and the direction marks that come with pasted Arabic or
# Hebrew text. They are allowed in queries and dropped when folding.
WRITING_FORMAT_CHARS = "\u200c\u200d\u200e\u200f\u061c"
# Apostrophes and similar marks join the letters around them (O'Brien -> obrien).
_JOINERS = dict.fromkeys(map(ord, "'’‘`´ʼʻʹ′" + WRITING_FORMAT_CHARS), None)
_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_ALLOWED_CONTROL = frozenset("\t\n\r" + WRITING_FORMAT_CHARS)
_SPACES = re.compile(r"\s+")


def _keep(ch: str) -> str:
    cat = unicodedata.category(ch)
    if cat[0] in "LN":
        return ch
    if cat == "Mn":  # combining marks (diacritics) go
        return ""
    return " "


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, width-normalised text without diacritics or punctuation, single-spaced.

    Scripts are kept as they are (transliteration is :mod:`exportguard.normalize.scripts`).
    """
    text = unicodedata.normalize("NFKC", text).translate(_JOINERS).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(_keep(ch) for ch in decomposed)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped)).strip()


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and trim (keeps everything else)."""
    return _SPACES.sub(" ", text).strip()


def control_chars(text: str) -> list[str]:
    """Control, format and private-use characters in ``text`` (tabs and line breaks excepted), as ``U+XXXX``."""
    found = []
    for ch in text:
        if ch not in _ALLOWED_CONTROL and unicodedata.category(ch) in _CONTROL_CATEGORIES:
            code = f"U+{ord(ch):04X}"
            if code not in found:
                found.append(code)
    return found
