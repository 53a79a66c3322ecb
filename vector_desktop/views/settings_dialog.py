"""The Settings dialog: groups on the left, a form per group built from the declared settings.

Every field (views.settings_field_editor) shows where its value comes from and an error under it while the input is
invalid; Save refuses (and saves nothing) while any changed field is invalid.

Opening it is kept cheap: the group pages share one scroll area (each scroll area costs a viewport and a pan gesture
Qt keeps), every page is made inside the dialog (moving a built page into a scroll area polished it all again), and
no row has a style sheet of its own until it shows an error or a note (views.settings_field_editor).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from vector_desktop.presentation.settings_viewmodel import GroupAction, GroupState, SettingsViewModel
from vector_desktop.views.forms.ui_settings_dialog import Ui_SettingsDialog
from vector_desktop.views.settings_field_editor import ERROR_STYLE, OK_STYLE, FieldEditor

# Kept importable from here: tests check a field's style against the dialog's.
__all__ = ["ERROR_STYLE", "FieldEditor", "SettingsDialog"]


class SettingsDialog(QDialog):
    def __init__(self, view_model: SettingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._vm = view_model
        self._rows: dict[str, FieldEditor] = {}
        self._page_of_key: dict[str, int] = {}
        self._group_names: list[str] = []
        self._pages: list[QWidget] = []
        self._scrolled_to: dict[int, int] = {}  # page index: where its view was left
        self._close_after_save = False
        self._group_keys: dict[str, tuple[str, ...]] = {}
        self._action_widgets: dict[tuple[str, str], tuple[QPushButton, QLabel]] = {}
        for index, group in enumerate(view_model.groups()):
            self._add_group(index, group)
        self.ui.groupList.currentRowChanged.connect(self._show_page)
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
        page = QWidget(self.ui.pages)
        page.setObjectName(f"page_{group.name}")
        page.setAccessibleName(group.title)
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
        self.ui.pages.addWidget(page)
        self._pages.append(page)

    def _show_page(self, index: int) -> None:
        """Show a group's page where it was left; the shared scroll area scrolls over that page's height only."""
        scroll = self.ui.pageScroll
        bar = scroll.verticalScrollBar()
        self._scrolled_to[self.ui.pages.currentIndex()] = bar.value()
        for other, page in enumerate(self._pages):
            policy = QSizePolicy.Policy.Preferred if other == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.ui.pages.setCurrentIndex(index)
        if 0 <= index < len(self._pages):
            scroll.setAccessibleName(self._pages[index].accessibleName())
            QCoreApplication.sendEvent(scroll, QEvent(QEvent.Type.LayoutRequest))  # the new page's range, now
            bar.setValue(self._scrolled_to.get(index, 0))

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
