"""Run the real ``exportguard`` console script in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def exportguard_bin() -> str:
    found = shutil.which("exportguard", path=str(Path(sys.executable).parent))
    assert found, "the exportguard console script is not installed in this environment"
    return found


def run_cli(*args: str, home: Path | None = None, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    if home is not None:
        full_env["EXPORTGUARD_HOME"] = str(home)
    full_env.update(env or {})
    return subprocess.run(
        [exportguard_bin(), *args], capture_output=True, text=True, env=full_env, timeout=timeout
    )
