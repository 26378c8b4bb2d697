"""Lookup tables of the OFAC Advanced XML: reference values, locations, dates, documented names.

The Advanced format (``sdn_advanced.xsd``) normalises everything: a feature points to a feature
type by ID, a location to a country by ID, a name part to a name part type through its
``NamePartGroup``. This module reads those tables once so that ``ofac_advanced_xml`` can map each
party in one pass. A reference that points nowhere is a broken file and raises ``ParseError``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from exportguard.errors import ParseError
from exportguard.sources.formats.ofac_common import Tags, text_of
from exportguard.sources.formats.ofac_dates import ymd

_LOCATION_ORDER = ("ADDRESS1", "ADDRESS2", "ADDRESS3", "CITY", "STATE/PROVINCE", "POSTAL CODE", "REGION")


class References:
    """``ReferenceValueSets``: ``refs.text("FeatureType", "8")`` -> ``"Birthdate"``."""

    def __init__(self, path: Path, sets: etree._Element | None, t: Tags) -> None:
        self.path = path
        self.t = t
        self.values: dict[str, dict[str, etree._Element]] = {}
        for value_set in sets if sets is not None else ():
            kind = etree.QName(value_set).localname.removesuffix("Values")
            self.values[kind] = {el.get("ID", ""): el for el in value_set}

    def element(self, kind: str, ref: str | None, where: etree._Element) -> etree._Element:
        found = self.values.get(kind, {}).get(ref or "")
        if found is None:
            raise ParseError(
                self.path, f"line {where.sourceline}", f"{kind} ID {ref!r} is not in ReferenceValueSets"
            )
        return found

    def text(self, kind: str, ref: str | None, where: etree._Element) -> str:
        el = self.element(kind, ref, where)
        return text_of(el) or el.get("Description", "")


def read_date(el: etree._Element | None, t: Tags) -> date | None:
    """A ``<Year>/<Month>/<Day>`` group."""
    if el is None:
        return None
    return ymd(text_of(el.find(t.Year)), text_of(el.find(t.Month)), text_of(el.find(t.Day)))


def read_period(period: etree._Element | None, t: Tags) -> tuple[date, date, bool] | None:
    """``DatePeriod``: (earliest begin, latest end, approximate), or ``None`` when it has no date."""
    if period is None:
        return None
    start, end = period.find(t.Start), period.find(t.End)
    if start is None:  # a plain date (<DatePeriod><Year/>…) would be a single day
        day = read_date(period, t)
        return (day, day, False) if day else None
    begin = read_date(start.find(t.From), t)
    last = read_date(end.find(t.To), t) if end is not None else None
    if begin is None:
        return None
    approximate = start.get("Approximate") == "true" or (end is not None and end.get("Approximate") == "true")
    return begin, last or begin, approximate


class Locations:
    """``Locations/Location``: ID -> (address line, country name)."""

    def __init__(self, root: etree._Element | None, refs: References, t: Tags) -> None:
        self.by_id: dict[str, tuple[str, str | None]] = {}
        for loc in root if root is not None else ():
            parts: dict[str, str] = {}
            for part in loc.iterfind(t.LocationPart):
                kind = refs.text("LocPartType", part.get("LocPartTypeID"), part)
                values = part.findall(t.LocationPartValue)
                main = [v for v in values if v.get("Primary") == "true"] or values
                if main:
                    parts.setdefault(kind, text_of(main[0].find(t.Value)))
            country = None
            if (c := loc.find(t.LocationCountry)) is not None:
                country = refs.text("Country", c.get("CountryID"), c)
            elif (a := loc.find(t.LocationAreaCode)) is not None:
                country = refs.element("AreaCode", a.get("AreaCodeID"), a).get("Description")
            ordered = [parts.pop(k) for k in _LOCATION_ORDER if k in parts] + list(parts.values())
            line = ", ".join(p for p in [*ordered, country or ""] if p)
            self.by_id[loc.get("ID", "")] = (line if ordered else "", country)

    def get(self, ref: str | None) -> tuple[str, str | None]:
        return self.by_id.get(ref or "", ("", None))


def documented_name(
    name: etree._Element, groups: dict[str, str], refs: References, t: Tags
) -> tuple[str, dict[str, list[str]], str]:
    """(full name in OFAC's ``LAST, First Middle`` form, parts by type, script) of a DocumentedName."""
    parts: dict[str, list[str]] = {}
    ordered: list[tuple[str, str]] = []
    script = ""
    for part in name.iterfind(f"{t.DocumentedNamePart}/{t.NamePartValue}"):
        kind = groups.get(part.get("NamePartGroupID", ""), "")
        value = text_of(part)
        if not value:
            continue
        script = script or refs.text("Script", part.get("ScriptID"), part)
        parts.setdefault(kind, []).append(value)
        ordered.append((kind, value))
    last = " ".join(parts.get("Last Name", []))
    rest = " ".join(v for k, v in ordered if k != "Last Name")
    full = f"{last}, {rest}" if last and rest else (last or rest)
    return full, parts, script
