"""Multilingual term matching over free text (product descriptions, end use, names, addresses).

Text and terms are folded the same way (NFKD, case-folded, accents removed, dashes and quotes
unified) while keeping a map back to the original characters, so every hit reports the original
wording around it. Term syntax (documented in ``data/assess/capabilities.yml``):

* ``word``: the whole word, allowing common inflection endings when the word has 4+ letters;
* ``word*``: any word starting with ``word``; ``*word*``: ``word`` also inside compounds;
* several words: spaces (and hyphens inside a word) also match hyphens, slashes or nothing;
* Chinese (or other CJK) terms match as plain substrings.

A hit preceded in the same clause by a negation cue ("without face recognition", "不支持人脸识别")
is kept but marked ``negated``; callers decide what a negated mention means.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc\u00b4\u0060"), "'")
_SUFFIX = r"(?:s|es|e|en|er|n|ns|ar|or|na|erna|et|ets)?"
_BETWEEN_WORDS = r"[\s\-/_]+"
_CLAUSE_END = re.compile(r"[.;:!?\n,\u3002\uff1b\uff1a\uff01\uff1f\uff0c\u3001()\[\]]")
EXCERPT_CHARS = 60


def is_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _fold_once(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_DASHES).translate(_QUOTES).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_DASHES).translate(_QUOTES)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if _CJK.match(char):
        return char
    folded = _fold_once(char)
    for _ in range(3):  # a few compatibility characters need a second pass (ᴬ -> A -> a)
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text with, for each folded character, the index of the original character."""

    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded span [start, end)."""
        if not self.index:
            return 0, 0
        o_start = self.index[min(start, len(self.index) - 1)]
        o_end = self.index[min(end, len(self.index)) - 1] + 1 if end > 0 else 0
        return o_start, o_end


def fold(text: str) -> Folded:
    pieces: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        piece = _fold_char(char)
        pieces.append(piece)
        index.extend([i] * len(piece))
    return Folded(text, "".join(pieces), tuple(index))


def fold_text(text: str) -> str:
    """The folded form alone (for comparing names)."""
    return " ".join(fold(text).text.split())


@dataclass(frozen=True, slots=True)
class Term:
    """One compiled term: the wording as written in the data and its language."""

    text: str
    lang: str
    cjk: bool
    regex: re.Pattern[str]


@lru_cache(maxsize=8192)
def compile_term(text: str, lang: str) -> Term:
    raw = text.strip()
    if not raw.strip("*").strip():
        raise ValueError(f"empty term {text!r} ({lang})")
    infix = raw.startswith("*")
    prefix = raw.endswith("*")
    core = " ".join(fold(raw.strip("*")).text.split())
    if is_cjk(core):
        return Term(text, lang, True, re.compile(r"\s*".join(re.escape(c) for c in core.replace(" ", ""))))
    words = [r"[\s\-]?".join(re.escape(part) for part in word.split("-")) for word in core.split(" ")]
    body = _BETWEEN_WORDS.join(words)
    left = "" if infix else r"(?<!\w)"
    if prefix:
        right = r"\w*"
    elif len(core) >= 4 and core[-1].isalpha():
        right = _SUFFIX + r"(?!\w)"
    else:
        right = r"(?!\w)"
    return Term(text, lang, False, re.compile(left + body + right))


@dataclass(frozen=True, slots=True)
class TermHit:
    """A term found in a text: the original wording matched and the excerpt around it."""

    term: str
    lang: str
    matched: str
    excerpt: str
    start: int
    end: int
    negated: bool


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_CHARS) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    core = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + core + ("…" if hi < len(text) else "")


class Negation:
    """Negation cues with their look-back windows (words for Latin scripts, characters for CJK)."""

    def __init__(
        self, cues: Mapping[str, Iterable[str]], not_cues: Mapping[str, Iterable[str]], window_words: int, window_chars: int
    ) -> None:
        self.cues = [compile_term(t, lang) for lang, terms in cues.items() for t in terms]
        self.not_cues = [compile_term(t, lang) for lang, terms in not_cues.items() for t in terms]
        self.window_words = window_words
        self.window_chars = window_chars

    def window(self, folded: str, start: int, cjk: bool) -> str:
        clause_start = 0
        for m in _CLAUSE_END.finditer(folded, 0, start):
            clause_start = m.end()
        segment = folded[clause_start:start]
        if cjk:
            return segment[-self.window_chars :]
        words = segment.split()
        return " ".join(words[-self.window_words :]) + " "

    def negates(self, folded: str, start: int, cjk: bool) -> bool:
        window = self.window(folded, start, cjk)
        blocked = [m.span() for t in self.not_cues for m in t.regex.finditer(window)]
        for cue in self.cues:
            for m in cue.regex.finditer(window):
                if not any(b0 <= m.start() < b1 for b0, b1 in blocked):
                    return True
        return False


class TermSet:
    """A set of terms in several languages, matched together against texts."""

    def __init__(self, terms: Mapping[str, Iterable[str]]) -> None:
        self.terms = [compile_term(t, lang) for lang, items in terms.items() for t in items]

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str | None, negation: Negation | None = None) -> list[TermHit]:
        """Every non-overlapping hit (the longest wins where hits overlap), in text order."""
        if not text:
            return []
        folded = fold(text)
        found: list[tuple[int, int, Term]] = []
        for term in self.terms:
            for m in term.regex.finditer(folded.text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), term))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        hits: list[TermHit] = []
        last_end = -1
        for start, end, term in found:
            if start < last_end:
                continue
            last_end = end
            o_start, o_end = folded.span(start, end)
            negated = negation.negates(folded.text, start, term.cjk) if negation else False
            hits.append(
                TermHit(term.text, term.lang, text[o_start:o_end], excerpt(text, o_start, o_end), o_start, o_end, negated)
            )
        return hits
