"""kill -9 of the real GUI app while an answer streams into its chat panel.

The app runs as a child process (offscreen), driven from inside by tests/support/drive_app.py: it creates two
conversations, leaves a draft in the second, and sends a message in the first, whose answer streams slowly from the
scripted SSE server. The test watches the store read-only until the answer's journaled text grows, kills the app
with SIGKILL, then starts it again: the question is there, the answer keeps what was journaled before the kill and
is marked interrupted, and the draft is back in its conversation's composer.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.support.drive_app import DRAFT, MESSAGE
from tests.support.sse_server import ScriptedLLMServer, endless_tokens
from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.paths import resolve_paths
from vector_desktop.store.chat_repository import INTERRUPTED_BY_EXIT, ChatRepository
from vector_desktop.store.engine import open_store

DRIVER = Path(__file__).resolve().parent.parent / "support" / "drive_app.py"
JOURNAL_MARGIN_S = 0.25  # what was on disk this long before the kill must survive it
WAIT_S = 90.0  # a guard against hangs, not a timing assertion


class Lines:
    """The child's stdout, line by line, without blocking forever."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self.process = process
        self.fd = process.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.buffer = b""
        self.seen: list[str] = []

    def wait_for(self, prefix: str, timeout: float = WAIT_S) -> str:
        deadline = time.monotonic() + timeout
        while True:
            for line in self.seen:
                if line.startswith(prefix):
                    return line
                assert not line.startswith("driver error"), line
            assert time.monotonic() < deadline, f"no {prefix!r} from the app; it said {self.seen}"
            assert self.process.poll() is None, f"the app ended ({self.process.returncode}); it said {self.seen}"
            try:
                piece = os.read(self.fd, 65536)
            except BlockingIOError:
                time.sleep(0.02)
                continue
            self.buffer += piece
            *complete, self.buffer = self.buffer.split(b"\n")
            self.seen += [line.decode() for line in complete]


def end_child(process: subprocess.Popen[bytes]) -> None:
    """Kill the child if it still runs, and close its pipe."""
    if process.poll() is None:
        process.kill()
        process.wait(30)
    if process.stdout is not None:
        process.stdout.close()


def answer_text(store_file: Path) -> str | None:
    """The streaming answer's text as committed in the store, read without writing anything."""
    query = "SELECT content FROM messages WHERE role = 'assistant' ORDER BY id DESC LIMIT 1"
    try:
        with closing(sqlite3.connect(f"file:{store_file}?mode=ro", uri=True, timeout=1)) as db:
            row = db.execute(query).fetchone()
    except sqlite3.OperationalError:  # not created yet, or busy for a moment
        return None
    return None if row is None else str(row[0])


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_the_app_while_an_answer_streams(
    subprocess_env: dict[str, str], sse_server: ScriptedLLMServer, tmp_path: Path
) -> None:
    sse_server.add(endless_tokens(delay=0.02, limit=100_000))
    profile = tmp_path / "profile"
    env = dict(subprocess_env, OPENROUTER_API_KEY="test", OPENROUTER_BASE_URL=sse_server.base_url)
    store_file = resolve_paths(profile, environ={}).store_file
    child = subprocess.Popen(
        [sys.executable, str(DRIVER), "--script", "kill", "--profile", str(profile)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    snapshots: list[tuple[float, str]] = []  # (when read, committed answer text)
    try:
        lines = Lines(child)
        _, first, second = lines.wait_for("conversations ").split()
        lines.wait_for("draft typed")
        lines.wait_for("sent")
        deadline = time.monotonic() + WAIT_S
        while not snapshots or len(snapshots[-1][1].split()) < 20:  # several journal writes in
            assert time.monotonic() < deadline, "the answer's text never reached the store"
            text = answer_text(store_file)
            if text:
                snapshots.append((time.monotonic(), text))
            time.sleep(0.05)
        settle = time.monotonic() + 2 * JOURNAL_MARGIN_S
        while time.monotonic() < settle:  # keep watching while more text arrives
            text = answer_text(store_file)
            if text:
                snapshots.append((time.monotonic(), text))
            time.sleep(0.05)
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        end_child(child)
    assert child.returncode == -signal.SIGKILL
    journaled = [text for when, text in snapshots if when <= killed_at - JOURNAL_MARGIN_S]
    assert journaled, "nothing was journaled a quarter of a second before the kill"
    before_kill, last_seen = journaled[-1], snapshots[-1][1]

    # Start again: recovery marks the answer interrupted; a second driver opens each conversation as a user would.
    again = subprocess.run(
        [sys.executable, str(DRIVER), "--script", "report", "--profile", str(profile)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    shown = json.loads(again.stdout.strip().splitlines()[-1])
    assert shown[second] == {"composer": DRAFT, "rows": 0}  # the draft is back in its conversation
    assert shown[first]["composer"] == "" and shown[first]["rows"] == 2

    paths = resolve_paths(profile, environ={})
    reopened = open_store(paths.store_file, paths.backup_dir)
    try:
        repo = ChatRepository(reopened.sessions)
        question, answer = repo.messages_page(first)
        draft = repo.get_draft(second)
    finally:
        reopened.dispose()
    assert (question.role, question.content, question.status) == (Role.USER, MESSAGE, MessageStatus.COMPLETE)
    assert answer.role is Role.ASSISTANT and answer.status is MessageStatus.INTERRUPTED
    assert answer.error == INTERRUPTED_BY_EXIT and answer.can_continue
    assert answer.content.startswith("tok0 tok1 ")
    assert answer.content.startswith(before_kill) and len(answer.content) >= len(before_kill)
    assert answer.content.startswith(last_seen)  # whatever was committed before the kill is kept
    assert draft is not None and draft.text == DRAFT
