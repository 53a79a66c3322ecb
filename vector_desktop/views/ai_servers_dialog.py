"""The AI servers dialog: the user's own OpenAI-compatible servers, each with a name, base URL and optional key.

Selecting a row edits that server below the list; Add starts a new one. The key field is a password field that is
never filled in: a saved key stays in the keychain, and an empty field keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QWidget

from vector_desktop.presentation.ai_servers_viewmodel import AIServersViewModel, ServerColumn, ServerIdRole
from vector_desktop.views.forms.ui_ai_servers_dialog import Ui_AIServersDialog

ERROR_STYLE = "QLabel { color: #c62828; }"


class AIServersDialog(QDialog):
    def __init__(self, view_model: AIServersViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AIServersDialog()
        self.ui.setupUi(self)
        self._vm = view_model
        self._editing: int | None = None  # the server in the form; None: a new one
        self._select_after_load: int | None = None
        self.confirm_box: QMessageBox | None = None  # the open removal question (tests answer it)
        ui = self.ui
        ui.emptyLabel.setObjectName("emptyState")
        ui.formErrorLabel.setStyleSheet(ERROR_STYLE)
        ui.formErrorLabel.hide()
        ui.testResultLabel.hide()
        ui.modelsList.hide()
        self._setup_table()
        self._setup_presets()
        self._connect()
        self._start_new()
        self._update_empty()

    # -- set-up
    def _setup_table(self) -> None:
        table = self.ui.serversTable
        table.setModel(self._vm.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(ServerColumn.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ServerColumn.ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ServerColumn.KEY, QHeaderView.ResizeMode.ResizeToContents)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)

    def _setup_presets(self) -> None:
        combo = self.ui.presetCombo
        combo.addItem(self.tr("Custom"), "")
        for preset in self._vm.presets():
            combo.addItem(f"{preset.name} ({preset.base_url})", preset.name)

    def _connect(self) -> None:
        ui, vm = self.ui, self._vm
        ui.serversTable.selectionModel().selectionChanged.connect(self._selection_changed)
        vm.model.modelReset.connect(self._model_reset)
        ui.addButton.clicked.connect(self.start_new)
        ui.removeButton.clicked.connect(self.remove_selected)
        ui.reachabilityButton.clicked.connect(vm.check_reachability)
        ui.presetCombo.activated.connect(self._preset_chosen)
        ui.testButton.clicked.connect(self.test)
        ui.saveButton.clicked.connect(self.save)
        ui.clearKeyCheck.toggled.connect(lambda on: ui.keyEdit.setEnabled(not on))
        for edit in (ui.nameEdit, ui.urlEdit, ui.keyEdit):
            edit.returnPressed.connect(self.save)
            edit.textEdited.connect(lambda _text: ui.formErrorLabel.hide())
        vm.saved.connect(self._saved)
        vm.removed.connect(self._removed)
        vm.save_failed.connect(self._save_failed)
        vm.busy_changed.connect(self._busy_changed)
        vm.test_started.connect(self._test_started)
        vm.test_finished.connect(self._test_finished)
        vm.notice.connect(self._show_error)
        vm.error_occurred.connect(self._show_error)

    # -- the list
    def selected_id(self) -> int | None:
        rows = self.ui.serversTable.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ServerIdRole)
        return int(value) if value is not None else None

    def _model_reset(self) -> None:
        self._update_empty()
        wanted = self._select_after_load if self._select_after_load is not None else self._editing
        self._select_after_load = None
        row = self._vm.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self.ui.serversTable.selectRow(row)
        elif self._editing is not None:
            self._start_new()  # the server being edited is gone
        self._update_buttons()

    def _update_empty(self) -> None:
        has_rows = self._vm.model.rowCount() > 0
        self.ui.emptyLabel.setVisible(not has_rows)
        self.ui.serversTable.setVisible(has_rows)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        server_id = self.selected_id()
        if server_id is not None and server_id != self._editing:
            self._edit(server_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ui.removeButton.setEnabled(self.selected_id() is not None and not self._vm.busy)
        self.ui.saveButton.setEnabled(not self._vm.busy)

    # -- the form
    def start_new(self) -> None:
        self.ui.serversTable.clearSelection()
        self._start_new()
        self.ui.nameEdit.setFocus()

    def _start_new(self) -> None:
        ui = self.ui
        self._editing = None
        ui.editorGroup.setTitle(self.tr("New server"))
        ui.presetCombo.setCurrentIndex(0)
        ui.nameEdit.clear()
        ui.urlEdit.clear()
        ui.keyEdit.clear()
        ui.keyEdit.setPlaceholderText(self.tr("Optional; most local servers need none"))
        ui.clearKeyCheck.setChecked(False)
        ui.clearKeyCheck.hide()
        ui.enabledCheck.setChecked(True)
        self._clear_feedback()

    def _edit(self, server_id: int) -> None:
        server = self._vm.model.server(server_id)
        if server is None:
            return
        ui = self.ui
        self._editing = server_id
        ui.editorGroup.setTitle(self.tr("Edit “%1”").replace("%1", server.name))
        ui.presetCombo.setCurrentIndex(0)
        ui.nameEdit.setText(server.name)
        ui.urlEdit.setText(server.base_url)
        ui.keyEdit.clear()
        ui.keyEdit.setPlaceholderText(
            self.tr("A key is saved in the keychain; type a new one to replace it")
            if server.has_key
            else self.tr("Optional; most local servers need none")
        )
        ui.clearKeyCheck.setChecked(False)
        ui.clearKeyCheck.setVisible(server.has_key)
        ui.enabledCheck.setChecked(server.enabled)
        self._clear_feedback()

    def _preset_chosen(self, index: int) -> None:
        name = str(self.ui.presetCombo.itemData(index) or "")
        preset = next((p for p in self._vm.presets() if p.name == name), None)
        if preset is None:
            return
        self.ui.urlEdit.setText(preset.base_url)
        current = self.ui.nameEdit.text().strip()
        if self._editing is None and (not current or current in {p.name for p in self._vm.presets()}):
            self.ui.nameEdit.setText(self._vm.suggest_name(preset.name))
        self.ui.formErrorLabel.hide()

    def _clear_feedback(self) -> None:
        self.ui.formErrorLabel.hide()
        self.ui.testResultLabel.hide()
        self.ui.modelsList.clear()
        self.ui.modelsList.hide()

    # -- actions
    def save(self) -> None:
        ui = self.ui
        if self._vm.busy:
            return
        self._select_after_load = self._editing
        self._vm.save(
            self._editing,
            ui.nameEdit.text(),
            ui.urlEdit.text(),
            "" if ui.clearKeyCheck.isChecked() else ui.keyEdit.text(),
            clear_key=ui.clearKeyCheck.isChecked(),
            enabled=ui.enabledCheck.isChecked(),
        )

    def test(self) -> None:
        ui = self.ui
        self._vm.test(
            ui.urlEdit.text(),
            "" if ui.clearKeyCheck.isChecked() else ui.keyEdit.text(),
            server_id=self._editing,
            clear_key=ui.clearKeyCheck.isChecked(),
        )

    def remove_selected(self) -> None:
        server_id = self.selected_id()
        server = self._vm.model.server(server_id) if server_id is not None else None
        if server is None or self._vm.busy:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove server"),
            self.tr("Remove the server “%1”?").replace("%1", server.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr("Its saved API key is deleted from the keychain and its models leave the model picker.")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Remove"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            self.confirm_box = None
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self._vm.remove(server.id)

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    # -- view-model feedback
    def _saved(self, server_id: int) -> None:
        self._select_after_load = None
        self.ui.keyEdit.clear()
        row = self._vm.model.row_of(server_id)
        if row >= 0:
            self.ui.serversTable.selectRow(row)
        self._edit(server_id)

    def _removed(self, _name: str) -> None:
        if self._editing is not None and self._vm.model.row_of(self._editing) < 0:
            self._start_new()

    def _save_failed(self, field: str, message: str) -> None:
        self._show_error(message)
        widget = {"name": self.ui.nameEdit, "base_url": self.ui.urlEdit, "api_key": self.ui.keyEdit}.get(field)
        if widget is not None:
            widget.setFocus()
            widget.selectAll()

    def _show_error(self, message: str) -> None:
        self.ui.formErrorLabel.setText(message)
        self.ui.formErrorLabel.show()

    def _busy_changed(self, _busy: bool) -> None:
        self._update_buttons()

    def _test_started(self) -> None:
        ui = self.ui
        ui.testButton.setEnabled(False)
        ui.testResultLabel.setText(self.tr("Asking the server for its models…"))
        ui.testResultLabel.setStyleSheet("")
        ui.testResultLabel.show()
        ui.modelsList.clear()
        ui.modelsList.hide()

    def _test_finished(self, ok: bool, text: str, models: list[str]) -> None:
        ui = self.ui
        ui.testButton.setEnabled(True)
        ui.testResultLabel.setText(text)
        ui.testResultLabel.setStyleSheet("" if ok else ERROR_STYLE)
        ui.modelsList.clear()
        ui.modelsList.addItems(models)
        ui.modelsList.setVisible(bool(models))
