"""File → Import setup…: choose a file, give its key (ENCRYPTION_KEY or the passphrase), see what it holds and what
it would replace (a table: add / replace / same per item), then Import. Nothing is written before Import; errors
are one sentence."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.domain.setup_transfer import ChangeAction
from vector_desktop.presentation.setup.setup_viewmodel import SetupViewModel
from vector_desktop.views.setup.export_dialog import FILE_FILTER


class ImportSetupDialog(QDialog):
    def __init__(self, viewmodel: SetupViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = viewmodel
        self._has_key = False
        self._done = False
        self.setWindowTitle(self.tr("Import setup"))
        self.resize(680, 460)
        intro = QLabel(
            self.tr(
                "Open a setup exported from Vector Desktop. You will see what it holds and what it would replace "
                "here before anything is written."
            )
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)
        self.use_key_check = QCheckBox(self.tr("Decrypt with ENCRYPTION_KEY"))
        self.use_key_check.setVisible(False)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self._passphrase_label = QLabel(self.tr("&Passphrase:"))
        self._passphrase_label.setBuddy(self.passphrase_edit)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self._open)
        self.passphrase_edit.returnPressed.connect(self._open)
        form = QFormLayout()
        form.addRow(self.tr("&File:"), path_row)
        form.addRow(self.use_key_check)
        form.addRow(self._passphrase_label, self.passphrase_edit)
        form.addRow("", self.open_button)
        self.table = QTableView()
        self.table.setModel(viewmodel.plan_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setVisible(False)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

        self.use_key_check.toggled.connect(self._update)
        self.path_edit.textChanged.connect(self._forget_plan)
        self.passphrase_edit.textChanged.connect(self._update)
        viewmodel.key_checked.connect(self._show_key_state)
        viewmodel.busy_changed.connect(self._update)
        viewmodel.plan_ready.connect(self._show_plan)
        viewmodel.open_failed.connect(lambda text: self._show_message(text, ok=False))
        viewmodel.import_failed.connect(lambda text: self._show_message(text, ok=False))
        viewmodel.imported.connect(self._show_imported)
        self._update()

    def load(self) -> None:
        self._vm.check_key()

    def _show_key_state(self, has_key: bool) -> None:
        self._has_key = has_key
        self.use_key_check.setVisible(has_key)
        self.use_key_check.setChecked(has_key)
        self._update()

    def _uses_key(self) -> bool:
        return self._has_key and self.use_key_check.isChecked()

    def _update(self, *_args: object) -> None:
        typed = not self._uses_key()
        self._passphrase_label.setVisible(typed)
        self.passphrase_edit.setVisible(typed)
        has_key = not typed or bool(self.passphrase_edit.text())
        busy = self._vm.busy
        self.open_button.setEnabled(bool(self.path_edit.text().strip()) and has_key and not busy)
        plan = self._vm.plan
        self.import_button.setEnabled(plan is not None and bool(plan.pending) and not busy and not self._done)

    def _forget_plan(self) -> None:
        self._vm.discard_plan()
        self._done = False
        self.table.setVisible(False)
        self.summary_label.clear()
        self.message_label.setVisible(False)
        self._update()

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import setup from"), self.path_edit.text(), FILE_FILTER
        )
        if path:
            self.path_edit.setText(path)

    def _open(self) -> None:
        if not self.open_button.isEnabled():
            return
        self._done = False
        self.message_label.setVisible(False)
        self.table.setVisible(False)
        self.summary_label.clear()
        self._vm.open_file(self.path_edit.text().strip(), "" if self._uses_key() else self.passphrase_edit.text())

    def _show_plan(self) -> None:
        plan = self._vm.plan
        if plan is None:
            return
        self.passphrase_edit.clear()
        counts = plan.counts()
        text = self.tr("%1 to add, %2 to replace, %3 already here as in the file.")
        text = text.replace("%1", str(counts[ChangeAction.ADD])).replace("%2", str(counts[ChangeAction.REPLACE]))
        text = text.replace("%3", str(counts[ChangeAction.SAME]))
        if plan.created_at:
            text += " " + self.tr("Exported %1.").replace("%1", plan.created_at.replace("T", " "))
        self.summary_label.setText(text)
        self.table.setVisible(True)
        self._update()

    def _show_imported(self, _sections: list, text: str) -> None:
        self._done = True
        self._show_message(text, ok=True)

    def _show_message(self, text: str, *, ok: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("" if ok else "color: #c0392b;")
        self.message_label.setVisible(True)
        self._update()

    def _import(self) -> None:
        if self.import_button.isEnabled():
            self._vm.apply()
