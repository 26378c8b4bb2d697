"""The persisted index: one pickle per (list data, algorithm, term lists) under
``<home>/index/``, written atomically; older ones are removed when a new one is written."""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
from pathlib import Path

from exportguard.index.data import FORMAT_VERSION, IndexData

SUFFIX = ".index.pickle"


def index_path(home: Path, key: str) -> Path:
    return home / "index" / f"{key}{SUFFIX}"


def load_cached(home: Path, key: str) -> IndexData | None:
    """The cached index for ``key``, or None (missing, unreadable or from another version)."""
    path = index_path(home, key)
    gc.disable()  # unpickling allocates millions of objects that are all kept: no point collecting
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    finally:
        gc.enable()
    if not isinstance(data, IndexData) or data.key != key:
        return None
    return data


def save_cached(home: Path, ix: IndexData) -> Path | None:
    """Write ``ix`` atomically; a read-only home is not an error (the index is rebuilt next time)."""
    path = index_path(home, ix.key)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(ix, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        return None
    for old in path.parent.glob(f"*{SUFFIX}"):
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass
    return path


def cache_key(fingerprint: str, algorithm_version: str, terms: str) -> str:
    return f"{fingerprint}-a{algorithm_version}-t{terms}-f{FORMAT_VERSION}"
