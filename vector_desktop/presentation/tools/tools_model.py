"""Every tool of every connector for the tool browser: enable check boxes, search over names and descriptions.

Search-as-you-type must stay well under a frame for 500 tools, so each row's lowercase haystack (names, title,
description, connector) is built once when the tools arrive and the filter only does substring tests on it.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from vector_desktop.domain.tools import ToolSpec
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel
from vector_desktop.presentation.word_search import WordSearchProxy


class ToolColumn(enum.IntEnum):
    TOOL = 0
    CONNECTOR = 1
    TOKENS = 2
    DESCRIPTION = 3


SpecRole = Qt.ItemDataRole.UserRole + 1  # the row's ToolSpec
QualifiedNameRole = Qt.ItemDataRole.UserRole + 2
ConnectorKeyRole = Qt.ItemDataRole.UserRole + 3

_HEADERS = {
    ToolColumn.TOOL: "Tool",
    ToolColumn.CONNECTOR: "Connector",
    ToolColumn.TOKENS: "Tokens",
    ToolColumn.DESCRIPTION: "Description",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ToolsModel", text)


def first_line(text: str, limit: int = 160) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _is_checked(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


def haystack(spec: ToolSpec, connector_name: str) -> str:
    return " ".join(
        (spec.name, spec.qualified_name, spec.title, spec.annotations.title, spec.description, connector_name)
    ).lower()


class ToolsModel(ColumnTableModel):
    """One row per tool, grouped by connector in the service's order. Ticking a row's box asks for the change
    through `toggle_requested(connector_key, [tool name], enabled)` and shows it at once."""

    COLUMNS = ToolColumn
    HEADERS = _HEADERS
    toggle_requested = Signal(str, list, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ToolSpec] = []
        self._names: dict[str, str] = {}
        self.haystacks: list[str] = []
        self._editable = True

    def row_count(self) -> int:
        return len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == ToolColumn.TOOL and self._editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        spec = self._rows[index.row()]
        column = ToolColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(spec, column)
        if role == Qt.ItemDataRole.CheckStateRole and column is ToolColumn.TOOL:
            return Qt.CheckState.Checked if spec.enabled else Qt.CheckState.Unchecked
        if role == SpecRole:
            return spec
        if role == QualifiedNameRole:
            return spec.qualified_name
        if role == ConnectorKeyRole:
            return spec.connector_key
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(spec, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is ToolColumn.TOKENS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != ToolColumn.TOOL:
            return False
        if not self._editable or not 0 <= index.row() < len(self._rows):
            return False
        checked = _is_checked(value)
        spec = self._rows[index.row()]
        if spec.enabled != checked:
            self._set_row(index.row(), dataclasses.replace(spec, enabled=checked))
            self.toggle_requested.emit(spec.connector_key, [spec.name], checked)
        return True

    def _display(self, spec: ToolSpec, column: ToolColumn) -> str:
        if column is ToolColumn.TOOL:
            return spec.name
        if column is ToolColumn.CONNECTOR:
            return self._names.get(spec.connector_key, spec.connector_key)
        if column is ToolColumn.TOKENS:
            return str(spec.token_cost)
        return first_line(spec.description)

    def _tooltip(self, spec: ToolSpec, column: ToolColumn) -> str | None:
        if column is ToolColumn.TOOL:
            return spec.qualified_name
        if column is ToolColumn.TOKENS:
            return _tr("About %1 tokens of every request that offers this tool").replace("%1", str(spec.token_cost))
        if column is ToolColumn.DESCRIPTION:
            return spec.description or None
        return None

    # -- our API
    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def set_tools(self, tools: Sequence[ToolSpec], connector_names: Mapping[str, str]) -> None:
        names = dict(connector_names)
        new = list(tools)
        if names == self._names and [t.qualified_name for t in new] == [t.qualified_name for t in self._rows]:
            for row, spec in enumerate(new):
                if spec != self._rows[row]:
                    self._set_row(row, spec)
            return
        self.beginResetModel()
        self._names = names
        self._rows = new
        self.haystacks = [haystack(spec, names.get(spec.connector_key, "")) for spec in new]
        self.endResetModel()

    def set_enabled(self, connector_key: str, names: Sequence[str], enabled: bool) -> None:
        """Show a bulk toggle at once (the service confirms it with tools_changed)."""
        wanted = set(names)
        for row, spec in enumerate(self._rows):
            if spec.connector_key == connector_key and spec.name in wanted and spec.enabled != enabled:
                self._set_row(row, dataclasses.replace(spec, enabled=enabled))

    def _set_row(self, row: int, spec: ToolSpec) -> None:
        self._rows[row] = spec
        self.haystacks[row] = haystack(spec, self._names.get(spec.connector_key, ""))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(ToolColumn) - 1))

    def tools(self) -> list[ToolSpec]:
        return list(self._rows)

    def spec_at(self, row: int) -> ToolSpec | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def spec(self, qualified_name: str) -> ToolSpec | None:
        return next((spec for spec in self._rows if spec.qualified_name == qualified_name), None)

    def row_of(self, qualified_name: str) -> int:
        return next((row for row, spec in enumerate(self._rows) if spec.qualified_name == qualified_name), -1)

    def connector_name(self, key: str) -> str:
        return self._names.get(key, key)


class ToolsFilterProxy(WordSearchProxy):
    """Search (every word must appear in the tool's name, title, description or connector) and one connector."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connector = ""

    @property
    def connector(self) -> str:
        return self._connector

    def set_connector(self, key: str) -> None:
        if key != self._connector:
            self.change_filter(lambda: setattr(self, "_connector", key))

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ToolsModel):
            return True
        if self._connector:
            spec = model.spec_at(source_row)
            if spec is None or spec.connector_key != self._connector:
                return False
        return not self.searching or self.words_match(model.haystacks[source_row])

    def visible_specs(self) -> list[ToolSpec]:
        out = []
        for row in range(self.rowCount()):
            spec = self.index(row, 0).data(SpecRole)
            if spec is not None:
                out.append(spec)
        return out
