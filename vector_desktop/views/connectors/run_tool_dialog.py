"""Run one tool: arguments in a form generated from its input schema (or raw JSON), Run with Cancel, a time limit,
progress, and the result as a table or a JSON tree. A result asking to connect first shows a Connect button."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from vector_desktop.domain.connectors import MERGE_PREFIX
from vector_desktop.domain.tools import ToolSpec, ToolStatus
from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
from vector_desktop.presentation.connectors.runs_viewmodel import RunOutcome, ToolRunsViewModel
from vector_desktop.presentation.json_schema.schema_fields import MISSING
from vector_desktop.presentation.tools.history_model import duration_ms_text, status_text
from vector_desktop.views.connectors.result_view import ResultView
from vector_desktop.views.forms.ui_run_tool_dialog import Ui_RunToolDialog
from vector_desktop.views.json_schema.schema_editors import ERROR_STYLE
from vector_desktop.views.json_schema.schema_form import SchemaEditor


class RunToolDialog(QDialog):
    def __init__(
        self,
        spec: ToolSpec,
        connector_name: str,
        runs: ToolRunsViewModel,
        connectors: ConnectorsViewModel,
        *,
        arguments: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RunToolDialog()
        self.ui.setupUi(self)
        self.spec = spec
        self._runs = runs
        self._connectors = connectors
        self._connector_name = connector_name
        self._connector_key = spec.connector_key
        self.job_id = ""
        self.outcome: RunOutcome | None = None
        ui = self.ui
        self.setWindowTitle(self.tr("Run %1").replace("%1", spec.display_title))
        ui.toolLabel.setText(f"<b>{_html(spec.name)}</b> · {_html(connector_name)}")
        ui.toolLabel.setToolTip(spec.qualified_name)
        ui.descriptionLabel.setText(spec.description)
        ui.descriptionLabel.setVisible(bool(spec.description))
        self.editor = SchemaEditor(ui.argumentsHolder)
        ui.argumentsLayout.addWidget(self.editor)
        self.editor.set_schema(spec.input_schema)
        if arguments:
            self.editor.set_value(arguments)
        self.result_view = ResultView(ui.resultHolder)
        ui.resultHolderLayout.addWidget(self.result_view)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.authFrame.hide()
        ui.statusLabel.hide()
        self.result_view.hide()
        ui.progressBar.hide()
        ui.runButton.setDefault(True)
        ui.runButton.clicked.connect(self.run)
        ui.cancelButton.clicked.connect(self.cancel_run)
        ui.closeButton.clicked.connect(self.reject)
        ui.connectButton.clicked.connect(self.connect_connector)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.run)
        runs.run_progress.connect(self._on_progress)
        runs.run_finished.connect(self._on_finished)
        connectors.connect_finished.connect(self._on_connect_finished)
        connectors.connect_waiting.connect(self._on_connect_waiting)
        self._set_running(False)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- running
    def arguments(self) -> dict[str, Any] | None:
        """The arguments as typed, or None after showing what is wrong next to the field."""
        if not self.editor.validate():
            return None
        value = self.editor.value()
        if value is MISSING:
            return {}
        return value if isinstance(value, dict) else {"value": value}

    def run(self) -> None:
        if self.job_id:
            return
        arguments = self.arguments()
        if arguments is None:
            return
        timeout = float(self.ui.timeoutSpin.value()) or None
        self.ui.authFrame.hide()
        self.result_view.hide()
        self.outcome = None
        job_id = self._runs.run(self.spec.qualified_name, arguments, timeout=timeout)
        if not job_id:
            return
        self.job_id = job_id
        self._show_status(self.tr("Running…"), problem=False)
        self._set_running(True)

    def cancel_run(self) -> None:
        if self.job_id:
            self._runs.cancel(self.job_id)
            self._show_status(self.tr("Cancelling…"), problem=False)

    def _set_running(self, running: bool) -> None:
        ui = self.ui
        ui.runButton.setEnabled(not running)
        ui.cancelButton.setVisible(running)
        ui.progressBar.setVisible(running)
        if running:
            ui.progressBar.setRange(0, 0)

    def _on_progress(self, job_id: str, fraction: float, text: str) -> None:
        if job_id != self.job_id:
            return
        bar = self.ui.progressBar
        if fraction >= 0:
            bar.setRange(0, 1000)
            bar.setValue(round(fraction * 1000))
        if text:
            self._show_status(text, problem=False)

    def _on_finished(self, outcome: RunOutcome) -> None:
        if outcome.job_id != self.job_id:
            return
        self.job_id = ""
        self.outcome = outcome
        self._set_running(False)
        self.show_outcome(outcome)

    def show_outcome(self, outcome: RunOutcome) -> None:
        duration = outcome.action.duration_ms if outcome.action is not None else None
        if outcome.status is ToolStatus.NEEDS_AUTH:
            self._show_needs_auth(outcome)
        elif outcome.succeeded:
            text = self.tr("Succeeded")
            if duration is not None:
                text += " " + self.tr("in %1").replace("%1", duration_ms_text(duration))
            self._show_status(text + ".", problem=False)
        else:
            text = outcome.error or status_text(outcome.status)
            self._show_status(text, problem=True)
        if outcome.has_value and outcome.status is not ToolStatus.NEEDS_AUTH:
            self.result_view.set_value(outcome.value)
            if not self.result_view.isVisible():  # the first result: give it most of the room
                total = sum(self.ui.splitter.sizes())
                self.ui.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])
            self.result_view.show()

    def _show_needs_auth(self, outcome: RunOutcome) -> None:
        name = self._connector_name
        if outcome.auth is not None and outcome.auth.message:
            text = outcome.auth.message
        else:
            text = self.tr("%1 must be connected before this tool can work.").replace("%1", name)
        self.ui.statusLabel.hide()
        self.ui.authLabel.setText(text)
        self.ui.connectButton.setText(self.tr("Connect %1").replace("%1", name))
        self.ui.connectButton.setEnabled(True)
        self.ui.authFrame.show()
        if outcome.connector_key:
            self._connector_key = outcome.connector_key

    def _show_status(self, text: str, *, problem: bool) -> None:
        label = self.ui.statusLabel
        label.setText(text)
        label.setStyleSheet(ERROR_STYLE if problem else "")
        label.show()

    # -- connecting after a NEEDS_AUTH result
    def connect_connector(self) -> None:
        """Merge: the browser flow of the panel (waits until connected). Another server: open the link it gave."""
        self.ui.connectButton.setEnabled(False)
        auth = self.outcome.auth if self.outcome is not None else None
        if not self._connector_key.startswith(MERGE_PREFIX) and auth is not None and auth.magic_link_url:
            self._connectors.open_link(auth.magic_link_url)
            self.ui.authLabel.setText(self.tr("Finish connecting in your browser, then run the tool again."))
            return
        self._connectors.connect_connector(self._connector_key)

    def _on_connect_waiting(self, key: str, text: str) -> None:
        if key == self._connector_key and self.ui.authFrame.isVisible():
            self.ui.authLabel.setText(text)

    def _on_connect_finished(self, key: str, connected: bool, text: str) -> None:
        if key != self._connector_key or not self.ui.authFrame.isVisible():
            return
        self.ui.connectButton.setEnabled(not connected)
        self.ui.authLabel.setText(text + (" " + self.tr("Run the tool again.") if connected else ""))

    def done(self, result: int) -> None:
        for signal, slot in (
            (self._runs.run_progress, self._on_progress),
            (self._runs.run_finished, self._on_finished),
            (self._connectors.connect_finished, self._on_connect_finished),
            (self._connectors.connect_waiting, self._on_connect_waiting),
        ):
            _disconnect(signal, slot)
        super().done(result)


def _disconnect(signal: Any, slot: Any) -> None:
    try:
        signal.disconnect(slot)
    except (RuntimeError, TypeError):
        return


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
