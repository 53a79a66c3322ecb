"""Background-job tasks for storage transfers: `storage.upload`, `storage.download`, `storage.upload_image`.

Register once at start-up: `register_tasks(registry, lambda: storage_service, lambda: image_service)`.
Uploads are idempotent: running one again (a retry, or after a crash) resumes the multipart upload from its
last completed part. Cancelling the job aborts the multipart upload on the server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vector_desktop.domain.errors import JobCancelled
from vector_desktop.domain.jobs import JobContext
from vector_desktop.domain.storage import StorageObject, UploadCancelled

if TYPE_CHECKING:
    from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
    from vector_desktop.services.storage.image_upload_service import ImageUploadService

TRANSFER_TIMEOUT_S = 24 * 3600  # big files on slow links; a timed-out upload still resumes on the next run


class JobCancelToken:
    """A CancelToken that is set when the user cancels the job (not when it runs out of time: a timed-out upload
    keeps its parts so the next run resumes; the time limit reaches the transfer through ctx.check())."""

    def __init__(self, ctx: JobContext) -> None:
        self._ctx = ctx

    def is_set(self) -> bool:
        requested = getattr(self._ctx, "cancel_requested", None)
        return bool(self._ctx.cancelled if requested is None else requested)


def _size(count: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:.0f} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} GiB"


def job_progress(ctx: JobContext, verb: str) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        ctx.progress(done / total if total else 1.0, f"{verb} {_size(done)} of {_size(total)}")
        ctx.check()  # raises on the job's time limit; cancel is seen through JobCancelToken

    return report


def _result(stored: StorageObject, backend: str) -> dict[str, Any]:
    return {"key": stored.key, "size": stored.size, "etag": stored.etag, "backend": backend}


def upload(
    service: CloudStorageService, ctx: JobContext, path: str, key: str | None = None, content_type: str = ""
) -> dict[str, Any]:
    try:
        stored = service.upload_file(
            Path(path),
            key,
            content_type=content_type,
            progress=job_progress(ctx, "Uploaded"),
            cancel=JobCancelToken(ctx),
        )
    except UploadCancelled as error:
        raise JobCancelled(str(error)) from None
    return _result(stored, service.describe_backend())


def download(service: CloudStorageService, ctx: JobContext, key: str, dest: str) -> dict[str, Any]:
    try:
        written = service.download(
            key, Path(dest), progress=job_progress(ctx, "Downloaded"), cancel=JobCancelToken(ctx)
        )
    except UploadCancelled as error:
        raise JobCancelled(str(error)) from None
    return {"key": key, "path": str(written)}


def upload_image(
    images: ImageUploadService, ctx: JobContext, path: str, key: str | None = None, remove_location: bool = False
) -> dict[str, Any]:
    try:
        stored = images.upload(
            Path(path),
            key,
            remove_location=remove_location,
            progress=job_progress(ctx, "Uploaded"),
            cancel=JobCancelToken(ctx),
        )
    except UploadCancelled as error:
        raise JobCancelled(str(error)) from None
    return _result(stored, "")


def register_tasks(
    registry: Any,
    service_factory: Callable[[], CloudStorageService],
    image_service_factory: Callable[[], ImageUploadService] | None = None,
) -> None:
    """Register the storage tasks with a vector_desktop.jobs.registry.TaskRegistry."""

    def upload_task(ctx: JobContext, path: str, key: str | None = None, content_type: str = "") -> dict[str, Any]:
        return upload(service_factory(), ctx, path, key, content_type)

    def download_task(ctx: JobContext, key: str, dest: str) -> dict[str, Any]:
        return download(service_factory(), ctx, key, dest)

    registry.register(
        "storage.upload",
        upload_task,
        timeout=TRANSFER_TIMEOUT_S,
        retries=3,
        backoff=5.0,
        idempotent=True,
        title="Upload",
    )
    registry.register(
        "storage.download",
        download_task,
        timeout=TRANSFER_TIMEOUT_S,
        retries=2,
        backoff=5.0,
        idempotent=True,
        title="Download",
    )
    if image_service_factory is not None:

        def image_task(
            ctx: JobContext, path: str, key: str | None = None, remove_location: bool = False
        ) -> dict[str, Any]:
            return upload_image(image_service_factory(), ctx, path, key, remove_location)

        registry.register(
            "storage.upload_image",
            image_task,
            timeout=3600,
            retries=2,
            backoff=5.0,
            idempotent=True,
            title="Upload image",
        )
