"""The Chat panel as a user drives it: a real ChatService over the real store, a real LLMClient talking to the
scripted OpenRouter-shaped SSE server on 127.0.0.1, clicks on the painted message buttons, keys in the composer.

Async tests run on the qasync loop; conditions are awaited with asyncio (never qtbot's blocking waits)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyleOptionViewItem

from tests.support.chat_panel_driver import ChatPanelDriver, until
from tests.support.sse_server import (
    ScriptedLLMServer,
    endless_tokens,
    text_stream,
)
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.models import ModelInfo, seed_model_infos
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.ai.types import ChatChunk, Usage
from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.presentation.chat.chat_models import MessageAction, MessageRoles, SearchRoles
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.services.chat import chat_export
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.services.reachability import ProviderReachability
from vector_desktop.store.chat_repository import INTERRUPTED_BY_EXIT, ChatRepository
from vector_desktop.store.job_repository import JobRepository
from vector_desktop.views.chat.chat_panel import ChatPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
KEY = "sk-or-v1-0123456789abcdef-testkey"
SONNET = "anthropic/claude-sonnet-4.5"
LOCAL = "local:test-model"
LOCAL_INFO = ModelInfo(LOCAL, "Test model (on this computer)", 2048, 0.0, 0.0)


class LocalStreamer:
    """The on-device model's stand-in (in-process, like the chat service's own tests)."""

    def __init__(self) -> None:
        self.requests: list[list[Any]] = []

    async def stream(self, messages: list[Any], settings: Any) -> AsyncIterator[ChatChunk]:
        self.requests.append(list(messages))
        for piece in ("Answered ", "on this computer."):
            await asyncio.sleep(0)
            yield ChatChunk(text=piece, model=LOCAL, provider="On-device model")
        yield ChatChunk(finish_reason="stop", usage=Usage(3, 4, 7, 0.0), model=LOCAL)


class Chat(ChatPanelDriver):
    """One running chat panel and what it talks to."""

    def __init__(
        self,
        qtbot: Any,
        store: Any,
        server: ScriptedLLMServer,
        *,
        online: bool,
        jobs: Any = None,
        default_model: str = SONNET,
        providers: bool = True,
        image_uploader: Any = None,
    ) -> None:
        self.qtbot = qtbot
        self.server = server
        self.repo = ChatRepository(store.sessions)
        configured = [ProviderConfig.openrouter(KEY, server.base_url)] if providers else []
        self.client = LLMClient(configured, timeout=10.0, max_retries=0)
        self.reachability = ProviderReachability(
            lambda model: server.base_url if configured and not model.startswith("local:") else None,
            offline=not online,
            timeout=2.0,
        )
        self.local = LocalStreamer()
        self.service = ChatService(
            self.repo,
            self.client,
            default_model=default_model,
            local_model=LOCAL,
            local_streamer=self.local,
            is_reachable=self.reachability.is_reachable,
        )
        self.vm = ChatViewModel(
            self.service,
            models=lambda: [*seed_model_infos(), LOCAL_INFO],
            check_context=self.client.check_context,
            jobs=jobs,
            refresh_reachability=lambda: self.reachability.refresh([server.base_url]),
            local_available=True,
            image_uploader=image_uploader,
        )
        self.panel = ChatPanel(self.vm)
        qtbot.addWidget(self.panel)
        self.panel.resize(1100, 760)
        self.panel.show()
        self.ui = self.panel.ui

    async def close(self) -> None:
        await self.vm.aclose()
        await self.client.aclose()

    def conversation_titles(self) -> list[str]:
        proxy = self.vm.conversations_proxy
        return [str(proxy.index(r, 0).data()) for r in range(proxy.rowCount())]

    # -- what the user does
    def click(self, widget: Any) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def click_copy_code(self, message_id: int) -> None:
        layout = self.row_layout(message_id)
        assert layout.code_buttons, "no code block on this row"
        button = layout.code_buttons[0][0]
        self.qtbot.mouseClick(self.ui.transcript.viewport(), Qt.MouseButton.LeftButton, pos=button.center())

    def last_id(self, role: Role) -> int:
        for message in reversed(self.vm.messages.messages()):
            if message.role is role:
                return message.id
        raise AssertionError(f"no {role} message shown")

    def stored(self, conversation_id: str) -> list[tuple[str, str, str]]:
        return [(m.role.value, m.content, m.status.value) for m in self.repo.messages_page(conversation_id, limit=500)]


@asynccontextmanager
async def open_chat(qtbot: Any, store: Any, server: ScriptedLLMServer, **kwargs: Any) -> AsyncIterator[Chat]:
    select = kwargs.pop("select", "")
    chat = Chat(qtbot, store, server, online=kwargs.pop("online", True), **kwargs)
    await chat.vm.load(select)
    try:
        yield chat
    finally:
        await chat.close()


def user_texts(request_body: dict[str, Any]) -> list[str]:
    return [m["content"] for m in request_body["messages"] if m["role"] == "user"]


# ---------------------------------------------------------------------------------------------------- streaming


@pytest.mark.asyncio
async def test_send_shows_the_question_then_the_streamed_answer(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    sse_server.add(text_stream(["Hello ", "from ", "**the** server.\n\n", "```python\nprint(42)\n```"], delay=0.03))
    async with open_chat(qtbot, store, sse_server) as chat:
        resets: list[int] = []
        texts: list[str] = []
        chat.vm.messages.dataChanged.connect(lambda tl, _br, _roles=None: texts.append(str(tl.data(MessageRoles.TEXT))))
        chat.type_and_send("What is up?")
        assert chat.ui.composer.toPlainText() == ""
        await until(lambda: chat.rows()[:1] == [("user", "What is up?", "")])
        chat.vm.messages.modelReset.connect(lambda: resets.append(1))
        await until(lambda: len(chat.rows()) == 2 and chat.rows()[1][2] == "Streaming…")
        assert chat.ui.stopButton.isEnabled() and not chat.ui.sendButton.isEnabled()
        answer = "Hello from **the** server.\n\n```python\nprint(42)\n```"
        await until(lambda: chat.rows()[1] == ("assistant", answer, ""))
        assert any(t and answer.startswith(t) and t != answer for t in texts), "the answer appeared piece by piece"
        assert resets == []
        assert chat.ui.sendButton.isEnabled() and not chat.ui.stopButton.isEnabled()
        await until(lambda: chat.ui.totalsLabel.text() == "17 tokens · $0.000123")
        assert chat.conversation_titles() == ["What is up?"]
        assert chat.ui.titleLabel.text() == "What is up?"
        assert chat.ui.modelCombo.currentText().startswith("Claude Sonnet 4.5 · 200k context")
        await until(lambda: "of 200k tokens" in chat.ui.contextLabel.text())  # updated after a short pause
        conversation_id = chat.vm.current_id
        assert chat.stored(conversation_id) == [("user", "What is up?", "complete"), ("assistant", answer, "complete")]
        assert user_texts(sse_server.chat_requests()[0].json) == ["What is up?"]

        answer_id = chat.last_id(Role.ASSISTANT)
        row = chat.vm.messages.index(1)
        assert row.data(MessageRoles.USAGE_TEXT) == "12 in · 5 out · $0.000123"
        chat.click_message_button(answer_id, MessageAction.COPY)
        assert QGuiApplication.clipboard().text() == answer
        chat.click_copy_code(answer_id)
        assert QGuiApplication.clipboard().text() == "print(42)"


@pytest.mark.asyncio
async def test_stop_keeps_the_partial_answer(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    sse_server.add(endless_tokens(delay=0.03))
    async with open_chat(qtbot, store, sse_server) as chat:
        chat.type_and_send("Count for me")
        await until(lambda: len(chat.rows()) == 2 and "tok2" in chat.rows()[1][1])
        chat.click(chat.ui.stopButton)
        await until(lambda: chat.rows()[1][2] == "Stopped")
        role, text, _status = chat.rows()[1]
        assert role == "assistant" and text.startswith("tok0 tok1 tok2")
        stored = chat.stored(chat.vm.current_id)[1]
        assert stored == ("assistant", text, "cancelled")  # what was shown is what was kept
        assert chat.ui.sendButton.isEnabled()
        await until(lambda: sse_server.disconnects >= 1)  # the HTTP stream was closed
        actions = chat.vm.messages.index(1).data(MessageRoles.ACTIONS)
        assert MessageAction.CONTINUE in actions and MessageAction.RETRY in actions


def numbered(text: str) -> list[int]:
    return [int(word.removeprefix("tok")) for word in text.split()]


@pytest.mark.asyncio
async def test_an_answer_keeps_arriving_while_another_conversation_is_open(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    other = ChatRepository(store.sessions).create_conversation(title="Elsewhere", model=SONNET)
    sse_server.add(endless_tokens(delay=0.02))
    async with open_chat(qtbot, store, sse_server, select=other.id) as chat:
        await chat.vm.new_conversation()
        streaming_in = chat.vm.current_id
        chat.type_and_send("Count slowly")
        await until(lambda: len(chat.rows()) == 2 and "tok2" in chat.rows()[1][1])
        answer_id = chat.last_id(Role.ASSISTANT)
        await chat.vm.select_conversation(other.id)  # type: ignore[misc]
        assert chat.rows() == [] and not chat.ui.stopButton.isEnabled()
        await until(lambda: "tok12" in chat.repo.get_message(answer_id).content)  # type: ignore[union-attr]
        await chat.vm.select_conversation(streaming_in)  # type: ignore[misc]
        shown = chat.rows()[1][1]
        assert numbered(shown) == list(range(len(numbered(shown)))) and len(numbered(shown)) >= 12  # nothing lost
        assert chat.ui.stopButton.isEnabled()
        await until(lambda: len(numbered(chat.rows()[1][1])) > len(numbered(shown)) + 3)
        chat.click(chat.ui.stopButton)
        await until(lambda: chat.rows()[1][2] == "Stopped")
        final = chat.rows()[1][1]
        assert numbered(final) == list(range(len(numbered(final))))
        assert chat.stored(streaming_in)[1] == ("assistant", final, "cancelled")


@pytest.mark.asyncio
async def test_regenerate_then_edit_and_resend(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    sse_server.add(text_stream(["First answer."]), text_stream(["Second answer."]), text_stream(["Third answer."]))
    async with open_chat(qtbot, store, sse_server) as chat:
        chat.type_and_send("Tell me a fact")
        await until(lambda: chat.rows() == [("user", "Tell me a fact", ""), ("assistant", "First answer.", "")])

        chat.click_message_button(chat.last_id(Role.ASSISTANT), MessageAction.REGENERATE)
        await until(lambda: chat.rows() == [("user", "Tell me a fact", ""), ("assistant", "Second answer.", "")])
        assert user_texts(sse_server.chat_requests()[1].json) == ["Tell me a fact"]

        chat.click_message_button(chat.last_id(Role.USER), MessageAction.EDIT)
        assert chat.ui.editBar.isVisible() and chat.ui.composer.toPlainText() == "Tell me a fact"
        chat.ui.composer.clear()
        chat.type_and_send("Tell me another fact")
        assert not chat.ui.editBar.isVisible()
        await until(lambda: chat.rows() == [("user", "Tell me another fact", ""), ("assistant", "Third answer.", "")])
        assert user_texts(sse_server.chat_requests()[2].json) == ["Tell me another fact"]
        assert chat.stored(chat.vm.current_id) == [
            ("user", "Tell me another fact", "complete"),
            ("assistant", "Third answer.", "complete"),
        ]


@pytest.mark.asyncio
@pytest.mark.parametrize("action", [MessageAction.CONTINUE, MessageAction.RETRY])
async def test_an_answer_cut_off_by_a_crash_offers_continue_and_retry(qtbot, store, sse_server, action) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    conversation = repo.create_conversation(title="Crashed", model=SONNET)
    question = repo.add_message(conversation.id, Role.USER, "Write a sentence")
    repo.add_message(conversation.id, Role.ASSISTANT, "The quick brown", status=MessageStatus.STREAMING, model=SONNET)
    assert repo.mark_interrupted_streams() == 1  # what the app does at start after a crash
    sse_server.add(text_stream([" fox jumps."]), text_stream(["A new sentence."]))
    async with open_chat(qtbot, store, sse_server, select=conversation.id) as chat:
        assert chat.rows() == [("user", "Write a sentence", ""), ("assistant", "The quick brown", "Interrupted")]
        answer = chat.vm.messages.index(1)
        assert answer.data(MessageRoles.ERROR) == INTERRUPTED_BY_EXIT
        assert tuple(answer.data(MessageRoles.ACTIONS)) == (
            MessageAction.COPY,
            MessageAction.CONTINUE,
            MessageAction.RETRY,
        )
        chat.click_message_button(chat.last_id(Role.ASSISTANT), action)
        if action is MessageAction.CONTINUE:
            await until(lambda: chat.rows()[-1] == ("assistant", "The quick brown fox jumps.", ""))
            sent = sse_server.chat_requests()[0].json["messages"]
            assert sent[-1] == {"role": "assistant", "content": "The quick brown"}
        else:
            await until(lambda: chat.rows()[-1] == ("assistant", " fox jumps.", ""))
            assert user_texts(sse_server.chat_requests()[0].json) == ["Write a sentence"]
        assert chat.vm.messages.index(1).data(MessageRoles.ERROR) == ""
        assert len(chat.rows()) == 2 and chat.vm.messages.message_at(0).id == question.id  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------------- outbox


@pytest.mark.asyncio
async def test_offline_messages_are_queued_and_sent_in_order_when_back_online(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    sse_server.add(text_stream(["Answer one."]), text_stream(["Answer two."]))
    async with open_chat(qtbot, store, sse_server, online=False) as chat:
        chat.vm.set_online(False)
        assert chat.ui.offlineLabel.isVisible()
        chat.type_and_send("first question")
        await until(lambda: chat.rows() == [("user", "first question", "Queued")])
        chat.type_and_send("second question")
        await until(lambda: len(chat.rows()) == 2 and not chat.vm.busy)
        assert chat.rows() == [("user", "first question", "Queued"), ("user", "second question", "Queued")]
        assert sse_server.chat_requests() == []
        queued = chat.vm.messages.index(0).data(MessageRoles.ACTIONS)
        assert MessageAction.ANSWER_LOCALLY in queued

        chat.reachability.set_offline(False)
        await chat.vm.set_online(True)  # probes the server again, then sends the outbox  # type: ignore[misc]
        assert not chat.ui.offlineLabel.isVisible()
        await until(lambda: len(chat.rows()) == 4 and all(status == "" for _r, _t, status in chat.rows()))
        assert chat.rows() == [
            ("user", "first question", ""),
            ("assistant", "Answer one.", ""),
            ("user", "second question", ""),
            ("assistant", "Answer two.", ""),
        ]
        requests = sse_server.chat_requests()
        assert [user_texts(r.json) for r in requests] == [
            ["first question"],
            ["first question", "second question"],
        ]


@pytest.mark.asyncio
async def test_a_queued_message_can_be_answered_on_this_computer(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    async with open_chat(qtbot, store, sse_server, online=False) as chat:
        chat.type_and_send("no network here")
        await until(lambda: chat.rows() == [("user", "no network here", "Queued")] and not chat.vm.busy)
        chat.click_message_button(chat.last_id(Role.USER), MessageAction.ANSWER_LOCALLY)
        await until(lambda: chat.rows()[-1] == ("assistant", "Answered on this computer.", ""))
        assert chat.rows()[0] == ("user", "no network here", "")
        assert chat.vm.messages.message_at(1).model == LOCAL  # type: ignore[union-attr]
        assert sse_server.chat_requests() == [] and len(chat.local.requests) == 1


# ---------------------------------------------------------------------------------------------------- drafts, search


@pytest.mark.asyncio
async def test_drafts_are_saved_per_conversation_and_restored_after_a_restart(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    first = repo.create_conversation(title="First", model=SONNET)
    second = repo.create_conversation(title="Second", model=SONNET)
    async with open_chat(qtbot, store, sse_server, select=first.id) as chat:
        qtbot.keyClicks(chat.ui.composer, "half-written thought")
        await until(lambda: (repo.get_draft(first.id) or None) is not None)
        assert repo.get_draft(first.id).text == "half-written thought"  # type: ignore[union-attr]
        await chat.vm.select_conversation(second.id)  # type: ignore[misc]
        assert chat.ui.composer.toPlainText() == ""
        qtbot.keyClicks(chat.ui.composer, "typed just before quitting")
    # closing saved the second draft at once, without waiting for the debounce
    assert repo.get_draft(second.id).text == "typed just before quitting"  # type: ignore[union-attr]

    async with open_chat(qtbot, store, sse_server, select=first.id) as again:  # a new start over the same store
        assert again.ui.composer.toPlainText() == "half-written thought"
        await again.vm.select_conversation(second.id)  # type: ignore[misc]
        assert again.ui.composer.toPlainText() == "typed just before quitting"


@pytest.mark.asyncio
async def test_search_shows_highlighted_snippets_and_jumps_to_the_message(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    other = repo.create_conversation(title="Groceries", model=SONNET)
    repo.add_message(other.id, Role.USER, "Buy milk and bread")
    history = repo.create_conversation(title="Animals", model=SONNET)
    target = repo.add_message(history.id, Role.USER, "Tell me about the zebra and its stripes")
    for number in range(130):  # the hit is far above the newest page
        repo.add_message(history.id, Role.ASSISTANT if number % 2 else Role.USER, f"filler message {number}")
    async with open_chat(qtbot, store, sse_server, select=other.id) as chat:
        qtbot.keyClicks(chat.ui.searchEdit, "zebr")
        await until(lambda: chat.vm.search_results.rowCount() == 1)
        assert chat.ui.searchResultsList.isVisible()
        assert chat.ui.searchResultsLabel.text() == "Messages (1)"
        hit = chat.vm.search_results.index(0)
        assert '<b style="background-color:#fde68a;">zebra</b>' in hit.data(SearchRoles.SNIPPET_HTML)
        assert hit.data(SearchRoles.TITLE) == "Animals"

        rect = chat.ui.searchResultsList.visualRect(hit)
        qtbot.mouseClick(chat.ui.searchResultsList.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        await until(lambda: chat.ui.transcript.currentIndex().data(MessageRoles.ID) == target.id)
        assert chat.vm.current_id == history.id and chat.ui.titleLabel.text() == "Animals"
        assert chat.vm.messages.rowCount() > chat.vm.page_size  # older pages were brought in to reach it

        chat.ui.searchEdit.clear()
        await until(lambda: chat.vm.search_results.rowCount() == 0)
        assert not chat.ui.searchResultsList.isVisible()


@pytest.mark.asyncio
async def test_older_messages_page_in_when_scrolled_to_the_top(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    conversation = repo.create_conversation(title="Long", model=SONNET)
    for number in range(300):
        repo.add_message(conversation.id, Role.USER, f"line {number}")
    async with open_chat(qtbot, store, sse_server, select=conversation.id) as chat:
        model = chat.vm.messages
        await until(lambda: model.rowCount() >= chat.vm.page_size)
        first_count = model.rowCount()
        assert first_count < 300 and model.has_older
        assert model.message_at(model.rowCount() - 1).content == "line 299"  # type: ignore[union-attr]
        bar = chat.ui.transcript.verticalScrollBar()
        await until(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())  # opened at the newest message
        bar.setValue(bar.minimum())
        await until(lambda: model.rowCount() > first_count)
        assert model.message_at(0).seq < 300 - first_count + 1  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------------- conversations


@pytest.mark.asyncio
async def test_delete_with_undo_rename_and_pin(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    older = repo.create_conversation(title="Older", model=SONNET)
    newer = repo.create_conversation(title="Newer", model=SONNET)
    async with open_chat(qtbot, store, sse_server, select=newer.id) as chat:
        assert chat.conversation_titles() == ["Newer", "Older"]
        menu = chat.panel.conversation_menu(chat.vm.conversations.conversation(newer.id))  # type: ignore[arg-type]
        delete = next(a for a in menu.actions() if a.text() == "&Delete")
        delete.trigger()
        await until(lambda: chat.conversation_titles() == ["Older"])
        assert chat.ui.undoBar.isVisible() and chat.ui.undoLabel.text() == "“Newer” was deleted."
        assert repo.get_conversation(newer.id).deleted_at is not None  # type: ignore[union-attr]
        await until(lambda: chat.vm.current_id == older.id)

        chat.click(chat.ui.undoButton)
        await until(lambda: chat.conversation_titles() == ["Newer", "Older"] and chat.vm.current_id == newer.id)
        assert not chat.ui.undoBar.isVisible()
        assert repo.get_conversation(newer.id).deleted_at is None  # type: ignore[union-attr]

        dialog = chat.panel.rename(chat.vm.conversations.conversation(older.id))  # type: ignore[arg-type]
        dialog.setTextValue("Renamed  conversation")
        dialog.accept()
        await until(lambda: "Renamed conversation" in chat.conversation_titles())
        await chat.vm.pin(older.id, True)
        await until(lambda: chat.conversation_titles() == ["★ Renamed conversation", "Newer"])
        stored = repo.get_conversation(older.id)
        assert stored is not None and stored.pinned and stored.title == "Renamed conversation"


@pytest.mark.asyncio
async def test_model_picker_and_conversation_settings_reach_the_request(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    async with open_chat(qtbot, store, sse_server) as chat:
        await chat.vm.new_conversation()
        combo = chat.ui.modelCombo
        gpt = next(r for r in range(combo.count()) if combo.itemText(r).startswith("GPT-5.1"))
        combo.setCurrentIndex(gpt)
        combo.activated.emit(gpt)
        await until(lambda: (chat.vm.current.model if chat.vm.current else "") == "openai/gpt-5.1")

        dialog = chat.panel.open_settings()
        assert dialog is not None
        ui = dialog.ui
        ui.systemPromptEdit.setPlainText("Answer in one word.")
        ui.defaultTemperatureCheck.setChecked(False)
        ui.temperatureSpin.setValue(0.3)
        ui.jsonModeCheck.setChecked(True)
        ui.fallbackCombo.setEditText("anthropic/claude-haiku-4.5")
        chat.click(ui.addFallbackButton)
        assert dialog.fallback_models() == ["anthropic/claude-haiku-4.5"]
        dialog.accept()
        await until(lambda: chat.vm.current is not None and chat.vm.current.json_mode)
        stored = chat.repo.get_conversation(chat.vm.current_id)
        assert stored is not None
        assert (stored.system_prompt, stored.temperature, stored.fallback_models) == (
            "Answer in one word.",
            0.3,
            ("anthropic/claude-haiku-4.5",),
        )
        sse_server.add(text_stream(['{"word": "hi"}'], model="openai/gpt-5.1"))
        chat.type_and_send("Greet me")
        await until(lambda: len(chat.rows()) == 2 and chat.rows()[1][2] == "" and chat.rows()[1][1])
        body = sse_server.chat_requests()[0].json
        assert body["messages"][0] == {"role": "system", "content": "Answer in one word."}
        assert body["temperature"] == 0.3
        assert body["models"] == ["openai/gpt-5.1", "anthropic/claude-haiku-4.5"]
        assert body["response_format"] == {"type": "json_object"}


@pytest.mark.asyncio
async def test_export_runs_as_a_job_and_writes_the_file(qtbot, store, sse_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    conversation = repo.create_conversation(title="Trip plan", model=SONNET)
    repo.add_message(conversation.id, Role.USER, "Where to go?")
    repo.add_message(conversation.id, Role.ASSISTANT, "Lisbon.", model=SONNET)
    registry = TaskRegistry()
    chat_export.register_tasks(registry, lambda: repo)
    pool = JobPool(registry, JobRepository(store.sessions), workers=1)
    try:
        async with open_chat(qtbot, store, sse_server, jobs=pool, select=conversation.id) as chat:
            started: list[tuple[str, str]] = []
            chat.vm.export_started.connect(lambda job, path: started.append((job, path)))
            target = tmp_path / "trip.md"
            job_id = chat.vm.export(conversation.id, "md", str(target))
            assert job_id and started == [(job_id, str(target))]
            await until(target.exists)
            text = target.read_text(encoding="utf-8")
            assert text.startswith("# Trip plan") and "Lisbon." in text
            assert chat.vm.export(conversation.id, "pdf", str(tmp_path / "x.pdf")) == ""
            assert chat.ui.errorLabel.text() == "Export as Markdown (md) or JSON (json)."
    finally:
        pool.shutdown(wait_seconds=5.0)


@pytest.mark.asyncio
async def test_errors_are_shown_and_the_text_is_given_back(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    async with open_chat(qtbot, store, sse_server) as chat:
        chat.service._default_model = ""  # no model can be chosen: sending is refused before anything is stored
        chat.type_and_send("Is anyone there?")
        await until(lambda: chat.ui.errorLabel.isVisible())
        assert chat.ui.errorLabel.text() == "Choose a model for this conversation first."
        assert chat.ui.composer.toPlainText() == "Is anyone there?"


# ---------------------------------------------------------------------------------------------------- first run, polish


def choose_model(chat: Chat, model_id: str) -> None:
    combo = chat.ui.modelCombo
    row = chat.vm.model_choices.row_of(model_id)
    assert row >= 0, f"{model_id} is not in the picker"
    combo.setCurrentIndex(row)
    combo.activated.emit(row)


@pytest.mark.asyncio
async def test_the_offline_hint_shows_only_for_a_remote_model_that_cannot_be_reached(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    async with open_chat(qtbot, store, sse_server, online=False, default_model=LOCAL) as chat:
        await chat.vm.set_online(False)  # type: ignore[misc]
        assert not chat.ui.offlineLabel.isVisible()  # the on-device model always answers
        choose_model(chat, SONNET)
        assert chat.ui.offlineLabel.isVisible()
        assert "Claude Sonnet 4.5 cannot be reached" in chat.ui.offlineLabel.text()
        choose_model(chat, LOCAL)
        assert not chat.ui.offlineLabel.isVisible()

        chat.type_and_send("hello on device")
        await until(lambda: chat.rows()[-1] == ("assistant", "Answered on this computer.", ""))
        assert not chat.ui.offlineLabel.isVisible()
        choose_model(chat, SONNET)  # the open conversation's model changes
        await until(lambda: chat.ui.offlineLabel.isVisible())
        chat.reachability.set_offline(False)
        await chat.vm.set_online(True)  # type: ignore[misc]
        assert not chat.ui.offlineLabel.isVisible()


@pytest.mark.asyncio
async def test_without_a_remote_provider_a_new_user_sees_no_offline_warning(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    async with open_chat(qtbot, store, sse_server, default_model=LOCAL, providers=False) as chat:
        await chat.vm.set_online(False)  # type: ignore[misc]  # e.g. no internet: the default provider's host is down
        assert not chat.ui.offlineLabel.isVisible()
        choose_model(chat, SONNET)  # no key for it: sending says what to set up, not "offline"
        assert not chat.ui.offlineLabel.isVisible()


class ShowEvents(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.Show
        return False


@pytest.mark.asyncio
async def test_first_run_shows_what_to_do_and_sending_starts_a_conversation(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    async with open_chat(qtbot, store, sse_server, default_model=LOCAL) as chat:
        assert chat.vm.current is None and chat.conversation_titles() == []
        empty = chat.ui.emptyTranscript
        assert empty.isVisible() and empty.geometry() == chat.ui.transcript.geometry()  # over the (empty) list
        assert chat.ui.transcriptArea.childAt(chat.ui.transcript.geometry().center()) is empty
        text = empty.text()
        assert "Start a conversation" in text
        assert "Test model (on this computer)" in text and "Ctrl+Enter" in text

        shown_again = ShowEvents()
        chat.ui.transcript.installEventFilter(shown_again)
        chat.type_and_send("What can you do?")
        await until(lambda: chat.rows()[-1:] == [("assistant", "Answered on this computer.", "")])
        assert chat.conversation_titles() == ["What can you do?"]
        assert chat.vm.current is not None and chat.vm.current.model == LOCAL
        assert chat.ui.transcript.isVisible() and not empty.isVisible()
        assert shown_again.count == 0  # the list was never hidden: no layout of it anew at the first message
        assert chat.ui.composer.toPlainText() == ""

        await chat.vm.new_conversation()  # an empty conversation says so too
        assert empty.isVisible() and "Ask anything" in empty.text()


@pytest.mark.asyncio
async def test_on_device_answers_show_the_model_name_and_estimated_tokens(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    conversation = repo.create_conversation(title="Local chat", model=LOCAL)
    question = repo.add_message(conversation.id, Role.USER, "q" * 40, model=LOCAL)
    repo.add_message(conversation.id, Role.ASSISTANT, "a" * 400, model=LOCAL, parent_id=question.id)
    async with open_chat(qtbot, store, sse_server, select=conversation.id) as chat:
        answer = chat.vm.messages.index(1)
        assert answer.data(MessageRoles.HEADER) == "Assistant · Test model (on this computer)"
        assert LOCAL in answer.data(Qt.ItemDataRole.ToolTipRole)  # the exact id is still at hand
        assert answer.data(MessageRoles.USAGE_TEXT) == "~104 tokens out (estimate), on device, free"
        # 440 characters in 2 messages: 440 / 4 + 2 * 4
        await until(lambda: chat.panel.full_text(chat.ui.totalsLabel) == "~118 tokens (estimate), on device, free")


@pytest.mark.asyncio
async def test_long_titles_are_elided_with_the_date_below_and_no_horizontal_scrolling(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    long_title = "A very long conversation title that could never fit into the narrow list at the side " * 2
    repo.create_conversation(title=long_title.strip(), model=SONNET)
    pinned = repo.create_conversation(title="Pinned notes", model=SONNET)
    repo.update_conversation(pinned.id, pinned=True)
    async with open_chat(qtbot, store, sse_server) as chat:
        view = chat.ui.conversationList
        await until(lambda: chat.vm.conversations_proxy.rowCount() == 2)
        assert chat.conversation_titles()[0] == "★ Pinned notes"
        assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        assert not view.horizontalScrollBar().isVisible()
        index = chat.vm.conversations_proxy.index(1, 0)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.font = view.font()
        option.rect = view.visualRect(index)
        assert option.rect.width() <= view.viewport().width()
        title, when = chat.panel.conversation_delegate.lines(option, index)
        assert title.endswith("…") and long_title.startswith(title[:-1])
        assert when.startswith("Today")
        assert "Last active" in index.data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.asyncio
async def test_the_title_a_new_conversation_gets_repaints_its_row_of_the_list_alone(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    for number in range(12):
        repo.create_conversation(title=f"Older conversation {number}", model=SONNET)
    sse_server.add(text_stream(["Plans, then."]))
    async with open_chat(qtbot, store, sse_server) as chat:
        await until(lambda: chat.vm.conversations_proxy.rowCount() == 12)
        await chat.vm.new_conversation()
        await until(lambda: chat.conversation_titles()[0] == "New conversation")
        view = chat.ui.conversationList
        view.viewport().repaint()  # what the new row asked for is painted now, before counting
        delegate = chat.panel.conversation_delegate
        painted: list[tuple[int, str]] = []
        lines = delegate.lines

        def counted(option: QStyleOptionViewItem, index: Any) -> tuple[str, str]:
            shown = lines(option, index)
            painted.append((index.row(), shown[0]))
            return shown

        delegate.lines = counted  # type: ignore[method-assign]
        assert chat.vm.send("Holiday plans for June")
        await until(lambda: (0, "Holiday plans for June") in painted)
        await until(lambda: not chat.vm.busy and chat.rows()[-1][1] == "Plans, then.")
        titles = chat.conversation_titles()
        assert (titles[0], len(titles)) == ("Holiday plans for June", 13)
        assert {row for row, _title in painted} == {0}  # not the other ~20 rows a QListView repaints


@pytest.mark.asyncio
async def test_the_composer_starts_small_and_escape_stops_the_answer(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    sse_server.add(endless_tokens(delay=0.03))
    async with open_chat(qtbot, store, sse_server) as chat:
        composer = chat.ui.composer
        line = composer.fontMetrics().lineSpacing()
        assert 2 * line < composer.height() <= 5 * line + 24  # three to four lines
        assert chat.ui.transcriptArea.height() > 3 * composer.height()  # the transcript gets most of the space

        chat.type_and_send("Count for me")
        await until(lambda: len(chat.rows()) == 2 and "tok2" in chat.rows()[1][1])
        composer.setFocus()
        qtbot.keyClick(composer, Qt.Key.Key_Escape)
        await until(lambda: chat.rows()[1][2] == "Stopped")
        assert chat.stored(chat.vm.current_id)[1][2] == "cancelled"
        qtbot.keyClicks(composer, "next")
        qtbot.keyClick(composer, Qt.Key.Key_Escape)  # nothing to stop: the text stays
        assert composer.toPlainText() == "next"
        chat.click_message_button(chat.last_id(Role.USER), MessageAction.EDIT)
        assert chat.ui.editBar.isVisible() and composer.toPlainText() == "Count for me"
        qtbot.keyClick(composer, Qt.Key.Key_Escape)  # ends the edit, the draft comes back
        assert not chat.ui.editBar.isVisible() and composer.toPlainText() == "next"


@pytest.mark.asyncio
async def test_rows_keep_their_layout_when_the_scroll_bar_appears(qtbot, store, sse_server) -> None:  # type: ignore[no-untyped-def]
    sse_server.add(text_stream([f"Paragraph {n} " + "word " * 40 + "\n\n" for n in range(60)], delay=0.005))
    async with open_chat(qtbot, store, sse_server) as chat:
        transcript = chat.ui.transcript
        bar = transcript.verticalScrollBar()
        chat.type_and_send("Write a lot")
        await until(lambda: len(chat.rows()) == 2)
        question = chat.vm.messages.index(0)
        await until(lambda: transcript.visualRect(question).height() > 0)
        assert not bar.isVisible()
        delegate = chat.panel.delegate
        before = delegate.sizeHint(chat._option(0), question).width()
        layout = delegate.layout(chat._option(0), question)
        assert delegate.layout(chat._option(0), question) is layout  # painting reuses what measuring found
        await until(lambda: bar.isVisible() and chat.rows()[1][2] == "")
        assert delegate.sizeHint(chat._option(0), question).width() == before  # no new layout for every row


# ---------------------------------------------------------------------------------------------------- images


@pytest.mark.asyncio
async def test_an_attached_image_is_stored_and_sent_with_the_message(qtbot, store, sse_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    from vector_desktop.config import load_config
    from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
    from vector_desktop.services.storage.image_upload_service import ImageUploadService

    storage = CloudStorageService(load_config([], environ={}), local_root=tmp_path / "storage")
    images = ImageUploadService(storage, thumbnail_dir=tmp_path / "thumbs")
    picture = tmp_path / "red square.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))

    async def uploader(path: str) -> tuple[str, str]:
        return await storage.run(images.attach_for_chat, Path(path))

    sse_server.add(text_stream(["A red square."]))
    try:
        async with open_chat(qtbot, store, sse_server, image_uploader=uploader) as chat:
            assert not chat.ui.clearAttachmentsButton.isVisible()
            await chat.vm.attach_file(str(picture))
            assert chat.ui.attachmentsLabel.text() == "With this message: red square.png"
            assert chat.ui.clearAttachmentsButton.isVisible()
            chat.type_and_send("What is this?")
            await until(lambda: len(chat.rows()) == 2 and chat.rows()[1][1] == "A red square.")
            assert chat.ui.attachmentsLabel.text() == ""
            user = next(m for m in sse_server.chat_requests()[0].json["messages"] if m["role"] == "user")
            parts = {part["type"]: part for part in user["content"]}
            assert parts["text"]["text"] == "What is this?"
            assert parts["image_url"]["image_url"]["url"].startswith("data:image/png;base64,")
        assert (tmp_path / "storage" / images.default_key(picture)).exists()  # kept in Storage
    finally:
        storage.close()


@pytest.mark.asyncio
async def test_a_file_that_is_not_an_image_is_refused_with_a_message(qtbot, store, sse_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.config import load_config
    from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
    from vector_desktop.services.storage.image_upload_service import ImageUploadService

    storage = CloudStorageService(load_config([], environ={}), local_root=tmp_path / "storage")
    images = ImageUploadService(storage, thumbnail_dir=tmp_path / "thumbs")
    fake = tmp_path / "notes.png"
    fake.write_text("just text, named like a picture")

    async def uploader(path: str) -> tuple[str, str]:
        return await storage.run(images.attach_for_chat, Path(path))

    try:
        async with open_chat(qtbot, store, sse_server, image_uploader=uploader) as chat:
            errors: list[str] = []
            chat.vm.error_occurred.connect(errors.append)
            await chat.vm.attach_file(str(fake))
            assert errors and "image" in errors[0].lower()
            assert chat.vm.attachments == []
    finally:
        storage.close()
