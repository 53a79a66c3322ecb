"""The ConnectorToolAction rows: every tool run, written as running before the call and finished after it
(implements domain.connectors.ToolActionStore)."""

from __future__ import annotations

import json

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.connectors import ActionFilter, ConnectorError, ToolAction
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_connectors import ConnectorToolAction
from vector_desktop.store.timestamps import aware


def _action(row: ConnectorToolAction) -> ToolAction:
    try:
        arguments = json.loads(row.arguments_json or "{}")
    except ValueError:
        arguments = {}
    return ToolAction(
        id=row.id,
        connector_key=row.connector_key,
        connector_name=row.connector_name,
        tool_name=row.tool_name,
        qualified_name=row.qualified_name,
        arguments=arguments if isinstance(arguments, dict) else {"value": arguments},
        status=ToolStatus(row.status),
        origin=row.origin,
        allowed_by=row.allowed_by,
        started_at=aware(row.started_at),
        finished_at=aware(row.finished_at),
        duration_ms=row.duration_ms,
        summary=row.summary,
        result_json=row.result_json,
        result_truncated=row.result_truncated,
        error=row.error,
    )


class ToolActionRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def start_action(
        self,
        *,
        connector_key: str,
        connector_name: str,
        tool_name: str,
        qualified_name: str,
        arguments: dict,
        origin: str,
        allowed_by: str,
    ) -> ToolAction:
        with self._sessions.begin() as session:
            row = ConnectorToolAction(
                connector_key=connector_key,
                connector_name=connector_name,
                tool_name=tool_name,
                qualified_name=qualified_name,
                arguments_json=json.dumps(arguments, ensure_ascii=False, default=str),
                status=ToolStatus.RUNNING.value,
                origin=origin,
                allowed_by=allowed_by,
                started_at=utcnow(),
                summary="",
                result_truncated=False,
                error="",
            )
            session.add(row)
            session.flush()
            return _action(row)

    def finish_action(
        self,
        action_id: int,
        *,
        status: ToolStatus,
        duration_ms: int,
        summary: str,
        result_json: str | None,
        result_truncated: bool,
        error: str,
    ) -> ToolAction:
        with self._sessions.begin() as session:
            row = session.get(ConnectorToolAction, action_id)
            if row is None:
                raise ConnectorError("The record of this tool run was removed.")
            row.status = status.value
            row.finished_at = utcnow()
            row.duration_ms = duration_ms
            row.summary = summary
            row.result_json = result_json
            row.result_truncated = result_truncated
            row.error = error
            session.flush()
            return _action(row)

    def get_action(self, action_id: int) -> ToolAction | None:
        with self._sessions() as session:
            row = session.get(ConnectorToolAction, action_id)
            return _action(row) if row is not None else None

    def list_actions(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]:  # noqa: B008
        statement = select(ConnectorToolAction)
        if query.connector_key:
            statement = statement.where(ConnectorToolAction.connector_key == query.connector_key)
        if query.status is not None:
            statement = statement.where(ConnectorToolAction.status == query.status.value)
        if query.text.strip():
            pattern = f"%{query.text.strip()}%"
            statement = statement.where(
                or_(
                    ConnectorToolAction.tool_name.ilike(pattern),
                    ConnectorToolAction.connector_name.ilike(pattern),
                    ConnectorToolAction.summary.ilike(pattern),
                    ConnectorToolAction.error.ilike(pattern),
                )
            )
        statement = statement.order_by(ConnectorToolAction.id.desc()).limit(query.limit)
        with self._sessions() as session:
            return [_action(row) for row in session.scalars(statement)]

    def mark_interrupted(self, message: str) -> int:
        with self._sessions.begin() as session:
            result = session.execute(
                update(ConnectorToolAction)
                .where(ConnectorToolAction.status == ToolStatus.RUNNING.value)
                .values(status=ToolStatus.INTERRUPTED.value, error=message, finished_at=utcnow())
            )
            return int(getattr(result, "rowcount", 0) or 0)
