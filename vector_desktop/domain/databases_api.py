"""What the databases feature offers the rest of the app (the Databases panel, `vector-desktop db`, the chat's tool
registry): one façade over the saved connections, their sessions and their queries.

The façade's coroutines may be awaited on any asyncio loop (the GUI's qasync loop, `asyncio.run` on the command
line, the connectors' loop for AI tool calls): every blocking driver call runs on a worker thread of the session it
uses and comes back through `asyncio.wrap_future`, and the service keeps no loop-bound objects (no asyncio.Lock
made on one loop and used on another). Listener methods are called on the thread of the loop that made the change:
Qt receivers get them through signals (queued across threads).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from vector_desktop.domain.databases import (
    ConnectionConfig,
    ConnectionDraft,
    HistoryEntry,
    QueryRun,
    SavedQuery,
    SchemaInfo,
    TableDetail,
    TableInfo,
    TestReport,
)

PAGE_SIZE = 500  # rows fetched per page by the grid and the command line
MAX_SESSIONS_PER_CONNECTION = 4


class DatabasesListener:
    """Events from the databases service. Override what you need."""

    def connections_changed(self) -> None:
        """A connection was added, edited, removed or tested: read `connections()` again."""

    def history_changed(self, connection_id: int) -> None:
        """A statement was run on the connection (editor, command line or AI)."""

    def saved_queries_changed(self) -> None: ...


class QueryHandle(Protocol):
    """One statement run by the service, holding one session of its connection until closed (a server-side
    cursor: rows come in pages, never all in memory). Made by `DatabasesApi.run` / `browse` once the statement has
    started returning (or finished, for a statement with no rows)."""

    @property
    def run(self) -> QueryRun:
        """Columns, rows fetched so far, elapsed time, done."""
        ...

    async def fetch(self, size: int = 500) -> list[tuple[Any, ...]]:
        """The next page (empty at the end; then `run.done`). Raises DatabaseError (cancelled, timed out...)."""
        ...

    async def cancel(self) -> None:
        """Stop the statement on the server (returns quickly; the pending `fetch` raises QueryCancelledError)."""
        ...

    async def close(self) -> None:
        """Close the cursor, end its transaction and give the session back (idempotent)."""
        ...


class DatabasesApi(Protocol):
    """services/databases/databases_service.py implements it. Errors are DatabaseError subclasses whose text is a
    sentence for the user."""

    def add_listener(self, listener: DatabasesListener) -> None: ...

    def remove_listener(self, listener: DatabasesListener) -> None: ...

    # ------------------------------------------------------------------ connections (memory, any thread)
    def connections(self) -> list[ConnectionConfig]:
        """Saved connections by name, with "default" (from DATABASE_URL) first when it is set."""
        ...

    def connection(self, connection_id: int) -> ConnectionConfig:
        """Raises ConnectionNotFoundError."""
        ...

    def find(self, name_or_key: str) -> ConnectionConfig:
        """By name (as on the command line) or `db:<id>` key. Raises ConnectionNotFoundError."""
        ...

    # ------------------------------------------------------------------ life cycle
    async def open(self) -> None:
        """Read the saved connections (and DATABASE_URL). No network."""
        ...

    async def close(self) -> None:
        """Cancel running statements, close every session (bounded wait)."""
        ...

    # ------------------------------------------------------------------ editing
    async def add(self, draft: ConnectionDraft) -> ConnectionConfig:
        """Validate, store without secrets, put the password / key in the keychain. Raises
        ConnectionValidationError (with the field) for a bad draft or a name already used."""
        ...

    async def add_url(self, name: str, url: str, *, writable: bool = False) -> ConnectionConfig:
        """`postgresql://user:pass@host:port/db?sslmode=require`, `mysql://...`, `mariadb://...`,
        `supabase://...` or an https Supabase project URL: the password goes to the keychain and is stripped."""
        ...

    async def update(self, connection_id: int, draft: ConnectionDraft) -> ConnectionConfig: ...

    async def remove(self, connection_id: int) -> None:
        """Close its sessions, delete the row, its history and saved queries, and its keychain entries."""
        ...

    async def test(self, connection_id: int) -> TestReport:
        """Connect and report; the outcome (ok or the error's sentence) is stored as "last tested"."""
        ...

    async def test_draft(self, draft: ConnectionDraft, connection_id: int | None = None) -> TestReport:
        """Test what the dialog holds before saving (secrets None = the saved ones of `connection_id`)."""
        ...

    # ------------------------------------------------------------------ schema (lazy)
    async def schemas(self, connection_id: int) -> list[SchemaInfo]: ...

    async def tables(self, connection_id: int, schema: str) -> list[TableInfo]: ...

    async def describe(self, connection_id: int, schema: str, table: str) -> TableDetail: ...

    # ------------------------------------------------------------------ queries
    async def run(
        self,
        connection_id: int,
        sql: str,
        params: Sequence[Any] | None = None,
        *,
        origin: str = "editor",
        read_only: bool | None = None,
        timeout_s: float | None = None,
    ) -> QueryHandle:
        """Start one statement on a session of its own. `read_only` None = the connection's flag; False on a
        read-only connection raises ReadOnlyViolationError before anything is sent. Recorded in the history
        (with its duration and rows once the handle is closed). `timeout_s` None = the QUERY_TIMEOUT default."""
        ...

    async def browse(self, connection_id: int, schema: str, table: str) -> QueryHandle:
        """The rows of a table (the schema tree's double click)."""
        ...

    async def explain(self, connection_id: int, sql: str, params: Sequence[Any] | None = None) -> str: ...

    # ------------------------------------------------------------------ history and saved queries
    async def history(self, connection_id: int, *, text: str = "", limit: int = 200) -> list[HistoryEntry]: ...

    async def saved_queries(self, connection_id: int | None = None) -> list[SavedQuery]: ...

    async def save_query(
        self, name: str, sql: str, connection_id: int | None, query_id: int | None = None
    ) -> SavedQuery: ...

    async def delete_saved_query(self, query_id: int) -> None: ...
