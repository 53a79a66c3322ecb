"""`vector-desktop db ...`: database connections and queries on the command line (no Qt).

    vector-desktop db [--profile DIR] ls [--json]       key<TAB>name<TAB>kind<TAB>target<TAB>access<TAB>last test
    vector-desktop db add NAME URL [--writable] [--ai]  postgresql:// mysql:// mariadb:// supabase:// https://…
    vector-desktop db ai NAME on|off                    offer the connection's tools to the AI in chat, or stop
    vector-desktop db test NAME                         server, user, database, tls, timings, can_write
    vector-desktop db tables NAME [--schema S] [--json] schema<TAB>table<TAB>kind<TAB>estimated rows
    vector-desktop db describe NAME TABLE [--json]      columns, then indexes and foreign keys
    vector-desktop db query NAME SQL [--format tsv|json|csv|text] [--param VALUE]... [--timeout S]
    vector-desktop db rm NAME

NAME is a connection's name (`default` is DATABASE_URL's, listed as kind "… (env)") or key (`db:3`). A password
in the URL goes to the keychain and is never stored with the connection. Connections are read-only unless added
with --writable: the server itself refuses writes. `query` prints rows as they arrive (bounded memory); SQL `-`
reads the statement from stdin; `%s` placeholders take the --param values in order (with --param, a literal % is
written %%). tsv escapes tabs, newlines and backslashes inside values and writes NULL as NULL (--null). A statement
that returns no rows prints the server's status ("INSERT 0 2"). Ctrl+C cancels the statement on the server. The
statement time limit is DATABASE_QUERY_TIMEOUT (300 s) unless --timeout. Errors are one line on stderr with exit
code 1 (2 for usage).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vector_desktop.core import Core

FORMATS = ("tsv", "json", "csv", "text")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 0 <= value <= 24 * 3600:
        raise argparse.ArgumentTypeError("the timeout must be from 0 (no limit) to a day")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "db",
        parents=[common],
        help="database connections: list, add, test, browse tables, run queries",
        description="Your PostgreSQL, MySQL/MariaDB and Supabase connections (and DATABASE_URL as “default”).",
    )
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    ls = actions.add_parser("ls", parents=[common], help="list connections (key, name, kind, target, access, test)")
    ls.add_argument("--json", action="store_true", help="print the connections as JSON")
    add = actions.add_parser("add", parents=[common], help="add a connection from its URL")
    add.add_argument("name", metavar="NAME")
    add.add_argument("url", metavar="URL", help="postgresql://user:pass@host:5432/db?sslmode=require, mysql://…")
    add.add_argument("--writable", action="store_true", help="allow writes (connections are read-only otherwise)")
    add.add_argument("--ai", action="store_true", help="offer its tools (tables, describe, query) to the AI in chat")
    ai = actions.add_parser("ai", parents=[common], help="offer a connection's tools to the AI in chat, or stop")
    ai.add_argument("name", metavar="NAME")
    ai.add_argument("state", choices=("on", "off"))
    test = actions.add_parser("test", parents=[common], help="connect and report the server, TLS and timings")
    test.add_argument("name", metavar="NAME")
    tables = actions.add_parser("tables", parents=[common], help="list tables and views")
    tables.add_argument("name", metavar="NAME")
    tables.add_argument("--schema", default=None, metavar="S", help="this schema (default: the default schema)")
    tables.add_argument("--json", action="store_true", help="print the tables as JSON")
    describe = actions.add_parser("describe", parents=[common], help="columns, keys and indexes of a table")
    describe.add_argument("name", metavar="NAME")
    describe.add_argument("table", metavar="TABLE", help="TABLE or SCHEMA.TABLE")
    describe.add_argument("--schema", default=None, metavar="S", help="the table's schema")
    describe.add_argument("--json", action="store_true", help="print the table as JSON")
    query = actions.add_parser("query", parents=[common], help="run one statement and print its rows")
    query.add_argument("name", metavar="NAME")
    query.add_argument("sql", metavar="SQL", help="the statement (%%s placeholders for --param), or - for stdin")
    query.add_argument(
        "--format",
        choices=FORMATS,
        default="tsv",
        help="tsv (default), json (one object a line), csv, or text: PostgreSQL's own text as psql prints it, "
        "streamed with COPY (fastest; no --param)",
    )
    query.add_argument("--param", action="append", default=None, metavar="VALUE", help="a value for the next %%s")
    query.add_argument("--timeout", type=_seconds, default=None, metavar="S", help="statement time limit (0: none)")
    query.add_argument("--null", default="NULL", metavar="TEXT", help="how tsv writes NULL (default NULL)")
    query.add_argument("--no-header", action="store_true", help="no line of column names (tsv, csv)")
    rm = actions.add_parser("rm", parents=[common], help="remove a connection, its history and keychain entries")
    rm.add_argument("name", metavar="NAME")
    parser.set_defaults(handler=handle)


def handle(core: Core, args: argparse.Namespace) -> int:
    # The work lives in db_run, imported only when the command runs: the GUI imports this module at every start
    # to build its command line, before its first paint.
    from vector_desktop.commands.db_run import run

    return run(core, args)
