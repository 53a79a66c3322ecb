"""A locked keychain holds nothing up (issue 15): the real app shows the chat and takes a message while every
keychain call still waits (like a Secret Service locked until the user types the login password); the message
waits for the keychain's OpenRouter key and then goes to OpenRouter with it, not to the on-device model.

The app runs as a child process (offscreen), driven from inside by tests/support/drive_app.py (--script ask); its
keychain is tests/support/gated_keyring.py, which answers once the test creates the gate file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.e2e.test_kill_app_mid_stream import Lines, end_child
from tests.support.drive_app import QUESTION
from tests.support.gated_keyring import FILE_VARIABLE, GATE_VARIABLE
from tests.support.sse_server import ScriptedLLMServer, text_stream

DRIVER = Path(__file__).resolve().parent.parent / "support" / "drive_app.py"
KEY = "sk-or-from-the-keychain"


def test_the_chat_is_ready_and_a_message_waits_while_the_keychain_is_locked(
    subprocess_env: dict[str, str], sse_server: ScriptedLLMServer, tmp_path: Path
) -> None:
    sse_server.add(text_stream(["Blue", " like the sea", "."]))
    keychain_file, gate = tmp_path / "keychain.json", tmp_path / "keychain-unlocked"
    keychain_file.write_text(json.dumps({"OPENROUTER_API_KEY": KEY}), encoding="utf-8")
    env = {k: v for k, v in subprocess_env.items() if not k.startswith(("OPENROUTER_", "OPENAI_"))}
    env.update(
        PYTHON_KEYRING_BACKEND="tests.support.gated_keyring.GatedKeyring",
        OPENROUTER_BASE_URL=sse_server.base_url,
        **{FILE_VARIABLE: str(keychain_file), GATE_VARIABLE: str(gate)},
    )
    child = subprocess.Popen(
        [sys.executable, str(DRIVER), "--script", "ask", "--profile", str(tmp_path / "profile")],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        lines = Lines(child)
        lines.wait_for("ready")  # the chat is shown and answers input with the keychain still locked
        lines.wait_for("sent")
        time.sleep(1.0)  # what the app would do with the message without the key, it would do now
        assert sse_server.requests == [], "a request went out before the keychain gave its key"
        gate.touch()
        rows = json.loads(lines.wait_for('{"rows"'))["rows"]
        assert child.wait(60) == 0
    finally:
        end_child(child)
    assert rows[0][:2] == ["user", QUESTION]
    assert rows[1] == ["assistant", "Blue like the sea.", "complete"]  # OpenRouter's answer, not the on-device one
    (request,) = [r for r in sse_server.requests if r.endpoint == "chat/completions"]
    assert request.headers.get("authorization") == f"Bearer {KEY}"
