"""The real app as a child process: --screenshot, --version, and every start-up fault with its message."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.support.small_disk import fill, remount_read_only, tiny_filesystem


def run_app(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vector_desktop", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def screenshot(env: dict[str, str], profile: Path, target: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_app(env, "--profile", str(profile), "--screenshot", str(target), *extra)


def assert_real_picture(path: Path) -> None:
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() >= 720 and image.height() >= 480
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
    assert len(colours) > 3, "the screenshot is blank"


def test_version(subprocess_env: dict[str, str]) -> None:
    result = run_app(subprocess_env, "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("vector-desktop 0.")


def test_screenshot_of_a_fresh_profile(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    result = screenshot(subprocess_env, profile, tmp_path / "shot.png")
    assert result.returncode == 0, result.stderr
    assert_real_picture(tmp_path / "shot.png")
    assert (profile / "data" / "vector.sqlite3").exists()
    assert (profile / "logs" / "vector-desktop.log").exists()


@pytest.mark.parametrize("panel", ["jobs", "connectors"])
def test_screenshot_of_a_named_panel(subprocess_env: dict[str, str], tmp_path: Path, panel: str) -> None:
    result = screenshot(subprocess_env, tmp_path / "p", tmp_path / "shot.png", "--panel", panel)
    assert result.returncode == 0, result.stderr
    assert_real_picture(tmp_path / "shot.png")


def test_second_instance_on_the_same_profile_is_refused(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    first = subprocess.Popen(
        [sys.executable, "-m", "vector_desktop", "--profile", str(profile)],
        env=subprocess_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lock = profile / "data" / "vector-desktop.lock"
        deadline = time.monotonic() + 30
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lock.exists()
        result = screenshot(subprocess_env, profile, tmp_path / "shot.png")
        assert result.returncode == 1
        assert "already running with this profile" in result.stderr
        assert str(first.pid) in result.stderr
        assert not (tmp_path / "shot.png").exists()
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_stale_lock_of_a_killed_instance_does_not_block(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    first = subprocess.Popen([sys.executable, "-m", "vector_desktop", "--profile", str(profile)], env=subprocess_env)
    lock = profile / "data" / "vector-desktop.lock"
    deadline = time.monotonic() + 30
    while not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    first.kill()
    first.wait()
    result = screenshot(subprocess_env, profile, tmp_path / "shot.png")
    assert result.returncode == 0, result.stderr


def test_corrupt_store_is_kept_aside_and_the_user_told(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    data = profile / "data"
    data.mkdir(parents=True)
    (data / "vector.sqlite3").write_bytes(b"definitely not sqlite" * 50)
    result = screenshot(subprocess_env, profile, tmp_path / "shot.png")
    assert result.returncode == 0, result.stderr
    kept = [p for p in data.iterdir() if p.name.startswith("vector.sqlite3.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"definitely not sqlite" * 50
    assert "kept aside" in result.stderr and kept[0].name in result.stderr


def test_store_from_a_newer_version_stops_the_app_untouched(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    assert screenshot(subprocess_env, profile, tmp_path / "a.png").returncode == 0
    store = profile / "data" / "vector.sqlite3"
    connection = sqlite3.connect(store)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    connection.close()
    before = store.read_bytes()
    result = screenshot(subprocess_env, profile, tmp_path / "b.png")
    assert result.returncode == 1
    assert "newer version of Vector Desktop" in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert store.read_bytes() == before


def test_invalid_env_values_are_named_and_ignored(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    (profile / "config").mkdir(parents=True)
    (profile / ".env").write_text("EMAIL_PORT=seventy\nR2_ENDPOINT_URL=ftp://nope\n")
    result = screenshot(subprocess_env, profile, tmp_path / "shot.png")
    assert result.returncode == 0, result.stderr
    assert "EMAIL_PORT: 'seventy' is not a whole number" in result.stderr
    assert "R2_ENDPOINT_URL" in result.stderr and str(profile / ".env") in result.stderr


def test_missing_keychain_is_reported(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    env = dict(subprocess_env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = screenshot(env, tmp_path / "profile", tmp_path / "shot.png")
    assert result.returncode == 0, result.stderr
    assert "No system keychain is available" in result.stderr


def test_read_only_profile_is_reported(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", 4096) as disk:
        profile = disk / "profile"
        assert screenshot(subprocess_env, profile, tmp_path / "a.png").returncode == 0
        store = profile / "data" / "vector.sqlite3"
        before = store.read_bytes()
        remount_read_only(disk)
        result = screenshot(subprocess_env, profile, tmp_path / "b.png")
        assert result.returncode == 1
        assert "read-only" in result.stderr or "Cannot write" in result.stderr
        assert store.read_bytes() == before


def test_full_disk_is_reported(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", 512) as disk:
        profile = disk / "profile"
        for sub in ("data", "config", "cache", "logs"):
            (profile / sub).mkdir(parents=True)
        fill(disk, leave_bytes=4 * 1024)
        result = screenshot(subprocess_env, profile, tmp_path / "shot.png")
        assert result.returncode == 1
        assert "full" in result.stderr


def test_no_display_gives_a_clear_message(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    env = {k: v for k, v in subprocess_env.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = run_app(env, "--profile", str(tmp_path / "p"))
    assert result.returncode == 1
    assert "No display was found" in result.stderr


@pytest.mark.skipif(not os.path.exists("/usr/bin/Xvfb"), reason="Xvfb not installed")
def test_screenshot_under_xvfb(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    env = {k: v for k, v in subprocess_env.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            sys.executable,
            "-m",
            "vector_desktop",
            "--profile",
            str(tmp_path / "p"),
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    assert_real_picture(tmp_path / "x.png")


def test_a_command_with_invalid_env_values_stops_with_one_line(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / ".env").write_text("EMAIL_PORT=seventy\n")
    result = run_app(subprocess_env, "storage", "--profile", str(profile), "ls")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "EMAIL_PORT: 'seventy' is not a whole number" in result.stderr
    assert result.stderr.count(str(profile / ".env")) == 1
