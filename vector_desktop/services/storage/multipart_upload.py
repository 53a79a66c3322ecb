"""Resumable multipart uploads to S3-compatible storage (R2, S3, MinIO, moto...).

- Parts of at least 8 MiB (S3's minimum is 5 MiB), never more than 10,000 parts: big files get bigger parts.
- Several parts in flight (a thread pool); progress(bytes_done, total); cancel aborts the multipart upload so
  no orphan parts remain on the server.
- The upload id is saved before the first part and each part's ETag right after the server confirms it, so an
  upload cut by a crash, kill -9 or a lost network resumes from its last completed part. On resume the parts
  the server really holds (list_parts) are the truth; a part the server has but the store missed (the process
  died between the two) is kept only when its ETag equals the MD5 of that slice of the file.
- A file smaller than one part (and a 0-byte file) goes in one PutObject.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vector_desktop.domain.storage import (
    CancelToken,
    ProgressCallback,
    StorageError,
    UploadCancelled,
    UploadRecord,
    UploadStateStore,
)
from vector_desktop.services.background_priority import lower_current_thread_priority
from vector_desktop.services.storage.upload_bodies import FilePartBody, PartBody, PartProgress
from vector_desktop.services.storage.upload_parts import (
    DEFAULT_PART_SIZE,
    MAX_OBJECT_SIZE,
    MIN_PART_SIZE,
    choose_part_size,
    default_concurrency,
    file_md5,
    guess_content_type,
    part_count,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UploadResult:
    key: str
    size: int
    etag: str
    parts: int
    resumed_parts: int = 0  # parts found already done when the upload resumed


class MultipartUploader:
    """Uploads one file to `bucket` with an S3 client. Blocking; run it in a worker thread or a job."""

    def __init__(
        self,
        client: Any,
        bucket: str,
        backend_id: str,
        state: UploadStateStore | None,
        *,
        part_size: int = DEFAULT_PART_SIZE,
        max_concurrency: int | None = None,
        translate: Callable[[BaseException, str, str], BaseException] | None = None,
    ) -> None:
        if part_size < MIN_PART_SIZE:
            raise ValueError(f"part size must be at least {MIN_PART_SIZE} bytes")
        self._client = client
        self._bucket = bucket
        self._backend_id = backend_id
        self._state = state
        self._part_size = part_size
        self._concurrency = max(1, max_concurrency or default_concurrency())
        self._translate = translate or (lambda error, _key, _action: error)

    def upload(
        self,
        path: Path,
        key: str,
        *,
        content_type: str = "",
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> UploadResult:
        path = Path(path)
        try:
            stat = path.stat()
        except OSError as error:
            raise StorageError(f"Cannot read {path}: {error.strerror or error}.") from None
        if not path.is_file():
            raise StorageError(f"{path} is not a file.")
        size = stat.st_size
        if size > MAX_OBJECT_SIZE:
            raise StorageError(f"{path.name} is larger than 5 TiB, the most one object can hold.")
        content_type = content_type or guess_content_type(path.name)
        interrupted = threading.Event()
        tracker = PartProgress(size, progress, interrupted.set)

        def stopped() -> bool:
            return interrupted.is_set() or (cancel is not None and cancel.is_set())

        earlier = self._state.find_upload(self._backend_id, key, str(path.resolve())) if self._state else None
        if size < self._part_size and earlier is None:
            return self._put_single(path, key, size, content_type, tracker, stopped, cancel)
        record, resumed = self._resume_or_start(path, key, size, stat.st_mtime_ns, content_type, earlier)
        tracker.add(record.bytes_done)
        try:
            self._send_parts(path, record, tracker, stopped, interrupted)
        except BaseException as error:
            interrupted.set()
            user_cancel = cancel is not None and cancel.is_set()
            if not user_cancel and tracker.error is not None:
                log.info("upload of %s stopped after %d parts; it can resume", key, len(record.parts))
                raise tracker.error from None
            if user_cancel or isinstance(error, (UploadCancelled, KeyboardInterrupt)):
                self._abort(record)
                raise UploadCancelled(f"The upload of {path.name} was cancelled.") from None
            log.info("upload of %s stopped after %d parts; it can resume", key, len(record.parts))
            raise self._translate(error, key, "uploading") from None
        if cancel is not None and cancel.is_set():
            self._abort(record)
            raise UploadCancelled(f"The upload of {path.name} was cancelled.")
        if tracker.error is not None:
            raise tracker.error
        if len(record.parts) != part_count(size, record.part_size):
            raise StorageError(f"The upload of {path.name} stopped early; try again to resume it.")
        etag = self._complete(record)
        tracker.finish()
        return UploadResult(key, size, etag, part_count(size, record.part_size), resumed)

    # Single request

    def _put_single(
        self,
        path: Path,
        key: str,
        size: int,
        content_type: str,
        tracker: PartProgress,
        stopped: Callable[[], bool],
        cancel: CancelToken | None,
    ) -> UploadResult:
        body: Any = b"" if size == 0 else FilePartBody(path, tracker, stopped)
        try:
            response = self._client.put_object(
                Bucket=self._bucket, Key=key, Body=body, ContentType=content_type, ContentLength=size
            )
        except BaseException as error:
            if tracker.error is not None and not (cancel is not None and cancel.is_set()):
                raise tracker.error from None
            if stopped() or isinstance(error, (UploadCancelled, KeyboardInterrupt)):
                raise UploadCancelled(f"The upload of {path.name} was cancelled.") from None
            raise self._translate(error, key, "uploading") from None
        finally:
            if not isinstance(body, bytes):
                body.close()
        tracker.finish()
        return UploadResult(key, size, str(response.get("ETag", "")), 1)

    # Multipart

    def _resume_or_start(
        self, path: Path, key: str, size: int, mtime_ns: int, content_type: str, record: UploadRecord | None
    ) -> tuple[UploadRecord, int]:
        """Resume `record` (the saved upload of this file to this key, if any) or start a new multipart upload."""
        local = str(path.resolve())
        if record is not None and (
            record.file_size != size or record.file_mtime_ns != mtime_ns or record.part_size < MIN_PART_SIZE
        ):
            log.info("file %s changed since its upload started; starting again", path)
            self._abort(record)
            record = None
        if record is not None:
            try:
                server_parts = self._server_parts(record)
            except Exception as error:
                if _code(error) != "NoSuchUpload":
                    raise self._translate(error, key, "resuming the upload") from None
                log.info("upload %s is gone from the server; starting again", key)
                self._forget(record)
                record = None
            else:
                record.parts = self._reconcile(path, record, server_parts)
                if self._state is not None:
                    self._state.replace_parts(record.id, record.parts)
                return record, len(record.parts)
        part_size = choose_part_size(size, self._part_size)
        try:
            upload_id = self._client.create_multipart_upload(Bucket=self._bucket, Key=key, ContentType=content_type)[
                "UploadId"
            ]
        except Exception as error:
            raise self._translate(error, key, "starting the upload") from None
        if self._state is not None:
            record = self._state.start_upload(
                self._backend_id, key, upload_id, local, size, mtime_ns, part_size, content_type
            )
        else:
            from datetime import UTC, datetime

            record = UploadRecord(
                0, self._backend_id, key, upload_id, local, size, mtime_ns, part_size, content_type, datetime.now(UTC)
            )
        return record, 0

    def _server_parts(self, record: UploadRecord) -> dict[int, tuple[str, int]]:
        parts: dict[int, tuple[str, int]] = {}
        marker = 0
        while True:
            response = self._client.list_parts(
                Bucket=self._bucket, Key=record.key, UploadId=record.upload_id, PartNumberMarker=marker
            )
            for part in response.get("Parts", []):
                parts[int(part["PartNumber"])] = (str(part["ETag"]), int(part["Size"]))
            if not response.get("IsTruncated"):
                return parts
            next_marker = int(response.get("NextPartNumberMarker") or 0)
            if next_marker <= marker:
                return parts
            marker = next_marker

    def _reconcile(
        self, path: Path, record: UploadRecord, server: dict[int, tuple[str, int]]
    ) -> dict[int, tuple[str, int]]:
        good: dict[int, tuple[str, int]] = {}
        count = part_count(record.file_size, record.part_size)
        for number, (etag, size) in server.items():
            if not 1 <= number <= count:
                continue
            offset = (number - 1) * record.part_size
            expected = min(record.part_size, record.file_size - offset)
            if size != expected:
                continue
            saved = record.parts.get(number)
            if (saved is not None and saved[0] == etag) or etag.strip('"') == file_md5(path, offset, size):
                good[number] = (etag, size)
        return good

    def _send_parts(
        self,
        path: Path,
        record: UploadRecord,
        tracker: PartProgress,
        stopped: Callable[[], bool],
        interrupted: threading.Event,
    ) -> None:
        count = part_count(record.file_size, record.part_size)
        pending = iter([n for n in range(1, count + 1) if n not in record.parts])
        failure: BaseException | None = None
        with ThreadPoolExecutor(
            self._concurrency, thread_name_prefix="upload-part", initializer=lower_current_thread_priority
        ) as pool:
            in_flight: dict[Future[tuple[str, int]], int] = {}
            try:
                while True:
                    while failure is None and not stopped() and len(in_flight) < self._concurrency:
                        number = next(pending, None)
                        if number is None:
                            break
                        future = pool.submit(self._send_part, path, record, number, tracker, stopped)
                        in_flight[future] = number
                    if not in_flight:
                        break
                    finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in finished:
                        number = in_flight.pop(future)
                        try:
                            record.parts[number] = future.result()
                        except BaseException as error:
                            interrupted.set()
                            if failure is None or isinstance(failure, UploadCancelled):
                                failure = error
            except BaseException:
                # Ctrl-C in the waiting thread: stop the workers before the pool joins them.
                interrupted.set()
                raise
        if failure is not None:
            raise failure

    def _send_part(
        self, path: Path, record: UploadRecord, number: int, tracker: PartProgress, stopped: Callable[[], bool]
    ) -> tuple[str, int]:
        if stopped():
            raise UploadCancelled()
        offset = (number - 1) * record.part_size
        length = min(record.part_size, record.file_size - offset)
        with open(path, "rb") as handle:
            handle.seek(offset)
            data = handle.read(length)
        if len(data) != length:
            raise StorageError(f"{path.name} changed while it was being uploaded; upload it again.")
        # No Content-MD5: the body is already protected in transit (TLS, or over plain HTTP the SigV4 signature
        # covers its SHA-256), and hashing every part once more cost ~15 % of the throughput on 2 cores.
        response = self._client.upload_part(
            Bucket=self._bucket,
            Key=record.key,
            UploadId=record.upload_id,
            PartNumber=number,
            Body=PartBody(data, tracker, stopped),
            ContentLength=length,
        )
        etag = str(response["ETag"])
        if self._state is not None:
            self._state.add_part(record.id, number, etag, length)
        return etag, length

    def _complete(self, record: UploadRecord) -> str:
        parts = [{"ETag": etag, "PartNumber": number} for number, (etag, _size) in sorted(record.parts.items())]
        try:
            response = self._client.complete_multipart_upload(
                Bucket=self._bucket,
                Key=record.key,
                UploadId=record.upload_id,
                MultipartUpload={"Parts": parts},
            )
        except Exception as error:
            if _code(error) in ("InvalidPart", "InvalidPartOrder", "EntityTooSmall", "NoSuchUpload"):
                # Nothing to resume from: start clean next time.
                self._abort(record)
            raise self._translate(error, record.key, "finishing the upload") from None
        self._forget(record)
        return str(response.get("ETag", ""))

    def _abort(self, record: UploadRecord) -> None:
        try:
            self._client.abort_multipart_upload(Bucket=self._bucket, Key=record.key, UploadId=record.upload_id)
        except Exception as error:
            if _code(error) != "NoSuchUpload":
                # Keep the record: the parts stay listed under interrupted uploads until they can be discarded.
                log.warning("could not abort upload of %s: %s", record.key, type(error).__name__)
                reason = self._translate(error, record.key, "cancelling the upload")
                raise StorageError(
                    f"The upload of '{record.key}' stopped, but the parts already sent could not be discarded "
                    f"({reason}). It is listed under interrupted uploads; discard it there later."
                ) from None
        self._forget(record)

    def _forget(self, record: UploadRecord) -> None:
        if self._state is not None and record.id:
            with contextlib.suppress(Exception):
                self._state.remove_upload(record.id)

    def discard(self, record: UploadRecord) -> None:
        """Abort an interrupted upload the user does not want to resume."""
        self._abort(record)


def _code(error: BaseException) -> str:
    response = getattr(error, "response", None) or {}
    return str((response.get("Error") or {}).get("Code") or "")
