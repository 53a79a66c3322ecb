"""Running tools from the Connectors panel, and the history of runs.

A run is a `connectors.run_tool` job of the job pool (so it shows in the Jobs panel, can be cancelled, and is kept
with the other background work); its result names the recorded ConnectorToolAction, which this view-model reads
back to show the result. The history is the service's list of recorded runs, reloaded when a run starts or ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from vector_desktop.domain.connectors import ActionFilter, ToolAction
from vector_desktop.domain.connectors_api import CallProgress, ConnectorsApi, ConnectorsRuntime
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobQueue, JobSnapshot, JobState
from vector_desktop.domain.tools import AuthRequest, ToolStatus
from vector_desktop.presentation.connectors.connectors_events import ConnectorCalls
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.tools.history_model import HistoryFilterProxy, HistoryModel
from vector_desktop.presentation.tools.tool_events import ConnectorsEventBridge

RUN_TOOL_TASK = "connectors.run_tool"  # registered by services/connectors/tasks.py
PANEL_ORIGIN = "panel"
HISTORY_LIMIT = 500


def _tr(text: str) -> str:
    return QCoreApplication.translate("ToolRunsViewModel", text)


@dataclass(frozen=True)
class RunOutcome:
    """What the user sees when a run ends: the recorded action (when there is one), its result value, or why
    it failed, or that the connector must be connected first (`auth`)."""

    job_id: str
    qualified_name: str
    status: ToolStatus
    action: ToolAction | None = None
    value: Any = None
    has_value: bool = False
    error: str = ""
    auth: AuthRequest | None = None
    connector_key: str = ""

    @property
    def succeeded(self) -> bool:
        return self.status is ToolStatus.SUCCEEDED


def result_value(action: ToolAction) -> tuple[bool, Any]:
    """(True, value) from the recorded result JSON; (False, None) when nothing was kept."""
    if action.result_json is None:
        return False, None
    try:
        return True, json.loads(action.result_json)
    except ValueError:
        return True, action.result_json


def _auth_of(result: Mapping[str, Any]) -> AuthRequest | None:
    auth = result.get("auth")
    if not isinstance(auth, Mapping):
        return None
    return AuthRequest(
        connector=str(auth.get("connector", "")),
        message=str(auth.get("message", "")),
        magic_link_url=str(auth.get("magic_link_url", "")),
        link_token=str(auth.get("link_token", "")),
    )


_JOB_STATUS = {
    JobState.CANCELLED: ToolStatus.CANCELLED,
    JobState.TIMED_OUT: ToolStatus.TIMED_OUT,
    JobState.INTERRUPTED: ToolStatus.INTERRUPTED,
}


class ToolRunsViewModel(QObject):
    run_started = Signal(str, str)  # job id, qualified name
    run_progress = Signal(str, float, str)  # job id, fraction (-1 when unknown), message
    run_finished = Signal(object)  # RunOutcome
    history_loaded = Signal()
    error_occurred = Signal(str)

    def __init__(
        self,
        api: ConnectorsApi,
        runtime: ConnectorsRuntime,
        jobs: JobQueue,
        jobs_bridge: JobsBridge,
        *,
        events: ConnectorsEventBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._jobs = jobs
        self._jobs_bridge = jobs_bridge
        self.calls = ConnectorCalls(runtime, self.error_occurred.emit)
        self.history = HistoryModel(self)
        self.history_proxy = HistoryFilterProxy(self)
        self.history_proxy.setSourceModel(self.history)
        self._runs: dict[str, str] = {}  # job id -> qualified name of the runs started here
        self._history_task: asyncio.Task[Any] | None = None
        self._history_again = False
        self._events = events
        jobs_bridge.job_changed.connect(self._on_job_changed)
        events.actions_changed.connect(self.load_history)
        events.call_progress.connect(self._on_progress)

    def close(self) -> None:
        self.calls.close()
        for signal, slot in (
            (self._jobs_bridge.job_changed, self._on_job_changed),
            (self._events.actions_changed, self.load_history),
            (self._events.call_progress, self._on_progress),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    # -- running
    def run(self, qualified_name: str, arguments: dict[str, Any], *, timeout: float | None = None) -> str:
        """Queue the run as a job; returns the job id ("" when it could not be queued: error_occurred says why)."""
        payload = {
            "qualified_name": qualified_name,
            "arguments": arguments,
            "origin": PANEL_ORIGIN,
            "timeout": timeout,
        }
        try:
            job_id = self._jobs.apply_async(
                RUN_TOOL_TASK, kwargs=payload, title=_tr("Run tool %1").replace("%1", qualified_name)
            )
        except VectorError as error:
            self.error_occurred.emit(str(error))
            return ""
        self._runs[job_id] = qualified_name
        self.run_started.emit(job_id, qualified_name)
        return job_id

    def rerun(self, action: ToolAction) -> str:
        return self.run(action.qualified_name, dict(action.arguments))

    def cancel(self, job_id: str) -> None:
        if job_id in self._runs:
            self._jobs.cancel(job_id)

    def running(self) -> list[str]:
        return list(self._runs)

    @Slot(object)
    def _on_job_changed(self, snapshot: JobSnapshot) -> None:
        qualified_name = self._runs.get(snapshot.id)
        if qualified_name is None or not snapshot.state.finished or self.calls.closed:
            return
        del self._runs[snapshot.id]
        self.calls.start(self._finish(snapshot, qualified_name), "connectors-run-finished")

    async def _finish(self, snapshot: JobSnapshot, qualified_name: str) -> None:
        result = snapshot.result if isinstance(snapshot.result, Mapping) else {}
        action_id = result.get("action_id")
        action: ToolAction | None = None
        if isinstance(action_id, int):
            action = await self.calls.call(self._api.action(action_id))
        if action is not None:
            self.history.upsert(action)
        self.run_finished.emit(self._outcome(snapshot, qualified_name, result, action))

    def _outcome(
        self, snapshot: JobSnapshot, qualified_name: str, result: Mapping[str, Any], action: ToolAction | None
    ) -> RunOutcome:
        spec = self._api_tool(qualified_name)
        connector_key = action.connector_key if action is not None else (spec.connector_key if spec else "")
        if action is None:
            status = _JOB_STATUS.get(snapshot.state, ToolStatus.FAILED)
            error = snapshot.error or (_tr("The run was cancelled.") if status is ToolStatus.CANCELLED else "")
            return RunOutcome(snapshot.id, qualified_name, status, error=error, connector_key=connector_key)
        has_value, value = result_value(action)
        return RunOutcome(
            snapshot.id,
            qualified_name,
            action.status,
            action=action,
            value=value,
            has_value=has_value,
            error=action.error or str(result.get("error") or ""),
            auth=_auth_of(result),
            connector_key=connector_key,
        )

    def _api_tool(self, qualified_name: str) -> Any:
        return next((spec for spec in self._api.tools() if spec.qualified_name == qualified_name), None)

    @Slot(object)
    def _on_progress(self, progress: CallProgress) -> None:
        """Progress of a call: shown on the run started here for that tool (the action id is not known yet)."""
        row = self.history.row_of(progress.action_id)
        action = self.history.action_at(row)
        for job_id, qualified_name in self._runs.items():
            if action is None or action.qualified_name == qualified_name:
                fraction = progress.fraction
                self.run_progress.emit(job_id, -1.0 if fraction is None else fraction, progress.message)
                return

    # -- history
    @Slot()
    def load_history(self) -> None:
        """Read the recorded runs again (one read at a time; a change during a read triggers one more)."""
        if self.calls.closed:
            return
        if self._history_task is not None and not self._history_task.done():
            self._history_again = True
            return
        self._history_task = self.calls.start(self._load_history(), "connectors-history")

    async def _load_history(self) -> None:
        while True:
            self._history_again = False
            actions = await self.calls.call(self._api.history(ActionFilter(limit=HISTORY_LIMIT)))
            self.history.set_actions(actions)
            if not self._history_again:
                break
        self.history_loaded.emit()

    def action_value(self, action: ToolAction) -> tuple[bool, Any]:
        return result_value(action)
