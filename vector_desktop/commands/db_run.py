"""The work behind `vector-desktop db ...` (see vector_desktop.commands.db for the command line)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from vector_desktop.domain.databases import (
    DEFAULT_CONNECTION_ID,
    DEFAULT_CONNECTION_NAME,
    ConnectionConfig,
    ConnectionNotFoundError,
    DatabaseError,
    SchemaInfo,
    db_connection_id,
    db_secret_ref,
)
from vector_desktop.services.databases.connection_drafts import draft_of
from vector_desktop.services.databases.connection_urls import parse_connection_url
from vector_desktop.services.databases.error_text import error_line

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.services.databases.databases_service import DatabasesService

REDACTED = "[REDACTED]"
_MIN_SECRET = 4


@dataclass
class _Cli:
    service: DatabasesService
    out: TextIO
    err: TextIO
    session_only: Callable[[str], bool]  # keychain entry kept for this session only (no system keychain)
    secrets_problem: Callable[[], str]  # why secrets are session-only (no keychain, no or a wrong ENCRYPTION_KEY)
    load_store: Callable[
        [], None
    ]  # SQLAlchemy and the repository on a thread of their own (see DeferredDatabaseRepository)


def run(core: Core, args: argparse.Namespace) -> int:
    from vector_desktop.core import make_databases
    from vector_desktop.store.deferred_database_repository import DeferredDatabaseRepository

    store = DeferredDatabaseRepository(core.store)  # the connection is found with sqlite3, before SQLAlchemy loads
    service = make_databases(core, store=store)
    cli = _Cli(
        service,
        sys.stdout,
        sys.stderr,
        core.secrets.is_session_only,
        lambda: core.secrets.problem,
        store.load_in_background,
    )
    try:
        return asyncio.run(_main(cli, args))
    except DatabaseError as error:
        line = error_line(error)
        for secret in core.secrets.known_values():  # a server never echoes a password; be sure anyway
            if len(secret) >= _MIN_SECRET:
                line = line.replace(secret, REDACTED)
        sys.stdout.flush()
        sys.stderr.write(f"vector-desktop: {line}\n")
        return 1


def needs_environment(args: argparse.Namespace) -> bool:
    """Whether the command may use DATABASE_URL's "default": `ls`, or NAME is "default" or its key. No saved
    connection can have that name or key, so every other command leaves DATABASE_URL (and the keychain) alone."""
    if args.db_action == "ls":
        return True
    name = getattr(args, "name", None)
    if name is None or args.db_action == "add":
        return False
    return name.strip().casefold() == DEFAULT_CONNECTION_NAME or db_connection_id(name) == DEFAULT_CONNECTION_ID


async def _main(cli: _Cli, args: argparse.Namespace) -> int:
    await cli.service.open(environment=needs_environment(args))
    try:
        return await _ACTIONS[args.db_action](cli, args)
    finally:
        await cli.service.close()


def _clean(text: str) -> str:
    return " ".join(text.split())


def _stamp(config: ConnectionConfig) -> str:
    if config.last_tested_at is None:
        return "never tested"
    state = "ok" if config.last_test_ok else "failed"
    return f"{state} {config.last_tested_at.strftime('%Y-%m-%dT%H:%M:%SZ')}"


def connection_row(config: ConnectionConfig) -> str:
    access = "read-only" if config.read_only else "writable"
    kind = config.kind.value + (" (env)" if config.from_environment else "")
    return f"{config.key}\t{_clean(config.name)}\t{kind}\t{config.display_target()}\t{access}\t{_stamp(config)}"


def connection_json(config: ConnectionConfig) -> dict[str, object]:
    return {
        "key": config.key,
        "id": config.id,
        "name": config.name,
        "kind": config.kind.value,
        "target": config.display_target(),
        "host": config.host,
        "port": config.effective_port,
        "database": config.database,
        "user": config.user,
        "tls_mode": config.tls_mode.value,
        "ca_file": config.ca_file,
        "supabase_url": config.supabase_url,
        "read_only": config.read_only,
        "color": config.color.value,
        "expose_to_ai": config.expose_to_ai,
        "from_environment": config.from_environment,
        "last_tested_at": config.last_tested_at.isoformat() if config.last_tested_at else None,
        "last_test_ok": config.last_test_ok,
        "last_test_message": config.last_test_message,
    }


async def _ls(cli: _Cli, args: argparse.Namespace) -> int:
    connections = cli.service.connections()
    if args.json:
        cli.out.write(json.dumps([connection_json(c) for c in connections], indent=2, ensure_ascii=False) + "\n")
    else:
        cli.out.write("".join(connection_row(c) + "\n" for c in connections))
    if cli.service.environment_problem:
        raise DatabaseError(cli.service.environment_problem)
    return 0


async def _add(cli: _Cli, args: argparse.Namespace) -> int:
    parsed = parse_connection_url(args.url, args.name, writable=args.writable)
    config = await cli.service.add(replace(parsed.draft, expose_to_ai=bool(args.ai)))
    cli.out.write(connection_row(config) + "\n")
    if parsed.ignored_options:
        cli.err.write(f"vector-desktop: note: these URL options were not kept: {', '.join(parsed.ignored_options)}.\n")
    if parsed.draft.password and cli.session_only(db_secret_ref(config.id, "password")):
        cli.err.write(
            "vector-desktop: note: the password is not saved, so commands run later will not have it. "
            f"{cli.secrets_problem() or 'No system keychain is available.'}\n"
        )
    return 0


async def _ai(cli: _Cli, args: argparse.Namespace) -> int:
    config = cli.service.find(args.name)
    if config.from_environment:
        raise DatabaseError("The default connection comes from DATABASE_URL and is always offered to the AI.")
    draft = draft_of(config, expose_to_ai=args.state == "on")
    config = await cli.service.update(config.id, draft)
    said = "offered to the AI in chat" if config.expose_to_ai else "not offered to the AI"
    cli.out.write(f"{config.key}\t{_clean(config.name)}\t{said}\n")
    return 0


async def _test(cli: _Cli, args: argparse.Namespace) -> int:
    config = cli.service.find(args.name)
    report = await cli.service.test(config.id)
    tls = ("yes " + report.tls_detail).strip() if report.tls else "no"
    lines = [
        ("server", report.server_version),
        ("user", report.user),
        ("database", report.database),
        ("tls", tls),
        ("connect_ms", f"{report.connect_ms:.1f}"),
        ("latency_ms", f"{report.latency_ms:.1f}"),
        ("can_write", "yes" if report.can_write else "no"),
        ("access", "read-only" if config.read_only else "writable"),
    ]
    cli.out.write("".join(f"{key}\t{_clean(value)}\n" for key, value in lines))
    return 0


def _default_schemas(schemas: list[SchemaInfo]) -> list[SchemaInfo]:
    defaults = [s for s in schemas if s.is_default]
    return defaults or schemas


async def _tables(cli: _Cli, args: argparse.Namespace) -> int:
    config = cli.service.find(args.name)
    if args.schema is not None:
        names = [args.schema]
    else:
        names = [s.name for s in _default_schemas(await cli.service.schemas(config.id))]
    found = [table for name in names for table in await cli.service.tables(config.id, name)]
    if args.json:
        items = [
            {
                "schema": t.schema,
                "name": t.name,
                "kind": t.kind.value,
                "estimated_rows": t.estimated_rows,
                "comment": t.comment,
            }
            for t in found
        ]
        cli.out.write(json.dumps(items, indent=2, ensure_ascii=False) + "\n")
        return 0
    for t in found:
        rows = "-" if t.estimated_rows is None else str(t.estimated_rows)
        cli.out.write(f"{t.schema}\t{t.name}\t{t.kind.value}\t{rows}\n")
    return 0


async def _table_address(cli: _Cli, config: ConnectionConfig, args: argparse.Namespace) -> tuple[str, str]:
    if args.schema is not None:
        return args.schema, args.table
    schema_name, dot, table = args.table.partition(".")
    if dot and schema_name and table:  # a table whose name holds a dot is given with --schema
        return schema_name, table
    defaults = _default_schemas(await cli.service.schemas(config.id))
    if not defaults:
        raise ConnectionNotFoundError(f"{config.name} has no schema to look for “{args.table}” in.")
    return defaults[0].name, args.table


async def _describe(cli: _Cli, args: argparse.Namespace) -> int:
    from vector_desktop.commands.db_describe import describe_json, describe_text

    config = cli.service.find(args.name)
    schema, table = await _table_address(cli, config, args)
    detail = await cli.service.describe(config.id, schema, table)
    if args.json:
        cli.out.write(json.dumps(describe_json(detail), indent=2, ensure_ascii=False) + "\n")
    else:
        cli.out.write(describe_text(detail))
    return 0


async def _query(cli: _Cli, args: argparse.Namespace) -> int:
    from vector_desktop.commands.db_query import stream_query

    config = cli.service.find(args.name)
    sql = sys.stdin.read() if args.sql == "-" else args.sql
    return await stream_query(cli.service, config, sql, args, cli.out, streaming=cli.load_store)


async def _rm(cli: _Cli, args: argparse.Namespace) -> int:
    config = cli.service.find(args.name)
    await cli.service.remove(config.id)
    return 0


_ACTIONS: dict[str, Callable[[_Cli, argparse.Namespace], Awaitable[int]]] = {
    "ls": _ls,
    "add": _add,
    "ai": _ai,
    "test": _test,
    "tables": _tables,
    "describe": _describe,
    "query": _query,
    "rm": _rm,
}
