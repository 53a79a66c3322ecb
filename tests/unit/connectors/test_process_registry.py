"""The stdio children register, with real processes: what a run killed with -9 left behind is stopped at the next
start (its whole process group, SIGKILL for one that ignores SIGTERM); a recorded pid now used by an unrelated
process, and the children of an app run that is still alive, are left alone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from vector_desktop.services.connectors.process_registry import FILE_NAME, ProcessRegistry, process_info

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

# An "app run": starts a stdio-server-like child in a session of its own (as the MCP session does), records it,
# prints the child's pid (and its own child's, when asked), then waits to be killed.
OWNER = r"""
import subprocess, sys, time
from pathlib import Path
from vector_desktop.services.connectors.process_registry import ProcessRegistry
mode = sys.argv[2]
sleep = "import time; time.sleep(120)"
code = {
    "plain": sleep,
    "stubborn": "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); " + sleep,
    "group": (
        "import subprocess, sys; p = subprocess.Popen([sys.executable, '-c', %r]); print(p.pid, flush=True); "
        % sleep
    ) + sleep,
}[mode]
child = subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stdout=subprocess.PIPE, text=True)
extra = child.stdout.readline().strip() if mode != "plain" else ""
ProcessRegistry(Path(sys.argv[1])).add(child.pid, "test server")
print(child.pid, extra, flush=True)
time.sleep(120)
"""

ROOT = Path(__file__).resolve().parents[3]


def gone(pid: int) -> bool:
    info = process_info(pid)
    return info is None or info.zombie


def wait_gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if gone(pid):
            return True
        time.sleep(0.02)
    return False


class Owner:
    def __init__(self, folder: Path, mode: str = "plain") -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", OWNER, str(folder), mode],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.process.stdout is not None
        fields = self.process.stdout.readline().split()
        self.child = int(fields[0])
        self.grandchild = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else None

    def kill9(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def stop(self) -> None:
        for pid in (self.grandchild, self.child):
            if pid is not None and not gone(pid):
                os.kill(pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.kill9()


@pytest.fixture
def owners(tmp_path: Path) -> Iterator[list[Owner]]:
    started: list[Owner] = []
    yield started
    for owner in started:
        owner.stop()


def test_a_child_left_by_a_killed_run_is_reaped_at_the_next_start(tmp_path: Path, owners: list[Owner]) -> None:
    owner = Owner(tmp_path)
    owners.append(owner)
    assert [r.pid for r in ProcessRegistry(tmp_path).records()] == [owner.child]
    owner.kill9()
    assert not gone(owner.child)  # kill -9 of the app leaves its stdio server running

    assert ProcessRegistry(tmp_path).reap_orphans() == [owner.child]
    assert wait_gone(owner.child)
    assert ProcessRegistry(tmp_path).records() == []


def test_the_whole_group_goes_and_sigterm_is_not_the_last_word(tmp_path: Path, owners: list[Owner]) -> None:
    grouped = Owner(tmp_path, "group")
    stubborn = Owner(tmp_path, "stubborn")
    owners += [grouped, stubborn]
    assert grouped.grandchild is not None
    grouped.kill9()
    stubborn.kill9()

    reaped = ProcessRegistry(tmp_path).reap_orphans(grace=0.5)
    assert set(reaped) == {grouped.child, grouped.grandchild, stubborn.child}
    assert wait_gone(grouped.child) and wait_gone(grouped.grandchild) and wait_gone(stubborn.child)


def test_a_pid_reused_by_an_unrelated_process_is_not_touched(tmp_path: Path) -> None:
    unrelated = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], start_new_session=True)
    try:
        info = process_info(unrelated.pid)
        assert info is not None
        # The record of an earlier run names this pid, but a process that started at another time had it.
        record = {
            "pid": unrelated.pid,
            "start": info.start - 1,
            "pgid": unrelated.pid,
            "owner": 999_999_999,
            "owner_start": 1,
            "label": "old server",
        }
        (tmp_path / FILE_NAME).write_text(json.dumps({"children": [record]}), encoding="utf-8")

        assert ProcessRegistry(tmp_path).reap_orphans(grace=0.2) == []
        assert unrelated.poll() is None and not gone(unrelated.pid)
        assert ProcessRegistry(tmp_path).records() == []  # the stale record is dropped
    finally:
        unrelated.kill()
        unrelated.wait(10)


def test_children_of_a_run_that_is_alive_are_left_alone(tmp_path: Path, owners: list[Owner]) -> None:
    running = Owner(tmp_path)  # e.g. the GUI, while `vector-desktop connectors ls` starts on the same profile
    owners.append(running)
    assert ProcessRegistry(tmp_path).reap_orphans(grace=0.2) == []
    assert not gone(running.child)
    assert [r.pid for r in ProcessRegistry(tmp_path).records()] == [running.child]


def test_own_records_come_and_go(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        registry = ProcessRegistry(tmp_path)
        assert registry.add(child.pid, "files")
        assert [(r.pid, r.owner, r.label) for r in registry.records()] == [(child.pid, os.getpid(), "files")]
        assert registry.reap_orphans() == []  # this process owns it
        registry.remove(child.pid)
        assert registry.records() == []
        registry.add(child.pid)
        registry.forget_own()
        assert registry.records() == []
        assert not registry.add(999_999_999)  # no such process: nothing recorded
    finally:
        child.kill()
        child.wait(10)


def test_an_unreadable_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    assert ProcessRegistry(tmp_path).reap_orphans() == []
    assert ProcessRegistry(tmp_path).records() == []
