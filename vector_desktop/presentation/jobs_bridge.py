"""Carries job-pool notifications from worker threads to the GUI thread as Qt signals.

QRunnable is not a QObject in PySide6, and workers must never touch widgets: the pool calls `post()` on whatever
thread changed the job, and a queued connection delivers the snapshot on the thread this object lives on."""

from __future__ import annotations

import asyncio
import contextlib

from PySide6.QtCore import QObject, Qt, Signal, Slot

from vector_desktop.domain.jobs import JobMonitor, JobSnapshot


class JobsBridge(QObject):
    job_changed = Signal(object)  # JobSnapshot, on the GUI thread
    running_count_changed = Signal(int)  # number of unfinished (queued or running) jobs

    _arrived = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unfinished: set[str] = set()
        self._waiters: dict[str, list[asyncio.Future[JobSnapshot]]] = {}
        self._source: JobMonitor | None = None
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def running_count(self) -> int:
        return len(self._unfinished)

    def attach(self, jobs: JobMonitor) -> None:
        self.detach()
        self._source = jobs
        jobs.add_listener(self.post)

    def detach(self) -> None:
        if self._source is not None:
            self._source.remove_listener(self.post)
            self._source = None

    def post(self, snapshot: JobSnapshot) -> None:
        """The pool listener: safe to call from any thread."""
        with contextlib.suppress(RuntimeError):  # the bridge is being destroyed at shutdown; nobody is left to tell
            self._arrived.emit(snapshot)

    def finished(self, job_id: str) -> asyncio.Future[JobSnapshot]:
        """Resolves with the job's last snapshot when it ends. Ask right after submitting, on the GUI thread: the
        end arrives through this object's queued signal, so it cannot have been delivered yet."""
        future: asyncio.Future[JobSnapshot] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(job_id, []).append(future)
        return future

    @Slot(object)
    def _deliver(self, snapshot: JobSnapshot) -> None:
        before = len(self._unfinished)
        if snapshot.state.finished:
            self._unfinished.discard(snapshot.id)
            for future in self._waiters.pop(snapshot.id, ()):
                if not future.done():
                    future.set_result(snapshot)
        else:
            self._unfinished.add(snapshot.id)
        self.job_changed.emit(snapshot)
        if len(self._unfinished) != before:
            self.running_count_changed.emit(len(self._unfinished))
