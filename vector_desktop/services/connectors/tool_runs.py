"""The record of every tool run (ConnectorToolAction rows): written as running before the call, finished after it,
with the arguments scrubbed of secrets and the result capped in size (by services/tool_run_records.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vector_desktop.domain.connectors import ToolAction, ToolActionStore
from vector_desktop.domain.tools import ToolResult, ToolSpec, ToolStatus
from vector_desktop.services.scrubber import Scrubber
from vector_desktop.services.tool_run_records import (
    RESULT_CAP,
    capped_json,
    one_line,
    scrub_arguments,
    scrub_result,
    status_of,
    summary_of,
)

INTERRUPTED = "The app stopped during this call; it was not run again."


class ToolRunRecorder:
    def __init__(self, actions: ToolActionStore, scrubber: Scrubber, *, result_cap: int = RESULT_CAP) -> None:
        self._actions = actions
        self._scrubber = scrubber
        self._cap = result_cap

    def started(
        self, spec: ToolSpec, connector_name: str, arguments: Mapping[str, Any], *, origin: str, allowed_by: str
    ) -> ToolAction:
        return self._actions.start_action(
            connector_key=spec.connector_key,
            connector_name=connector_name,
            tool_name=spec.name,
            qualified_name=spec.qualified_name,
            arguments=scrub_arguments(arguments, spec.input_schema, self._scrubber),
            origin=origin,
            allowed_by=allowed_by,
        )

    def finished(self, action: ToolAction, result: ToolResult, duration_ms: int) -> ToolAction:
        value: Any = result.value
        if result.status is ToolStatus.NEEDS_AUTH and result.structured is None and result.auth is not None:
            value = {"message": result.auth.message, "magic_link_url": result.auth.magic_link_url}
        text, truncated = capped_json(scrub_result(value, self._scrubber), self._cap)
        error = ""
        if result.status is not ToolStatus.SUCCEEDED:
            error = scrub_result(one_line(result.error or result.text, 2000), self._scrubber)
        return self._actions.finish_action(
            action.id,
            status=result.status,
            duration_ms=result.duration_ms or duration_ms,
            summary=scrub_result(summary_of(result), self._scrubber),
            result_json=text,
            result_truncated=truncated,
            error=error,
        )

    def failed(self, action: ToolAction, error: BaseException, duration_ms: int) -> ToolAction:
        status, message = status_of(error)
        return self._actions.finish_action(
            action.id,
            status=status,
            duration_ms=duration_ms,
            summary=one_line(message),
            result_json=None,
            result_truncated=False,
            error=message,
        )

    def mark_interrupted(self) -> int:
        return self._actions.mark_interrupted(INTERRUPTED)
