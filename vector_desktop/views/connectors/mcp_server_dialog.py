"""Add or edit an MCP server: by URL (streamable HTTP, headers with secret values) or by command (stdio: command,
arguments, environment with secret values, working folder). Problems show next to their field; what the user typed
stays when saving fails."""

from __future__ import annotations

import shlex

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from vector_desktop.domain.connectors import McpServerConfig, McpServerDraft, McpTransport
from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
from vector_desktop.views.connectors.named_values import NamedValuesEditor
from vector_desktop.views.field_messages import FieldMessages
from vector_desktop.views.forms.ui_mcp_server_dialog import Ui_McpServerDialog
from vector_desktop.views.pending_save import PendingSave


class McpServerDialog(QDialog):
    def __init__(
        self, view_model: ConnectorsViewModel, server: McpServerConfig | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_McpServerDialog()
        self.ui.setupUi(self)
        self._vm = view_model
        self._server = server
        ui = self.ui
        self.headers = NamedValuesEditor(ui.headersTable, self.tr("Header"), self.tr("Value"), self.tr("Secret"))
        self.env = NamedValuesEditor(ui.envTable, self.tr("Variable"), self.tr("Value"), self.tr("Secret"))
        self._messages = FieldMessages(
            self,
            {
                "name": ui.nameError,
                "url": ui.urlError,
                "headers": ui.headersError,
                "command": ui.commandError,
                "args": ui.argsError,
                "env": ui.envError,
                "cwd": ui.cwdError,
            },
            ui.formMessage,
        )
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self._pending: PendingSave[McpServerDraft, McpServerConfig] = PendingSave(
            self, self.save_button, view_model.server_saved, view_model.server_failed, self.show_message
        )
        ui.urlRadio.toggled.connect(self._transport_changed)
        ui.headersAddButton.clicked.connect(self.headers.add_empty_row)
        ui.headersRemoveButton.clicked.connect(self.headers.remove_selected)
        ui.envAddButton.clicked.connect(self.env.add_empty_row)
        ui.envRemoveButton.clicked.connect(self.env.remove_selected)
        ui.commandBrowseButton.clicked.connect(self._browse_command)
        ui.cwdBrowseButton.clicked.connect(self._browse_folder)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.setWindowTitle(
            self.tr("Add an MCP server") if server is None else self.tr("Edit %1").replace("%1", server.name)
        )
        if server is not None:
            self._load(server)
        self._transport_changed()
        self.clear_messages()

    # -- filling in
    def _load(self, server: McpServerConfig) -> None:
        ui = self.ui
        ui.nameEdit.setText(server.name)
        (ui.urlRadio if server.transport is McpTransport.HTTP else ui.commandRadio).setChecked(True)
        ui.urlEdit.setText(server.url)
        self.headers.set_values(server.headers)
        ui.oauthCheck.setChecked(server.use_oauth)
        ui.commandEdit.setText(server.command)
        ui.argsEdit.setText(shlex.join(server.args))
        self.env.set_values(server.env)
        ui.cwdEdit.setText(server.cwd)
        ui.enabledCheck.setChecked(server.enabled)

    def _transport_changed(self) -> None:
        self.ui.transportStack.setCurrentIndex(0 if self.ui.urlRadio.isChecked() else 1)

    @property
    def transport(self) -> McpTransport:
        return McpTransport.HTTP if self.ui.urlRadio.isChecked() else McpTransport.STDIO

    def _browse_command(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Program that starts the server"))
        if path:
            self.ui.commandEdit.setText(path)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder the server starts in"), self.ui.cwdEdit.text())
        if path:
            self.ui.cwdEdit.setText(path)

    # -- messages
    def clear_messages(self) -> None:
        self._messages.clear()

    def show_message(self, field: str, text: str) -> None:
        self._messages.show(field, text)

    def message(self, field: str) -> str:
        return self._messages.shown(field)

    # -- saving
    def draft(self) -> McpServerDraft | None:
        """The server as typed, or None after showing what is missing next to its field."""
        ui = self.ui
        self.clear_messages()
        problems: dict[str, str] = {}
        name = ui.nameEdit.text().strip()
        if not name:
            problems["name"] = self.tr("Give the server a name.")
        args: list[str] = []
        if self.transport is McpTransport.HTTP:
            if not ui.urlEdit.text().strip():
                problems["url"] = self.tr("Enter the server's URL, like https://example.com/mcp.")
        else:
            if not ui.commandEdit.text().strip():
                problems["command"] = self.tr("Enter the command that starts the server, like npx or uvx.")
            try:
                args = shlex.split(ui.argsEdit.text())
            except ValueError:
                problems["args"] = self.tr("An argument opens a quote that is never closed.")
        for field, text in problems.items():
            self.show_message(field, text)
        if problems:
            first = {"name": ui.nameEdit, "url": ui.urlEdit, "command": ui.commandEdit, "args": ui.argsEdit}
            first[next(iter(problems))].setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        http = self.transport is McpTransport.HTTP
        return McpServerDraft(
            name=name,
            transport=self.transport,
            url=ui.urlEdit.text().strip() if http else "",
            headers=self.headers.values() if http else (),
            command="" if http else ui.commandEdit.text().strip(),
            args=() if http else tuple(args),
            env=() if http else self.env.values(),
            cwd="" if http else ui.cwdEdit.text().strip(),
            enabled=ui.enabledCheck.isChecked(),
            use_oauth=http and ui.oauthCheck.isChecked(),
        )

    @property
    def saved(self) -> McpServerConfig | None:
        return self._pending.saved

    def save(self) -> None:
        self._pending.save(self.draft, self._send)

    def _send(self, draft: McpServerDraft) -> None:
        if self._server is None:
            self._vm.add_server(draft)
        else:
            self._vm.update_server(self._server.id, draft)

    def done(self, result: int) -> None:
        self._pending.disconnect_view_model()
        super().done(result)
