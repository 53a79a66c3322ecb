"""The Storage listing's columns, their headers, and the item data roles its views read."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the row's StorageObject
KeyRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3  # a plain value per column (for other views/proxies)
IsFolderRole = Qt.ItemDataRole.UserRole + 4
IsImageRole = Qt.ItemDataRole.UserRole + 5


class StorageColumn(enum.IntEnum):
    NAME = 0
    SIZE = 1
    TYPE = 2
    MODIFIED = 3


HEADERS = {
    StorageColumn.NAME: "Name",
    StorageColumn.SIZE: "Size",
    StorageColumn.TYPE: "Type",
    StorageColumn.MODIFIED: "Modified",
}
