"""The open conversation's tokens and cost, kept up to date from the chat's message events.

The store reads the totals once when a conversation opens; after that each message event changes them by what the
message adds (a new message, its usage once finished), so a tool round costs no store read per finished message.
When an event's effect cannot be known exactly here, the caller reads the totals again (coalesced): a message whose
earlier state is unknown (not loaded in the transcript), a removal, an answer without reported usage (estimated from
its text and its question's, which the store finds), a question whose text changed, or a cost that disappears.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from vector_desktop.domain.chat import ConversationTotals, Message, MessageStatus, Role
from vector_desktop.presentation.chat.chat_format import format_cost, format_tokens, rough_tokens


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatViewModel", text)


def totals_text(totals: ConversationTotals, note: str = "") -> str:
    """Tokens and cost of a conversation. Answers whose provider reported no usage (the on-device model) are
    estimated from their text and marked "~" and "estimate"; `note` ("on device, free") stands in for an unknown cost.
    """
    estimated = rough_tokens(totals.unreported_chars, totals.unreported_messages) if totals.unreported_messages else 0
    if not totals.total_tokens and not estimated and totals.cost is None:
        return _tr("No tokens used yet")
    if totals.total_tokens and estimated:
        text = _tr("%1 tokens + ~%2 estimated").replace("%1", format_tokens(totals.total_tokens))
        text = text.replace("%2", format_tokens(estimated))
    elif estimated:
        text = _tr("~%1 tokens (estimate)").replace("%1", format_tokens(estimated))
    else:
        text = _tr("%1 tokens").replace("%1", format_tokens(totals.total_tokens))
    cost = format_cost(totals.cost)
    if cost:
        return f"{text} · {cost}"
    return f"{text}, {note}" if note and estimated else text


def _unreported_answer(message: Message) -> bool:
    """An answer the store counts as estimated (ChatRepository.conversation_totals): no usage, finished, not empty."""
    return (
        message.role is Role.ASSISTANT
        and message.prompt_tokens == 0
        and message.completion_tokens == 0
        and message.status is not MessageStatus.STREAMING
        and message.content != ""
    )


def is_fresh_row(message: Message) -> bool:
    """A row just written (an answer about to stream, a tool call about to run): nothing of it is counted yet."""
    return not message.content and not message.prompt_tokens and not message.completion_tokens and message.cost is None


class TotalsTracker:
    """The totals of the open conversation: read from the store when it opens (`open`, then run `request()`), then
    changed by `apply` per message event; when `apply` cannot know the change, it returns False and the caller runs
    `request()` again. Reads are coalesced: one at a time, and a request during a read makes it read once more.
    `on_known(conversation_id, totals)` is called whenever the totals are known anew."""

    def __init__(
        self,
        fetch: Callable[[str], Awaitable[ConversationTotals]],
        on_known: Callable[[str, ConversationTotals], None],
    ) -> None:
        self._fetch = fetch
        self._on_known = on_known
        self.conversation_id = ""
        self.totals: ConversationTotals | None = None
        self._reading = False
        self._again = False

    def open(self, conversation_id: str) -> None:
        """Another conversation is shown: its totals are unknown until read."""
        self.conversation_id = conversation_id
        self.totals = None
        self._again = True

    def request(self) -> Coroutine[Any, Any, None] | None:
        """The read to run, or None when one is under way (it then reads once more when it ends)."""
        if self._reading:
            self._again = True
            return None
        self._reading = True
        return self._read()

    async def _read(self) -> None:
        try:
            while True:
                self._again = False
                conversation_id = self.conversation_id
                if not conversation_id:
                    return
                totals = await self._fetch(conversation_id)
                if self._again or conversation_id != self.conversation_id:
                    continue  # something changed meanwhile, which the read may or may not include
                self.totals = totals
                self._on_known(conversation_id, totals)
                return
        finally:
            self._reading = False

    def apply(self, old: Message | None, new: Message | None, *, new_row: bool = False) -> bool:
        """A message of this conversation changed from `old` (None: not known here, or `new_row`: a row just
        added) to `new` (None: removed). True when the totals now include the change exactly (`on_known` was
        called); False when they must be read again."""
        if self._reading:
            self._again = True
            return False
        totals = self._changed(self.totals, old, new, new_row)
        self.totals = totals
        if totals is None:
            return False
        self._on_known(self.conversation_id, totals)
        return True

    @staticmethod
    def _changed(
        totals: ConversationTotals | None, old: Message | None, new: Message | None, new_row: bool
    ) -> ConversationTotals | None:
        if totals is None or new is None or (old is None and not new_row):
            return None
        if _unreported_answer(new) or (old is not None and _unreported_answer(old)):
            return None
        if old is not None and new.role is Role.USER and old.content != new.content:
            return None  # it may be the question of an estimated answer
        old_cost = old.cost if old is not None else None
        if old_cost is not None and new.cost is None:
            return None  # whether any cost is left is the store's to say
        cost = totals.cost
        if new.cost is not None or old_cost is not None:
            cost = (cost or 0.0) + (new.cost or 0.0) - (old_cost or 0.0)
        return replace(
            totals,
            messages=totals.messages + (1 if old is None else 0),
            prompt_tokens=totals.prompt_tokens + new.prompt_tokens - (old.prompt_tokens if old is not None else 0),
            completion_tokens=totals.completion_tokens
            + new.completion_tokens
            - (old.completion_tokens if old is not None else 0),
            cost=cost,
        )
