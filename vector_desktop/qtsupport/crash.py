"""Uncaught exceptions: log them, then show the crash dialog on the GUI thread.

Covers sys.excepthook (GUI-thread code, slots), threading.excepthook (workers) and the asyncio loop's exception
handler (tasks nobody awaited). The dialog itself is supplied by the composition root (views are not imported here).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("vector_desktop.crash")


@dataclass(frozen=True)
class CrashReport:
    summary: str
    details: str
    where: str


def build_report(exc_type: type[BaseException], value: BaseException, tb: TracebackType | None) -> CrashReport:
    frames = traceback.extract_tb(tb)
    where = f"{frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name}" if frames else "unknown location"
    summary = f"{exc_type.__name__}: {value}"
    details = "".join(traceback.format_exception(exc_type, value, tb))
    return CrashReport(summary, details, where)


class CrashHandler(QObject):
    """Create on the GUI thread. `show` is called there with each report (scrub before showing)."""

    _report_ready = Signal(object)

    def __init__(
        self,
        show: Callable[[CrashReport], None],
        scrub: Callable[[str], str] = lambda text: text,
        capture: Callable[[BaseException], object] | None = None,
    ) -> None:
        super().__init__()
        self._show = show
        self._scrub = scrub
        self._capture = capture
        self._showing = False
        self._previous: tuple[Any, Any] | None = None
        self._report_ready.connect(self._present)

    def set_scrubber(self, scrub: Callable[[str], str]) -> None:
        self._scrub = scrub

    def set_capture(self, capture: Callable[[BaseException], object]) -> None:
        self._capture = capture

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        if loop is not None:
            loop.set_exception_handler(self._loop_hook)

    def uninstall(self) -> None:
        if self._previous:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(self, exc_type: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            return
        report = build_report(exc_type, value, tb)
        report = CrashReport(self._scrub(report.summary), self._scrub(report.details), self._scrub(report.where))
        log.error("uncaught exception at %s\n%s", report.where, report.details)
        if self._capture is not None:
            try:
                self._capture(value)
            except Exception:  # reporting must never crash the crash handler
                log.exception("crash report capture failed")
        self._report_ready.emit(report)  # queued to the GUI thread when raised elsewhere

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _loop_hook(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, asyncio.CancelledError):
            return
        if error is None:
            log.error("event loop: %s", context.get("message"))
            return
        self.handle(type(error), error, error.__traceback__)

    def _present(self, report: CrashReport) -> None:
        if self._showing:  # one dialog at a time; later reports are in the log
            return
        self._showing = True
        try:
            self._show(report)
        finally:
            self._showing = False
