"""Writing a report without ever leaving a half-written file: write a temporary file in the target
directory, flush it to disk, then rename it over the target in one step."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from exportguard.errors import InputFileError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; the target is untouched if anything fails."""
    target = path.expanduser()
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputFileError(target, f"cannot write the report: directory {directory} does not exist")
    if target.is_dir():
        raise InputFileError(target, "cannot write the report: a directory has that name")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputFileError(target, f"cannot write the report: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target
