"""The `databases.export` background job: a whole result written to CSV or JSON Lines.

Register once at start-up: `register_database_tasks(registry, service)`. The job runs the statement anew on a
session of its own (the grid's session stays free), writes `<target>.part` a page at a time and renames it to the
target only at the end, so a cancelled or failed export leaves no file behind (and never a half-written one under
the real name). The statement runs read-only whatever the connection allows: an export never writes. Progress is
the rows written. Cancelling the job cancels the statement on the server. The payload is JSON:
`{"connection_id", "sql", "params", "format", "path"}`; the result `{"path", "rows", "format"}`.
Not retried and not re-run after a crash: the statement may be expensive and its data may have changed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from vector_desktop.domain.databases import ConnectionConfig, DatabaseError, DatabaseSession, QueryCancelledError
from vector_desktop.domain.databases_api import PAGE_SIZE
from vector_desktop.domain.jobs import JobContext
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.services.databases.error_text import error_line
from vector_desktop.services.databases.exporters import ExportFormat, make_writer

log = logging.getLogger(__name__)

EXPORT = "databases.export"
EXPORT_PAGE_SIZE = PAGE_SIZE * 4
CANCEL_POLL_S = 0.1  # how soon a cancelled job reaches the server
PART_SUFFIX = ".part"


class ExportSource(Protocol):
    """What the job needs of the databases service."""

    def connection(self, connection_id: int) -> ConnectionConfig: ...

    def open_session(self, connection_id: int) -> DatabaseSession: ...

    def query_timeout(self, timeout_s: float | None = None) -> float | None: ...


def export_payload(connection_id: int, sql: str, params: Sequence[Any] | None, fmt: str, path: str) -> dict[str, Any]:
    """The job's keyword arguments (JSON-only)."""
    return {
        "connection_id": connection_id,
        "sql": sql,
        "params": None if params is None else list(params),
        "format": ExportFormat(fmt).value,
        "path": str(path),
    }


def part_path(target: Path) -> Path:
    return target.with_name(target.name + PART_SUFFIX)


class _CancelWatch:
    """Calls `session.cancel()` from its own thread as soon as the job is cancelled, while the job's thread is
    blocked in the driver."""

    def __init__(self, ctx: JobContext, session: DatabaseSession) -> None:
        self._ctx = ctx
        self._session = session
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="db-export-cancel", daemon=True)

    def __enter__(self) -> _CancelWatch:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        self._thread.join(timeout=5)

    def _watch(self) -> None:
        while not self._done.wait(CANCEL_POLL_S):
            if self._ctx.cancelled:
                try:
                    self._session.cancel()
                except Exception:
                    log.warning("cancelling an export's statement failed", exc_info=True)
                return


def _write(ctx: JobContext, session: DatabaseSession, source: ExportSource, kwargs: dict[str, Any]) -> int:
    source.connection(int(kwargs["connection_id"]))  # still there
    fmt = ExportFormat(kwargs["format"])
    target = Path(kwargs["path"])
    part = part_path(target)
    params = kwargs.get("params")
    rows_done = 0
    try:
        with _CancelWatch(ctx, session):
            # Always read-only: running the statement again must never write again (an INSERT ... RETURNING).
            cursor = session.execute(kwargs["sql"], params, read_only=True, timeout_s=source.query_timeout())
            try:
                if not cursor.columns:
                    raise DatabaseError("This statement returns no rows, so there is nothing to export.")
                with part.open("w", encoding="utf-8", newline="") as stream:
                    writer = make_writer(fmt, stream, [c.name for c in cursor.columns])
                    while True:
                        ctx.check()
                        rows = cursor.fetch(EXPORT_PAGE_SIZE)
                        if not rows:
                            break
                        writer.write(rows)
                        rows_done += len(rows)
                        ctx.progress(0.0, f"{rows_done:,} rows written")
                    stream.flush()
                    os.fsync(stream.fileno())
            finally:
                cursor.close()
        ctx.check()
        os.replace(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    return rows_done


def register_database_tasks(registry: TaskRegistry, source: ExportSource) -> None:
    def export(ctx: JobContext, **kwargs: Any) -> dict[str, Any]:
        ctx.progress(0.0, "Running the statement")
        target = Path(kwargs["path"])
        if not target.parent.is_dir():
            raise DatabaseError(f"The folder {target.parent} does not exist.")
        session = source.open_session(int(kwargs["connection_id"]))
        try:
            rows = _write(ctx, session, source, kwargs)
        except QueryCancelledError:
            ctx.check()  # cancelled by the user: the job says so
            raise
        except DatabaseError as error:
            raise DatabaseError(error_line(error)) from None
        except OSError as error:
            raise DatabaseError(f"Could not write {target}: {error.strerror or error}.") from None
        finally:
            try:
                session.close()
            except Exception:
                log.warning("closing an export's session failed", exc_info=True)
        ctx.progress(1.0, f"{rows:,} rows written")
        return {"path": str(target), "rows": rows, "format": ExportFormat(kwargs["format"]).value}

    registry.register(EXPORT, export, title="Export a query result")
