"""A loopback server that speaks PostgREST's protocol (as Supabase serves it at `<project>/rest/v1`) over a real
PostgreSQL database, for the calls the Supabase adapter and the `postgrest` client make. There is no PostgREST
binary on this machine; the answers follow PostgREST 12's documented behaviour:

- every request needs `apikey` (and, when sent, `Authorization: Bearer`) equal to one of the two keys, else 401
  with PostgREST's JSON error {"code": "PGRST301", ...}; with `restrict_root`, the OpenAPI root answers 403 to the
  anon key, as Supabase's gateway does;
- GET/HEAD /rest/v1/ → the OpenAPI (Swagger 2.0) document: one path per table or view of the schema, its
  definition with the columns' PostgreSQL types as "format", `<pk/>` and `<fk .../>` notes, `required`; the anon key
  sees GET only, the service key GET/POST/PATCH/DELETE (PostgREST lists what the role may do);
- GET/HEAD /rest/v1/<table>: `select=a,b`, filters `col=eq.x` (eq, neq, gt, gte, lt, lte, like, ilike, in, is,
  with `not.`), `order=a.desc,b`, `limit`/`offset` or the `Range: 0-9` header (Range-Unit: items),
  `Prefer: count=exact` → `Content-Range: 0-9/123` (206 when more rows exist), 416 past the end; rows are rendered
  by PostgreSQL's own json_agg, as PostgREST does (numbers exact, bytea as "\\x..", timestamps ISO);
- errors in PostgREST's shape {"code", "details", "hint", "message"}: unknown table 404 PGRST205, unknown column
  400 42703, a filter that does not parse 400 PGRST100.

Every request is recorded in `.requests` (method, path, query, headers).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import psycopg
from psycopg import sql

from tests.support.fixtures_databases import PG_SUPERUSER, DbTarget
from tests.support.postgrest_openapi_doc import openapi_document, table_columns

REST = "/rest/v1"
VERSION = "12.2.3"
# Shaped like Supabase's keys (JWTs whose payload names the role); the server compares them as opaque strings.
ANON_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlIn0.dGVzdC1hbm9uLXNpZ25hdHVyZQ"
SERVICE_KEY = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoic3VwYWJhc2UifQ."
    "dGVzdC1zZXJ2aWNlLXNpZ25hdHVyZQ"
)
_OPERATORS = {"eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<=", "like": "LIKE", "ilike": "ILIKE"}
_RESERVED = {"select", "order", "limit", "offset", "on_conflict", "columns"}
_RANGE = re.compile(r"^\s*(\d+)-(\d*)\s*$")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.status = status
        self.body = {"code": code, "details": details, "hint": hint, "message": message}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]


@dataclass
class PostgrestServer:
    target: DbTarget
    port: int = 0
    schema: str = "public"
    requests: list[RecordedRequest] = field(default_factory=list)
    anon_key: str = ANON_KEY
    service_key: str = SERVICE_KEY
    restrict_root: bool = False  # as Supabase's gateway: the OpenAPI root only for the service key (else 403)

    @property
    def project_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def rest_url(self) -> str:
        return self.project_url + REST

    def connect(self) -> psycopg.Connection[Any]:
        return psycopg.connect(
            host=self.target.host, port=self.target.port, user=PG_SUPERUSER, dbname=self.target.database
        )

    def role_of(self, headers: dict[str, str]) -> str:
        """The role of the request's key: `apikey` must be known, and so must the Bearer token when one is sent."""
        known = {self.anon_key: "anon", self.service_key: "service_role"}
        key = headers.get("apikey", "")
        authorization = headers.get("authorization", "")
        token = authorization.removeprefix("Bearer ") if authorization else key
        if key not in known or token not in known:
            raise ApiError(401, "PGRST301", "JWSError JWSInvalidSignature")
        return known[token]

    # ------------------------------------------------------------------------------------------ answers
    def answer(self, method: str, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        self.requests.append(RecordedRequest(method, parts.path, query, headers))
        if not parts.path.startswith(REST):
            return 404, {"Content-Type": "application/json"}, b'{"message":"no Route matched with those values"}'
        try:
            role = self.role_of(headers)
            path = parts.path[len(REST) :].strip("/")
            schema = headers.get("accept-profile", self.schema)
            if not path:
                if self.restrict_root and role != "service_role":
                    raise ApiError(403, "", "Access to the API description requires the secret key")
                with self.connect() as conn:
                    doc = openapi_document(conn, schema, f"127.0.0.1:{self.port}", VERSION, writable=role != "anon")
                return 200, {"Content-Type": "application/openapi+json; charset=utf-8"}, json.dumps(doc).encode()
            return self.rows(schema, path, query, headers)
        except ApiError as error:
            body = error.body if error.body["code"] else {"message": error.body["message"]}  # a gateway's shape
            return error.status, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()

    def rows(
        self, schema: str, table: str, query: list[tuple[str, str]], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        with self.connect() as conn:
            columns = table_columns(conn, schema, table)
            if not columns:
                raise ApiError(
                    404,
                    "PGRST205",
                    f"Could not find the table '{schema}.{table}' in the schema cache",
                    hint=None,
                )
            params = dict(query)
            selected = _selected(params.get("select", "*"), columns, table)
            where, values = _filters(query, columns, table)
            order = _order(params.get("order", ""), columns, table)
            offset, limit = _window(params, headers)
            relation = sql.Identifier(schema, table)
            body = sql.SQL("SELECT {} FROM {}{}{}").format(selected, relation, where, order)
            if limit is not None:
                body += sql.SQL(" LIMIT {}").format(sql.Literal(limit))
            if offset:
                body += sql.SQL(" OFFSET {}").format(sql.Literal(offset))
            aggregate = sql.SQL("SELECT coalesce(json_agg(t), '[]')::text FROM ({}) AS t").format(body)
            try:
                row = conn.execute(aggregate, values).fetchone()
                total = None
                if "count=exact" in headers.get("prefer", ""):
                    counted = conn.execute(sql.SQL("SELECT count(*) FROM {}{}").format(relation, where), values)
                    total = int(counted.fetchone()[0])  # type: ignore[index]
            except psycopg.Error as exc:
                raise ApiError(400, exc.sqlstate or "PGRST000", exc.diag.message_primary or str(exc)) from None
        payload = row[0] if row else "[]"
        count = len(json.loads(payload))
        if total is not None and offset and offset >= total and count == 0:
            raise ApiError(
                416,
                "PGRST103",
                "Requested range not satisfiable",
                details=f"An offset of {offset} was requested, but there are only {total} rows.",
            )
        end = offset + count - 1
        shown = "*" if total is None else str(total)
        content_range = f"{offset}-{end}/{shown}" if count else f"*/{shown}"
        status = 206 if total is not None and count and end < total - 1 else 200
        answer_headers = {"Content-Type": "application/json; charset=utf-8", "Content-Range": content_range}
        return status, answer_headers, payload.encode()


def _selected(select: str, columns: dict[str, str], table: str) -> sql.Composable:
    if select.strip() in ("", "*"):
        return sql.SQL("*")
    names = [name.strip() for name in select.split(",") if name.strip()]
    for name in names:
        _check_column(name, columns, table)
    return sql.SQL(", ").join(sql.Identifier(name) for name in names)


def _check_column(name: str, columns: dict[str, str], table: str) -> None:
    if name not in columns:
        raise ApiError(400, "42703", f"column {table}.{name} does not exist")


def _filters(query: list[tuple[str, str]], columns: dict[str, str], table: str) -> tuple[sql.Composable, list[Any]]:
    clauses: list[sql.Composable] = []
    values: list[Any] = []
    for name, expression in query:
        if name in _RESERVED:
            continue
        _check_column(name, columns, table)
        negate = expression.startswith("not.")
        operator, _, operand = expression.removeprefix("not.").partition(".")
        column = sql.Identifier(name)
        if operator in _OPERATORS:
            if operator in ("like", "ilike"):
                operand = operand.replace("*", "%")
            clause: sql.Composable = sql.SQL("{}::text {} %s" if operator.endswith("like") else "{} {} %s").format(
                column, sql.SQL(_OPERATORS[operator])
            )
            values.append(operand)
        elif operator == "in" and operand.startswith("(") and operand.endswith(")"):
            items = _in_list(operand[1:-1])
            array_type = sql.SQL(columns[name] + "[]")  # the column's type, as the catalog names it
            clause = sql.SQL("{} = ANY(%s::{})").format(column, array_type)
            values.append(items)
        elif operator == "is" and operand in ("null", "true", "false"):
            clause = sql.SQL("{} IS {}").format(column, sql.SQL(operand.upper()))
        else:
            raise ApiError(
                400,
                "PGRST100",
                f'"failed to parse filter ({expression})" (line 1, column {len(operator) + 1})',
                details=f'unexpected "{operand[:1]}" expecting operator',
            )
        clauses.append(sql.SQL("NOT ({})").format(clause) if negate else clause)
    if not clauses:
        return sql.SQL(""), values
    return sql.SQL(" WHERE ") + sql.SQL(" AND ").join(clauses), values


def _in_list(text: str) -> list[str]:
    """`a,"b,c",d` → ["a", "b,c", "d"] (PostgREST quotes values that hold commas)."""
    items: list[str] = []
    current = ""
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return items


def _order(order: str, columns: dict[str, str], table: str) -> sql.Composable:
    if not order:
        return sql.SQL("")
    terms: list[sql.Composable] = []
    for term in order.split(","):
        name, *modifiers = term.strip().split(".")
        _check_column(name, columns, table)
        direction = "DESC" if "desc" in modifiers else "ASC"
        nulls = " NULLS FIRST" if "nullsfirst" in modifiers else (" NULLS LAST" if "nullslast" in modifiers else "")
        terms.append(sql.SQL("{} " + direction + nulls).format(sql.Identifier(name)))
    return sql.SQL(" ORDER BY ") + sql.SQL(", ").join(terms)


def _window(params: dict[str, str], headers: dict[str, str]) -> tuple[int, int | None]:
    """(offset, limit) from `offset`/`limit` or the Range header (Range-Unit: items)."""
    offset = int(params["offset"]) if params.get("offset", "").isdigit() else 0
    limit = int(params["limit"]) if params.get("limit", "").isdigit() else None
    match = _RANGE.match(headers.get("range", ""))
    if match and headers.get("range-unit", "items") == "items":
        offset = int(match.group(1))
        if match.group(2):
            limit = int(match.group(2)) - offset + 1
    return offset, limit


class _Handler(BaseHTTPRequestHandler):
    server_version = f"postgrest/{VERSION}"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def _serve(self, method: str) -> None:
        api: PostgrestServer = self.server.api  # type: ignore[attr-defined]
        headers = {name.lower(): value for name, value in self.headers.items()}
        status, answer_headers, body = api.answer(method, self.path, headers)
        self.send_response(status)
        for name, value in answer_headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output quiet
        return


@contextmanager
def running_postgrest(target: DbTarget) -> Iterator[PostgrestServer]:
    api = PostgrestServer(target)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.api = api  # type: ignore[attr-defined]
    api.port = int(httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), name="postgrest-fake", daemon=True)
    thread.start()
    try:
        yield api
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
