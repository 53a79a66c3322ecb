"""A tool result as the user reads it: a table when it is a list of records, a JSON tree otherwise.

A list of records is a non-empty JSON array of objects, or an object with a single such array (MCP structured
content is always an object, so a tool returning a list sends `{"result": [...]}`)."""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from vector_desktop.presentation.table_model import AnyIndex

MAX_NODES = 20_000  # a huge result still opens at once; the rest is summed up in one row
CELL_CHARS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResultModel", text)


def records_of(value: Any) -> list[dict[str, Any]] | None:
    """The records to show as a table, or None when the value is not a list of records."""
    if isinstance(value, dict) and len(value) == 1:
        value = next(iter(value.values()))
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return value
    return None


def columns_of(records: Sequence[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for record in records:
        for key in record:
            seen.setdefault(str(key), None)
    return list(seen)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int | float):
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ": "))
    text = text.replace("\n", " ")
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


def json_text(value: Any) -> str:
    """The value as indented JSON (plain text stays as it is)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


def records_tsv(records: Sequence[dict[str, Any]]) -> str:
    """Tab-separated text with a header line, for pasting into a spreadsheet."""
    columns = columns_of(records)
    lines = ["\t".join(columns)]
    for record in records:
        lines.append("\t".join(cell_text(record.get(column)).replace("\t", " ") for column in columns))
    return "\n".join(lines)


class RecordsModel(QAbstractTableModel):
    """A list of records; one column per key (in the order keys first appear)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[dict[str, Any]] = []
        self._columns: list[str] = []

    def set_records(self, records: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._columns = columns_of(self._records)
        self.endResetModel()

    def records(self) -> list[dict[str, Any]]:
        return list(self._records)

    def columns(self) -> list[str]:
        return list(self._columns)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Horizontal:
            return self._columns[section] if 0 <= section < len(self._columns) else None
        return str(section + 1) if 0 <= section < len(self._records) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        value = self._records[index.row()].get(self._columns[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, dict | list):
            return json_text(value)
        return None


class JsonColumn(enum.IntEnum):
    KEY = 0
    VALUE = 1


class _Node:
    __slots__ = ("children", "key", "parent", "row", "value")

    def __init__(self, key: str, value: Any, parent: _Node | None, row: int) -> None:
        self.key = key
        self.value = value
        self.parent = parent
        self.row = row
        self.children: list[_Node] = []


def _summary(value: Any) -> str:
    if isinstance(value, dict):
        count = len(value)
        return _tr("{1 key}") if count == 1 else _tr("{%1 keys}").replace("%1", str(count))
    if isinstance(value, list):
        count = len(value)
        return _tr("[1 item]") if count == 1 else _tr("[%1 items]").replace("%1", str(count))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)[:CELL_CHARS]
    return cell_text(value) if value is not None else "null"


class JsonTreeModel(QAbstractItemModel):
    """Any JSON value as a tree: objects and arrays unfold, scalars show their JSON text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("", None, None, 0)
        self._value: Any = None

    def set_value(self, value: Any) -> None:
        self.beginResetModel()
        self._value = value
        self._root = _Node("", None, None, 0)
        budget = [MAX_NODES]
        if isinstance(value, dict | list):
            self._fill(self._root, value, budget)
        else:
            self._root.children.append(_Node(_tr("value"), value, self._root, 0))
        self.endResetModel()

    def value(self) -> Any:
        return self._value

    def _fill(self, node: _Node, value: Any, budget: list[int]) -> None:
        items = list(value.items()) if isinstance(value, dict) else [(f"[{i}]", v) for i, v in enumerate(value)]
        for position, (key, child_value) in enumerate(items):
            if budget[0] <= 0:
                rest = len(items) - position
                more = _tr("… %1 more").replace("%1", str(rest))
                node.children.append(_Node(more, "", node, len(node.children)))
                return
            budget[0] -= 1
            child = _Node(str(key), child_value, node, len(node.children))
            node.children.append(child)
            if isinstance(child_value, dict | list):
                self._fill(child, child_value, budget)

    def _node(self, index: AnyIndex) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(JsonColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {JsonColumn.KEY: _tr("Key"), JsonColumn.VALUE: _tr("Value")}.get(JsonColumn(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return node.key if index.column() == JsonColumn.KEY else _summary(node.value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == JsonColumn.VALUE:
            return json_text(node.value)[:4000]
        return None

    def value_at(self, index: AnyIndex) -> Any:
        return self._node(index).value
