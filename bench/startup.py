"""Start-up: process start to main window painted, Vector Desktop vs a bare PySide6 QMainWindow (offscreen).

Also reports the time until the workspace is ready (`GuiSession.ready` set: the panel shown answers input, store
open and its services up) and `ready_ratio` = ready / the bare window's first paint; until it is complete
(`GuiSession.complete`: every panel and service built); until the chat's first load is done (`chat_shown`: the
conversation list read, the model picker filled, the last conversation shown; the profile has 30 conversations of 20
messages); the time of a `--screenshot` run to its exit; and a first run on an empty profile (store created) to
ready vs later runs on the same profile, each median of `--runs`.
Prints one JSON line last. Usage: python bench/startup.py [--runs N]
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


def child_env(tmp: Path, write_bytecode: bool = True) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["PYTHONPATH"] = str(HERE.parent)
    env["XDG_DATA_HOME"] = str(tmp / "xdg")
    if write_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed app: modules load from .pyc, not compiled anew
    return env


def time_first_paint(args: list[str], env: dict[str, str], expect: str = "painted") -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=30)
    if line.strip() != expect:
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


SEED = """
import sys
from vector_desktop.core import open_core
from vector_desktop.domain.chat import Role
from vector_desktop.paths import resolve_paths
from vector_desktop.store.chat_repository import ChatRepository

core = open_core(resolve_paths(sys.argv[1], environ={}), environ={})
repo = ChatRepository(core.store.sessions)
for number in range(30):
    conversation = repo.create_conversation(title=f"Conversation {number}")
    for turn in range(10):
        repo.add_message(conversation.id, Role.USER, f"Question {turn} about the quarterly report")
        repo.add_message(conversation.id, Role.ASSISTANT, "An answer with a few sentences. " * 8)
core.close()
"""


def seed_conversations(profile: Path, env: dict[str, str]) -> None:
    """30 conversations of 20 messages, so the chat's first load reads and shows what a user would have."""
    subprocess.run([sys.executable, "-c", SEED, str(profile)], env=env, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE (edited modules compile each start)"
    )
    options = parser.parse_args()
    runs = options.runs
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = child_env(tmp, write_bytecode=not options.no_bytecode)
        profile = tmp / "profile"
        time_ready(profile, env, tmp / "first.png")  # creates and migrates the store
        seed_conversations(profile, env)
        bare, app, ready, complete, exited, first_runs, shown = [], [], [], [], [], [], []
        for run in range(runs):  # interleaved so all see the same machine load
            bare.append(time_first_paint(["bare"], env))
            app.append(time_first_paint(["app", "--profile", str(profile)], env))
            # --screenshot: non-interactive, as time_ready (no passphrase question without a keychain)
            shot = ["--screenshot", str(tmp / "ready.png")]
            ready.append(time_first_paint(["ready", "--profile", str(profile), *shot], env, expect="ready"))
            complete.append(time_first_paint(["complete", "--profile", str(profile), *shot], env, expect="complete"))
            shown.append(time_first_paint(["chat_shown", "--profile", str(profile), *shot], env, expect="chat_shown"))
            empty = tmp / f"empty-{run}"
            first_runs.append(time_first_paint(["ready", "--profile", str(empty), *shot], env, expect="ready"))
            exited.append(time_ready(profile, env, tmp / "shot.png"))
    bare_ms = statistics.median(bare) * 1000
    app_ms = statistics.median(app) * 1000
    result = {
        "bench": "startup",
        "value": round(app_ms, 1),
        "baseline": round(bare_ms, 1),
        "ratio": round(app_ms / bare_ms, 2),
        "unit": "ms to first paint (median)",
        "goal": "ratio <= 1.5",
        "ready_ms_median": round(statistics.median(ready) * 1000, 1),
        "ready_ratio": round(statistics.median(ready) / statistics.median(bare), 2),
        "ready_goal": "ready <= 500 ms; ready_ratio <= 4.5",
        "complete_ms_median": round(statistics.median(complete) * 1000, 1),
        "chat_shown_ms_median": round(statistics.median(shown) * 1000, 1),
        "screenshot_exit_ms_median": round(statistics.median(exited) * 1000, 1),
        "first_run_ready_ms_median": round(statistics.median(first_runs) * 1000, 1),
        "first_run_ratio": round(statistics.median(first_runs) / statistics.median(ready), 2),
        "first_run_goal": "first_run_ratio <= 1.2",
        "runs": runs,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
