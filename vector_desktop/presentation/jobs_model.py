"""The Jobs panel's table model and view-model."""

from __future__ import annotations

import contextlib
import enum
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobMonitor, JobSnapshot, JobState
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel

log = logging.getLogger(__name__)


class JobColumn(enum.IntEnum):
    TASK = 0
    STATE = 1
    PROGRESS = 2
    STARTED = 3
    DURATION = 4
    ERROR = 5


JobRole = Qt.ItemDataRole.UserRole + 1  # the row's JobSnapshot
ProgressRole = Qt.ItemDataRole.UserRole + 2  # progress as a float in 0..1

_HEADERS = {
    JobColumn.TASK: "Task",
    JobColumn.STATE: "State",
    JobColumn.PROGRESS: "Progress",
    JobColumn.STARTED: "Started",
    JobColumn.DURATION: "Duration",
    JobColumn.ERROR: "Error",
}
_STATES = {
    JobState.QUEUED: "Queued",
    JobState.RUNNING: "Running",
    JobState.SUCCEEDED: "Succeeded",
    JobState.FAILED: "Failed",
    JobState.CANCELLED: "Cancelled",
    JobState.TIMED_OUT: "Timed out",
    JobState.INTERRUPTED: "Interrupted",
}
_OLDEST = datetime.min.replace(tzinfo=UTC)


def _tr(text: str) -> str:
    return QCoreApplication.translate("JobsTableModel", text)


def state_text(snapshot: JobSnapshot) -> str:
    if snapshot.cancel_requested and not snapshot.state.finished:
        return _tr("Cancelling…")
    if snapshot.state is JobState.QUEUED and snapshot.error:
        return _tr("Waiting to retry")
    return _tr(_STATES[snapshot.state])


def duration_text(seconds: float) -> str:
    seconds = max(round(seconds), 0)
    if seconds < 60:
        return _tr("%1 s").replace("%1", str(seconds))
    minutes, rest = divmod(seconds, 60)
    if minutes < 60:
        return _tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(rest))
    hours, minutes = divmod(minutes, 60)
    return _tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))


def time_text(moment: datetime | None, *, today: QDate | None = None) -> str:
    if moment is None:
        return ""
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    locale = QLocale()
    if local.date() == (today or QDate.currentDate()):
        return locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(local, QLocale.FormatType.ShortFormat)


def can_cancel(snapshot: JobSnapshot | None) -> bool:
    return snapshot is not None and not snapshot.state.finished and not snapshot.cancel_requested


def can_retry(snapshot: JobSnapshot | None) -> bool:
    return snapshot is not None and snapshot.state.finished and snapshot.state is not JobState.SUCCEEDED


class JobsTableModel(ColumnTableModel):
    """One row per job, newest first. A change to a known job updates its row in place (dataChanged)."""

    COLUMNS = JobColumn
    HEADERS = _HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[JobSnapshot] = []
        self._row_of: dict[str, int] = {}

    # -- Qt model API
    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        job = self._rows[index.row()]
        column = JobColumn(index.column())
        if role == JobRole:
            return job
        if role == ProgressRole:
            return job.progress if column is JobColumn.PROGRESS else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(job, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is JobColumn.PROGRESS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, job: JobSnapshot, column: JobColumn) -> str:
        if column is JobColumn.TASK:
            return job.title or job.task_name
        if column is JobColumn.STATE:
            return state_text(job)
        if column is JobColumn.PROGRESS:
            return f"{round(job.progress * 100)} %"
        if column is JobColumn.STARTED:
            return time_text(job.started_at)
        if column is JobColumn.DURATION:
            if job.started_at is None or job.finished_at is None:
                return ""
            return duration_text((job.finished_at - job.started_at).total_seconds())
        return job.error.strip().splitlines()[0] if job.error.strip() else ""

    def _tooltip(self, job: JobSnapshot, column: JobColumn) -> str | None:
        if column is JobColumn.TASK:
            return job.task_name
        if column in (JobColumn.STATE, JobColumn.PROGRESS):
            return job.progress_text or None
        if column is JobColumn.DURATION and job.finished_at is not None:
            return _tr("Finished %1").replace("%1", time_text(job.finished_at))
        if column is JobColumn.ERROR:
            return job.error or None
        return None

    # -- our API
    def job_at(self, row: int) -> JobSnapshot | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def job(self, job_id: str) -> JobSnapshot | None:
        row = self._row_of.get(job_id)
        return None if row is None else self._rows[row]

    def row_of(self, job_id: str) -> int:
        return self._row_of.get(job_id, -1)

    def has_finished(self) -> bool:
        return any(job.state.finished for job in self._rows)

    @Slot(object)
    def upsert(self, snapshot: JobSnapshot) -> None:
        row = self._row_of.get(snapshot.id)
        if row is not None:
            self._rows[row] = snapshot
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(JobColumn) - 1))
            return
        position = self._position_for(snapshot)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, snapshot)
        self._reindex()
        self.endInsertRows()

    def merge(self, snapshots: Iterable[JobSnapshot]) -> None:
        """Add jobs not shown yet (e.g. history read from the store); rows already shown are newer and win."""
        for snapshot in snapshots:
            if snapshot.id not in self._row_of:
                self.upsert(snapshot)

    def remove_finished(self) -> list[str]:
        removed: list[str] = []
        row = len(self._rows) - 1
        while row >= 0:
            if not self._rows[row].state.finished:
                row -= 1
                continue
            last = row
            while row >= 0 and self._rows[row].state.finished:
                row -= 1
            first = row + 1
            self.beginRemoveRows(QModelIndex(), first, last)
            removed.extend(job.id for job in self._rows[first : last + 1])
            del self._rows[first : last + 1]
            self._reindex()
            self.endRemoveRows()
        return removed

    def _position_for(self, snapshot: JobSnapshot) -> int:
        created = snapshot.created_at or _OLDEST
        for row, job in enumerate(self._rows):
            if (job.created_at or _OLDEST) < created:
                return row
        return len(self._rows)

    def _reindex(self) -> None:
        self._row_of = {job.id: row for row, job in enumerate(self._rows)}


class JobsViewModel(QObject):
    """What the Jobs panel can do. Slow calls (store reads and writes) run on a worker thread."""

    error = Signal(str)  # a sentence to show the user
    retried = Signal(str)  # id of the new job created by retry()

    _call_done = Signal(object, object)  # (callback, Future) back on the GUI thread

    def __init__(
        self,
        jobs: JobMonitor,
        model: JobsTableModel,
        bridge: JobsBridge,
        *,
        executor: Executor | None = None,
        history_limit: int = 200,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._model = model
        self._owns_executor = executor is None
        self._executor: Executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="jobs-panel")
        self._history_limit = history_limit
        self._generation = 0  # bumped by clear_finished so an older history read cannot bring rows back
        self._closed = False
        bridge.job_changed.connect(model.upsert)
        self._call_done.connect(self._on_call_done, Qt.ConnectionType.QueuedConnection)

    @property
    def model(self) -> JobsTableModel:
        return self._model

    def can_cancel(self, job_id: str) -> bool:
        return can_cancel(self._model.job(job_id))

    def can_retry(self, job_id: str) -> bool:
        return can_retry(self._model.job(job_id))

    def can_clear(self) -> bool:
        return self._model.has_finished()

    @Slot()
    def load(self) -> None:
        """Fill the model with recent jobs, including earlier sessions' (read off the GUI thread)."""
        generation = self._generation

        def show(snapshots: list[JobSnapshot]) -> None:
            if generation == self._generation:
                self._model.merge(snapshots)

        self._run(lambda: self._jobs.list_recent(self._history_limit), show)

    @Slot(str)
    def cancel(self, job_id: str) -> None:
        try:
            self._jobs.cancel(job_id)  # in memory only: no store access
        except VectorError as problem:
            self.error.emit(str(problem))

    @Slot(str)
    def retry(self, job_id: str) -> None:
        self._run(lambda: self._jobs.retry(job_id), self.retried.emit)

    @Slot()
    def clear_finished(self) -> None:
        self._generation += 1
        self._model.remove_finished()
        cutoff = datetime.now(UTC)
        self._run(lambda: self._jobs.delete_finished(cutoff), lambda _count: None)

    def close(self) -> None:
        self._closed = True
        if self._owns_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)

    # -- plumbing
    def _run(self, call: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        if self._closed:
            return
        future = self._executor.submit(call)
        future.add_done_callback(lambda done: self._post(on_done, done))

    def _post(self, on_done: Callable[[Any], None], future: Future[Any]) -> None:
        with contextlib.suppress(RuntimeError):  # the view-model was destroyed while the call ran
            self._call_done.emit(on_done, future)

    @Slot(object, object)
    def _on_call_done(self, on_done: Callable[[Any], None], future: Future[Any]) -> None:
        if future.cancelled() or self._closed:
            return
        problem = future.exception()
        if problem is None:
            on_done(future.result())
        elif isinstance(problem, VectorError):
            self.error.emit(str(problem))
        else:
            log.error("jobs panel action failed", exc_info=problem)
            self.error.emit(_tr("Something went wrong with the background jobs; the log has the details."))
