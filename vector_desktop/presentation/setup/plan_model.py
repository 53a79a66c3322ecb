"""The Import setup dialog's table: one row per item of the file, what importing would do with it, what differs."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from vector_desktop.domain.setup_transfer import ChangeAction, SetupChange

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("SetupPlanModel", text)


class PlanColumn(enum.IntEnum):
    ACTION = 0
    SECTION = 1
    ITEM = 2
    DETAILS = 3


def action_text(action: ChangeAction) -> str:
    return {
        ChangeAction.ADD: _tr("Add"),
        ChangeAction.REPLACE: _tr("Replace"),
        ChangeAction.SAME: _tr("Same"),
    }[action]


class SetupPlanModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._changes: list[SetupChange] = []
        self._titles: dict[str, str] = {}

    def set_changes(self, changes: Sequence[SetupChange], titles: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        self._titles = dict(titles)
        self.endResetModel()

    def changes(self) -> list[SetupChange]:
        return list(self._changes)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(PlanColumn):
            return None
        return {
            PlanColumn.ACTION: _tr("Import would"),
            PlanColumn.SECTION: _tr("Section"),
            PlanColumn.ITEM: _tr("Item"),
            PlanColumn.DETAILS: _tr("What differs"),
        }[PlanColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes) or index.parent().isValid():
            return None
        change = self._changes[index.row()]
        column = PlanColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column is PlanColumn.ACTION:
                return action_text(change.action)
            if column is PlanColumn.SECTION:
                return self._titles.get(change.section, change.section)
            if column is PlanColumn.ITEM:
                return change.item
            return ", ".join(change.details)
        if role == Qt.ItemDataRole.ForegroundRole and column is PlanColumn.ACTION:
            if change.action is ChangeAction.REPLACE:
                return QBrush(QColor("#b35c00"))
            if change.action is ChangeAction.SAME:
                return QBrush(QColor("#808080"))
        return None
