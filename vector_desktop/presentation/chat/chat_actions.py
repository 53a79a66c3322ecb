"""The buttons a transcript row offers (Copy, Regenerate, Edit, Continue, Retry, ...; Stop and Retry on tool rows)."""

from __future__ import annotations

import enum

from vector_desktop.domain.chat import Message, MessageStatus, Role


class MessageAction(enum.StrEnum):
    COPY = "copy"
    REGENERATE = "regenerate"
    EDIT = "edit"
    CONTINUE = "continue"
    RETRY = "retry"
    ANSWER_LOCALLY = "answer_locally"
    STOP_TOOL = "stop_tool"  # a running tool call: stops that call alone, the answer goes on
    RETRY_TOOL = "retry_tool"  # a tool call cut by a crash or quit: run it again (the policy applies again)


def message_actions(message: Message, *, busy: bool, local_available: bool) -> tuple[MessageAction, ...]:
    """The buttons a message offers. While an answer arrives in the conversation only Copy is offered."""
    if message.role is Role.TOOL:
        return tool_row_actions(message, busy=busy)
    actions: list[MessageAction] = []
    if message.content:
        actions.append(MessageAction.COPY)
    if busy or message.status is MessageStatus.STREAMING:
        return tuple(actions)
    if message.role is Role.USER:
        actions.append(MessageAction.EDIT)
        if message.status is MessageStatus.QUEUED and local_available:
            actions.append(MessageAction.ANSWER_LOCALLY)
    elif message.role is Role.ASSISTANT:
        if message.can_continue:
            actions.append(MessageAction.CONTINUE)
        if message.status is MessageStatus.COMPLETE:
            actions.append(MessageAction.REGENERATE)
        elif message.can_retry:
            actions.append(MessageAction.RETRY)
    return tuple(actions)


def tool_row_actions(message: Message, *, busy: bool) -> tuple[MessageAction, ...]:
    """A running call offers Stop; one cut by a crash (or stopped, failed, not allowed) offers Retry: it is never
    re-run by itself."""
    if message.status is MessageStatus.STREAMING:
        return (MessageAction.STOP_TOOL,)
    actions = [MessageAction.COPY] if message.content else []
    if message.can_retry_tool_call and not busy:
        actions.append(MessageAction.RETRY_TOOL)
    return tuple(actions)
