"""No growth over 1,000 open/close cycles (issue 15): the real app, driven by tests/support/drive_app.py, opens
conversations (one long enough that an older page is brought in), shows every side panel and the chat again, and
every 10th cycle opens and closes the Settings, Outbox and AI servers dialogs. After a warm-up it reads its resident
memory (garbage collected, malloc trimmed), runs the cycles and reads it again: it may grow by 5 MB at most.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).resolve().parent.parent / "support" / "drive_app.py"
CYCLES = 1000
WARMUP = 100
MAX_GROWTH_KB = 5 * 1024
LONG_CONVERSATION = 300  # messages: more than a page (50), so opening it and scrolling up pages rows in
FIRST_PAGE = 50
WAIT_S = 600  # a guard against hangs, not a timing assertion

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="VmRSS and malloc_trim are Linux/glibc")


def _message(number: int) -> str:
    """Short texts with some Markdown (emphasis, a list, code), so the transcript's delegate has work to do."""
    kinds = (
        f"Message {number}: what does *this* do?",
        f"Message {number}:\n\n- one\n- two\n\n```python\nprint({number})\n```",
        f"Message {number}: a longer line " + "with words " * 12,
    )
    return kinds[number % len(kinds)]


def _profile_with_conversations(profile: Path) -> dict[str, list[str]]:
    """Four conversations, the first of them long; returns each one's message texts in order."""
    from vector_desktop.core import open_core
    from vector_desktop.domain.chat import Role
    from vector_desktop.paths import resolve_paths
    from vector_desktop.store.chat_repository import ChatRepository

    core = open_core(resolve_paths(profile, environ={}), environ={})
    texts: dict[str, list[str]] = {}
    try:
        repo = ChatRepository(core.store.sessions)
        for title, count in (("Long one", LONG_CONVERSATION), ("Second", 4), ("Third", 2), ("Fourth", 6)):
            conversation = repo.create_conversation(title=title)
            texts[conversation.id] = [_message(number) for number in range(count)]
            for number, text in enumerate(texts[conversation.id]):
                repo.add_message(conversation.id, Role.USER if number % 2 == 0 else Role.ASSISTANT, text)
    finally:
        core.close()
    return texts


def test_a_thousand_open_close_cycles_do_not_grow_memory(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    texts = _profile_with_conversations(profile)
    result = subprocess.run(
        [sys.executable, str(DRIVER), "--script", "leak", "--cycles", str(CYCLES), "--warmup", str(WARMUP),
         "--profile", str(profile), "--offline"],
        env=subprocess_env, cwd=tmp_path, capture_output=True, text=True, timeout=WAIT_S,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])

    # Every cycle happened: each conversation opened showed its own last page, each panel and dialog showed.
    asked, shown = report["asked"], report["shown"]
    assert asked == shown, report
    assert asked["transcripts"] == 2 * CYCLES
    assert asked["panels"] == 5 * CYCLES  # Storage, Connectors, Databases, Jobs and back to Chat
    assert asked["dialogs"] == 3 * (CYCLES // 10)
    assert asked["older_pages"] == CYCLES // 2  # the long conversation is opened every other cycle
    assert report["first_page"] == {
        conversation_id: [min(len(messages), FIRST_PAGE), messages[-1]] for conversation_id, messages in texts.items()
    }

    growth_kb = report["rss_after_kb"] - report["rss_before_kb"]
    assert growth_kb <= MAX_GROWTH_KB, f"resident memory grew by {growth_kb} kB over {CYCLES} cycles: {report}"
