"""Chinese-script names to Latin: the English form a list would publish (known administrative
and organisational terms, place names with established English forms) and plain pinyin.

``乌鲁木齐市公安局`` gives ``Urumqi Municipal Public Security Bureau`` and
``wulumuqi shi gonganju``; ``孙金龙`` (a person) gives ``sun jinlong``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin

from exportguard.normalize.scripts import is_han, to_simplified
from exportguard.normalize.terms import load_terms

_MAX_TERM = 10  # characters of the longest term or name in the data files (中芯国际集成电路制造)
# Two-character surnames (复姓) that are written as one word in Latin.
_COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
    }
)


# Chinese numerals: digits, and the multipliers of the positional form (三十八 = 38, 一百零二 = 102).
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_ORDINAL_MARK = "第"


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral, positional (三十八 38, 十四 14, 一百零二 102) or read digit by
    digit as institute numbers are (七二三 723, 七〇九 709); Arabic digits as they are; None if
    ``text`` is not a numeral."""
    if text.isascii():
        return int(text) if text.isdigit() else None
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if not any(ch in _UNITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinals(n: int) -> tuple[str, ...]:
    """``38th``, ``723rd``, ``12th`` as the lists number institutes and divisions; up to ten also
    the word (第一汽车 is the First Automobile Works)."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    word = (_ORDINAL_WORDS[n - 1],) if 1 <= n <= len(_ORDINAL_WORDS) else ()
    return (f"{n}{suffix}", *word)


def _ordinal_at(text: str, i: int) -> tuple[str, tuple[str, ...]] | None:
    """(the text, its English ordinals) of 第 and the numeral after it at ``i`` (第三十八 38th,
    第723 723rd), or None."""
    if text[i] != _ORDINAL_MARK:
        return None
    end = i + 1
    while end < len(text) and (text[end] in _DIGITS or text[end] in _UNITS or text[end].isdigit()):
        end += 1
    value = chinese_number(text[i + 1 : end]) if end > i + 1 else None
    return None if value is None else (text[i:end], ordinals(value))


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the name: a known term (with English forms) or other text."""

    text: str
    english: tuple[str, ...] = ()
    kind: str = "other"  # org | admin | legal | generic | place | number | other | latin


def pinyin(text: str) -> str:
    """Pinyin of a Han run as one word (syllables joined, no tone marks)."""
    return "".join(lazy_pinyin(text, errors="ignore"))


def segment(text: str) -> list[Segment]:
    """Split a (simplified) name into known terms, longest first, and the runs between them."""
    terms = load_terms().zh
    out: list[Segment] = []
    buf: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        found = None
        number = _ordinal_at(text, i)
        if number is not None:  # 第三十八研究所: the 38th Research Institute
            if buf:
                out.append(Segment("".join(buf), kind="other" if is_han(buf[-1]) else "latin"))
                buf = []
            out.append(Segment(number[0], number[1], "number"))
            i += len(number[0])
            continue
        if is_han(ch):
            for size in range(min(_MAX_TERM, len(text) - i), 0, -1):
                term = terms.get(text[i : i + size])
                if term is not None:
                    found = term
                    break
        if found is None:
            if buf and is_han(buf[-1]) != is_han(ch):
                out.append(Segment("".join(buf), kind="other" if is_han(buf[-1]) else "latin"))
                buf = []
            buf.append(ch)
            i += 1
            continue
        if buf:
            out.append(Segment("".join(buf), kind="other" if is_han(buf[-1]) else "latin"))
            buf = []
        out.append(Segment(found.zh, found.en, found.kind))
        i += len(found.zh)
    if buf:
        out.append(Segment("".join(buf), kind="other" if is_han(buf[-1]) else "latin"))
    return out


def _term_pinyin(seg: Segment) -> str:
    """Pinyin of a segment: known terms as two-syllable words (生产建设 -> shengchan jianshe),
    other runs (names, places) as one word."""
    if seg.kind == "latin":
        return seg.text
    if seg.kind == "number":
        return seg.english[0]
    if seg.kind in ("other", "place"):
        return pinyin(seg.text)
    syllables = lazy_pinyin(seg.text, errors="ignore")
    return " ".join("".join(syllables[i : i + 2]) for i in range(0, len(syllables), 2))


def _person(text: str) -> str:
    han = "".join(ch for ch in text if is_han(ch))
    cut = 2 if han[:2] in _COMPOUND_SURNAMES else 1
    return f"{pinyin(han[:cut])} {pinyin(han[cut:])}".strip()


def looks_like_person(text: str) -> bool:
    """A short all-Han name with no organisational term: probably a person's name."""
    han = [ch for ch in text if is_han(ch)]
    if not 2 <= len(han) <= 4 or len(han) != len(text.replace(" ", "").replace("·", "")):
        return False
    return all(s.kind in ("other", "latin") for s in segment(text))


@lru_cache(maxsize=16384)
def han_variants(text: str, person: bool | None = None) -> tuple[str, ...]:
    """Latin forms of a name containing Han characters: translated terms first, then pinyin.

    ``person`` None means: decide from the name's shape (:func:`looks_like_person`).
    """
    text = to_simplified(text)
    if person is None:
        person = looks_like_person(text)
    if person and "·" not in text:
        return (_person(text),)
    if "·" in text:  # transcribed foreign names: 阿卜杜拉·买买提
        return (" ".join(pinyin(part) for part in text.split("·")),)
    segments = segment(text)
    translated = []
    for seg in segments:
        if seg.kind == "latin":
            translated.append(seg.text)
        elif seg.english:
            translated.append(seg.english[0])
        else:
            translated.append(pinyin(seg.text))
    variants = [" ".join(translated)]
    alternate = [seg.english[1] if len(seg.english) > 1 else None for seg in segments]
    if any(alternate):
        alt = [a if a is not None else t for a, t in zip(alternate, translated, strict=True)]
        variants.append(" ".join(alt))
    variants.append(" ".join(_term_pinyin(seg) for seg in segments))
    out: list[str] = []
    for v in variants:
        if v not in out:
            out.append(v)
    return tuple(out)


MAX_TRADE_NAME_WORDS = 4  # 海康威视 in pinyin: haikangweishi, haikang weishi … hai kang wei shi
# A trade name of two syllables is also a common word or given name in pinyin (商汤 shangtang,
# 曙光 shuguang, 立昂 liang): it is read as the company's only in a name that says it is a company.
SURE_SYLLABLES = 3


def trade_names_in_pinyin(tokens: tuple[str, ...], company: bool) -> tuple[str, ...] | None:
    """``tokens`` with the pinyin of a listed company's Chinese trade name replaced by its
    English name (``hangzhou haikang weishi shuzi jishu`` -> ``hangzhou hikvision shuzi jishu``:
    a Chinese registered name written in pinyin), or None when there is none. ``company``: the
    name has a legal form or trade word, so that two-syllable trade names count too."""
    names = load_terms().trade_names
    out: list[str] = []
    i, found = 0, False
    while i < len(tokens):
        for size in range(min(MAX_TRADE_NAME_WORDS, len(tokens) - i), 0, -1):
            english, syllables = names.get("".join(tokens[i : i + size]), ((), 0))
            if english and (company or syllables >= SURE_SYLLABLES):
                out.extend(english)
                i += size
                found = True
                break
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out) if found else None


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every pinyin syllable without tones (pypinyin's dictionary readings; ü as v)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = to_normal(reading).replace("ü", "v")
            if plain.isascii() and plain.isalpha():
                out.add(plain)
    return frozenset(out)


@lru_cache(maxsize=65536)
def is_pinyin(token: str) -> bool:
    """Whether a folded token is written wholly in pinyin syllables (``jianxing``, ``yanxiong``)."""
    syllables = _syllables()
    ok = [True] + [False] * len(token)
    for end in range(1, len(token) + 1):
        ok[end] = any(ok[start] and token[start:end] in syllables for start in range(max(0, end - 6), end))
    return ok[len(token)]
