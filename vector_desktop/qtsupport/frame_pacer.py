"""Apply a view's changes at most once a frame: a burst of changes (a tool round's rows: the answer started,
finished, the tool row added, finished, the next answer...) costs one relayout and one repaint per frame instead of
one per change, and no state is painted that lasts less than a frame. The first change after a quiet frame is
applied at once, so a click still shows its effect in the same frame."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

FRAME_MS = 16  # a 60 Hz display


class FramePacer(QObject):
    def __init__(
        self,
        apply: Callable[[], None],
        frame_ms: int = FRAME_MS,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self._frame_s = frame_ms / 1000
        self._clock = clock
        self._last = -math.inf
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.flush)

    def request(self) -> None:
        """Changes are waiting: apply them now when the last run is a frame ago, else when this frame ends."""
        if self._timer.isActive():
            return
        wait = self._last + self._frame_s - self._clock()
        if wait <= 0:
            self.flush()
        else:
            self._timer.start(max(1, math.ceil(wait * 1000)))

    def flush(self) -> None:
        """Apply what waits now (e.g. before the view is replaced)."""
        self._timer.stop()
        self._last = self._clock()
        self._apply()
