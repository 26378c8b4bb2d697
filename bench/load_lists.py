"""Benchmark: load every bundled list into a fresh store; report time and peak memory.

    python bench/load_lists.py            # prints a Markdown table and writes it to bench/RESULTS.md
    python bench/load_lists.py --runs 3 --no-write

Each run is a fresh process on a fresh temporary EXPORTGUARD_HOME, so peak RSS is that of one
complete bootstrap (parse + write) of the bundled snapshot.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from results import machine_line, write_section  # noqa: E402

CHILD = r"""
import json, resource, time
from pathlib import Path
from exportguard.settings import Settings
from exportguard.store.opening import load_bundle
from exportguard.store import Store
import sys
home = Path(sys.argv[1])
url = sys.argv[2] if len(sys.argv) > 2 else None
store = Store(url or Settings(home=home).sqlite_path, home=home)
t0 = time.perf_counter()
per = {}
for outcome in load_bundle(store):
    per[outcome.source] = outcome.version.entity_count
total = time.perf_counter() - t0
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if url:
    size = store._db.query("SELECT pg_database_size(current_database())")[0][0]
else:
    size = (home / "exportguard.sqlite3").stat().st_size
print(json.dumps({"seconds": total, "peak_rss_mb": rss_mb, "entities": per, "db_mb": size / 1e6}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--database-url",
        help="measure the PostgreSQL store instead: each run loads into a new database on this server",
    )
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args()
    results = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as home:
            extra = [_fresh_database(args.database_url, len(results))] if args.database_url else []
            out = subprocess.run(
                [sys.executable, "-c", CHILD, home, *extra], capture_output=True, text=True, env=dict(os.environ)
            )
            if out.returncode != 0:
                sys.exit(out.stderr)
            results.append(json.loads(out.stdout))
    best = min(results, key=lambda r: r["seconds"])
    lines = [
        f"## Loading the bundled lists (`python bench/load_lists.py{' --database-url URL' if args.database_url else ''}`)",
        "",
        machine_line() + " Each run is a fresh process on an empty store: parse every bundled file and write it "
        + (f"to PostgreSQL ({_server_version(args.database_url)}, on this machine)." if args.database_url else "to SQLite."),
        "Target (issue #2): under 60 s and under 1 GB.",
        "",
        "| metric | value |",
        "| --- | --- |",
        f"| runs | {args.runs} |",
        f"| load all bundled lists (best) | {best['seconds']:.1f} s |",
        f"| peak RSS | {max(r['peak_rss_mb'] for r in results):.0f} MB |",
        f"| store size | {best['db_mb']:.0f} MB |",
        f"| entities | {sum(best['entities'].values()):,} ({', '.join(f'{k} {v:,}' for k, v in best['entities'].items())}) |",
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_section("lists-postgres" if args.database_url else "lists", "\n".join(lines))


def _fresh_database(url: str, run: int) -> str:
    """Create an empty database for one run on the server of ``url``; return its URL."""
    import psycopg

    name = f"exportguard_bench_{os.getpid()}_{run}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = url.partition("?")  # keep host, user and options; replace the database name
    scheme, _, rest = base.partition("://")
    netloc = rest.split("/", 1)[0]
    return f"{scheme}://{netloc}/{name}" + (f"?{query}" if query else "")


def _server_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        return f"PostgreSQL {conn.info.server_version // 10000}.{conn.info.server_version % 10000}"

if __name__ == "__main__":
    main()
