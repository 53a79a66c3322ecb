"""kill -9 of the app while a stdio MCP server runs: the server outlives it (nothing could stop it), and the next
start of the connectors finds it in the profile and stops it, so no process is left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.support.connectors import RigFactory, eventually
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from vector_desktop.services.connectors.process_registry import process_info

ROOT = Path(__file__).resolve().parents[3]

# "The app": opens the connectors on the profile, adds a stdio server, starts it, says its pid, then waits. The
# server runs under a shell that stays after it (many servers end by themselves when their stdin closes; some don't,
# and those are the ones that must be reaped).
APP = r"""
import sys, time
from pathlib import Path
from tests.support.connectors import open_rig
from tests.support.fixtures_mcp import MCP_STDIO_CWD, stdio_command
from vector_desktop.domain.connectors import McpServerDraft, McpTransport
rig = open_rig(Path(sys.argv[1]))
command, args = stdio_command()
line = " ".join([command, *args]) + "; exec sleep 120"
draft = McpServerDraft("Local", McpTransport.STDIO, command="/bin/sh", args=("-c", line), cwd=MCP_STDIO_CWD)
server = rig.run(rig.service.add_mcp_server(draft))
rig.run(rig.service.ensure_tools(server.key))
print(rig.service._registry.records()[0].pid, flush=True)
time.sleep(120)
"""


def alive(pid: int) -> bool:
    found = process_info(pid)
    return found is not None and not found.zombie


def test_an_orphan_of_a_killed_app_is_reaped_at_the_next_start(
    open_connectors: RigFactory, profile_dir: Path, subprocess_env: dict[str, str]
) -> None:
    env = {**subprocess_env, "PYTHON_KEYRING_BACKEND": "tests.support.memory_keyring.MemoryKeyring"}
    app = subprocess.Popen(
        [sys.executable, "-c", APP, str(profile_dir)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    assert app.stdout is not None
    orphan = 0
    try:
        orphan = int(app.stdout.readline())
        assert alive(orphan)
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        assert alive(orphan)  # nothing stopped it: its app is gone

        rig = open_connectors()  # the next start
        eventually(lambda: not alive(orphan), "the orphan was stopped")
        assert rig.service._registry.records() == []
        assert [i.name for i in rig.service.connectors()] == ["Local"]  # the server itself stays configured
    finally:
        app.stdout.close()
        if app.poll() is None:
            app.kill()
            app.wait(10)
        if orphan and alive(orphan):
            os.kill(orphan, signal.SIGKILL)
