"""Exit codes of the ``exportguard`` command, in one place (documented in README.md)."""

from __future__ import annotations

OK = 0
ERROR = 1  # any other exportguard error
USAGE = 2  # unknown option, missing argument (Click)
INPUT_FILE = 3  # file missing, unreadable, empty, wrong encoding
INVALID_INPUT = 4  # parse errors, unknown vocabulary values, unsafe input, invalid query or case
STORE = 5  # the store cannot be opened or written
NOT_FOUND = 6  # unknown entity, source, version
DOWNLOAD = 7  # download failed or failed its checks
MATCH = 10  # screening: at least one result at or above the threshold
INTERNAL = 70  # a bug: please report it (run with EXPORTGUARD_DEBUG=1 for the traceback)
INTERRUPTED = 130

EXIT_CODES: dict[int, str] = {
    OK: "success (screening: no match)",
    ERROR: "other error",
    USAGE: "usage error: unknown command or option, bad option value",
    INPUT_FILE: "input file missing, unreadable, empty or in the wrong text encoding",
    INVALID_INPUT: "invalid input: malformed or truncated file, unknown vocabulary value, unsafe XML/YAML, invalid query or case",
    STORE: "the local store cannot be opened or written",
    NOT_FOUND: "unknown entity, source, format or version",
    DOWNLOAD: "download failed or failed its checks",
    MATCH: "screening found at least one match at or above the threshold",
    INTERNAL: "internal error (a bug; set EXPORTGUARD_DEBUG=1 for the traceback)",
    INTERRUPTED: "interrupted (Ctrl-C)",
}
