"""How the app's own tool sources (the databases' tools, email's `send_email`) record a call: a ConnectorToolAction
row written as running before the call and finished after it, like a connector's, so a call cut by a crash shows as
interrupted. The arguments are scrubbed before they are stored; the result's JSON may be capped in length."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from vector_desktop.domain.connectors import ActionFilter, ToolAction, ToolActionStore
from vector_desktop.domain.tools import ToolStatus

SUMMARY_CHARS = 200  # of an error, when the call gives no summary of its own


class ToolCallRecorder:
    def __init__(
        self, actions: ToolActionStore, *, scrub_arguments: Callable[[dict[str, Any]], dict[str, Any]] = dict
    ) -> None:
        self._actions = actions
        self._scrub = scrub_arguments

    def start(
        self,
        *,
        connector_key: str,
        connector_name: str,
        tool_name: str,
        qualified_name: str,
        arguments: dict[str, Any],
        origin: str,
        allowed_by: str,
    ) -> RecordedCall:
        action = self._actions.start_action(
            connector_key=connector_key,
            connector_name=connector_name,
            tool_name=tool_name,
            qualified_name=qualified_name,
            arguments=self._scrub(dict(arguments)),
            origin=origin,
            allowed_by=allowed_by,
        )
        return RecordedCall(self._actions, action)

    def history(self, query: ActionFilter, owns: Callable[[str], bool]) -> list[ToolAction]:
        """The rows `query` finds; without a connector in the query, only those of connectors `owns` says are ours."""
        found = self._actions.list_actions(query)
        return found if query.connector_key else [a for a in found if owns(a.connector_key)]


class RecordedCall:
    """One call's row, running until `finish`; the call's time counts from when the row was written."""

    def __init__(self, actions: ToolActionStore, action: ToolAction) -> None:
        self._actions = actions
        self.action = action
        self._began = time.monotonic()

    @property
    def elapsed_ms(self) -> int:
        return int((time.monotonic() - self._began) * 1000)

    def finish(
        self,
        status: ToolStatus,
        *,
        error: str = "",
        result: str = "",
        summary: str = "",
        result_cap: int | None = None,
    ) -> ToolAction:
        """`result` is the JSON text of the result ("" for none), cut at `result_cap` characters when given."""
        cut = result_cap is not None and len(result) > result_cap
        return self._actions.finish_action(
            self.action.id,
            status=status,
            duration_ms=self.elapsed_ms,
            summary=summary or error[:SUMMARY_CHARS],
            result_json=(result[:result_cap] if cut else result) if result else None,
            result_truncated=cut,
            error=error,
        )
