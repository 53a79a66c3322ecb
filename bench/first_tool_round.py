"""The first tool round of a session in the real app, as a user has it: the app started on a profile with an MCP
server (added through the command line), the question typed in the composer, Send clicked; the model (scripted)
asks for `linear__list_issues` (read-only: auto, nothing asked), the call starts the server's session (first use),
the result goes back, the answer streams. What loads or starts at the first message and the first tool call happens
in this round: bench/tool_round.py measures warm rounds only.

Per run (a new app process each): from the click on Send to the answer complete in the transcript, and the GUI
thread's longest stall in that time and while the question was typed, ten keys a second (a 1 ms timer,
bench/stream_render.StallMeter). Baseline, same process: the
second round (a new conversation, the same question typed and sent), when everything is warm.

The model is the scripted server of bench/tool_round_rig.py and the MCP server the SDK test server over streamable
HTTP (bench/connectors_servers.py), each in a child process; the app runs offscreen with the keychain in a file.

Prints one JSON line last. Usage: python bench/first_tool_round.py [--runs N]
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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_STALL_MS = 16.0
READ_S = 1.0  # the app up, the user reads before typing
KEY_S = 0.1  # typing the question: ten keys a second
THINK_S = 0.5  # the question written, then Send
TIMEOUT_S = 120


# ------------------------------------------------------------------------------------------------ in the app


def in_app_script() -> Iterator[Any]:
    """Two rounds, each in a new conversation: typed, then Send; timed to the answer complete (one JSON line)."""
    from PySide6.QtWidgets import QApplication, QLabel

    from bench.stream_render import StallMeter
    from tests.support.drive_app import find, panel_ready, pause, say, transcript_rows

    def tools_offered() -> bool:
        label = find(QLabel, "toolsLabel")
        text = label.text() if isinstance(label, QLabel) else ""
        return text.startswith("Tools: ") and text[len("Tools: ") :][:1].isdigit()

    yield panel_ready
    yield tools_offered
    yield pause(READ_S)
    meter = StallMeter()
    rounds: list[dict[str, float]] = []
    for number in range(2):
        yield from one_round(meter, rounds, new_conversation=number > 0)
    say(json.dumps({"first": rounds[0], "second": rounds[1], "rows": transcript_rows()}))
    QApplication.quit()


def one_round(meter: Any, rounds: list[dict[str, float]], *, new_conversation: bool) -> Iterator[Any]:
    """The question typed, a pause, Send; from the click to the answer complete: its time and the longest stall."""
    from PySide6.QtTest import QTest

    from bench.tool_round_rig import QUESTION
    from tests.support.drive_app import button, click, composer, pause, transcript_rows
    from vector_desktop.presentation.chat.chat_models import MessageRoles

    if new_conversation:
        click(button("newButton"))
        yield lambda: transcript_rows() == []
    editor = composer()
    editor.setFocus()
    meter.start()
    for key in QUESTION:  # at a typist's pace: what the app gets ready meanwhile is ready by Send
        QTest.keyClicks(editor, key)
        yield pause(KEY_S)
    yield pause(THINK_S)
    meter.stop()
    typing_stall = meter.max_gap_ms
    done: list[float] = []
    model = find_transcript_model()
    send = button("sendButton")

    def answered() -> bool:  # (cheap: it runs at every change of the transcript)
        if model.rowCount() != 4:
            return False
        last = model.index(3, 0)
        return str(last.data(MessageRoles.ROLE)) == "assistant" and send.isEnabled()

    def watch(*_args: Any) -> None:
        if not done and answered():
            done.append(time.perf_counter())

    for signal in (model.rowsInserted, model.dataChanged):
        signal.connect(watch)
    meter.start()
    started = time.perf_counter()
    click(send)
    yield lambda: bool(done) or answered()
    meter.stop()
    for signal in (model.rowsInserted, model.dataChanged):
        signal.disconnect(watch)
    ended = done[0] if done else time.perf_counter()
    rounds.append(
        {
            "answered_ms": round((ended - started) * 1000, 2),
            "max_stall_ms": round(meter.max_gap_ms, 1),
            "typing_max_stall_ms": round(typing_stall, 1),
        }
    )
    rows = transcript_rows()
    if [row[0] for row in rows] != ["user", "assistant", "tool", "assistant"]:
        raise RuntimeError(f"unexpected round: {rows}")


def find_transcript_model() -> Any:
    from PySide6.QtWidgets import QListView

    from tests.support.drive_app import find

    view = find(QListView, "transcript")
    assert isinstance(view, QListView)
    return view.model()


def run_in_app(app_args: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tests.support.drive_app import Driver
    from vector_desktop.app import main as app_main

    app = QApplication.instance() or QApplication(sys.argv[:1])
    driver = Driver(in_app_script(), step_ms=5)
    QTimer.singleShot(0, driver.start)
    code = app_main(app_args)
    app.processEvents()
    return code


# ------------------------------------------------------------------------------------------------ the runs


def app_env(home: Path, llm_url: str) -> dict[str, str]:
    from bench.tool_round_rig import KEY

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(home / "xdg-data"),
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
        OPENROUTER_API_KEY=KEY,
        OPENROUTER_BASE_URL=llm_url,
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def make_profile(profile: Path, env: dict[str, str], mcp_url: str) -> None:
    cli = [sys.executable, "-m", "vector_desktop", "connectors", "--profile", str(profile)]
    subprocess.run([*cli, "add-mcp", "Linear", "--url", mcp_url], env=env, cwd=ROOT, check=True, capture_output=True)


def one_run(profile: Path, env: dict[str, str]) -> dict[str, Any]:
    command = [sys.executable, __file__, "--in-app", "--profile", str(profile)]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        output = result.stdout[-2000:] + result.stderr[-2000:]
        raise RuntimeError(f"the app's run failed ({result.returncode}): {output}")
    report: dict[str, Any] = json.loads(lines[-1])
    return report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--in-app", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.in_app:
        return run_in_app(rest)
    from bench.connectors_servers import tool_server_child
    from bench.tool_round_rig import llm_server_child

    load_before = os.getloadavg()[0]
    runs = []
    with tempfile.TemporaryDirectory() as tmp, tool_server_child() as mcp_url, llm_server_child() as llm_url:
        env = app_env(Path(tmp), llm_url)
        for number in range(args.runs):
            profile = Path(tmp) / f"profile-{number}"
            make_profile(profile, env, mcp_url)
            runs.append(one_run(profile, env))
    first = [run["first"] for run in runs]
    second = [run["second"] for run in runs]

    def median(rows: list[dict[str, Any]], key: str) -> float:
        return round(statistics.median(row[key] for row in rows), 2)

    print(
        json.dumps(
            {
                "bench": "first_tool_round",
                "value": median(first, "answered_ms"),
                "baseline": median(second, "answered_ms"),
                "unit": f"ms from Send to the answer complete, median of {args.runs} app runs: the session's first "
                "tool round (cold) vs the second (warm), same process",
                "first_max_stall_ms": [row["max_stall_ms"] for row in first],
                "second_max_stall_ms": [row["max_stall_ms"] for row in second],
                "first_rounds_with_stall_over_16ms": sum(1 for row in first if row["max_stall_ms"] > GOAL_STALL_MS),
                "first_typing_max_stall_ms": [row["typing_max_stall_ms"] for row in first],
                "second_typing_max_stall_ms": [row["typing_max_stall_ms"] for row in second],
                "goal": f"no GUI-thread stall > {GOAL_STALL_MS:.0f} ms",
                "load_before": round(load_before, 2),
                "load_after": round(os.getloadavg()[0], 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
