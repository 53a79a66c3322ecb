"""The tool calls under way in one ChatService: each runs in a task of its own, so that its row's Stop cancels it
alone (not the answer), and every failure becomes an outcome the model and the user can read. A call is started
before the caller goes on (with a ChatToolbox: on the connectors' loop already), and its row can be finished there
by a RowFinisher as soon as the outcome is known, without a hop back to the chat's loop and on to the store's."""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import logging
import threading
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

from vector_desktop.ai.types import ToolCall
from vector_desktop.domain.chat import ToolCallRecord, ToolOutcome
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.tools import ToolStatus

if TYPE_CHECKING:
    from vector_desktop.services.chat.chat_answer_stream import ChatAnswerStream

log = logging.getLogger(__name__)
T = TypeVar("T")

TOOL_STOPPED = "You stopped this tool call."
TOOL_STOPPED_FOR_MODEL = (
    "The user stopped this tool call before it finished; whether it had any effect is not known. Do not call it "
    "again unless the user asks."
)


@runtime_checkable
class StartsCalls(Protocol):
    """services.chat_tools' ChatToolbox.start: a call begun before it returns, `then` run where it ends."""

    def start(
        self,
        conversation_id: str,
        call_id: str,
        name: str,
        arguments: dict[str, Any],
        *,
        then: Callable[[ToolOutcome], None] | None = None,
    ) -> Awaitable[ToolOutcome]: ...


class RowFinisher(Generic[T]):
    """`then` of a call: writes the call's row from its outcome (`write`, blocking) on the thread where the call
    ended, unless the chat closed it first (Stop, the app closing). `closed()` says what was written, if anything,
    so that the chat uses it, or undoes what it no longer wants; nothing is written after it."""

    def __init__(self, write: Callable[[ToolOutcome], T]) -> None:
        self._write = write
        self._lock = threading.Lock()  # never held during the write: the chat's loop must not wait on the store
        self._closed = False
        self._writing: concurrent.futures.Future[tuple[ToolOutcome, T] | None] | None = None
        self._done: tuple[ToolOutcome, T] | None = None

    def __call__(self, outcome: ToolOutcome) -> None:
        with self._lock:
            if self._closed:
                return
            writing = self._writing = concurrent.futures.Future()
        done = None
        try:
            done = (outcome, self._write(outcome))
        except Exception:  # the chat writes the row itself, the usual way (and meets the error there)
            log.warning("a tool row could not be finished where its call ended", exc_info=True)
        with self._lock:
            self._done, self._writing = done, None
        writing.set_result(done)

    async def closed(self) -> tuple[ToolOutcome, T] | None:
        with self._lock:
            self._closed = True
            writing, done = self._writing, self._done
        return await asyncio.wrap_future(writing) if writing is not None else done


class RunningToolCalls:
    """Runs calls with the service's tools (read at each call) and keeps the running ones by tool row id."""

    def __init__(self, service: ChatAnswerStream) -> None:
        self._service = service
        self._calls: dict[int, asyncio.Task[ToolOutcome]] = {}  # running calls by tool row id
        self._stopping: set[int] = set()
        self._begun: set[int] = set()  # calls whose task took its first step

    def running(self) -> set[int]:
        return set(self._calls)

    def stop(self, row_id: int) -> bool:
        """Cancel one running call; False when that call is not running."""
        task = self._calls.get(row_id)
        if task is None or task.done():
            return False
        self._stopping.add(row_id)
        if row_id in self._begun:
            task.cancel()
        else:  # a task cancelled before its first step would not see why: after it (its step is queued first)
            asyncio.get_running_loop().call_soon(task.cancel)
        return True

    async def run(self, row_id: int, conversation_id: str, record: ToolCallRecord) -> ToolOutcome:
        return await self.start(row_id, conversation_id, record)

    def start(
        self,
        row_id: int,
        conversation_id: str,
        record: ToolCallRecord,
        then: Callable[[ToolOutcome], None] | None = None,
    ) -> asyncio.Task[ToolOutcome]:
        """The call in a task of its own, begun now; stopped by `stop`, it returns an outcome telling the model so.
        `then`: see StartsCalls (with other tools, not run)."""
        work = self._begin(conversation_id, record, then)
        task = asyncio.ensure_future(self._run(row_id, work, record))
        self._calls[row_id] = task
        task.add_done_callback(partial(self._ended, row_id, work))
        return task

    async def _run(
        self, row_id: int, work: Awaitable[ToolOutcome] | ToolOutcome, record: ToolCallRecord
    ) -> ToolOutcome:
        self._begun.add(row_id)
        try:
            return work if isinstance(work, ToolOutcome) else await work
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if row_id in self._stopping and current is not None and current.cancelling() <= 1:
                current.uncancel()  # the row's Stop alone: the answer goes on
                return ToolOutcome(TOOL_STOPPED_FOR_MODEL, status=ToolStatus.CANCELLED, error=TOOL_STOPPED)
            raise
        except Exception as error:
            return _failed(record, error)
        finally:
            self._forget(row_id, asyncio.current_task())

    def _ended(self, row_id: int, work: Awaitable[ToolOutcome] | ToolOutcome, task: asyncio.Task[ToolOutcome]) -> None:
        if self._calls.get(row_id) is not task:
            return
        self._forget(row_id, task)  # cancelled before its first step: what was started must not run on
        if isinstance(work, asyncio.Future):
            work.cancel()
        elif inspect.iscoroutine(work):
            work.close()

    def _forget(self, row_id: int, task: asyncio.Task[Any] | None) -> None:
        if self._calls.get(row_id) is task:
            del self._calls[row_id]
            self._stopping.discard(row_id)
            self._begun.discard(row_id)

    def _begin(
        self, conversation_id: str, record: ToolCallRecord, then: Callable[[ToolOutcome], None] | None
    ) -> Awaitable[ToolOutcome] | ToolOutcome:
        tools = self._service._tools
        if tools is None:
            return ToolOutcome("No tools are available.", error="No tools are available in this app.")
        try:
            arguments = ToolCall(record.id, record.name, record.arguments).parsed_arguments()
        except ValueError:
            return ToolOutcome(
                f"The arguments for {record.name} were not valid JSON; nothing was run.",
                error="The model sent arguments that are not valid JSON; nothing was run.",
            )
        try:
            if isinstance(tools, StartsCalls):
                return tools.start(conversation_id, record.id, record.name, arguments, then=then)
            return tools.call(conversation_id, record.id, record.name, arguments)
        except Exception as error:
            return _failed(record, error)


def _failed(record: ToolCallRecord, error: Exception) -> ToolOutcome:
    if isinstance(error, VectorError):
        return ToolOutcome(f"The tool {record.name} failed: {error}", status=ToolStatus.FAILED, error=str(error))
    log.error("tool %s failed", record.name, exc_info=error)
    sentence = f"The tool {record.name} failed ({type(error).__name__})."
    return ToolOutcome(sentence, status=ToolStatus.FAILED, error=sentence)
