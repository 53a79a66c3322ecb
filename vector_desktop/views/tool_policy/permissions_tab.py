"""The Permissions tab of the Connectors panel: the policy of each connector and tool (a combo per row, what is in
force and why, Trusted per connector), every live grant (revoke the selected ones, or all after a confirmation) and
the rules (add in a dialog, delete). Hidden until the composition root calls `attach_permissions` with the panel
(this feature does not import the connectors' views: the panel is a `PermissionsHost`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from vector_desktop.domain.connectors_api import ConnectorsApi
from vector_desktop.domain.tool_policy import Grant, PolicyRule
from vector_desktop.presentation.tool_policy.permissions_models import GrantColumn, GrantRole, RuleColumn, RuleRole
from vector_desktop.presentation.tool_policy.permissions_viewmodel import (
    PermissionsEngine,
    PermissionsViewModel,
    RunBlocking,
)
from vector_desktop.presentation.tool_policy.policy_tree_model import PolicyColumn, choices
from vector_desktop.views.forms.ui_connectors_panel import Ui_ConnectorsPanel
from vector_desktop.views.tool_policy.rule_dialog import RuleDialog

LIST_PAGE, EMPTY_PAGE = 0, 1
AnyIndex = QModelIndex | QPersistentModelIndex


class PermissionsHost(Protocol):
    """The panel widget the tab sits in: the Connectors panel, whose form holds the tab's widgets."""

    @property
    def ui(self) -> Ui_ConnectorsPanel: ...

    def show_error(self, text: str) -> None: ...

    def show_message(self, text: str) -> None: ...


def _widget(host: PermissionsHost) -> QWidget:
    assert isinstance(host, QWidget), "the Permissions tab's host is a panel widget"
    return host


class ChoiceDelegate(QStyledItemDelegate):
    """Default / Auto / Ask / Deny as a combo; a pick is written at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Your choice"))
        for text, value in choices():
            combo.addItem(text, value)
        combo.activated.connect(lambda _row: self._picked(combo))
        return combo

    def _picked(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole) or ""), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)


class PermissionsTab(QObject):
    def __init__(self, panel: PermissionsHost, view_model: PermissionsViewModel) -> None:
        widget = _widget(panel)
        super().__init__(widget)
        self.panel, self.host = widget, panel
        self.ui = panel.ui
        self.vm = view_model
        self.confirm_box: QMessageBox | None = None  # the open confirmation (tests answer it)
        self.rule_dialog: RuleDialog | None = None
        ui = self.ui
        tree = ui.policyTree
        tree.setModel(view_model.policies_proxy)
        self.choice_delegate = ChoiceDelegate(tree)
        tree.setItemDelegateForColumn(PolicyColumn.CHOICE, self.choice_delegate)
        header = tree.header()
        for column, width in ((PolicyColumn.NAME, 220), (PolicyColumn.CHOICE, 100), (PolicyColumn.EFFECTIVE, 130)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(PolicyColumn.WHY, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(PolicyColumn.TRUSTED, 70)
        ui.grantsTable.setModel(view_model.grants)
        ui.rulesTable.setModel(view_model.rules)
        grant_widths = {GrantColumn.TOOL: 170, GrantColumn.CONNECTOR: 110, GrantColumn.SCOPE: 140}
        grant_widths |= {GrantColumn.CONVERSATION: 160, GrantColumn.EXPIRES: 120}
        rule_widths = {RuleColumn.TOOL: 170, RuleColumn.CONNECTOR: 110, RuleColumn.MATCHERS: 240, RuleColumn.EFFECT: 70}
        for table, widths in ((ui.grantsTable, grant_widths), (ui.rulesTable, rule_widths)):
            table.verticalHeader().setVisible(False)
            for section, width in widths.items():
                table.horizontalHeader().resizeSection(section, width)
            table.horizontalHeader().setStretchLastSection(True)
        for label in (ui.policyEmptyLabel, ui.grantsEmptyLabel, ui.rulesEmptyLabel):
            label.setObjectName("emptyState")
        ui.policyHelpLabel.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        ui.policySearch.textChanged.connect(self._search)
        ui.revokeButton.clicked.connect(self.revoke_selected)
        ui.revokeAllButton.clicked.connect(self.revoke_all)
        ui.addRuleButton.clicked.connect(lambda: self.add_rule())
        ui.deleteRuleButton.clicked.connect(self.delete_selected_rules)
        self._delete_action(ui.grantsTable, self.revoke_selected)
        self._delete_action(ui.rulesTable, self.delete_selected_rules)
        ui.grantsTable.selectionModel().selectionChanged.connect(lambda *_args: self.update_state())
        ui.rulesTable.selectionModel().selectionChanged.connect(lambda *_args: self.update_state())
        view_model.loaded.connect(self.update_state)
        view_model.busy_changed.connect(lambda _busy: self.update_state())
        view_model.error_occurred.connect(panel.show_error)
        view_model.message.connect(panel.show_message)
        proxy = view_model.policies_proxy
        self._expand_timer = QTimer(self)  # a reset or a search re-inserts the connectors collapsed
        self._expand_timer.setSingleShot(True)
        self._expand_timer.setInterval(0)
        self._expand_timer.timeout.connect(self._expand)
        proxy.modelReset.connect(self._expand_timer.start)
        proxy.rowsInserted.connect(self._expand_timer.start)
        ui.permissionsTab.installEventFilter(self)
        self.update_state()

    def _delete_action(self, view: QAbstractItemView, then: Callable[[], Any]) -> None:
        action = QAction(view)
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: then())
        view.addAction(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.permissionsTab and event.type() == QEvent.Type.Show:
            self.vm.reload()  # grants made in the chat since it was last shown
        return False

    # -- policies
    def _search(self, text: str) -> None:
        self.vm.policies_proxy.set_search(text)
        self.update_state()

    def _expand(self) -> None:
        self.ui.policyTree.expandAll()
        self.update_state()

    # -- grants
    def selected_grants(self) -> list[Grant]:
        rows = self.ui.grantsTable.selectionModel().selectedRows()
        return [grant for index in rows if isinstance(grant := index.data(GrantRole), Grant)]

    def select_grant(self, grant_id: int) -> bool:
        row = self.vm.grants.row_of(grant_id)
        if row >= 0:
            self.ui.grantsTable.selectRow(row)
        return row >= 0

    def revoke_selected(self) -> None:
        grants = self.selected_grants()
        if grants and not self.vm.busy:
            self.vm.revoke([grant.id for grant in grants])

    def revoke_all(self) -> None:
        count = self.vm.grants.rowCount()
        if not count:
            return
        text = self.tr("Revoke all %1 grants? Every tool they allowed asks again.").replace("%1", str(count))
        if count == 1:
            text = self.tr("Revoke the grant? The tool it allowed asks again.")
        self._confirm(text, self.tr("Revoke all"), self.vm.revoke_all)

    def _confirm(self, text: str, verb: str, then: Callable[[], Any]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Permissions"), text, QMessageBox.StandardButton.Cancel, self.panel
        )
        yes = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: then() if button is yes else None)
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    # -- rules
    def selected_rules(self) -> list[PolicyRule]:
        rows = self.ui.rulesTable.selectionModel().selectedRows()
        return [rule for index in rows if isinstance(rule := index.data(RuleRole), PolicyRule)]

    def select_rule(self, rule_id: int) -> bool:
        row = self.vm.rules.row_of(rule_id)
        if row >= 0:
            self.ui.rulesTable.selectRow(row)
        return row >= 0

    def add_rule(self, tool: str = "", connector_key: str = "") -> RuleDialog:
        if self.rule_dialog is not None:
            self.rule_dialog.close()
        dialog = RuleDialog(self.vm, self.panel, tool=tool, connector_key=connector_key)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._rule_added(dialog))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.rule_dialog = dialog
        dialog.open()
        return dialog

    def _rule_added(self, dialog: RuleDialog) -> None:
        if dialog.added is not None:
            self.select_rule(dialog.added.id)
            self.host.show_message(self.tr("The rule was added."))

    def _dialog_closed(self, dialog: RuleDialog) -> None:
        if self.rule_dialog is dialog:
            self.rule_dialog = None

    def delete_selected_rules(self) -> None:
        rules = self.selected_rules()
        if rules and not self.vm.busy:
            self.vm.delete_rules([rule.id for rule in rules])

    # -- state
    def update_state(self) -> None:
        ui = self.ui
        vm = self.vm
        proxy = vm.policies_proxy
        ui.policyStack.setCurrentIndex(LIST_PAGE if proxy.rowCount() else EMPTY_PAGE)
        if proxy.search and not proxy.rowCount():
            ui.policyEmptyLabel.setText(self.tr("No tool matches “%1”.").replace("%1", proxy.search))
        else:
            ui.policyEmptyLabel.setText(self.tr("Connectors and their tools appear here once you add them."))
        grants = vm.grants.rowCount()
        ui.grantsStack.setCurrentIndex(LIST_PAGE if grants else EMPTY_PAGE)
        ui.revokeButton.setEnabled(bool(self.selected_grants()) and not vm.busy)
        ui.revokeAllButton.setEnabled(grants > 0 and not vm.busy)
        ui.permissionsTabs.setTabText(
            ui.permissionsTabs.indexOf(ui.grantsPage),
            self.tr("&Grants (%1)").replace("%1", str(grants)) if grants else self.tr("&Grants"),
        )
        ui.rulesStack.setCurrentIndex(LIST_PAGE if vm.rules.rowCount() else EMPTY_PAGE)
        ui.rulesEmptyLabel.setText(
            self.tr("No rules. Add one to allow, ask for or deny a tool by its name and arguments.")
        )
        ui.deleteRuleButton.setEnabled(bool(self.selected_rules()) and not vm.busy)


def attach_permissions(
    panel: PermissionsHost,
    *,
    engine: PermissionsEngine,
    connectors: ConnectorsApi,
    run_blocking: RunBlocking,
    conversation_titles: Callable[[Sequence[str]], Mapping[str, str]] | None = None,
) -> PermissionsViewModel:
    """Show the Permissions tab of `panel` over the policy engine. Call `close()` on the view-model when quitting
    (it stops listening to the connectors); `reload()` after the chat made a grant."""
    widget = _widget(panel)
    existing = permissions_tab(widget)
    if existing is not None:
        return existing.vm
    view_model = PermissionsViewModel(
        engine, connectors, run_blocking=run_blocking, conversation_titles=conversation_titles, parent=widget
    )
    PermissionsTab(panel, view_model)
    tabs = panel.ui.centreTabs
    if tabs.indexOf(panel.ui.permissionsTab) < 0:
        tabs.addTab(panel.ui.permissionsTab, widget.tr("&Permissions"))
    view_model.reload()
    return view_model


def permissions_tab(panel: QWidget) -> PermissionsTab | None:
    """The tab `attach_permissions` put on `panel` (None before)."""
    return panel.findChild(PermissionsTab)
