"""The Policies list of the Permissions tab: each connector with its tools, the user's choice (Default / Auto / Ask /
Deny), the policy in force and why, and whether the connector is trusted.

Editing a choice or the Trusted box only asks for the change (`policy_requested`, `trust_requested`) and shows it at
once; the view-model writes it through the policy engine and sends the state back with `set_state`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from vector_desktop.domain.connectors import ConnectorInfo
from vector_desktop.domain.tool_policy import Policy
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.presentation.tools.tools_model import haystack
from vector_desktop.presentation.word_search import WordSearchProxy

AnyIndex = QModelIndex | QPersistentModelIndex
PolicyKey = tuple[str, str]  # (connector key, tool name); tool name "" = the connector-wide choice


class PolicyColumn(enum.IntEnum):
    NAME = 0
    CHOICE = 1  # the user's choice: Default / Auto / Ask / Deny
    EFFECTIVE = 2  # what is in force
    WHY = 3
    TRUSTED = 4  # connector rows only


ChoiceRole = Qt.ItemDataRole.UserRole + 1  # "" (default) or a Policy value
ConnectorKeyRole = Qt.ItemDataRole.UserRole + 2
ToolNameRole = Qt.ItemDataRole.UserRole + 3  # "" on connector rows
SpecRole = Qt.ItemDataRole.UserRole + 4  # the tool's ToolSpec (None on connector rows)

_HEADERS = {
    PolicyColumn.NAME: "Connector / tool",
    PolicyColumn.CHOICE: "Your choice",
    PolicyColumn.EFFECTIVE: "In force",
    PolicyColumn.WHY: "Why",
    PolicyColumn.TRUSTED: "Trusted",
}
_TOP = 0  # internalId of connector rows; a tool row's is its connector's row + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("PolicyTreeModel", text)


def policy_text(policy: Policy | None) -> str:
    if policy is None:
        return _tr("Default")
    return {Policy.AUTO: _tr("Auto"), Policy.ASK: _tr("Ask"), Policy.DENY: _tr("Deny")}[policy]


def choices() -> list[tuple[str, str]]:
    """(text, value) of the choice combo: value "" is Default."""
    return [(policy_text(None), "")] + [(policy_text(policy), policy.value) for policy in Policy]


def choice_value(value: Any) -> Policy | None:
    """What setData accepts for a choice: None / "" (default), a Policy, or its value."""
    if value is None or value == "":
        return None
    return Policy(value)


@dataclass
class ToolRow:
    spec: ToolSpec
    choice: Policy | None = None
    effective: Policy = Policy.ASK
    why: str = ""
    haystack: str = ""


@dataclass
class ConnectorRow:
    info: ConnectorInfo
    choice: Policy | None = None
    trusted: bool = True
    tools: list[ToolRow] = field(default_factory=list)
    haystack: str = ""

    def summary(self) -> str:
        """'3 auto · 2 ask · 1 deny' over its tools."""
        counts = {policy: sum(1 for row in self.tools if row.effective is policy) for policy in Policy}
        parts = [f"{counts[policy]} {policy_text(policy).lower()}" for policy in Policy if counts[policy]]
        return " · ".join(parts) or _tr("No tools yet")

    def why(self) -> str:
        if not self.trusted:
            return _tr("Not trusted: every tool asks unless you chose otherwise.")
        if self.choice is not None:
            return _tr("Your choice for every tool of %1 without its own.").replace("%1", self.info.name)
        return ""


@dataclass(frozen=True)
class PolicyState:
    """Everything the Policies list shows, read off the GUI thread."""

    connectors: Sequence[ConnectorInfo]
    tools: Sequence[ToolSpec]
    choices: Mapping[PolicyKey, Policy]
    untrusted: frozenset[str]
    effective: Mapping[str, tuple[Policy, str]]  # qualified name → (policy, why)


class PolicyTreeModel(QAbstractItemModel):
    """Connectors at the top level (in the service's order), their tools below."""

    policy_requested = Signal(str, str, object)  # connector key, tool name ("" = connector), Policy | None
    trust_requested = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConnectorRow] = []

    # -- structure
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == _TOP and parent.column() == 0 and 0 <= parent.row() < len(self._rows):
            return len(self._rows[parent.row()].tools)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(PolicyColumn)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(PolicyColumn):
            return _tr(_HEADERS[PolicyColumn(section)])
        return None

    def _row(self, index: AnyIndex) -> ConnectorRow | ToolRow | None:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._rows[index.row()] if 0 <= index.row() < len(self._rows) else None
        parent = index.internalId() - 1
        if not 0 <= parent < len(self._rows):
            return None
        tools = self._rows[parent].tools
        return tools[index.row()] if 0 <= index.row() < len(tools) else None

    # -- data
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        row = self._row(index)
        if row is None:
            return flags
        column = PolicyColumn(index.column())
        if column is PolicyColumn.CHOICE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column is PolicyColumn.TRUSTED and isinstance(row, ConnectorRow):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        column = PolicyColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role in (Qt.ItemDataRole.EditRole, ChoiceRole) and column is PolicyColumn.CHOICE:
            return row.choice.value if row.choice is not None else ""
        if role == Qt.ItemDataRole.CheckStateRole and column is PolicyColumn.TRUSTED and isinstance(row, ConnectorRow):
            return Qt.CheckState.Checked if row.trusted else Qt.CheckState.Unchecked
        if role == ConnectorKeyRole:
            return row.info.key if isinstance(row, ConnectorRow) else row.spec.connector_key
        if role == ToolNameRole:
            return row.spec.name if isinstance(row, ToolRow) else ""
        if role == SpecRole:
            return row.spec if isinstance(row, ToolRow) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and isinstance(row, ConnectorRow) and column is PolicyColumn.NAME:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: ConnectorRow | ToolRow, column: PolicyColumn) -> str:
        if column is PolicyColumn.NAME:
            return row.info.name if isinstance(row, ConnectorRow) else row.spec.name
        if column is PolicyColumn.CHOICE:
            return policy_text(row.choice)
        if column is PolicyColumn.EFFECTIVE:
            return row.summary() if isinstance(row, ConnectorRow) else policy_text(row.effective)
        if column is PolicyColumn.WHY:
            if isinstance(row, ConnectorRow):
                return row.why()
            why = row.why[:1].upper() + row.why[1:]
            return why if row.spec.enabled else f"{why} {_tr('(turned off: not offered to the model)')}"
        return ""

    def _tooltip(self, row: ConnectorRow | ToolRow, column: PolicyColumn) -> str | None:
        if column is PolicyColumn.NAME and isinstance(row, ToolRow):
            return row.spec.qualified_name
        if column is PolicyColumn.CHOICE:
            if isinstance(row, ConnectorRow):
                return _tr("For every tool of this connector that has no choice of its own")
            return _tr("Default: the connector's choice, else what the server says about the tool")
        if column is PolicyColumn.TRUSTED:
            return _tr("An untrusted connector's tools always ask: what its server says about them is not believed")
        if column is PolicyColumn.WHY and isinstance(row, ToolRow):
            return row.why or None
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self._row(index)
        if row is None:
            return False
        column = PolicyColumn(index.column())
        key = row.info.key if isinstance(row, ConnectorRow) else row.spec.connector_key
        if column is PolicyColumn.CHOICE and role in (Qt.ItemDataRole.EditRole, ChoiceRole):
            try:
                choice = choice_value(value)
            except ValueError:
                return False
            if choice != row.choice:
                row.choice = choice
                self._changed(index)
                self.policy_requested.emit(key, row.spec.name if isinstance(row, ToolRow) else "", choice)
            return True
        if column is PolicyColumn.TRUSTED and role == Qt.ItemDataRole.CheckStateRole and isinstance(row, ConnectorRow):
            trusted = _is_checked(value)
            if trusted != row.trusted:
                row.trusted = trusted
                self._changed(index)
                self.trust_requested.emit(key, trusted)
            return True
        return False

    def _changed(self, index: AnyIndex) -> None:
        self.dataChanged.emit(
            self.index(index.row(), 0, index.parent()), self.index(index.row(), len(PolicyColumn) - 1, index.parent())
        )

    # -- our API
    def set_state(self, state: PolicyState) -> None:
        rows = _build(state)
        if _shape(rows) != _shape(self._rows):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            parent = self.index(number, 0)
            changed = (old.info, old.choice, old.trusted) != (new.info, new.choice, new.trusted)
            old.info, old.choice, old.trusted, old.haystack = new.info, new.choice, new.trusted, new.haystack
            for child, (old_tool, new_tool) in enumerate(zip(old.tools, new.tools, strict=True)):
                if old_tool != new_tool:
                    old.tools[child] = new_tool
                    self._changed(self.index(child, 0, parent))
                    changed = True  # the connector's summary counts its tools
            if changed:
                self._changed(parent)

    def connector_rows(self) -> list[ConnectorRow]:
        return list(self._rows)

    def tool_row(self, qualified_name: str) -> ToolRow | None:
        for row in self._rows:
            for tool in row.tools:
                if tool.spec.qualified_name == qualified_name:
                    return tool
        return None

    def connector_row(self, key: str) -> ConnectorRow | None:
        return next((row for row in self._rows if row.info.key == key), None)

    def index_of(self, key: str, tool_name: str = "", column: int = 0) -> QModelIndex:
        for number, row in enumerate(self._rows):
            if row.info.key != key:
                continue
            if not tool_name:
                return self.index(number, column)
            for child, tool in enumerate(row.tools):
                if tool.spec.name == tool_name:
                    return self.index(child, column, self.index(number, 0))
        return QModelIndex()

    def haystack_of(self, index: AnyIndex) -> str:
        row = self._row(index)
        return row.haystack if row is not None else ""


def _build(state: PolicyState) -> list[ConnectorRow]:
    rows: dict[str, ConnectorRow] = {}
    for info in state.connectors:
        rows[info.key] = ConnectorRow(
            info=info,
            choice=state.choices.get((info.key, "")),
            trusted=info.key not in state.untrusted,
            haystack=f"{info.name} {info.key}".lower(),
        )
    for spec in state.tools:
        owner = rows.get(spec.connector_key)
        if owner is None:
            continue
        effective, why = state.effective.get(spec.qualified_name, (Policy.ASK, ""))
        owner.tools.append(
            ToolRow(
                spec=spec,
                choice=state.choices.get((spec.connector_key, spec.name)),
                effective=effective,
                why=why,
                haystack=haystack(spec, owner.info.name),
            )
        )
    return list(rows.values())


def _shape(rows: Sequence[ConnectorRow]) -> list[tuple[str, tuple[str, ...]]]:
    return [(row.info.key, tuple(tool.spec.qualified_name for tool in row.tools)) for row in rows]


def _is_checked(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


class PolicyFilterProxy(WordSearchProxy):
    """Search as the tool browser does: every word must appear in the tool's names, title, description or connector;
    a connector stays while one of its tools matches, and a matching connector shows all its tools."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not self.searching or not isinstance(model, PolicyTreeModel):
            return True
        return self.words_match(model.haystack_of(model.index(source_row, 0, source_parent)))
