"""East Slavic relational adjectives of names: Russian, Ukrainian and Belarusian organisation
names call a body after a place with an adjective in -sk- (Севастопольский морской порт,
Sevastopolskiy morskoy port, is the SEVASTOPOL SEA PORT; Yaroslavskiy sudostroitelnyy zavod the
YAROSLAVL SHIPBUILDING FACTORY; Chechenskie mineralnye vody, CHECHEN MINERAL WATERS). The
adjective is the name's stem, the suffix -sk- and a case-and-gender ending (Wade, A Comprehensive
Russian Grammar, 3rd ed., §§ 180-183, adjectives in -ский; the romanisations the lists use:
-skiy / -sky / -skii / -skyi / -skaya / -skoe / -ske / -skie …)."""

from __future__ import annotations

import re
from functools import lru_cache

# Endings after -sk- (or -ck-, German and Polish spellings: Nowosibirsk / -ckij), longest first.
_ADJECTIVE = re.compile(
    r"^([a-z]{4,}?)(?:sk|ck)(?:iyy|iye|ogo|oye|aya|aia|aja|iy|ii|yi|yy|ij|oe|oi|oy|ie|ye|ikh|ykh|a|e|i|o|y)$"
)
# What a place name may add to the adjective's stem: Yaroslav-l, Feodosi-ya, Angar-sk, Kazan (none).
_NOUN_TAILS = ("", "a", "ya", "ia", "iya", "l", "sk", "i", "y", "e", "o")
MAX_TAIL = max(len(t) for t in _NOUN_TAILS)


@lru_cache(maxsize=65536)
def adjective_stem(token: str) -> str | None:
    """The stem of a relational adjective in -sk- (``sevastopolskiy`` -> ``sevastopol``), or None."""
    m = _ADJECTIVE.match(token)
    return m.group(1) if m else None


def noun_forms(stem: str) -> tuple[str, ...]:
    """The words a place name of ``stem`` may be written as (``yaroslav``: yaroslav, yaroslavl …)."""
    return tuple(stem + tail for tail in _NOUN_TAILS)


def stems_of_noun(token: str) -> tuple[str, ...]:
    """The stems whose adjective ``token``, a noun, may be the place name of (``yaroslavl``:
    yaroslavl, yaroslav …)."""
    return tuple(token[: len(token) - len(tail)] for tail in _NOUN_TAILS if token.endswith(tail))


def adjective_of(a: str, b: str) -> bool:
    """Whether one word is the relational adjective of the other, a name (``sevastopolskiy`` /
    ``sevastopol``, ``yaroslavskiy`` / ``yaroslavl``); not two adjectives (those are one word in
    two genders or cases, compared as spellings)."""
    sa, sb = adjective_stem(a), adjective_stem(b)
    if (sa is None) == (sb is None):
        return False
    stem, noun = (sa, b) if sa is not None else (sb, a)
    assert stem is not None
    return noun.startswith(stem) and noun[len(stem) :] in _NOUN_TAILS
