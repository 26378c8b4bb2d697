"""Protocol queries (yente examples, reconciliation queries) as screening ``Query`` objects.

An example entity may carry several names; each distinct name is screened and the results are
merged, keeping each designation's best score. Which FtM property feeds which query field is data,
in the tables below; properties not listed are accepted (clients send whole entities) and echoed
back, but do not take part in screening. Identifiers too short to compare (fewer than four
letters or digits, or no digit) are left out, as yente leaves out values it cannot compare; a date
with a time keeps its date part.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from exportguard.api.errors import ApiError
from exportguard.match.types import Query, Result, ScreenResponse
from exportguard.model.schema import IDENTIFIER_PROPS, SCHEMATA
from exportguard.normalize.countries import country_code
from exportguard.normalize.dates import is_valid_query_date
from exportguard.normalize.identifiers import normalize_identifier

NAME_PROPS = ("name", "alias", "weakAlias", "previousName")
NAME_PART_PROPS = ("firstName", "middleName", "fatherName", "lastName")
COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "flag")
DATE_PROPS = ("birthDate", "incorporationDate")
IDENTIFIER_QUERY_PROPS = (*IDENTIFIER_PROPS, "innCode", "ogrnCode", "vatCode", "dunsCode", "uscCode")
ADDRESS_PROPS = ("address",)
MAX_NAMES = 20
MAX_VALUE_LENGTH = 1000
_DATE_PART = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def check_schema(schema: str) -> str:
    if schema not in SCHEMATA:
        known = ", ".join(sorted(SCHEMATA))
        raise ApiError("unknown_schema", f"schema {schema!r} is not screened; schemata: {known}")
    return schema


def clean_properties(where: str, properties: Mapping[str, str | Sequence[str]]) -> dict[str, list[str]]:
    """Values as lists of non-empty, whitespace-collapsed strings."""
    out: dict[str, list[str]] = {}
    for prop, raw in properties.items():
        items = [raw] if isinstance(raw, str) else list(raw)
        values: list[str] = []
        for item in items:
            text = " ".join(item.split())
            if len(text) > MAX_VALUE_LENGTH:
                raise ApiError(
                    "invalid_request", f"{where}.{prop}: a value is longer than {MAX_VALUE_LENGTH} characters"
                )
            if text and text not in values:
                values.append(text)
        if values:
            out[prop] = values
    return out


def _names(props: Mapping[str, list[str]]) -> list[str]:
    names = [v for p in NAME_PROPS for v in props.get(p, [])]
    if not names:
        parts = [props[p][0] for p in NAME_PART_PROPS if props.get(p)]
        if parts:
            names = [" ".join(parts)]
    unique: list[str] = []
    for name in names:
        if name.casefold() not in (u.casefold() for u in unique):
            unique.append(name)
    return unique


def to_queries(
    where: str, schema: str, props: Mapping[str, list[str]], sources: list[str], threshold: float, limit: int
) -> list[Query]:
    """One ``Query`` per distinct name of an example entity."""
    check_schema(schema)
    names = _names(props)
    if not names:
        raise ApiError(
            "invalid_request", f"{where}: give at least one name (name, alias, or firstName/lastName)"
        )
    if len(names) > MAX_NAMES:
        raise ApiError("invalid_request", f"{where}: more than {MAX_NAMES} names in one query")
    countries: list[str] = []
    for prop in COUNTRY_PROPS:
        for value in props.get(prop, []):
            code = country_code(value)
            if code is None:
                raise ApiError(
                    "invalid_request", f"{where}.{prop}: {value!r} is not a known country or territory"
                )
            if code not in countries:
                countries.append(code)
    dates: list[str] = []
    for prop in DATE_PROPS:
        for value in props.get(prop, []):
            found = _DATE_PART.match(value)
            if found is None or not is_valid_query_date(found.group(0)):
                raise ApiError(
                    "invalid_request",
                    f"{where}.{prop}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                )
            dates.append(found.group(0))
    identifiers = [v for p in IDENTIFIER_QUERY_PROPS for v in props.get(p, []) if normalize_identifier(v)]
    addresses = [v for p in ADDRESS_PROPS for v in props.get(p, [])]
    return [
        Query(
            name=name,
            schema=schema,
            countries=countries,
            birth_date=dates[0] if dates else None,
            identifiers=identifiers,
            address=addresses[0] if addresses else None,
            sources=sources,
            threshold=threshold,
            limit=limit,
        )
        for name in names
    ]


def merge_results(responses: Sequence[ScreenResponse], limit: int) -> list[Result]:
    """Results of several names' screenings: each designation once, with its best score."""
    best: dict[str, Result] = {}
    for response in responses:
        for result in response.results:
            seen = best.get(result.id)
            if seen is None or result.score > seen.score:
                best[result.id] = result
    return sorted(best.values(), key=lambda r: (-r.score, r.id))[:limit]
