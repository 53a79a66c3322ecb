"""Opening File → Settings…: the real SettingsDialog over a real SettingsViewModel and Config (a store in a temporary
profile, the keychain in memory, as tests/qt/test_settings_dialog.py builds them), offscreen, with the app's theme.

- value: the median time of one open, from making the dialog to its first paint; cpu_ms: the GUI thread's CPU time
  from making it until the bench sees that paint (steadier than wall time on a busy machine). Each dialog is then
  closed and deleted, as the app does (WA_DeleteOnClose). Baseline in the same run: a plain QDialog with as many
  QLineEdits in one QFormLayout as the dialog has fields, opened and closed the same way.
- widgets / scroll_areas: what one open makes (each scroll area's viewport grabs a pan gesture Qt keeps).
- rss_*: VmRSS before and after `--cycles` more opens and closes (garbage collected and malloc_trim'd, as the leak
  test reads it); hwm_*: VmHWM (the process's peak) before and after them; mb_per_open_dialog: the RSS one dialog
  holds while open (10 kept open at once, as happens when opens and closes come back to back).

Prints one JSON line last. Usage: python bench/settings_dialog.py [--opens 20] [--cycles 50] [--theme light|none]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def proc_status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return 0.0


def trimmed_rss_mb() -> float:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return proc_status_mb("VmRSS")


def paint_watcher() -> Any:
    """An event filter that notes the time of the first paint it sees after `reset()`; made once, used for every
    open (a class made per open would add a Qt meta-object to what the bench measures)."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatcher(QObject):
        at: float | None = None

        def reset(self) -> None:
            self.at = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.perf_counter()
            return False

    return PaintWatcher()


async def open_once(make: Callable[[], Any], painted: Any, cpu: list[float] | None = None) -> tuple[float, Any]:
    """Make and show a dialog, wait for its first paint; returns (ms, dialog). `cpu` gets the GUI thread's CPU ms
    (less swayed than wall time by other work on the machine)."""
    painted.reset()
    started, started_cpu = time.perf_counter(), time.thread_time()
    dialog = make()
    dialog.installEventFilter(painted)
    dialog.show()
    while painted.at is None:
        await asyncio.sleep(0)
    dialog.removeEventFilter(painted)
    if cpu is not None:
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return (painted.at - started) * 1000, dialog


async def close(dialog: Any) -> None:
    dialog.close()
    dialog.deleteLater()
    await asyncio.sleep(0)


def plain_form_dialog(fields: int) -> Any:
    from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

    dialog = QDialog()
    dialog.resize(820, 560)
    form = QFormLayout(dialog)
    for index in range(fields):
        form.addRow(f"Field {index}", QLineEdit(dialog))
    return dialog


async def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QAbstractScrollArea, QWidget

    from tests.support.memory_keyring import MemoryKeyring
    from vector_desktop.config import load_config
    from vector_desktop.paths import resolve_paths
    from vector_desktop.presentation.settings_viewmodel import SettingsViewModel
    from vector_desktop.secrets import SecretStore
    from vector_desktop.store.engine import open_store
    from vector_desktop.store.settings_repository import SettingsRepository
    from vector_desktop.views.settings_dialog import SettingsDialog

    paths = resolve_paths(tmp, environ={})
    paths.ensure()
    store = open_store(paths.store_file, paths.backup_dir)
    repo = SettingsRepository(store)
    secrets = SecretStore("vector-desktop-bench", backend=MemoryKeyring())
    config = load_config([], environ={}, saved=repo.load_all(), secrets=secrets)
    loop = asyncio.get_running_loop()
    vm = SettingsViewModel(config, repo, secrets, lambda fn: loop.run_in_executor(None, fn))
    vm.start_load()
    while not vm.is_loaded:
        await asyncio.sleep(0.01)
    fields = sum(len(group.keys) for group in vm.groups())
    found: dict[str, Any] = {"fields": fields}
    painted = paint_watcher()
    try:
        # Warm both (first-time costs: fonts, style sheet parsing, imports), then alternate them.
        for make in (lambda: SettingsDialog(vm), lambda: plain_form_dialog(fields)):
            _ms, dialog = await open_once(make, painted)
            await close(dialog)
        times: list[float] = []
        baseline: list[float] = []
        cpu: list[float] = []
        baseline_cpu: list[float] = []
        for _ in range(args.opens):
            ms, dialog = await open_once(lambda: SettingsDialog(vm), painted, cpu)
            times.append(ms)
            found["widgets"] = len(dialog.findChildren(QWidget))
            found["scroll_areas"] = len(dialog.findChildren(QAbstractScrollArea))
            await close(dialog)
            ms, dialog = await open_once(lambda: plain_form_dialog(fields), painted, baseline_cpu)
            baseline.append(ms)
            found["baseline_widgets"] = len(dialog.findChildren(QWidget))
            await close(dialog)
        found["value"] = statistics.median(times)
        found["baseline"] = statistics.median(baseline)
        found["cpu"] = statistics.median(cpu)
        found["baseline_cpu"] = statistics.median(baseline_cpu)
        found["rss_before"] = trimmed_rss_mb()
        found["hwm_before"] = proc_status_mb("VmHWM")
        for _ in range(args.cycles):
            _ms, dialog = await open_once(lambda: SettingsDialog(vm), painted)
            await close(dialog)
        found["rss_after"] = trimmed_rss_mb()
        found["hwm_after"] = proc_status_mb("VmHWM")
        kept = []
        before = trimmed_rss_mb()
        for _ in range(10):
            kept.append((await open_once(lambda: SettingsDialog(vm), painted))[1])
        found["mb_per_open_dialog"] = (proc_status_mb("VmRSS") - before) / len(kept)
        for dialog in kept:
            await close(dialog)
        found["hwm_end"] = proc_status_mb("VmHWM")
    finally:
        vm.close()
        store.dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--opens", type=int, default=20, help="timed opens (median), alternated with the baseline")
    parser.add_argument("--cycles", type=int, default=50, help="opens and closes between the two RSS readings")
    parser.add_argument("--theme", default="light", help="the app's theme to apply, or 'none'")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vector_desktop.qtsupport.pyside_import_check import speed_up_pyside_import_check

    speed_up_pyside_import_check()  # as the app does
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    import vector_desktop.views.forms.resources_rc  # noqa: F401  (the theme's style sheets)
    from vector_desktop.qtsupport.event_loop import HookedQEventLoop
    from vector_desktop.qtsupport.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # closing each dialog must not stop the loop
    qInstallMessageHandler(lambda *_args: None)  # "propagateSizeHints" from the offscreen platform
    if args.theme != "none":
        apply_theme(app, args.theme)
    loop = HookedQEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp, loop:
        found = loop.run_until_complete(measure(args, Path(tmp)))
    result = {
        "bench": "settings_dialog",
        "value": round(found["value"], 1),
        "baseline": round(found["baseline"], 1),
        "ratio": round(found["value"] / found["baseline"], 2),
        "unit": f"ms from making the Settings dialog to its first paint (median of {args.opens}; theme {args.theme})",
        "goal": "ratio <= 2; no RSS growth over the cycles",
        "cpu_ms": round(found["cpu"], 1),
        "baseline_cpu_ms": round(found["baseline_cpu"], 1),
        "fields": found["fields"],
        "widgets": found["widgets"],
        "baseline_widgets": found["baseline_widgets"],
        "scroll_areas": found["scroll_areas"],
        "cycles": args.cycles,
        "rss_before_mb": round(found["rss_before"], 1),
        "rss_after_mb": round(found["rss_after"], 1),
        "rss_growth_mb": round(found["rss_after"] - found["rss_before"], 1),
        "hwm_before_mb": round(found["hwm_before"], 1),
        "hwm_after_mb": round(found["hwm_after"], 1),
        "mb_per_open_dialog": round(found["mb_per_open_dialog"], 2),
        "hwm_end_mb": round(found["hwm_end"], 1),
        "load": os.getloadavg()[0],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
