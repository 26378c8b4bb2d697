"""The local list store: versioned source snapshots in SQLite (default).

``open_store()`` opens (and on first use fills from the bundled snapshot) the store in
``$EXPORTGUARD_HOME``.
"""

from exportguard.store.models import Diff, LoadOutcome, VersionInfo
from exportguard.store.opening import open_store
from exportguard.store.versioned import Store

__all__ = ["Diff", "LoadOutcome", "Store", "VersionInfo", "open_store"]
