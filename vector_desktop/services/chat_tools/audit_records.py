"""What the audit log says of a chat tool call (from the toolbox's facts, or from the row the call recorded), and
what the user is told of a call the policy refused."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from vector_desktop.domain.connectors import ToolAction
from vector_desktop.domain.tool_policy import AuditRecord, Decision, DecisionKind
from vector_desktop.domain.tools import ToolSpec, ToolStatus
from vector_desktop.services.scrubber import Scrubber
from vector_desktop.services.tool_run_records import scrub_arguments

NOT_ASKED = "no one could be asked"


def audit_record(
    now: datetime,
    scrubber: Scrubber,
    conversation_id: str,
    call_id: str,
    spec: ToolSpec | None,
    name: str,
    arguments: Mapping[str, Any],
    decision: Decision,
    action: ToolAction | None = None,
) -> AuditRecord:
    """The line of one call: from its row when it ran (`action`), else from what the model asked (scrubbed)."""
    schema = spec.input_schema if spec is not None else {}
    return AuditRecord(
        time=now,
        origin=conversation_id,
        qualified_name=action.qualified_name if action is not None else name,
        tool_name=action.tool_name if action is not None else (spec.name if spec is not None else name),
        connector_key=action.connector_key if action is not None else (spec.connector_key if spec else ""),
        arguments=action.arguments if action is not None else scrub_arguments(arguments, schema, scrubber),
        decision=decision.kind.value,
        allowed_by=action.allowed_by if action is not None else decision.allowed_by,
        grant_id=decision.grant.id if decision.grant is not None else None,
        rule_id=decision.rule.id if decision.rule is not None else None,
        status=action.status.value if action is not None else "",
        duration_ms=action.duration_ms if action is not None else None,
        action_id=action.id if action is not None else None,
        error=action.error if action is not None else "",
        extra={"call_id": call_id, "reason": decision.reason} if decision.reason else {"call_id": call_id},
    )


def with_status(record: AuditRecord, status: ToolStatus, error: str) -> AuditRecord:
    return replace(record, status=status.value, error=record.error or error)


def refusal(decision: Decision) -> str:
    """Why a call did not run, for its row."""
    if decision.kind is DecisionKind.DENIED:
        return f"Not allowed: {decision.reason}." if decision.reason else "Not allowed by your tool policy."
    if decision.reason == NOT_ASKED:
        return "Not allowed: this tool asks before it runs, and no one could be asked."
    return "You did not allow this call."
