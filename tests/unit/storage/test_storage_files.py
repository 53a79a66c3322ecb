"""Temp files of downloads cut by kill -9: the next write to the same place removes them, never a live one's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from vector_desktop.services.storage.storage_files import PARTIAL_SUFFIX, STALE_AFTER_S, write_atomically

WRITER = """
import sys, time
from pathlib import Path
from vector_desktop.services.storage.storage_files import write_atomically

def chunks():
    yield b"half of it"
    print("writing", flush=True)
    time.sleep(600)
    yield b"never"

write_atomically(chunks(), Path(sys.argv[1]), total=100)
"""


def partials(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(PARTIAL_SUFFIX))


def start_writer(dest: Path, subprocess_env: dict[str, str]) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(dest)], stdout=subprocess.PIPE, text=True, env=subprocess_env
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    return child


def stop(child: subprocess.Popen[str]) -> None:
    child.kill()
    child.wait(10)
    assert child.stdout is not None
    child.stdout.close()


def age(path: Path) -> None:
    old = time.time() - STALE_AFTER_S - 60
    os.utime(path, (old, old))


def test_a_killed_downloads_temp_file_goes_with_the_next_download(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    dest = tmp_path / "report [final].pdf"  # glob characters in the name
    child = start_writer(dest, subprocess_env)
    child.send_signal(signal.SIGKILL)
    stop(child)
    (left,) = partials(tmp_path)
    assert left.startswith(".report [final].pdf.")
    other = tmp_path / f".other.pdf.0badc0de{PARTIAL_SUFFIX}"  # another file's temp is not this download's business
    other.write_bytes(b"x")
    age(tmp_path / left)
    age(other)

    write_atomically([b"complete"], dest, total=8)

    assert dest.read_bytes() == b"complete"
    assert partials(tmp_path) == [other.name]


def test_a_running_downloads_temp_file_is_left_alone(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    dest = tmp_path / "video.mp4"
    child = start_writer(dest, subprocess_env)
    try:
        (running,) = partials(tmp_path)
        age(tmp_path / running)  # old, but its writer is alive and holds it

        write_atomically([b"another copy"], dest, total=12)

        assert partials(tmp_path) == [running]
        assert dest.read_bytes() == b"another copy"
    finally:
        stop(child)


def test_a_fresh_unlocked_temp_file_is_left_alone(tmp_path: Path) -> None:
    dest = tmp_path / "notes.txt"
    fresh = tmp_path / f".notes.txt.12345678{PARTIAL_SUFFIX}"  # a writer that has not taken its lock yet
    fresh.write_bytes(b"")
    write_atomically([b"hello"], dest, total=5)
    assert partials(tmp_path) == [fresh.name]


def test_the_local_backends_staging_folder_is_swept_too(tmp_path: Path) -> None:
    staging = tmp_path / "staging"
    staging.mkdir()
    stale = staging / f"0123456789abcdef{PARTIAL_SUFFIX}"
    stale.write_bytes(b"left by a crash")
    age(stale)
    write_atomically([b"data"], tmp_path / "file.bin", total=4, temp_dir=staging)
    assert list(staging.iterdir()) == []
