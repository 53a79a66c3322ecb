"""Uncaught exceptions from slots, worker threads and asyncio tasks reach the crash dialog, scrubbed."""

from __future__ import annotations

import threading
from pathlib import Path

from vector_desktop.qtsupport.crash import CrashHandler, CrashReport
from vector_desktop.views.crash_dialog import CrashDialog


def test_exception_in_worker_thread_is_shown_on_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[CrashReport, bool]] = []

    def show(report: CrashReport) -> None:
        shown.append((report, threading.current_thread() is threading.main_thread()))

    handler = CrashHandler(show, scrub=lambda text: text.replace("sk-secret-123", "[secret]"))
    handler.install()
    try:

        def work() -> None:
            raise RuntimeError("failed with key sk-secret-123")

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(shown))
    finally:
        handler.uninstall()
    report, on_gui_thread = shown[0]
    assert on_gui_thread
    assert report.summary == "RuntimeError: failed with key [secret]"
    assert "sk-secret-123" not in report.details
    assert "work" in report.where


def test_loop_exception_handler_reports_task_errors(qtbot) -> None:  # type: ignore[no-untyped-def]
    shown: list[CrashReport] = []
    handler = CrashHandler(shown.append)
    error = ValueError("boom")
    try:
        raise error
    except ValueError:
        pass
    handler._loop_hook(None, {"exception": error, "message": "Task exception was never retrieved"})  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].summary == "ValueError: boom"


def test_crash_dialog_shows_what_and_where_and_log(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log_file = tmp_path / "logs" / "vector-desktop.log"
    dialog = CrashDialog("KeyError: 'x'", "panel.py:12 in refresh", "Traceback ...", log_file)
    qtbot.addWidget(dialog)
    assert dialog.ui.summaryLabel.text() == "KeyError: 'x'"
    assert "panel.py:12" in dialog.ui.whereLabel.text()
    assert str(log_file) in dialog.ui.logLabel.text()
    dialog.copy_details()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "Traceback ..."
