"""Names to comparable forms: transliterated, folded, tokenised, legal forms made generic.

One published name can give several forms: a Chinese-script name gives its translated English
form and its pinyin; ``Xinjiang Production and Construction Corps (XPCC)`` gives the name with
and without the acronym, and the acronym ``xpcc`` alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import remove_person_prefixes, replace_org_types_compare

from exportguard.normalize.chinese import han_variants, is_pinyin, trade_names_in_pinyin
from exportguard.normalize.korean import is_korean_name
from exportguard.normalize.scripts import has_han, latinize
from exportguard.normalize.terms import load_terms
from exportguard.normalize.text import fold
from exportguard.normalize.tokens import Kind, is_strong, token_kind

_PARENS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}$")
_DOTTED = re.compile(r"\b[^\W\d_](?:\.[^\W\d_])+\b\.?")  # I.C.I.C. / P.E.I -> ICIC / PEI
MAX_FORMS = 6
MAX_PARTS = 8  # names in one semicolon-separated value


@dataclass(frozen=True, slots=True)
class NameForm:
    """One comparable form of a name: folded ASCII tokens, the name it came from, and how."""

    tokens: tuple[str, ...]
    name: str
    how: str  # latin | transliterated | translated | pinyin | acronym | without-parenthesis

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def is_person(schema: str | None) -> bool:
    return schema == "Person"


@lru_cache(maxsize=131072)
def tokens_of(text: str, org: bool = True) -> tuple[str, ...]:
    """Folded ASCII tokens of ``text``; for organisations legal forms become generic (``llc``)."""
    if org and "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", text)
    folded = fold(latinize(text))
    if not folded:
        return ()
    if org:
        folded = fold(_org_types(folded))
    else:
        stripped = remove_person_prefixes(folded)
        folded = stripped if stripped.strip() else folded
    return servant_of(folded.split())


# عبد ال… ("servant of the …", the first half of names such as Abd al-Rahman) is romanised
# Abdul, Abdel, Abdol, Abdoul or Abd al: all are written "abd" before the name they belong to.
_ABD_FORMS = frozenset({"abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdool"})
_ABD_ARTICLES = frozenset({"al", "el", "ul", "ol", "ar", "as", "ad", "an", "at", "az", "ur", "us"})


# Joined to the name, abdi- and abdil- too (Somali Abdirahman); alone, Abdi is a name of its own.
_ABD_JOINED = tuple(sorted(_ABD_FORMS | {"abdil", "abdi"}, key=len, reverse=True))


def _org_types(folded: str) -> str:
    """Legal forms made generic (rigour), but for words of names it would take for one (tokens.yml
    ``not_legal_forms``: cooperation is not a cooperative), and rigour's forms that are name words
    written as another word (``renamed_legal_forms``: soe, State Unitary Enterprise, is not Soe)."""
    terms = load_terms()
    out = _rigour_org_types(folded, terms.not_legal)
    renamed = terms.renamed_forms
    if renamed.keys() & set(out.split()):
        words = set(folded.split())
        out = " ".join(w if w in words else renamed.get(w, w) for w in out.split())
    return out


def _rigour_org_types(folded: str, keep: frozenset[str]) -> str:
    words = folded.split()
    if not keep.intersection(words):
        return replace_org_types_compare(folded, generic=True)
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if w in keep or not w:
            if run:
                out.append(replace_org_types_compare(" ".join(run), generic=True))
                run = []
            if w:
                out.append(w)
        else:
            run.append(w)
    return " ".join(out)


def abd_key(token: str) -> str:
    """A name written with "servant of the" joined to it, as ``abd`` + the name: ``abdolreza``,
    ``abdulreza`` and ``abdreza`` (Abd al-Reza, joined) are ``abdreza``; ``abdurrahman`` and
    ``abderrahmane`` (the article assimilated) ``abdrahman(e)``. Other tokens are returned as
    they are."""
    if not token.startswith("abd") or len(token) < 7:
        return token
    if token[3] in "aeiou" and token[4] == token[5] and token[4] not in "aeiou":
        return "abd" + token[5:]  # abd-ur-rahman, abd-es-salam
    for joined in _ABD_JOINED:
        if token.startswith(joined) and len(token) - len(joined) >= 3:
            return "abd" + token[len(joined) :]
    return token


def servant_of(tokens: list[str]) -> tuple[str, ...]:
    """``abdul rahman``, ``abd al rahman``, ``abdel rahman`` -> ``abd rahman``."""
    if not any(t.startswith("abd") for t in tokens):
        return tuple(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in _ABD_FORMS:
            out.append("abd")  # also last: REHMAN, Shaikh Ismail Abdul is Abdul Rehman
        elif tok == "abd" and i + 2 < len(tokens) and tokens[i + 1] in _ABD_ARTICLES:
            out.append("abd")
            i += 1
        else:
            out.append(tok)
        i += 1
    return tuple(out)


AFTER_ACRONYM = (Kind.LEGAL, Kind.PARTICLE)


def _is_acronym(part: str) -> bool:
    """``(XPCC)`` is an acronym; ``(TANZANIA)`` or ``(USA)`` in an all-capitals name is a place
    that tells two designations apart (AL-HARAMAYN FOUNDATION (KENYA) / (TANZANIA)), and
    ``(NGO)`` or ``(LLC)`` says what the body is, not which one."""
    part = part.strip()
    return bool(_ACRONYM.match(part)) and is_strong(fold(part))


def _ends_name(rest: str, org: bool) -> bool:
    """Whether the text after an acronym's parenthesis adds nothing but legal forms: the acronym
    then stands for the whole name. In ``China Shipbuilding Industry Group Co., Ltd. (CSIC) 723rd
    Research Institute`` it stands for the parent only, and every subsidiary would match on it."""
    return all(token_kind(t) in AFTER_ACRONYM for t in tokens_of(rest, org))


@lru_cache(maxsize=65536)
def maybe_person(text: str) -> bool:
    """Whether ``text`` may be a person's name although it reads as an organisation's: its only
    legal forms are words of people's names (``YU, Jin``: rigour's llc; ``KIM SE GON``, ``Iyad AG
    GHALI``, ``SA'D ... AL-TIKRITI``: jsc), and it has no trade word (tokens.yml ``name_words``)."""
    raw = tokens_of(text, False)
    name_words = load_terms().name_words
    if not name_words.intersection(raw):
        return False
    rest = " ".join(t for t in raw if t not in name_words)
    return not any(token_kind(t) in (Kind.LEGAL, Kind.GENERIC) for t in tokens_of(rest))


def reads_as_person(text: str) -> bool:
    """Whether ``text``, which :func:`maybe_person`, is a Chinese or Korean person's name: its other
    words are pinyin syllables or it carries a Korean surname (``Yu Hua``, ``KIM SE GON``; not
    ``PAO Sberbank`` or ``Hikvision SA``). Read as an organisation's, such a name would keep one
    syllable (Hua) and match any body of that name."""
    if not maybe_person(text):
        return False
    raw = tokens_of(text, False)
    rest = [t for t in raw if t not in load_terms().name_words]
    return all(is_pinyin(t) for t in rest) or is_korean_name(raw)


def says_company(tokens: tuple[str, ...], text: str) -> bool:
    """Whether a name (``tokens``, read as an organisation's, of ``text``) says that it names a
    company or other body: it has a legal form or trade word, not only a syllable of a person's
    name that is also a legal form."""
    return any(token_kind(t) in (Kind.LEGAL, Kind.GENERIC) for t in tokens) and not maybe_person(text)


def _texts(name: str, schema: str | None) -> list[tuple[str, str]]:
    """(text, how) variants before tokenising: Han names translated and in pinyin."""
    if has_han(name):
        person = True if is_person(schema) else (None if schema in (None, "LegalEntity") else False)
        variants = han_variants(name, person)
        hows = ["translated"] + ["translated"] * (len(variants) - 2) + ["pinyin"]
        if len(variants) == 1:
            hows = ["pinyin"]
        return list(zip(variants, hows, strict=True))
    how = "latin" if name.isascii() else "transliterated"
    return [(name, how)]


@lru_cache(maxsize=131072)
def name_forms(name: str, schema: str | None = None) -> tuple[NameForm, ...]:
    """Every comparable form of ``name`` for an entity of ``schema`` (at most ``MAX_FORMS``).

    Several names in one value, separated by semicolons as the UN and CSL lists publish some
    aliases (``Mohammad Bakr Zolqadr; Mohammad Baqer Zolqadir``), are each a name of their own:
    their forms are returned together (at most ``MAX_FORMS`` for each name)."""
    parts = [p.strip() for p in name.split(";")] if ";" in name else []
    parts = [p for p in parts if tokens_of(p, not is_person(schema))]
    if len(parts) > 1:
        seen_parts: set[tuple[str, ...]] = set()
        out: list[NameForm] = []
        for part in parts[:MAX_PARTS]:
            for form in name_forms(part, schema):
                if form.tokens not in seen_parts:
                    seen_parts.add(form.tokens)
                    out.append(form)
        return tuple(out)
    org = not is_person(schema)
    forms: list[NameForm] = []
    seen: set[tuple[str, ...]] = set()

    def add(text: str, how: str, person: bool = False) -> None:
        toks = tokens_of(text, org and not person)
        if toks and toks not in seen and len(forms) < MAX_FORMS:
            seen.add(toks)
            forms.append(NameForm(toks, name, how))

    for text, how in _texts(name, schema):
        unknown = org and schema in (None, "LegalEntity") and how != "pinyin"
        if not (unknown and reads_as_person(text)):  # Yu Hua is no "llc hua"
            add(text, how)
        if unknown and maybe_person(text):
            add(text, how, person=True)  # PAO Sberbank, or a person: both ways
        if how == "latin" and org:
            toks = tokens_of(text, org)
            english = trade_names_in_pinyin(toks, says_company(toks, text))
            if english is not None:  # Haikang Weishi, 海康威视 in pinyin: Hikvision
                add(" ".join(english), "translated")
        # "Xinjiang Production and Construction Corps (XPCC)": the acronym is a name of its own
        # (unless words of the name follow it), and the name without it another form. Other
        # parentheses stay: "(KENYA BRANCH)" and "(PAKISTAN)" tell two designations apart.
        acronyms = [
            m.group(1).strip()
            for m in _PARENS.finditer(text)
            if _is_acronym(m.group(1)) and _ends_name(text[m.end() :], org)
        ]
        if any(_is_acronym(part) for part in _PARENS.findall(text)):
            add(
                _PARENS.sub(lambda m: " " if _is_acronym(m.group(1)) else m.group(0), text),
                "without-parenthesis",
            )
            for part in acronyms:
                add(part, "acronym")
    return tuple(forms)
