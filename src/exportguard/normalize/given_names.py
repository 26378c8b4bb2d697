"""One given name in the forms the lists romanise it in (``data/normalize/given_names.yml``): East
Slavic names in Russian, Ukrainian and Belarusian (Aleksandr / Oleksandr / Aliaksandr, Igor / Ihar)
and the patronymics made from them (Grigorevich / Hryhorovych / Ryhoravich); Arabic names in
their English, French, Persian, Turkish and Somali spellings (Jawad / Juad / Javad, Qassim /
Kassem, Osman / Cusman)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from exportguard.errors import ParseError
from exportguard.normalize.phonetics import fold_spellings
from exportguard.normalize.terms import _check_sources, _read, _words

FILE = "given_names.yml"
# Patronymic endings in the three languages and their romanisations (-ovich, -ovych, -avich,
# -evitj, -ovitch …), longest first; what is left is the father's given name, give or take its last letters.
_PATRONYMIC = re.compile(r"(iyovych|ayovych|yevich|ievich|iovich|ievitch|ovitch|evitch|ovich|evich|avich|ovych|evych|ivich|ovitj|evitj|jevitj|ovna|evna|avna|ivna|ichna)$")
STEM_SLACK = 2  # letters a patronymic's stem may lack or add against the given name (Grigor / Grigory)


SECTIONS = ("east_slavic", "arabic")  # the file's sections; East Slavic names have patronymics


@cache
def _all_groups() -> tuple[dict[str, tuple[int, str]], dict[str, int]]:
    """(every name -> its group and section, East Slavic names -> their group); a name in two
    groups is an error."""
    data = _read(FILE)
    _check_sources(FILE, data, [data[section] for section in SECTIONS])
    out: dict[str, tuple[int, str]] = {}
    slavic: dict[str, int] = {}
    n = 0
    for section in SECTIONS:
        for group in data[section]["names"]:
            for name in _words(FILE, group):
                if out.get(name, (n,))[0] != n:
                    raise ParseError(FILE, name, f"{name!r} is in two groups")
                out[name] = (n, section)
                if section == "east_slavic":
                    slavic[name] = n
            n += 1
    return out, slavic


def same_given_name(a: str, b: str) -> str | None:
    """The section (``east_slavic``, ``arabic``) when two folded words are forms of one given
    name, else None."""
    groups = _all_groups()[0]
    ga = groups.get(a)
    return ga[1] if ga is not None and ga == groups.get(b) else None


@cache
def _members() -> dict[int, tuple[str, ...]]:
    members: dict[int, list[str]] = {}
    for name, (group, _section) in _all_groups()[0].items():
        members.setdefault(group, []).append(name)
    return {group: tuple(names) for group, names in members.items()}


def given_name_spellings(token: str) -> tuple[str, ...]:
    """The other spellings of the given name ``token`` is (``ismail`` -> ``esmail``, ``ismayil`` …),
    empty when it is in no group: candidate generation looks them up too."""
    group = _all_groups()[0].get(token)
    if group is None:
        return ()
    return tuple(name for name in _members()[group[0]] if name != token)


@lru_cache(maxsize=65536)
def _patronymic_group(token: str) -> int | None:
    m = _PATRONYMIC.search(token)
    if m is None or m.start() < 3:
        return None
    stem = fold_spellings(token[: m.start()], ())  # a doubled letter is a slip (Nikoolaevich, UK list)
    for name, group in _all_groups()[1].items():
        name = fold_spellings(name, ())
        if abs(len(name) - len(stem)) <= STEM_SLACK and (name.startswith(stem) or stem.startswith(name)):
            return group
    return None


def same_patronymic(a: str, b: str) -> bool:
    """Two patronymics of one father's name (Grigorevich / Ryhoravich, Mykolayovych / Nikolaevich)."""
    ga = _patronymic_group(a)
    return ga is not None and ga == _patronymic_group(b)
