"""Database servers for the panel tests: a database of its own on the machine's PostgreSQL (made and dropped per
test), and a loopback server that answers PostgreSQL's start-up exchange by refusing the password, the way a
server with password authentication does (the machine's PostgreSQL trusts every local connection)."""

from __future__ import annotations

import secrets
import socketserver
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg

PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_USER = "postgres"
ORDER_ROWS = 1234

_SETUP = f"""
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    customer text NOT NULL,
    amount numeric(12, 2) NOT NULL,
    note text,
    created timestamptz NOT NULL DEFAULT '2026-01-02 03:04:05+00'
);
INSERT INTO public.orders (id, customer, amount, note)
SELECT n, 'customer ' || n, n * 1.25,
       CASE WHEN n % 3 = 0 THEN NULL WHEN n % 3 = 1 THEN '' ELSE 'note ' || n END
FROM generate_series(1, {ORDER_ROWS}) AS n;
CREATE VIEW public.big_orders AS SELECT * FROM public.orders WHERE amount > 1000;
CREATE TABLE public.customers (id integer PRIMARY KEY, name text NOT NULL, email text);
INSERT INTO public.customers VALUES (1, 'Ada', 'ada@example.com'), (2, 'Grace', NULL), (3, 'Émile 😀', '');
CREATE SCHEMA audit;
CREATE TABLE audit.events (id bigint PRIMARY KEY, payload jsonb, at timestamptz);
INSERT INTO audit.events VALUES (1, '{{"kind": "login", "ok": true}}', '2026-05-06 07:08:09+02');
ANALYZE;
"""


@dataclass(frozen=True)
class PgDatabase:
    name: str
    host: str = PG_HOST
    port: int = PG_PORT
    user: str = PG_USER

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(host=self.host, port=self.port, user=self.user, dbname=self.name, autocommit=True)

    def scalar(self, sql: str) -> object:
        with self.connect() as connection:
            row = connection.execute(sql).fetchone()
        return row[0] if row else None


def _admin() -> psycopg.Connection:
    return psycopg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True)


@contextmanager
def pg_database() -> Iterator[PgDatabase]:
    """A fresh database with a few tables and views (orders: 1,234 rows), dropped at the end."""
    name = f"vd_panel_{secrets.token_hex(5)}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database = PgDatabase(name)
    try:
        with database.connect() as connection:
            connection.execute(_SETUP)
        yield database
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ------------------------------------------------------------------------------ a server refusing the password

_SSL_REQUEST = 80877103
_GSSENC_REQUEST = 80877104
_AUTH_CLEARTEXT = 3


def _error_response(code: str, message: str) -> bytes:
    fields = b"".join(
        key + value.encode() + b"\0" for key, value in ((b"S", "FATAL"), (b"V", "FATAL"), (b"C", code), (b"M", message))
    )
    body = fields + b"\0"
    return b"E" + struct.pack("!i", len(body) + 4) + body


class _Refuser(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        sock = self.request
        sock.settimeout(10)
        user = "?"
        while True:
            header = self._read(4)
            if header is None:
                return
            (length,) = struct.unpack("!i", header)
            body = self._read(length - 4) or b""
            (code,) = struct.unpack("!i", body[:4])
            if code in (_SSL_REQUEST, _GSSENC_REQUEST):
                sock.sendall(b"N")  # no TLS, no GSSAPI: go on in the clear
                continue
            parts = body[4:].split(b"\0")
            for key, value in zip(parts[::2], parts[1::2], strict=False):
                if key == b"user":
                    user = value.decode()
            break
        sock.sendall(b"R" + struct.pack("!ii", 8, _AUTH_CLEARTEXT))
        kind = self._read(1)
        if kind == b"p":
            (length,) = struct.unpack("!i", self._read(4) or b"\0\0\0\4")
            password = (self._read(length - 4) or b"").rstrip(b"\0").decode(errors="replace")
            self.server.passwords.append(password)  # type: ignore[attr-defined]
        sock.sendall(_error_response("28P01", f'password authentication failed for user "{user}"'))

    def _read(self, size: int) -> bytes | None:
        data = b""
        while len(data) < size:
            chunk = self.request.recv(size - len(data))
            if not chunk:
                return None
            data += chunk
        return data


class RefusingServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__((PG_HOST, 0), _Refuser)
        self.passwords: list[str] = []

    @property
    def port(self) -> int:
        return int(self.server_address[1])


@contextmanager
def refusing_server() -> Iterator[RefusingServer]:
    server = RefusingServer()
    thread = threading.Thread(target=server.serve_forever, name="pg-refuser", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
