"""Identifiers (registration, tax, passport numbers …) in a comparable form."""

from __future__ import annotations

import re

_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")


def normalize_identifier(value: str) -> str | None:
    """Upper-case letters and digits only; ``None`` when fewer than 4 characters remain or no
    digit is left (a bare word is not an identifier)."""
    clean = _NOT_ALNUM.sub("", value.upper())
    if len(clean) < 4 or not any(ch.isdigit() for ch in clean):
        return None
    return clean
