"""The connectors' own thread: a plain asyncio loop that runs every MCP session, stdio child process and Merge
request, so a slow server never touches the GUI thread (implements domain ConnectorsRuntime)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


class LoopThread:
    """A daemon thread running `asyncio.new_event_loop()`. Started by `start()` or by the first `submit()`."""

    def __init__(self, name: str = "connectors") -> None:
        self._name = name
        self._loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def in_loop_thread(self) -> bool:
        return self._thread is not None and threading.current_thread() is self._thread

    def start(self) -> LoopThread:
        with self._lock:
            if self._stopped:
                raise RuntimeError("the connectors' loop was stopped")
            if self._thread is None:
                ready = threading.Event()
                self._thread = threading.Thread(target=self._main, args=(ready,), name=self._name, daemon=True)
                self._thread.start()
                ready.wait()
        return self

    def _main(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.call_soon(ready.set)
        try:
            self._loop.run_forever()
        finally:
            self._finish_pending()

    def _finish_pending(self) -> None:
        """On the loop's thread, after it stopped: let cancelled tasks unwind, then close the loop."""
        loop = self._loop
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        with contextlib.suppress(Exception):
            if pending:
                loop.run_until_complete(asyncio.wait(pending, timeout=2.0))
            loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        if self._stopped:
            coro.close()
            raise RuntimeError("the connectors' loop was stopped")
        self.start()
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        if self.in_loop_thread():
            coro.close()
            raise RuntimeError("run() would block the connectors' own loop; await the coroutine instead")
        future = self.submit(coro)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise TimeoutError(f"no answer from the connectors' loop within {timeout} s") from None
        except BaseException:
            future.cancel()  # KeyboardInterrupt while waiting: the coroutine must not run on
            raise

    def call_soon(self, callback: Callable[[], Any]) -> None:
        self.start()
        self._loop.call_soon_threadsafe(callback)

    def stop(self, timeout: float = 5.0) -> None:
        """Cancel what still runs on the loop, stop it and wait (at most about `timeout` s) for the thread."""
        if self.in_loop_thread():
            raise RuntimeError("stop() must be called from another thread")
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            thread = self._thread
        if thread is None:
            self._loop.close()
            return
        cancelled = asyncio.run_coroutine_threadsafe(_cancel_others(timeout / 2), self._loop)
        try:
            cancelled.result(timeout / 2 + 0.5)
        except (concurrent.futures.TimeoutError, concurrent.futures.CancelledError):
            log.warning("connectors: tasks did not finish within %.1f s after being cancelled", timeout / 2)
        self._loop.call_soon_threadsafe(self._loop.stop)
        thread.join(timeout / 2)
        if thread.is_alive():
            log.warning("connectors: the loop thread did not stop within %.1f s", timeout)


async def _cancel_others(timeout: float) -> None:
    current = asyncio.current_task()
    tasks = [task for task in asyncio.all_tasks() if task is not current and not task.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=timeout)
