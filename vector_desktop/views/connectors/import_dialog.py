"""Import MCP servers from a Claude Desktop / Cursor style `mcpServers` JSON, pasted or read from a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
from vector_desktop.views.json_schema.schema_editors import ERROR_STYLE

EXAMPLE = (
    '{\n  "mcpServers": {\n    "files": {"command": "npx",\n'
    '              "args": ["-y", "@modelcontextprotocol/server-filesystem", "~/Documents"]}\n  }\n}'
)
MAX_FILE_BYTES = 1024 * 1024


class ImportDialog(QDialog):
    def __init__(self, view_model: ConnectorsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = view_model
        self._importing = False
        self.setWindowTitle(self.tr("Import MCP servers"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Paste the mcpServers JSON of Claude Desktop or Cursor, or open their file. "
                "Keys, tokens and passwords in it go to the system keychain."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("mcpServers JSON"))
        self.text.setPlaceholderText(EXAMPLE)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text, 1)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = QPushButton(self.tr("&Open file…"), self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open_file)
        self.import_button.clicked.connect(self.run_import)
        layout.addWidget(buttons)
        view_model.servers_imported.connect(self._imported)
        view_model.import_failed.connect(self._failed)

    def _open_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("mcpServers JSON file"), "", "JSON (*.json);;*")
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                self.show_message(self.tr("That file is too big to be an mcpServers file."))
                return
            self.text.setPlainText(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            self.show_message(self.tr("Cannot read %1: %2").replace("%1", str(path)).replace("%2", str(error)))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def run_import(self) -> None:
        if self._importing:
            return
        if not self.text.toPlainText().strip():
            self.show_message(self.tr("Paste the JSON first, or open a file."))
            return
        self.show_message("")
        self._importing = True
        self.import_button.setEnabled(False)
        self._vm.import_servers(self.text.toPlainText())

    def _imported(self, _configs: list[object]) -> None:
        if self._importing:
            self._importing = False
            self.accept()

    def _failed(self, text: str) -> None:
        if self._importing:
            self._importing = False
            self.import_button.setEnabled(True)
            self.show_message(text)

    def done(self, result: int) -> None:
        for signal, slot in ((self._vm.servers_imported, self._imported), (self._vm.import_failed, self._failed)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                continue
        super().done(result)
