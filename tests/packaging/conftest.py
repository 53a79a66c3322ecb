"""The built bundle, once per session: from VECTOR_BUNDLE_DIR when it names one, else built with PyInstaller here."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
BUNDLE_ENV = "VECTOR_BUNDLE_DIR"  # the one-folder directory (…/vector-desktop) of an earlier build
BUILD_TIMEOUT = 1800  # seconds: the build takes minutes on 2 cores


def executable_in(folder: Path) -> Path:
    return folder / ("vector-desktop.exe" if sys.platform == "win32" else "vector-desktop")


def _given_bundle() -> str:
    """VECTOR_BUNDLE_DIR: a bundle built earlier (tests/conftest.py keeps it when it clears VECTOR_* variables)."""
    return os.environ.get(BUNDLE_ENV, "").strip()


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = _given_bundle()
    if given:
        folder = Path(given).expanduser().resolve()
        if not executable_in(folder).is_file():
            pytest.fail(
                f"{BUNDLE_ENV}={given} holds no vector-desktop executable; build one with scripts/build_bundle.py"
            )
        return folder
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip(f"PyInstaller is not installed (dev extra) and {BUNDLE_ENV} names no built bundle")
    dist = tmp_path_factory.mktemp("bundle")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_bundle.py"), "--dist", str(dist)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(f"\nbundle built in {time.perf_counter() - started:.0f} s: {result.stdout.strip()}")
    return dist / "vector-desktop"


@pytest.fixture
def bundle_env(tmp_path: Path) -> dict[str, str]:
    """A clean environment: nothing of the developer's or the venv's (no PYTHONPATH), HOME in a temp folder."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the bundle tests `bundle` once that marker is registered in pyproject (`-m "not bundle"` skips them)."""
    if not any(line.split(":")[0].strip() == "bundle" for line in config.getini("markers")):
        return
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here) and item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.bundle)
