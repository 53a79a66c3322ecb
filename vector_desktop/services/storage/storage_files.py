"""Writing files safely for the storage backends: stream into a temp file beside the target, fsync, then rename.

A failed or cancelled transfer removes its temp file, so nothing partial is ever left looking complete. A process
killed mid-write cannot remove its own: each writer holds a lock on its temp file (released by the kernel when the
process dies), and the next write to the same place removes the temp files nobody holds any more.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import shutil
import time
from collections.abc import Iterable
from typing import IO, Any

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]
from pathlib import Path

from vector_desktop.domain.storage import (
    AccessDenied,
    CancelToken,
    DiskFull,
    InvalidKey,
    ProgressCallback,
    StorageError,
    UploadCancelled,
)

CHUNK = 1024 * 1024
PARTIAL_SUFFIX = ".vdpart"
STALE_AFTER_S = 60.0  # a temp file this old and unlocked was left by a process that died


def os_error(error: OSError, action: str, path: Path | str) -> StorageError:
    """A sentence for an OS error met while `action` ('write', 'read', ...) on `path`."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"The disk is full: could not {action} {path}. Free some space and try again.")
    if code == errno.EFBIG:
        return DiskFull(f"The file is too large for the disk or your limits: could not {action} {path}.")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return AccessDenied(f"No permission to {action} {path}.")
    if code == errno.ENAMETOOLONG:
        return InvalidKey(f"The name is too long for this disk: {path}.")
    return StorageError(f"Could not {action} {path}: {error.strerror or error}.")


def temp_path_for(dest: Path) -> Path:
    return dest.with_name(f"{_temp_prefix(dest)}{secrets.token_hex(4)}{PARTIAL_SUFFIX}")


def _temp_prefix(dest: Path) -> str:
    return f".{dest.name[:180]}."


def _lock(handle: IO[Any]) -> None:
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale_partials(folder: Path, pattern: str = f"*{PARTIAL_SUFFIX}") -> int:
    """Delete temp files in `folder` matching `pattern` that no live writer holds. Returns how many went."""
    if fcntl is None:
        return 0
    removed = 0
    cutoff = time.time() - STALE_AFTER_S
    for name in glob.glob(pattern, root_dir=folder, include_hidden=True):
        path = folder / name
        try:
            if path.stat().st_mtime > cutoff:
                continue  # maybe a writer that has not taken its lock yet
            descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a live writer holds it
        else:
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
        finally:
            os.close(descriptor)
    return removed


def ensure_free_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if needed > free:
        raise DiskFull(f"Not enough free space in {folder}: {needed:,} bytes are needed and {free:,} are free.")


def write_atomically(
    chunks: Iterable[bytes],
    dest: Path,
    *,
    total: int,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    temp_dir: Path | None = None,
    expected_size: int | None = None,
) -> Path:
    """Write `chunks` to `dest` through a temp file (in `temp_dir` or beside `dest`), then rename it into place."""
    if temp_dir is None:
        temp = temp_path_for(dest)
        remove_stale_partials(dest.parent, glob.escape(_temp_prefix(dest)) + f"*{PARTIAL_SUFFIX}")
    else:
        temp = temp_dir / f"{secrets.token_hex(8)}{PARTIAL_SUFFIX}"
        remove_stale_partials(temp_dir)
    done = 0
    try:
        with open(temp, "xb") as handle:
            _lock(handle)
            for chunk in chunks:
                if cancel is not None and cancel.is_set():
                    raise UploadCancelled()
                handle.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            if cancel is not None and cancel.is_set():
                raise UploadCancelled()
            handle.flush()
            os.fsync(handle.fileno())
        if expected_size is not None and done != expected_size:
            raise StorageError(
                f"The transfer of {dest.name} stopped early ({done:,} of {expected_size:,} bytes); try again."
            )
        os.replace(temp, dest)
    except OSError as error:
        _discard(temp)
        raise os_error(error, "write", dest) from None
    except BaseException:
        _discard(temp)
        raise
    if progress is not None and done == 0:
        progress(0, total)
    return dest


def read_chunks(path: Path, size: int = CHUNK) -> Iterable[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(size):
            yield chunk


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def prepare_destination(dest: Path, name: str) -> Path:
    """Where a download goes: into `dest` when it is a folder, else to `dest` itself (its folder must exist)."""
    target = dest / name if dest.is_dir() else dest
    if not target.parent.is_dir():
        raise StorageError(f"The folder {target.parent} does not exist.")
    if target.is_dir():
        raise StorageError(f"{target} is a folder.")
    return target
