"""The store's integrity check runs only when it can matter: after a run that did not close the store (kill -9 of a
real child process, a marker nobody holds whatever its pid), when the file changed since the last clean close, or
when there is no record of one. Observed with a damaged page that opening the store never reads but the check does:
it is moved aside when the check runs, and left in place (yet still detectable) when it does not."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from vector_desktop.store import schema
from vector_desktop.store.engine import OpenedStore, open_store, read_revision

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no flock: every open checks there")

REPO_ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import os, sys
from pathlib import Path
from vector_desktop.store.engine import open_store

store = open_store(Path(sys.argv[1]), Path(sys.argv[2]))
if sys.argv[3] == "write":  # the file changes while this process has it open
    with store.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA user_version = 7")
if sys.argv[3] == "fork":  # a child made by fork, as Celery's prefork pool makes them, outliving this process
    if os.fork() == 0:
        os.write(1, b"forked\\n")  # one write each: the two processes share the pipe
        sys.stdin.read()
        os._exit(0)
os.write(1, b"open\\n")
if sys.stdin.readline() == "close\\n":
    store.dispose()
    print("closed", flush=True)
"""


class Holder:
    """A child process that has the store open until it is told to close it, or killed."""

    def __init__(self, store: Path, env: dict[str, str], *, mode: str = "plain") -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(store), str(store.parent / "backups"), mode],
            env=env,
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        expected = {"open", "forked"} if mode == "fork" else {"open"}
        seen = {self._line() for _ in expected}
        assert seen == expected

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if not line:
            self.process.kill()
            _, errors = self.process.communicate()
            pytest.fail(f"the child ended before it had the store open: {errors}")
        return line

    def close_cleanly(self) -> None:
        output, errors = self.process.communicate("close\n", timeout=60)
        assert self.process.returncode == 0, errors
        assert output.split() == ["closed"]

    def kill_9(self) -> None:
        self.process.kill()  # SIGKILL
        self.process.wait()

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()  # closes its stdin: a forked child waiting on it ends too


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store at HEAD, closed cleanly."""
    path = tmp_path / "s.sqlite3"
    open_store(path, tmp_path / "backups").dispose()
    return path


def damage_a_page(store: Path, *, keep_size_and_mtime: bool = True) -> None:
    """Overwrite the root page of the settings table: opening the store never reads it, the check does."""
    with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as db:
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'settings'").fetchone()[0]
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
    before = os.stat(store)
    with store.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    if keep_size_and_mtime:
        os.utime(store, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert os.stat(store).st_size == before.st_size


def open_again(store: Path) -> OpenedStore:
    opened = open_store(store, store.parent / "backups")
    opened.dispose()
    return opened


def assert_damage_caught(opened: OpenedStore) -> None:
    assert opened.moved_aside is not None and opened.moved_aside.exists()
    assert "kept aside" in opened.notice
    assert read_revision(opened.path) == schema.HEAD  # a new store in its place


def assert_damage_not_caught(opened: OpenedStore) -> None:
    assert opened.moved_aside is None and opened.notice == ""
    with pytest.raises(sqlite3.DatabaseError, match="integrity check failed"):
        read_revision(opened.path)  # the damage is there: the check would have caught it


def markers(store: Path) -> list[Path]:
    return sorted(store.parent.glob(store.name + ".open-*"))


def test_after_a_clean_close_in_another_process_the_next_open_skips_the_check(
    store_path: Path, subprocess_env: dict[str, str]
) -> None:
    holder = Holder(store_path, subprocess_env)
    try:
        holder.close_cleanly()
    finally:
        holder.end()
    damage_a_page(store_path)
    assert_damage_not_caught(open_again(store_path))


def test_after_a_kill_9_the_next_open_checks_and_moves_the_damaged_file_aside(
    store_path: Path, subprocess_env: dict[str, str]
) -> None:
    holder = Holder(store_path, subprocess_env)
    try:
        holder.kill_9()
    finally:
        holder.end()
    damage_a_page(store_path)
    assert_damage_caught(open_again(store_path))
    assert markers(store_path) == []  # the dead run's marker is gone once its store was checked


def test_two_processes_at_once_neither_checks_and_one_clean_close_does_not_hide_the_others_crash(
    store_path: Path, subprocess_env: dict[str, str]
) -> None:
    holder = Holder(store_path, subprocess_env, mode="write")
    try:
        damage_a_page(store_path)
        opened = open_store(store_path, store_path.parent / "backups")
        assert len(markers(store_path)) == 2  # the child's and this process's
        opened.dispose()
        assert_damage_not_caught(opened)  # changed, but by the process using it now: no check for that
        holder.kill_9()
    finally:
        holder.end()
    assert_damage_caught(open_again(store_path))


def test_a_forked_child_does_not_hide_the_crash_of_the_process_that_opened_the_store(
    store_path: Path, subprocess_env: dict[str, str]
) -> None:
    holder = Holder(store_path, subprocess_env, mode="fork")
    try:
        holder.kill_9()  # its forked child still runs
        damage_a_page(store_path)
        assert_damage_caught(open_again(store_path))
    finally:
        holder.end()


@pytest.mark.parametrize("whose", ["dead process", "pid now used by a live process"])
def test_a_stale_marker_means_check_whatever_its_pid(store_path: Path, whose: str) -> None:
    if whose == "dead process":
        ended = subprocess.Popen([sys.executable, "-c", "pass"])
        ended.wait()
        pid = ended.pid
    else:
        pid = os.getpid()  # alive, but it holds no lock on this marker: the pid was reused
    stale = store_path.with_name(f"{store_path.name}.open-{pid}-0badf00d")
    stale.write_text(json.dumps({"pid": pid, "opened": "2026-01-01T00:00:00+00:00"}), encoding="utf-8")
    damage_a_page(store_path)
    assert_damage_caught(open_again(store_path))
    assert not stale.exists()


def test_a_file_changed_since_the_last_clean_close_is_checked(store_path: Path) -> None:
    damage_a_page(store_path, keep_size_and_mtime=False)
    assert_damage_caught(open_again(store_path))


def test_an_existing_store_with_no_record_of_a_clean_close_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    schema.create(path)  # made without open_store: as a store from before these records
    damage_a_page(path)
    assert_damage_caught(open_again(path))
