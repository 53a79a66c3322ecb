"""View-model of the Databases panel: the saved connections (add, edit, test, delete), the schema tree, the editor
tabs' query sessions, the history and the saved queries. Every action is a coroutine of the DatabasesApi run as a
task this object owns (cancelled on close); failures reach the panel as the service's sentences."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from vector_desktop.domain.databases import (
    ConnectionConfig,
    ConnectionDraft,
    ConnectionValidationError,
    DatabaseError,
    TestReport,
)
from vector_desktop.domain.databases_api import DatabasesApi
from vector_desktop.presentation.databases.connections_model import ConnectionsModel
from vector_desktop.presentation.databases.databases_events import DatabaseCalls, DatabasesEventBridge
from vector_desktop.presentation.databases.history_model import HistoryModel, SavedQueriesModel
from vector_desktop.presentation.databases.query_session import QuerySession
from vector_desktop.presentation.databases.schema_filter import SchemaFilterProxy
from vector_desktop.presentation.databases.schema_model import SchemaModel

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DatabasesViewModel", text)


def report_text(report: TestReport) -> str:
    """ "Connected to PostgreSQL 15.19 as app in 4 ms · encrypted (TLSv1.3) · can write"."""
    text = _tr("Connected to %1").replace("%1", report.server_version)
    if report.user:
        text += " " + _tr("as %1").replace("%1", report.user)
    text += " " + _tr("in %1 ms").replace("%1", str(round(report.latency_ms)))
    parts = [text]
    if report.tls:
        parts.append(_tr("encrypted") + (f" ({report.tls_detail})" if report.tls_detail else ""))
    else:
        parts.append(_tr("not encrypted"))
    parts.append(_tr("can write") if report.can_write else _tr("read-only user"))
    return " · ".join(parts)


class DatabasesViewModel(QObject):
    error_occurred = Signal(str)
    message = Signal(str)
    connections_reloaded = Signal()
    connection_saved = Signal(object)  # ConnectionConfig
    connection_failed = Signal(str, str)  # field ("" when the problem is not one field's), sentence
    draft_tested = Signal(bool, str)  # worked, the report or the server's sentence
    test_finished = Signal(int, bool, str)  # connection id, worked, the report or the sentence
    busy_changed = Signal(int, bool)  # connection id, an action on it runs

    def __init__(
        self, api: DatabasesApi, *, events: DatabasesEventBridge | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._api = api
        self.calls = DatabaseCalls(self.error_occurred.emit)
        self._closers = DatabaseCalls(lambda text: log.info("closing a query: %s", text))
        self.events = events or DatabasesEventBridge(self)
        self.model = ConnectionsModel(self)
        self.schema = SchemaModel(api, self)
        self.schema_proxy = SchemaFilterProxy(self)
        self.schema_proxy.setSourceModel(self.schema)
        self.history = HistoryModel(self)
        self.saved = SavedQueriesModel(self)
        self._history_connection: int | None = None
        self._history_text = ""
        self._sessions: list[QuerySession] = []
        self._busy: set[int] = set()
        self.schema.load_failed.connect(self.error_occurred)
        self.events.connections_changed.connect(self.reload)
        self.events.history_changed.connect(self._history_changed)
        self.events.saved_queries_changed.connect(lambda: self.load_saved_queries())
        api.add_listener(self.events.listener)

    # -- connections (memory: cheap)
    @Slot()
    def reload(self) -> None:
        connections = self._api.connections()
        self.model.set_connections(connections)
        self.schema.set_connections(connections)
        self.connections_reloaded.emit()

    def config(self, connection_id: int) -> ConnectionConfig | None:
        return self.model.config(connection_id)

    def is_busy(self, connection_id: int) -> bool:
        return connection_id in self._busy

    def _track(self, connection_id: int, busy: bool) -> None:
        if busy:
            self._busy.add(connection_id)
        else:
            self._busy.discard(connection_id)
        self.busy_changed.emit(connection_id, busy)

    # -- editing
    def add_connection(self, draft: ConnectionDraft) -> asyncio.Task[Any] | None:
        return self.calls.start(self._save(None, draft), "databases-add")

    def update_connection(self, connection_id: int, draft: ConnectionDraft) -> asyncio.Task[Any] | None:
        return self.calls.start(self._save(connection_id, draft), "databases-update")

    async def _save(self, connection_id: int | None, draft: ConnectionDraft) -> None:
        try:
            if connection_id is None:
                config = await self._api.add(draft)
            else:
                config = await self._api.update(connection_id, draft)
        except ConnectionValidationError as error:
            self.connection_failed.emit(error.field, str(error))
            return
        except DatabaseError as error:
            self.connection_failed.emit("", str(error))
            return
        self.reload()
        if connection_id is not None:
            self.schema.reload(connection_id)  # the server or the database may have changed
        self.connection_saved.emit(config)

    def remove(self, connection_id: int) -> asyncio.Task[Any] | None:
        config = self.config(connection_id)
        name = config.name if config is not None else str(connection_id)

        async def work() -> None:
            for session in [s for s in self._sessions if s.connection_id == connection_id]:
                self.close_session(session)
            await self._api.remove(connection_id)
            self.reload()
            self.message.emit(_tr("%1 was removed.").replace("%1", name))

        return self._on(connection_id, work(), "databases-remove")

    def test(self, connection_id: int) -> asyncio.Task[Any] | None:
        async def work() -> None:
            try:
                report = await self._api.test(connection_id)
            except DatabaseError as error:
                self.reload()
                self.test_finished.emit(connection_id, False, str(error))
                return
            self.reload()
            self.test_finished.emit(connection_id, True, report_text(report))

        return self._on(connection_id, work(), "databases-test")

    def test_draft(self, draft: ConnectionDraft, connection_id: int | None = None) -> asyncio.Task[Any] | None:
        async def work() -> None:
            try:
                report = await self._api.test_draft(draft, connection_id)
            except DatabaseError as error:
                self.draft_tested.emit(False, str(error))
                return
            self.draft_tested.emit(True, report_text(report))

        return self.calls.start(work(), "databases-test-draft")

    def _on(self, connection_id: int, coro: Coroutine[Any, Any, None], name: str) -> asyncio.Task[Any] | None:
        async def guarded() -> None:
            self._track(connection_id, True)
            try:
                await coro
            finally:
                self._track(connection_id, False)

        return self.calls.start(guarded(), name)

    # -- schema
    def load_schema(self, connection_id: int) -> None:
        """Load the connection's schemas unless they are loaded or loading."""
        index = self.schema.connection_index(connection_id)
        if index.isValid() and self.schema.canFetchMore(index):
            self.schema.fetchMore(index)

    def refresh_schema(self, connection_id: int) -> None:
        self.schema.reload(connection_id)

    def set_schema_filter(self, text: str, connection_id: int | None) -> None:
        if text.strip() and connection_id is not None:
            self.schema.load_tables_of_loaded_schemas(connection_id)
        self.schema_proxy.set_text(text)

    # -- editor tabs
    def new_session(self, connection_id: int) -> QuerySession:
        session = QuerySession(self._api, connection_id, self)
        self._sessions.append(session)
        return session

    def close_session(self, session: QuerySession) -> None:
        """Stop what the tab's session runs and give its server session back (once; later calls do nothing)."""
        if session not in self._sessions:
            return
        self._sessions.remove(session)
        closing = session.close()
        if closing is not None:
            self._closers.start(closing, "databases-close-query")
        session.deleteLater()

    # -- history and saved queries
    def load_history(self, connection_id: int, text: str = "") -> asyncio.Task[Any] | None:
        self._history_connection = connection_id
        self._history_text = text

        async def work() -> None:
            entries = await self._api.history(connection_id, text=text)
            if self._history_connection == connection_id and self._history_text == text:
                self.history.set_entries(entries)

        return self.calls.start(work(), "databases-history")

    def _history_changed(self, connection_id: int) -> None:
        if connection_id == self._history_connection:
            self.load_history(connection_id, self._history_text)

    def load_saved_queries(self) -> asyncio.Task[Any] | None:
        async def work() -> None:
            self.saved.set_queries(await self._api.saved_queries(None))

        return self.calls.start(work(), "databases-saved")

    def save_query(
        self, name: str, sql: str, connection_id: int | None, query_id: int | None = None
    ) -> asyncio.Task[Any] | None:
        async def work() -> None:
            saved = await self._api.save_query(name.strip(), sql, connection_id, query_id)
            self.saved.set_queries(await self._api.saved_queries(None))
            self.message.emit(_tr("Saved as “%1”.").replace("%1", saved.name))

        if not name.strip():
            self.error_occurred.emit(_tr("Give the query a name."))
            return None
        return self.calls.start(work(), "databases-save-query")

    def delete_saved_query(self, query_id: int) -> asyncio.Task[Any] | None:
        async def work() -> None:
            await self._api.delete_saved_query(query_id)
            self.saved.set_queries(await self._api.saved_queries(None))

        return self.calls.start(work(), "databases-delete-query")

    # -- life
    def close(self) -> None:
        for session in list(self._sessions):
            self.close_session(session)
        self.schema.close()
        self.calls.close()
        with contextlib.suppress(KeyError, ValueError):
            self._api.remove_listener(self.events.listener)
        for signal in (
            self.events.connections_changed,
            self.events.history_changed,
            self.events.saved_queries_changed,
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()
