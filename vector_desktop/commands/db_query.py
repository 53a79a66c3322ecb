"""`db query`: one statement, its rows written as they arrive (PAGE_SIZE at a time: memory stays bounded however
many rows come). Pages are fetched and written on the session's thread, with no trip through the event loop per
page. Ctrl+C (the main task cancelled by asyncio.run) cancels the statement on the server before the command ends;
a closed pipe (`| head`) ends it too."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from vector_desktop.domain.databases import ConnectionConfig, DatabaseError, QueryRun
from vector_desktop.services.databases.exporters import jsonl_page, tsv_header, tsv_page, unique_names

if TYPE_CHECKING:
    from vector_desktop.services.databases.databases_service import DatabasesService


class _Output:
    def __init__(self, fmt: str, out: TextIO, names: list[str], *, null: str, header: bool) -> None:
        self._fmt = fmt
        self._out = out
        self._null = null
        self._names = unique_names(names)
        self._csv = csv.writer(out, lineterminator="\r\n") if fmt == "csv" else None
        if header and fmt == "tsv":
            out.write(tsv_header(names))
        elif header and self._csv is not None:
            self._csv.writerow(names)

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        if self._fmt == "tsv":
            self._out.write(tsv_page(rows, self._null))
        elif self._fmt == "json":
            self._out.write(jsonl_page(rows, self._names))
        else:
            from vector_desktop.domain.db_values import csv_text

            assert self._csv is not None
            self._csv.writerows([[csv_text(value) for value in row] for row in rows])


def _status(run: QueryRun, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"status": run.status, "rowcount": run.rowcount}, ensure_ascii=False) + "\n"
    if run.status:
        return run.status + "\n"
    return f"{run.rowcount} rows affected\n" if run.rowcount >= 0 else "OK\n"


def _reader_gone(out: TextIO) -> int:
    """The reader closed the pipe (`| head`): not an error. What is left in stdout's buffer goes nowhere, so exiting
    does not fail again; returns the command's exit status."""
    if out is not sys.stdout:
        return 0
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())
    return 0


NO_COPY = (
    "--format text streams with PostgreSQL's COPY: it needs a PostgreSQL connection, one query and no --param "
    "(use --format tsv otherwise)."
)


async def copy_query(
    service: DatabasesService,
    config: ConnectionConfig,
    sql: str,
    args: argparse.Namespace,
    out: TextIO,
    streaming: Callable[[], None] | None = None,
) -> int:
    """--format text: the server formats the rows (COPY ... TO STDOUT), written as they come, bytes untouched.
    `streaming` is called at the first piece written: from then on the server sets the pace and this process mostly
    waits for it (the command loads the store's SQLAlchemy then, for the history it writes at the end)."""
    if args.param:
        raise DatabaseError(NO_COPY)
    out.flush()
    raw = getattr(out, "buffer", None)
    write_out = raw.write if raw is not None else (lambda chunk: out.write(bytes(chunk).decode("utf-8")))
    pending_call = streaming

    def write(chunk: Any) -> object:
        nonlocal pending_call
        if pending_call is not None:
            call, pending_call = pending_call, None
            call()
        return write_out(chunk)

    try:
        rows = await service.copy_out(
            config.id, sql, write, csv=False, null=args.null, header=not args.no_header, timeout_s=args.timeout
        )
        if raw is not None:
            raw.flush()
    except BrokenPipeError:
        return _reader_gone(out)
    if rows is None:
        raise DatabaseError(NO_COPY)
    return 0


async def stream_query(
    service: DatabasesService,
    config: ConnectionConfig,
    sql: str,
    args: argparse.Namespace,
    out: TextIO,
    streaming: Callable[[], None] | None = None,
) -> int:
    if args.format == "text":
        return await copy_query(service, config, sql, args, out, streaming)
    handle = await service.run(config.id, sql, args.param, origin="cli", timeout_s=args.timeout)
    try:
        run = handle.run
        if not run.columns:
            out.write(_status(run, args.format))
            return 0
        output = _Output(args.format, out, [c.name for c in run.columns], null=args.null, header=not args.no_header)
        await handle.drain(output.write)  # pages are fetched and written on the session's thread
        out.flush()
    except BrokenPipeError:
        return _reader_gone(out)
    except asyncio.CancelledError:  # Ctrl+C
        await handle.cancel()
        raise
    finally:
        await handle.close()
    return 0
