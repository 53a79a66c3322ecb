"""Transfers of the Storage panel: uploads and downloads queued as `storage.upload` / `storage.download` jobs,
their progress followed through the JobsBridge, and the uploads a restart interrupted (resume or discard).

StorageTransfers is the base of StorageViewModel: it owns the tasks (cancelled on close) and the transfers model;
the view-model adds the listing (`_show`), links, previews and changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
import os
from collections.abc import Coroutine, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import SIGNAL, QObject, Signal, Slot

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobQueue, JobSnapshot, JobState
from vector_desktop.domain.storage import ObjectExists, StorageObject, UploadRecord, parent_prefix
from vector_desktop.presentation.storage.storage_texts import problem_text, tr
from vector_desktop.presentation.storage.transfer_conflicts import (
    ConflictChoice,
    TransferConflict,
    apply_choice,
    apply_download_choice,
    existing_targets,
    find_existing,
)
from vector_desktop.presentation.storage.transfer_plan import (
    UploadPlan,
    folder_name,
    local_target,
    make_folders,
    plan_uploads,
)
from vector_desktop.presentation.storage.transfers_model import UPLOAD_TASKS, TransfersModel
from vector_desktop.qtsupport.tasks import TaskOwner
from vector_desktop.services.storage.cloud_storage_service import CloudStorageService

log = logging.getLogger(__name__)

T = TypeVar("T")


def key_list(items: str | Sequence[str]) -> list[str]:
    return [items] if isinstance(items, str) else [str(item) for item in items]


class StorageTransfers(QObject):
    error_occurred = Signal(str)  # a sentence to show the user
    message = Signal(str)  # information (e.g. "Link copied")
    pending_uploads_changed = Signal(int)  # interrupted uploads that can be resumed or discarded
    transfer_conflict = Signal(object)  # TransferConflict: some names exist already; the view calls its answer()

    def __init__(self, service: CloudStorageService, jobs: JobQueue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self._tasks = TaskOwner(self._task_failed)
        self._closed = False
        self._prefix = ""
        self._pending: list[UploadRecord] = []
        self._active_uploads: set[str] = set()
        self.transfers = TransfersModel(self)

    def _show(self, key: str, obj: StorageObject | None = None) -> None:
        """Put a new or changed key into the listing (StorageViewModel, which owns the listing)."""
        raise NotImplementedError

    # -- tasks
    def _start(self, coro: Coroutine[Any, Any, T], name: str = "") -> asyncio.Task[T | None]:
        return self._tasks.start(self._guard(coro), name or "storage")

    async def _guard(self, coro: Coroutine[Any, Any, T]) -> T | None:
        try:
            return await coro
        except VectorError as error:
            if not self._closed:
                self.error_occurred.emit(problem_text(error))
            return None

    def _task_failed(self, error: BaseException) -> None:
        log.error("storage panel action failed", exc_info=error)
        if not self._closed:
            self.error_occurred.emit(tr("Something went wrong in storage; the log has the details."))

    async def _run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return await self._service.run(fn, *args, **kwargs)

    # -- transfers
    def upload_paths(self, paths: str | Sequence[str], prefix: str | None = None) -> asyncio.Task[Any]:
        """Upload files and folders (dropped or chosen) into `prefix` (default: the folder shown), one job per file."""
        target = self._prefix if prefix is None else prefix
        return self._start(self._upload_paths(key_list(paths), target), "storage-upload")

    async def _upload_paths(self, paths: list[str], prefix: str) -> list[str]:
        plan: UploadPlan = await self._run(plan_uploads, paths, prefix)
        files = plan.files
        existing: set[str] = await self._run(find_existing, self._service, [key for _local, key in files], prefix)
        if existing:
            names = tuple(sorted(key[len(prefix) :] for key in existing))
            choice = await self._ask_conflict(folder_name(prefix), names, len(files))
            if choice is ConflictChoice.CANCEL:
                self.message.emit(tr("Nothing was uploaded."))
                return []
            files = await self._run(apply_choice, self._service, files, existing, choice)
            if not files and not plan.empty_folders:
                self.message.emit(tr("Nothing was uploaded: every item is there already."))
                return []
        for folder in plan.empty_folders:
            with contextlib.suppress(ObjectExists):
                await self._run(self._service.create_folder, folder)
            self._show(folder)
        job_ids: list[str] = []
        for count, (local, key) in enumerate(files, start=1):
            job_ids.append(self._submit_upload(local, key))
            if count % 50 == 0:
                await asyncio.sleep(0)  # keep the GUI responsive while queueing a big folder
        if plan.skipped:
            self.error_occurred.emit(
                tr("Some items were not uploaded: %1").replace("%1", "; ".join(plan.skipped[:5]))
                + ("…" if len(plan.skipped) > 5 else "")
            )
        if job_ids:
            count = len(job_ids)
            self.message.emit(
                tr("Uploading %1.").replace("%1", Path(files[0][0]).name)
                if count == 1
                else tr("Uploading %1 files.").replace("%1", str(count))
            )
        return job_ids

    async def _ask_conflict(
        self, folder: str, names: tuple[str, ...], total: int, *, downloading: bool = False
    ) -> ConflictChoice:
        """Ask the view (transfer_conflict) what to do with names that exist already; Cancel when nobody answers."""
        answer: asyncio.Future[ConflictChoice] = asyncio.get_running_loop().create_future()

        def reply(choice: ConflictChoice) -> None:
            if not answer.done():
                answer.set_result(choice)

        self.transfer_conflict.emit(TransferConflict(folder, names, total, reply, downloading))
        if not self.receivers(SIGNAL("transfer_conflict(PyObject)")):
            reply(ConflictChoice.CANCEL)
        return await answer

    def _submit_upload(self, local: str, key: str, content_type: str = "") -> str:
        args: list[Any] = [local, key] if not content_type else [local, key, content_type]
        job_id = self._jobs.apply_async("storage.upload", args, title=tr("Upload %1").replace("%1", key))
        self.transfers.add(job_id, upload=True, key=key, local_path=local)
        self._active_uploads.add(job_id)
        return job_id

    def download(self, keys: str | Sequence[str], dest: str) -> asyncio.Task[Any]:
        """Download files (and folders with everything in them) into the local folder `dest`."""
        return self._start(self._download(key_list(keys), Path(dest)), "storage-download")

    async def _download(self, keys: list[str], dest: Path) -> list[str]:
        pairs: list[tuple[str, Path]] = []
        empty_folders: list[Path] = []
        skipped: list[str] = []
        for key in keys:
            if key.endswith("/"):
                found = await self._run(self._folder_targets, key, dest, skipped)
                pairs.extend(found)
                if not found:
                    empty_folders.extend(local_target(dest, key[len(parent_prefix(key)) :].rstrip("/"), skipped))
            else:
                pairs.extend((key, target) for target in local_target(dest, key.rsplit("/", 1)[-1], skipped))
        if skipped:
            self.error_occurred.emit(
                tr("Some items were not downloaded: %1").replace("%1", "; ".join(skipped[:5]))
                + ("…" if len(skipped) > 5 else "")
            )
        existing: set[Path] = await self._run(existing_targets, [target for _key, target in pairs])
        if existing:
            names = tuple(sorted(target.relative_to(dest).as_posix() for target in existing))
            choice = await self._ask_conflict(dest.name or str(dest), names, len(pairs), downloading=True)
            if choice is ConflictChoice.CANCEL:
                self.message.emit(tr("Nothing was downloaded."))
                return []
            pairs = await self._run(apply_download_choice, pairs, existing, choice)
        await self._run(make_folders, [target.parent for _key, target in pairs] + empty_folders)
        return [self._submit_download(key, str(target)) for key, target in pairs]

    def _folder_targets(self, prefix: str, dest: Path, skipped: list[str]) -> list[tuple[str, Path]]:
        """Files under `prefix`, each with its place under dest/<folder name>/ (names that would not stay inside
        `dest`, such as a key with "..", are added to `skipped`)."""
        base = parent_prefix(prefix)
        return [
            (obj.key, target)
            for obj in self._service.list_all(prefix)
            if not (obj.is_folder or obj.key.endswith("/"))
            for target in local_target(dest, obj.key[len(base) :], skipped)
        ]

    def _submit_download(self, key: str, dest: str) -> str:
        job_id = self._jobs.apply_async("storage.download", [key, dest], title=tr("Download %1").replace("%1", key))
        self.transfers.add(job_id, upload=False, key=key, local_path=dest)
        return job_id

    @Slot(str)
    def cancel_transfer(self, job_id: str) -> None:
        try:
            self._jobs.cancel(job_id)
        except VectorError as error:
            self.error_occurred.emit(str(error))

    @Slot()
    def clear_finished_transfers(self) -> None:
        self.transfers.remove_finished()

    @Slot(object)
    def _on_job_changed(self, snapshot: JobSnapshot) -> None:
        transfer = self.transfers.update(snapshot)
        if transfer is None or self._closed:
            return
        upload = snapshot.task_name in UPLOAD_TASKS
        if upload and not snapshot.state.finished:
            self._active_uploads.add(snapshot.id)
            return
        if not snapshot.state.finished:
            return
        if upload:
            self._active_uploads.discard(snapshot.id)
        if snapshot.state is JobState.SUCCEEDED and upload and isinstance(snapshot.result, dict):
            key = str(snapshot.result.get("key") or transfer.key)
            obj = StorageObject(
                key=key,
                size=int(snapshot.result.get("size") or 0),
                modified=snapshot.finished_at or datetime.now(UTC),
                etag=str(snapshot.result.get("etag") or ""),
                content_type=mimetypes.guess_type(key)[0] or "application/octet-stream",
            )
            self._show(key, obj)
        elif snapshot.state is JobState.SUCCEEDED and isinstance(snapshot.result, dict):
            self.message.emit(tr("Saved %1.").replace("%1", str(snapshot.result.get("path", ""))))
        elif snapshot.state in (JobState.FAILED, JobState.TIMED_OUT):
            name = transfer.name or snapshot.title
            verb = tr("Upload of %1 failed: %2") if upload else tr("Download of %1 failed: %2")
            self.error_occurred.emit(verb.replace("%1", name).replace("%2", snapshot.error))
        if upload and not self._active_uploads:
            self._start(self._refresh_pending(), "storage-pending")

    # -- interrupted uploads
    async def _refresh_pending(self) -> None:
        if self._active_uploads:
            return  # an upload that is running now may be one of them; look again when none runs
        records: list[UploadRecord] = await self._run(self._service.pending_uploads)
        if self._active_uploads:
            return
        self._pending = records
        self.pending_uploads_changed.emit(len(records))

    def pending_text(self) -> str:
        names = ", ".join(record.key for record in self._pending[:3]) + ("…" if len(self._pending) > 3 else "")
        count = len(self._pending)
        if count == 1:
            return tr("An upload was interrupted: %1. Resume it, or discard the part already sent.").replace(
                "%1", names
            )
        return (
            tr("%1 uploads were interrupted: %2. Resume them, or discard the parts already sent.")
            .replace("%1", str(count))
            .replace("%2", names)
        )

    @Slot()
    def resume_pending(self) -> asyncio.Task[Any]:
        return self._start(self._resume_pending(), "storage-resume")

    async def _resume_pending(self) -> None:
        records, self._pending = self._pending, []
        self.pending_uploads_changed.emit(0)
        gone: list[UploadRecord] = []
        for record in records:
            if await self._run(os.path.isfile, record.local_path):
                self._submit_upload(record.local_path, record.key, record.content_type)
            else:
                gone.append(record)
        if gone:
            self._pending = gone
            self.pending_uploads_changed.emit(len(gone))
            self.error_occurred.emit(
                tr("Cannot resume %1: the file is no longer on this computer. Discard it instead.").replace(
                    "%1", ", ".join(record.local_path for record in gone)
                )
            )

    @Slot()
    def discard_pending(self) -> asyncio.Task[Any]:
        return self._start(self._discard_pending(), "storage-discard")

    async def _discard_pending(self) -> None:
        records, self._pending = self._pending, []
        self.pending_uploads_changed.emit(0)
        for record in records:
            await self._run(self._service.discard_upload, record)
        if records:
            self.message.emit(tr("Interrupted uploads discarded."))
