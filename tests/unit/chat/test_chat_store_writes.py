"""The chat store's hot path (prepared Core statements): sending a message is one write that also sets the title
of a new conversation and clears its draft, and what comes back is what a read finds."""

from __future__ import annotations

from typing import Any

import pytest

from vector_desktop.domain.chat import ChatError, MessageStatus, Role, ToolCallRecord
from vector_desktop.store.chat_repository import ChatRepository


@pytest.fixture
def repo(store: Any) -> ChatRepository:
    return ChatRepository(store.sessions)


def test_a_message_with_the_title_and_the_cleared_draft_is_one_write(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(model="vendor/model")
    repo.save_draft(conversation.id, "What is 2 + 40?")

    question = repo.add_message(conversation.id, Role.USER, "What is 2 + 40?", title="What is 2 + 40?", draft="")

    stored = repo.get_conversation(conversation.id)
    assert stored is not None and stored.title == "What is 2 + 40?"
    assert stored.updated_at == question.created_at  # the activity the conversation list sorts by
    assert repo.get_draft(conversation.id) is None
    assert repo.get_message(question.id) == question  # what came back is what was written

    repo.add_message(conversation.id, Role.USER, "and again", draft="typed meanwhile")
    draft = repo.get_draft(conversation.id)
    assert draft is not None and draft.text == "typed meanwhile"
    assert repo.get_conversation(conversation.id).title == "What is 2 + 40?"  # type: ignore[union-attr]


def test_a_message_for_a_missing_conversation_changes_nothing(repo: ChatRepository) -> None:
    with pytest.raises(ChatError, match="no conversation"):
        repo.add_message("missing", Role.USER, "hello", title="hello", draft="")
    assert repo.get_draft("missing") is None


def test_updates_return_the_whole_row_as_stored(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    row = repo.add_message(conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING, model="m")
    calls = (ToolCallRecord("call_1", "calc__add", '{"a": 1}'),)

    finished = repo.update_message(
        row.id, status=MessageStatus.COMPLETE, tool_calls=calls, prompt_tokens=30, cost=0.5, images=("data:x",)
    )

    assert finished == repo.get_message(row.id)
    assert (finished.status, finished.tool_calls, finished.prompt_tokens, finished.cost, finished.model) == (
        MessageStatus.COMPLETE,
        calls,
        30,
        0.5,
        "m",
    )
    assert finished.images == ("data:x",) and finished.updated_at is not None
    assert finished.updated_at >= row.updated_at  # type: ignore[operator]
    with pytest.raises(ChatError, match="no message"):
        repo.update_message(10_000, content="x")
    with pytest.raises(ChatError, match="no conversation"):
        repo.update_conversation("missing", title="x")
    assert repo.update_conversation(conversation.id) == repo.get_conversation(conversation.id)


def test_a_row_placed_after_an_earlier_one_moves_the_later_ones_down(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    first = repo.add_message(conversation.id, Role.USER, "first", status=MessageStatus.QUEUED)
    repo.add_message(conversation.id, Role.USER, "second", status=MessageStatus.QUEUED)

    answer = repo.add_message(conversation.id, Role.ASSISTANT, "answer to first", after_seq=first.seq)

    assert answer.seq == first.seq + 1
    assert [m.content for m in repo.messages_page(conversation.id)] == ["first", "answer to first", "second"]
    assert [m.content for m in repo.queued_messages(conversation.id)] == ["first", "second"]


def test_a_question_and_its_answer_row_are_one_transaction(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(model="vendor/model")

    def answer_to(question: Any) -> Any:
        args = (conversation.id, Role.ASSISTANT, "")
        return args, {"status": MessageStatus.STREAMING, "parent_id": question.id, "after_seq": question.seq}

    question, answer = repo.add_message_and_next(((conversation.id, Role.USER, "hi"), {"title": "hi"}), answer_to)
    assert (answer.parent_id, answer.seq) == (question.id, question.seq + 1)
    assert repo.messages_page(conversation.id) == [question, answer]  # what came back is what a read finds

    def fails(_question: Any) -> Any:
        raise RuntimeError("the second row cannot be described")

    with pytest.raises(RuntimeError):
        repo.add_message_and_next(((conversation.id, Role.USER, "lost with its pair"), {}), fails)
    assert [m.content for m in repo.messages_page(conversation.id)] == ["hi", ""]  # the first row went too


def test_a_finished_message_and_the_next_row_are_one_transaction(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(model="vendor/model")
    answer = repo.add_message(conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    call = ToolCallRecord("call_1", "lookup", "{}")
    values = {"content": "", "status": MessageStatus.COMPLETE, "tool_calls": (call,)}
    row = (conversation.id, Role.TOOL, ""), {"status": MessageStatus.STREAMING, "tool_call_id": "call_1"}

    finished, tool_row = repo.update_message_and_add(answer.id, values, row)
    assert finished.status is MessageStatus.COMPLETE and finished.tool_calls == (call,)
    assert repo.messages_page(conversation.id) == [finished, tool_row]

    later = repo.add_message(conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    with pytest.raises(ChatError, match="no conversation"):
        repo.update_message_and_add(later.id, {"status": MessageStatus.COMPLETE}, (("missing", Role.TOOL, ""), {}))
    assert repo.get_message(later.id) == later  # still streaming: the update went with the row
