"""Child process for bench/startup.py: prints 'painted' at the first paint of a main window, then exits.

python bench/first_paint_probe.py bare                 # a bare QMainWindow (the baseline)
python bench/first_paint_probe.py app --profile DIR    # Vector Desktop's real start-up path
python bench/first_paint_probe.py ready --profile DIR  # the same, printing 'ready' when GuiSession.ready is set
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
    if mode != "ready":
        app.installEventFilter(probe)
    if mode == "bare":
        window = QMainWindow()
        window.resize(1100, 720)
        window.show()
        app.exec()
    else:
        from vector_desktop.app import main as app_main

        if mode == "ready":
            print_at_ready()
        app_main(sys.argv[2:])


def print_at_ready() -> None:
    """Ready = `GuiSession.ready` set (store open, services up, panels built): print 'ready' then and exit."""
    from vector_desktop.gui import GuiSession

    finish = GuiSession.finish_startup

    async def finish_then_report(self: GuiSession) -> None:
        def on_ready() -> None:
            print("ready", flush=True)
            os._exit(0)

        self.ready.set = on_ready  # type: ignore[method-assign]
        await finish(self)

    GuiSession.finish_startup = finish_then_report  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
