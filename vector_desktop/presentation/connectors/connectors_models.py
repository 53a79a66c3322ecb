"""The connectors list of the Connectors panel (Merge connectors and MCP servers alike) and its search and filters."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from vector_desktop.domain.connectors import ConnectorInfo, ConnectorState
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel
from vector_desktop.presentation.time_text import relative_time_text
from vector_desktop.presentation.word_search import WordSearchProxy


class ConnectorColumn(enum.IntEnum):
    NAME = 0
    KIND = 1
    STATE = 2
    TOOLS = 3
    ERROR = 4


InfoRole = Qt.ItemDataRole.UserRole + 1  # the row's ConnectorInfo
KeyRole = Qt.ItemDataRole.UserRole + 2
SubtitleRole = Qt.ItemDataRole.UserRole + 3  # "Ready · 12 tools"
HasErrorRole = Qt.ItemDataRole.UserRole + 4

_HEADERS = {
    ConnectorColumn.NAME: "Name",
    ConnectorColumn.KIND: "Kind",
    ConnectorColumn.STATE: "State",
    ConnectorColumn.TOOLS: "Tools",
    ConnectorColumn.ERROR: "Problem",
}
_STATES = {
    ConnectorState.STOPPED: "Not started",
    ConnectorState.CONNECTING: "Connecting…",
    ConnectorState.READY: "Ready",
    ConnectorState.FAILED: "Failed",
    ConnectorState.NOT_CONNECTED: "Not connected",
    ConnectorState.NEEDS_SIGN_IN: "Needs sign-in",
    ConnectorState.DISABLED: "Disabled",
    ConnectorState.OFFLINE: "Offline",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectorsModel", text)


def state_text(info: ConnectorInfo) -> str:
    return _tr(_STATES[info.state])


def tools_text(info: ConnectorInfo) -> str:
    if info.tool_count == 0:
        return _tr("no tools")
    many = _tr("%1 tools").replace("%1", str(info.tool_count))
    text = _tr("1 tool") if info.tool_count == 1 else many
    if info.enabled_tool_count != info.tool_count:
        text += " " + _tr("(%1 enabled)").replace("%1", str(info.enabled_tool_count))
    return text


_LIVE_STATES = (ConnectorState.READY, ConnectorState.CONNECTING, ConnectorState.NOT_CONNECTED)


def subtitle(info: ConnectorInfo) -> str:
    """State and tools in one line: "Ready · 12 tools (10 enabled)"; when the tools shown are the ones fetched
    earlier (stopped, offline, failed...), when that was: "Offline · 12 tools · refreshed Yesterday 17:20"."""
    parts = [state_text(info)]
    if info.tool_count or info.state is ConnectorState.READY:
        parts.append(tools_text(info))
    if info.tool_count and info.refreshed_at is not None and info.state not in _LIVE_STATES:
        parts.append(_tr("refreshed %1").replace("%1", relative_time_text(info.refreshed_at)))
    return " · ".join(parts)


def needs_network(info: ConnectorInfo) -> bool:
    """Merge connectors and MCP servers on other machines need the network; a command or a loopback URL does not."""
    return info.needs_network


class ConnectorsModel(ColumnTableModel):
    """One row per connector, in the service's order. A refresh with the same keys updates rows in place."""

    COLUMNS = ConnectorColumn
    HEADERS = _HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConnectorInfo] = []

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = ConnectorColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == InfoRole:
            return info
        if role == KeyRole:
            return info.key
        if role == SubtitleRole:
            return subtitle(info)
        if role == HasErrorRole:
            return info.has_error
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column is ConnectorColumn.NAME:
            return subtitle(info)
        return None

    def _display(self, info: ConnectorInfo, column: ConnectorColumn) -> str:
        if column is ConnectorColumn.NAME:
            return info.name
        if column is ConnectorColumn.KIND:
            return info.kind.label
        if column is ConnectorColumn.STATE:
            return state_text(info)
        if column is ConnectorColumn.TOOLS:
            return str(info.tool_count)
        return info.error

    def _tooltip(self, info: ConnectorInfo) -> str:
        lines = [f"{info.name} ({info.kind.label})", subtitle(info)]
        if info.detail:
            lines.append(info.detail)
        if info.refreshed_at is not None:
            lines.append(_tr("Last refreshed: %1").replace("%1", relative_time_text(info.refreshed_at)))
        if info.error:
            lines.append(info.error)
        return "\n".join(lines)

    # -- our API
    def set_connectors(self, connectors: Sequence[ConnectorInfo]) -> None:
        new = list(connectors)
        if [info.key for info in new] == [info.key for info in self._rows]:
            last = len(ConnectorColumn) - 1
            for row, info in enumerate(new):
                if info != self._rows[row]:
                    self._rows[row] = info
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def connectors(self) -> list[ConnectorInfo]:
        return list(self._rows)

    def info_at(self, row: int) -> ConnectorInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def info(self, key: str) -> ConnectorInfo | None:
        return next((info for info in self._rows if info.key == key), None)

    def row_of(self, key: str) -> int:
        return next((row for row, info in enumerate(self._rows) if info.key == key), -1)


class ConnectorsFilterProxy(WordSearchProxy):
    """Search over names, kinds and details; chips keep only connected, only enabled, only failing connectors."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.only_connected = False
        self.only_enabled = False
        self.only_errors = False

    def set_filters(
        self, *, connected: bool | None = None, enabled: bool | None = None, errors: bool | None = None
    ) -> None:
        def change() -> None:
            if connected is not None:
                self.only_connected = connected
            if enabled is not None:
                self.only_enabled = enabled
            if errors is not None:
                self.only_errors = errors

        self.change_filter(change)

    @property
    def filtering(self) -> bool:
        return self.searching or self.only_connected or self.only_enabled or self.only_errors

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ConnectorsModel) or source_parent.isValid():
            return True
        info = model.info_at(source_row)
        if info is None:
            return False
        if self.only_connected and not info.connected:
            return False
        if self.only_enabled and not info.enabled:
            return False
        if self.only_errors and not info.has_error:
            return False
        if not self.searching:
            return True
        return self.words_match(f"{info.name} {info.kind.label} {info.detail} {state_text(info)}".lower())

    def info_at(self, proxy_row: int) -> ConnectorInfo | None:
        index = self.index(proxy_row, 0)
        return index.data(InfoRole) if index.isValid() else None

    def proxy_row_of(self, key: str) -> int:
        model = self.sourceModel()
        if not isinstance(model, ConnectorsModel):
            return -1
        source = model.row_of(key)
        if source < 0:
            return -1
        return self.mapFromSource(model.index(source, 0)).row()
