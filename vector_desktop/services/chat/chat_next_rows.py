"""The rows of a tool round as ChatStore.add_message arguments, so that a row can be written in the same store hop
as the message before it (ChatService._update_then_add): the first call's row with the answer that asks for the
calls, the next answer's row with the last call's result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vector_desktop.domain.chat import Message, MessageRowArgs, MessageStatus, Role, ToolCallRecord

NextRow = Callable[[dict[str, Any]], MessageRowArgs | None]  # a finished message's values → the row to write after it


def answer_row(anchor: Message, model: str) -> MessageRowArgs:
    """An answer to `anchor`, streaming, placed right after it."""
    args = (anchor.conversation_id, Role.ASSISTANT, "")
    return args, {"status": MessageStatus.STREAMING, "model": model, "parent_id": anchor.id, "after_seq": anchor.seq}


def call_row(assistant: Message, record: ToolCallRecord, after_seq: int) -> MessageRowArgs:
    """The row of one tool call, streaming (the call is under way), placed after `after_seq`."""
    kwargs = {
        "status": MessageStatus.STREAMING,
        "after_seq": after_seq,
        "tool_call_id": record.id,
        "tool_name": record.name,
        "parent_id": assistant.id,
    }
    return (assistant.conversation_id, Role.TOOL, ""), kwargs


def first_call_row(message: Message) -> NextRow:
    """For an answer about to finish: the row of its first tool call, when it finishes complete with calls."""

    def following(values: dict[str, Any]) -> MessageRowArgs | None:
        calls = values.get("tool_calls") or ()
        if values.get("status") is not MessageStatus.COMPLETE or not calls:
            return None
        return call_row(message, calls[0], message.seq)

    return following
