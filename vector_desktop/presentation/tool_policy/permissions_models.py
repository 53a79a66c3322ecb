"""The Grants and Rules lists of the Permissions tab: every live grant (tool, connector, scope, conversation,
expiry, creation) and every rule (tool pattern, connector, argument matchers in their text form, effect, note)."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from vector_desktop.domain.tool_policy import Grant, GrantScope, Policy, PolicyRule
from vector_desktop.presentation.jobs_model import time_text
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel
from vector_desktop.services.tool_policy.matchers import format_matcher


def _tr(text: str) -> str:
    return QCoreApplication.translate("PermissionsModels", text)


def scope_text(scope: GrantScope) -> str:
    return {
        GrantScope.ONCE: _tr("Once"),
        GrantScope.CONVERSATION: _tr("In one conversation"),
        GrantScope.HOUR: _tr("For an hour"),
        GrantScope.ALWAYS: _tr("Always"),
    }[scope]


def effect_text(effect: Policy) -> str:
    return {Policy.AUTO: _tr("Allow"), Policy.ASK: _tr("Ask"), Policy.DENY: _tr("Deny")}[effect]


class GrantColumn(enum.IntEnum):
    TOOL = 0
    CONNECTOR = 1
    SCOPE = 2
    CONVERSATION = 3
    EXPIRES = 4
    CREATED = 5


GrantRole = Qt.ItemDataRole.UserRole + 1  # the row's Grant


class GrantsModel(ColumnTableModel):
    COLUMNS = GrantColumn
    HEADERS = {
        GrantColumn.TOOL: "Tool",
        GrantColumn.CONNECTOR: "Connector",
        GrantColumn.SCOPE: "Scope",
        GrantColumn.CONVERSATION: "Conversation",
        GrantColumn.EXPIRES: "Expires",
        GrantColumn.CREATED: "Given",
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Grant] = []
        self._tools: dict[str, str] = {}
        self._connectors: dict[str, str] = {}
        self._titles: dict[str, str] = {}

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        grant = self._rows[index.row()]
        column = GrantColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(grant, column)
        if role == GrantRole:
            return grant
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is GrantColumn.TOOL:
                tests = "\n".join(format_matcher(matcher) for matcher in grant.matchers)
                return grant.qualified_name + (("\n" + _tr("When:") + "\n" + tests) if tests else "")
            if column is GrantColumn.CONVERSATION and grant.conversation_id:
                return grant.conversation_id
            if column is GrantColumn.SCOPE:
                return grant.describe()
        return None

    def _display(self, grant: Grant, column: GrantColumn) -> str:
        if column is GrantColumn.TOOL:
            return self._tools.get(grant.qualified_name, grant.qualified_name)
        if column is GrantColumn.CONNECTOR:
            return self._connectors.get(grant.connector_key, grant.connector_key)
        if column is GrantColumn.SCOPE:
            return scope_text(grant.scope)
        if column is GrantColumn.CONVERSATION:
            if not grant.conversation_id:
                return _tr("Any")
            return self._titles.get(grant.conversation_id) or grant.conversation_id
        if column is GrantColumn.EXPIRES:
            return time_text(grant.expires_at) if grant.expires_at is not None else _tr("Never")
        return time_text(grant.created_at)

    # -- our API
    def set_grants(
        self,
        grants: Sequence[Grant],
        tool_names: Mapping[str, str],
        connector_names: Mapping[str, str],
        conversation_titles: Mapping[str, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(grants)
        self._tools = dict(tool_names)
        self._connectors = dict(connector_names)
        self._titles = dict(conversation_titles or {})
        self.endResetModel()

    def grants(self) -> list[Grant]:
        return list(self._rows)

    def grant_at(self, row: int) -> Grant | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, grant_id: int) -> int:
        return next((row for row, grant in enumerate(self._rows) if grant.id == grant_id), -1)


class RuleColumn(enum.IntEnum):
    TOOL = 0
    CONNECTOR = 1
    MATCHERS = 2
    EFFECT = 3
    NOTE = 4


RuleRole = Qt.ItemDataRole.UserRole + 1  # the row's PolicyRule


def matchers_text(rule: PolicyRule, separator: str = "; ") -> str:
    return separator.join(format_matcher(matcher) for matcher in rule.matchers)


class RulesModel(ColumnTableModel):
    COLUMNS = RuleColumn
    HEADERS = {
        RuleColumn.TOOL: "Tools",
        RuleColumn.CONNECTOR: "Connector",
        RuleColumn.MATCHERS: "When the arguments…",
        RuleColumn.EFFECT: "Then",
        RuleColumn.NOTE: "Note",
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PolicyRule] = []
        self._connectors: dict[str, str] = {}

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rule = self._rows[index.row()]
        column = RuleColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(rule, column)
        if role == RuleRole:
            return rule
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is RuleColumn.MATCHERS and rule.matchers:
                return matchers_text(rule, "\n")
            if column is RuleColumn.NOTE and rule.note:
                return rule.note
            if column is RuleColumn.TOOL:
                return _tr("Rule #%1").replace("%1", str(rule.id))
        return None

    def _display(self, rule: PolicyRule, column: RuleColumn) -> str:
        if column is RuleColumn.TOOL:
            return rule.tool
        if column is RuleColumn.CONNECTOR:
            if not rule.connector_key:
                return _tr("Any")
            return self._connectors.get(rule.connector_key, rule.connector_key)
        if column is RuleColumn.MATCHERS:
            return matchers_text(rule) or _tr("(any arguments)")
        if column is RuleColumn.EFFECT:
            return effect_text(rule.effect)
        return rule.note

    # -- our API
    def set_rules(self, rules: Sequence[PolicyRule], connector_names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rules)
        self._connectors = dict(connector_names)
        self.endResetModel()

    def rules(self) -> list[PolicyRule]:
        return list(self._rows)

    def rule_at(self, row: int) -> PolicyRule | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, rule_id: int) -> int:
        return next((row for row, rule in enumerate(self._rows) if rule.id == rule_id), -1)
