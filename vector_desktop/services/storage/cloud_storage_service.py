"""Storage use cases over one backend: R2/S3 when configured, else a local folder in the profile.

The sync methods block (network, disk, keychain on first use): call them from a job or through `run()`, which
runs them on the service's own thread pool and can be awaited on the qasync loop. The backend in use is always
available as a sentence for the UI (`describe_backend()`).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import mimetypes
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ParamSpec, Protocol, TypeVar

from vector_desktop.domain.storage import (
    BackendKind,
    CancelToken,
    IssuedLink,
    LinkLog,
    LinkPurpose,
    ListPage,
    ObjectExists,
    ProgressCallback,
    StorageBackend,
    StorageError,
    StorageNotConfigured,
    StorageObject,
    UploadRecord,
    UploadStateStore,
    validate_key,
)
from vector_desktop.services.storage.local_backend import LocalBackend
from vector_desktop.services.storage.r2_backend import MAX_PRESIGN_S, R2Backend
from vector_desktop.services.storage.storage_files import prepare_destination
from vector_desktop.services.storage.upload_parts import DEFAULT_PART_SIZE

__all__ = [
    "LINKS_NOTICE",
    "CloudStorageService",
    "LocalBackend",
    "R2Backend",
    "SettingsReader",
    "choose_backend",
]

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

R2_SETTINGS = ("R2_ENDPOINT_URL", "R2_BUCKET_NAME", "R2_ACCESS_KEY_ID", "R2_SECRET_ACCESS_KEY")
BACKEND_SETTINGS = frozenset({*R2_SETTINGS, "VECTOR_STORAGE_BACKEND"})
EXPIRY_SETTING = {LinkPurpose.UI: "R2_PRESIGNED_URL_EXPIRY", LinkPurpose.API: "R2_PRESIGNED_URL_EXPIRY_API"}
DEFAULT_EXPIRY = {LinkPurpose.UI: 3600, LinkPurpose.API: 24 * 3600}

LINKS_NOTICE = (
    "Links cannot be revoked: anyone who has a link can download the file until the link expires. "
    "To cut access sooner, delete or rename the file, or replace the bucket's access keys."
)


class SettingsReader(Protocol):
    """What the service reads from vector_desktop.config.Config."""

    def get(self, key: str) -> Any: ...


def missing_r2_settings(settings: SettingsReader) -> list[str]:
    return [key for key in R2_SETTINGS if not str(settings.get(key) or "").strip()]


def choose_backend(
    settings: SettingsReader,
    local_root: Path,
    state: UploadStateStore | None = None,
    *,
    part_size: int = DEFAULT_PART_SIZE,
    max_concurrency: int | None = None,
) -> StorageBackend:
    """VECTOR_STORAGE_BACKEND: local → the folder; r2 → R2 (every R2 setting required); auto → R2 when complete."""
    mode = str(settings.get("VECTOR_STORAGE_BACKEND") or "auto").lower()
    if mode == "local":
        return LocalBackend(local_root)
    missing = missing_r2_settings(settings)
    if missing and mode == "r2":
        verb = "is" if len(missing) == 1 else "are"
        raise StorageNotConfigured(
            f"R2 storage is chosen (VECTOR_STORAGE_BACKEND=r2) but {', '.join(missing)} {verb} not set."
        )
    if missing:
        return LocalBackend(local_root)
    return R2Backend(
        str(settings.get("R2_ENDPOINT_URL")).strip(),
        str(settings.get("R2_BUCKET_NAME")).strip(),
        str(settings.get("R2_ACCESS_KEY_ID")).strip(),
        str(settings.get("R2_SECRET_ACCESS_KEY")).strip(),
        state=state,
        part_size=part_size,
        max_concurrency=max_concurrency,
    )


class CloudStorageService:
    """Files in the bucket (or the local folder): list, transfer, delete, rename, folders, links."""

    links_notice = LINKS_NOTICE

    def __init__(
        self,
        settings: SettingsReader,
        *,
        local_root: Path,
        state: UploadStateStore | None = None,
        links: LinkLog | None = None,
        backend: StorageBackend | None = None,
        executor: Executor | None = None,
        part_size: int = DEFAULT_PART_SIZE,
        max_concurrency: int | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._settings = settings
        self._local_root = Path(local_root)
        self._state = state
        self._links = links
        self._backend = backend
        self._fixed_backend = backend is not None
        self._executor = executor
        self._own_executor = executor is None
        self._part_size = part_size
        self._max_concurrency = max_concurrency
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()

    # The backend

    @property
    def backend(self) -> StorageBackend:
        """The backend in use, chosen from the settings on first use (may read the keychain: not on the GUI)."""
        with self._lock:
            if self._backend is None:
                self._backend = choose_backend(
                    self._settings,
                    self._local_root,
                    self._state,
                    part_size=self._part_size,
                    max_concurrency=self._max_concurrency,
                )
                log.info("storage backend: %s", self._backend.describe())
                if not mimetypes.inited:
                    # ~10 ms of parsing with the GIL held: here, off the GUI thread, rather than in the first
                    # upload or listing (where it competes with the GUI thread) or on the GUI thread itself.
                    mimetypes.init()
            return self._backend

    def reload(self) -> None:
        """Choose the backend again on next use (after the storage settings changed)."""
        if self._fixed_backend:
            return
        with self._lock:
            old, self._backend = self._backend, None
        close = getattr(old, "close", None)
        if close is not None:
            close()

    def on_settings_changed(self, keys: Iterable[str]) -> None:
        """A Config listener: reload when a storage setting changed."""
        if BACKEND_SETTINGS.intersection(keys):
            self.reload()

    @property
    def kind(self) -> BackendKind:
        return self.backend.kind

    def describe_backend(self) -> str:
        """'R2: bucket at host' or 'Local folder: path' (or why R2 cannot be used)."""
        try:
            return self.backend.describe()
        except StorageNotConfigured as error:
            return f"R2: not configured. {error}"

    def test_connection(self) -> str:
        """A sentence on success; raises EndpointUnreachable, BadCredentials, BucketMissing or AccessDenied."""
        return self.backend.test_connection()

    # Browsing

    def list_page(self, prefix: str = "", token: str | None = None, page_size: int = 200) -> ListPage:
        return self.backend.list_page(prefix, token, page_size)

    def list_all(self, prefix: str = "") -> list[StorageObject]:
        return self.backend.list_all(prefix)

    def head(self, key: str) -> StorageObject:
        return self.backend.head(key)

    def exists(self, key: str) -> bool:
        return self.backend.exists(key)

    # Transfers

    def upload_file(
        self,
        path: Path,
        key: str | None = None,
        *,
        content_type: str = "",
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> StorageObject:
        path = Path(path)
        key = self.backend.check_key(key or path.name)
        return self.backend.upload_file(path, key, content_type=content_type, progress=progress, cancel=cancel)

    def upload_bytes(self, data: bytes, key: str, *, content_type: str = "") -> StorageObject:
        return self.backend.upload_bytes(data, self.backend.check_key(key), content_type=content_type)

    def download(
        self,
        key: str,
        dest: Path,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """Download to `dest` (a file path, or a folder to put the file in). Nothing is left behind on failure."""
        name = key.rstrip("/").rsplit("/", 1)[-1]
        dest = Path(dest)
        if dest.is_dir():
            try:
                validate_key(name, strict=True)
            except StorageError:
                raise StorageError(f"'{key}' cannot be saved under its own name here; give a file name.") from None
        target = prepare_destination(dest, name)
        return self.backend.download_file(key, target, progress=progress, cancel=cancel)

    def read_bytes(self, key: str, limit: int | None = None) -> bytes:
        return self.backend.read_bytes(key, limit)

    # Changes (the UI confirms deletes before calling these)

    def delete(self, key: str) -> None:
        """Delete one file (raises ObjectMissing when there is none). Folders: delete_folder."""
        if key.endswith("/"):
            self.delete_folder(key)
            return
        self.backend.head(key)
        self.backend.delete(key)

    def delete_folder(self, prefix: str) -> int:
        """Delete a folder and everything in it; returns how many files were deleted."""
        prefix = prefix if prefix.endswith("/") else prefix + "/"
        return self.backend.delete_prefix(prefix)

    def rename(self, source: str, dest: str, *, overwrite: bool = False) -> None:
        """Rename or move a file, or a folder with all it holds."""
        folder = source.endswith("/")
        dest = self.backend.check_key(dest, folder=folder)
        if dest == source:
            return
        self.backend.head(source)
        if folder and dest.startswith(source):
            raise StorageError("A folder cannot be moved into itself.")
        if not overwrite and self.backend.exists(dest):
            raise ObjectExists(f"'{dest}' already exists; choose another name.")
        self.backend.move(source, dest)

    def create_folder(self, prefix: str) -> str:
        prefix = self.backend.check_key(prefix, folder=True)
        if self.backend.kind is BackendKind.R2 and self.backend.exists(prefix):
            raise ObjectExists(f"A folder named '{prefix}' already exists.")
        self.backend.create_folder(prefix)
        return prefix

    # Links

    def link_expiry(self, purpose: LinkPurpose) -> int:
        setting = EXPIRY_SETTING.get(purpose)
        if setting is None:
            return DEFAULT_EXPIRY[LinkPurpose.UI]
        try:
            return int(self._settings.get(setting) or DEFAULT_EXPIRY[purpose])
        except (TypeError, ValueError):
            return DEFAULT_EXPIRY[purpose]

    def link(self, key: str, *, purpose: LinkPurpose = LinkPurpose.UI, expires_s: int | None = None) -> str:
        """A link to `key`: a presigned GET URL on R2 (recorded, never revocable), the file:// URI locally.

        Expiry: `expires_s` when given (a user's choice), else 1 h for the UI or 24 h for the AI / command line.
        """
        if expires_s is not None:
            purpose = LinkPurpose.CUSTOM
        seconds = int(expires_s) if expires_s is not None else self.link_expiry(purpose)
        if not 1 <= seconds <= MAX_PRESIGN_S:
            raise StorageError(f"A link can last from 1 second to 7 days ({MAX_PRESIGN_S} seconds).")
        backend = self.backend
        backend.head(key)
        created = self._clock()
        url = backend.link(key, seconds)
        if backend.kind is BackendKind.R2 and self._links is not None:
            self._links.record_link(
                backend.backend_id, key, str(purpose), created, created + timedelta(seconds=seconds)
            )
        return url

    def issued_links(self, include_expired: bool = True) -> list[IssuedLink]:
        """Every presigned link issued for the current bucket, newest first (see `links_notice`)."""
        if self._links is None:
            return []
        return self._links.issued_links(self.backend.backend_id, include_expired=include_expired)

    # Interrupted uploads

    def pending_uploads(self) -> list[UploadRecord]:
        """Multipart uploads that were cut off (crash, kill, network); uploading the same file resumes them."""
        if self._state is None or self.backend.kind is not BackendKind.R2:
            return []
        return self._state.pending_uploads(self.backend.backend_id)

    def resume_upload(
        self,
        record: UploadRecord,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> StorageObject:
        return self.upload_file(
            Path(record.local_path),
            record.key,
            content_type=record.content_type,
            progress=progress,
            cancel=cancel,
        )

    def discard_upload(self, record: UploadRecord) -> None:
        """Abort an interrupted upload so its parts do not stay (and cost) on the server."""
        backend = self.backend
        if isinstance(backend, R2Backend):
            backend.uploader().discard(record)

    # Running off the GUI thread

    def _pool(self) -> Executor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="storage")
            return self._executor

    async def run(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Await a blocking call (e.g. `await service.run(service.list, "photos/")`) on the storage pool."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool(), functools.partial(func, *args, **kwargs))

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None and self._own_executor:
            executor.shutdown(wait=False, cancel_futures=True)
        close = getattr(self._backend, "close", None)
        if close is not None:
            close()
