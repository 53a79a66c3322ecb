"""Whether the store's integrity check can matter at this open, and what each open leaves beside the store for that.

The check reads the whole file (~1.2 ms per MB), and damage comes almost always from a run that did not end cleanly
or from a change made outside the app. So each open of the store writes a marker, `<store>.open-<pid>-<token>`,
and holds an exclusive `flock` on it until the store is closed; a clean close records the file's size, mtime and
inode in `<store>.closed`, then removes its marker. The kernel drops a lock when its process ends however it ends
(crash, kill -9), so at the next open a marker nobody holds is a run that did not close the store: check. Liveness is
the lock, never the pid, so a pid given to another process since cannot hide a crash. A marker someone holds is a
process using the store now (the GUI while a command runs): no check for it, and changes to the file are its own.
With no live marker, a file that differs from the clean-close record, or no record at all, is checked too.
Where `flock` is missing (Windows) nothing is written and every open checks, as before.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

MARKER_INFIX = ".open-"
RECORD_SUFFIX = ".closed"


@dataclass(frozen=True)
class CheckDecision:
    needed: bool
    reason: str
    stale_markers: tuple[Path, ...] = ()  # markers of runs that did not close the store: removed once it is checked


def decide(store: Path) -> CheckDecision:
    """Whether opening `store` must run the integrity check, and why."""
    if fcntl is None:
        return CheckDecision(True, "no file locks on this system to tell a clean close from a crash")
    stale, unknown, live = _scan_markers(store)
    if stale or unknown:
        return CheckDecision(True, "a previous run did not close the store", tuple(stale))
    if live:
        return CheckDecision(False, "another process has the store open")
    record = _read_record(store)
    if record is None:
        return CheckDecision(True, "no record of a clean close")
    if record != file_state(store):
        return CheckDecision(True, "the file changed since the last clean close")
    return CheckDecision(False, "closed cleanly")


def remove_stale(markers: tuple[Path, ...]) -> None:
    """Markers of dead runs, once the store they point at was checked (or moved aside). Their names are unique per
    open, so no live process can own one of them again."""
    for marker in markers:
        with contextlib.suppress(OSError):
            marker.unlink(missing_ok=True)


def forget_clean_close(store: Path) -> None:
    """The record describes a file that is no longer there (it was moved aside)."""
    with contextlib.suppress(OSError):
        _record_path(store).unlink(missing_ok=True)


def file_state(store: Path) -> dict[str, object] | None:
    """What a clean close records and the next open compares: the file's and its WAL's size and mtime, and the inode
    (a file put in its place)."""
    try:
        stat = os.stat(store)
    except OSError:
        return None
    wal: list[int] | None = None
    with contextlib.suppress(OSError):
        wal_stat = os.stat(store.with_name(store.name + "-wal"))
        if wal_stat.st_size > 0:  # a read-only connection leaves an empty one behind
            wal = [wal_stat.st_size, wal_stat.st_mtime_ns]
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "inode": stat.st_ino, "wal": wal}


class OpenMarker:
    """This process's marker for one open of the store, locked until `close`."""

    def __init__(self, store: Path, marker: Path, fd: int) -> None:
        self._store = store
        self._marker = marker
        self._fd: int | None = fd
        self._pid = os.getpid()
        # A child made by fork (Celery's prefork pool) shares the lock: it must not keep it, hiding the crash of a
        # parent it outlives.
        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=_forget_in_child(weakref.ref(self)))

    @property
    def path(self) -> Path:
        return self._marker

    @classmethod
    def create(cls, store: Path) -> OpenMarker | None:
        """Write and lock a marker; None where file locks are missing. Raises OSError when it cannot be written."""
        if fcntl is None:
            return None
        name = f"{store.name}{MARKER_INFIX}{os.getpid()}-{os.urandom(4).hex()}"
        # Locked before it gets its name, so no other process ever sees it unlocked.
        temporary = store.with_name(f"{store.name}.new-open-{os.getpid()}-{os.urandom(4).hex()}")
        fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:  # a file system without locks: every open checks
                log.info("no lock on %s (%s); the store will be checked at every open", temporary, error)
                os.close(fd)
                temporary.unlink(missing_ok=True)
                return None
            opened_at = datetime.now(UTC).isoformat(timespec="seconds")
            os.write(fd, json.dumps({"pid": os.getpid(), "opened": opened_at}).encode())
            marker = store.with_name(name)
            os.replace(temporary, marker)
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            temporary.unlink(missing_ok=True)
            raise
        return cls(store, marker, fd)

    def close(self, *, clean: bool) -> None:
        """Remove the marker; after a clean close, record the file's state first. Never raises."""
        if self._fd is None or os.getpid() != self._pid:
            return
        if clean:
            _write_record(self._store)
        with contextlib.suppress(OSError):
            self._marker.unlink(missing_ok=True)  # unlinked while still locked: never seen unlocked
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None

    def forget_in_child(self) -> None:
        if self._fd is not None and os.getpid() != self._pid:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def _forget_in_child(ref: weakref.ref[OpenMarker]) -> Callable[[], None]:
    def forget() -> None:
        marker = ref()
        if marker is not None:
            marker.forget_in_child()

    return forget


def _scan_markers(store: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """Markers beside the store: (stale, unknown, live)."""
    stale: list[Path] = []
    unknown: list[Path] = []
    live: list[Path] = []
    prefix = store.name + MARKER_INFIX
    try:
        entries = [entry.name for entry in os.scandir(store.parent) if entry.name.startswith(prefix)]
    except OSError:
        return stale, unknown, live
    for name in entries:
        marker = store.with_name(name)
        state = _marker_state(marker)
        if state == "stale":
            stale.append(marker)
        elif state == "live":
            live.append(marker)
        elif state == "unknown":
            unknown.append(marker)
    return stale, unknown, live


def _marker_state(marker: Path) -> str:
    """'live' while its process holds the lock, 'stale' once nobody does, 'gone', or 'unknown' (cannot tell)."""
    assert fcntl is not None
    try:
        fd = os.open(marker, os.O_RDONLY)
    except FileNotFoundError:
        return "gone"  # closed in the meantime
    except OSError:
        return "unknown"
    try:
        # Shared: two processes probing the same stale marker at once both see it stale.
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return "live"
    except OSError:
        return "unknown"
    else:
        return "stale"
    finally:
        os.close(fd)


def _record_path(store: Path) -> Path:
    return store.with_name(store.name + RECORD_SUFFIX)


def _read_record(store: Path) -> dict[str, object] | None:
    try:
        data = json.loads(_record_path(store).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_record(store: Path) -> None:
    state = file_state(store)
    if state is None:
        return
    target = _record_path(store)
    temporary = target.with_name(f"{target.name}.new-{os.getpid()}-{os.urandom(4).hex()}")
    try:
        temporary.write_text(json.dumps(state), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as error:  # the next open checks, as after a crash
        log.warning("could not record the clean close of %s (%s)", store, error)
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
