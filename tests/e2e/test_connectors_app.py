"""The real app with a stdio MCP server configured through the real command line.

kill -9 of the app while its server runs leaves the server behind (nothing could stop it); the next start of the
app finds it in the profile and stops it. A clean run (--screenshot of the Connectors panel) leaves nothing behind.

The server runs under a shell that stays after it (`...; exec sleep`): many servers end by themselves when their
stdin closes, some don't, and those are the ones that must be reaped. Every process of the server carries a marker
in its environment (set with `add-mcp --env`), so whatever it left is found in /proc even after it was re-parented.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.e2e.test_app_start import assert_real_picture
from tests.e2e.test_kill_app_mid_stream import Lines, end_child
from tests.support.fixtures_mcp import MCP_STDIO_CWD, stdio_command
from vector_desktop.paths import resolve_paths
from vector_desktop.services.connectors.process_registry import process_info

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reaping is verified through /proc")

DRIVER = Path(__file__).resolve().parent.parent / "support" / "drive_app.py"
MARKER = "VECTOR_E2E_SERVER_RUN"
STAYS_S = 600  # how long the shell outlives its server: far longer than the test, so only reaping can end it
WAIT_S = 120.0  # guards against hangs, not timing assertions


def alive(pid: int) -> bool:
    found = process_info(pid)
    return found is not None and not found.zombie


def parent_of(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text(errors="replace")
    return int(stat[stat.rfind(")") + 2 :].split()[1])


def marked_processes(run: str) -> list[int]:
    """Live (not zombie) processes whose environment holds this run's marker: the server and what it left."""
    wanted = f"{MARKER}={run}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # ended meanwhile, or not ours
            continue
        if wanted in environ.split(b"\0") and alive(int(entry.name)):
            found.append(int(entry.name))
    return sorted(found)


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def add_local_server(env: dict[str, str], profile: Path, run: str) -> int:
    """`connectors add-mcp Local -- /bin/sh -c "python -m tests.support.mcp_tool_server --stdio; exec sleep"` through
    the real command line; returns the number of tools it reported."""
    command, args = stdio_command()
    line = " ".join([command, *args]) + f"; exec sleep {STAYS_S}"
    cli = [sys.executable, "-m", "vector_desktop", "connectors", "--profile", str(profile)]
    result = subprocess.run(
        [*cli, "add-mcp", "Local", "--env", f"{MARKER}={run}", "--cwd", MCP_STDIO_CWD, "--", "/bin/sh", "-c", line],
        env=env,
        cwd=MCP_STDIO_CWD,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    fields = result.stdout.strip().split("\t")
    assert fields[2:4] == ["Local", "ready"], result.stdout + result.stderr
    assert marked_processes(run) == [], "the command line left its server running"
    return int(fields[4])


def screenshot_of_connectors(env: dict[str, str], profile: Path, target: Path) -> subprocess.CompletedProcess[str]:
    app = [sys.executable, "-m", "vector_desktop", "--profile", str(profile)]
    return subprocess.run(
        [*app, "--screenshot", str(target), "--panel", "connectors"],
        env=env,
        cwd=MCP_STDIO_CWD,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
    )


def test_the_server_of_a_killed_app_is_stopped_at_the_next_start(
    subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    run = uuid.uuid4().hex
    tools = add_local_server(subprocess_env, profile, run)
    stderr = tmp_path / "app-stderr.txt"
    orphan = 0
    with stderr.open("wb") as errors:
        app = subprocess.Popen(
            [sys.executable, str(DRIVER), "--script", "connectors", "--profile", str(profile)],
            env=subprocess_env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
    try:
        lines = Lines(app)
        try:
            lines.wait_for("connect ", WAIT_S)
            card = lines.wait_for('{"card"', WAIT_S)
            orphan = int(lines.wait_for("child ", WAIT_S).split()[1])
        except AssertionError as error:
            raise AssertionError(f"{error}\nits stderr:\n{stderr.read_text(errors='replace')}") from None
        assert f'"card": "Ready \\u00b7 {tools} tools"' in card  # what the card shows under the server's name
        assert "mcp_tool_server --stdio" in card  # the status line under the cards: the server's command
        assert alive(orphan) and parent_of(orphan) == app.pid  # the app's own child
        assert orphan in marked_processes(run)

        app.send_signal(signal.SIGKILL)
        app.wait(30)
        assert app.returncode == -signal.SIGKILL
        assert alive(orphan), "the server ended with its app: nothing was left to reap"

        shot = tmp_path / "shot.png"
        again = screenshot_of_connectors(subprocess_env, profile, shot)  # the next start
        assert again.returncode == 0, again.stderr
        assert not alive(orphan), "the server of the killed app is still running after the next start"
        assert marked_processes(run) == [], "processes of the server are still running after the next start"
        log = (resolve_paths(profile, environ={}).log_dir / "vector-desktop.log").read_text(errors="replace")
        reaped = [line for line in log.splitlines() if "earlier run" in line and re.search(rf"\b{orphan}\b", line)]
        assert reaped, f"the log does not say the app stopped {orphan}: {log[-2000:]}"  # it was the app that did
        assert_real_picture(shot)
    finally:
        end_child(app)
        kill_all(marked_processes(run) + ([orphan] if orphan and alive(orphan) else []))


def test_a_screenshot_of_the_connectors_panel_leaves_no_process(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    run = uuid.uuid4().hex
    add_local_server(subprocess_env, profile, run)
    try:
        result = screenshot_of_connectors(subprocess_env, profile, tmp_path / "shot.png")
        assert result.returncode == 0, result.stderr
        assert_real_picture(tmp_path / "shot.png")
        assert marked_processes(run) == [], "the server was left running after the app quit"
        registry = resolve_paths(profile, environ={}).data_dir / "mcp-children.json"
        assert not registry.exists() or json.loads(registry.read_text())["children"] == []  # nothing to reap
    finally:
        kill_all(marked_processes(run))
