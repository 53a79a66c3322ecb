"""The saved database connections as the panel lists them: name, kind, where it points (never a secret), the colour
tag, the read-only / writable badge and the outcome of the last test."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from vector_desktop.domain.databases import ColorTag, ConnectionConfig
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel
from vector_desktop.presentation.time_text import relative_time_text


class ConnectionColumn(enum.IntEnum):
    NAME = 0
    KIND = 1
    TARGET = 2
    ACCESS = 3
    TESTED = 4


ConfigRole = Qt.ItemDataRole.UserRole + 1  # the row's ConnectionConfig
IdRole = Qt.ItemDataRole.UserRole + 2
ColorRole = Qt.ItemDataRole.UserRole + 3  # QColor of the tag, or None
BadgeRole = Qt.ItemDataRole.UserRole + 4  # "Read-only" / "Writable", with " · AI" when offered to the AI
TestedRole = Qt.ItemDataRole.UserRole + 5  # "Tested Today 14:03 · OK" ("" when never tested)
TestFailedRole = Qt.ItemDataRole.UserRole + 6  # the last test failed

_HEADERS = {
    ConnectionColumn.NAME: "Name",
    ConnectionColumn.KIND: "Kind",
    ConnectionColumn.TARGET: "Server",
    ConnectionColumn.ACCESS: "Access",
    ConnectionColumn.TESTED: "Last tested",
}
TAG_COLOURS = {
    ColorTag.GREEN: "#16a34a",
    ColorTag.BLUE: "#2563eb",
    ColorTag.ORANGE: "#ea580c",
    ColorTag.RED: "#dc2626",
}
_TAG_NAMES = {
    ColorTag.NONE: "No colour",
    ColorTag.GREEN: "Green (development)",
    ColorTag.BLUE: "Blue",
    ColorTag.ORANGE: "Orange (staging)",
    ColorTag.RED: "Red (production)",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionsModel", text)


def tag_colour(tag: ColorTag) -> QColor | None:
    colour = TAG_COLOURS.get(tag)
    return QColor(colour) if colour else None


def tag_name(tag: ColorTag) -> str:
    return _tr(_TAG_NAMES[tag])


def access_text(config: ConnectionConfig) -> str:
    """The card's badge: read-only or writable, and whether the AI may use the connection's tools."""
    access = _tr("Read-only") if config.read_only else _tr("Writable")
    return f"{access} · {_tr('AI')}" if config.expose_to_ai else access


def tested_text(config: ConnectionConfig) -> str:
    """ "Tested Today 14:03 · OK", "Tested Yesterday 09:10 · failed", or "" when never tested."""
    if config.last_tested_at is None or config.last_test_ok is None:
        return ""
    outcome = _tr("OK") if config.last_test_ok else _tr("failed")
    return _tr("Tested %1 · %2").replace("%1", relative_time_text(config.last_tested_at)).replace("%2", outcome)


class ConnectionsModel(ColumnTableModel):
    """One row per connection, in the service's order; an update with the same ids changes rows in place."""

    COLUMNS = ConnectionColumn
    HEADERS = _HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConnectionConfig] = []

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        config = self._rows[index.row()]
        column = ConnectionColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(config, column)
        if role == ConfigRole:
            return config
        if role == IdRole:
            return config.id
        if role == ColorRole:
            return tag_colour(config.color)
        if role == BadgeRole:
            return access_text(config)
        if role == TestedRole:
            return tested_text(config)
        if role == TestFailedRole:
            return config.last_test_ok is False
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(config)
        if role == Qt.ItemDataRole.DecorationRole and column is ConnectionColumn.NAME:
            return tag_colour(config.color)
        return None

    @staticmethod
    def _display(config: ConnectionConfig, column: ConnectionColumn) -> str:
        if column is ConnectionColumn.NAME:
            return config.name
        if column is ConnectionColumn.KIND:
            return config.kind.label
        if column is ConnectionColumn.TARGET:
            return config.display_target()
        if column is ConnectionColumn.ACCESS:
            return access_text(config)
        return tested_text(config)

    @staticmethod
    def _tooltip(config: ConnectionConfig) -> str:
        lines = [f"{config.name} ({config.kind.label})", config.display_target(), access_text(config)]
        if config.color is not ColorTag.NONE:
            lines.append(tag_name(config.color))
        if config.from_environment:
            lines.append(_tr("From DATABASE_URL"))
        if config.expose_to_ai:
            lines.append(_tr("Offered to the AI in chat"))
        tested = tested_text(config)
        if tested:
            lines.append(tested)
        if config.last_test_message:
            lines.append(config.last_test_message)
        return "\n".join(lines)

    # -- our API
    def set_connections(self, connections: Sequence[ConnectionConfig]) -> None:
        new = list(connections)
        if [config.id for config in new] == [config.id for config in self._rows]:
            last = len(ConnectionColumn) - 1
            for row, config in enumerate(new):
                if config != self._rows[row]:
                    self._rows[row] = config
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def connections(self) -> list[ConnectionConfig]:
        return list(self._rows)

    def config_at(self, row: int) -> ConnectionConfig | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def config(self, connection_id: int) -> ConnectionConfig | None:
        return next((config for config in self._rows if config.id == connection_id), None)

    def row_of(self, connection_id: int) -> int:
        return next((row for row, config in enumerate(self._rows) if config.id == connection_id), -1)
