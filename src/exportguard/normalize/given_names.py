"""One given name in its Russian, Ukrainian and Belarusian forms (``data/normalize/given_names.yml``):
Aleksandr / Oleksandr / Aliaksandr, Sergei / Serhiy / Siarhei, Igor / Ihor / Ihar; and the
patronymics made from them (Grigorevich / Hryhorovych / Ryhoravich)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from exportguard.normalize.terms import _check_sources, _read, _words

FILE = "given_names.yml"
# Patronymic endings in the three languages and their romanisations (-ovich, -ovych, -avich,
# -evitj …), longest first; what is left is the father's given name, give or take its last letters.
_PATRONYMIC = re.compile(r"(iyovych|ayovych|yevich|ievich|iovich|ovich|evich|avich|ovych|evych|ivich|ovitj|evitj|jevitj|ovna|evna|avna|ivna|ichna)$")
STEM_SLACK = 2  # letters a patronymic's stem may lack or add against the given name (Grigor / Grigory)


@cache
def _groups() -> dict[str, int]:
    data = _read(FILE)
    _check_sources(FILE, data, [data["groups"]])
    return {name: i for i, group in enumerate(data["groups"]["names"]) for name in _words(FILE, group)}


def same_given_name(a: str, b: str) -> bool:
    """Two folded words that are forms of one given name."""
    groups = _groups()
    ga = groups.get(a)
    return ga is not None and ga == groups.get(b)


@lru_cache(maxsize=65536)
def _patronymic_group(token: str) -> int | None:
    m = _PATRONYMIC.search(token)
    if m is None or m.start() < 3:
        return None
    stem = token[: m.start()]
    for name, group in _groups().items():
        if abs(len(name) - len(stem)) <= STEM_SLACK and (name.startswith(stem) or stem.startswith(name)):
            return group
    return None


def same_patronymic(a: str, b: str) -> bool:
    """Two patronymics of one father's name (Grigorevich / Ryhoravich, Mykolayovych / Nikolaevich)."""
    ga = _patronymic_group(a)
    return ga is not None and ga == _patronymic_group(b)
