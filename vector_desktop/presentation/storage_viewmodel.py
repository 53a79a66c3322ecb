"""View-model of the Storage panel: browsing a folder at a time, transfers as background jobs, links, previews.

Blocking storage calls run on the service's thread pool (`await service.run(...)`); uploads and downloads are
`storage.upload` / `storage.download` jobs, whose progress arrives through the JobsBridge. Every coroutine is owned
by this object (cancelled on close); failures a user can act on come out of `error_occurred` as sentences.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
import os
from collections.abc import Coroutine, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import SIGNAL, QCoreApplication, QModelIndex, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage

from vector_desktop.config import SPECS, parse_value
from vector_desktop.domain.errors import SettingValueError, VectorError
from vector_desktop.domain.jobs import JobQueue, JobSnapshot, JobState
from vector_desktop.domain.storage import (
    AccessDenied,
    BackendKind,
    BadCredentials,
    BucketMissing,
    EndpointUnreachable,
    InvalidKey,
    LinkPurpose,
    ObjectExists,
    StorageError,
    StorageNotConfigured,
    StorageObject,
    UploadRecord,
    parent_prefix,
    validate_key,
)
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.storage_models import (
    UPLOAD_TASKS,
    IssuedLinksModel,
    StorageFilterProxy,
    StorageListModel,
    TransfersModel,
    is_image,
)
from vector_desktop.presentation.thumbnails import read_image
from vector_desktop.presentation.transfer_conflicts import (
    ConflictChoice,
    TransferConflict,
    apply_choice,
    apply_download_choice,
    existing_targets,
    find_existing,
)
from vector_desktop.qtsupport.tasks import TaskOwner
from vector_desktop.services.cloud_storage_service import (
    BACKEND_SETTINGS,
    CloudStorageService,
    SettingsReader,
    missing_r2_settings,
)
from vector_desktop.services.image_upload_service import ImageUploadService, sniff_image_type
from vector_desktop.services.storage_files import os_error

log = logging.getLogger(__name__)

T = TypeVar("T")

HOUR = 3600
PREVIEW_TEXT_BYTES = 256 * 1024
PREVIEW_IMAGE_BYTES = 20 * 1000 * 1000
PREVIEW_IMAGE_SIDE = 1600
THUMBNAIL_SIDE = 128
MIN_FILTERED_ROWS = 50  # while filtering, read more pages until this many names match (or the folder ends)
TEXT_TYPES = ("application/json", "application/xml", "application/javascript", "application/x-yaml", "image/svg+xml")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StorageViewModel", text)


def problem_text(error: BaseException) -> str:
    """A storage failure as '<what failed>: <the service's sentence>'."""
    headlines: list[tuple[type[BaseException], str]] = [
        (EndpointUnreachable, "Endpoint unreachable"),
        (BadCredentials, "Bad credentials"),
        (BucketMissing, "Bucket missing"),
        (AccessDenied, "No permission"),
        (StorageNotConfigured, "Not configured"),
    ]
    for kind, headline in headlines:
        if isinstance(error, kind):
            return f"{_tr(headline)}: {error}"
    return str(error)


def expiry_text(seconds: int) -> str:
    if seconds % (24 * HOUR) == 0:
        days = seconds // (24 * HOUR)
        return _tr("1 day") if days == 1 else _tr("%1 days").replace("%1", str(days))
    if seconds % HOUR == 0:
        hours = seconds // HOUR
        return _tr("1 hour") if hours == 1 else _tr("%1 hours").replace("%1", str(hours))
    minutes = max(1, round(seconds / 60))
    return _tr("%1 min").replace("%1", str(minutes))


# Planning uploads (blocking: walks the file system; run it on a worker thread) -------------------------------------


@dataclass
class UploadPlan:
    files: list[tuple[str, str]] = field(default_factory=list)  # (local path, key)
    empty_folders: list[str] = field(default_factory=list)  # keys ending with "/"
    skipped: list[str] = field(default_factory=list)  # sentences


def plan_uploads(paths: Iterable[str | Path], prefix: str) -> UploadPlan:
    """One key per file: `prefix` + the name (for a folder: its name and the path inside it, so the structure is
    kept). Symbolic links are not followed; names a key cannot hold are skipped with the reason."""
    plan = UploadPlan()

    def add(local: Path, key: str) -> None:
        try:
            plan.files.append((str(local), validate_key(key, strict=True)))
        except InvalidKey as error:
            plan.skipped.append(f"{local}: {error}")

    for raw in paths:
        path = Path(raw)
        if path.is_symlink() and path.is_dir():
            plan.skipped.append(_tr("%1: links to folders are not uploaded.").replace("%1", str(path)))
        elif path.is_dir():
            base = path.parent
            for folder, dirs, files in os.walk(path):
                here = Path(folder)
                dirs.sort()
                regular = sorted(name for name in files if (here / name).is_file())
                for name in regular:
                    add(here / name, prefix + (here / name).relative_to(base).as_posix())
                if not regular and not dirs:
                    key = prefix + here.relative_to(base).as_posix() + "/"
                    try:
                        plan.empty_folders.append(validate_key(key, folder=True, strict=True))
                    except InvalidKey as error:
                        plan.skipped.append(f"{here}: {error}")
        elif path.is_file():
            add(path, prefix + path.name)
        else:
            plan.skipped.append(_tr("%1 does not exist.").replace("%1", str(path)))
    return plan


def _folder_name(prefix: str) -> str:
    return prefix.rstrip("/").rsplit("/", 1)[-1]


def _local_target(dest: Path, relative_key: str, skipped: list[str]) -> list[Path]:
    """[dest/relative_key] when that key is a safe relative path (a bucket may hold "../x"); else [] and a reason."""
    try:
        validate_key(relative_key, strict=True)
    except InvalidKey as error:
        skipped.append(f"{relative_key}: {error}")
        return []
    return [dest.joinpath(*relative_key.split("/"))]


def _make_folders(folders: Iterable[Path]) -> None:
    for folder in dict.fromkeys(folders):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise os_error(error, "create the folder", folder) from None


@dataclass(frozen=True)
class Preview:
    key: str
    kind: str  # "image", "text" or "none"
    text: str = ""
    image: QImage | None = None
    data: bytes = b""
    truncated: bool = False
    note: str = ""


def _looks_like_text(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return False
    try:
        data[:8192].decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= 8188  # a character cut at the end of the sample
    return True


def _key_list(items: str | Sequence[str]) -> list[str]:
    return [items] if isinstance(items, str) else [str(item) for item in items]


# Test connection with values typed in the Settings dialog -------------------------------------------------------


class _Overlay:
    """Settings as typed (not saved yet) over the saved ones."""

    def __init__(self, base: SettingsReader, typed: Mapping[str, Any]) -> None:
        self._base = base
        self._typed = typed

    def get(self, key: str) -> Any:
        if key in self._typed:
            return self._typed[key]
        return self._base.get(key)


class StorageSettingsTester:
    """The Storage group's "Test connection" action: builds a throwaway service from the values in the dialog
    (typed ones win; the others come from the settings, secrets from the keychain) and asks it to connect.

    Returns a sentence on success; raises StorageError whose message starts with what failed."""

    def __init__(self, settings: SettingsReader, local_root: Path) -> None:
        self._settings = settings
        self._local_root = Path(local_root)

    async def __call__(self, values: Mapping[str, str | None]) -> str:
        typed: dict[str, Any] = {}
        for key, text in values.items():
            if key not in BACKEND_SETTINGS:
                continue
            try:
                typed[key] = parse_value(SPECS[key], text or "")
            except SettingValueError as error:
                raise StorageError(error.message) from None
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self._test, _Overlay(self._settings, typed))

    def _test(self, settings: SettingsReader) -> str:
        service = CloudStorageService(settings, local_root=self._local_root)
        try:
            mode = str(settings.get("VECTOR_STORAGE_BACKEND") or "auto").lower()
            missing = missing_r2_settings(settings)
            try:
                message = service.test_connection()
            except StorageError as error:
                raise StorageError(problem_text(error)) from None
            if mode == "auto" and missing:
                return (
                    _tr("R2 is not set up (%1 missing), so files are kept in the local folder. %2")
                    .replace("%1", ", ".join(missing))
                    .replace("%2", message)
                )
            return message
        finally:
            service.close()


# The view-model --------------------------------------------------------------------------------------------------


class StorageViewModel(QObject):
    error_occurred = Signal(str)  # a sentence to show the user
    message = Signal(str)  # information (e.g. "Link copied")
    backend_changed = Signal(str)  # "R2: bucket at host" / "Local folder: path"
    prefix_changed = Signal(str)
    pending_uploads_changed = Signal(int)  # interrupted uploads that can be resumed or discarded
    preview_ready = Signal(object)  # Preview
    link_copied = Signal(str, str)  # key, link (also on the clipboard)
    connection_tested = Signal(bool, str)  # ok, sentence
    attach_to_chat_requested = Signal(str)  # key of an image for the chat panel
    transfer_conflict = Signal(object)  # TransferConflict: some names exist already; the view calls its answer()

    def __init__(
        self,
        service: CloudStorageService,
        jobs: JobQueue,
        bridge: JobsBridge,
        *,
        images: ImageUploadService | None = None,
        first_page_size: int = 200,
        page_size: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self._bridge = bridge
        self._images = images
        self._tasks = TaskOwner(self._task_failed)
        self._closed = False
        self._prefix = ""
        self._backend_text = ""
        self._kind: BackendKind | None = None
        self._pending: list[UploadRecord] = []
        self._active_uploads: set[str] = set()
        self.model = StorageListModel(
            self._list_page,
            self._start,
            thumbnails=self._thumbnail if images is not None else None,
            first_page_size=first_page_size,
            page_size=page_size,
            parent=self,
        )
        self.proxy = StorageFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.transfers = TransfersModel(self)
        self.links = IssuedLinksModel(parent=self)
        self.model.load_failed.connect(self.error_occurred)
        self.model.page_loaded.connect(self._fill_filtered)
        bridge.job_changed.connect(self._on_job_changed)

    # -- state the view reads
    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def backend_text(self) -> str:
        return self._backend_text

    @property
    def is_local(self) -> bool:
        return self._kind is BackendKind.LOCAL

    @property
    def is_r2(self) -> bool:
        return self._kind is BackendKind.R2

    @property
    def links_notice(self) -> str:
        return QCoreApplication.translate("StorageViewModel", self._service.links_notice)

    @property
    def default_link_expiry(self) -> int:
        """Seconds a copied link lasts unless the user picks another expiry (R2_PRESIGNED_URL_EXPIRY)."""
        return self._ui_expiry()

    def _ui_expiry(self) -> int:
        return self._service.link_expiry(LinkPurpose.UI)

    def breadcrumbs(self) -> list[tuple[str, str]]:
        """(label, prefix) from the root to the folder shown."""
        parts = [(_tr("All files"), "")]
        so_far = ""
        for name in self._prefix.rstrip("/").split("/") if self._prefix else []:
            so_far += name + "/"
            parts.append((name, so_far))
        return parts

    def pending_uploads(self) -> list[UploadRecord]:
        return list(self._pending)

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
            self.error_occurred.emit(_tr("Something went wrong in storage; the log has the details."))

    async def _run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return await self._service.run(fn, *args, **kwargs)

    # -- loading and browsing
    @Slot()
    def load(self) -> asyncio.Task[Any]:
        """Show the backend in use and the root folder; look for interrupted uploads."""
        return self._start(self._load(), "storage-load")

    async def _load(self) -> None:
        await self._update_backend()
        self._open(self._prefix)
        await self._refresh_pending()

    async def _update_backend(self) -> None:
        def describe() -> tuple[str, BackendKind | None]:
            text = self._service.describe_backend()
            try:
                return text, self._service.kind
            except StorageError:
                return text, None

        self._backend_text, self._kind = await self._run(describe)
        self.backend_changed.emit(self._backend_text)

    def reload(self) -> asyncio.Task[Any]:
        """After the storage settings changed: another backend may be in use; start again at the root."""
        self._prefix = ""
        self.links.set_links([])
        return self.load()

    def on_settings_changed(self, keys: Iterable[str]) -> None:
        """A Config listener (GUI thread): reload the service and the panel when a storage setting changed."""
        keys = set(keys)
        if BACKEND_SETTINGS & keys:
            self._service.on_settings_changed(keys)
            self.reload()

    @Slot(str)
    def open_prefix(self, prefix: str) -> None:
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        self._open(prefix)

    def _open(self, prefix: str, *, keep_filter: bool = False) -> None:
        self._prefix = prefix
        if not keep_filter:
            self.proxy.set_name_filter("")
        self.model.reset_to(prefix)
        self.prefix_changed.emit(prefix)

    @Slot()
    def go_up(self) -> None:
        if self._prefix:
            self._open(parent_prefix(self._prefix))

    @Slot()
    def refresh(self) -> None:
        self._open(self._prefix, keep_filter=True)

    @Slot()
    def retry(self) -> None:
        self.model.retry()

    @Slot(str)
    def set_filter(self, text: str) -> None:
        self.proxy.set_name_filter(text)
        self._fill_filtered()

    def _fill_filtered(self) -> None:
        """A filter may match nothing in the pages read so far: read on until enough names match."""
        wanted = MIN_FILTERED_ROWS if self.proxy.name_filter else 1
        if self.proxy.rowCount() < wanted and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())

    async def _list_page(self, prefix: str, token: str | None, size: int) -> Any:
        try:
            return await self._run(self._service.list_page, prefix, token, size)
        except StorageError as error:
            raise StorageError(problem_text(error)) from None  # say what failed (unreachable, keys, bucket...)

    async def _thumbnail(self, obj: StorageObject) -> QImage | None:
        images = self._images
        if images is None:
            return None

        def make() -> QImage | None:
            path = images.thumbnail(obj.key, obj.etag or str(obj.modified), THUMBNAIL_SIDE)
            if path is None:
                return None
            image = QImage(str(path))
            return None if image.isNull() else image

        result: QImage | None = await self._run(make)
        return result

    def _show(self, key: str, obj: StorageObject | None = None) -> None:
        """Put a new or changed key into the listing when it is in (or below) the folder shown."""
        if not key.startswith(self._prefix) or key == self._prefix:
            return
        rest = key[len(self._prefix) :]
        head, sep, _tail = rest.rstrip("/").partition("/")
        if sep:
            self.model.upsert(StorageObject(key=self._prefix + head + "/", is_folder=True))
        elif key.endswith("/"):
            self.model.upsert(StorageObject(key=key, is_folder=True))
        elif obj is not None:
            self.model.upsert(obj)

    # -- transfers
    def upload_paths(self, paths: str | Sequence[str], prefix: str | None = None) -> asyncio.Task[Any]:
        """Upload files and folders (dropped or chosen) into `prefix` (default: the folder shown), one job per file."""
        target = self._prefix if prefix is None else prefix
        return self._start(self._upload_paths(_key_list(paths), target), "storage-upload")

    async def _upload_paths(self, paths: list[str], prefix: str) -> list[str]:
        plan: UploadPlan = await self._run(plan_uploads, paths, prefix)
        files = plan.files
        existing: set[str] = await self._run(find_existing, self._service, [key for _local, key in files], prefix)
        if existing:
            names = tuple(sorted(key[len(prefix) :] for key in existing))
            choice = await self._ask_conflict(_folder_name(prefix), names, len(files))
            if choice is ConflictChoice.CANCEL:
                self.message.emit(_tr("Nothing was uploaded."))
                return []
            files = await self._run(apply_choice, self._service, files, existing, choice)
            if not files and not plan.empty_folders:
                self.message.emit(_tr("Nothing was uploaded: every item is there already."))
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
                _tr("Some items were not uploaded: %1").replace("%1", "; ".join(plan.skipped[:5]))
                + ("…" if len(plan.skipped) > 5 else "")
            )
        if job_ids:
            count = len(job_ids)
            self.message.emit(
                _tr("Uploading %1.").replace("%1", Path(files[0][0]).name)
                if count == 1
                else _tr("Uploading %1 files.").replace("%1", str(count))
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
        job_id = self._jobs.apply_async("storage.upload", args, title=_tr("Upload %1").replace("%1", key))
        self.transfers.add(job_id, upload=True, key=key, local_path=local)
        self._active_uploads.add(job_id)
        return job_id

    def download(self, keys: str | Sequence[str], dest: str) -> asyncio.Task[Any]:
        """Download files (and folders with everything in them) into the local folder `dest`."""
        return self._start(self._download(_key_list(keys), Path(dest)), "storage-download")

    async def _download(self, keys: list[str], dest: Path) -> list[str]:
        pairs: list[tuple[str, Path]] = []
        empty_folders: list[Path] = []
        skipped: list[str] = []
        for key in keys:
            if key.endswith("/"):
                found = await self._run(self._folder_targets, key, dest, skipped)
                pairs.extend(found)
                if not found:
                    empty_folders.extend(_local_target(dest, key[len(parent_prefix(key)) :].rstrip("/"), skipped))
            else:
                pairs.extend((key, target) for target in _local_target(dest, key.rsplit("/", 1)[-1], skipped))
        if skipped:
            self.error_occurred.emit(
                _tr("Some items were not downloaded: %1").replace("%1", "; ".join(skipped[:5]))
                + ("…" if len(skipped) > 5 else "")
            )
        existing: set[Path] = await self._run(existing_targets, [target for _key, target in pairs])
        if existing:
            names = tuple(sorted(target.relative_to(dest).as_posix() for target in existing))
            choice = await self._ask_conflict(dest.name or str(dest), names, len(pairs), downloading=True)
            if choice is ConflictChoice.CANCEL:
                self.message.emit(_tr("Nothing was downloaded."))
                return []
            pairs = await self._run(apply_download_choice, pairs, existing, choice)
        await self._run(_make_folders, [target.parent for _key, target in pairs] + empty_folders)
        return [self._submit_download(key, str(target)) for key, target in pairs]

    def _folder_targets(self, prefix: str, dest: Path, skipped: list[str]) -> list[tuple[str, Path]]:
        """Files under `prefix`, each with its place under dest/<folder name>/ (names that would not stay inside
        `dest`, such as a key with "..", are added to `skipped`)."""
        base = parent_prefix(prefix)
        return [
            (obj.key, target)
            for obj in self._service.list_all(prefix)
            if not (obj.is_folder or obj.key.endswith("/"))
            for target in _local_target(dest, obj.key[len(base) :], skipped)
        ]

    def _submit_download(self, key: str, dest: str) -> str:
        job_id = self._jobs.apply_async("storage.download", [key, dest], title=_tr("Download %1").replace("%1", key))
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
            self.message.emit(_tr("Saved %1.").replace("%1", str(snapshot.result.get("path", ""))))
        elif snapshot.state in (JobState.FAILED, JobState.TIMED_OUT):
            name = transfer.name or snapshot.title
            verb = _tr("Upload of %1 failed: %2") if upload else _tr("Download of %1 failed: %2")
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
            return _tr("An upload was interrupted: %1. Resume it, or discard the part already sent.").replace(
                "%1", names
            )
        return (
            _tr("%1 uploads were interrupted: %2. Resume them, or discard the parts already sent.")
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
                _tr("Cannot resume %1: the file is no longer on this computer. Discard it instead.").replace(
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
            self.message.emit(_tr("Interrupted uploads discarded."))

    # -- changes
    def delete(self, keys: str | Sequence[str]) -> asyncio.Task[Any]:
        """Delete files and folders (with everything in them). The view asks the user first."""
        return self._start(self._delete(_key_list(keys)), "storage-delete")

    async def _delete(self, keys: list[str]) -> int:
        deleted = 0
        for key in keys:
            await self._run(self._service.delete, key)
            self.model.remove_key(key)
            deleted += 1
        if deleted == 1:
            self.message.emit(_tr("Deleted %1.").replace("%1", keys[0]))
        elif deleted:
            self.message.emit(_tr("Deleted %1 items.").replace("%1", str(deleted)))
        return deleted

    def rename(self, key: str, new_name: str) -> asyncio.Task[Any]:
        """Rename a file or folder within its folder (a name with '/' moves it into a subfolder)."""
        return self._start(self._rename(key, new_name.strip()), "storage-rename")

    async def _rename(self, key: str, new_name: str) -> str:
        folder = key.endswith("/")
        new_key = parent_prefix(key) + new_name.strip("/") + ("/" if folder else "")
        validate_key(new_key, folder=folder, strict=True)
        await self._run(self._service.rename, key, new_key)
        self.model.remove_key(key)
        obj = None if folder else await self._run(self._service.head, new_key)
        self._show(new_key, obj)
        self.message.emit(_tr("Renamed to %1.").replace("%1", new_key))
        return str(new_key)

    def new_folder(self, name: str) -> asyncio.Task[Any]:
        return self._start(self._new_folder(name.strip()), "storage-new-folder")

    async def _new_folder(self, name: str) -> str:
        key = validate_key(self._prefix + name.strip("/"), folder=True, strict=True)
        created: str = await self._run(self._service.create_folder, key)
        self._show(created)
        return created

    # -- links, preview, connection, chat
    def copy_link(self, key: str, expires_s: int | None = None) -> asyncio.Task[Any]:
        """A link to `key` onto the clipboard: a presigned URL on R2 (default expiry R2_PRESIGNED_URL_EXPIRY), the
        file's file:// URI for the local folder."""
        return self._start(self._copy_link(key, expires_s), "storage-link")

    async def _copy_link(self, key: str, expires_s: int | None) -> str:
        def make() -> tuple[str, BackendKind, int]:
            seconds = expires_s if expires_s is not None else self._ui_expiry()
            return self._service.link(key, expires_s=expires_s), self._service.kind, seconds

        url, kind, seconds = await self._run(make)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(url)
        if kind is BackendKind.LOCAL:
            self.message.emit(_tr("Copied the file's location (the local folder has no web links)."))
        else:
            self.message.emit(
                _tr("Link copied; it works for %1 and cannot be revoked.").replace("%1", expiry_text(seconds))
            )
            await self._load_links()
        self.link_copied.emit(key, url)
        return str(url)

    def load_issued_links(self) -> asyncio.Task[Any]:
        return self._start(self._load_links(), "storage-links")

    async def _load_links(self) -> None:
        self.links.set_links(await self._run(self._service.issued_links))

    def preview(self, key: str) -> asyncio.Task[Any]:
        """Read an image or text file (size-limited) for the preview pane; `preview_ready` gets the result."""
        return self._start(self._preview(key), "storage-preview")

    async def _preview(self, key: str) -> Preview:
        result: Preview = await self._run(self._read_preview, key)
        self.preview_ready.emit(result)
        return result

    def _read_preview(self, key: str) -> Preview:
        info = self._service.head(key)
        head = self._service.read_bytes(key, limit=64)
        if sniff_image_type(head) is not None and info.content_type != "image/svg+xml":
            if info.size > PREVIEW_IMAGE_BYTES:
                return Preview(key, "none", note=_tr("This image is too large to preview; download it instead."))
            data = self._service.read_bytes(key, limit=PREVIEW_IMAGE_BYTES)
            try:
                image = read_image(data, PREVIEW_IMAGE_SIDE)
            except StorageError as error:
                return Preview(key, "none", note=str(error))
            return Preview(key, "image", image=image, data=data)
        data = self._service.read_bytes(key, limit=PREVIEW_TEXT_BYTES + 1)
        content_type = info.content_type or mimetypes.guess_type(key)[0] or ""
        if content_type.startswith("text/") or content_type in TEXT_TYPES or _looks_like_text(data):
            truncated = len(data) > PREVIEW_TEXT_BYTES
            text = data[:PREVIEW_TEXT_BYTES].decode("utf-8", errors="replace")
            note = _tr("Only the first 256 KB are shown.") if truncated else ""
            return Preview(key, "text", text=text, data=data[:PREVIEW_TEXT_BYTES], truncated=truncated, note=note)
        return Preview(key, "none", note=_tr("No preview for this kind of file."))

    def test_connection(self) -> asyncio.Task[Any]:
        """Check the saved settings' backend; `connection_tested(ok, sentence)` tells what failed."""
        return self._start(self._test_connection(), "storage-test")

    async def _test_connection(self) -> str:
        try:
            text: str = await self._run(self._service.test_connection)
        except StorageError as error:
            text = problem_text(error)
            self.connection_tested.emit(False, text)
            return text
        self.connection_tested.emit(True, text)
        return text

    @Slot(str)
    def attach_to_chat(self, key: str) -> None:
        self.attach_to_chat_requested.emit(key)

    def can_attach(self, obj: StorageObject) -> bool:
        return is_image(obj) and obj.content_type != "image/bmp"

    # -- shutdown
    def close(self) -> None:
        self._closed = True
        self._tasks.cancel_all()
        with contextlib.suppress(RuntimeError, TypeError):
            self._bridge.job_changed.disconnect(self._on_job_changed)
