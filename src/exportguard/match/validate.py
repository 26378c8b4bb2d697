"""Query validation: one clear message for a bad query, and the query in normalised form."""

from __future__ import annotations

from dataclasses import replace

from exportguard.errors import ValidationError
from exportguard.match.types import Query
from exportguard.model.schema import SCHEMATA
from exportguard.normalize.countries import country_code
from exportguard.normalize.dates import is_valid_query_date
from exportguard.normalize.identifiers import normalize_identifier
from exportguard.normalize.text import control_chars, fold, squash

MAX_NAME_LENGTH = 500
MAX_LIMIT = 500


def validate_query(query: Query, known_sources: tuple[str, ...] | None = None) -> Query:
    """Check every field; return a copy with cleaned name, country codes and date.

    Raises :class:`ValidationError` naming the field and the problem.
    """
    if not isinstance(query.name, str):
        raise ValidationError("name must be text")
    bad = control_chars(query.name)
    if bad:
        raise ValidationError(f"name contains control characters ({', '.join(bad[:3])}); remove them")
    name = squash(query.name)
    if not name:
        raise ValidationError("name is empty")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(f"name is {len(name)} characters long; at most {MAX_NAME_LENGTH} are allowed")
    if not fold(name):
        raise ValidationError(f"name {name!r} has no letters or digits")
    if query.schema not in SCHEMATA:
        raise ValidationError(f"unknown schema {query.schema!r}; use one of: {', '.join(sorted(SCHEMATA))}")
    countries: list[str] = []
    for raw in query.countries:
        code = country_code(raw)
        if code is None:
            raise ValidationError(
                f"unknown country {raw!r}; use an ISO 3166 code such as CN or a country name"
            )
        if code not in countries:
            countries.append(code)
    birth_date = None
    if query.birth_date is not None and query.birth_date.strip():
        if not is_valid_query_date(query.birth_date):
            raise ValidationError(
                f"birth date {query.birth_date!r} is not a real date (use YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        birth_date = query.birth_date.strip()
    for ident in query.identifiers:
        if normalize_identifier(ident) is None:
            raise ValidationError(
                f"identifier {ident!r} is too short to compare (needs at least 4 letters or digits, one a digit)"
            )
    if not 0.0 <= query.threshold <= 1.0:
        raise ValidationError(f"threshold {query.threshold} must be between 0 and 1")
    if not 1 <= query.limit <= MAX_LIMIT:
        raise ValidationError(f"limit {query.limit} must be between 1 and {MAX_LIMIT}")
    if known_sources is not None:
        for source in query.sources:
            if source not in known_sources:
                raise ValidationError(f"unknown source {source!r}; known sources: {', '.join(known_sources)}")
    address = squash(query.address) if query.address else None
    if address and control_chars(address):
        raise ValidationError("address contains control characters; remove them")
    return replace(
        query,
        name=name,
        countries=countries,
        birth_date=birth_date,
        identifiers=[squash(i) for i in query.identifiers],
        address=address or None,
        sources=list(dict.fromkeys(query.sources)),
    )
