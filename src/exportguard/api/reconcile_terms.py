"""The reconciliation service's types and properties, and its queries as screening queries.

Types are the screened schemata; properties are the FtM properties that take part in screening.
A property ID may be qualified with a schema (``Person:birthDate``), as yente's service allows.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from exportguard.api.errors import ApiError
from exportguard.api.queries import clean_properties, to_queries
from exportguard.api.reconcile_models import ReconEntityRef, ReconQuery
from exportguard.match.types import Query
from exportguard.model.schema import Schema

DEFAULT_TYPE = "LegalEntity"
TYPES: dict[str, tuple[str, str]] = {
    Schema.LEGAL_ENTITY: ("Legal entities", "Any person or organisation (and vessels and aircraft)"),
    Schema.PERSON: ("People", "Natural persons"),
    Schema.ORGANIZATION: ("Organizations", "Organisations, including companies"),
    Schema.COMPANY: ("Companies", "Companies and other businesses"),
    Schema.VESSEL: ("Vessels", "Ships"),
    Schema.AIRPLANE: ("Airplanes", "Aircraft"),
}
PROPERTIES: dict[str, tuple[str, str]] = {
    "name": ("Name", "A name of the entity (screened like the query string)"),
    "alias": ("Other name", "An alias or former name"),
    "country": ("Country", "A country the entity is linked to (name or ISO code)"),
    "nationality": ("Nationality", "A person's nationality"),
    "jurisdiction": ("Jurisdiction", "Where an organisation is registered"),
    "birthDate": ("Birth date", "Date of birth, YYYY[-MM[-DD]]"),
    "incorporationDate": ("Incorporation date", "Date of incorporation, YYYY[-MM[-DD]]"),
    "idNumber": ("ID number", "Any identification number"),
    "passportNumber": ("Passport number", "Passport number"),
    "registrationNumber": ("Registration number", "Company registration number"),
    "taxNumber": ("Tax number", "Tax identification number"),
    "leiCode": ("LEI", "Legal Entity Identifier"),
    "swiftBic": ("SWIFT/BIC", "Bank identifier code"),
    "imoNumber": ("IMO number", "Vessel IMO number"),
    "address": ("Address", "A postal address"),
}


def type_json(schema: str) -> dict[str, Any]:
    name, description = TYPES[schema]
    return {"id": schema, "name": name, "description": description}


def property_json(pid: str) -> dict[str, Any]:
    name, description = PROPERTIES[pid]
    return {"id": pid, "name": name, "description": description}


def matches_prefix(prefix: str, *texts: str) -> bool:
    wanted = prefix.strip().casefold()
    return any(
        word.startswith(wanted) for text in texts for word in [text.casefold(), *text.casefold().split()]
    )


def parse_batch(raw: str, max_queries: int) -> dict[str, ReconQuery]:
    """The ``queries`` parameter: a JSON object of reconciliation queries."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ApiError("malformed_json", f"queries: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ApiError("invalid_request", "queries: expected a JSON object of queries keyed by ID")
    if len(data) > max_queries:
        raise ApiError("too_many_queries", f"{len(data)} queries in one batch (limit: {max_queries})")
    batch: dict[str, ReconQuery] = {}
    for key, item in data.items():
        try:
            batch[key] = ReconQuery.model_validate(item)
        except PydanticValidationError as exc:
            errors = [
                {"loc": ["queries", key, *e["loc"]], "msg": e["msg"], "type": e["type"]} for e in exc.errors()
            ]
            first = errors[0]
            raise ApiError(
                "invalid_request",
                f"queries.{key}.{'.'.join(map(str, first['loc'][2:]))}: {first['msg']}",
                errors,
            ) from None
    return batch


def _schema(key: str, query: ReconQuery) -> str:
    types = [query.type] if isinstance(query.type, str) else list(query.type or [])
    types = [DEFAULT_TYPE if t == "Thing" else t for t in types]
    for t in types:
        if t in TYPES:
            return t
    if types:
        raise ApiError(
            "unknown_schema", f"queries.{key}.type: no known type in {types}; types: {', '.join(TYPES)}"
        )
    return DEFAULT_TYPE


def _text(value: Any) -> str:
    if isinstance(value, ReconEntityRef):
        return value.name or value.id
    return str(value).lower() if isinstance(value, bool) else str(value)


def to_screen_queries(key: str, query: ReconQuery, sources: list[str], threshold: float) -> list[Query]:
    """A reconciliation query as screening queries (one per name)."""
    props: dict[str, list[str]] = {}
    if query.query:
        props["name"] = [query.query]
    for item in query.properties:
        pid = item.pid.split(":", 1)[1] if ":" in item.pid else item.pid
        if pid not in PROPERTIES:
            raise ApiError(
                "invalid_request",
                f"queries.{key}: unknown property {item.pid!r}; properties: {', '.join(PROPERTIES)}",
            )
        values = item.v if isinstance(item.v, list) else [item.v]
        props.setdefault(pid, []).extend(_text(v) for v in values)
    where = f"queries.{key}"
    cleaned = clean_properties(where, props)
    return to_queries(where, _schema(key, query), cleaned, sources, threshold, query.limit or 5)
