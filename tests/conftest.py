"""Test set-up shared by every test: Qt offscreen, a qasync loop for asyncio tests, a private keyring and profile."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.memory_keyring.MemoryKeyring")
# Nothing of the developer's own environment may leak into tests.
for _name in list(os.environ):
    if _name.startswith(("OPENROUTER_", "OPENAI_", "R2_", "MERGE_", "EMAIL_", "SENTRY_", "MIXPANEL_", "VECTOR_")) and (
        _name != "VECTOR_BUNDLE_DIR"  # a bundle built earlier, for tests/packaging
    ):
        del os.environ[_name]

import gc  # noqa: E402

import pytest  # noqa: E402

from tests.support.qasync_loop import make_qasync_loop  # noqa: E402

pytest_plugins = [
    "tests.support.fixtures_ai",
    "tests.support.fixtures_s3",
    "tests.support.fixtures_mcp",
    "tests.support.fixtures_merge",
    "tests.support.fixtures_databases",
]


@pytest.fixture(autouse=True)
def collect_garbage_on_gui_thread() -> None:
    """Collect earlier tests' qasync loops on the GUI thread (see vector_desktop/qtsupport/gc_timer.py for why)."""
    gc.collect()


def pytest_asyncio_loop_factories(config, item):  # type: ignore[no-untyped-def]
    return {"qasync": make_qasync_loop}


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    path = tmp_path / "profile"
    path.mkdir()
    return path


@pytest.fixture
def app_paths(profile_dir: Path):  # type: ignore[no-untyped-def]
    from vector_desktop.paths import resolve_paths

    paths = resolve_paths(profile_dir, environ={})
    paths.ensure()
    return paths


@pytest.fixture
def store(app_paths) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from vector_desktop.store.engine import open_store

    opened = open_store(app_paths.store_file, app_paths.backup_dir)
    yield opened
    opened.dispose()


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    import keyring

    from tests.support.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def subprocess_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the app in a child process: file keyring in a temp dir, offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parent.parent), env.get("PYTHONPATH", "")])
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHON"] = sys.executable
    return env
