"""The stdio MCP servers the app started, written down in the profile so that none outlives the app.

Each child is recorded with its start time read from /proc (a pid the kernel gave to another process since is never
touched) and with the app process that owns it. At the next start, children whose owner is gone (the app was
killed with -9, or crashed) are reaped: SIGTERM to their process group, SIGKILL to what is left after a short wait.
A second app process on the same profile (the command line while the GUI runs) leaves the first one's children
alone because their owner is alive. Linux only: elsewhere nothing can be verified, so nothing is reaped.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

FILE_NAME = "mcp-children.json"
_PROC = Path("/proc")


@dataclass(frozen=True)
class ProcessInfo:
    pid: int
    pgid: int
    start: int  # clock ticks after boot (field 22 of /proc/<pid>/stat)
    zombie: bool


def process_info(pid: int, proc: Path = _PROC) -> ProcessInfo | None:
    """What /proc says about `pid`, or None when there is no such process (or no /proc)."""
    try:
        text = (proc / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except (OSError, ValueError):
        return None
    # "pid (comm) state ppid pgrp ..." where comm may hold spaces and parentheses: split after the last ')'.
    fields = text[text.rfind(")") + 2 :].split()
    try:
        return ProcessInfo(pid=pid, pgid=int(fields[2]), start=int(fields[19]), zombie=fields[0] in ("Z", "X"))
    except (IndexError, ValueError):
        return None


def _all_processes(proc: Path = _PROC) -> list[ProcessInfo]:
    found = []
    with contextlib.suppress(OSError):
        for entry in proc.iterdir():
            if entry.name.isdigit():
                info = process_info(int(entry.name), proc)
                if info is not None:
                    found.append(info)
    return found


@dataclass(frozen=True)
class ChildRecord:
    pid: int
    start: int
    pgid: int
    owner: int
    owner_start: int
    label: str = ""


class ProcessRegistry:
    """Thread- and process-safe (a lock file); every call is short and blocking."""

    def __init__(self, folder: Path, *, owner: int | None = None) -> None:
        self._file = folder / FILE_NAME
        self._lock_file = folder / (FILE_NAME + ".lock")
        self._owner = owner if owner is not None else os.getpid()
        info = process_info(self._owner)
        self._owner_start = info.start if info is not None else 0

    @property
    def path(self) -> Path:
        return self._file

    def add(self, pid: int, label: str = "") -> bool:
        """Record a child; False when its start time cannot be read (it already ended, or no /proc)."""
        info = process_info(pid)
        if info is None or info.zombie:
            return False
        record = ChildRecord(pid, info.start, info.pgid, self._owner, self._owner_start, label)
        with self._locked():
            records = [r for r in self._read() if r.pid != pid]
            self._write([*records, record])
        return True

    def remove(self, pid: int) -> None:
        with self._locked():
            records = self._read()
            kept = [r for r in records if not (r.pid == pid and r.owner == self._owner)]
            if len(kept) != len(records):
                self._write(kept)

    def records(self) -> list[ChildRecord]:
        with self._locked():
            return self._read()

    def forget_own(self) -> None:
        """This process stopped its children: drop their records."""
        with self._locked():
            records = self._read()
            kept = [r for r in records if r.owner != self._owner]
            if len(kept) != len(records):
                self._write(kept)

    def reap_orphans(self, grace: float = 2.0) -> list[int]:
        """Stop the children whose owner is gone; returns the pids signalled. Blocks up to `grace` seconds."""
        with self._locked():
            records = self._read()
            orphans = [r for r in records if not self._owner_alive(r)]
            if not orphans:
                return []
            self._write([r for r in records if r not in orphans])
        targets = _targets(orphans, _all_processes())
        signalled = sorted(info.pid for info in targets)
        for info in targets:
            _signal(info, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while targets and time.monotonic() < deadline:
            time.sleep(0.05)
            targets = [info for info in targets if _still_running(info)]
        for info in targets:
            _signal(info, signal.SIGKILL)
        if signalled:
            log.info("stopped %d MCP server process(es) left by an earlier run", len(signalled))
        return signalled

    # -- the file

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self._file.parent.mkdir(parents=True, exist_ok=True)
        with open(self._lock_file, "a+b") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _read(self) -> list[ChildRecord]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as error:
            log.warning("ignoring an unreadable %s (%s)", self._file.name, type(error).__name__)
            return []
        records = []
        for item in data.get("children", []) if isinstance(data, dict) else []:
            with contextlib.suppress(TypeError, ValueError, KeyError):
                records.append(
                    ChildRecord(
                        pid=int(item["pid"]),
                        start=int(item["start"]),
                        pgid=int(item["pgid"]),
                        owner=int(item["owner"]),
                        owner_start=int(item["owner_start"]),
                        label=str(item.get("label", "")),
                    )
                )
        return records

    def _write(self, records: list[ChildRecord]) -> None:
        temporary = self._file.with_suffix(".tmp")
        temporary.write_text(json.dumps({"children": [asdict(r) for r in records]}, indent=1), encoding="utf-8")
        os.replace(temporary, self._file)

    def _owner_alive(self, record: ChildRecord) -> bool:
        if record.owner == self._owner and record.owner_start == self._owner_start:
            return True
        info = process_info(record.owner)
        return info is not None and not info.zombie and info.start == record.owner_start


def _matches(record: ChildRecord, info: ProcessInfo | None) -> bool | None:
    """True: the recorded child runs; False: that pid is now another process; None: gone."""
    if info is None or info.zombie:
        return None
    return info.start == record.start


def _targets(orphans: list[ChildRecord], table: list[ProcessInfo]) -> list[ProcessInfo]:
    """The live processes to stop: each orphan, and its process group when it led one (stdio servers are started
    in a session of their own, so `npx` and the node it runs go together)."""
    by_pid = {info.pid: info for info in table}
    chosen: dict[int, ProcessInfo] = {}
    for record in orphans:
        state = _matches(record, by_pid.get(record.pid))
        if state is False:
            continue  # the pid was given to an unrelated process
        if state is True:
            chosen[record.pid] = by_pid[record.pid]
        if record.pgid == record.pid:
            # The group keeps its id while any member lives, and that id cannot be a new process's pid meanwhile.
            for info in table:
                if info.pgid == record.pgid and not info.zombie and info.pid != os.getpid():
                    chosen[info.pid] = info
    return list(chosen.values())


def _still_running(info: ProcessInfo) -> bool:
    now = process_info(info.pid)
    return now is not None and not now.zombie and now.start == info.start


def _signal(info: ProcessInfo, number: signal.Signals) -> None:
    if not _still_running(info):
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(info.pid, number)
