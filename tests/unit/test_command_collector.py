"""A command keeps its start-up objects out of Python's garbage collections while it runs, and leaves the collector
as it found it for a caller that goes on afterwards (tests run commands in-process)."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from vector_desktop.app import main, run_command
from vector_desktop.core import Core


@pytest.fixture
def no_database_url(monkeypatch: pytest.MonkeyPatch, memory_keyring: object) -> Iterator[None]:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    yield


def collector() -> tuple[bool, int]:
    return gc.isenabled(), gc.get_freeze_count()


def test_while_a_command_runs_its_start_up_objects_are_frozen(profile_dir: Path, no_database_url: None) -> None:
    seen: list[tuple[bool, int]] = []

    def handler(_core: Core, _args: argparse.Namespace) -> int:
        seen.append(collector())
        return 0

    args = argparse.Namespace(profile=str(profile_dir), offline=False, command="probe", handler=handler)
    assert run_command(args) == 0
    assert seen[0][0] and seen[0][1] > 10_000  # collections on, the store's objects (SQLAlchemy...) out of them
    assert collector() == (True, 0)


def test_a_command_leaves_the_collector_as_it_found_it(
    profile_dir: Path, no_database_url: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "--profile", str(profile_dir), "ls"]) == 0
    assert capsys.readouterr().out == ""
    assert collector() == (True, 0)


def test_so_does_a_command_whose_profile_cannot_be_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("not a folder", encoding="utf-8")
    assert main(["db", "--profile", str(not_a_folder), "ls"]) == 1
    assert capsys.readouterr().err.startswith("vector-desktop: cannot use the profile folder")
    assert collector() == (True, 0)


def test_a_caller_that_froze_objects_or_stopped_collections_keeps_them(
    profile_dir: Path, no_database_url: None
) -> None:
    marker: list[object] = [[]]
    gc.freeze()
    try:
        assert main(["db", "--profile", str(profile_dir), "ls"]) == 0
        assert gc.isenabled()
        assert all(tracked is not marker for tracked in gc.get_objects())  # still frozen (not in a generation)
    finally:
        gc.unfreeze()
    assert any(tracked is marker for tracked in gc.get_objects())
    gc.disable()
    try:
        assert main(["db", "--profile", str(profile_dir), "ls"]) == 0
        assert collector() == (False, 0)
    finally:
        gc.enable()
