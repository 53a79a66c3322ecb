"""The Settings dialog: groups on the left, a form per group built from the declared settings.

Every field shows where its value comes from and an error under it while the input is invalid; Save refuses (and
saves nothing) while any changed field is invalid. Secret fields never show their value: a status line says whether
one is stored, a password field replaces it and Clear removes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.settings_viewmodel import FieldState, GroupAction, GroupState, SettingsViewModel
from vector_desktop.views.forms.ui_settings_dialog import Ui_SettingsDialog

ERROR_STYLE = "QLabel { color: #c62828; }"
NOTE_STYLE = "QLabel { color: #b26a00; }"
SOURCE_STYLE = "QLabel { color: gray; }"
OK_STYLE = "QLabel { color: #2e7d32; }"


def _small(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
    label.setFont(font)
    return label


class FieldEditor(QWidget):
    """One setting: its input control, source line, note about ignored values and error line."""

    edited = Signal(str)  # key
    reset_requested = Signal(str)  # key

    def __init__(self, state: FieldState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = state.key
        self.secret = state.secret
        self.kind = state.kind
        self._baseline = ""
        self._clear_pending = False
        self._status_text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)
        layout.addLayout(row)
        self.status: QLabel | None = None
        self.clear_button: QPushButton | None = None
        self.reset_button: QPushButton | None = None
        self.line: QLineEdit | None = None
        self.check: QCheckBox | None = None
        self.combo: QComboBox | None = None
        if state.secret:
            self.status = QLabel(self)
            self.status.setObjectName(f"status_{state.key}")
            self.status.setAccessibleName(self.tr("%1 status").replace("%1", state.label))
            self.line = QLineEdit(self)
            self.line.setEchoMode(QLineEdit.EchoMode.Password)
            self.line.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self.clear_button = QPushButton(self.tr("Clear"), self)
            self.clear_button.setObjectName(f"clear_{state.key}")
            self.clear_button.setAccessibleName(self.tr("Clear %1").replace("%1", state.label))
            self.clear_button.setToolTip(self.tr("Remove the stored value from the keychain when you save"))
            self.clear_button.clicked.connect(self._clear)
            row.addWidget(self.status)
            row.addWidget(self.line, 1)
            row.addWidget(self.clear_button)
            self.line.textEdited.connect(self._secret_typed)
        elif state.kind == "bool":
            self.check = QCheckBox(self)
            self.check.toggled.connect(self._changed)
            row.addWidget(self.check, 1)
        elif state.kind == "choice":
            self.combo = QComboBox(self)
            self.combo.addItems(list(state.choices))
            self.combo.currentTextChanged.connect(self._changed)
            row.addWidget(self.combo, 1)
        else:
            self.line = QLineEdit(self)
            if state.kind in ("int", "port", "float"):
                self.line.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            elif state.kind == "url":
                self.line.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly)
            elif state.kind == "email":
                self.line.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
            self.line.textChanged.connect(self._changed)
            row.addWidget(self.line, 1)
        if not state.secret:
            self.reset_button = QPushButton(self.tr("Reset"), self)
            self.reset_button.setObjectName(f"reset_{state.key}")
            self.reset_button.setAccessibleName(self.tr("Reset %1").replace("%1", state.label))
            self.reset_button.setToolTip(
                self.tr("Remove the value saved in the app; the .env file, environment or default applies again")
            )
            self.reset_button.clicked.connect(lambda: self.reset_requested.emit(self.key))
            row.addWidget(self.reset_button)
        control = self.control()
        control.setObjectName(f"field_{state.key}")
        control.setAccessibleName(state.label)
        control.setAccessibleDescription(state.description)
        control.setToolTip(state.description)
        self.source_label = _small(QLabel(self))
        self.source_label.setObjectName(f"source_{state.key}")
        self.source_label.setStyleSheet(SOURCE_STYLE)
        self.source_label.setToolTip(state.description)
        self.source_label.setAccessibleName(self.tr("%1 source").replace("%1", state.label))
        self.note_label = _small(QLabel(self))
        self.note_label.setObjectName(f"note_{state.key}")
        self.note_label.setStyleSheet(NOTE_STYLE)
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(False)
        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"error_{state.key}")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("%1 error").replace("%1", state.label))
        self.error_label.setVisible(False)
        layout.addWidget(self.source_label)
        layout.addWidget(self.note_label)
        self.danger_label = QLabel(self)  # a risky value (set_danger), in red until it changes
        self.danger_label.setObjectName(f"danger_{state.key}")
        self.danger_label.setStyleSheet(ERROR_STYLE)
        self.danger_label.setWordWrap(True)
        self.danger_label.setVisible(False)
        layout.addWidget(self.error_label)
        layout.addWidget(self.danger_label)
        self.show_state(state)

    def control(self) -> QWidget:
        widget = self.line or self.check or self.combo
        assert widget is not None
        return widget

    def show_state(self, state: FieldState) -> None:
        """Show the value as it is now; forgets any unsaved edit of this field."""
        self._baseline = state.text
        self._clear_pending = False
        control = self.control()
        control.blockSignals(True)
        try:
            if self.check is not None:
                self.check.setChecked(state.text == "true")
            elif self.combo is not None:
                self.combo.setCurrentText(state.text)
            elif self.line is not None:
                self.line.setText(state.text)  # "" for a secret: its value is never put back into the widget
                self.line.setPlaceholderText(state.placeholder)
        finally:
            control.blockSignals(False)
        control.setEnabled(state.ready)
        self.source_label.setText(self.tr("Source: %1").replace("%1", state.source) if state.source else "")
        self.note_label.setText(state.problem)
        self.note_label.setVisible(bool(state.problem))
        if self.status is not None:
            self._status_text = state.secret_status
            self.status.setText(state.secret_status)
        if self.clear_button is not None:
            self.clear_button.setEnabled(state.ready and state.can_clear)
        if self.reset_button is not None:
            self.reset_button.setVisible(state.can_reset)
        self.set_error("")

    def value_text(self) -> str:
        if self.check is not None:
            return "true" if self.check.isChecked() else "false"
        if self.combo is not None:
            return self.combo.currentText()
        assert self.line is not None
        return self.line.text()

    def change(self) -> tuple[bool, str | None]:
        """(changed, new value); None removes the stored value (a cleared secret)."""
        if self.secret:
            if self._clear_pending:
                return True, None
            text = self.value_text()
            return (True, text) if text else (False, None)
        text = self.value_text()
        return (text != self._baseline, text)

    def set_danger(self, message: str) -> None:
        self.danger_label.setText(message)
        self.danger_label.setVisible(bool(message))

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _changed(self, *_args: object) -> None:
        self.edited.emit(self.key)

    def _secret_typed(self, text: str) -> None:
        if text and self._clear_pending and self.status is not None:
            self._clear_pending = False
            self.status.setText(self._status_text)
        self.edited.emit(self.key)

    def _clear(self) -> None:
        assert self.line is not None and self.status is not None
        self.line.clear()
        self._clear_pending = True
        self.status.setText(self.tr("will be removed when you save"))
        self.set_error("")
        self.edited.emit(self.key)


class SettingsDialog(QDialog):
    def __init__(self, view_model: SettingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._vm = view_model
        self._rows: dict[str, FieldEditor] = {}
        self._page_of_key: dict[str, int] = {}
        self._group_names: list[str] = []
        self._close_after_save = False
        self._group_keys: dict[str, tuple[str, ...]] = {}
        self._action_widgets: dict[tuple[str, str], tuple[QPushButton, QLabel]] = {}
        for index, group in enumerate(view_model.groups()):
            self._add_group(index, group)
        self.ui.groupList.currentRowChanged.connect(self.ui.pages.setCurrentIndex)
        self.ui.groupList.setCurrentRow(0)
        box = self.ui.buttonBox
        self._ok = box.button(QDialogButtonBox.StandardButton.Ok)
        self._apply = box.button(QDialogButtonBox.StandardButton.Apply)
        self._ok.clicked.connect(self._save_and_close)
        self._apply.clicked.connect(self._save_only)
        box.button(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        view_model.loaded.connect(self._loaded)
        view_model.fields_changed.connect(self._refresh)
        view_model.save_finished.connect(self._save_finished)
        view_model.busy_changed.connect(self._busy_changed)
        view_model.failed.connect(self._show_status)
        view_model.action_finished.connect(self._action_finished)
        self.ui.loadingLabel.setVisible(not view_model.is_loaded)
        if view_model.is_loaded:
            self._loaded()
        view_model.start_load()

    # --- building -----------------------------------------------------------------------------------------------

    def _add_group(self, index: int, group: GroupState) -> None:
        self._group_names.append(group.name)
        item = QListWidgetItem(group.title, self.ui.groupList)
        item.setData(Qt.ItemDataRole.UserRole, group.name)
        page = QWidget()
        page.setObjectName(f"page_{group.name}")
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        heading = QLabel(group.title, page)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        form.addRow(heading)
        if not group.keys:
            form.addRow(QLabel(self.tr("No settings in this group yet."), page))
        for key in group.keys:
            state = self._vm.field(key)
            editor = FieldEditor(state, page)
            label = QLabel(state.label, page)
            label.setToolTip(state.description)
            label.setBuddy(editor.control())
            form.addRow(label, editor)
            editor.edited.connect(self._validate)
            editor.set_danger(self._vm.danger_text(key, editor.value_text()))
            editor.reset_requested.connect(self._reset)
            self._rows[key] = editor
            self._page_of_key[key] = index
        self._group_keys[group.name] = group.keys
        for action in self._vm.group_actions(group.name):
            form.addRow(self._action_row(action, page))
        scroll = QScrollArea(self.ui.pages)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        scroll.setAccessibleName(group.title)
        self.ui.pages.addWidget(scroll)

    def _action_row(self, action: GroupAction, page: QWidget) -> QWidget:
        row = QWidget(page)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 6, 0, 0)
        button = QPushButton(action.label, row)
        button.setObjectName(f"action_{action.group}_{action.name}")
        button.setAccessibleName(action.label)
        button.setToolTip(self.tr("Uses the values shown here, even before you save them"))
        result = QLabel(row)
        result.setObjectName(f"action_result_{action.group}_{action.name}")
        result.setAccessibleName(self.tr("%1 result").replace("%1", action.label))
        result.setWordWrap(True)
        result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(button)
        layout.addWidget(result, 1)
        button.clicked.connect(lambda: self._run_action(action))
        self._action_widgets[(action.group, action.name)] = (button, result)
        return row

    def _run_action(self, action: GroupAction) -> None:
        button, result = self._action_widgets[(action.group, action.name)]
        values: dict[str, str | None] = {}
        errors: dict[str, str] = {}
        for key in self._group_keys.get(action.group, ()):
            changed, value = self._rows[key].change()
            if not changed:
                continue
            message = self._vm.validate_field(key, value) if value is not None else ""
            if message:
                errors[key] = message
            values[key] = value
        if errors:
            for key, message in errors.items():
                self._rows[key].set_error(message)
            result.setStyleSheet(ERROR_STYLE)
            result.setText(self.tr("Correct the fields marked in red first."))
            return
        button.setEnabled(False)
        result.setStyleSheet("")
        result.setText(self.tr("Working…"))
        self._vm.request_group_action(action.group, action.name, values)

    def _action_finished(self, group: str, name: str, ok: bool, message: str) -> None:
        widgets = self._action_widgets.get((group, name))
        if widgets is None:
            return
        button, result = widgets
        button.setEnabled(True)
        result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        result.setText(message)

    def action_result(self, group: str, name: str) -> QLabel:
        return self._action_widgets[(group, name)][1]

    def action_button(self, group: str, name: str) -> QPushButton:
        return self._action_widgets[(group, name)][0]

    # --- public -------------------------------------------------------------------------------------------------

    def open_group(self, name: str) -> bool:
        """Show the group named e.g. "Storage" (case-insensitive); False when there is no such group."""
        for index, group_name in enumerate(self._group_names):
            if group_name.lower() == name.lower():
                self.ui.groupList.setCurrentRow(index)
                return True
        return False

    def editor(self, key: str) -> FieldEditor:
        return self._rows[key]

    # --- reacting -----------------------------------------------------------------------------------------------

    def _loaded(self) -> None:
        self.ui.loadingLabel.setVisible(False)
        warning = self._vm.keychain_warning or self._vm.keychain_info
        self.ui.keychainBanner.setText(warning)
        self.ui.keychainBanner.setVisible(bool(warning))

    def _refresh(self, keys: set[str]) -> None:
        for key in keys:
            row = self._rows.get(key)
            if row is not None:
                row.show_state(self._vm.field(key))
                row.set_danger(self._vm.danger_text(key, row.value_text()))

    def _validate(self, key: str) -> None:
        row = self._rows[key]
        changed, value = row.change()
        row.set_error(self._vm.validate_field(key, value) if changed and value is not None else "")
        row.set_danger(self._vm.danger_text(key, row.value_text()))

    def _reset(self, key: str) -> None:
        if not self._vm.is_busy:
            self._close_after_save = False
            self._vm.request_reset(key)

    def _save_and_close(self) -> None:
        self._save(close=True)

    def _save_only(self) -> None:
        self._save(close=False)

    def _save(self, close: bool) -> None:
        if self._vm.is_busy:
            return
        changes: dict[str, str | None] = {}
        errors: dict[str, str] = {}
        for key, row in self._rows.items():
            changed, value = row.change()
            if not changed:
                row.set_error("")
                continue
            changes[key] = value
            message = self._vm.validate_field(key, value) if value is not None else ""
            row.set_error(message)
            if message:
                errors[key] = message
        if errors:
            self._show_errors(errors)
            return
        self._show_status("")
        if not changes:
            if close:
                self.accept()
            return
        self._close_after_save = close
        self._vm.request_save(changes)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, message in errors.items():
            if key in self._rows:
                self._rows[key].set_error(message)
        first = next((k for k in self._rows if k in errors), None)
        if first is not None:
            self.ui.groupList.setCurrentRow(self._page_of_key[first])
            self._rows[first].control().setFocus()
        count = len(errors)
        self._show_status(
            self.tr("Nothing was saved: %n field(s) need a valid value.", "", count).replace("%n", str(count))
        )

    def _show_status(self, message: str) -> None:
        self.ui.statusLabel.setText(message)
        self.ui.statusLabel.setVisible(bool(message))

    def _save_finished(self, errors: dict[str, str], message: str) -> None:
        close, self._close_after_save = self._close_after_save, False
        if errors:
            self._show_errors(errors)
        elif message:
            self._show_status(message)
        elif close:
            self.accept()

    def _busy_changed(self, busy: bool) -> None:
        self._ok.setEnabled(not busy)
        self._apply.setEnabled(not busy)
