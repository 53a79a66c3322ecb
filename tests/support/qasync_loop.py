"""The loop factory for pytest-asyncio: every asyncio test runs on the app's qasync loop class."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from vector_desktop.qtsupport.event_loop import HookedQEventLoop


def make_qasync_loop() -> HookedQEventLoop:
    app = QApplication.instance() or QApplication([])
    return HookedQEventLoop(app)
