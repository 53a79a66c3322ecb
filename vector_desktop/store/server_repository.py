"""The user-added AI servers in the local store (implements domain.ai_servers.ServerStore).

Every method opens its own short session and commits before returning. API keys are not stored here.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.ai_servers import AIServer, ServerNotFoundError, ServerValidationError
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_servers import AIServerRow
from vector_desktop.store.timestamps import aware


def _server(row: AIServerRow) -> AIServer:
    return AIServer(
        id=row.id,
        name=row.name,
        base_url=row.base_url,
        has_key=row.has_key,
        enabled=row.enabled,
        created=aware(row.created_at),
        updated=aware(row.updated_at),
    )


def _name_taken(name: str) -> ServerValidationError:
    return ServerValidationError("name", f"There is already a server named “{name}”. Choose another name.")


class ServerRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def list_servers(self) -> list[AIServer]:
        with self._sessions() as session:
            return [_server(row) for row in session.scalars(select(AIServerRow).order_by(AIServerRow.id))]

    def get_server(self, server_id: int) -> AIServer | None:
        with self._sessions() as session:
            row = session.get(AIServerRow, server_id)
            return _server(row) if row is not None else None

    def add_server(self, name: str, base_url: str, *, has_key: bool, enabled: bool = True) -> AIServer:
        now = utcnow()
        try:
            with self._sessions.begin() as session:
                row = AIServerRow(
                    name=name, base_url=base_url, has_key=has_key, enabled=enabled, created_at=now, updated_at=now
                )
                session.add(row)
                session.flush()
                return _server(row)
        except IntegrityError as error:
            raise _name_taken(name) from error

    def update_server(
        self,
        server_id: int,
        *,
        name: str | None = None,
        base_url: str | None = None,
        has_key: bool | None = None,
        enabled: bool | None = None,
    ) -> AIServer:
        try:
            with self._sessions.begin() as session:
                row = session.get(AIServerRow, server_id)
                if row is None:
                    raise ServerNotFoundError(server_id)
                if name is not None:
                    row.name = name
                if base_url is not None:
                    row.base_url = base_url
                if has_key is not None:
                    row.has_key = has_key
                if enabled is not None:
                    row.enabled = enabled
                row.updated_at = utcnow()
                session.flush()
                return _server(row)
        except IntegrityError as error:
            raise _name_taken(name or "") from error

    def delete_server(self, server_id: int) -> AIServer | None:
        """Remove the row; returns what it was (None when there was none)."""
        with self._sessions.begin() as session:
            row = session.get(AIServerRow, server_id)
            if row is None:
                return None
            server = _server(row)
            session.delete(row)
            return server
