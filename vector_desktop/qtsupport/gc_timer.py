"""Run Python's cyclic garbage collector only on the GUI thread.

Automatic collection runs on whichever thread happens to allocate. When it frees QObjects caught in reference cycles
(closed qasync loops, socket notifiers, timers) on a worker thread, Qt warns "Timers cannot be stopped from another
thread" or crashes. So automatic collection is off and a GUI-thread timer collects by generation thresholds
(the approach qutebrowser takes).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 200  # often enough that each collection has few young objects to look at (~1-2 ms)


class GuiThreadGarbageCollector(QObject):
    def __init__(self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        # Off while the app starts: each pass would walk the many objects the imports make (20-50 ms), and
        # `gc.freeze()` takes them out of the collections once start-up is over.
        self.paused = False

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_if_due(self) -> None:
        if self.paused:
            return
        young, middle, old = gc.get_count()
        if young > self._threshold[0]:
            gc.collect(0)
            if middle > self._threshold[1]:
                gc.collect(1)
                if old > self._threshold[2]:
                    gc.collect(2)
