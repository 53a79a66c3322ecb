"""Compose a message: To, Subject, the editable Markdown body, the attachments with their sizes, Send.

Send checks the form, hands the message to the outbox in the background and closes at once."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.email.compose_viewmodel import ComposeViewModel

ERROR_STYLE = "QLabel { color: #c62828; }"


def _size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class ComposeDialog(QDialog):
    def __init__(self, view_model: ComposeViewModel, parent: QWidget | None = None, error: str = "") -> None:
        super().__init__(parent)
        self.vm = view_model
        self.setWindowTitle(self.tr("Send by email"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.from_label = QLabel(view_model.from_address or self.tr("(not set: Settings → Email)"), self)
        self.to_edit = QLineEdit(view_model.to_text, self)
        self.to_edit.setObjectName("to")
        self.to_edit.setPlaceholderText(self.tr("name@example.com, another@example.com"))
        self.subject_edit = QLineEdit(view_model.draft.subject, self)
        self.subject_edit.setObjectName("subject")
        form.addRow(self.tr("From:"), self.from_label)
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(self.tr("&Subject:"), self.subject_edit)
        layout.addLayout(form)
        self.body_edit = QPlainTextEdit(view_model.draft.body, self)
        self.body_edit.setObjectName("body")
        self.body_edit.setAccessibleName(self.tr("Message (Markdown)"))
        layout.addWidget(self.body_edit, 1)
        self.attachment_list = QListWidget(self)
        self.attachment_list.setObjectName("attachments")
        self.attachment_list.setAccessibleName(self.tr("Attachments"))
        self.attachment_list.setMaximumHeight(90)
        remove = QPushButton(self.tr("&Remove attachment"), self)
        remove.clicked.connect(self._remove_attachment)
        row = QHBoxLayout()
        row.addWidget(self.attachment_list, 1)
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        self.attachment_row = QWidget(self)
        self.attachment_row.setLayout(row)
        layout.addWidget(self.attachment_row)
        self._fill_attachments()
        self.error_label = QLabel(error, self)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(error))
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.send_button = buttons.addButton(self.tr("&Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("send")
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.to_edit if not view_model.draft.to else self.body_edit).setFocus()

    def _fill_attachments(self) -> None:
        self.attachment_list.clear()
        for attachment in self.vm.attachments:
            self.attachment_list.addItem(f"{attachment.filename} ({_size(attachment.size)})")
        self.attachment_row.setVisible(bool(self.vm.attachments))

    def _remove_attachment(self) -> None:
        self.vm.remove_attachment(self.attachment_list.currentRow())
        self._fill_attachments()

    def send(self) -> None:
        problem = self.vm.send(self.to_edit.text(), self.subject_edit.text(), self.body_edit.toPlainText())
        if problem:
            self.error_label.setText(problem)
            self.error_label.setVisible(True)
            return
        self.accept()
