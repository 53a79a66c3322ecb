"""Long tool calls in the job pool: a chat tool call still running after a couple of seconds is handed to the pool
as a `chat.tool_call` job, so it shows in the Jobs panel (with its tool and elapsed time) and can be cancelled there
like any other background work.

The call itself keeps running where it started (on the connectors' loop); the job adopts it: it waits on the pool's
worker thread for the call's future, and cancelling the job cancels the call, which the chat then records as
stopped. Short calls never become jobs (a job row per call would cost every tool round a store write). The job is
not idempotent and never retried: after a crash it is not run again (the chat shows the call as interrupted).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import threading
from typing import Any

from vector_desktop.domain.errors import JobCancelled
from vector_desktop.domain.jobs import JobContext, JobQueue

CHAT_TOOL_CALL = "chat.tool_call"
LONG_CALL_S = 2.0
CANCEL_POLL_S = 0.2
STOPPED_FROM_JOBS = "The tool call was stopped from the Jobs panel."
GONE = "The tool call had already ended."


class LongCalls:
    """Hands calls that run long to the job pool. `register(registry)` once; `watch(future, title)` per call."""

    def __init__(self, jobs: JobQueue, *, after_s: float = LONG_CALL_S) -> None:
        self._jobs = jobs
        self.after_s = after_s
        self._lock = threading.Lock()
        self._waiting: dict[str, concurrent.futures.Future[Any]] = {}
        self._tokens = itertools.count(1)

    def register(self, registry: Any) -> None:
        registry.register(CHAT_TOOL_CALL, self._task, title="Tool call in chat")

    def watch(self, future: concurrent.futures.Future[Any], title: str) -> asyncio.TimerHandle:
        """On the running loop: if `future` is not done after `after_s`, submit a job that adopts it. Cancel the
        returned handle when the call ends first."""
        loop = asyncio.get_running_loop()
        return loop.call_later(self.after_s, self._hand_over, future, title)

    def _hand_over(self, future: concurrent.futures.Future[Any], title: str) -> None:
        if future.done():
            return
        token = str(next(self._tokens))
        with self._lock:
            self._waiting[token] = future
        future.add_done_callback(lambda _f: self._forget(token))
        self._jobs.apply_async(CHAT_TOOL_CALL, kwargs={"token": token, "tool": title}, title=f"Tool call: {title}")

    def _forget(self, token: str) -> None:
        with self._lock:
            self._waiting.pop(token, None)

    def _task(self, ctx: JobContext, token: str, tool: str = "") -> dict[str, Any]:
        with self._lock:
            future = self._waiting.get(token)
        if future is None:
            return {"tool": tool, "status": GONE}
        ctx.progress(0.0, f"Running {tool} for the chat")
        while True:
            done, _pending = concurrent.futures.wait([future], timeout=CANCEL_POLL_S)
            if done:
                break
            if ctx.cancelled:
                future.cancel()
                ctx.check()
                raise JobCancelled(STOPPED_FROM_JOBS)
        if future.cancelled():
            raise JobCancelled(STOPPED_FROM_JOBS)
        error = future.exception()
        if error is not None:
            return {"tool": tool, "status": "failed", "error": str(error)}
        outcome = future.result()  # the call's ToolOutcome
        status = getattr(outcome, "status", None)
        return {"tool": tool, "status": getattr(status, "value", "finished")}
