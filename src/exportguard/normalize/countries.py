"""Country names and codes to FtM-style territory codes (lower-case ISO 3166-1 alpha-2 and a few
FtM extensions such as ``xk``, ``suhh``), using the ``rigour.territories`` database."""

from __future__ import annotations

from functools import lru_cache

from rigour.territories import get_territory, lookup_territory

# Spellings found in official lists that the territory database does not resolve by itself.
_OVERRIDES: dict[str, str | None] = {
    "korea, north": "kp",
    "north korea": "kp",
    "korea, south": "kr",
    "burma": "mm",
    "west bank": "ps",
    "gaza": "ps",
    "palestinian": "ps",
    "region: gaza": "ps",
    "undetermined": None,
    "unknown": None,
    "-0-": None,
}


@lru_cache(maxsize=8192)
def country_code(text: str | None) -> str | None:
    """Territory code for a country name or code, or ``None`` when it is not a known territory."""
    if text is None:
        return None
    key = " ".join(text.strip().split()).lower()
    if not key:
        return None
    if key in _OVERRIDES:
        return _OVERRIDES[key]
    if len(key) in (2, 3) and key.isalpha():
        terr = get_territory(key)
        if terr is not None:
            return str(terr.code)
    terr = lookup_territory(key)
    if terr is None:
        return None
    return str(terr.code)


def is_country_code(code: str) -> bool:
    """True when ``code`` (any case) is a known territory code."""
    return get_territory(code.lower()) is not None


def country_name(code: str) -> str:
    terr = get_territory(code.lower())
    return str(terr.name) if terr is not None else code
