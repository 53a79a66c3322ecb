"""What the model is sent of a conversation, and the page of it an answer keeps while it runs.

An answer reads the page it sends once (the latest `history_limit` messages up to its question); after a tool round
it appends the rows it wrote itself instead of reading the page again. That is safe because nothing else writes in
a conversation while its answer runs (one answer at a time per conversation), and it is checked: the rows appended
must be exactly the ones that follow the page (consecutive seqs), or the caller reads the page again.
"""

from __future__ import annotations

from collections.abc import Sequence

from vector_desktop.ai.types import ChatMessage, ImagePart, ToolCall
from vector_desktop.domain.chat import Message, MessageStatus, Role

# Tool rows the model is sent: the call reached a result (denied and failed calls included).
ANSWERED = (MessageStatus.COMPLETE, MessageStatus.FAILED)
TOOL_IMAGES = "The images the tool calls above returned."


def tool_images_message(images: list[ImagePart]) -> ChatMessage:
    """Images tools returned, sent as image parts: model APIs take images in user messages, not in tool results,
    so they follow the round's tool results in one user message (the on-device model drops them)."""
    return ChatMessage("user", TOOL_IMAGES, images=tuple(images))


def model_messages(page: Sequence[Message]) -> list[ChatMessage]:
    """The page as the model is sent it: answers still streaming are left out, and so is a tool call without a
    result (stopped, or cut off by the window) together with the model's request for it."""
    answered = {m.tool_call_id for m in page if m.role is Role.TOOL and m.status in ANSWERED}
    called: set[str] = set()
    history: list[ChatMessage] = []
    tool_images: list[ImagePart] = []
    for message in page:
        if tool_images and message.role is not Role.TOOL:
            history.append(tool_images_message(tool_images))
            tool_images = []
        if message.role is Role.USER:
            images = tuple(ImagePart(url) for url in message.images)
            history.append(ChatMessage("user", message.content, images=images))
        elif message.role is Role.ASSISTANT:
            if message.status is MessageStatus.STREAMING:
                continue
            calls = tuple(ToolCall(c.id, c.name, c.arguments) for c in message.tool_calls if c.id in answered)
            called.update(c.id for c in calls)
            if message.content or calls:
                history.append(ChatMessage("assistant", message.content, tool_calls=calls))
        elif message.role is Role.TOOL and message.tool_call_id in called:
            history.append(
                ChatMessage("tool", message.content, tool_call_id=message.tool_call_id, name=message.tool_name)
            )
            tool_images.extend(ImagePart(url) for url in message.images)
    if tool_images:
        history.append(tool_images_message(tool_images))
    return history


def extended(page: Sequence[Message], upto_seq: int, written: Sequence[Message], limit: int) -> list[Message] | None:
    """`page` (the messages up to `upto_seq`) followed by `written`, the latest `limit` of them; None when `written`
    is not exactly what follows the page (seqs upto_seq + 1, + 2, ...): then the page must be read again."""
    if [m.seq for m in written] != list(range(upto_seq + 1, upto_seq + 1 + len(written))):
        return None
    joined = [*page, *written]
    return joined[-limit:] if limit > 0 else []
