"""Nothing the chat panel repaints that did not change: the conversation list is told only of changes it shows, a
transcript row's look (RowView) is made again only when something it shows changed, and a finished row is painted
once per look (a pixmap) while the QListView repaints every visible row at each change of any row."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListView, QStyleOptionViewItem, QWidget

from vector_desktop.domain.chat import Conversation, Message, MessageStatus, Role, ToolCallRecord
from vector_desktop.presentation.chat.chat_models import (
    ConversationListModel,
    MessageAction,
    MessageListModel,
    MessageRoles,
    RowView,
)
from vector_desktop.views.chat.fixed_row_list import FixedRowListView
from vector_desktop.views.chat.message_delegate import MessageDelegate
from vector_desktop.views.chat.transcript_list import TranscriptListView
from vector_desktop.views.forms.ui_chat_panel import Ui_ChatPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
NOW = datetime.now(UTC).replace(second=0, microsecond=0)


def changes(model: Any) -> list[tuple[int, int]]:
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles=(): seen.append((top.row(), bottom.row())))
    return seen


def test_the_conversation_list_is_told_only_of_what_it_shows() -> None:
    model = ConversationListModel()
    first = Conversation(id="a", title="", updated_at=NOW)
    model.set_conversations([first, Conversation(id="b", title="Older", updated_at=NOW - timedelta(days=3))])
    seen = changes(model)

    model.upsert(replace(first, model="other/model", updated_at=NOW + timedelta(seconds=20)))  # same minute
    assert seen == []
    assert model.conversation("a") is not None and model.conversation("a").model == "other/model"  # type: ignore[union-attr]
    model.upsert(replace(first, title="Holiday plans", updated_at=NOW + timedelta(seconds=20)))
    assert seen == [(0, 0)]
    model.upsert(replace(first, title="Holiday plans", updated_at=NOW + timedelta(minutes=1)))  # "Today 14:05"
    assert seen == [(0, 0), (0, 0)]


def tab_order(start: QWidget, count: int) -> list[str]:
    names: list[str] = []
    widget = start.nextInFocusChain()
    while widget is not start and len(names) < count:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(start.window()):
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    return names


def test_the_forms_lists_are_the_ones_that_skip_needless_layouts(qtbot: Any) -> None:
    panel = QWidget()
    ui = Ui_ChatPanel()
    ui.setupUi(panel)
    qtbot.addWidget(panel)
    assert isinstance(ui.conversationList, FixedRowListView) and ui.conversationList.uniformItemSizes()
    assert isinstance(ui.transcript, TranscriptListView)


def message(mid: int, seq: int, role: Role, content: str, **values: Any) -> Message:
    return Message(id=mid, conversation_id="c", seq=seq, role=role, content=content, created_at=NOW, **values)


def rows() -> list[Message]:
    call = ToolCallRecord("call_1", "calc__add", '{"a": 2, "b": 40}')
    return [
        message(1, 1, Role.USER, "What is 2 + 40?"),
        message(2, 2, Role.ASSISTANT, "", model="m", tool_calls=(call,), prompt_tokens=30, completion_tokens=4),
        message(3, 3, Role.TOOL, "42", tool_call_id="call_1", tool_name="calc__add", parent_id=2),
        message(4, 4, Role.ASSISTANT, "It is **42**.", model="m", prompt_tokens=50, completion_tokens=5),
    ]


def view(model: MessageListModel, row: int) -> RowView:
    found = model.index(row).data(MessageRoles.VIEW)
    assert isinstance(found, RowView)
    return found


def test_a_row_keeps_its_look_until_something_it_shows_changes() -> None:
    model = MessageListModel()
    model.reset("c", rows(), False)
    before = [view(model, row) for row in range(4)]
    assert [view(model, row).stamp for row in range(4)] == [v.stamp for v in before]  # asked again: the same

    model.set_busy(True)  # while an answer arrives only Copy is offered: the tool row offered only Copy already
    busy = [view(model, row) for row in range(4)]
    assert busy[2].stamp == before[2].stamp
    assert busy[0].stamp != before[0].stamp and busy[0].actions == (MessageAction.COPY,)

    model.update_message(replace(rows()[3], content="It is 42, exactly."))
    assert view(model, 3).stamp != busy[3].stamp and view(model, 3).body == "It is 42, exactly."
    # A tool row's header shows its call's arguments: it follows the answer that asked for the call.
    asked = replace(rows()[1], tool_calls=(ToolCallRecord("call_1", "calc__add", '{"a": 1, "b": 1}'),))
    model.update_message(asked)
    assert "a=1" in view(model, 2).header and view(model, 2).stamp != busy[2].stamp


class Transcript:
    """A transcript view with the chat's delegate, counting the rows it paints for real (not copied)."""

    def __init__(self, qtbot: Any, messages: list[Message] | None = None, view_class: type = QListView) -> None:
        self.model = MessageListModel()
        self.model.reset("c", rows() if messages is None else messages, False)
        self.view = view_class()
        self.view.setModel(self.model)
        self.delegate = MessageDelegate(parent=self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.resize(700, 500)
        qtbot.addWidget(self.view)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.painted: list[int] = []
        paint_row = self.delegate._paint_row

        def counted(painter: Any, option: Any, row_view: RowView, *args: Any) -> None:
            self.painted.append(row_view.message.id)
            paint_row(painter, option, row_view, *args)

        self.delegate._paint_row = counted  # type: ignore[method-assign]

    def frame(self) -> QImage:
        """The viewport painted once more, as the view paints it."""
        return self.view.viewport().grab().toImage()


@pytest.fixture
def transcript(qtbot: Any) -> Iterator[Transcript]:
    yield Transcript(qtbot)


def test_finished_rows_are_painted_once_per_look(transcript: Transcript) -> None:
    first = transcript.frame()
    transcript.painted.clear()
    assert transcript.frame() == first  # the same picture, copied
    assert transcript.painted == []

    transcript.model.update_message(replace(rows()[3], content="It is **forty-two**."))
    changed = transcript.frame()
    assert transcript.painted == [4]  # only the row that changed is painted again
    assert changed != first


def test_rows_that_change_at_every_frame_are_painted_directly(transcript: Transcript) -> None:
    streaming = message(5, 5, Role.ASSISTANT, "It is", model="m", status=MessageStatus.STREAMING)
    transcript.model.insert_message(streaming)
    transcript.frame()
    transcript.painted.clear()
    transcript.frame()
    assert transcript.painted == [5]  # streaming text: not kept


def test_rows_whose_actions_alone_change_are_copied_unless_they_show_them(qtbot: Any) -> None:
    failed_call = message(
        5, 5, Role.TOOL, "", tool_call_id="call_1", tool_name="calc__add", parent_id=2, status=MessageStatus.FAILED
    )
    transcript = Transcript(qtbot, [*rows(), failed_call], TranscriptListView)
    transcript.frame()
    transcript.painted.clear()

    transcript.model.set_busy(True)  # every row's actions change (only Copy while an answer arrives) ...
    transcript.frame()
    # ... which are painted on the hovered or selected row only: the others are the same picture, copied; the tool
    # row's header makes room for its Retry, so it is painted again.
    assert transcript.painted == [5]
    transcript.view.setCurrentIndex(transcript.model.index(3))  # the selected row shows its actions
    transcript.painted.clear()
    transcript.frame()
    assert transcript.painted == [4]


def long_conversation(count: int) -> list[Message]:
    return [
        message(n, n, Role.USER if n % 2 else Role.ASSISTANT, f"Message {n}: " + "words " * 30, model="m")
        for n in range(1, count + 1)
    ]


def paint_events(widget: QWidget) -> list[QEvent.Type]:
    """The paint events `widget` gets from now on (the event loop's, not a grab's)."""
    seen: list[QEvent.Type] = []

    class Watch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                seen.append(event.type())
            return False

    watch = Watch(widget)
    widget.installEventFilter(watch)
    return seen


def size_hints(transcript: Transcript) -> list[int]:
    """The rows whose size the view asks for from now on."""
    asked: list[int] = []
    size_hint = transcript.delegate.sizeHint

    def counted(option: Any, index: Any) -> Any:
        asked.append(index.row())
        return size_hint(option, index)

    transcript.delegate.sizeHint = counted  # type: ignore[method-assign]
    return asked


def on_screen(transcript: Transcript) -> set[int]:
    """The rows the viewport shows now."""
    view, model = transcript.view, transcript.model
    viewport = view.viewport().rect()
    return {row for row in range(model.rowCount()) if view.visualRect(model.index(row)).intersects(viewport)}


def test_the_transcript_lays_nothing_out_when_only_the_actions_change(qtbot: Any) -> None:
    transcript = Transcript(qtbot, long_conversation(60), TranscriptListView)
    model, view = transcript.model, transcript.view
    view.scrollToBottom()
    transcript.frame()
    shown = on_screen(transcript)
    assert 0 < len(shown) < 20
    asked = size_hints(transcript)

    paints = paint_events(view.viewport())
    for busy in (True, False):  # an answer starts arriving, then ends: every row hides its actions, none moves
        paints.clear()
        model.set_busy(busy)
        qtbot.waitUntil(lambda: bool(paints), timeout=2000)  # the actions are painted again ...
    assert set(asked) - shown <= {0}  # ... and only the rows painted were asked where they are (and the first)

    asked.clear()
    model.update_message(replace(model.messages()[-1], content="A much longer answer. " * 40))
    qtbot.waitUntil(lambda: len(asked) >= 60)  # a row may have grown: all of them are laid out again
    assert view.visualRect(model.index(59)).height() > view.visualRect(model.index(58)).height()


def laid_out(transcript: Transcript) -> list[tuple[int, int]]:
    """Each row's (top, height) in the list as the view has laid it out, in contents coordinates."""
    view, model = transcript.view, transcript.model
    return [
        (view.visualRect(model.index(row)).top() + view.verticalOffset(), view.visualRect(model.index(row)).height())
        for row in range(model.rowCount())
    ]


def assert_rows_follow_each_other(transcript: Transcript) -> None:
    """No gap and no overlap: each row starts where the one above ends, and has the height its delegate gives it."""
    rows_now = laid_out(transcript)
    for (top, height), (next_top, _next_height) in pairwise(rows_now):
        assert next_top == top + height
    view = transcript.view
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    for row, (_top, height) in enumerate(rows_now):
        assert height == transcript.delegate.sizeHint(option, transcript.model.index(row)).height()


def test_text_that_keeps_its_rows_height_lays_no_other_row_out(qtbot: Any) -> None:
    messages = long_conversation(60)
    streaming = message(61, 61, Role.ASSISTANT, "It is", model="m", status=MessageStatus.STREAMING)
    transcript = Transcript(qtbot, [*messages, streaming], TranscriptListView)
    model, view = transcript.model, transcript.view
    view.scrollToBottom()
    transcript.frame()
    before = laid_out(transcript)
    asked = size_hints(transcript)
    transcript.painted.clear()

    model.append_text(61, " forty")  # a few more words on the same line, as a frame of a streamed answer brings
    image = transcript.frame()
    assert set(asked) <= on_screen(transcript)  # the rows painted, not the 61 rows of the list
    assert 60 in asked
    assert 61 in transcript.painted  # and painted again with its new text
    assert laid_out(transcript) == before
    assert model.message(61).content == "It is forty"  # type: ignore[union-attr]
    assert image == transcript.frame()  # what is on screen is the view's own picture of it

    asked.clear()
    model.append_text(61, " two. " + "And then a much longer explanation of how it got there. " * 12)
    qtbot.waitUntil(lambda: len(asked) >= 61)  # the row grew: every row is laid out again
    transcript.frame()
    assert laid_out(transcript)[60][1] > before[60][1]
    assert_rows_follow_each_other(transcript)


def test_a_row_in_the_middle_changing_keeps_the_rows_below_in_place(qtbot: Any) -> None:
    transcript = Transcript(qtbot, long_conversation(40), TranscriptListView)
    model = transcript.model
    transcript.view.scrollTo(model.index(20))
    transcript.frame()
    asked = size_hints(transcript)

    middle = model.messages()[20]
    model.update_message(replace(middle, content=middle.content.replace("words", "terms")))  # the same lines
    transcript.frame()
    assert set(asked) <= on_screen(transcript) and 20 in asked  # not the 40 rows of the list
    assert_rows_follow_each_other(transcript)

    asked.clear()
    model.update_message(replace(middle, content=middle.content + " and more" * 60))  # more lines
    qtbot.waitUntil(lambda: len(asked) >= 40)
    transcript.frame()
    assert_rows_follow_each_other(transcript)
    model.update_message(replace(middle, content="Short now."))  # and fewer
    transcript.frame()
    qtbot.waitUntil(lambda: laid_out(transcript)[21][0] == laid_out(transcript)[20][0] + laid_out(transcript)[20][1])
    assert_rows_follow_each_other(transcript)


def test_a_change_while_rows_come_waits_for_their_layout(qtbot: Any) -> None:
    """A row changed in the same turn as rows were added: the list is not laid out yet, so the change cannot be
    compared with it and the pending layout places everything."""
    transcript = Transcript(qtbot, long_conversation(30), TranscriptListView)
    model = transcript.model
    transcript.frame()
    model.insert_message(message(31, 31, Role.USER, "A new question"))
    model.insert_message(message(32, 32, Role.ASSISTANT, "", model="m", status=MessageStatus.STREAMING))
    model.append_text(32, "The answer starts")
    model.append_text(32, " and goes on over several lines. " * 10)
    qtbot.waitUntil(lambda: laid_out(transcript)[-1][1] > 0)
    transcript.frame()
    assert_rows_follow_each_other(transcript)
    assert laid_out(transcript)[-1][0] > laid_out(transcript)[-3][0]


def scroll_down_to_the_end(transcript: Transcript) -> int:
    """Page Down, painting each screen, until the view shows the end of the list, as a reader would. Returns the
    steps taken."""
    bar = transcript.view.verticalScrollBar()
    for step in range(500):  # a guard against a loop that never ends, not a timing
        transcript.view.executeDelayedItemsLayout()  # (what the next turn of the event loop does before painting)
        transcript.frame()
        if bar.value() == bar.maximum():
            return step
        bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
    raise AssertionError("the end of the list was never reached")


def test_a_row_growing_far_below_the_reader_is_laid_out_when_they_come_near(qtbot: Any) -> None:
    messages = long_conversation(200)
    streaming = message(201, 201, Role.ASSISTANT, "It is", model="m", status=MessageStatus.STREAMING)
    transcript = Transcript(qtbot, [*messages, streaming], TranscriptListView)
    model, view = transcript.model, transcript.view
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)  # as the chat panel's form has it
    qtbot.waitUntil(lambda: laid_out(transcript)[-1][1] > 0)  # (a new list is laid out 20 rows per turn)
    view.scrollTo(model.index(20), QListView.ScrollHint.PositionAtTop)  # the reader, far above the answer
    picture = transcript.frame()
    before = laid_out(transcript)
    asked = size_hints(transcript)

    for _line in range(12):  # the answer below grows, line after line
        model.append_text(201, " and then a much longer explanation of how it got there" * 3)
        qtbot.wait(5)
        assert transcript.frame() == picture
    assert set(asked) <= on_screen(transcript) | {200}  # the row itself is measured, the other 200 not laid out
    end = view.verticalScrollBar().maximum()
    assert laid_out(transcript)[:-1] == before[:-1] and end == before[-1][0] + before[-1][1] - view.viewport().height()

    bar, answer_top = view.verticalScrollBar(), before[-1][0]
    bar.setValue(answer_top - 1200)  # nearer, still more than a screen below the viewport: it stays owed
    transcript.frame()
    assert bar.maximum() == end
    view.resize(700, 700)  # a taller window brings it within a screen: laid out before it can show
    view.executeDelayedItemsLayout()
    transcript.frame()
    assert bar.maximum() > end - 200
    view.resize(700, 500)
    bar.setValue(0)
    transcript.frame()
    end = bar.maximum()
    model.append_text(201, " and yet more of it" * 20)  # owed again, far below
    transcript.frame()
    assert bar.maximum() == end

    assert scroll_down_to_the_end(transcript) > 3  # the reader goes down to it
    assert view.verticalScrollBar().maximum() > end  # laid out at its full height before it showed
    assert_rows_follow_each_other(transcript)
    bottom = view.visualRect(model.index(200)).bottom()
    assert bottom == view.viewport().rect().bottom()  # and its last line is at the end of the list


@pytest.mark.parametrize("batched", [False, True], ids=["single-pass, as in the chat panel", "batched"])
def test_rows_stay_in_place_through_any_mix_of_changes(qtbot: Any, batched: bool) -> None:
    """Texts that keep or change their rows' heights, anywhere in the list, with and without a frame between (and
    with the rows laid out 20 per turn of the loop, in the view's batched mode): the list always ends up laid out as
    a new view of the same rows would be."""
    rng = random.Random(11)
    transcript = Transcript(qtbot, long_conversation(90), TranscriptListView)
    model = transcript.model
    if batched:
        transcript.view.setLayoutMode(QListView.LayoutMode.Batched)
        transcript.view.setBatchSize(20)
    transcript.frame()
    for _step in range(60):
        row = rng.randrange(model.rowCount())
        current = model.messages()[row]
        choice = rng.random()
        if choice < 0.5:
            model.append_text(current.id, rng.choice([" a", " word", " a few more words", " long line " * 12]))
        elif choice < 0.8:
            model.update_message(replace(current, content=rng.choice(["Short.", current.content[:40], "x " * 200])))
        else:
            model.insert_message(message(100 + _step, 100 + _step, Role.ASSISTANT, "New row " * rng.randrange(1, 40)))
        if rng.random() < 0.4:
            transcript.frame()
        if rng.random() < 0.4:
            qtbot.wait(rng.choice([0, 1, 5]))  # part of a batched layout done, or all of it
    qtbot.waitUntil(lambda: laid_out(transcript)[-1][1] > 0)
    scroll_down_to_the_end(transcript)  # (rows that grew far below the reader are laid out when they come near)
    assert_rows_follow_each_other(transcript)

    fresh = Transcript(qtbot, model.messages(), TranscriptListView)
    fresh.frame()
    assert laid_out(fresh) == laid_out(transcript)
