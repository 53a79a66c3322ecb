"""RowView: what the delegate paints of one transcript row, made once per change of the row."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from vector_desktop.domain.chat import Message
from vector_desktop.presentation.chat.chat_actions import MessageAction

_stamps = itertools.count(1)


@dataclass(frozen=True)
class RowView:
    """What the delegate paints of a row, read with one call of the model per paint and computed once per change
    of the row or of what every row shows (busy, the model catalog, tool names). `stamp` is new with every view;
    `still` is the stamp of its look without the actions, which are painted on the hovered or selected row only: a
    view whose actions alone changed (hidden while an answer arrives) keeps it, and so does the pixmap of every
    other row. (A tool row's header makes room for its actions: it gets a new one.)"""

    stamp: int
    message: Message
    revision: int
    header: str
    status_text: str
    body: str
    error: str
    usage_text: str
    actions: tuple[MessageAction, ...]
    still: int


def shown_fields(view: RowView) -> tuple[str, str, str, str, str, tuple[MessageAction, ...]]:
    """What a view shows besides its message and revision."""
    return (view.header, view.status_text, view.body, view.error, view.usage_text, view.actions)


def next_stamp() -> int:
    """A stamp no view had before (a painted pixmap is kept per stamp)."""
    return next(_stamps)
