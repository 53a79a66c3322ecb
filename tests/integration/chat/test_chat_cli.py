"""`python -m vector_desktop ask | search | export` as child processes against the scripted OpenRouter-shaped server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import (
    Reply,
    ScriptedLLMServer,
    Write,
    chunk,
    error_chunk,
    error_reply,
    sse,
    stream_of,
    text_stream,
    usage_chunk,
)
from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.paths import resolve_paths
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.engine import open_store

KEY = "sk-or-v1-cli-test-0123456789abcdef"


@pytest.fixture
def cli_env(subprocess_env: dict[str, str], sse_server: ScriptedLLMServer) -> dict[str, str]:
    env = dict(subprocess_env)
    env["OPENROUTER_API_KEY"] = KEY
    env["OPENROUTER_BASE_URL"] = sse_server.base_url
    return env


def run_cli(env: dict[str, str], cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vector_desktop", *args],
        env=env,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )


class Store:
    """The profile's store, opened after the child exited."""

    def __init__(self, profile: Path) -> None:
        paths = resolve_paths(profile, environ={})
        self.opened = open_store(paths.store_file, paths.backup_dir)
        self.repo = ChatRepository(self.opened.sessions)

    def only_conversation(self):  # type: ignore[no-untyped-def]
        conversations = self.repo.list_conversations()
        assert len(conversations) == 1
        return conversations[0]

    def close(self) -> None:
        self.opened.dispose()


@pytest.fixture
def store_of() -> Iterator[type[Store]]:
    opened: list[Store] = []

    class Tracked(Store):
        def __init__(self, profile: Path) -> None:
            super().__init__(profile)
            opened.append(self)

    yield Tracked
    for store in opened:
        store.close()


def test_ask_streams_the_answer_as_it_arrives_and_saves_both_messages(
    cli_env: dict[str, str], sse_server: ScriptedLLMServer, profile_dir: Path, tmp_path: Path, store_of
) -> None:
    gate = threading.Event()

    def steps() -> Iterator[Write]:
        yield Write(sse(chunk("", role="assistant")))
        yield Write(sse(chunk("Hello ")))
        gate.wait(30)  # the rest only comes once the test saw the first words on stdout
        yield Write(sse(chunk("from the server.")))
        yield Write(sse(chunk("", finish_reason="stop")))
        yield Write(sse(usage_chunk(12, 5, 0.0002)))
        yield Write(b"data: [DONE]\n\n")

    sse_server.add(Reply(steps=steps()))  # a generator: the server thread runs it lazily
    child = subprocess.Popen(
        [sys.executable, "-m", "vector_desktop", "ask", "--profile", str(profile_dir), "--system", "Be brief.", "Hi"],
        env=cli_env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        first = _read_until(child.stdout.fileno(), b"Hello ", 60)
        assert first == b"Hello "  # printed before the answer was complete
        gate.set()
        rest, err = child.communicate(timeout=60)
    finally:
        gate.set()
        if child.poll() is None:
            child.kill()
            child.wait(30)
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()
    assert child.returncode == 0, err
    assert first + rest == b"Hello from the server.\n"
    assert err == b""
    body = sse_server.chat_requests()[0].json
    assert body["messages"] == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
    store = store_of(profile_dir)
    conversation = store.only_conversation()
    assert (conversation.system_prompt, conversation.title) == ("Be brief.", "Hi")
    messages = store.repo.messages_page(conversation.id)
    assert [(m.role, m.content, m.status) for m in messages] == [
        (Role.USER, "Hi", MessageStatus.COMPLETE),
        (Role.ASSISTANT, "Hello from the server.", MessageStatus.COMPLETE),
    ]
    assert (messages[1].prompt_tokens, messages[1].completion_tokens, messages[1].cost) == (12, 5, 0.0002)


def _read_until(fd: int, wanted: bytes, timeout: float) -> bytes:
    deadline = time.monotonic() + timeout
    data = b""
    os.set_blocking(fd, False)
    try:
        while wanted not in data:
            if time.monotonic() > deadline:
                raise AssertionError(f"no {wanted!r} on stdout; got {data!r}")
            try:
                piece = os.read(fd, 4096)
            except BlockingIOError:
                time.sleep(0.01)
                continue
            if not piece:
                break
            data += piece
    finally:
        os.set_blocking(fd, True)
    return data


def test_ask_continues_a_conversation_with_model_and_json_mode(
    cli_env: dict[str, str], sse_server: ScriptedLLMServer, profile_dir: Path, tmp_path: Path, store_of
) -> None:
    sse_server.add(text_stream(["First answer."]))
    first = run_cli(cli_env, tmp_path, "ask", "--profile", str(profile_dir), "first", "question")
    assert first.returncode == 0, first.stderr
    store = store_of(profile_dir)
    conversation = store.only_conversation()
    store.close()
    sse_server.add(text_stream(['{"answer": ', "2}"]))
    second = run_cli(
        cli_env,
        tmp_path,
        "ask",
        "--profile",
        str(profile_dir),
        "--conversation",
        conversation.id,
        "--model",
        "openai/gpt-5.1",
        "--json",
        "-",
        stdin="second question",
    )
    assert second.returncode == 0, second.stderr
    assert second.stdout == '{"answer": 2}\n'
    body = sse_server.chat_requests()[1].json
    assert body["model"] == "openai/gpt-5.1"
    assert body["response_format"] == {"type": "json_object"}
    assert [(m["role"], m["content"]) for m in body["messages"]] == [
        ("user", "first question"),
        ("assistant", "First answer."),
        ("user", "second question"),
    ]
    store = store_of(profile_dir)
    assert store.repo.message_count(conversation.id) == 4


def test_ask_failure_before_any_text_is_one_line_and_keeps_the_question(
    cli_env: dict[str, str], sse_server: ScriptedLLMServer, profile_dir: Path, tmp_path: Path, store_of
) -> None:
    sse_server.add(error_reply(401, "No auth credentials found"))
    result = run_cli(cli_env, tmp_path, "ask", "--profile", str(profile_dir), "are you there?")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "did not accept the API key" in lines[0]
    assert KEY not in result.stderr
    store = store_of(profile_dir)
    messages = store.repo.messages_page(store.only_conversation().id)
    assert [(m.role, m.content, m.status) for m in messages] == [
        (Role.USER, "are you there?", MessageStatus.COMPLETE),
        (Role.ASSISTANT, "", MessageStatus.FAILED),
    ]
    assert "did not accept the API key" in messages[1].error


def test_ask_broken_stream_keeps_the_partial_answer(
    cli_env: dict[str, str], sse_server: ScriptedLLMServer, profile_dir: Path, tmp_path: Path, store_of
) -> None:
    sse_server.add(
        stream_of(
            sse(chunk("", role="assistant")),
            sse(chunk("The first half")),
            sse(chunk(" and some more")),
            sse(error_chunk(502, "Provider disconnected unexpectedly")),
        )
    )
    result = run_cli(cli_env, tmp_path, "ask", "--profile", str(profile_dir), "tell me a story")
    assert result.returncode == 1
    assert result.stdout == "The first half and some more\n"
    assert len(result.stderr.splitlines()) == 1 and "broke off" in result.stderr
    store = store_of(profile_dir)
    answer = store.repo.messages_page(store.only_conversation().id)[-1]
    assert (answer.content, answer.status) == ("The first half and some more", MessageStatus.INTERRUPTED)
    assert answer.can_continue


def test_ask_offline_queues_the_question(
    cli_env: dict[str, str], sse_server: ScriptedLLMServer, profile_dir: Path, tmp_path: Path, store_of
) -> None:
    result = run_cli(cli_env, tmp_path, "ask", "--profile", str(profile_dir), "--offline", "later please")
    assert result.returncode == 3
    assert "outbox" in result.stderr and len(result.stderr.splitlines()) == 1
    assert sse_server.chat_requests() == []
    store = store_of(profile_dir)
    [queued] = store.repo.queued_messages()
    assert (queued.content, queued.status) == ("later please", MessageStatus.QUEUED)


def test_ask_unknown_conversation(cli_env: dict[str, str], profile_dir: Path, tmp_path: Path) -> None:
    result = run_cli(cli_env, tmp_path, "ask", "--profile", str(profile_dir), "--conversation", "nope", "hi")
    assert result.returncode == 1
    assert result.stderr.strip() == "vector-desktop: there is no conversation with the id nope."


def _seed(profile: Path) -> tuple[str, list[int]]:
    store = Store(profile)
    try:
        repo = store.repo
        conversation = repo.create_conversation(title="Tea notes", model="anthropic/claude-sonnet-4.5")
        ids = [
            repo.add_message(conversation.id, Role.USER, "How hot should the water be for green tea?").id,
            repo.add_message(
                conversation.id,
                Role.ASSISTANT,
                "About 80 °C for green tea;\nboiling water makes it bitter. Use ```code``` fences.",
                model="anthropic/claude-sonnet-4.5",
                prompt_tokens=20,
                completion_tokens=15,
                cost=0.0003,
            ).id,
        ]
        repo.create_conversation(title="Other")
        return conversation.id, ids
    finally:
        store.close()


def test_search_prints_tab_separated_lines(cli_env: dict[str, str], profile_dir: Path, tmp_path: Path) -> None:
    conversation_id, (question, answer) = _seed(profile_dir)
    result = run_cli(cli_env, tmp_path, "search", "--profile", str(profile_dir), "green", "tea")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [
        [conversation_id, str(answer)],
        [conversation_id, str(question)],
    ]
    assert all(len(line.split("\t")) == 3 for line in lines)
    assert "**green** **tea**" in lines[0].split("\t")[2]
    assert "boiling water" in lines[0]  # the newline inside the message did not split the line
    nothing = run_cli(cli_env, tmp_path, "search", "--profile", str(profile_dir), '"unbalanced', "AND", "(")
    assert (nothing.returncode, nothing.stdout) == (0, "")


def test_export_markdown_and_json(cli_env: dict[str, str], profile_dir: Path, tmp_path: Path) -> None:
    conversation_id, (question, answer) = _seed(profile_dir)
    md = run_cli(cli_env, tmp_path, "export", "--profile", str(profile_dir), conversation_id, "--format", "md")
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# Tea notes\n")
    assert "### User · " in md.stdout and "### Assistant (anthropic/claude-sonnet-4.5) · " in md.stdout
    assert "About 80 °C for green tea;\nboiling water makes it bitter." in md.stdout
    assert "Tokens: 20 in, 15 out · Cost: $0.0003" in md.stdout
    js = run_cli(cli_env, tmp_path, "export", "--profile", str(profile_dir), conversation_id, "--format", "json")
    assert js.returncode == 0, js.stderr
    document = json.loads(js.stdout)
    assert document["format"] == "vector-desktop.conversation"
    assert document["conversation"]["id"] == conversation_id
    assert [(m["id"], m["role"]) for m in document["messages"]] == [(question, "user"), (answer, "assistant")]
    assert document["messages"][1]["usage"] == {"prompt_tokens": 20, "completion_tokens": 15, "cost": 0.0003}
    assert document["totals"]["messages"] == 2
    out = tmp_path / "tea.json"
    to_file = run_cli(
        cli_env, tmp_path, "export", "--profile", str(profile_dir), conversation_id, "--format", "json", "-o", str(out)
    )
    assert to_file.returncode == 0 and to_file.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["messages"] == document["messages"]
    missing = run_cli(cli_env, tmp_path, "export", "--profile", str(profile_dir), "nope")
    assert missing.returncode == 1 and len(missing.stderr.splitlines()) == 1


@pytest.mark.local_model
def test_ask_offline_is_answered_by_the_on_device_model(
    cli_env: dict[str, str], sse_server: ScriptedLLMServer, profile_dir: Path, tmp_path: Path, store_of
) -> None:
    from tests.support.fixtures_ai import local_model_skip_reason
    from vector_desktop.ai.models import LOCAL_MODEL_ID

    reason = local_model_skip_reason()
    if reason:
        pytest.skip(reason)
    result = run_cli(
        cli_env, tmp_path, "ask", "--profile", str(profile_dir), "--offline", "--model", LOCAL_MODEL_ID, "Say hi."
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert sse_server.chat_requests() == []  # offline: nothing went to the remote provider
    store = store_of(profile_dir)
    answer = store.repo.messages_page(store.only_conversation().id)[-1]
    assert (answer.role, answer.status, answer.model) == (Role.ASSISTANT, MessageStatus.COMPLETE, LOCAL_MODEL_ID)
    assert answer.content.strip() == result.stdout.strip()
