"""The outbox: every message with its state, recipient, subject, size, attempts and the next try or the server's
reply; Retry (failed or waiting), Send again (not confirmed), Discard. Rows update live while it is open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.email.outbox_model import MessageIdRole, OutboxColumn
from vector_desktop.presentation.email.outbox_viewmodel import OutboxViewModel

ERROR_STYLE = "QLabel { color: #c62828; }"


class OutboxDialog(QDialog):
    def __init__(self, view_model: OutboxViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = view_model
        self.setWindowTitle(self.tr("Outbox"))
        self.resize(820, 380)
        layout = QVBoxLayout(self)
        self.table = QTableView(self)
        self.table.setObjectName("outbox")
        self.table.setModel(view_model.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((OutboxColumn.STATE, 80), (OutboxColumn.TO, 170), (OutboxColumn.SUBJECT, 210),
                              (OutboxColumn.SIZE, 80), (OutboxColumn.ATTEMPTS, 70)):  # fmt: skip
            self.table.setColumnWidth(column, width)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.send_again_button = QPushButton(self.tr("Send &again"), self)
        self.send_again_button.setToolTip(
            self.tr("The server never confirmed this message: the recipient may get it twice")
        )
        self.discard_button = QPushButton(self.tr("&Discard"), self)
        for button in (self.retry_button, self.send_again_button, self.discard_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.retry_button.clicked.connect(lambda: self._act("retry"))
        self.send_again_button.clicked.connect(lambda: self._act("send_again"))
        self.discard_button.clicked.connect(self._ask_discard)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        view_model.model.modelReset.connect(self._update_buttons)
        view_model.model.dataChanged.connect(self._rows_changed)  # a method: disconnected when the dialog goes
        view_model.failed.connect(self._show_error)
        self._update_buttons()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _current_id(self) -> int | None:
        row = self.current_row()
        return None if row < 0 else int(self.vm.model.index(row, 0).data(MessageIdRole))

    def _rows_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        actions = self.vm.actions_for(self.current_row())
        self.retry_button.setEnabled("retry" in actions)
        self.send_again_button.setEnabled("send_again" in actions)
        self.discard_button.setEnabled("discard" in actions)

    def _act(self, action: str) -> None:
        message_id = self._current_id()
        if message_id is None:
            return
        self.error_label.setVisible(False)
        getattr(self.vm, action)(message_id)

    def _ask_discard(self) -> None:
        message_id = self._current_id()
        if message_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard"),
            self.tr("Remove message #%1 from the outbox? It will not be sent.").replace("%1", str(message_id)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Discard).clicked.connect(lambda: self.vm.discard(message_id))
        self.discard_box = box
        box.open()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
