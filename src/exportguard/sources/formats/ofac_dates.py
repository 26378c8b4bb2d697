"""OFAC dates: the publisher's text forms and date periods, as ISO values with their precision.

OFAC writes dates as ``10 Dec 1948``, ``Jan 1962`` or ``1955``, optionally ``circa``, and ranges as
``1960 to 1962``, ``01 Jan 1960 to 31 Dec 1962`` or ``circa 1979-1982``. The XML formats give the
same facts as a period (earliest begin, latest end, approximate flag). Both become a list of
``(iso value, qualifier)`` pairs:

- a single day, month or year keeps its precision (``1948-12-10``, ``1962-01``, ``1955``);
- a period spanning several whole years (at most ``MAX_RANGE_YEARS``) becomes one value per year,
  qualified ``range``, so that a query's year of birth meets any year of the publisher's range;
- a longer or irregular period becomes its two end days, qualified ``range``;
- ``circa`` / approximate periods carry the qualifier ``circa`` (``circa range`` for ranges).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

MAX_RANGE_YEARS = 10
_PART = re.compile(r"^(?:(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\s+)?(\d{4})$")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_FULL_MONTHS = {name.lower() for name in calendar.month_name if name}
_RANGE_SPLIT = re.compile(r"\s+to\s+|(?<=^\d{4})\s*-\s*(?=\d{4}$)")

DateValues = list[tuple[str, str | None]]


def _parse_part(text: str) -> tuple[date, date] | None:
    """First and last day covered by ``10 Dec 1948`` / ``Jan 1962`` / ``1955``."""
    m = _PART.match(text.strip())
    if m is None:
        try:
            single = date.fromisoformat(text.strip())
        except ValueError:
            return None
        return single, single
    day, month_name, year_text = m.groups()
    year = int(year_text)
    if month_name is None:
        return (date(year, 1, 1), date(year, 12, 31)) if 1000 <= year <= 2999 else None
    month = _MONTHS.get(month_name.lower()[:3])
    if month is None or (len(month_name) > 3 and month_name.lower() not in _FULL_MONTHS):
        return None
    try:
        if day is not None:
            single = date(year, month, int(day))
            return single, single
        last = calendar.monthrange(year, month)[1]
        return date(year, month, 1), date(year, month, last)
    except ValueError:
        return None


def parse_date_text(text: str) -> tuple[date, date, bool] | None:
    """``(begin, end, approximate)`` for an OFAC date text, or ``None`` when it is not one."""
    raw = " ".join(text.split())
    approximate = False
    if raw.lower().startswith("circa "):
        approximate, raw = True, raw[6:].strip()
    parts = _RANGE_SPLIT.split(raw)
    if len(parts) > 2:
        return None
    first = _parse_part(parts[0])
    last = _parse_part(parts[-1])
    if first is None or last is None or last[1] < first[0]:
        return None
    return first[0], last[1], approximate


def period_values(begin: date, end: date, approximate: bool = False) -> DateValues:
    """The ISO values (with qualifiers) that describe the period ``begin``..``end``."""
    circa = "circa" if approximate else None
    if begin == end:
        return [(begin.isoformat(), circa)]
    whole_years = (begin.month, begin.day) == (1, 1) and (end.month, end.day) == (12, 31)
    if whole_years and begin.year == end.year:
        return [(f"{begin.year:04d}", circa)]
    last_day = calendar.monthrange(end.year, end.month)[1]
    if begin.day == 1 and end.day == last_day and (begin.year, begin.month) == (end.year, end.month):
        return [(f"{begin.year:04d}-{begin.month:02d}", circa)]
    qualifier = "circa range" if approximate else "range"
    if whole_years and end.year - begin.year <= MAX_RANGE_YEARS:
        return [(f"{year:04d}", qualifier) for year in range(begin.year, end.year + 1)]
    return [(begin.isoformat(), qualifier), (end.isoformat(), qualifier)]


def date_values(text: str) -> DateValues | None:
    """ISO values for an OFAC date text (see the module docstring); ``None`` if not a date."""
    parsed = parse_date_text(text)
    if parsed is None:
        return None
    return period_values(*parsed)


def ymd(year: str | None, month: str | None, day: str | None) -> date | None:
    """A date from XML year/month/day texts (``None`` when incomplete or impossible)."""
    try:
        return date(int(year or ""), int(month or ""), int(day or ""))
    except ValueError:
        return None
