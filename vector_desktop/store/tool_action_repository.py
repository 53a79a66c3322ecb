"""The ConnectorToolAction rows: every tool run, written as running before the call and finished after it
(implements domain.connectors.ToolActionStore)."""

from __future__ import annotations

import json
from typing import cast

from sqlalchemy import Table, bindparam, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.connectors import ActionFilter, ConnectorError, ToolAction
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_connectors import ConnectorToolAction
from vector_desktop.store.timestamps import aware

FINISHED_COLUMNS = ("status", "finished_at", "duration_ms", "summary", "result_json", "result_truncated", "error")
_TABLE = cast(Table, ConnectorToolAction.__table__)
# Built once: statements with bound parameters skip SQLAlchemy's per-call coercion of `.values(...)`.
_START = _TABLE.insert()
_FINISH = (
    _TABLE.update()
    .where(_TABLE.c.id == bindparam("action_id"))
    .values({name: bindparam(name) for name in FINISHED_COLUMNS})
    .returning(
        _TABLE.c.connector_key,
        _TABLE.c.connector_name,
        _TABLE.c.tool_name,
        _TABLE.c.qualified_name,
        _TABLE.c.arguments_json,
        _TABLE.c.origin,
        _TABLE.c.allowed_by,
        _TABLE.c.started_at,
    )
)


def _arguments(text: str | None) -> dict:
    try:
        arguments = json.loads(text or "{}")
    except ValueError:
        arguments = {}
    return arguments if isinstance(arguments, dict) else {"value": arguments}


def _action(row: ConnectorToolAction) -> ToolAction:
    return ToolAction(
        id=row.id,
        connector_key=row.connector_key,
        connector_name=row.connector_name,
        tool_name=row.tool_name,
        qualified_name=row.qualified_name,
        arguments=_arguments(row.arguments_json),
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
        self._engine = sessions.kw["bind"]

    # start/finish run around every tool call: plain Core statements on one connection, and the returned record is
    # built from what was written (no read back), so recording costs a fraction of a millisecond.
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
        started_at = utcnow()
        arguments_json = json.dumps(arguments, ensure_ascii=False, default=str)
        with self._engine.begin() as connection:
            action_id = connection.execute(
                _START,
                {
                    "connector_key": connector_key,
                    "connector_name": connector_name,
                    "tool_name": tool_name,
                    "qualified_name": qualified_name,
                    "arguments_json": arguments_json,
                    "status": ToolStatus.RUNNING.value,
                    "origin": origin,
                    "allowed_by": allowed_by,
                    "started_at": started_at,
                    "summary": "",
                    "result_truncated": False,
                    "error": "",
                },
            ).inserted_primary_key[0]
        return ToolAction(
            id=int(action_id),
            connector_key=connector_key,
            connector_name=connector_name,
            tool_name=tool_name,
            qualified_name=qualified_name,
            arguments=_arguments(arguments_json),
            status=ToolStatus.RUNNING,
            origin=origin,
            allowed_by=allowed_by,
            started_at=started_at,
        )

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
        finished_at = utcnow()
        with self._engine.begin() as connection:
            row = connection.execute(
                _FINISH,
                {
                    "action_id": action_id,
                    "status": status.value,
                    "finished_at": finished_at,
                    "duration_ms": duration_ms,
                    "summary": summary,
                    "result_json": result_json,
                    "result_truncated": result_truncated,
                    "error": error,
                },
            ).one_or_none()
        if row is None:
            raise ConnectorError("The record of this tool run was removed.")
        return ToolAction(
            id=action_id,
            connector_key=row.connector_key,
            connector_name=row.connector_name,
            tool_name=row.tool_name,
            qualified_name=row.qualified_name,
            arguments=_arguments(row.arguments_json),
            status=status,
            origin=row.origin,
            allowed_by=row.allowed_by,
            started_at=aware(row.started_at),
            finished_at=finished_at,
            duration_ms=duration_ms,
            summary=summary,
            result_json=result_json,
            result_truncated=result_truncated,
            error=error,
        )

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
