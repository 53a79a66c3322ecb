"""The `send_email` tool for the chat (implements domain.connectors_api.ToolSource). Declared destructive and not
read-only, so the policy engine asks the user every time. The tool only queues the message in the outbox (the
outbox sends it, in order, and keeps it through a crash); the model gets "queued as #id".

Every call is recorded as a ConnectorToolAction before and after, like a connector's."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from vector_desktop.domain.connectors import (
    ActionFilter,
    ConnectorInfo,
    ConnectorKind,
    ConnectorState,
    ElicitationAsker,
    ToolAction,
    ToolActionStore,
    ToolNotFound,
)
from vector_desktop.domain.connectors_api import ToolRun
from vector_desktop.domain.email import EMAIL_CONNECTOR_KEY, EmailApi, EmailDraft, EmailError
from vector_desktop.domain.tool_records import ToolCallRecorder
from vector_desktop.domain.tools import ToolAnnotations, ToolResult, ToolSpec, ToolStatus

TOOL_NAME = "send_email"
QUALIFIED_NAME = f"{EMAIL_CONNECTOR_KEY}__{TOOL_NAME}"
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "to": {"type": "string", "description": "Recipient address(es), separated by commas."},
        "subject": {"type": "string", "description": "The subject line."},
        "body": {"type": "string", "description": "The message, in Markdown (sent as text and as HTML)."},
    },
    "required": ["to", "subject", "body"],
}
DESCRIPTION = (
    "Send an email from the user's configured address (the user is asked to allow every message). The message "
    "is queued in the outbox and sent in the background; the result gives its outbox number."
)
ANNOTATIONS = ToolAnnotations(title="Send email", read_only=False, destructive=True, idempotent=False, open_world=True)
# The connectors' enum gains EMAIL when the lead adds it; until then the tool shows as a command-like source.
_KIND = ConnectorKind.EMAIL


class EmailTools:
    def __init__(
        self,
        email: EmailApi,
        actions: ToolActionStore,
        *,
        scrub_arguments: Callable[[dict[str, Any]], dict[str, Any]] = dict,
    ) -> None:
        self._email = email
        self._recorder = ToolCallRecorder(actions, scrub_arguments=scrub_arguments)

    def connectors(self) -> list[ConnectorInfo]:
        sender = self._email.from_address()
        return [
            ConnectorInfo(
                key=EMAIL_CONNECTOR_KEY,
                kind=_KIND,
                name="Email",
                state=ConnectorState.READY,
                enabled=True,
                connected=bool(sender),
                tool_count=1,
                enabled_tool_count=1,
                detail=sender or "Set DEFAULT_FROM_EMAIL in Settings → Email",
                needs_network=True,
            )
        ]

    def tools(self, connector_key: str | None = None) -> list[ToolSpec]:
        if connector_key not in (None, EMAIL_CONNECTOR_KEY):
            return []
        wire = {"name": QUALIFIED_NAME, "description": DESCRIPTION, "parameters": SCHEMA}
        return [
            ToolSpec(
                connector_key=EMAIL_CONNECTOR_KEY,
                name=TOOL_NAME,
                qualified_name=QUALIFIED_NAME,
                description=DESCRIPTION,
                title="Send email",
                input_schema=SCHEMA,
                annotations=ANNOTATIONS,
                token_cost=max(1, len(json.dumps(wire)) // 4),
            )
        ]

    async def call_tool(
        self,
        qualified_name: str,
        arguments: dict[str, Any],
        *,
        origin: str,
        allowed_by: str,
        timeout: float | None = None,
        elicitation: ElicitationAsker | None = None,
    ) -> ToolRun:
        if qualified_name != QUALIFIED_NAME:
            raise ToolNotFound(f"There is no email tool named {qualified_name}.")
        call = self._recorder.start(
            connector_key=EMAIL_CONNECTOR_KEY,
            connector_name="Email",
            tool_name=TOOL_NAME,
            qualified_name=qualified_name,
            arguments=arguments,
            origin=origin,
            allowed_by=allowed_by,
        )
        try:
            draft = _draft(arguments)
            queued = await self._email.queue(draft)
        except EmailError as error:
            message = str(error)
            finished = call.finish(ToolStatus.FAILED, error=message)
            return ToolRun(
                finished, ToolResult(ToolStatus.FAILED, is_error=True, error=message, duration_ms=call.elapsed_ms)
            )
        text = f"queued as #{queued.id}"
        value = {"status": "queued", "outbox_id": queued.id, "to": list(queued.recipients)}
        finished = call.finish(ToolStatus.SUCCEEDED, result=json.dumps(value), summary=text)
        return ToolRun(
            finished, ToolResult(ToolStatus.SUCCEEDED, structured=value, text=text, duration_ms=call.elapsed_ms)
        )

    async def history(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]:  # noqa: B008
        return self._recorder.history(query, lambda key: key == EMAIL_CONNECTOR_KEY)


def _draft(arguments: dict[str, Any]) -> EmailDraft:
    from vector_desktop.domain.email import split_addresses

    to = split_addresses(str(arguments.get("to") or ""))
    subject = str(arguments.get("subject") or "").strip()
    body = str(arguments.get("body") or "")
    if not subject and not body.strip():
        raise EmailError("The message has neither a subject nor a body.")
    return EmailDraft(to=to, subject=subject, body=body, source="ai")
