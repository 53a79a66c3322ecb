"""Start-up: process start to main window painted, Vector Desktop vs a bare PySide6 QMainWindow (offscreen).

Also reports the time until the workspace is ready (store open, panels attached, screenshot written) as extra
figures. Prints one JSON line last. Usage: python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROBE = HERE / "first_paint_probe.py"


def child_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["PYTHONPATH"] = str(HERE.parent)
    env["XDG_DATA_HOME"] = str(tmp / "xdg")
    return env


def time_first_paint(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(PROBE), *args], stdout=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=30)
    if line.strip() != "painted":
        raise SystemExit(f"probe failed: {args} printed {line!r}")
    return elapsed


def time_ready(profile: Path, env: dict[str, str], shot: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "vector_desktop", "--profile", str(profile), "--screenshot", str(shot)],
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = child_env(tmp)
        profile = tmp / "profile"
        first_run_ready = time_ready(profile, env, tmp / "first.png")  # creates and migrates the store
        bare, app, ready = [], [], []
        for _ in range(runs):  # interleaved so both see the same machine load
            bare.append(time_first_paint(["bare"], env))
            app.append(time_first_paint(["app", "--profile", str(profile)], env))
            ready.append(time_ready(profile, env, tmp / "shot.png"))
    bare_ms = statistics.median(bare) * 1000
    app_ms = statistics.median(app) * 1000
    result = {
        "bench": "startup",
        "value": round(app_ms, 1),
        "baseline": round(bare_ms, 1),
        "ratio": round(app_ms / bare_ms, 2),
        "unit": "ms to first paint (median)",
        "goal": "ratio <= 2.0",
        "ready_ms_median": round(statistics.median(ready) * 1000, 1),
        "first_run_ready_ms": round(first_run_ready * 1000, 1),
        "runs": runs,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
