"""Add a rule: a tool name or pattern, a connector (any or one), argument tests one a line (each line's problem
shown next to it as you type), and what the rule does. What the user typed stays when saving fails."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QLabel, QWidget

from vector_desktop.domain.tool_policy import Policy, PolicyRule, RuleDraft
from vector_desktop.presentation.tool_policy.permissions_viewmodel import MatcherCheck, PermissionsViewModel
from vector_desktop.views.forms.ui_rule_dialog import Ui_RuleDialog
from vector_desktop.views.json_schema.schema_editors import ERROR_STYLE
from vector_desktop.views.tool_policy.matcher_editor import MatcherEditor


class RuleDialog(QDialog):
    def __init__(
        self,
        view_model: PermissionsViewModel,
        parent: QWidget | None = None,
        *,
        tool: str = "",
        connector_key: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RuleDialog()
        self.ui.setupUi(self)
        self._vm = view_model
        self._saving = False
        self.added: PolicyRule | None = None
        ui = self.ui
        self.matchers = MatcherEditor(ui.matchersHolder)
        ui.matchersHolderLayout.addWidget(self.matchers)
        ui.matchersLabel.setBuddy(self.matchers)
        for label in (ui.toolError, ui.matchersError, ui.formMessage):
            label.setStyleSheet(ERROR_STYLE)
        ui.matchersHelp.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        ui.connectorCombo.addItem(self.tr("Any connector"), "")
        for name, key in view_model.connector_choices():
            ui.connectorCombo.addItem(name, key)
        ui.connectorCombo.setCurrentIndex(max(ui.connectorCombo.findData(connector_key), 0))
        for text, effect in (
            (self.tr("Ask each time"), Policy.ASK),
            (self.tr("Allow without asking"), Policy.AUTO),
            (self.tr("Deny"), Policy.DENY),
        ):
            ui.effectCombo.addItem(text, effect.value)
        completer = QCompleter(view_model.tool_names(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.toolEdit.setCompleter(completer)
        ui.toolEdit.setText(tool)
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add rule"))
        ui.toolEdit.textChanged.connect(lambda _text: self._field_edited(ui.toolError))
        self.matchers.textChanged.connect(self.check)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        view_model.rule_added.connect(self._on_added)
        view_model.rule_failed.connect(self._on_failed)
        self.check()
        self._field_edited(ui.toolError)

    # -- checking as the user types
    def check(self) -> MatcherCheck:
        result = self._vm.check_matchers(self.matchers.toPlainText())
        self.matchers.set_errors(result.errors)
        lines = [
            self.tr("Line %1: %2").replace("%1", str(number + 1)).replace("%2", text)
            for number, text in sorted(result.errors.items())
        ]
        self.ui.matchersError.setText("\n".join(lines))
        self.ui.matchersError.setVisible(bool(lines))
        self.ui.formMessage.setVisible(False)
        return result

    def _field_edited(self, label: QLabel) -> None:
        label.setVisible(False)
        self.ui.formMessage.setVisible(False)

    def message(self, field: str) -> str:
        """The problem shown for "tool", "matchers" or "" (the whole form); "" when none is shown."""
        label = {"tool": self.ui.toolError, "matchers": self.ui.matchersError}.get(field, self.ui.formMessage)
        return label.text() if label.isVisibleTo(self) else ""

    # -- saving
    def draft(self) -> RuleDraft | None:
        ui = self.ui
        result = self.check()
        tool = ui.toolEdit.text().strip()
        if not tool:
            self._show(ui.toolError, self.tr("Name a tool, or a pattern such as jira__* for several tools."))
        if not tool or not result.ok:
            return None
        return RuleDraft(
            tool=tool,
            effect=Policy(str(ui.effectCombo.currentData())),
            connector_key=str(ui.connectorCombo.currentData() or ""),
            matchers=result.matchers,
            note=ui.noteEdit.text().strip(),
        )

    def save(self) -> None:
        if self._saving:
            return
        draft = self.draft()
        if draft is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self._vm.add_rule(draft)

    def _on_added(self, rule: PolicyRule) -> None:
        if self._saving:
            self._saving = False
            self.added = rule
            self.accept()

    def _on_failed(self, field: str, text: str) -> None:
        if not self._saving:
            return
        self._saving = False
        self.save_button.setEnabled(True)
        label = {"tool": self.ui.toolError, "matchers": self.ui.matchersError}.get(field, self.ui.formMessage)
        self._show(label, text)

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(True)
