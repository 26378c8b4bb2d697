"""Screening benchmark: quality against nomenklatura's logic-v2, and speed. One command:

    python bench/screen/run.py            # full run (about 10–15 minutes on 2 cores)
    python bench/screen/run.py --quick    # smaller sets, 100,000-name synthetic index

Writes the "Screening" section of bench/RESULTS.md (between its markers) and prints it.
Needs the bench extras: ``pip install nomenklatura faker``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # bench/results.py

from datasets import (  # noqa: E402
    alias_cases,
    cross_publisher_cases,
    negative_cases,
    perturbation_cases,
    without,
)
from quality import Reference, evaluate  # noqa: E402
from report import write_report  # noqa: E402
from speed import batch, run_child  # noqa: E402

from exportguard.index.memory import MemoryStore  # noqa: E402
from exportguard.match.screener import Screener  # noqa: E402
from exportguard.settings import Settings  # noqa: E402
from exportguard.store import open_store  # noqa: E402

SEED = 20251123


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller query sets and a 100,000-name synthetic index"
    )
    parser.add_argument(
        "--home", type=Path, help="reuse this EXPORTGUARD_HOME (default: a new temporary one)"
    )
    parser.add_argument(
        "--synthetic", type=int, help="synthetic index size (default 1,000,000; --quick 100,000)"
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print the report, do not update bench/RESULTS.md"
    )
    args = parser.parse_args()
    n = 100 if args.quick else 400
    size = args.synthetic or (100_000 if args.quick else 1_000_000)
    tmp = tempfile.TemporaryDirectory(prefix="eg-bench-")
    home = args.home or Path(tmp.name) / "home"
    started = time.perf_counter()

    print("loading the bundled lists …", file=sys.stderr)
    t = time.perf_counter()
    store = open_store(Settings(home=home))
    load_s = time.perf_counter() - t
    entities = list(store.iter_entities())
    # one generator per set, so that changing how one set is drawn leaves the others as they were
    aliases, removed = alias_cases(entities, n, random.Random(f"{SEED}-alias"))
    cross = cross_publisher_cases(entities, n, random.Random(f"{SEED}-cross"))
    perturbed = perturbation_cases(entities, n, random.Random(f"{SEED}-perturbation"))
    negatives = negative_cases(entities, int(n * 1.5), random.Random(f"{SEED}-negative"))
    rng = random.Random(SEED)

    print("quality: full index …", file=sys.stderr)
    reference = Reference()
    screener = Screener(store)
    results = evaluate(screener, cross + perturbed + negatives, reference)
    print("quality: held-out aliases …", file=sys.stderr)
    holdout = Screener(MemoryStore(without(entities, removed)), persist=False)
    results.update(evaluate(holdout, aliases, Reference()))
    print("quality: the party's type not given …", file=sys.stderr)
    untyped = evaluate(screener, cross + perturbed + negatives, None, schema="LegalEntity")
    untyped.update(evaluate(holdout, aliases, None, schema="LegalEntity"))

    print("speed: bundled lists …", file=sys.stderr)
    names = [c.name for c in cross + perturbed + negatives + aliases]
    rng.shuffle(names)
    queries_file = Path(tmp.name) / "queries.json"
    queries_file.write_text(json.dumps(names[:1000]), "utf-8")
    bundled = run_child("bundled", str(home), str(queries_file))
    print("speed: 10,000 parties with screen-file …", file=sys.stderr)
    extra = [c.name for c in negative_cases(entities, max(0, 10_000 - len(names)), random.Random(SEED + 1))]
    batch_result = batch(str(home), (names + extra)[:10_000], Path(tmp.name))
    print(f"speed: synthetic index of {size:,} names …", file=sys.stderr)
    synthetic = run_child("synthetic", str(size), str(queries_file))

    report = write_report(
        results=results,
        untyped=untyped,
        bundled=bundled,
        batch=batch_result,
        synthetic=synthetic,
        load_s=load_s,
        sizes={
            "alias": len(aliases),
            "cross_publisher": len(cross),
            "perturbation": len(perturbed),
            "negative": len(negatives),
        },
        total_s=time.perf_counter() - started,
        write=not args.no_write,
        quick=args.quick,
    )
    print(report)
    store.close()


if __name__ == "__main__":
    main()
