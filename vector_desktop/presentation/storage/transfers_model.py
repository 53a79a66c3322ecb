"""The Storage panel's transfers: upload and download jobs with their progress, as a table model."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt

from vector_desktop.domain.jobs import JobSnapshot, JobState
from vector_desktop.presentation.jobs_model import ProgressRole, can_cancel, state_text
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel

TransferRole = Qt.ItemDataRole.UserRole + 6


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


UPLOAD_TASKS = frozenset({"storage.upload", "storage.upload_image"})
DOWNLOAD_TASKS = frozenset({"storage.download"})
TRANSFER_TASKS = UPLOAD_TASKS | DOWNLOAD_TASKS


class TransferColumn(enum.IntEnum):
    NAME = 0
    DIRECTION = 1
    PROGRESS = 2
    STATE = 3


_TRANSFER_HEADERS = {
    TransferColumn.NAME: "File",
    TransferColumn.DIRECTION: "Direction",
    TransferColumn.PROGRESS: "Progress",
    TransferColumn.STATE: "State",
}


@dataclass(frozen=True)
class Transfer:
    job_id: str
    upload: bool
    key: str  # storage key ("" for a job of an earlier session whose arguments are unknown here)
    local_path: str = ""
    title: str = ""
    snapshot: JobSnapshot | None = None

    @property
    def name(self) -> str:
        if self.key:
            return self.key.rstrip("/").rsplit("/", 1)[-1]
        return self.title

    @property
    def state(self) -> JobState:
        return self.snapshot.state if self.snapshot is not None else JobState.QUEUED

    @property
    def finished(self) -> bool:
        return self.state.finished


class TransfersModel(ColumnTableModel):
    """Uploads and downloads (storage jobs) with live progress, in the order they were started."""

    COLUMNS = TransferColumn
    HEADERS = _TRANSFER_HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Transfer] = []
        self._row_of: dict[str, int] = {}

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        transfer = self._rows[index.row()]
        column = TransferColumn(index.column())
        snapshot = transfer.snapshot
        progress = snapshot.progress if snapshot is not None else 0.0
        if role == TransferRole:
            return transfer
        if role == ProgressRole:
            return progress if column is TransferColumn.PROGRESS else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column is TransferColumn.NAME:
                return transfer.name
            if column is TransferColumn.DIRECTION:
                return _tr("TransfersModel", "Upload" if transfer.upload else "Download")
            if column is TransferColumn.PROGRESS:
                return f"{round(progress * 100)} %"
            return state_text(snapshot) if snapshot is not None else _tr("TransfersModel", "Queued")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is TransferColumn.NAME:
                return transfer.key or transfer.title
            if column is TransferColumn.STATE and snapshot is not None and snapshot.error:
                return snapshot.error
            if column is TransferColumn.PROGRESS and snapshot is not None:
                return snapshot.progress_text or None
        return None

    def add(self, job_id: str, *, upload: bool, key: str, local_path: str = "", title: str = "") -> None:
        if job_id in self._row_of:
            return
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(Transfer(job_id, upload, key, local_path, title))
        self._row_of[job_id] = row
        self.endInsertRows()

    def update(self, snapshot: JobSnapshot) -> Transfer | None:
        """Apply a job snapshot; a storage job not started here (e.g. resumed after a restart) gets a row too."""
        if snapshot.task_name not in TRANSFER_TASKS:
            return None
        row = self._row_of.get(snapshot.id)
        if row is None:
            self.add(snapshot.id, upload=snapshot.task_name in UPLOAD_TASKS, key="", title=snapshot.title)
            row = self._row_of[snapshot.id]
        self._rows[row] = replace(self._rows[row], snapshot=snapshot)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(TransferColumn) - 1))
        return self._rows[row]

    def transfer(self, job_id: str) -> Transfer | None:
        row = self._row_of.get(job_id)
        return None if row is None else self._rows[row]

    def transfer_at(self, row: int) -> Transfer | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def transfers(self) -> list[Transfer]:
        return list(self._rows)

    def can_cancel(self, job_id: str) -> bool:
        transfer = self.transfer(job_id)
        if transfer is None:
            return False
        return transfer.snapshot is None or can_cancel(transfer.snapshot)

    def active(self) -> Iterable[Transfer]:
        return (transfer for transfer in self._rows if not transfer.finished)

    def remove_finished(self) -> None:
        row = len(self._rows) - 1
        while row >= 0:
            if not self._rows[row].finished:
                row -= 1
                continue
            last = row
            while row >= 0 and self._rows[row].finished:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, last)
            del self._rows[row + 1 : last + 1]
            self._row_of = {transfer.job_id: index for index, transfer in enumerate(self._rows)}
            self.endRemoveRows()
