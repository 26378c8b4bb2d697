"""Settings read from ``EXPORTGUARD_*`` environment variables, validated once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from exportguard.errors import ValidationError

DEFAULT_KEEP_VERSIONS = 3
STALE_AFTER_DAYS = 30


@dataclass(frozen=True, slots=True)
class Settings:
    """Validated runtime settings."""

    home: Path
    keep_versions: int = DEFAULT_KEEP_VERSIONS
    stale_after_days: int = STALE_AFTER_DAYS
    bundle: bool = True  # fill a new store from the bundled lists on first use
    database_url: str | None = None  # a PostgreSQL list store shared by several users; None: SQLite in home

    @property
    def sqlite_path(self) -> Path:
        return self.home / "exportguard.sqlite3"

    @property
    def store_location(self) -> Path | str:
        """Where the list store is: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.database_url or self.sqlite_path


def int_env(name: str, default: int, minimum: int) -> int:
    """A whole-number setting; unset or blank gives ``default``; anything else invalid is an error."""
    return int(_env(name, default, minimum, int, "not a whole number"))


def number_env(name: str, default: float, minimum: float) -> float:
    """A numeric setting (seconds, sizes); unset or blank gives ``default``."""
    return _env(name, default, minimum, float, "not a number")


def _env(name: str, default: float, minimum: float, parse: type[int] | type[float], problem: str) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = parse(raw)
    except ValueError:
        raise ValidationError(f"{name}={raw!r}: {problem}") from None
    if value < minimum:
        raise ValidationError(f"{name}={raw!r}: must be at least {minimum:g}")
    return value


def load_settings() -> Settings:
    """Read settings from the environment (``EXPORTGUARD_HOME``, ``EXPORTGUARD_KEEP_VERSIONS``,
    ``EXPORTGUARD_STALE_DAYS``, ``EXPORTGUARD_BUNDLE``, ``EXPORTGUARD_DATABASE_URL``)."""
    home_raw = os.environ.get("EXPORTGUARD_HOME")
    home = Path(home_raw).expanduser() if home_raw else Path(platformdirs.user_data_dir("exportguard"))
    return Settings(
        home=home,
        keep_versions=int_env("EXPORTGUARD_KEEP_VERSIONS", DEFAULT_KEEP_VERSIONS, 1),
        stale_after_days=int_env("EXPORTGUARD_STALE_DAYS", STALE_AFTER_DAYS, 1),
        bundle=_bool_env("EXPORTGUARD_BUNDLE", True),
        database_url=_database_url(),
    )


def _database_url() -> str | None:
    raw = (os.environ.get("EXPORTGUARD_DATABASE_URL") or "").strip()
    if not raw:
        return None
    if not raw.startswith(("postgresql://", "postgres://")):
        raise ValidationError(
            "EXPORTGUARD_DATABASE_URL: expected a PostgreSQL URL (postgresql://user@host:5432/dbname); "
            "leave it unset for the SQLite store in EXPORTGUARD_HOME"
        )
    return raw


def _bool_env(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on", "auto"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValidationError(f"{name}={raw!r}: expected on/off")
