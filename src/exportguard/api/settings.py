"""API settings: API keys with roles, and request limits, read once from ``EXPORTGUARD_API_*``.

Keys come from ``EXPORTGUARD_API_KEYS`` (entries separated by commas or whitespace) and/or the file
named by ``EXPORTGUARD_API_KEYS_FILE`` (one entry per line, ``#`` starts a comment). An entry is
``ROLE:KEY`` with the key in clear, or ``ROLE:sha256:HEX`` with the SHA-256 of the key, so a keys
file need not hold any key in clear. Keys are never printed: error messages name the entry number.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from exportguard.errors import InputFileError, ValidationError
from exportguard.settings import int_env, number_env

MIN_KEY_LENGTH = 16
DEFAULT_MAX_BODY = 1_048_576
DEFAULT_MAX_QUERIES = 100
DEFAULT_TIMEOUT = 30.0

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class Role(StrEnum):
    """What a key may do; each role includes the ones before it."""

    viewer = "viewer"  # look up lists and entities, screen (nothing is stored)
    analyst = "analyst"  # and create and read assessments (stored, audited)
    admin = "admin"  # and read and verify the audit log

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


@dataclass(frozen=True, slots=True)
class ApiKey:
    """One configured key: its role and the SHA-256 digest of the key (never the key itself)."""

    role: Role
    digest: bytes

    @property
    def fingerprint(self) -> str:
        """Short, non-secret name for the key in logs and the audit trail."""
        return self.digest.hex()[:8]


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Validated API settings. No keys means no authentication (loopback use only)."""

    keys: tuple[ApiKey, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY
    max_queries: int = DEFAULT_MAX_QUERIES
    timeout_seconds: float = DEFAULT_TIMEOUT

    @property
    def auth_enabled(self) -> bool:
        return bool(self.keys)


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def parse_key_entry(entry: str, where: str) -> ApiKey:
    """Parse ``ROLE:KEY`` or ``ROLE:sha256:HEX``; ``where`` names the entry in error messages."""
    role_raw, sep, secret = entry.strip().partition(":")
    if not sep or not secret:
        raise ValidationError(f"{where}: expected ROLE:KEY or ROLE:sha256:HEX")
    try:
        role = Role(role_raw.strip().lower())
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise ValidationError(f"{where}: unknown role {role_raw!r} (roles: {roles})") from None
    if secret.startswith("sha256:"):
        hexdigest = secret[len("sha256:") :].lower()
        if not _HEX64.match(hexdigest):
            raise ValidationError(f"{where}: sha256: must be followed by 64 hexadecimal digits")
        return ApiKey(role, bytes.fromhex(hexdigest))
    if len(secret) < MIN_KEY_LENGTH or any(c.isspace() for c in secret):
        raise ValidationError(
            f"{where}: key too short or contains spaces (use at least {MIN_KEY_LENGTH} characters)"
        )
    return ApiKey(role, key_digest(secret))


def parse_keys(text: str, source: str, *, lines: bool) -> list[ApiKey]:
    """Parse key entries from the environment variable (``lines=False``) or a keys file."""
    keys: list[ApiKey] = []
    if lines:
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.split("#", 1)[0].strip()
            if line:
                keys.append(parse_key_entry(line, f"{source} line {number}"))
    else:
        for number, entry in enumerate(re.split(r"[,\s]+", text.strip()), start=1):
            if entry:
                keys.append(parse_key_entry(entry, f"{source} entry {number}"))
    return keys


def load_api_settings() -> ApiSettings:
    """Read ``EXPORTGUARD_API_KEYS``, ``EXPORTGUARD_API_KEYS_FILE``, ``EXPORTGUARD_API_MAX_BODY``,
    ``EXPORTGUARD_API_MAX_QUERIES`` and ``EXPORTGUARD_API_TIMEOUT``; fail loudly on bad values."""
    keys = parse_keys(os.environ.get("EXPORTGUARD_API_KEYS", ""), "EXPORTGUARD_API_KEYS", lines=False)
    keys_file = os.environ.get("EXPORTGUARD_API_KEYS_FILE", "").strip()
    if keys_file:
        path = Path(keys_file).expanduser()
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputFileError(path, f"cannot read the API keys file ({exc.__class__.__name__})") from None
        keys.extend(parse_keys(text, str(path), lines=True))
    return ApiSettings(
        keys=tuple(keys),
        max_body_bytes=int_env("EXPORTGUARD_API_MAX_BODY", DEFAULT_MAX_BODY, 1024),
        max_queries=int_env("EXPORTGUARD_API_MAX_QUERIES", DEFAULT_MAX_QUERIES, 1),
        timeout_seconds=number_env("EXPORTGUARD_API_TIMEOUT", DEFAULT_TIMEOUT, 1),
    )
