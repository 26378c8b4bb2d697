"""Secondary evidence read from an entity: countries, birth dates, identifiers, address words."""

from __future__ import annotations

from exportguard.index.data import Evidence
from exportguard.model import Entity
from exportguard.model.schema import IDENTIFIER_PROPS
from exportguard.normalize.countries import country_code
from exportguard.normalize.dates import iso_date
from exportguard.normalize.identifiers import normalize_identifier
from exportguard.normalize.names import tokens_of

COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction")
MAX_ADDRESS_TOKENS = 48


def _address_country(address: str) -> str | None:
    tail = address.rsplit(",", 1)[-1].strip()
    return country_code(tail) if tail else None


def address_tokens(addresses: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for addr in addresses:
        out.update(t for t in tokens_of(addr, False) if len(t) > 2 and not t.isdigit())
        if len(out) >= MAX_ADDRESS_TOKENS:
            break
    return frozenset(sorted(out)[:MAX_ADDRESS_TOKENS])


def entity_evidence(entity: Entity) -> Evidence | None:
    """The entity's evidence, or None when it has none (most synthetic or bare entries)."""
    countries: list[str] = []
    for prop in COUNTRY_PROPS:
        for value in entity.get(prop):
            code = country_code(value)
            if code and code not in countries:
                countries.append(code)
    addresses = entity.get("address")
    for addr in addresses:
        code = _address_country(addr)
        if code and code not in countries:
            countries.append(code)
    dates = tuple(d for d in (iso_date(v) for v in entity.get("birthDate")) if d)
    idents: list[str] = []
    for prop in IDENTIFIER_PROPS:
        for value in entity.get(prop):
            ident = normalize_identifier(value)
            if ident and ident not in idents:
                idents.append(ident)
    words = address_tokens(addresses)
    if not (countries or dates or idents or words):
        return None
    return Evidence(tuple(countries), dates, tuple(idents), words)
