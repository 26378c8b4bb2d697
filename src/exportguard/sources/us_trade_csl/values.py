"""Cleaning the CSL's free-text values: alias lists, Federal Register citations, birth dates, id
dates."""

from __future__ import annotations

import re

from exportguard.normalize.dates import iso_date

# "84 FR 54002", "68 F.R. 12345 9/24/2003", "73.F.R. 1234": volume, "FR", first page.
_FR_CITATION = re.compile(r"\b(\d{1,3})\s*\.?\s*F\.?\s?R\.?\s+(\d{1,6})\b")
_CIRCA = re.compile(r"^(?:circa|approximately|approx\.?)\s+", re.IGNORECASE)
_RANGE = re.compile(r"^(\d{4})\s+to\s+(\d{4})$")
# Ranges wider than this keep only their two end years (the original text keeps the rest).
MAX_YEAR_RANGE = 10
ID_DATE_FORMATS = ("%d %b %Y", "%b %Y", "%Y")
_LAST_ALIAS = re.compile(r"^and\s+", re.IGNORECASE)
_AKA = re.compile(r"\s+a\.k\.a\.,?\s+", re.IGNORECASE)


def alias_names(alt_names: list[str]) -> list[tuple[str, str]]:
    """(name, published value) for each alias of an ``alt_names`` list. The Entity List writes its
    aliases as an English list, ``RPA Mars; and NPO Mars``, and sometimes two in one item
    (``... Research Institute a.k.a. Yichang Institute of Testing Technology``): the ``and`` of
    the last one is not part of its name, and each ``a.k.a.`` starts another name."""
    out: list[tuple[str, str]] = []
    for i, value in enumerate(alt_names):
        text = _LAST_ALIAS.sub("", value) if i and i == len(alt_names) - 1 else value
        out.extend((part, value) for part in _AKA.split(text) if part.strip())
    return out


def fr_citations(text: str) -> list[str]:
    """Federal Register citations in one ``federal_register_notice`` value, as ``"<vol> FR <page>"``.

    A value with no ``FR`` citation in it (e.g. ``"Vol. 59, No. 44, 03/07/1994"``) is returned
    whole, whitespace-normalised.
    """
    found = [f"{vol} FR {page}" for vol, page in _FR_CITATION.findall(text)]
    if found:
        return list(dict.fromkeys(found))
    cleaned = " ".join(text.split())
    return [cleaned] if cleaned else []


def birth_dates(text: str) -> list[str] | None:
    """ISO dates for one ``dates_of_birth`` value; ``None`` when it is not a date we can read.

    ``"1965-01-02"`` and ``"1965"`` are kept as they are, ``"circa 1965"`` becomes ``1965`` and
    ``"1960 to 1963"`` every year of the range.
    """
    raw = _CIRCA.sub("", text.strip())
    m = _RANGE.match(raw)
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        if end < start:
            return None
        if end - start > MAX_YEAR_RANGE:
            return [str(start), str(end)]
        return [str(year) for year in range(start, end + 1)]
    single = iso_date(raw, ID_DATE_FORMATS)
    return [single] if single else None


def plain_date(text: str) -> str | None:
    """An ISO date from a CSL date field (``2019-10-09``, or an ISO timestamp in the JSON)."""
    raw = text.strip()
    if len(raw) > 10 and raw[10] in "T ":
        raw = raw[:10]
    return iso_date(raw)
