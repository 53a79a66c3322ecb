"""Add or edit a database connection: kind, server, database, user and password, TLS mode and CA file, colour tag,
read-only or writable, Supabase project URL and key, and whether the AI may use it. Test tries what is typed without
saving; a failure shows the server's sentence here and everything typed stays. Secrets go to the keychain through
the service: an untouched password field on an existing connection keeps the saved password."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QWidget

from vector_desktop.domain.databases import ColorTag, ConnectionConfig, ConnectionDraft, DatabaseKind, TlsMode
from vector_desktop.presentation.databases.connections_model import tag_colour, tag_name
from vector_desktop.presentation.databases.databases_viewmodel import DatabasesViewModel
from vector_desktop.views.field_messages import ERROR_STYLE, FieldMessages
from vector_desktop.views.forms.ui_connection_dialog import Ui_ConnectionDialog
from vector_desktop.views.pending_save import PendingSave

OK_STYLE = "QLabel { color: #15803d; }"
_TLS_LABELS = {
    TlsMode.DISABLE: "Off",
    TlsMode.PREFER: "When the server offers it",
    TlsMode.REQUIRE: "Required (certificate not checked)",
    TlsMode.VERIFY_FULL: "Required, certificate and host name checked",
}


class ConnectionDialog(QDialog):
    def __init__(
        self, view_model: DatabasesViewModel, config: ConnectionConfig | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConnectionDialog()
        self.ui.setupUi(self)
        self._vm = view_model
        self._config = config
        self._testing = False
        ui = self.ui
        for kind in DatabaseKind:
            ui.kindCombo.addItem(kind.label, kind)
        for mode in TlsMode:
            ui.tlsCombo.addItem(self.tr(_TLS_LABELS[mode]), mode)
        for tag in ColorTag:
            colour = tag_colour(tag)
            ui.colorCombo.addItem(tag_name(tag), tag)
            if colour is not None:
                ui.colorCombo.setItemData(ui.colorCombo.count() - 1, colour, Qt.ItemDataRole.DecorationRole)
        ui.tlsCombo.setCurrentIndex(ui.tlsCombo.findData(TlsMode.PREFER))
        self._messages = FieldMessages(
            self,
            {
                "name": ui.nameError,
                "supabase_url": ui.supabaseUrlError,
                "api_key": ui.apiKeyError,
                "host": ui.hostError,
                "port": ui.portError,
                "database": ui.databaseError,
                "user": ui.userError,
                "password": ui.passwordError,
                "ca_file": ui.caFileError,
            },
            ui.formMessage,
        )
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self._pending: PendingSave[ConnectionDraft, ConnectionConfig] = PendingSave(
            self, self.save_button, view_model.connection_saved, view_model.connection_failed, self._on_failed
        )
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        ui.tlsCombo.currentIndexChanged.connect(self._tls_changed)
        ui.caFileBrowseButton.clicked.connect(self._browse_ca)
        ui.testButton.clicked.connect(self.test)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        view_model.draft_tested.connect(self._on_tested)
        self.setWindowTitle(
            self.tr("Add a database connection") if config is None else self.tr("Edit %1").replace("%1", config.name)
        )
        if config is not None:
            self._load(config)
        self._kind_changed()
        self._tls_changed()
        self.clear_messages()
        ui.testResultLabel.setText("")

    # -- filling in
    def _load(self, config: ConnectionConfig) -> None:
        ui = self.ui
        ui.nameEdit.setText(config.name)
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(config.kind))
        ui.hostEdit.setText(config.host)
        ui.portSpin.setValue(config.port or 0)
        ui.databaseEdit.setText(config.database)
        ui.userEdit.setText(config.user)
        ui.tlsCombo.setCurrentIndex(ui.tlsCombo.findData(config.tls_mode))
        ui.caFileEdit.setText(config.ca_file)
        ui.colorCombo.setCurrentIndex(ui.colorCombo.findData(config.color))
        ui.writableCheck.setChecked(not config.read_only)
        ui.exposeCheck.setChecked(config.expose_to_ai)
        ui.supabaseUrlEdit.setText(config.supabase_url)
        kept = self.tr("Unchanged (kept in the keychain)")
        ui.passwordEdit.setPlaceholderText(kept)
        ui.apiKeyEdit.setPlaceholderText(kept)

    @property
    def kind(self) -> DatabaseKind:
        return DatabaseKind(self.ui.kindCombo.currentData())

    def _kind_changed(self) -> None:
        ui = self.ui
        supabase = self.kind is DatabaseKind.SUPABASE
        for label in (ui.supabaseUrlLabel, ui.apiKeyLabel, ui.supabaseHintLabel):
            self._show_row(label, supabase)
        ui.portSpin.setSpecialValueText(self.tr("Default (%1)").replace("%1", str(self.kind.default_port)))

    def _show_row(self, label: QLabel, visible: bool) -> None:
        """Show or hide the form row that `label` names."""
        position: tuple[int, object] = self.ui.form.getWidgetPosition(label)  # type: ignore[assignment]
        row = int(position[0])
        if row >= 0:
            self.ui.form.setRowVisible(row, visible)
        for error in self._messages.fields.values():  # showing a row shows its (empty) error label too
            error.setVisible(bool(error.text()))

    def _tls_changed(self) -> None:
        mode = TlsMode(self.ui.tlsCombo.currentData())
        self._show_row(self.ui.caFileLabel, mode is TlsMode.VERIFY_FULL)

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), self.ui.caFileEdit.text(), self.tr("Certificates (*.pem *.crt);;All (*)")
        )
        if path:
            self.ui.caFileEdit.setText(path)

    # -- messages
    def clear_messages(self) -> None:
        self._messages.clear()

    def show_message(self, field: str, text: str) -> None:
        self._messages.show(field, text)

    def message(self, field: str) -> str:
        """What is shown next to `field` ("" for the message under the form) — for tests and accessibility."""
        return self._messages.shown(field)

    @property
    def test_result(self) -> str:
        return self.ui.testResultLabel.text()

    # -- the draft
    @staticmethod
    def _secret(edit: QLineEdit, editing: bool) -> str | None:
        """None keeps the saved secret (an existing connection, field untouched), "" deletes it."""
        if editing and not edit.isModified() and not edit.text():
            return None
        return edit.text()

    def draft(self) -> ConnectionDraft | None:
        """The connection as typed, or None after showing what is missing next to its field."""
        ui = self.ui
        self.clear_messages()
        name = ui.nameEdit.text().strip()
        if not name:
            self.show_message("name", self.tr("Give the connection a name."))
            ui.nameEdit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        supabase = self.kind is DatabaseKind.SUPABASE
        editing = self._config is not None
        return ConnectionDraft(
            name=name,
            kind=self.kind,
            host=ui.hostEdit.text().strip(),
            port=ui.portSpin.value() or None,
            database=ui.databaseEdit.text().strip(),
            user=ui.userEdit.text().strip(),
            tls_mode=TlsMode(ui.tlsCombo.currentData()),
            ca_file=ui.caFileEdit.text().strip() if TlsMode(ui.tlsCombo.currentData()) is TlsMode.VERIFY_FULL else "",
            color=ColorTag(ui.colorCombo.currentData()),
            read_only=not ui.writableCheck.isChecked(),
            supabase_url=ui.supabaseUrlEdit.text().strip() if supabase else "",
            expose_to_ai=ui.exposeCheck.isChecked(),
            password=self._secret(ui.passwordEdit, editing),
            api_key=self._secret(ui.apiKeyEdit, editing) if supabase else None,
        )

    # -- testing
    def test(self) -> None:
        if self._testing:
            return
        draft = self.draft()
        if draft is None:
            return
        self._testing = True
        ui = self.ui
        ui.testButton.setEnabled(False)
        ui.testResultLabel.setStyleSheet("")
        ui.testResultLabel.setText(self.tr("Connecting…"))
        self._vm.test_draft(draft, self._config.id if self._config is not None else None)

    def _on_tested(self, ok: bool, text: str) -> None:
        if not self._testing:
            return
        self._testing = False
        self.ui.testButton.setEnabled(True)
        self.ui.testResultLabel.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.ui.testResultLabel.setText(text)

    # -- saving
    @property
    def saved(self) -> ConnectionConfig | None:
        return self._pending.saved

    def save(self) -> None:
        self._pending.save(self.draft, self._send)

    def _send(self, draft: ConnectionDraft) -> None:
        if self._config is None:
            self._vm.add_connection(draft)
        else:
            self._vm.update_connection(self._config.id, draft)

    def _on_failed(self, field: str, text: str) -> None:
        self.show_message(field, text)
        edits = {"name": self.ui.nameEdit, "host": self.ui.hostEdit, "supabase_url": self.ui.supabaseUrlEdit}
        if field in edits:
            edits[field].setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        self._pending.disconnect_view_model()
        with contextlib.suppress(RuntimeError, TypeError):
            self._vm.draft_tested.disconnect(self._on_tested)
        super().done(result)
