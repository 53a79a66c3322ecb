"""Scrolling back through a long conversation keeps per-row pixmaps and laid-out documents only for rows near the
viewport (issue 15), and rows scrolled away from and back to look as they did and still answer clicks. A reader
scrolled back keeps their place while an answer grows below, and one at the end follows it.

The real chat panel over a real ChatService and store; pages of older messages come in at the top as the user
pages up. Async tests run on the qasync loop; conditions are awaited with asyncio."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QListView, QScrollBar, QStyleOptionViewItem

from tests.support.chat_panel_driver import ChatPanelDriver, until
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.models import seed_model_infos
from vector_desktop.domain.chat import Message, MessageStatus, Role
from vector_desktop.presentation.chat.chat_models import MessageAction, MessageListModel, MessageRoles
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.views.chat import row_pixmaps
from vector_desktop.views.chat.chat_panel import ChatPanel
from vector_desktop.views.chat.message_delegate import MessageDelegate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MESSAGES = 300


def answer(number: int) -> str:
    text = f"Answer **{number}**: the cache keeps what is near the viewport and lets the rest go.\n\n"
    if number % 5 == 0:
        text += f"```python\nprint({number})\n```\n\nThat prints {number}."
    return text


class Chat(ChatPanelDriver):
    def __init__(self, qtbot: Any, store: Any, **service_options: Any) -> None:
        self.qtbot = qtbot
        self.repo = ChatRepository(store.sessions)
        self.client = LLMClient([], timeout=10.0, max_retries=0)
        self.service = ChatService(self.repo, self.client, default_model="local:test-model", **service_options)
        self.vm = ChatViewModel(self.service, models=seed_model_infos, check_context=self.client.check_context)
        self.panel = ChatPanel(self.vm)
        qtbot.addWidget(self.panel)
        self.panel.resize(1100, 760)
        self.panel.show()
        self.ui = self.panel.ui
        self.delegate: MessageDelegate = self.panel.delegate

    @property
    def bar(self) -> QScrollBar:
        return self.ui.transcript.verticalScrollBar()

    def frame(self) -> QImage:
        """The transcript's viewport painted as the view paints it."""
        return self.ui.transcript.viewport().grab().toImage()

    def laid_out(self) -> bool:
        """The view placed every row (it lays them out after the events that changed them)."""
        model = self.vm.messages
        return self.ui.transcript.visualRect(model.index(model.rowCount() - 1)).isValid()

    async def page_up_until(self, rows: int) -> int:
        """Page Up, as a reader would, painting each step, until `rows` messages are in (older pages come in).
        Returns the steps taken."""
        model = self.vm.messages
        for step in range(2000):  # a guard against a loop that never ends, not a timing
            await until(self.laid_out)
            if model.rowCount() >= rows or not model.has_older:
                return step
            self.bar.triggerAction(QScrollBar.SliderAction.SliderPageStepSub)
            self.frame()
        raise AssertionError("older pages did not come in")


@asynccontextmanager
async def open_long_chat(qtbot: Any, store: Any, **service_options: Any) -> AsyncIterator[tuple[Chat, list[Message]]]:
    chat = Chat(qtbot, store, **service_options)
    conversation = chat.repo.create_conversation(title="Long", model="local:test-model")
    for number in range(MESSAGES // 2):
        chat.repo.add_message(conversation.id, Role.USER, f"Question {number}: what stays in memory?")
        chat.repo.add_message(conversation.id, Role.ASSISTANT, answer(number))
    messages = chat.repo.messages_page(conversation.id, limit=MESSAGES)
    await chat.vm.load(conversation.id)
    try:
        yield chat, messages
    finally:
        await chat.vm.aclose()
        await chat.client.aclose()


@pytest.mark.asyncio
async def test_scrolling_back_keeps_only_the_rows_near_the_viewport(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    async with open_long_chat(qtbot, store) as (chat, messages):
        model, delegate, viewport = chat.vm.messages, chat.delegate, chat.ui.transcript.viewport()
        await until(lambda: model.rowCount() > 0 and chat.bar.maximum() > 0 and chat.bar.value() == chat.bar.maximum())
        newest = messages[-1]
        first = chat.frame()
        assert newest.id in delegate._pixmaps and newest.id in delegate._layouts  # painted from the caches

        steps = await chat.page_up_until(MESSAGES)
        assert model.rowCount() == MESSAGES and steps > 20  # scrolled through, screen by screen

        screen_bytes = viewport.width() * viewport.height() * 4 * viewport.devicePixelRatioF() ** 2
        assert delegate._pixmaps.bytes <= max(row_pixmaps.SCREENS * screen_bytes, row_pixmaps.MIN_BUDGET_BYTES)
        assert delegate._layouts.weight <= delegate._layouts.budget
        assert len(delegate.renderer) <= len(delegate._layouts) < MESSAGES // 2
        assert len(delegate._texts) <= len(delegate._layouts)
        # The newest rows, far below now, keep nothing: no pixmap, no layout, no rendered document.
        assert newest.id not in delegate._pixmaps and newest.id not in delegate._layouts
        assert delegate.renderer.cached(newest.id) is None

        chat.bar.setValue(chat.bar.maximum())  # back to the latest messages
        assert chat.frame() == first  # painted again from the messages: the same picture
        chat.click_message_button(newest.id, MessageAction.COPY)  # its buttons are found again
        assert QGuiApplication.clipboard().text() == newest.content


def streaming_answer_below(chat: Chat) -> Message:
    model = chat.vm.messages
    last = model.message_at(model.rowCount() - 1)
    assert last is not None
    answer = Message(
        id=10**6, conversation_id=last.conversation_id, seq=last.seq + 1, role=Role.ASSISTANT, content="Let me see.",
        status=MessageStatus.STREAMING, created_at=last.created_at, model="local:test-model",
    )  # fmt: skip
    model.insert_message(answer)
    return answer


@pytest.mark.asyncio
async def test_a_reader_scrolled_back_keeps_their_place_while_an_answer_grows(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    async with open_long_chat(qtbot, store) as (chat, _messages):
        model, view = chat.vm.messages, chat.ui.transcript
        answer = streaming_answer_below(chat)
        await until(lambda: chat.laid_out() and chat.bar.value() == chat.bar.maximum() > 0)
        assert model.rowCount() > 40  # more rows than Qt lays out in one batch of its batched mode

        chat.bar.setValue(chat.bar.maximum() // 2)  # the reader goes back up to read an earlier answer
        await until(chat.laid_out)
        place = chat.bar.value()
        top_row = view.indexAt(view.viewport().rect().topLeft()).row()
        picture = chat.frame()
        moves: list[int] = []
        chat.bar.valueChanged.connect(moves.append)
        for _update in range(12):  # the answer below grows, line after line
            model.append_text(answer.id, " and a few more words about it" * 4)
            await asyncio.sleep(0.03)
            assert chat.frame() == picture  # what the reader reads does not move, not even for a frame
        await until(chat.laid_out)
        assert moves == [] and chat.bar.value() == place
        assert view.indexAt(view.viewport().rect().topLeft()).row() == top_row

        end = chat.bar.maximum()
        for _step in range(200):  # the reader goes down to the answer, screen by screen
            chat.bar.triggerAction(QScrollBar.SliderAction.SliderPageStepAdd)
            await until(chat.laid_out)
            chat.frame()
            if chat.bar.value() == chat.bar.maximum():
                break
        assert chat.bar.maximum() > end  # the answer did grow (below the reader), and shows whole at the end
        bottom = view.visualRect(model.index(model.rowCount() - 1)).bottom()
        assert bottom == view.viewport().rect().bottom()


@pytest.mark.asyncio
async def test_a_reader_at_the_end_follows_the_growing_answer(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    async with open_long_chat(qtbot, store) as (chat, _messages):
        view = chat.ui.transcript
        answer = streaming_answer_below(chat)
        await until(lambda: chat.laid_out() and chat.bar.value() == chat.bar.maximum() > 0)
        start = chat.bar.maximum()
        for _update in range(12):
            chat.vm.messages.append_text(answer.id, " and a few more words about it" * 4)
            await asyncio.sleep(0.03)
            await until(lambda: chat.laid_out() and chat.bar.value() == chat.bar.maximum())
            bottom = view.visualRect(chat.vm.messages.index(chat.vm.messages.rowCount() - 1)).bottom()
            assert bottom == view.viewport().rect().bottom()  # the answer's last line in view
        assert chat.bar.maximum() > start  # it grew, and was followed


def seqs(chat: Chat) -> list[int]:
    model = chat.vm.messages
    return [model.message_at(row).seq for row in range(model.rowCount())]  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_pages_read_back_go_once_the_reader_is_back_at_the_end(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    async with open_long_chat(qtbot, store) as (chat, messages):
        model, controls = chat.vm.messages, chat.panel.transcript
        controls.trim_timer.setInterval(200)
        keep = 2 * chat.vm.page_size
        await chat.page_up_until(MESSAGES)
        assert model.rowCount() == MESSAGES and not model.has_older
        await asyncio.sleep(0.4)
        assert model.rowCount() == MESSAGES  # scrolled back: everything the reader paged through stays

        chat.bar.setValue(chat.bar.maximum())  # back at the end
        await until(lambda: chat.laid_out() and chat.bar.value() == chat.bar.maximum())
        picture = chat.frame()
        await until(lambda: model.rowCount() == keep)
        await until(lambda: chat.laid_out() and chat.bar.value() == chat.bar.maximum())
        assert chat.frame() == picture  # nothing on screen moved
        assert seqs(chat) == [m.seq for m in messages[-keep:]] and model.has_older

        answer = streaming_answer_below(chat)  # an answer arriving now is followed, as at the end of any chat
        model.append_text(answer.id, " and a few more words about it" * 8)
        await until(lambda: chat.laid_out() and chat.bar.value() == chat.bar.maximum())
        bottom = chat.ui.transcript.visualRect(model.index(model.rowCount() - 1)).bottom()
        assert bottom == chat.ui.transcript.viewport().rect().bottom()

        await chat.page_up_until(MESSAGES + 1)  # the pages come in again when the reader goes back up
        assert seqs(chat) == [m.seq for m in messages] + [answer.seq] and not model.has_older


@pytest.mark.asyncio
async def test_a_question_sent_from_far_back_is_shown_and_followed_at_the_end(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    async with open_long_chat(qtbot, store) as (chat, _messages):
        model, view, controls = chat.vm.messages, chat.ui.transcript, chat.panel.transcript
        controls.trim_timer.setInterval(200)
        await chat.page_up_until(MESSAGES)  # the reader at the top of the pages they brought in, reading
        chat.type_and_send("One more question, from up here")
        await until(lambda: model.rowCount() > MESSAGES and chat.laid_out())
        await until(lambda: chat.bar.value() == chat.bar.maximum())  # taken to the end, where the question is
        question = model.index(model.rowCount() - 2)
        assert question.data(MessageRoles.TEXT) == "One more question, from up here"
        assert view.visualRect(question).intersects(view.viewport().rect())
        await until(lambda: model.rowCount() == 2 * chat.vm.page_size)  # and the pages read back go after a while
        assert model.index(model.rowCount() - 2).data(MessageRoles.TEXT) == "One more question, from up here"


@pytest.mark.asyncio
async def test_a_short_stay_at_the_end_lets_nothing_go(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    async with open_long_chat(qtbot, store) as (chat, _messages):
        model, controls = chat.vm.messages, chat.panel.transcript
        controls.trim_timer.setInterval(300)
        await chat.page_up_until(MESSAGES)
        chat.bar.setValue(chat.bar.maximum())  # at the end (the timer starts) ...
        chat.bar.setValue(chat.bar.maximum() // 2)  # ... and back up before it fires
        await asyncio.sleep(0.6)
        assert model.rowCount() == MESSAGES


@pytest.mark.asyncio
async def test_pages_loaded_to_find_a_message_stay_while_it_is_looked_for(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    # The store's calls on a worker thread, as in the app (the jump's pages take turns of the loop to come).
    async with open_long_chat(qtbot, store, run_blocking=asyncio.to_thread) as (chat, messages):
        oldest = messages[0]
        jump = chat.vm.jump_to_message(oldest.conversation_id, oldest.id)  # a search hit far back
        trimmed = []
        while not jump.done():  # the timer of a reader who was at the end fires meanwhile
            trimmed.append(chat.vm.trim_older())
            await asyncio.sleep(0)
        await jump
        assert len(trimmed) > 1 and set(trimmed) == {0}
        assert chat.vm.messages.row_of(oldest.id) == 0


class Transcript:
    """The chat's delegate in a QListView of its own over a model of many finished rows."""

    def __init__(self, qtbot: Any, messages: list[Message]) -> None:
        self.model = MessageListModel()
        self.model.reset("c", messages, False)
        self.view = QListView()
        self.view.setModel(self.model)
        self.delegate = MessageDelegate(parent=self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setGeometry(300, 300, 700, 400)  # not under the pointer (at 0, 0): no row shows as hovered
        qtbot.addWidget(self.view)
        self.view.show()
        qtbot.waitExposed(self.view)

    def show_row(self, row: int) -> None:
        self.view.scrollTo(self.model.index(row), QListView.ScrollHint.PositionAtTop)
        self.view.viewport().grab()


def finished_rows(count: int) -> list[Message]:
    return [
        Message(id=n, conversation_id="c", seq=n, role=Role.ASSISTANT, content=answer(n), model="m")
        for n in range(1, count + 1)
    ]


@pytest.fixture
def transcript(qtbot: Any) -> Iterator[Transcript]:
    yield Transcript(qtbot, finished_rows(200))


def test_a_streaming_answer_keeps_its_document_when_scrolled_far_away(qtbot: Any) -> None:
    streaming = Message(
        id=999, conversation_id="c", seq=999, role=Role.ASSISTANT, content="Paragraph one.\n\nPara", model="m",
        status=MessageStatus.STREAMING,
    )  # fmt: skip
    transcript = Transcript(qtbot, [*finished_rows(200), streaming])
    transcript.show_row(200)
    rendered = transcript.delegate.renderer.cached(streaming.id)
    assert rendered is not None and not rendered.final

    for row in range(190, -1, -5):  # up to the first row, a few rows at a time
        transcript.show_row(row)
    assert streaming.id not in transcript.delegate._layouts and 200 not in transcript.delegate._layouts
    assert transcript.delegate.renderer.cached(200) is None  # a finished row's document goes with its layout
    assert transcript.delegate.renderer.cached(streaming.id) is rendered  # still growing: kept to grow in place


def test_rows_scrolled_back_to_paint_their_own_text(transcript: Transcript) -> None:
    transcript.show_row(0)
    top = transcript.view.viewport().grab().toImage()
    for row in range(5, 200, 5):
        transcript.show_row(row)
    delegate = transcript.delegate
    assert 1 not in delegate._layouts and 1 not in delegate._pixmaps  # the first row was let go

    transcript.show_row(0)
    assert transcript.view.viewport().grab().toImage() == top
    layout = delegate.layout(option_for(transcript, 0), transcript.model.index(0))
    assert layout.body is not None
    shown = "".join(segment.document.toPlainText() for segment in layout.body.segments)
    assert shown.startswith("Answer 1: the cache keeps what is near the viewport")


def option_for(transcript: Transcript, row: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(transcript.view)
    option.widget = transcript.view
    option.font = transcript.view.font()
    option.rect = transcript.view.visualRect(transcript.model.index(row))
    return option
