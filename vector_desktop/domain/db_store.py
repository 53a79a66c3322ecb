"""The port the store implements (store/database_repository.py): saved connections, the history of statements run
and saved queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from vector_desktop.domain.db_connections import ConnectionConfig, ConnectionDraft


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    connection_id: int
    sql: str
    ran_at: datetime
    duration_ms: int | None = None
    rows: int | None = None
    error: str = ""
    origin: str = "editor"  # "editor", "cli", or a conversation id (AI)


@dataclass(frozen=True)
class SavedQuery:
    id: int
    connection_id: int | None  # None = any connection
    name: str
    sql: str
    updated_at: datetime | None = None


@dataclass(frozen=True)
class TestOutcome:
    """Stored after each test: shown as "last tested" in the connections list."""

    ok: bool
    message: str
    at: datetime


class ConnectionStore(Protocol):
    """store/database_repository.py: connections, history, saved queries (blocking SQLite calls)."""

    def connections(self) -> list[ConnectionConfig]: ...

    def connection(self, connection_id: int) -> ConnectionConfig | None: ...

    def add_connection(self, draft: ConnectionDraft) -> ConnectionConfig:
        """Stores every field but the secrets: of the draft's password/api_key only whether there is one."""
        ...

    def update_connection(self, connection_id: int, draft: ConnectionDraft) -> ConnectionConfig: ...

    def delete_connection(self, connection_id: int) -> None:
        """Deletes the connection with its history and its saved queries."""
        ...

    def record_test(self, connection_id: int, outcome: TestOutcome) -> None: ...

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
        """Appends, keeping the latest `keep` entries of the connection."""
        ...

    def history(self, connection_id: int, *, text: str = "", limit: int = 200) -> list[HistoryEntry]:
        """Newest first."""
        ...

    def saved_queries(self, connection_id: int | None = None) -> list[SavedQuery]: ...

    def save_query(self, name: str, sql: str, connection_id: int | None, query_id: int | None = None) -> SavedQuery: ...

    def delete_saved_query(self, query_id: int) -> None: ...
