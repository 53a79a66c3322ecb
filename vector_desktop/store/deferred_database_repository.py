"""The saved connections for a `db` command, without waiting for SQLAlchemy: they are listed with sqlite3 at once,
and DatabaseRepository (SQLAlchemy, ~150 ms to import) is loaded when first needed, or on a thread of its own from
`load_in_background()` on, so that the command's statement runs meanwhile and its history is written at the end."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from vector_desktop.domain.databases import ConnectionConfig, ConnectionDraft, HistoryEntry, SavedQuery, TestOutcome
from vector_desktop.store.database_connection_rows import saved_connections
from vector_desktop.store.deferred import Once

if TYPE_CHECKING:
    from vector_desktop.store.database_repository import DatabaseRepository
    from vector_desktop.store.engine import OpenedStore


class DeferredDatabaseRepository:
    """domain.databases.ConnectionStore over a DatabaseRepository made when first needed."""

    def __init__(self, store: OpenedStore) -> None:
        self._store = store
        self._made = Once(self._load)

    def load_in_background(self) -> None:
        """Start loading on a thread of its own; a caller that needs the repository meanwhile waits for it."""
        threading.Thread(target=self._made.get, name="store-load", daemon=True).start()

    def _load(self) -> DatabaseRepository:
        from vector_desktop.store.database_repository import DatabaseRepository

        repository = DatabaseRepository(self._store)
        self._store.loader.get()  # the engine too, not only the imports
        return repository

    def _repository(self) -> DatabaseRepository:
        return self._made.get()

    def connections(self) -> list[ConnectionConfig]:
        return saved_connections(self._store)

    def connection(self, connection_id: int) -> ConnectionConfig | None:
        return self._repository().connection(connection_id)

    def add_connection(self, draft: ConnectionDraft) -> ConnectionConfig:
        return self._repository().add_connection(draft)

    def update_connection(self, connection_id: int, draft: ConnectionDraft) -> ConnectionConfig:
        return self._repository().update_connection(connection_id, draft)

    def delete_connection(self, connection_id: int) -> None:
        self._repository().delete_connection(connection_id)

    def record_test(self, connection_id: int, outcome: TestOutcome) -> None:
        self._repository().record_test(connection_id, outcome)

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
        return self._repository().add_history(
            connection_id, sql, duration_ms=duration_ms, rows=rows, error=error, origin=origin, keep=keep
        )

    def history(self, connection_id: int, *, text: str = "", limit: int = 200) -> list[HistoryEntry]:
        return self._repository().history(connection_id, text=text, limit=limit)

    def saved_queries(self, connection_id: int | None = None) -> list[SavedQuery]:
        return self._repository().saved_queries(connection_id)

    def save_query(self, name: str, sql: str, connection_id: int | None, query_id: int | None = None) -> SavedQuery:
        return self._repository().save_query(name, sql, connection_id, query_id)

    def delete_saved_query(self, query_id: int) -> None:
        self._repository().delete_saved_query(query_id)
