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

_MAX_TERM = 8
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


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the name: a known term (with English forms) or other text."""

    text: str
    english: tuple[str, ...] = ()
    kind: str = "other"  # org | admin | legal | generic | place | other | latin


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
