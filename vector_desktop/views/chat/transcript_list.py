"""The transcript's list view: when only the rows' actions change, it repaints what is on screen and lays nothing out.

While an answer arrives every row hides its actions (Copy stays), and they come back when it ends: the message model
(chat_transcript.py) says so with a dataChanged of every row naming only the ACTIONS and VIEW roles, whose place in a
row is always reserved (no row moves or changes size). Qt 6's QListView would lay every loaded row out again
(QListModeViewBase::dataChanged → doDelayedItemsLayout, see fixed_row_list.py) and QAbstractItemView would ask every
row of the range for its rectangle, i.e. its size hint: in a long conversation, hundreds of size hints twice per
answer for a change that moves nothing.

The chat panel's form (ui/chat_panel.ui) uses it as a promoted QListView."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QListView

from vector_desktop.presentation.chat.chat_message_roles import MessageRoles

AnyIndex = QModelIndex | QPersistentModelIndex
ACTIONS_ONLY = frozenset({int(MessageRoles.ACTIONS), int(MessageRoles.VIEW)})


class TranscriptListView(QListView):
    def dataChanged(self, top_left: AnyIndex, bottom_right: AnyIndex, roles: Sequence[int] = ()) -> None:
        if roles and ACTIONS_ONLY.issuperset(roles):
            self.viewport().update()  # (no editors here, and a row's accessible text does not name its actions)
        else:
            super().dataChanged(top_left, bottom_right, list(roles))
