"""The versioned term lists in ``exportguard/data/normalize/`` (Chinese terms and place names,
legal forms, generic words, particles), loaded once and checked on load."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from exportguard.errors import ParseError

FILES = ("zh_terms.yml", "zh_places.yml", "tokens.yml", "korean.yml", "given_names.yml")


@dataclass(frozen=True, slots=True)
class ZhTerm:
    """A Chinese term or place name and its English forms (first = preferred)."""

    zh: str
    en: tuple[str, ...]
    kind: str  # org | admin | legal | generic | place


@dataclass(frozen=True, slots=True)
class TermData:
    zh: dict[str, ZhTerm]
    legal: frozenset[str]
    generic: frozenset[str]
    particles: frozenset[str]
    admin: frozenset[str]
    places: frozenset[str]  # one-word place names: Chinese places' English forms, territory names
    place_groups: dict[str, int]  # one-word spelling of a listed place -> its group (Kashgar, Kashi)
    place_members: list[tuple[str, ...]]
    version: str
    synonyms: dict[str, int]  # generic word -> its group of same-meaning words (plant, zavod)
    names: frozenset[str]  # name words one letter from a weak word, never taken for its typo
    exact_only: frozenset[str]  # words two of which never match each other (southern / northern)
    bodies: frozenset[str]  # generic words for a form of body (establishment, organization)
    not_legal: frozenset[str]  # words rigour takes for a legal form that are none (cooperation)
    # pinyin of a listed company's Chinese trade name, joined -> its English name's words and the
    # number of syllables, where the two differ (haikangweishi -> hikvision, 4: 海康威视)
    trade_names: dict[str, tuple[tuple[str, ...], int]]
    name_words: frozenset[str]  # legal forms that are also words of people's names (yu, sad, ag)
    renamed_forms: dict[str, str]  # rigour's generic forms that are name words -> another word


def _read(name: str) -> dict[str, Any]:
    path = resources.files("exportguard").joinpath("data", "normalize", name)
    data = yaml.safe_load(path.read_text("utf-8"))
    if not isinstance(data, dict) or "version" not in data or "sources" not in data:
        raise ParseError(name, None, "term list needs `version` and `sources`")
    return data


def _words(name: str, values: list[Any]) -> list[str]:
    """``values`` as words; anything YAML did not read as text (a bare ``no`` or ``on`` is a
    boolean, ``1e3`` a number) is an error naming the file, not a silently wrong word."""
    for value in values:
        if not isinstance(value, str):
            raise ParseError(name, str(value), f"{value!r} is not text; quote it")
    return values


def _check_sources(name: str, data: dict[str, Any], entries: list[dict[str, Any]]) -> None:
    known = set(data["sources"])
    for entry in entries:
        for src in entry.get("src", []):
            if src not in known:
                raise ParseError(name, str(entry), f"unknown source {src!r}")


@cache
def load_terms() -> TermData:
    """Read and validate every term list (cached)."""
    from exportguard.normalize.text import fold

    zh: dict[str, ZhTerm] = {}
    admin: set[str] = set()
    terms = _read("zh_terms.yml")
    _check_sources("zh_terms.yml", terms, [*terms["terms"], terms["pinyin_names"]])
    pinyin_names = frozenset(_words("zh_terms.yml", terms["pinyin_names"]["words"]))
    pinyin_kinds: dict[str, set[str]] = {"legal": set(), "generic": set(), "admin": set()}
    for entry in terms["terms"]:
        zh[entry["term"]] = ZhTerm(entry["term"], tuple(entry["en"]), entry["kind"])
        if entry["kind"] == "admin":
            for en in entry["en"]:
                admin.update(fold(en).split())
        # The pinyin of a known term is as weak as its translation (youxian gongsi, xinxi, shi).
        kind = {"org": "generic"}.get(entry["kind"], entry["kind"])
        pinyin_kinds[kind].update(_term_pinyin_words(entry["term"]) - pinyin_names)
    places = _read("zh_places.yml")
    _check_sources("zh_places.yml", places, places["places"])
    place_words: set[str] = set()
    place_groups: dict[str, int] = {}
    place_members: list[tuple[str, ...]] = []

    def add_place(words: tuple[str, ...]) -> None:
        """One place and its one-word spellings, which match each other."""
        place_words.update(words)
        if len(words) > 1:
            for w in words:
                place_groups.setdefault(w, len(place_members))
            place_members.append(words)

    trade_names: dict[str, tuple[tuple[str, ...], int]] = {}
    for entry in places["places"]:
        zh.setdefault(entry["zh"], ZhTerm(entry["zh"], tuple(entry["en"]), "place"))
        if "company-names" not in entry["src"]:
            add_place(tuple(f for f in (fold(en) for en in entry["en"]) if " " not in f))
            continue
        syllables = _term_syllables(entry["zh"])
        english = tuple(fold(entry["en"][0]).replace("-", " ").split())
        if "".join(syllables) != "".join(english):
            trade_names.setdefault("".join(syllables), (english, len(syllables)))
    place_words.update(_territory_words())
    tokens = _read("tokens.yml")
    for key in (
        "legal_forms", "generic", "particles", "synonyms", "places", "place_spellings", "names",
        "exact_only", "bodies", "not_legal_forms", "name_words", "renamed_legal_forms",
    ):  # fmt: skip
        _check_sources("tokens.yml", tokens, [tokens[key]])
    place_words.update(_words("tokens.yml", tokens["places"]["tokens"]))
    for group in tokens["place_spellings"]["groups"]:
        add_place(tuple(_words("tokens.yml", group)))
    groups = [_words("tokens.yml", g) for g in tokens["synonyms"]["groups"]]
    synonyms = {word: i for i, group in enumerate(groups) for word in group}
    _add_pinyin_synonyms(zh, synonyms, set(_words("tokens.yml", tokens["generic"]["tokens"])) | set(synonyms))
    legal = frozenset(_words("tokens.yml", tokens["legal_forms"]["tokens"])) | pinyin_kinds["legal"]
    bodies = frozenset(_words("tokens.yml", tokens["bodies"]["tokens"]))
    not_legal = frozenset(_words("tokens.yml", tokens["not_legal_forms"]["tokens"]))
    generic = (
        frozenset(_words("tokens.yml", tokens["generic"]["tokens"]))
        | frozenset(synonyms)
        | bodies
        | (not_legal - frozenset(tokens["particles"]["tokens"]))
        | pinyin_kinds["generic"]
    ) - legal
    particles = frozenset(_words("tokens.yml", tokens["particles"]["tokens"])) - legal
    version = "+".join(str(d["version"]) for d in (terms, places, tokens))
    admin_all = frozenset(admin | pinyin_kinds["admin"]) - legal - generic
    return TermData(
        zh,
        legal,
        generic,
        particles,
        admin_all,
        frozenset(place_words) - legal,
        place_groups,
        place_members,
        version,
        synonyms,
        frozenset(_words("tokens.yml", tokens["names"]["tokens"])),
        frozenset(_words("tokens.yml", tokens["exact_only"]["tokens"])),
        bodies - legal,
        not_legal - legal,
        trade_names,
        frozenset(_words("tokens.yml", tokens["name_words"]["tokens"])),
        _renamed_forms(tokens["renamed_legal_forms"]["forms"], legal),
    )


def _renamed_forms(forms: dict[Any, Any], legal: frozenset[str]) -> dict[str, str]:
    """tokens.yml ``renamed_legal_forms``: each a rigour form and the legal form it is written as."""
    out: dict[str, str] = {}
    for form, word in forms.items():
        form, word = _words("tokens.yml", [form, word])
        if word not in legal:
            raise ParseError("tokens.yml", word, f"{word!r} (for {form!r}) is not in legal_forms")
        out[form] = word
    return out


def _add_pinyin_synonyms(zh: dict[str, ZhTerm], synonyms: dict[str, int], generic: set[str]) -> None:
    """A generic term's pinyin means what its one-word translation means: ``xinxi`` (信息) is
    ``information``, ``keji`` (科技) ``technology``, as a Chinese company's name is published
    in pinyin by one list and translated by another. Only terms of two syllables or more (single
    syllables are also name parts) whose translation is a generic word (``zhongguo`` is China,
    a place)."""
    from exportguard.normalize.text import fold

    next_group = max(synonyms.values(), default=-1) + 1
    for term in zh.values():
        if term.kind not in ("generic", "org"):
            continue
        syllables = _term_syllables(term.zh)
        words = [w for w in (fold(en) for en in term.en) if " " not in w and w in generic]
        if len(syllables) < 2 or not words:
            continue
        pinyin = "".join(syllables)
        group = synonyms.get(words[0])
        if group is None:
            group = synonyms[words[0]] = next_group
            next_group += 1
        synonyms.setdefault(pinyin, group)


def _term_syllables(term: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return list(lazy_pinyin(term, errors="ignore"))


def _term_pinyin_words(term: str) -> set[str]:
    """The pinyin words a term is written as, whole and in two-syllable groups; single
    syllables (shi, ju) are left out: they are also common Chinese name parts."""
    syllables = _term_syllables(term)
    groups = [syllables] + [syllables[i : i + 2] for i in range(0, len(syllables), 2)]
    return {"".join(g) for g in groups if len(g) >= 2}


def _territory_words() -> set[str]:
    """One-word names of countries and territories (rigour's territory database)."""
    from rigour.territories import get_territories

    from exportguard.normalize.text import fold

    out = set()
    for terr in get_territories():
        name = fold(str(terr.name))
        if name and " " not in name:
            out.add(name)
    return out


@cache
def terms_digest() -> str:
    """Hash of the term files' contents: part of the persisted index key."""
    h = hashlib.sha256()
    for name in FILES:
        h.update(resources.files("exportguard").joinpath("data", "normalize", name).read_bytes())
    return h.hexdigest()[:12]
