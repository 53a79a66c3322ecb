"""A fresh machine with no key and no network: the real app opens and the on-device model answers in the chat panel.

The app runs as a child process (offscreen), driven from inside by tests/support/drive_app.py (--script ask), which
types a question, clicks Send and reports the transcript as the user sees it.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.drive_app import QUESTION
from vector_desktop.ai.local_model import default_model_path

DRIVER = Path(__file__).resolve().parent.parent / "support" / "drive_app.py"

pytestmark = [
    pytest.mark.local_model,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None or default_model_path() is None,
        reason="the on-device model (extra 'local') is not installed",
    ),
]


def test_the_on_device_model_answers_with_no_key_and_no_network(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    env = {k: v for k, v in subprocess_env.items() if not k.startswith(("OPENROUTER_", "OPENAI_"))}
    result = subprocess.run(
        [sys.executable, str(DRIVER), "--script", "ask", "--profile", str(tmp_path / "profile"), "--offline"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = json.loads(result.stdout.strip().splitlines()[-1])["rows"]
    assert rows[0][:2] == ["user", QUESTION]
    role, answer, status = rows[1]
    assert role == "assistant" and status == "complete"
    assert len(answer.split()) >= 2, f"the on-device model gave no real answer: {answer!r}"
