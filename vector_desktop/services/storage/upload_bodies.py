"""What a multipart upload hands to botocore: part bodies that count the bytes read into one shared progress report
and stop reading when the upload is cancelled."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vector_desktop.domain.storage import (
    ProgressCallback,
    UploadCancelled,
)

PROGRESS_INTERVAL_S = 0.1


class PartProgress:
    """Adds up bytes sent by all parts and calls the callback at most every 0.1 s (and at the end).

    If the callback raises (a job past its time limit, say), the error is kept and `on_error` stops the transfer:
    raising inside botocore's body read would be wrapped and retried as a connection error.
    """

    def __init__(self, total: int, callback: ProgressCallback | None, on_error: Callable[[], None]) -> None:
        self.total = total
        self.error: BaseException | None = None
        self._callback = callback
        self._on_error = on_error
        self._done = 0
        self._lock = threading.Lock()
        self._last = 0.0

    def add(self, count: int) -> None:
        if self._callback is None:
            return
        with self._lock:
            self._done += count
            now = time.monotonic()
            if self.error is not None or (now - self._last < PROGRESS_INTERVAL_S and self._done < self.total):
                return
            self._last = now
            self._call(max(0, min(self._done, self.total)))

    def _call(self, done: int) -> None:
        assert self._callback is not None
        try:
            self._callback(done, self.total)  # under the lock, so calls never interleave
        except BaseException as error:
            self.error = error
            self._on_error()

    def finish(self) -> None:
        """The last report (errors from it are kept, not raised: the transfer itself succeeded)."""
        if self._callback is not None and self.error is None:
            with self._lock:
                self._call(self.total)


class PartBody:
    """A part as a request body that reports what botocore reads and stops when the transfer is cancelled.

    Reads return views into the part, not copies: copying every block (and the whole part once more for the payload
    hash) was most of the time the part threads held the GIL, which the GUI thread then waited for. botocore seeks
    back to 0 before a retry; the bytes counted for the failed try are taken back.
    """

    def __init__(self, data: bytes, progress: PartProgress, stopped: Callable[[], bool]) -> None:
        self._view = memoryview(data)
        self._position = 0
        self._progress = progress
        self._stopped = stopped
        self._counted = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> memoryview:
        if self._stopped():
            raise UploadCancelled()
        start = self._position
        end = len(self._view) if size is None or size < 0 else min(len(self._view), start + size)
        chunk = self._view[start:end]
        self._position = max(start, end)
        if self._position > self._counted:
            self._progress.add(self._position - self._counted)
            self._counted = self._position
        return chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        bases = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._view)}
        if whence not in bases or bases[whence] + offset < 0:
            raise ValueError(f"invalid seek ({offset}, {whence})")
        position = bases[whence] + offset
        self._position = position
        if position < self._counted:
            self._progress.add(position - self._counted)
            self._counted = position
        return position

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        """Nothing to release: the part's bytes go when the last view of them does."""


class FilePartBody(io.RawIOBase):
    """A whole file as a request body (single PutObject), with the same progress and cancel as PartBody."""

    def __init__(self, path: Path, progress: PartProgress, stopped: Callable[[], bool]) -> None:
        super().__init__()
        self._handle = open(path, "rb")  # noqa: SIM115 - closed by close()
        self._progress = progress
        self._stopped = stopped
        self._counted = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._stopped():
            raise UploadCancelled()
        chunk = self._handle.read(size)
        if chunk:
            self._counted += len(chunk)
            self._progress.add(len(chunk))
        return chunk

    def readinto(self, buffer: Any) -> int:
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def seek(self, offset: int, whence: int = 0) -> int:
        position = self._handle.seek(offset, whence)
        if position < self._counted:
            self._progress.add(position - self._counted)
            self._counted = position
        return position

    def tell(self) -> int:
        return self._handle.tell()

    def close(self) -> None:
        self._handle.close()
        super().close()
