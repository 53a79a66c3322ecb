"""The Jobs panel as a user sees it, driven by a real job pool over the real SQLite store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThread
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from tests.support.jobs import WAIT_S
from vector_desktop.domain.jobs import JobContext, JobRecord, JobSnapshot, JobState
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.jobs_model import JobColumn, JobRole, JobsTableModel, JobsViewModel, ProgressRole
from vector_desktop.store.job_repository import JobRepository
from vector_desktop.views.jobs_panel import JobsPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WAIT_MS = int(WAIT_S * 1000)


class Harness:
    def __init__(self, qtbot, store) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.gate = threading.Event()
        self.tasks = TaskRegistry()
        self.repository = JobRepository(store.sessions)
        self.pool = JobPool(self.tasks, self.repository, workers=2)
        self.bridge = JobsBridge()
        self.bridge.attach(self.pool)
        self.model = JobsTableModel()
        self.vm = JobsViewModel(self.pool, self.model, self.bridge)
        self.panel = JobsPanel(self.vm, self.model)
        qtbot.addWidget(self.panel)
        self.panel.resize(900, 400)
        self.panel.show()
        self._register_tasks()

    def _register_tasks(self) -> None:
        gate = self.gate

        @self.tasks.task("demo.work", title="Working on it")
        def work(ctx: JobContext, fraction: float) -> str:
            ctx.progress(fraction, "halfway there")
            while True:  # until cancelled, or the gate opens
                if gate.is_set():
                    return "done"
                ctx.sleep(0.05)

        calls: list[int] = []

        @self.tasks.task("demo.flaky", title="Flaky upload")
        def flaky(ctx: JobContext) -> str:
            calls.append(1)
            if len(calls) == 1:
                raise ConnectionError("The server closed the connection.")
            return "uploaded"

    def close(self) -> None:
        self.gate.set()
        self.pool.shutdown(wait_seconds=5.0)
        self.bridge.detach()
        self.vm.close()

    def row_state(self, job_id: str) -> str:
        row = self.model.row_of(job_id)
        return str(self.model.index(row, JobColumn.STATE).data()) if row >= 0 else ""

    def wait_state(self, job_id: str, text: str) -> None:
        self.qtbot.waitUntil(lambda: self.row_state(job_id) == text, timeout=WAIT_MS)


@pytest.fixture
def harness(qtbot, store) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    h = Harness(qtbot, store)
    yield h
    h.close()


def _snapshot(job_id: str, minutes_ago: int, state: JobState = JobState.RUNNING, **changes: Any) -> JobSnapshot:
    created = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    values: dict[str, Any] = {"id": job_id, "task_name": "t", "title": f"Job {job_id}", "state": state}
    values.update(created_at=created, started_at=created, **changes)
    return JobSnapshot(**values)


# ------------------------------------------------------------------------------------------------------ model
def test_model_passes_the_model_tester_and_updates_rows_in_place(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = JobsTableModel()
    qtmodeltester.check(model)
    model.upsert(_snapshot("a", 10))
    model.upsert(_snapshot("c", 1))
    model.upsert(_snapshot("b", 5, JobState.FAILED, error="Disk full.\nMore detail", finished_at=datetime.now(UTC)))
    qtmodeltester.check(model)
    assert [model.index(r, JobColumn.TASK).data() for r in range(3)] == ["Job c", "Job b", "Job a"]  # newest first

    resets: list[int] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda tl, br, roles=None: changed.append((tl.row(), br.row())))
    model.upsert(_snapshot("a", 10, progress=0.5))
    assert changed == [(2, 2)] and resets == []
    assert model.index(2, JobColumn.PROGRESS).data() == "50 %"
    assert model.index(2, JobColumn.PROGRESS).data(ProgressRole) == 0.5
    assert model.index(1, JobColumn.ERROR).data() == "Disk full."
    assert model.index(1, JobColumn.ERROR).data(Qt.ItemDataRole.ToolTipRole) == "Disk full.\nMore detail"
    assert model.index(1, JobColumn.STATE).data() == "Failed"
    assert model.index(0, JobColumn.STATE).data() == "Running"
    assert isinstance(model.index(0, 0).data(JobRole), JobSnapshot)
    assert model.headerData(JobColumn.PROGRESS, Qt.Orientation.Horizontal) == "Progress"

    model.merge([_snapshot("a", 10, JobState.SUCCEEDED), _snapshot("old", 60, JobState.SUCCEEDED)])
    assert model.index(2, JobColumn.STATE).data() == "Running"  # the live row wins over history
    assert model.row_of("old") == 3
    assert sorted(model.remove_finished()) == ["b", "old"]
    assert [model.job_at(r).id for r in range(model.rowCount())] == ["c", "a"]  # type: ignore[union-attr]
    qtmodeltester.check(model)


def test_state_column_tells_cancelling_and_waiting_to_retry() -> None:
    model = JobsTableModel()
    model.upsert(_snapshot("a", 1, cancel_requested=True))
    model.upsert(_snapshot("b", 2, JobState.QUEUED, error="ConnectionError: reset"))
    model.upsert(
        _snapshot(
            "c", 3, JobState.SUCCEEDED, finished_at=datetime.now(UTC) - timedelta(minutes=3) + timedelta(seconds=75)
        )
    )
    assert [model.index(r, JobColumn.STATE).data() for r in range(3)] == [
        "Cancelling…",
        "Waiting to retry",
        "Succeeded",
    ]
    assert model.index(2, JobColumn.DURATION).data() == "1 min 15 s"


# ----------------------------------------------------------------------------------------------------- bridge
def test_bridge_delivers_worker_notifications_on_the_gui_thread(qtbot, harness: Harness) -> None:  # type: ignore[no-untyped-def]
    threads: list[bool] = []
    counts: list[int] = []
    harness.bridge.job_changed.connect(
        lambda snap: threads.append(QThread.currentThread() is QApplication.instance().thread())
    )  # type: ignore[union-attr]
    harness.bridge.running_count_changed.connect(counts.append)
    job_id = harness.pool.delay("demo.work", 0.1)
    harness.wait_state(job_id, "Running")
    harness.gate.set()
    harness.wait_state(job_id, "Succeeded")
    qtbot.waitUntil(lambda: counts[-1:] == [0], timeout=WAIT_MS)
    assert counts == [1, 0]
    assert threads and all(threads)


# ------------------------------------------------------------------------------------------------------ panel
def test_empty_state_until_a_job_exists(harness: Harness) -> None:
    ui = harness.panel.ui
    assert ui.stack.currentWidget() is ui.emptyPage
    assert ui.emptyLabel.isVisible() and "No background jobs yet" in ui.emptyLabel.text()
    assert not ui.cancelButton.isEnabled() and not ui.retryButton.isEnabled() and not ui.clearButton.isEnabled()
    job_id = harness.pool.delay("demo.work", 0.0)
    harness.wait_state(job_id, "Running")
    assert ui.jobsTable.isVisible() and not ui.emptyLabel.isVisible()


def test_rows_show_progress_bars_and_cancel_stops_a_running_job(qtbot, harness: Harness) -> None:  # type: ignore[no-untyped-def]
    ui = harness.panel.ui
    job_id = harness.pool.delay("demo.work", 0.42)
    qtbot.waitUntil(
        lambda: harness.model.rowCount() == 1 and harness.model.index(0, JobColumn.PROGRESS).data() == "42 %",
        timeout=WAIT_MS,
    )
    assert harness.model.index(0, JobColumn.TASK).data() == "Working on it"
    assert harness.row_state(job_id) == "Running"
    assert harness.model.index(0, JobColumn.STATE).data(Qt.ItemDataRole.ToolTipRole) == "halfway there"

    # The delegate draws a real progress bar at 42 %.
    option = QStyleOptionViewItem()
    index = harness.model.index(0, JobColumn.PROGRESS)
    option.rect = ui.jobsTable.visualRect(index)
    bar = harness.panel.progress_delegate.progress_option(option, index)
    assert bar is not None and (bar.minimum, bar.maximum, bar.progress, bar.text) == (0, 100, 42, "42 %")
    assert not ui.jobsTable.viewport().grab().isNull()  # paints without warnings

    assert not ui.cancelButton.isEnabled()  # nothing selected yet
    harness.panel.select_job(job_id)
    assert ui.cancelButton.isEnabled() and not ui.retryButton.isEnabled()
    qtbot.mouseClick(ui.cancelButton, Qt.MouseButton.LeftButton)
    harness.wait_state(job_id, "Cancelled")
    assert not ui.cancelButton.isEnabled()
    assert ui.retryButton.isEnabled()
    assert harness.pool.flush(WAIT_S) and harness.repository.get(job_id).state is JobState.CANCELLED  # type: ignore[union-attr]


def test_error_text_is_shown_and_retry_creates_a_new_run(qtbot, harness: Harness) -> None:  # type: ignore[no-untyped-def]
    ui = harness.panel.ui
    failed = harness.pool.delay("demo.flaky")
    harness.wait_state(failed, "Failed")
    harness.panel.select_job(failed)
    assert ui.errorText.toPlainText() == "ConnectionError: The server closed the connection."
    assert ui.errorText.isReadOnly()
    assert ui.retryButton.isEnabled() and not ui.cancelButton.isEnabled()

    qtbot.mouseClick(ui.retryButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: harness.model.rowCount() == 2, timeout=WAIT_MS)
    new_job = harness.model.job_at(0)
    assert new_job is not None and new_job.id != failed and new_job.title == "Flaky upload"
    harness.wait_state(new_job.id, "Succeeded")
    assert harness.row_state(failed) == "Failed"  # the first run keeps its history
    assert harness.panel.selected_job().id == failed  # type: ignore[union-attr]  # selection follows the job, not the row


def test_clear_finished_removes_rows_from_the_panel_and_the_store(qtbot, harness: Harness) -> None:  # type: ignore[no-untyped-def]
    ui = harness.panel.ui
    failed = harness.pool.delay("demo.flaky")
    harness.wait_state(failed, "Failed")
    assert ui.clearButton.isEnabled()
    qtbot.mouseClick(ui.clearButton, Qt.MouseButton.LeftButton)
    assert harness.model.rowCount() == 0
    assert ui.stack.currentWidget() is ui.emptyPage
    qtbot.waitUntil(lambda: harness.repository.get(failed) is None, timeout=WAIT_MS)


def test_history_of_earlier_sessions_is_loaded_off_the_gui_thread(qtbot, harness: Harness) -> None:  # type: ignore[no-untyped-def]
    earlier = datetime.now(UTC) - timedelta(days=2)
    harness.repository.insert(
        JobRecord(
            id="old",
            task_name="demo.flaky",
            state=JobState.INTERRUPTED,
            title="Old upload",
            error="The app stopped before this job finished.",
            created_at=earlier,
            finished_at=earlier,
        )
    )
    harness.vm.load()
    qtbot.waitUntil(lambda: harness.model.rowCount() == 1, timeout=WAIT_MS)
    assert harness.row_state("old") == "Interrupted"
    harness.panel.select_job("old")
    assert harness.panel.ui.errorText.toPlainText() == "The app stopped before this job finished."


def test_a_refused_retry_is_told_to_the_user(qtbot, harness: Harness) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    harness.vm.error.connect(errors.append)
    harness.vm.retry("no-such-job")
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert errors == ["That job no longer exists, so it cannot be run again."]
    assert harness.panel.ui.messageLabel.isVisible()
    assert harness.panel.ui.messageLabel.text() == errors[0]


def test_unused_index_is_harmless() -> None:
    model = JobsTableModel()
    assert model.data(QModelIndex()) is None
    assert model.job_at(3) is None and model.row_of("x") == -1
