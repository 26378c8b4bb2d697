"""Scripts and transliteration to Latin: rigour for Cyrillic, Greek, Armenian, Georgian and
Hangul; ICU (through normality) for Arabic, Persian, Hebrew, kana and the rest. Han characters
are handled by :mod:`exportguard.normalize.chinese` before this step."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from rigour.text.translit import ascii_text

_local = threading.local()
_ARTICLE = re.compile(r"\bal(?=[a-z]{3,})", re.IGNORECASE)
# ICU writes ain as ʿ and hamza as ʾ; lists write ain mostly as a vowel (Yaqub, Abd) or drop it.
_ARABIC_MARKS = str.maketrans({"ʿ": "a", "ʾ": "", "ʼ": ""})
# Ta marbuta ends a name with a vowel (Hamza, Fatima), not the "t" ICU writes for it.
_TA_MARBUTA = str.maketrans({"\u0629": "\u0627"})
# Letters of Pashto and Urdu that ICU's Arabic transliteration leaves as "?" (محمد عمر ځدران, an
# alias of MUHAMMAD OMAR ZADRAN; حرکت الجہاد الاسلامی, HARKAT-UL-JIHAD AL-ISLAMI): each is written
# as the Arabic or Persian letter of the sound the Library of Congress (ALA-LC) romanisation tables
# for Pushto (2013) and Urdu (2011) give it; the retroflex consonants as their plain ones.
_PASHTO_URDU = str.maketrans({
    "\u0679": "\u062a", "\u067c": "\u062a",  # ٹ ټ: ṭ -> ت t
    "\u0688": "\u062f", "\u0689": "\u062f",  # ڈ ډ: ḍ -> د d
    "\u0691": "\u0631", "\u0693": "\u0631",  # ڑ ړ: ṛ -> ر r
    "\u0681": "\u0632",  # ځ: dz, z (Zadran) -> ز z
    "\u0685": "\u062a\u0633",  # څ: ts -> ت س
    "\u0696": "\u0698",  # ږ: zh -> ژ
    "\u069a": "\u0634",  # ښ: sh, x -> ش
    "\u06ab": "\u06af",  # ګ: g -> گ
    "\u06ba": "\u0646", "\u06bc": "\u0646",  # ں ڼ: n -> ن
    "\u06be": "\u0647", "\u06c1": "\u0647", "\u06c0": "\u0647",  # ھ ہ ۀ: h -> ه
    "\u06c3": "\u0627",  # ۃ: the Urdu ta marbuta, a final vowel like ة
    "\u06d2": "\u06cc", "\u06d0": "\u06cc", "\u06cd": "\u06cc",  # ے ې ۍ: y, e -> ی
})  # fmt: skip


def has_arabic(text: str) -> bool:
    return any(
        "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff" for ch in text
    )


@lru_cache(maxsize=65536)
def has_abjad(text: str) -> bool:
    """Arabic or Hebrew letters: scripts that write no short vowels, so their romanisations do not
    either (محمد -> mhmd, هايل -> hayl)."""
    return has_arabic(text) or any("\u0590" <= ch <= "\u05ff" for ch in text)


def _icu(name: str, text: str) -> str:
    trans = getattr(_local, name, None)
    if trans is None:
        import icu

        trans = icu.Transliterator.createInstance(name)
        setattr(_local, name, trans)
    return str(trans.transliterate(text))


def is_han(ch: str) -> bool:
    """True for CJK unified ideographs (incl. extensions and compatibility ideographs)."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2EBEF
        or 0xF900 <= cp <= 0xFAFF
        or 0x30000 <= cp <= 0x3134F
    )


def has_han(text: str) -> bool:
    return any(is_han(ch) for ch in text)


def scripts_of(text: str) -> set[str]:
    """Rough script names of the letters in ``text`` (from Unicode character names)."""
    out = set()
    for ch in text:
        if ch.isalpha():
            if ch.isascii():
                out.add("LATIN")
                continue
            if is_han(ch):
                out.add("CJK")
                continue
            name = unicodedata.name(ch, "")
            out.add(name.split(" ", 1)[0] if name else "UNKNOWN")
    return out


def to_simplified(text: str) -> str:
    """Traditional Chinese characters to simplified (ICU ``Hant-Hans``); other text unchanged."""
    if not has_han(text):
        return text
    return _icu("Hant-Hans", text)


@lru_cache(maxsize=65536)
def latinize(text: str) -> str:
    """ASCII transliteration of ``text`` (any script); ASCII input is returned unchanged."""
    if text.isascii():
        return text
    if has_arabic(text):
        # Arabic, Persian, Pashto and Urdu: ain as a vowel, the article al- split from the word it
        # is written on.
        latin = _icu("Any-Latin", text.translate(_PASHTO_URDU).translate(_TA_MARBUTA)).translate(_ARABIC_MARKS)
        return _ARTICLE.sub("al ", ascii_text(latin))
    return ascii_text(text)
