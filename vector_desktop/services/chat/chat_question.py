"""The question a send stores: the user's message (with the title of a new conversation and the cleared draft) and,
unless it waits in the outbox, the answer's row (streaming), in one store hop.

Whether it waits depends on the conversation's model (is its server reachable?), which the store read gives. The
send plans for the model it last saw the conversation with (`QuestionPlan`, made on the event loop's thread, where
reachability and the default model live), so that the read and the writes go in one hop; when the conversation's
model is another (changed elsewhere), that hop only reads and the send plans again for a second one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vector_desktop.domain.chat import Conversation, Message, MessageRowArgs, MessageStatus, Role
from vector_desktop.services.chat.chat_answer_stream import utc_now

TITLE_LENGTH = 60


@dataclass(frozen=True)
class QuestionPlan:
    """For a conversation whose own model is `conversation_model` ("": the default): the model that answers and
    whether its server can be reached."""

    conversation_model: str
    model: str
    reachable: bool


@dataclass
class Asked:
    """What the send's store hop found and wrote. `user` is None when the conversation's model was not the one
    planned for (nothing was written); `ahead` is the answer's row, None when the question waits in the outbox."""

    conversation: Conversation
    queued_before: bool  # earlier messages of the conversation wait in the outbox
    page: list[Message]  # the latest messages before the question
    user: Message | None = None
    ahead: Message | None = None


def title_from(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"


def new_title(conversation: Conversation, text: str) -> str | None:
    """The title a conversation gets from its first question (None: it has one, or the question is only images)."""
    return title_from(text) if not conversation.title and text.strip() else None


def question_row(
    conversation: Conversation, text: str, images: Sequence[str], plan: QuestionPlan, queued_before: bool
) -> MessageRowArgs:
    """The user's message as ChatStore.add_message arguments: queued when earlier messages wait or the model's
    server cannot be reached."""
    queue_it = queued_before or not plan.reachable
    kwargs = {
        "status": MessageStatus.QUEUED if queue_it else MessageStatus.COMPLETE,
        "model": plan.model,
        "images": tuple(images),
        "queued_at": utc_now() if queue_it else None,
        "title": new_title(conversation, text),
        "draft": "",
    }
    return (conversation.id, Role.USER, text), kwargs
