"""Start-up of the PyInstaller bundle vs `python -m vector_desktop` on the same machine, in the same run.

Two figures, each the median of N runs alternated between the two (after one warm-up run each, which also creates
the profiles): `--screenshot` (process start → workspace ready, store open, PNG written, exit) and `--version`
(process start → exit, no Qt window). Both run offscreen with the same clean environment (HOME in a temp folder).
Prints one JSON line last; the value is the `--screenshot` time of the bundle, the baseline python's.

Usage: python bench/bundle_startup.py [--bundle DIR] [--runs N]    (DIR: the one-folder build, dist/vector-desktop)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clean_env(tmp: Path) -> dict[str, str]:
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "vector-desktop")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    executable = args.bundle.resolve() / ("vector-desktop.exe" if sys.platform == "win32" else "vector-desktop")
    if not executable.is_file():
        raise SystemExit(f"no bundle at {args.bundle}; build one with python scripts/build_bundle.py")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = clean_env(tmp)
        starts = {
            "bundle": ([str(executable)], env),
            "python": ([sys.executable, "-m", "vector_desktop"], dict(env, PYTHONPATH=str(ROOT))),
        }
        cases = {
            "screenshot": lambda who: ["--profile", str(tmp / who), "--screenshot", str(tmp / f"{who}.png")],
            "version": lambda who: ["--version"],
        }
        times: dict[tuple[str, str], list[float]] = {(case, who): [] for case in cases for who in starts}
        for case, extra in cases.items():
            for who, (command, child_env) in starts.items():
                timed([*command, *extra(who)], child_env, tmp)  # warm-up: first start migrates the new profile
            for run in range(args.runs):
                order = list(starts) if run % 2 == 0 else list(reversed(starts))
                for who in order:
                    command, child_env = starts[who]
                    times[(case, who)].append(timed([*command, *extra(who)], child_env, tmp))
    median = {key: statistics.median(values) for key, values in times.items()}
    for case in cases:
        bundle, python = median[(case, "bundle")], median[(case, "python")]
        print(
            f"--{case}: bundle {bundle * 1000:.0f} ms, python -m vector_desktop {python * 1000:.0f} ms, "
            f"ratio {bundle / python:.2f} (median of {args.runs})"
        )
    shot_bundle, shot_python = median[("screenshot", "bundle")], median[("screenshot", "python")]
    result = {
        "bench": "bundle_startup",
        "value": round(shot_bundle * 1000, 1),
        "baseline": round(shot_python * 1000, 1),
        "ratio": round(shot_bundle / shot_python, 3),
        "unit": "ms",
        "goal": "ratio <= 1.2",
        "version_ms": round(median[("version", "bundle")] * 1000, 1),
        "version_baseline_ms": round(median[("version", "python")] * 1000, 1),
        "version_ratio": round(median[("version", "bundle")] / median[("version", "python")], 3),
        "bundle_mb": round(folder_size(args.bundle.resolve()) / 1e6, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
