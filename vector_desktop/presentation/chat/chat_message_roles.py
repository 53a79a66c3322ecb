"""The item-data roles of the transcript's model (what a view or test can ask of a message row)."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)


class MessageRoles(enum.IntEnum):
    MESSAGE = _USER + 1  # the Message
    ID = _USER + 2
    TEXT = _USER + 3
    ROLE = _USER + 4  # Role value ("user", "assistant", "tool")
    STATUS = _USER + 5  # MessageStatus value
    STATUS_TEXT = _USER + 6  # chip text ("Streaming…", "Queued", ...), "" when complete
    MODEL = _USER + 7
    USAGE = _USER + 8  # (prompt_tokens, completion_tokens, cost)
    USAGE_TEXT = _USER + 9
    TOOL_CALLS = _USER + 10  # tuple of ToolCallRecord
    ERROR = _USER + 11
    HEADER = _USER + 12
    ACTIONS = _USER + 13  # tuple of MessageAction
    REVISION = _USER + 14  # increases whenever the row changes (size-hint cache key)
    STREAMING = _USER + 15  # bool
    BODY = _USER + 16  # the markdown the row shows (a tool row: its arguments and result when expanded, else "")
    EXPANDED = _USER + 17  # bool: a tool row shows its arguments and result
    VIEW = _USER + 18  # RowView: what the delegate paints


# The roles that change when a message's text grows (dataChanged names only these).
TEXT_ROLES = [
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.AccessibleTextRole),
    int(MessageRoles.TEXT),
    int(MessageRoles.REVISION),
    int(MessageRoles.MESSAGE),
    int(MessageRoles.ACTIONS),
    int(MessageRoles.VIEW),
]


# The roles a tool row answers from its call (its header, status, arguments and result).
TOOL_ROLES = {
    int(MessageRoles.HEADER),
    int(MessageRoles.STATUS_TEXT),
    int(MessageRoles.EXPANDED),
    int(MessageRoles.BODY),
    int(Qt.ItemDataRole.AccessibleTextRole),
}
