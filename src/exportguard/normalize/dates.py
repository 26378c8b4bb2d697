"""Dates as ISO 8601 prefixes (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), keeping their precision."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def iso_date(text: str | None, formats: tuple[str, ...] = ()) -> str | None:
    """Parse ``text`` with the given ``strptime`` formats (or ISO prefixes); ``None`` if none fits.

    Impossible dates (2021-02-30) return ``None``: callers decide whether that is an error.
    """
    if text is None:
        return None
    raw = text.strip()
    if not raw:
        return None
    m = _ISO.match(raw)
    if m:
        year, month, day = m.groups()
        try:
            if day is not None:
                return date(int(year), int(month), int(day)).isoformat()
            if month is not None:
                if not 1 <= int(month) <= 12:
                    return None
                return f"{int(year):04d}-{int(month):02d}"
        except ValueError:
            return None
        return f"{int(year):04d}"
    for fmt in formats:
        try:
            parsed = datetime.strptime(raw, fmt)
        except ValueError:
            continue
        if "%d" in fmt:
            return parsed.date().isoformat()
        if "%m" in fmt or "%b" in fmt or "%B" in fmt:
            return parsed.strftime("%Y-%m")
        return parsed.strftime("%Y")
    return None


def is_valid_query_date(text: str) -> bool:
    """True for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real (partial) date."""
    return _ISO.match(text.strip()) is not None and iso_date(text) is not None
