"""The chat panel's item models and the markdown renderer, without widgets (a QApplication exists for pytest-qt)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from vector_desktop.ai.models import ModelInfo
from vector_desktop.domain.chat import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    Conversation,
    Message,
    MessageStatus,
    Role,
    SearchHit,
    ToolCallRecord,
)
from vector_desktop.presentation.chat.chat_models import (
    ConversationListModel,
    ConversationRoles,
    MessageAction,
    MessageListModel,
    MessageRoles,
    ModelChoicesModel,
    SearchResultsModel,
    SearchRoles,
    format_cost,
    format_tokens,
    model_label,
)
from vector_desktop.presentation.chat.markdown_render import SEGMENT_CHARS, MarkdownRenderer, markdown_to_html

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def conversation(cid: str, minutes_ago: int, pinned: bool = False, title: str = "") -> Conversation:
    return Conversation(id=cid, title=title or cid, pinned=pinned, updated_at=NOW - timedelta(minutes=minutes_ago))


def message(mid: int, seq: int, role: Role = Role.USER, content: str = "", **values: Any) -> Message:
    return Message(id=mid, conversation_id="c1", seq=seq, role=role, content=content or f"message {mid}", **values)


class Changes:
    """Records a model's structural signals."""

    def __init__(self, model: Any) -> None:
        self.events: list[tuple[Any, ...]] = []
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.rowsInserted.connect(lambda _p, first, last: self.events.append(("inserted", first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.events.append(("removed", first, last)))
        model.rowsMoved.connect(lambda _p, start, end, _d, row: self.events.append(("moved", start, end, row)))
        model.dataChanged.connect(
            lambda tl, br, roles=None: self.events.append(("changed", tl.row(), br.row(), tuple(roles or ())))
        )


# ---------------------------------------------------------------------------------------------------- conversations


def test_conversation_list_orders_pinned_first_and_moves_rows(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ConversationListModel()
    qtmodeltester.check(model)
    model.set_conversations([conversation("old", 90), conversation("new", 1), conversation("pin", 500, pinned=True)])
    qtmodeltester.check(model)
    assert [model.index(r).data(ConversationRoles.ID) for r in range(3)] == ["pin", "new", "old"]
    assert model.index(0).data() == "★ pin"
    assert model.index(0).data(Qt.ItemDataRole.AccessibleTextRole) == "pin, pinned"

    changes = Changes(model)
    model.upsert(conversation("old", 0))  # activity moves it up, below the pinned one
    assert [c.id for c in model.conversations()] == ["pin", "old", "new"]
    assert ("moved", 2, 2, 1) in changes.events and ("reset",) not in changes.events
    model.upsert(conversation("new", 1, pinned=True, title="Renamed"))
    assert [c.id for c in model.conversations()] == ["new", "pin", "old"]
    assert model.index(0).data() == "★ Renamed"
    model.upsert(conversation("fresh", -1))
    assert model.row_of("fresh") == 2
    deleted = Conversation(id="pin", deleted_at=NOW)
    model.upsert(deleted)
    assert [c.id for c in model.conversations()] == ["new", "fresh", "old"]
    assert ("reset",) not in changes.events


# ---------------------------------------------------------------------------------------------------- transcript


def test_message_model_passes_the_tester_and_pages_in_without_reset(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MessageListModel()
    qtmodeltester.check(model)
    model.reset("c1", [message(i, i) for i in range(51, 101)], has_older=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 50 and model.oldest_seq == 51

    changes = Changes(model)
    prepended: list[int] = []
    model.page_prepended.connect(prepended.append)
    added = model.prepend_page([message(i, i) for i in range(1, 51)], has_older=False)
    assert added == 50 and prepended == [50]
    assert changes.events == [("inserted", 0, 49)]  # one insert at the top, never a reset
    assert [model.message_at(r).seq for r in (0, 49, 50, 99)] == [1, 50, 51, 100]  # type: ignore[union-attr]
    assert not model.has_older
    assert model.prepend_page([message(5, 5)], has_older=False) == 0  # already shown


def test_a_delta_changes_one_row_only(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MessageListModel()
    qtmodeltester.check(model)
    streaming = message(3, 3, Role.ASSISTANT, "Hel", status=MessageStatus.STREAMING)
    model.reset("c1", [message(1, 1), message(2, 2, Role.ASSISTANT), streaming], has_older=False)
    changes = Changes(model)
    revision = model.index(2).data(MessageRoles.REVISION)
    assert model.append_text(3, "lo")
    assert [e[:3] for e in changes.events] == [("changed", 2, 2)]
    assert int(MessageRoles.TEXT) in changes.events[0][3]
    assert model.index(2).data(MessageRoles.TEXT) == "Hello"
    assert model.index(2).data(MessageRoles.REVISION) == revision + 1
    assert model.index(2).data(MessageRoles.STATUS_TEXT) == "Streaming…"
    assert model.index(2).data(MessageRoles.STREAMING) is True
    assert not model.append_text(99, "x")  # not shown here: ignored


def test_messages_are_placed_by_seq_and_later_ones_move_down() -> None:
    model = MessageListModel()
    queued = [message(i, i, status=MessageStatus.QUEUED) for i in (1, 2)]
    model.reset("c1", queued, has_older=False)
    answer = message(10, 2, Role.ASSISTANT, "answer to the first", parent_id=1)
    assert model.insert_message(answer)  # the store put it at seq 2 and moved the second question to 3
    assert [(m.id, m.seq) for m in model.messages()] == [(1, 1), (10, 2), (2, 3)]
    assert not model.insert_message(Message(id=11, conversation_id="other", seq=1, role=Role.USER, content="x"))
    assert model.remove_messages([10, 2]) == 2
    assert [m.id for m in model.messages()] == [1]


def test_row_roles_for_usage_tool_calls_errors_and_actions() -> None:
    model = MessageListModel()
    calls = (ToolCallRecord("call_1", "add", '{"a": 1}'),)
    rows = [
        message(1, 1, status=MessageStatus.QUEUED),
        message(2, 2, Role.ASSISTANT, "Hi", prompt_tokens=1200, completion_tokens=34, cost=0.000123, model="m/x"),
        message(3, 3, Role.ASSISTANT, "Part", status=MessageStatus.INTERRUPTED, error="The server went away."),
        message(4, 4, Role.ASSISTANT, "", tool_calls=calls),
        message(5, 5, Role.TOOL, "3", tool_name="add", tool_call_id="call_1"),
    ]
    model.reset("c1", rows, has_older=False)
    data = [model.index(r) for r in range(5)]
    assert data[1].data(MessageRoles.USAGE_TEXT) == f"{format_tokens(1200)} in · 34 out · $0.000123"
    assert data[1].data(MessageRoles.USAGE) == (1200, 34, 0.000123)
    assert data[1].data(MessageRoles.HEADER) == "Assistant · m/x"
    assert data[2].data(MessageRoles.ERROR) == "The server went away."
    assert data[2].data(MessageRoles.STATUS_TEXT) == "Interrupted"
    assert data[3].data(MessageRoles.TOOL_CALLS) == calls
    assert data[4].data(MessageRoles.HEADER) == "add"  # a compact tool row: tool, short arguments, status
    assert data[4].data(MessageRoles.STATUS_TEXT) == "Done"
    assert "The server went away." in data[2].data(Qt.ItemDataRole.AccessibleTextRole)

    def actions(row: int) -> tuple[MessageAction, ...]:
        return tuple(model.index(row).data(MessageRoles.ACTIONS))

    assert actions(0) == (MessageAction.COPY, MessageAction.EDIT)
    assert actions(1) == (MessageAction.COPY, MessageAction.REGENERATE)
    assert actions(2) == (MessageAction.COPY, MessageAction.CONTINUE, MessageAction.RETRY)
    changes = Changes(model)
    model.set_local_available(True)
    assert actions(0) == (MessageAction.COPY, MessageAction.EDIT, MessageAction.ANSWER_LOCALLY)
    model.set_busy(True)  # an answer is arriving: only Copy
    assert actions(1) == (MessageAction.COPY,)
    assert [e[0] for e in changes.events] == ["changed", "changed"]


# ---------------------------------------------------------------------------------------------------- search, picker


def test_search_hits_show_escaped_snippets_with_highlights(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = SearchResultsModel()
    qtmodeltester.check(model)
    snippet = f"use <b>{HIGHLIGHT_START}asyncio{HIGHLIGHT_END}</b>\nloops"
    model.set_hits("asyncio", [SearchHit("c1", "Loops", 7, Role.USER, snippet, NOW)])
    qtmodeltester.check(model)
    index = model.index(0)
    html = index.data(SearchRoles.SNIPPET_HTML)
    assert "&lt;b&gt;" in html and "<b style" in html and "asyncio</b>" in html
    assert index.data() == "Loops: use <b>asyncio</b> loops"
    assert (index.data(SearchRoles.CONVERSATION_ID), index.data(SearchRoles.MESSAGE_ID)) == ("c1", 7)


def test_model_picker_shows_context_and_price(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ModelChoicesModel()
    qtmodeltester.check(model)
    sonnet = ModelInfo("anthropic/claude-sonnet-4.5", "Claude Sonnet 4.5", 200_000, 3.0, 15.0)
    local = ModelInfo("local:x", "On device", 2048, 0.0, 0.0)
    model.set_models([sonnet, local, sonnet])
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0).data() == "Claude Sonnet 4.5 · 200k context · $3 / $15 per M"
    assert model_label(local) == "On device · 2k context · free"
    assert model.ensure("vendor/unknown") == 2
    assert model.index(2).data() == "vendor/unknown"
    assert format_cost(1.5) == "$1.50" and format_cost(0.0123) == "$0.0123" and format_cost(None) == ""


# ---------------------------------------------------------------------------------------------------- markdown


def test_markdown_escapes_raw_html_and_renders_code_as_a_block() -> None:
    html = markdown_to_html('<script>alert("x")</script>\n\n```py\nif a < b: pass\n```\n\n![pic](file:///etc/passwd)')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "if a &lt; b: pass" in html and 'cellpadding="7"' in html
    assert "<img" not in html


def test_rendered_documents_find_code_blocks_and_are_cached(qapp) -> None:  # type: ignore[no-untyped-def]
    renderer = MarkdownRenderer()
    text = (
        "Intro with a [link](https://example.com).\n\n```python\nprint('hi')\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    rendered = renderer.render(1, text)
    rendered.set_width(400)
    blocks = rendered.code_blocks()
    assert [b.code for b in blocks] == ["print('hi')"]  # the markdown table is not a code block
    assert blocks[0].rect.width() > 100 and blocks[0].rect.top() > 0
    assert renderer.render(1, text) is rendered  # same id and text: no new rendering
    assert rendered.segments[0].document.toPlainText().startswith("Intro with a link.")


def test_a_streaming_message_renders_only_its_tail(qapp) -> None:  # type: ignore[no-untyped-def]
    renderer = MarkdownRenderer()
    paragraphs = [f"Paragraph {i} " + "word " * 60 for i in range(40)]
    text = ""
    stable_documents: list[Any] = []
    for number, paragraph in enumerate(paragraphs):
        text += paragraph + "\n\n"
        if number == 20:
            text += "```\ncode line\n\nstill code\n"  # an open fence is never cut
        if number == 22:
            text += "```\n\n"
        rendered = renderer.render(7, text, final=False)
        stable = [s.document for s in rendered.stable]
        assert stable[: len(stable_documents)] == stable_documents, "earlier segments are never rendered again"
        stable_documents = stable
    assert len(rendered.stable) > 3
    assert len(text) - sum(len(s.document.toPlainText()) for s in rendered.stable) < 3 * SEGMENT_CHARS
    final = renderer.render(7, text, final=True)
    assert final is rendered and [s.document for s in final.stable][: len(stable_documents)] == stable_documents
    plain = "\n".join(s.document.toPlainText() for s in final.segments)
    assert "still code" in plain and "Paragraph 39" in plain
    codes = [b.code for b in final.code_blocks()]  # the fence held paragraphs 21 and 22 as code
    assert len(codes) == 1 and codes[0].startswith("code line\n\nstill code\nParagraph 21")
    assert "Paragraph 22" in codes[0] and "Paragraph 23" not in codes[0]


@pytest.mark.parametrize("replacement", ["Something else entirely", "Paragraph"])
def test_text_that_does_not_extend_the_old_one_is_rendered_again(qapp, replacement: str) -> None:  # type: ignore[no-untyped-def]
    renderer = MarkdownRenderer()
    first = renderer.render(3, "Paragraph one\n\n" * 300, final=False)
    assert first.stable
    again = renderer.render(3, replacement, final=True)
    assert [s.document.toPlainText() for s in again.segments] == [replacement]


def test_model_index_of_an_invalid_row_is_empty() -> None:
    model = MessageListModel()
    assert model.data(QModelIndex()) is None
    assert model.message_at(3) is None and model.row_of(3) == -1


# ---------------------------------------------------------------------------------------------------- names, estimates


def test_headers_use_the_catalog_name_and_answers_without_usage_are_estimated(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.ai.models import LOCAL_MODEL_ID, local_model_info

    model = MessageListModel()
    model.reset("c1", [message(1, 1, Role.ASSISTANT, "x" * 100, model=LOCAL_MODEL_ID)], False)
    index = model.index(0)
    assert index.data(MessageRoles.HEADER) == f"Assistant · {LOCAL_MODEL_ID}"  # before the catalog is known
    changes = Changes(model)
    model.set_model_infos([local_model_info()])
    qtmodeltester.check(model)
    assert index.data(MessageRoles.HEADER) == "Assistant · SmolLM2 135M (on this computer)"
    assert changes.events and changes.events[0][:3] == ("changed", 0, 0)
    assert f"Model: {LOCAL_MODEL_ID}" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(MessageRoles.USAGE_TEXT) == "~29 tokens out (estimate), on device, free"

    free = ModelInfo("vendor/free-model", "Free model", 1000, 0.0, 0.0)
    model.set_model_infos([free])
    model.update_message(message(1, 1, Role.ASSISTANT, "x" * 100, model="vendor/free-model"))
    assert index.data(MessageRoles.USAGE_TEXT) == "~29 tokens out (estimate), free"
    model.update_message(message(1, 1, Role.ASSISTANT, "x" * 100, model="vendor/free-model", completion_tokens=7))
    assert index.data(MessageRoles.USAGE_TEXT) == "0 in · 7 out"  # a reported figure is never estimated
    model.update_message(message(1, 1, Role.ASSISTANT, "x" * 100, status=MessageStatus.STREAMING))
    assert index.data(MessageRoles.USAGE_TEXT) == ""


def test_the_estimate_is_the_clients(qapp) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.ai.client import estimate_tokens
    from vector_desktop.ai.types import ChatMessage
    from vector_desktop.presentation.chat.chat_models import rough_tokens

    texts = ["hello there", "x" * 403, ""]
    assert rough_tokens(sum(map(len, texts)), len(texts)) == estimate_tokens([ChatMessage("user", t) for t in texts])


def test_conversation_totals_text_marks_estimates() -> None:
    from vector_desktop.domain.chat import ConversationTotals
    from vector_desktop.presentation.chat.chat_totals import totals_text

    assert totals_text(ConversationTotals()) == "No tokens used yet"
    local = ConversationTotals(messages=2, unreported_chars=440, unreported_messages=2)
    assert totals_text(local, "on device, free") == "~118 tokens (estimate), on device, free"
    mixed = ConversationTotals(4, 12, 5, 0.000123, unreported_chars=440, unreported_messages=2)
    assert totals_text(mixed, "on device, free") == "17 tokens + ~118 estimated · $0.000123"
    assert totals_text(ConversationTotals(2, 12, 5, 0.000123)) == "17 tokens · $0.000123"


def test_the_conversation_list_tells_when_each_was_last_active(qapp) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.presentation.chat.chat_models import relative_time_text

    now = datetime(2026, 11, 6, 15, 0).astimezone()  # local time: "today" is the user's
    assert relative_time_text(now - timedelta(hours=2), now).startswith("Today ")
    assert relative_time_text(now - timedelta(days=1), now).startswith("Yesterday ")
    assert relative_time_text(now - timedelta(days=3), now) == "Tuesday"
    assert "2026" in relative_time_text(now - timedelta(days=30), now) or "26" in relative_time_text(
        now - timedelta(days=30), now
    )
    model = ConversationListModel()
    model.set_conversations([conversation("c", 5)])
    assert model.index(0).data(ConversationRoles.WHEN)


def test_measurements_follow_the_width_and_new_segments(qapp) -> None:  # type: ignore[no-untyped-def]
    renderer = MarkdownRenderer()
    text = "".join(f"Paragraph {i} " + "word " * 60 + "\n\n```\ncode {i}\n```\n\n" for i in range(12))
    rendered = renderer.render(5, text[: len(text) // 2], final=False)

    def measured() -> tuple[float, list[float]]:
        top, tops = 0.0, []
        for segment in rendered.segments:
            layout = segment.document.documentLayout()
            frames = [f for f in segment.document.rootFrame().childFrames() if f.format().cellPadding() == 7]
            tops += [top + layout.frameBoundingRect(f).top() for f in frames]
            top += segment.document.size().height()
        return top, tops

    for width in (600, 250, 600):
        rendered.set_width(width)
        height, tops = measured()
        assert rendered.height() == pytest.approx(height)
        assert [b.rect.top() for b in rendered.code_blocks()] == pytest.approx(tops)
    renderer.render(5, text, final=True)  # more stable segments and a new tail at the same width
    height, tops = measured()
    assert rendered.height() == pytest.approx(height) and len(rendered.code_blocks()) == 12
    assert [b.rect.top() for b in rendered.code_blocks()] == pytest.approx(tops)
