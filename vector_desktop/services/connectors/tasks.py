"""Background-job tasks of the connectors: `connectors.run_tool` (a tool run started from the Connectors panel) and
`connectors.refresh` (detecting the Merge pack's connectors and fetching tools again: at start when online, on demand).

Register once at start-up: `register_connector_tasks(registry, runtime, service, elicitation=asker)`. The task runs
the call on the connectors' loop and waits for it on the pool's worker thread; cancelling the job cancels the call
(the service records it as cancelled). Runs are never retried: a tool may have done its work before failing.
The result names the recorded ConnectorToolAction: `{"action_id", "status", "error", "auth"}`.
"""

from __future__ import annotations

import concurrent.futures
from typing import Any, TypeVar

from vector_desktop.domain.connectors import ElicitationAsker
from vector_desktop.domain.connectors_api import (
    ALLOWED_IN_PANEL,
    ALLOWED_ON_COMMAND_LINE,
    ConnectorsApi,
    ConnectorsRuntime,
    ToolRun,
)
from vector_desktop.domain.errors import JobCancelled
from vector_desktop.domain.jobs import JobContext
from vector_desktop.jobs.registry import TaskRegistry

RUN_TOOL = "connectors.run_tool"
REFRESH = "connectors.refresh"
REFRESH_MERGE = "merge:"  # the `connector_key` of a refresh of every Merge connector (the pack's detection)
T = TypeVar("T")
CANCEL_POLL_S = 0.2  # how soon a cancelled job stops waiting for its call


def run_result(run: ToolRun) -> dict[str, Any]:
    auth = run.result.auth
    return {
        "action_id": run.action.id,
        "status": run.action.status.value,
        "error": run.result.error or run.action.error,
        "auth": None
        if auth is None
        else {
            "connector": auth.connector,
            "message": auth.message,
            "magic_link_url": auth.magic_link_url,
            "link_token": auth.link_token,
        },
    }


def register_connector_tasks(
    registry: TaskRegistry,
    runtime: ConnectorsRuntime,
    service: ConnectorsApi,
    *,
    elicitation: ElicitationAsker | None = None,
) -> None:
    def run_tool(
        ctx: JobContext,
        qualified_name: str,
        arguments: dict[str, Any],
        origin: str = "panel",
        timeout: float | None = None,
    ) -> dict[str, Any]:
        allowed_by = ALLOWED_ON_COMMAND_LINE if origin == "cli" else ALLOWED_IN_PANEL
        ctx.progress(0.0, f"Running {qualified_name}")
        future = runtime.submit(
            service.call_tool(
                qualified_name,
                dict(arguments),
                origin=origin,
                allowed_by=allowed_by,
                timeout=timeout,
                elicitation=elicitation,
            )
        )
        return run_result(wait_cancellable(ctx, future, "The run was cancelled."))

    def refresh(ctx: JobContext, connector_key: str = "") -> dict[str, Any]:
        ctx.progress(0.0, "Fetching connectors and tools")
        wait_cancellable(ctx, runtime.submit(service.refresh(connector_key or None)), "The refresh was cancelled.")
        return {"connectors": len(service.connectors()), "tools": len(service.tools())}

    registry.register(RUN_TOOL, run_tool, title="Run a connector tool")
    # Not re-queued after a crash: the next start refreshes anyway.
    registry.register(REFRESH, refresh, title="Refresh connectors")


def wait_cancellable(ctx: JobContext, future: concurrent.futures.Future[T], cancelled: str) -> T:
    """Wait on the pool's worker thread for work running on the connectors' loop; cancelling the job cancels it."""
    while True:
        done, _pending = concurrent.futures.wait([future], timeout=CANCEL_POLL_S)
        if done:
            break
        if ctx.cancelled:
            future.cancel()
            ctx.check()
            raise JobCancelled(cancelled)
    try:
        return future.result()
    except concurrent.futures.CancelledError:
        raise JobCancelled(cancelled) from None
