"""A 1 ms timer on the GUI thread whose tick times tell how long the thread was busy (shared by the benches)."""

from __future__ import annotations

import time

INTERVAL_MS = 1


class TickRecorder:
    """`stalls()` are the gaps between its ticks minus the interval, in ms; `stall_times()` says when each began."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())

    def stall_times(self) -> list[tuple[float, float]]:
        """(ms since start, stall ms) for every gap."""
        first = self.ticks[0]
        return [
            ((before - first) * 1000, max(0.0, (after - before) * 1000 - INTERVAL_MS))
            for before, after in zip(self.ticks, self.ticks[1:], strict=False)
        ]

    def stalls(self) -> list[float]:
        return [stall for _at, stall in self.stall_times()]
