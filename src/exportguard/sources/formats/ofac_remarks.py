"""The Remarks column of OFAC's legacy CSV files: aliases, dates, identifiers, links, notes.

OFAC writes every fact that has no column of its own into Remarks, as items joined with ``; `` and
closed with a full stop::

    DOB Jan 1962; nationality China; Gender Male; Linked To: XINJIANG PRODUCTION AND CONSTRUCTION CORPS.

Each item is one of

- an alias: ``a.k.a. 'BNC'`` (also ``f.k.a.``/``n.k.a.``). Names in single quotes are OFAC's
  low-quality ("weak") aliases and become ``weakAlias``; unquoted ones are strong;
- a link: ``Linked To: NAME`` — resolved to an entity ID by the caller, who sees the whole file;
- an identifier: ``<type> <number> [(<country>)] [issued <date>] [expires <date>]`` where the type
  is in the ``identifier_types`` vocabulary. An item shaped like an identifier whose type is not in
  the vocabulary raises ``UnknownValueError`` naming the record;
- a feature with a known label (``DOB``, ``POB``, ``nationality``, ``Website`` …; see
  ``ofac_features``), optionally prefixed ``alt.``;
- free text (titles, "all offices worldwide" …), kept as ``notes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exportguard.normalize.countries import country_code
from exportguard.sources.formats.ofac_common import PendingLink, Record, add_alias
from exportguard.sources.formats.ofac_features import FEATURES, XML_LABELS, add_feature
from exportguard.sources.formats.ofac_identifiers import DIGITAL_CURRENCY, add_identifier

# Feature labels with no property of their own, recognised so the note keeps them as qualifier.
NOTE_LABELS = (
    "Additional Sanctions Information -", "Secondary sanctions risk:",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
    "Executive Order 13662 Directive Determination -", "Executive Order 13846 information:",
    "Executive Order 14014 Directive Information:", "Executive Order 14024 Directive Information -",
    "Executive Order 14024 Directive Information", "Executive Order 14059 information:",
    "CAATSA Section 235 Information:", "IFCA Determination -", "PEESA Information:", "Target Type",
    "Organization Type:", "Issuer Name", "Purchase/Sales For Divestment Date (CMIC)",
    "Vessel Year of Build", "Aircraft Manufacture Date", "Aircraft Operator",
)  # fmt: skip

LabelIndex = dict[str, tuple[str, ...]]

_SPLIT = re.compile(r";\s*")
_WORD_END = re.compile(r"[ :#(]")
_ALT = re.compile(r"^alt\.\s+", re.I)
_ALIAS = re.compile(r"^([afn])\.k\.a\.,?\s+(.+)$", re.I)
_LINK = re.compile(r"^Linked To:\s*(.+)$")
_DATED_LABEL = re.compile(r"^((?:Listing|Effective) Date \([^)]+\)):?\s+(.+)$")
_CURRENCY = re.compile(rf"^({DIGITAL_CURRENCY} - [A-Z0-9]+)\s+(.+)$")
_ID_VALUE = re.compile(
    r"^(?P<number>.*?)(?:\s+\((?P<country>[^()]*)\))?(?:\s+issued\s+(?P<issued>.+?))?"
    r"(?:\s+expires\s+(?P<expires>.+?))?$"
)
# Shapes of an identifier whose type we may not know: "<Type ending in No./Number/ID…> <digits…>",
# or "<Type> <token with digits> (<country>)".
_ID_KEYWORD = r"(?:No\.?|Number|#|ID|Identification|Code|Card|Certificate|License|Licence|Permit|Passport)"
_ID_SHAPE = re.compile(
    rf"^(?P<label>[A-Z][A-Za-z.'/&\- ]*{_ID_KEYWORD})\s*:?\s*#?\s*"
    r"(?P<number>[A-Z0-9][A-Za-z0-9./\- ]*\d[A-Za-z0-9./\- ]*?)(?:\s+\([^()]+\))?(?:\s+(?:issued|expires)\s.*)?$"
)
_ID_COUNTRY_SHAPE = re.compile(
    r"^(?P<label>[A-Z][^()]*?)\s+(?P<number>\S*\d\S*)\s+\((?P<country>[^()]+)\)(?:\s+(?:issued|expires)\s.*)?$"
)


@dataclass(frozen=True, slots=True)
class RemarkItem:
    """One remark item. ``kind``: ``alias``, ``link``, ``labelled`` (a known identifier type or
    feature label), ``feature`` (a label carrying its own qualifier, e.g. ``Listing Date (CMIC)``)
    or ``note`` (free text)."""

    kind: str
    label: str
    value: str
    original: str
    country: str | None = None
    weak: bool = False


def split_remarks(text: str) -> list[str]:
    """The items of a Remarks text (closing full stop removed, empty items dropped)."""
    raw = text.strip()
    if raw.endswith("."):
        raw = raw[:-1]
    return [item.strip() for item in _SPLIT.split(raw) if item.strip()]


def classify(item: str, labels: LabelIndex) -> RemarkItem:
    """Classify one remark item; ``labels`` indexes the known labels (see ``label_index``)."""
    body = _ALT.sub("", item)
    m = _ALIAS.match(body)
    if m:
        name = m.group(2).strip()
        weak = name.startswith("'")
        if weak:
            name = name[1:-1] if name.endswith("'") and len(name) > 1 else name[1:]
        return RemarkItem("alias", f"{m.group(1).lower()}.k.a.", name.strip(), item, weak=weak)
    m = _LINK.match(body)
    if m:
        return RemarkItem("link", "Linked To", m.group(1).strip(), item)
    m = _DATED_LABEL.match(body) or _CURRENCY.match(body)
    if m:
        return RemarkItem("feature", m.group(1), m.group(2).strip(), item)
    for label in labels.get(_first_word(body), ()):
        if body.startswith(label) and _boundary(body, len(label)):
            return RemarkItem("labelled", label, body[len(label) :].lstrip(" :").strip(), item)
    return RemarkItem("note", "", body, item)


def _boundary(body: str, end: int) -> bool:
    return end == len(body) or body[end] in " :#(" or body[end - 1] in ":-#"


def _first_word(text: str) -> str:
    return _WORD_END.split(text, 1)[0]


def label_index(identifier_types: frozenset[str]) -> LabelIndex:
    """Every label the remark parser knows, by first word, longest first (longest prefix wins)."""
    known = (set(FEATURES) | set(NOTE_LABELS) | set(identifier_types)) - set(XML_LABELS)
    index: dict[str, list[str]] = {}
    for label in sorted(known, key=len, reverse=True):
        index.setdefault(_first_word(label), []).append(label)
    return {word: tuple(labels) for word, labels in index.items()}


def split_identifier(value: str) -> tuple[str, str | None]:
    """``1084010 (Egypt) issued 2005`` -> (``1084010``, ``Egypt``); a bracket that is no country
    stays part of the number."""
    m = _ID_VALUE.match(value)
    if m is None:  # pragma: no cover - the pattern matches any text
        return value, None
    number, country = m.group("number"), m.group("country")
    if country is not None and country_code(country) is None and country.lower() != "undetermined":
        return f"{number} ({country})".strip(), None
    return number, country


def apply_remarks(
    rec: Record, text: str, labels: LabelIndex, links: list[PendingLink], truncated: bool = False
) -> None:
    """Map a Remarks text onto ``rec.entity``; ``Linked To`` items are appended to ``links``.

    ``truncated``: the text was cut off by the publisher (1,000 characters, no overflow row), so
    its last item is incomplete — it is dropped with a warning instead of being mis-read.
    """
    items = split_remarks(text)
    if truncated and items:
        rec.warn(f"remarks cut off at {len(text)} characters without overflow; dropped {items[-1]!r}")
        items = items[:-1]
    identifier_types = rec.ctx.meta.vocabularies.get("identifier_types", frozenset())
    for raw in items:
        item = classify(raw, labels)
        if item.kind == "alias":
            add_alias(rec, item.label, item.value, item.original, weak=item.weak)
        elif item.kind == "link":
            links.append((rec, item.value, item.original))
        elif item.kind == "labelled" and item.label in identifier_types:
            number, country = split_identifier(item.value)
            add_identifier(rec, item.label, number, item.original, country)
        elif item.kind in ("labelled", "feature"):
            add_feature(rec, item.label, item.value, item.original)
        else:
            _check_not_identifier(rec, item.value)
            rec.entity.add("notes", item.value, item.original)


def _check_not_identifier(rec: Record, body: str) -> None:
    """Free text shaped like ``<type> <number> (<country>)`` names an identifier type we do not
    know: raise ``UnknownValueError`` rather than silently keep an identifier as a note."""
    m = _ID_SHAPE.match(body)
    if m is None:
        m = _ID_COUNTRY_SHAPE.match(body)
        if m is None or country_code(m.group("country")) is None:
            return
    rec.vocab("identifier_types", m.group("label").strip())
