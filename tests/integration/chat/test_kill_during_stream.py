"""kill -9 while an answer streams: the text journaled before the kill is on disk, and the next start marks the
answer interrupted (so Continue and Retry are offered)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import ScriptedLLMServer, endless_tokens
from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.paths import resolve_paths
from vector_desktop.store.chat_repository import INTERRUPTED_BY_EXIT, ChatRepository
from vector_desktop.store.engine import open_store

# Far more than the 250 ms journal interval, so a busy 2-core machine still had time to write.
SETTLE_S = 1.0


def _read_some(fd: int, minimum: int, timeout: float) -> bytes:
    deadline = time.monotonic() + timeout
    data = b""
    os.set_blocking(fd, False)
    while len(data) < minimum:
        assert time.monotonic() < deadline, f"the child printed too little: {data!r}"
        try:
            piece = os.read(fd, 65536)
        except BlockingIOError:
            time.sleep(0.01)
            continue
        assert piece, f"the child closed stdout early: {data!r}"
        data += piece
    return data


def _drain(fd: int) -> bytes:
    data = b""
    while True:
        try:
            piece = os.read(fd, 65536)
        except BlockingIOError:
            return data
        if not piece:
            return data
        data += piece


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_partial_answer_survives_sigkill(
    subprocess_env: dict[str, str], sse_server: ScriptedLLMServer, profile_dir: Path, tmp_path: Path
) -> None:
    sse_server.add(endless_tokens(delay=0.02, limit=100_000))
    env = dict(
        subprocess_env, OPENROUTER_API_KEY="sk-or-v1-kill-test-0123456789", OPENROUTER_BASE_URL=sse_server.base_url
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "vector_desktop", "ask", "--profile", str(profile_dir), "count for me"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        fd = child.stdout.fileno()
        printed = _read_some(fd, len(b"tok0 tok1 tok2 tok3 tok4 "), 60)
        # Everything printed by now was received by now; it must be on disk SETTLE_S later.
        printed += _drain(fd)
        time.sleep(SETTLE_S)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()
    assert child.returncode == -signal.SIGKILL
    seen_before_settle = printed.decode()

    paths = resolve_paths(profile_dir, environ={})
    reopened = open_store(paths.store_file, paths.backup_dir)
    try:
        repo = ChatRepository(reopened.sessions)
        [conversation] = repo.list_conversations()
        question, answer = repo.messages_page(conversation.id)
        assert (question.role, question.content, question.status) == (Role.USER, "count for me", MessageStatus.COMPLETE)
        assert answer.status is MessageStatus.STREAMING  # as the killed process left it
        assert repo.mark_interrupted_streams() == 1  # what the app does at start
        answer = repo.require_message(answer.id)
    finally:
        reopened.dispose()
    assert answer.status is MessageStatus.INTERRUPTED
    assert answer.error == INTERRUPTED_BY_EXIT
    assert answer.can_continue
    assert answer.content.startswith("tok0 tok1 ")
    # `printed` is a prefix of what the child had received; all of it was journaled before the kill.
    assert len(answer.content) >= len(seen_before_settle)
    assert answer.content.startswith(seen_before_settle)
