"""Export a whole result to CSV or JSON Lines as a `databases.export` background job: it shows in the Jobs panel
with its progress and can be cancelled there; the job writes a temporary file and renames it only at the end."""

from __future__ import annotations

import asyncio
import enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobQueue, JobState
from vector_desktop.presentation.databases.databases_events import DatabaseCalls
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.services.databases.tasks import EXPORT, export_payload


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResultExporter", text)


class ExportKind(enum.StrEnum):
    CSV = "csv"
    JSONL = "jsonl"

    @property
    def suffix(self) -> str:
        return ".csv" if self is ExportKind.CSV else ".jsonl"

    @property
    def label(self) -> str:
        return _tr("CSV") if self is ExportKind.CSV else _tr("JSON Lines")


def with_suffix(path: str, kind: ExportKind) -> str:
    """The file name typed in the save dialog, with the format's extension when it has none."""
    return path if Path(path).suffix else path + kind.suffix


class ResultExporter(QObject):
    started = Signal(str)  # job id
    finished = Signal(str, int)  # path, rows written
    failed = Signal(str)  # the sentence

    def __init__(self, jobs: JobQueue, jobs_bridge: JobsBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._bridge = jobs_bridge
        self._calls = DatabaseCalls(self.failed.emit)
        self.running: set[str] = set()

    def export(self, connection_id: int, sql: str, kind: ExportKind, path: str) -> asyncio.Task[Any] | None:
        if not sql.strip():
            self.failed.emit(_tr("Run a statement first: its rows are what is exported."))
            return None
        try:
            job_id = self._jobs.apply_async(
                EXPORT,
                kwargs=export_payload(connection_id, sql, None, kind.value, path),
                title=_tr("Export rows to %1").replace("%1", Path(path).name),
            )
        except VectorError as error:
            self.failed.emit(str(error))
            return None
        self.running.add(job_id)
        self.started.emit(job_id)
        return self._calls.start(self._wait(job_id, path), "databases-export")

    async def _wait(self, job_id: str, path: str) -> None:
        try:
            snapshot = await self._bridge.finished(job_id)
        finally:
            self.running.discard(job_id)
        if snapshot.state is JobState.SUCCEEDED:
            result = snapshot.result if isinstance(snapshot.result, dict) else {}
            self.finished.emit(str(result.get("path", path)), int(result.get("rows", 0)))
        elif snapshot.state is JobState.CANCELLED:
            self.failed.emit(_tr("The export was cancelled; no file was written."))
        else:
            self.failed.emit(snapshot.error or _tr("The export failed; no file was written."))

    def close(self) -> None:
        self._calls.close()
