"""Organisation names: English renderings of Chinese names, parents of subordinate units, places.

``render_zh("乌鲁木齐市公安局")`` gives "Urumqi Municipal Public Security Bureau" (and variants) from
the place names and organisation terms in the knowledge base, so that a name written in Chinese can
be screened against lists that carry only the English name.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from pypinyin import lazy_pinyin

from exportguard.assess.knowledge import Knowledge
from exportguard.assess.text import TermSet, fold, is_cjk

_SKIP = re.compile(r"[\s()（）\[\]【】,，·・.。\-]")


@dataclass
class NameTools:
    """Rendering and place look-ups built once from the knowledge base."""

    kb: Knowledge

    @cached_property
    def glossary(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for place in self.kb.places.places:
            for zh in place.zh:
                table.setdefault(zh, place.en[:2])
        table.update(self.kb.names.render_zh)
        return table

    @cached_property
    def longest(self) -> int:
        return max(len(k) for k in self.glossary)

    @cached_property
    def place_terms(self) -> list[tuple[str, str, str | None, TermSet]]:
        """(place id, country, region, terms) for every place."""
        return [
            (p.id, p.country, p.region, TermSet({"en": p.en, "zh": p.zh, "other": p.other}))
            for p in self.kb.places.places
        ]

    def render_zh(self, name: str) -> list[str]:
        """English renderings of a Chinese name (empty when some part of it is unknown)."""
        if not is_cjk(name):
            return []
        text = _SKIP.sub("", name)
        pieces: list[list[str]] = []
        i = 0
        while i < len(text):
            for size in range(min(self.longest, len(text) - i), 0, -1):
                options = self.glossary.get(text[i : i + size])
                if options is not None:
                    pieces.append(options)
                    i += size
                    break
            else:
                return []
        out: list[str] = []
        for combo in itertools.product(*pieces):
            rendered = " ".join(p for p in combo if p)
            if rendered and rendered not in out:
                out.append(rendered)
            if len(out) >= self.kb.names.max_variants:
                break
        return out

    def pinyin(self, name: str) -> str | None:
        """A pinyin reading of a Chinese name, for display next to it."""
        if not is_cjk(name):
            return None
        syllables = [s for s in lazy_pinyin(name) if s.strip()]
        return " ".join(syllables).strip() or None

    def subunit_parent(self, name: str) -> str | None:
        """The parent body named inside a subordinate unit's name, if a subunit pattern matches."""
        folded = fold(name)
        text = folded.text.strip()
        offset = len(folded.text) - len(folded.text.lstrip())
        for rule in self.kb.names.subunits:
            m = re.match(rule.pattern, text)
            if m is None or not m.group("parent").strip():
                continue
            start, end = folded.span(m.start("parent") + offset, m.end("parent") + offset)
            parent = name[start:end].strip(" ,;")
            if parent and len(parent) < len(name.strip()):
                return parent
        return None

    def places_in(self, text: str | None, countries: set[str]) -> list[tuple[str, str | None, str]]:
        """(place id, region, matched text) for places of ``countries`` named in ``text``."""
        if not text:
            return []
        found = []
        for place_id, country, region, terms in self.place_terms:
            if country not in countries:
                continue
            for hit in terms.find(text):
                found.append((place_id, region, hit.matched))
        return found
