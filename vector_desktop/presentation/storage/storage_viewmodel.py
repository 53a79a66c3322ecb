"""View-model of the Storage panel: browsing a folder at a time, transfers as background jobs, links, previews.

Blocking storage calls run on the service's thread pool (`await service.run(...)`); uploads and downloads are
`storage.upload` / `storage.download` jobs (StorageTransfers), whose progress arrives through the JobsBridge. Every
coroutine is owned by this object (cancelled on close); failures a user can act on come out of `error_occurred` as
sentences.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage

from vector_desktop.domain.jobs import JobQueue
from vector_desktop.domain.storage import (
    BackendKind,
    LinkPurpose,
    StorageError,
    StorageObject,
    UploadRecord,
    parent_prefix,
    validate_key,
)
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.storage.links_model import IssuedLinksModel
from vector_desktop.presentation.storage.listing_filter import StorageFilterProxy
from vector_desktop.presentation.storage.listing_model import StorageListModel
from vector_desktop.presentation.storage.object_display import is_image
from vector_desktop.presentation.storage.preview import Preview, read_preview
from vector_desktop.presentation.storage.storage_texts import expiry_text, problem_text, tr
from vector_desktop.presentation.storage.transfer_actions import StorageTransfers, key_list
from vector_desktop.services.storage.cloud_storage_service import BACKEND_SETTINGS, CloudStorageService
from vector_desktop.services.storage.image_upload_service import ImageUploadService

THUMBNAIL_SIDE = 128
MIN_FILTERED_ROWS = 50  # while filtering, read more pages until this many names match (or the folder ends)


class StorageViewModel(StorageTransfers):
    """The Storage panel's view-model; its signals error_occurred, message, pending_uploads_changed and
    transfer_conflict come from StorageTransfers."""

    backend_changed = Signal(str)  # "R2: bucket at host" / "Local folder: path"
    prefix_changed = Signal(str)
    preview_ready = Signal(object)  # Preview
    link_copied = Signal(str, str)  # key, link (also on the clipboard)
    connection_tested = Signal(bool, str)  # ok, sentence
    attach_to_chat_requested = Signal(str)  # key of an image for the chat panel

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
        super().__init__(service, jobs, parent)
        self._bridge = bridge
        self._images = images
        self._backend_text = ""
        self._kind: BackendKind | None = None
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
        parts = [(tr("All files"), "")]
        so_far = ""
        for name in self._prefix.rstrip("/").split("/") if self._prefix else []:
            so_far += name + "/"
            parts.append((name, so_far))
        return parts

    def pending_uploads(self) -> list[UploadRecord]:
        return list(self._pending)

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

    # -- changes
    def delete(self, keys: str | Sequence[str]) -> asyncio.Task[Any]:
        """Delete files and folders (with everything in them). The view asks the user first."""
        return self._start(self._delete(key_list(keys)), "storage-delete")

    async def _delete(self, keys: list[str]) -> int:
        deleted = 0
        for key in keys:
            await self._run(self._service.delete, key)
            self.model.remove_key(key)
            deleted += 1
        if deleted == 1:
            self.message.emit(tr("Deleted %1.").replace("%1", keys[0]))
        elif deleted:
            self.message.emit(tr("Deleted %1 items.").replace("%1", str(deleted)))
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
        self.message.emit(tr("Renamed to %1.").replace("%1", new_key))
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
            self.message.emit(tr("Copied the file's location (the local folder has no web links)."))
        else:
            self.message.emit(
                tr("Link copied; it works for %1 and cannot be revoked.").replace("%1", expiry_text(seconds))
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
        result: Preview = await self._run(read_preview, self._service, key)
        self.preview_ready.emit(result)
        return result

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
