"""Speed: index build time and memory, single-query latency, batch throughput — on the bundled
lists and on a synthetic 1,000,000-name index. Each measurement runs in a fresh child process
(``python bench/screen/speed.py bundled|synthetic …``) so its peak memory is its own."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def _status_mb(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _rss_mb() -> float:
    """Current resident memory (Linux ``VmRSS``; elsewhere the peak from getrusage)."""
    return _status_mb("VmRSS") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> float:
    """Peak resident memory of this process image (``VmHWM``: not inherited across exec,
    unlike ``ru_maxrss``)."""
    return _status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _latencies(screener, names: list[str]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from exportguard.errors import ValidationError
    from exportguard.match.types import Query

    for name in names[:50]:
        try:
            screener.screen(Query(name))
        except ValidationError:
            pass
    times = []
    for name in names:
        t = time.perf_counter()
        try:
            screener.screen(Query(name))
        except ValidationError:
            continue
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {
        "queries": len(times),
        "p50_ms": statistics.median(times),
        "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))],
        "mean_ms": statistics.fmean(times),
    }


def child_bundled(home: str, queries_file: str) -> dict[str, object]:
    from exportguard.index.cache import load_cached, save_cached
    from exportguard.match.screener import Screener
    from exportguard.settings import Settings
    from exportguard.store import open_store

    store = open_store(Settings(home=Path(home)), bootstrap=False)
    base = _rss_mb()
    t = time.perf_counter()
    screener = Screener(store, persist=False)
    ix = screener.index
    build = time.perf_counter() - t
    after = _rss_mb()
    path = save_cached(Path(home) / "bench-index", ix)
    assert path is not None
    t = time.perf_counter()
    load_cached(Path(home) / "bench-index", ix.key)
    load = time.perf_counter() - t
    names = json.loads(Path(queries_file).read_text("utf-8"))
    out: dict[str, object] = {
        "entities": ix.n_entities,
        "names": len(ix.names),
        "forms": ix.n_forms,
        "tokens": len(ix.tokens),
        "build_s": build,
        "index_rss_mb": after - base,
        "peak_rss_mb": _peak_mb(),
        "index_file_mb": path.stat().st_size / 1e6,
        "index_load_s": load,
    }
    out.update(_latencies(screener, names))
    return out


def child_synthetic(size: str, queries_file: str) -> dict[str, object]:
    sys.path.insert(0, str(HERE))
    from synthetic import SyntheticStore

    from exportguard.match.screener import Screener

    store = SyntheticStore(int(size))
    base = _rss_mb()
    t = time.perf_counter()
    screener = Screener(store, persist=False)
    ix = screener.index
    build = time.perf_counter() - t
    names = json.loads(Path(queries_file).read_text("utf-8"))
    # Queries: listed synthetic names, the same with a typo, and unrelated names.
    listed = [store.name(i * 7919 % store.size)[1] for i in range(200)]
    typos = [n[:3] + n[4:] if len(n) > 6 else n for n in listed[:100]]
    out: dict[str, object] = {
        "entities": ix.n_entities,
        "names": len(ix.names),
        "forms": ix.n_forms,
        "tokens": len(ix.tokens),
        "build_s": build,
        "index_rss_mb": _rss_mb() - base,
        "peak_rss_mb": _peak_mb(),
    }
    out.update(_latencies(screener, listed + typos + names[:200]))
    return out


def run_child(*args: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, str(HERE / "speed.py"), *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"speed child {args} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def batch(home: str, names: list[str], workdir: Path) -> dict[str, object]:
    """``exportguard screen-file`` on a CSV of ``names``, end to end (process start, index load)."""
    import csv

    path = workdir / "parties.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name"])
        for name in names:
            writer.writerow([name])
    exe = Path(sys.executable).parent / "exportguard"
    env = dict(os.environ, EXPORTGUARD_HOME=home)
    t = time.perf_counter()
    proc = subprocess.run(
        [str(exe), "screen-file", str(path), "-o", str(workdir / "out.csv"), "--limit", "3"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - t
    if proc.returncode not in (0, 10):
        raise RuntimeError(f"screen-file failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return {"parties": len(names), "seconds": seconds, "per_second": len(names) / seconds}


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    result = child_bundled(*rest) if kind == "bundled" else child_synthetic(*rest)
    print(json.dumps(result))
