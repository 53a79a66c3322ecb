"""Saved database connections, their history and saved queries in the local store (implements
domain.databases.ConnectionStore).

Every method opens its own short session and commits before returning. No secret is written here: of a draft's
password and API key only whether there is one is kept (`has_password` / `has_api_key`: the caller puts the value in
the keychain). The DATABASE_URL connection (DEFAULT_CONNECTION_ID) has no row; its history and
saved queries are kept with `default_connection` set (see tables_databases).
"""

from __future__ import annotations

from sqlalchemy import and_, delete, false, or_, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from vector_desktop.domain.databases import (
    DEFAULT_CONNECTION_ID,
    ConnectionConfig,
    ConnectionDraft,
    ConnectionNotFoundError,
    ConnectionValidationError,
    HistoryEntry,
    SavedQuery,
    TestOutcome,
)
from vector_desktop.store.database_connection_rows import COLUMNS, connection_config, saved_connections
from vector_desktop.store.engine import OpenedStore
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_databases import DatabaseConnectionRow, DatabaseQueryHistoryRow, DatabaseSavedQueryRow
from vector_desktop.store.timestamps import aware


def _config(row: DatabaseConnectionRow) -> ConnectionConfig:
    return connection_config({name: getattr(row, name) for name in COLUMNS})


def _secret_flag(value: str | None, before: bool | None, *, new: bool) -> bool | None:
    """Whether the keychain will hold a secret the draft gives as `value`: None leaves it as it was (nothing, for a
    new connection), "" deletes it, text stores it."""
    if value is None:
        return False if new else before
    return bool(value)


def _fill(row: DatabaseConnectionRow, draft: ConnectionDraft, *, new: bool = False) -> None:
    row.name = draft.name
    row.kind = draft.kind.value
    row.host = draft.host
    row.port = draft.port
    row.database = draft.database
    row.username = draft.user
    row.tls_mode = draft.tls_mode.value
    row.ca_file = draft.ca_file
    row.color = draft.color.value
    row.read_only = draft.read_only
    row.supabase_url = draft.supabase_url
    row.expose_to_ai = draft.expose_to_ai
    row.has_password = _secret_flag(draft.password, row.has_password, new=new)
    row.has_api_key = _secret_flag(draft.api_key, row.has_api_key, new=new)


def _history(row: DatabaseQueryHistoryRow) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        connection_id=DEFAULT_CONNECTION_ID if row.connection_id is None else row.connection_id,
        sql=row.sql,
        ran_at=aware(row.ran_at),
        duration_ms=row.duration_ms,
        rows=row.rows,
        error=row.error,
        origin=row.origin,
    )


def _saved(row: DatabaseSavedQueryRow) -> SavedQuery:
    connection_id = DEFAULT_CONNECTION_ID if row.default_connection else row.connection_id
    return SavedQuery(
        id=row.id, connection_id=connection_id, name=row.name, sql=row.sql, updated_at=aware(row.updated_at)
    )


def _name_taken(name: str) -> ConnectionValidationError:
    return ConnectionValidationError("name", f"There is already a connection named “{name}”. Choose another name.")


def _gone() -> ConnectionNotFoundError:
    return ConnectionNotFoundError("This connection was removed in the meantime.")


def _is_default(connection_id: int | None) -> bool:
    return connection_id == DEFAULT_CONNECTION_ID


def _owner(
    table: type[DatabaseQueryHistoryRow] | type[DatabaseSavedQueryRow], connection_id: int
) -> ColumnElement[bool]:
    if _is_default(connection_id):
        return and_(table.connection_id.is_(None), table.default_connection.is_(true()))
    return table.connection_id == connection_id


class DatabaseRepository:
    def __init__(self, store: OpenedStore) -> None:
        self._store = store
        self._sessions = store.sessions

    # -- connections

    def connections(self) -> list[ConnectionConfig]:
        return saved_connections(self._store)

    def connection(self, connection_id: int) -> ConnectionConfig | None:
        with self._sessions() as session:
            row = session.get(DatabaseConnectionRow, connection_id)
            return _config(row) if row is not None else None

    def _find(self, session: Session, name: str) -> DatabaseConnectionRow | None:
        for row in session.scalars(select(DatabaseConnectionRow)):
            if row.name.casefold() == name.casefold():
                return row
        return None

    def add_connection(self, draft: ConnectionDraft) -> ConnectionConfig:
        try:
            with self._sessions.begin() as session:
                if self._find(session, draft.name) is not None:
                    raise _name_taken(draft.name)
                now = utcnow()
                row = DatabaseConnectionRow(created_at=now, updated_at=now, last_test_message="")
                _fill(row, draft, new=True)
                session.add(row)
                session.flush()
                return _config(row)
        except IntegrityError as error:
            raise _name_taken(draft.name) from error

    def update_connection(self, connection_id: int, draft: ConnectionDraft) -> ConnectionConfig:
        try:
            with self._sessions.begin() as session:
                other = self._find(session, draft.name)
                if other is not None and other.id != connection_id:
                    raise _name_taken(draft.name)
                row = session.get(DatabaseConnectionRow, connection_id)
                if row is None:
                    raise _gone()
                changed_target = (row.kind, row.host, row.port, row.database, row.username, row.supabase_url) != (
                    draft.kind.value,
                    draft.host,
                    draft.port,
                    draft.database,
                    draft.user,
                    draft.supabase_url,
                )
                _fill(row, draft)
                if changed_target:  # "last tested" spoke of another server
                    row.last_tested_at, row.last_test_ok, row.last_test_message = None, None, ""
                row.updated_at = utcnow()
                session.flush()
                return _config(row)
        except IntegrityError as error:
            raise _name_taken(draft.name) from error

    def delete_connection(self, connection_id: int) -> None:
        with self._sessions.begin() as session:
            # The foreign keys cascade too; deleting explicitly keeps this right on a store opened without them.
            session.execute(
                delete(DatabaseQueryHistoryRow).where(DatabaseQueryHistoryRow.connection_id == connection_id)
            )
            session.execute(delete(DatabaseSavedQueryRow).where(DatabaseSavedQueryRow.connection_id == connection_id))
            session.execute(delete(DatabaseConnectionRow).where(DatabaseConnectionRow.id == connection_id))

    def record_test(self, connection_id: int, outcome: TestOutcome) -> None:
        with self._sessions.begin() as session:
            row = session.get(DatabaseConnectionRow, connection_id)
            if row is None:
                return
            row.last_tested_at = outcome.at
            row.last_test_ok = outcome.ok
            row.last_test_message = outcome.message

    # -- history

    def add_history(
        self,
        connection_id: int,
        sql: str,
        *,
        duration_ms: int | None,
        rows: int | None,
        error: str,
        origin: str,
        keep: int = 500,
    ) -> HistoryEntry:
        default = _is_default(connection_id)
        with self._sessions.begin() as session:
            if not default and session.get(DatabaseConnectionRow, connection_id) is None:
                raise _gone()
            row = DatabaseQueryHistoryRow(
                connection_id=None if default else connection_id,
                default_connection=default,
                sql=sql,
                ran_at=utcnow(),
                duration_ms=duration_ms,
                rows=rows,
                error=error,
                origin=origin,
            )
            session.add(row)
            session.flush()
            entry = _history(row)
            owner = _owner(DatabaseQueryHistoryRow, connection_id)
            kept = (
                select(DatabaseQueryHistoryRow.id)
                .where(owner)
                .order_by(DatabaseQueryHistoryRow.ran_at.desc(), DatabaseQueryHistoryRow.id.desc())
                .limit(max(keep, 1))
            )
            session.execute(
                delete(DatabaseQueryHistoryRow).where(owner, DatabaseQueryHistoryRow.id.not_in(kept.scalar_subquery()))
            )
            return entry

    def history(self, connection_id: int, *, text: str = "", limit: int = 200) -> list[HistoryEntry]:
        query = select(DatabaseQueryHistoryRow).where(_owner(DatabaseQueryHistoryRow, connection_id))
        if text:
            query = query.where(DatabaseQueryHistoryRow.sql.icontains(text, autoescape=True))
        query = query.order_by(DatabaseQueryHistoryRow.ran_at.desc(), DatabaseQueryHistoryRow.id.desc()).limit(limit)
        with self._sessions() as session:
            return [_history(row) for row in session.scalars(query)]

    # -- saved queries

    def saved_queries(self, connection_id: int | None = None) -> list[SavedQuery]:
        """Those of every connection (None), or those of one connection with those meant for any connection."""
        query = select(DatabaseSavedQueryRow)
        if connection_id is not None:
            anywhere = and_(
                DatabaseSavedQueryRow.connection_id.is_(None), DatabaseSavedQueryRow.default_connection.is_(false())
            )
            query = query.where(or_(_owner(DatabaseSavedQueryRow, connection_id), anywhere))
        with self._sessions() as session:
            found = [_saved(row) for row in session.scalars(query)]
        return sorted(found, key=lambda q: (q.name.casefold(), q.id))

    def save_query(self, name: str, sql: str, connection_id: int | None, query_id: int | None = None) -> SavedQuery:
        default = _is_default(connection_id)
        with self._sessions.begin() as session:
            if connection_id is not None and not default and session.get(DatabaseConnectionRow, connection_id) is None:
                raise _gone()
            now = utcnow()
            row = session.get(DatabaseSavedQueryRow, query_id) if query_id is not None else None
            if query_id is not None and row is None:
                raise ConnectionValidationError("name", "This saved query was deleted in the meantime.")
            if row is None:
                row = DatabaseSavedQueryRow(created_at=now)
                session.add(row)
            row.name = name
            row.sql = sql
            row.connection_id = None if default else connection_id
            row.default_connection = default
            row.updated_at = now
            session.flush()
            return _saved(row)

    def delete_saved_query(self, query_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(DatabaseSavedQueryRow).where(DatabaseSavedQueryRow.id == query_id))
