"""The passphrase question for the encrypted secrets file (see presentation/vault_passphrase.py)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.vault_passphrase import VaultPassphraseViewModel


class VaultPassphraseDialog(QDialog):
    """Window-modal; show it with `open()`. It closes when the view-model finishes (accepted: secrets are saved
    in the encrypted file; rejected: this session only). Esc or closing the window means "continue without"."""

    def __init__(self, viewmodel: VaultPassphraseViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._viewmodel = viewmodel
        self.setWindowTitle(viewmodel.title)
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.intro = QLabel(viewmodel.intro)
        self.intro.setWordWrap(True)
        self.passphrase = self._secret_field(self.tr("Passphrase"))
        self.repeat = self._secret_field(self.tr("Repeat passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        if viewmodel.creating:
            form.addRow(self.tr("&Repeat:"), self.repeat)
        else:
            self.repeat.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.hint = QLabel(viewmodel.skip_hint)
        self.hint.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        label = self.tr("&Create encrypted file") if viewmodel.creating else self.tr("&Unlock")
        self.ok_button: QPushButton = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.skip_button: QPushButton = self.buttons.addButton(
            viewmodel.skip_text, QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        viewmodel.failed.connect(self._show_error)
        viewmodel.busy_changed.connect(self._set_busy)
        viewmodel.finished.connect(self._finished)
        self.passphrase.setFocus()

    def _secret_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        field.textEdited.connect(lambda _text: self.error.hide())
        return field

    def _submit(self) -> None:
        self._viewmodel.request_submit(self.passphrase.text(), self.repeat.text())

    def _show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.ok_button, self.skip_button, self.passphrase, self.repeat):
            widget.setEnabled(not busy)

    def _finished(self, saved: bool) -> None:
        for field in (self.passphrase, self.repeat):
            field.clear()  # do not keep the passphrase in a widget longer than needed
        if saved:
            super().accept()
        else:
            super().reject()

    def reject(self) -> None:
        """Esc, the window's close button and "Continue without saving secrets"."""
        if self._viewmodel.busy:
            return
        self._viewmodel.skip()  # emits finished(False), which closes the dialog
        if self.isVisible():  # the answer was already given
            super().reject()


async def ask_vault_passphrase(viewmodel: VaultPassphraseViewModel, parent: QWidget | None = None) -> bool:
    """Show the question and wait for its answer: True when secrets will be saved in the encrypted file."""
    answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def done(saved: bool) -> None:
        if not answer.done():
            answer.set_result(saved)

    viewmodel.finished.connect(done)
    dialog = VaultPassphraseDialog(viewmodel, parent)
    dialog.open()
    try:
        return await answer
    finally:
        viewmodel.finished.disconnect(done)
        viewmodel.close()
        dialog.deleteLater()
