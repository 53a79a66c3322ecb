"""The tool calls under way in one ChatService: each runs in a task of its own, so that its row's Stop cancels it
alone (not the answer), and every failure becomes an outcome the model and the user can read."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from vector_desktop.ai.types import ToolCall
from vector_desktop.domain.chat import ToolCallRecord, ToolOutcome
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.tools import ToolStatus

if TYPE_CHECKING:
    from vector_desktop.services.chat.chat_answer_stream import ChatAnswerStream

log = logging.getLogger(__name__)

TOOL_STOPPED = "You stopped this tool call."
TOOL_STOPPED_FOR_MODEL = (
    "The user stopped this tool call before it finished; whether it had any effect is not known. Do not call it "
    "again unless the user asks."
)


class RunningToolCalls:
    """Runs calls with the service's tools (read at each call) and keeps the running ones by tool row id."""

    def __init__(self, service: ChatAnswerStream) -> None:
        self._service = service
        self._calls: dict[int, asyncio.Task[ToolOutcome]] = {}  # running calls by tool row id
        self._stopping: set[int] = set()

    def running(self) -> set[int]:
        return set(self._calls)

    def stop(self, row_id: int) -> bool:
        """Cancel one running call; False when that call is not running."""
        task = self._calls.get(row_id)
        if task is None or task.done():
            return False
        self._stopping.add(row_id)
        task.cancel()
        return True

    async def run(self, row_id: int, conversation_id: str, record: ToolCallRecord) -> ToolOutcome:
        """The call in a task of its own; stopped by `stop`, it returns an outcome telling the model so."""
        task = asyncio.ensure_future(self._outcome(conversation_id, record))
        self._calls[row_id] = task
        try:
            return await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if row_id in self._stopping and task.cancelled() and not (current is not None and current.cancelling()):
                return ToolOutcome(TOOL_STOPPED_FOR_MODEL, status=ToolStatus.CANCELLED, error=TOOL_STOPPED)
            if not task.done():
                task.cancel()
            raise
        finally:
            self._calls.pop(row_id, None)
            self._stopping.discard(row_id)

    async def _outcome(self, conversation_id: str, record: ToolCallRecord) -> ToolOutcome:
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
            return await tools.call(conversation_id, record.id, record.name, arguments)
        except VectorError as error:
            return ToolOutcome(f"The tool {record.name} failed: {error}", status=ToolStatus.FAILED, error=str(error))
        except Exception as error:
            log.exception("tool %s failed", record.name)
            sentence = f"The tool {record.name} failed ({type(error).__name__})."
            return ToolOutcome(sentence, status=ToolStatus.FAILED, error=sentence)
