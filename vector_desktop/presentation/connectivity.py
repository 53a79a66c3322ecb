"""Online/offline state for the outbox and the status bar, re-checked on a timer (more often while offline)."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)


class CheckResult(Protocol):
    @property
    def online(self) -> bool: ...
    @property
    def reason(self) -> str: ...


class Checker(Protocol):
    """vector_desktop.services.connectivity.ConnectivityChecker"""

    forced_offline: bool

    async def check(self) -> CheckResult: ...


class ConnectivityMonitor(QObject):
    """`online_changed(online, reason)` is emitted after the first check and whenever the state flips.

    Until the first check finishes the app is assumed online (unless --offline), so start-up never waits.
    """

    online_changed = Signal(bool, str)
    checked = Signal(bool, str)  # after every check, for a status-bar tooltip

    def __init__(
        self,
        checker: Checker,
        parent: QObject | None = None,
        *,
        online_interval_ms: int = 120_000,
        offline_interval_ms: int = 30_000,
    ) -> None:
        super().__init__(parent)
        self._checker = checker
        self._online = not checker.forced_offline
        self._reason = ""
        self._first = True
        self._running = False
        self._task: asyncio.Task[None] | None = None
        self.online_interval_ms = online_interval_ms
        self.offline_interval_ms = offline_interval_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)

    @property
    def online(self) -> bool:
        return self._online

    @property
    def reason(self) -> str:
        return self._reason

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Begin checking (call after the first paint, e.g. QTimer.singleShot(0, monitor.start))."""
        if self._running:
            return
        self._running = True
        self.check_now()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()

    def check_now(self) -> asyncio.Task[None] | None:
        """Check at once (e.g. after a request failed); returns the running check. No-op before start()."""
        if not self._running:
            return None
        if self._task is not None and not self._task.done():
            return self._task
        self._timer.stop()
        self._task = asyncio.ensure_future(self._run_check())
        return self._task

    async def _run_check(self) -> None:
        try:
            result = await self._checker.check()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a checker bug must not stop the timer; treat as offline and say why
            log.exception("connectivity check failed")
            self._apply(False, f"The connection check failed ({type(error).__name__}).")
        else:
            self._apply(result.online, result.reason)
        finally:
            if self._running and not self._checker.forced_offline:
                interval = self.online_interval_ms if self._online else self.offline_interval_ms
                self._timer.start(interval)

    def _apply(self, online: bool, reason: str) -> None:
        changed = online != self._online or self._first
        self._first = False
        self._online = online
        self._reason = reason
        if changed:
            log.info("connectivity: %s (%s)", "online" if online else "offline", reason)
            self.online_changed.emit(online, reason)
        self.checked.emit(online, reason)
