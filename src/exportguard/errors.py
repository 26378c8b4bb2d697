"""Errors raised by exportguard.

Hierarchy (every error the user can cause derives from ``ExportguardError``)::

    ExportguardError                 exit 1
    ├── InputFileError               exit 3   file missing, unreadable, empty, wrong encoding
    ├── ParseError                   exit 4   file read but not valid for its format / source
    │   └── UnsafeInputError         exit 4   XML entities / DTDs, YAML bombs, unsafe tags
    ├── UnknownValueError            exit 4   a fixed-vocabulary field holds a value we do not know
    ├── ValidationError              exit 4   a query or case file fails validation
    ├── StoreError                   exit 5   the local store cannot be opened or written
    ├── NotFoundError                exit 6   an entity, source or version that does not exist
    └── DownloadError                exit 7   a list could not be downloaded or failed its checksum

The CLI maps these to exit codes in one place (``cli/exit_codes.py``) and the API maps them
to HTTP statuses in one place (``api/errors.py``).
"""

from __future__ import annotations

from pathlib import Path


class ExportguardError(Exception):
    """Root of every error exportguard raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _where(path: Path | str | None, position: str | None) -> str:
    parts = []
    if path is not None:
        parts.append(str(path))
    if position:
        parts.append(position)
    return ": ".join(parts)


class InputFileError(ExportguardError):
    """A file is missing, unreadable, empty or in the wrong text encoding."""

    exit_code = 3

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)


class ParseError(ExportguardError):
    """A file was read but its content is not valid for the expected format."""

    exit_code = 4

    def __init__(self, path: Path | str | None, position: str | None, message: str) -> None:
        where = _where(path, position)
        super().__init__(f"{where}: {message}" if where else message)
        self.path = None if path is None else str(path)
        self.position = position


class UnsafeInputError(ParseError):
    """Input uses a dangerous construct (XML external entities, entity bombs, YAML tags)."""


class UnknownValueError(ParseError):
    """A field with a fixed vocabulary holds a value that is not in it."""


class ValidationError(ExportguardError):
    """A query, option or case file fails validation."""

    exit_code = 4


class StoreError(ExportguardError):
    """The local store cannot be opened, migrated or written."""

    exit_code = 5


class NotFoundError(ExportguardError):
    """An entity, source, version or case that does not exist."""

    exit_code = 6


class DownloadError(ExportguardError):
    """A list could not be downloaded, or the download failed its checks."""

    exit_code = 7
