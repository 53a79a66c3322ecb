"""File → Export setup…: what goes into the file (counts per section), the key (ENCRYPTION_KEY or a passphrase typed
twice, with a strength hint), where to save it, and one sentence with the result. The work runs off the GUI thread
in the view-model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.setup.setup_viewmodel import SetupViewModel, passphrase_hint

FILE_FILTER = "Vector Desktop setup (*.vdsetup);;All files (*)"


class ExportSetupDialog(QDialog):
    def __init__(self, viewmodel: SetupViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = viewmodel
        self._has_key = False
        self._loaded = False
        self.setWindowTitle(self.tr("Export setup"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Your AI servers, connectors, database connections and settings, secrets included, go into one "
                "encrypted file you can import on another computer. Chats, files and history are not included, nor "
                "settings that come from the environment or a .env file."
            )
        )
        intro.setWordWrap(True)
        self.summary_label = QLabel(self.tr("Counting what will be exported…"))
        self.summary_label.setWordWrap(True)
        self.use_key_check = QCheckBox(self.tr("Encrypt with ENCRYPTION_KEY"))
        self.use_key_check.setVisible(False)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Repeat the passphrase"))
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.path_edit = QLineEdit(str(Path.home() / f"vector-desktop-setup-{date.today().isoformat()}.vdsetup"))
        self.path_edit.setAccessibleName(self.tr("File"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)
        form = QFormLayout()
        self._passphrase_label = QLabel(self.tr("&Passphrase:"))
        self._passphrase_label.setBuddy(self.passphrase_edit)
        self._repeat_label = QLabel(self.tr("&Repeat:"))
        self._repeat_label.setBuddy(self.repeat_edit)
        form.addRow(self.use_key_check)
        form.addRow(self._passphrase_label, self.passphrase_edit)
        form.addRow(self._repeat_label, self.repeat_edit)
        form.addRow("", self.hint_label)
        form.addRow(self.tr("&File:"), path_row)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.summary_label):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self.use_key_check.toggled.connect(self._update)
        self.passphrase_edit.textChanged.connect(self._update)
        self.repeat_edit.textChanged.connect(self._update)
        self.path_edit.textChanged.connect(self._update)
        viewmodel.summary_ready.connect(self._show_summary)
        viewmodel.busy_changed.connect(self._update)
        viewmodel.exported.connect(lambda text: self._show_result(text, ok=True))
        viewmodel.export_failed.connect(lambda text: self._show_result(text, ok=False))
        self._update()

    def load(self) -> None:
        self._vm.load_summary()

    def _show_summary(self, summary: list, has_key: bool) -> None:
        self._loaded = True
        self._has_key = has_key
        parts = [self.tr("%1: %2").replace("%1", title).replace("%2", str(count)) for title, count in summary]
        self.summary_label.setText(self.tr("Included: ") + " · ".join(parts))
        self.use_key_check.setVisible(has_key)
        self.use_key_check.setChecked(has_key)
        self._update()

    def _uses_key(self) -> bool:
        return self._has_key and self.use_key_check.isChecked()

    def _update(self, *_args: object) -> None:
        typed = not self._uses_key()
        for widget in (self._passphrase_label, self.passphrase_edit, self._repeat_label, self.repeat_edit):
            widget.setVisible(typed)
        ok, hint = passphrase_hint(self.passphrase_edit.text(), self.repeat_edit.text()) if typed else (True, "")
        self.hint_label.setText(hint)
        self.hint_label.setVisible(typed)
        ready = ok and self._loaded and bool(self.path_edit.text().strip()) and not self._vm.busy
        self.export_button.setEnabled(ready)

    def _choose(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export setup to"), self.path_edit.text(), FILE_FILTER
        )
        if path:
            self.path_edit.setText(path)

    def _export(self) -> None:
        if not self.export_button.isEnabled():
            return
        self.result_label.setVisible(False)
        passphrase = "" if self._uses_key() else self.passphrase_edit.text()
        self._vm.export(self.path_edit.text().strip(), passphrase)

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("" if ok else "color: #c0392b;")
        self.result_label.setVisible(True)
        if ok:
            self.passphrase_edit.clear()
            self.repeat_edit.clear()
        self._update()
