"""Reading the UK publishers' field conventions: numbered lists, partial dates, labelled sections.

- Numbered lists: ``(1) Tunisia (2) Morocco`` (older files: ``1) … 2) …``) in one cell.
- Partial dates: ``dd/mm/yyyy`` where an unknown day or month is ``00`` (OFSI) or ``dd``/``mm``
  (FCDO), ``mm/yyyy``, ``yyyy``; a year like ``19yy`` cannot be read and gives ``None``.
- ``Other Information`` (ConList 2022 format): ``(UK Sanctions List Ref):GHR0079. … (UN Ref):QDi.001.
  (Gender):Male`` — labelled sections after free text.
"""

from __future__ import annotations

import re
from collections import Counter

from exportguard.model import Entity
from exportguard.normalize.countries import country_code
from exportguard.normalize.dates import iso_date

_NUMBERED = re.compile(r"\(?\b\d{1,2}\)\s*")  # "(1) " and the older "1) "
_FIRST_NUMBER = re.compile(r"^\(?1\)")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
# Section labels OFSI uses in "Other Information" (label -> text up to the next label).
SECTION_LABELS = (
    "UK Sanctions List Ref", "UK Statement of Reasons", "UN Ref", "Gender", "Phone number", "Fax",
    "Email address", "Website", "Type of entity", "Parent company", "Subsidiaries", "Business Reg No",
    "IMO number", "Flag of ship", "Previous flags", "Type of ship", "Tonnage of ship", "Length of ship",
    "Year built", "Current owners",
)  # fmt: skip
_SECTION = re.compile(r"\((" + "|".join(re.escape(label) for label in SECTION_LABELS) + r")\):")
# Country spellings of the UK lists that the territory database does not resolve.
_COUNTRIES = {
    "congo (democratic republic)": "cd",
    "occupied palestinian territories": "ps",
    "bosnia-herzegovina": "ba",
    "repubic of moldova": "md",
}
_SEPARATOR = re.compile(r"[,.;]\s+")
_EMPTY = {"", "-", "n/a", "unknown"}


def clean(value: object) -> str:
    """A cell as one-line text ('' for empty cells)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def numbered(text: str, keep_placeholders: bool = False) -> list[str]:
    """``(1) A (2) B`` → ``["A", "B"]``; any other text → ``[text]``.

    Placeholders (``-``, empty) are dropped, or kept as ``""`` so that two lists stay aligned.
    """
    text = clean(text)
    if not _FIRST_NUMBER.match(text):
        parts = [text]
    else:
        parts = [p.strip(" ,;.") for p in _NUMBERED.split(text)[1:]]
    parts = ["" if p.lower() in _EMPTY else p for p in parts]
    return parts if keep_placeholders else [p for p in parts if p]


def uk_date(text: str) -> str | None:
    """A UK partial date as an ISO prefix (``2001-05``, ``1964``), or ``None`` when unreadable."""
    parts = clean(text).split("/")
    if not 1 <= len(parts) <= 3 or not (len(parts[-1]) == 4 and parts[-1].isdigit()):
        return None
    year = parts[-1]
    month = parts[-2] if len(parts) >= 2 else "00"
    day = parts[0] if len(parts) == 3 else "00"
    if not month.isdigit() or int(month) == 0:
        return year if year != "0000" else None
    if not 1 <= int(month) <= 12:
        return None
    if not day.isdigit() or int(day) == 0:
        return f"{year}-{int(month):02d}"
    return iso_date(f"{year}-{month}-{day}")


def sections(text: str) -> dict[str, list[str]]:
    """The labelled sections of an ``Other Information`` text (free text before them is left out)."""
    found: dict[str, list[str]] = {}
    matches = list(_SECTION.finditer(text))
    if not matches:
        return found
    ends = [m.start() for m in matches[1:]] + [len(text)]
    for m, end in zip(matches, ends, strict=True):
        body = text[m.end() : end].strip()
        if body:
            found.setdefault(m.group(1), []).append(body)
    return found


def add_country(entity: Entity, prop: str, text: str, misses: Counter[str]) -> None:
    """Add a country name as a territory code (``Iraq (previous address)`` → ``iq``)."""
    text = clean(text).rstrip(".")
    if text.lower() in _EMPTY:
        return
    code = _code(text)
    if code is None:
        parts = _SEPARATOR.split(text)  # "Estonia, Russia", "Germany. Russia"
        codes = [_code(p) for p in parts] if len(parts) > 1 else []
        if codes and all(codes):
            for c in codes:
                entity.add(prop, c, text)
            return
        misses[text] += 1
    entity.add(prop, code, text)


def _code(text: str) -> str | None:
    code = _COUNTRIES.get(text.lower()) or country_code(text)
    if code is None:
        bare = _TRAILING_NOTE.sub("", text)
        code = (_COUNTRIES.get(bare.lower()) or country_code(bare)) if bare else None
    return code


def imo_number(text: str) -> str | None:
    """``IMO9562233`` / ``IMO 9562233`` / ``9562233`` → ``9562233`` (seven digits), else ``None``."""
    m = re.fullmatch(r"(?:IMO)?\s*(\d{7})", clean(text), re.IGNORECASE)
    return m.group(1) if m else None
