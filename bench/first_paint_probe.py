"""Child process for bench/startup.py: prints 'painted' at the first paint of a main window, then exits.

python bench/first_paint_probe.py bare                 # a bare QMainWindow (the baseline)
python bench/first_paint_probe.py app --profile DIR    # Vector Desktop's real start-up path
python bench/first_paint_probe.py ready --profile DIR  # the same, printing 'ready' when GuiSession.ready is set
python bench/first_paint_probe.py complete --profile DIR  # ... printing 'complete' when every panel is built
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_paint = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
        if is_paint and isinstance(watched.window(), QMainWindow):
            print("painted", flush=True)
            os._exit(0)
        return False


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    probe = FirstPaint()
    if mode not in ("ready", "complete"):
        app.installEventFilter(probe)
    if mode == "bare":
        window = QMainWindow()
        window.resize(1100, 720)
        window.show()
        app.exec()
    else:
        from vector_desktop.app import main as app_main

        if mode in ("ready", "complete"):
            print_at(mode)
        app_main(sys.argv[2:])


def print_at(event: str) -> None:
    """`ready`: `GuiSession.ready` set (the panel shown answers input: store open, its services up). `complete`:
    `GuiSession.complete` set (every panel and service built). Print the event's name then and exit."""
    from vector_desktop.gui import GuiSession

    finish = GuiSession.finish_startup

    async def finish_then_report(self: GuiSession) -> None:
        def on_event() -> None:
            print(event, flush=True)
            os._exit(0)

        getattr(self, event).set = on_event
        await finish(self)

    GuiSession.finish_startup = finish_then_report  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
