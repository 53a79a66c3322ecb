"""Opening a ~100 MB store after a clean close (the integrity check skipped) vs the same open with the check forced
(no record of a clean close, as after a crash), alternated in the same run, page cache warm for both.

Prints one JSON line last. Usage: python bench/store_open.py [--mb 100] [--runs 9]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.chat_data import fill_store
from vector_desktop.store import open_markers
from vector_desktop.store.engine import open_store


def build(folder: Path, megabytes: int) -> Path:
    """A store of chat messages of at least `megabytes`, closed cleanly."""
    seed = 0
    while True:
        seed += 1
        store = fill_store(folder, conversations=20, messages_per_conversation=1000, seed=seed)
        path = store.path
        store.dispose()
        if path.stat().st_size >= megabytes * 1024 * 1024:
            return path


def timed_open(path: Path) -> float:
    start = time.perf_counter()
    store = open_store(path, path.parent / "backups")
    elapsed = time.perf_counter() - start
    if store.moved_aside is not None:
        raise SystemExit("the bench store was found damaged")
    store.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = build(Path(tmp), args.mb)
        timed_open(path)  # warm the page cache and the imports
        skipped: list[float] = []
        forced: list[float] = []
        for run in range(args.runs):
            for side in ("skip", "force") if run % 2 == 0 else ("force", "skip"):
                if side == "force":
                    open_markers.forget_clean_close(path)  # as after a crash: the check runs
                    forced.append(timed_open(path))
                else:
                    skipped.append(timed_open(path))
        size_mb = path.stat().st_size / 1024 / 1024
    value = statistics.median(skipped) * 1000
    baseline = statistics.median(forced) * 1000
    result = {
        "bench": "store_open",
        "value": round(value, 2),
        "baseline": round(baseline, 2),
        "ratio": round(value / baseline, 3),
        "unit": "ms",
        "goal": "no whole-file read after a clean close",
        "store_mb": round(size_mb, 1),
        "runs": args.runs,
        "load": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
