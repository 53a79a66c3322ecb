"""One editor tab's statements: run (the statement under the cursor, or every statement of the selection one after
the other, the last one's rows shown), browse a table, EXPLAIN, cancel, the elapsed time and rows, and an error with
where the server pointed in the editor. Holds at most one QueryHandle (one session of the connection) at a time and
gives it back before the next statement and on close."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Coroutine, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from vector_desktop.domain.databases import DatabaseError
from vector_desktop.domain.databases_api import DatabasesApi, QueryHandle
from vector_desktop.presentation.databases.databases_events import DatabaseCalls
from vector_desktop.presentation.databases.history_model import duration_text
from vector_desktop.presentation.databases.result_model import ResultModel
from vector_desktop.presentation.databases.statement_at import Statement

log = logging.getLogger(__name__)
TICK_MS = 100


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuerySession", text)


def rows_text(count: int) -> str:
    return _tr("1 row") if count == 1 else _tr("%1 rows").replace("%1", f"{count:,}")


class QuerySession(QObject):
    running_changed = Signal(bool)
    status_changed = Signal(str)  # "1,234 rows · 35 ms", "Running… 2.1 s", "UPDATE 3 · 12 ms"
    failed = Signal(str, int)  # the sentence, and the index in the editor's text the server pointed at (-1: none)
    plan_ready = Signal(str)  # EXPLAIN's text
    finished = Signal()  # a run or browse ended (with rows, without, or failed)

    def __init__(self, api: DatabasesApi, connection_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._api = api
        self.connection_id = connection_id
        self.result = ResultModel(self)
        self._calls = DatabaseCalls(self._report)
        self._handle: QueryHandle | None = None
        self._work: asyncio.Task[Any] | None = None
        self._started = 0.0
        self._elapsed_ms: float | None = None
        self._running = False
        self._cancelling = False
        self._summary = ""
        self._status = ""
        self.error = ""  # the last failure's sentence ("" after a run that worked)
        self.shown_sql = ""  # the statement whose rows the grid shows (what an export runs again)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._show_status)
        self.result.page_loaded.connect(lambda _rows: self._show_status())
        self.result.fetch_failed.connect(self._page_failed)
        self.result.finished.connect(self._all_read)

    # -- state
    @property
    def running(self) -> bool:
        return self._running

    @property
    def status(self) -> str:
        return self._status

    @property
    def elapsed_ms(self) -> float | None:
        return self._elapsed_ms

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            if running:
                self._ticker.start()
            else:
                self._ticker.stop()
            self.running_changed.emit(running)
        self._show_status()

    def _show_status(self) -> None:
        if self._running:
            seconds = (time.perf_counter() - self._started) if self._started else 0.0
            text = _tr("Running… %1 s").replace("%1", f"{seconds:.1f}")
            if self._cancelling:
                text = _tr("Cancelling…")
        elif self.error:
            text = _tr("Failed")
        else:
            text = self._done_text()
        if text != self._status:
            self._status = text
            self.status_changed.emit(text)

    def _done_text(self) -> str:
        took = duration_text(self._elapsed_ms)
        if self.result.columnCount() > 0:
            count = self.result.rowCount()
            if self.result.done:
                rows = rows_text(count)
            else:
                rows = _tr("%1 so far, more as you scroll").replace("%1", rows_text(count))
            parts = [rows, took]
        else:
            parts = [self._summary, took]
        return " · ".join(part for part in parts if part)

    # -- running
    def run(self, statements: Sequence[Statement]) -> asyncio.Task[Any] | None:
        """Run the statements one after the other (each on its own, committed or ended before the next); the
        last one's rows fill the grid. Stops at the first that fails."""
        statements = [statement for statement in statements if statement.text]
        if not statements or self._running:
            return None
        return self._begin(self._run(statements), "query-run")

    def browse(self, schema: str, table: str, sql: str) -> asyncio.Task[Any] | None:
        """The rows of a table; `sql` is the SELECT shown in the editor for them."""
        if self._running:
            return None
        return self._begin(self._browse(schema, table, sql), "query-browse")

    def explain(self, statement: Statement) -> asyncio.Task[Any] | None:
        if self._running or not statement.text:
            return None
        return self._begin(self._explain(statement), "query-explain")

    def cancel(self) -> asyncio.Task[Any] | None:
        """Stop what runs: the server cancels the statement (its session stays usable)."""
        if not self._running:
            return None
        self._cancelling = True
        self._show_status()
        handle = self._handle
        if handle is not None:
            return self._calls.start(handle.cancel(), "query-cancel")
        if self._work is not None:  # the statement has not started returning yet: stop waiting for it
            self._work.cancel()
        return None

    def _begin(self, work: Any, name: str) -> asyncio.Task[Any] | None:
        self.error = ""
        self._summary = ""
        self._elapsed_ms = None
        self._cancelling = False
        self._started = time.perf_counter()
        self._set_running(True)
        task = self._calls.start(self._guarded(work), name)
        self._work = task
        return task

    async def _guarded(self, work: Any) -> None:
        try:
            await work
        except asyncio.CancelledError:
            if self._calls.closed:
                raise
            self._failed(_tr("The query was cancelled."), -1)
        finally:
            self._work = None
            self._cancelling = False
            if self._elapsed_ms is None and self._started:
                self._elapsed_ms = (time.perf_counter() - self._started) * 1000
            if not self._calls.closed:
                self._set_running(False)
                self.finished.emit()

    async def _release(self) -> None:
        """Give the previous statement's session back (in the background: the next statement takes another
        session of the pool meanwhile)."""
        handle, self._handle = self._handle, None
        self.shown_sql = ""
        self.result.clear()
        if handle is not None:
            self._calls.start(_close_quietly(handle), "query-release")

    async def _run(self, statements: Sequence[Statement]) -> None:
        await self._release()
        summaries: list[str] = []
        for position, statement in enumerate(statements):
            try:
                handle = await self._api.run(self.connection_id, statement.text)
            except DatabaseError as error:
                self._statement_failed(error, statement)
                return
            last = position == len(statements) - 1
            if not last:
                summaries.append(handle.run.status)
                await handle.close()
                continue
            self.shown_sql = statement.text
            if not await self._show(handle):
                return
        if len(statements) > 1:
            self._summary = _tr("%1 statements").replace("%1", str(len(statements))) + (
                f" · {self._summary}" if self._summary else ""
            )

    async def _browse(self, schema: str, table: str, sql: str) -> None:
        await self._release()
        self.shown_sql = sql
        try:
            handle = await self._api.browse(self.connection_id, schema, table)
        except DatabaseError as error:
            self._failed(str(error), -1)
            return
        await self._show(handle)

    async def _show(self, handle: QueryHandle) -> bool:
        """Hold the handle and read its first page; False when reading failed."""
        self._handle = handle
        self.result.set_handle(handle)
        run = handle.run
        if not run.columns:
            self._summary = run.status or (rows_text(run.rowcount) if run.rowcount >= 0 else "")
            self._elapsed_ms = (time.perf_counter() - self._started) * 1000
            await self._give_back(handle)
            return True
        try:
            await self.result.fetch_page()
        finally:
            self._elapsed_ms = (time.perf_counter() - self._started) * 1000
        return not self.error

    async def _explain(self, statement: Statement) -> None:
        try:
            plan = await self._api.explain(self.connection_id, statement.text)
        except DatabaseError as error:
            self._statement_failed(error, statement)
            return
        self._elapsed_ms = (time.perf_counter() - self._started) * 1000
        self._summary = _tr("Plan")
        self.plan_ready.emit(plan)

    def _all_read(self) -> None:
        """Every row is in the grid: the session goes back to the pool (and the statement into the history)."""
        handle = self._handle
        if handle is not None and self.result.handle is handle:
            self._calls.start(self._give_back(handle), "query-give-back")

    async def _give_back(self, handle: QueryHandle) -> None:
        if self._handle is handle:
            self._handle = None
        await handle.close()

    # -- failures
    def _statement_failed(self, error: DatabaseError, statement: Statement) -> None:
        where = statement.locate(error.position, error.line, error.column)
        self._failed(str(error), -1 if where is None else where)

    def _failed(self, text: str, where: int) -> None:
        self.error = text
        self.failed.emit(text, where)
        self._show_status()

    def _page_failed(self, text: str) -> None:
        self._failed(text, -1)
        handle = self._handle
        if handle is not None:  # nothing more can be read from it: give its session back
            self._calls.start(self._give_back(handle), "query-give-back")

    def _report(self, text: str) -> None:
        self._failed(text, -1)

    # -- the end
    def close(self) -> Coroutine[Any, Any, None] | None:
        """Stop what runs; the coroutine that gives the session back (for the caller's task owner to run)."""
        self._ticker.stop()
        handle, self._handle = self._handle, None
        self.result.close()
        self._calls.close()
        return _close_quietly(handle) if handle is not None else None


async def _close_quietly(handle: QueryHandle) -> None:
    try:
        await handle.close()
    except DatabaseError as error:
        log.info("closing a statement at the end: %s", error)
