"""Child process for bench/startup.py: prints 'painted' at the first paint of a main window, then exits.

python bench/first_paint_probe.py bare                 # a bare QMainWindow (the baseline)
python bench/first_paint_probe.py app --profile DIR    # Vector Desktop's real start-up path
python bench/first_paint_probe.py ready --profile DIR  # the same, printing 'ready' when GuiSession.ready is set
python bench/first_paint_probe.py complete --profile DIR  # ... printing 'complete' when every panel is built
python bench/first_paint_probe.py chat_shown --profile DIR  # ... 'chat_shown' when the chat's first load is done

The paint is seen by an event filter on the main window only, installed as it is shown. A filter on the whole
application made shiboken wrap every object any event went to; one of a Qt-private class (a QListWidget's model)
made it create every class of QtCore/QtGui/QtWidgets with their enums (~45 ms): a cost of the probe, not the app's.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            os._exit(0)
        return False


def watch_main_windows(probe: FirstPaint) -> None:
    """Every QMainWindow (the app's is a subclass) gets the probe's filter when it is first shown."""
    show = QWidget.show

    def show_watched(window: QWidget) -> None:
        window.installEventFilter(probe)
        show(window)

    QMainWindow.show = show_watched  # type: ignore[method-assign]


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    probe = FirstPaint()
    if mode not in ("ready", "complete", "chat_shown"):
        watch_main_windows(probe)
    if mode == "bare":
        window = QMainWindow()
        window.resize(1100, 720)
        window.show()
        app.exec()
    else:
        from vector_desktop.app import main as app_main

        if mode in ("ready", "complete"):
            print_at(mode)
        elif mode == "chat_shown":
            print_when_chat_shown()
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


def print_when_chat_shown() -> None:
    """`chat_shown`: the chat's first load is done (conversation list read, model picker filled, the last
    conversation's page shown): print 'chat_shown' and exit."""
    from vector_desktop.presentation.chat.chat_vm_conversations import ChatConversationsPart

    load = ChatConversationsPart._load

    async def load_then_report(self: ChatConversationsPart, select: str) -> None:
        await load(self, select)
        print("chat_shown", flush=True)
        os._exit(0)

    ChatConversationsPart._load = load_then_report  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
