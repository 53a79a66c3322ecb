"""Databases for tests on the machine's own servers (never the internet): PostgreSQL on 127.0.0.1:5432 (trust auth,
superuser `postgres`) and MariaDB on 127.0.0.1:3306 (root, empty password).

Each fixture makes a database and a login role/user of its own, with random names and a password, and drops them
afterwards (even when the test failed):

- `pg_target` / `pg_module_target`: PostgreSQL; the role owns the database (it can write).
- `mysql_target` / `mysql_module_target`: MariaDB; the user has every privilege on its database only.
- `postgrest_server`: a loopback server speaking PostgREST's protocol (tests/support/postgrest_server.py) over the
  `pg_target` database, as Supabase's `<project>/rest/v1`.

A target gives what the app needs (`config()`, `params()`, `url()`) and an `admin()` connection (superuser / root,
autocommit) to prepare data and to check what landed on the server. Registered in tests/conftest.py.
PostgreSQL here trusts every local login: the role's password is sent but not checked (tests of a wrong password
use tests/support/pg_auth_refuser.py, which refuses it the way a server does).
"""

from __future__ import annotations

import secrets
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote

import pytest

from vector_desktop.domain.databases import (
    ConnectionConfig,
    ConnectionParams,
    DatabaseKind,
    TlsMode,
)

PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_SUPERUSER = "postgres"
MYSQL_HOST = "127.0.0.1"
MYSQL_PORT = 3306
MYSQL_ROOT = "root"


def closed_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def unique_name(prefix: str = "vd_test") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def new_password() -> str:
    # Characters that need quoting in a URL and in SQL, so tests show they are handled.
    return f"pw-{secrets.token_hex(6)}:@/%'é"


@dataclass(frozen=True)
class DbTarget:
    kind: DatabaseKind
    host: str
    port: int
    database: str
    user: str
    password: str

    def config(self, **changes: Any) -> ConnectionConfig:
        """A saved connection pointing here (TLS off: the local servers have none), read-only unless changed."""
        config = ConnectionConfig(
            id=1,
            name=self.database,
            kind=self.kind,
            host=self.host,
            port=self.port,
            database=self.database,
            user=self.user,
            tls_mode=TlsMode.DISABLE,
        )
        return replace(config, **changes)

    def params(
        self, password: str | None = None, *, application_name: str = "Vector Desktop tests", **changes: Any
    ) -> ConnectionParams:
        """What an adapter gets: this target's config (with `changes`) and password (or `password`)."""
        return ConnectionParams(
            config=self.config(**changes),
            password=self.password if password is None else password,
            connect_timeout_s=5.0,
            application_name=application_name,
        )

    def url(self, *, with_password: bool = True) -> str:
        scheme = "postgresql" if self.kind is DatabaseKind.POSTGRESQL else "mysql"
        secret = f":{quote(self.password, safe='')}" if with_password else ""
        return f"{scheme}://{quote(self.user, safe='')}{secret}@{self.host}:{self.port}/{self.database}"

    def admin(self) -> Any:
        """A superuser (PostgreSQL) / root (MariaDB) connection to this database, autocommit. Close it."""
        if self.kind is DatabaseKind.POSTGRESQL:
            import psycopg

            return psycopg.connect(
                host=self.host, port=self.port, user=PG_SUPERUSER, dbname=self.database, autocommit=True
            )
        import pymysql

        return pymysql.connect(
            host=self.host, port=self.port, user=MYSQL_ROOT, password="", database=self.database, autocommit=True
        )

    def run(self, *statements: str) -> None:
        """Run set-up statements as the superuser / root."""
        conn = self.admin()
        try:
            for statement in statements:
                if self.kind is DatabaseKind.POSTGRESQL:
                    conn.execute(statement)
                else:
                    with conn.cursor() as cursor:
                        cursor.execute(statement)
        finally:
            conn.close()

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        """What is on the server, read as the superuser / root."""
        conn = self.admin()
        try:
            if self.kind is DatabaseKind.POSTGRESQL:
                return list(conn.execute(query).fetchall())
            with conn.cursor() as cursor:
                cursor.execute(query)
                return list(cursor.fetchall())
        finally:
            conn.close()


# ------------------------------------------------------------------------------------------------ PostgreSQL


def _pg_admin(database: str = "postgres") -> Any:
    import psycopg

    return psycopg.connect(host=PG_HOST, port=PG_PORT, user=PG_SUPERUSER, dbname=database, autocommit=True)


def create_pg_role(name: str, password: str, *options: str) -> None:
    from psycopg import sql

    with _pg_admin() as conn:
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} " + " ".join(options)).format(
                sql.Identifier(name), sql.Literal(password)
            )
        )


def drop_pg_role(name: str) -> None:
    from psycopg import sql

    with _pg_admin() as conn:
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


def create_pg_target() -> DbTarget:
    from psycopg import sql

    name = unique_name()
    password = new_password()
    create_pg_role(name, password)
    try:
        with _pg_admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(name)))
    except BaseException:
        drop_pg_role(name)
        raise
    # PostgreSQL 15: the public schema belongs to pg_database_owner, so the owning role may create tables in it.
    return DbTarget(DatabaseKind.POSTGRESQL, PG_HOST, PG_PORT, name, name, password)


def drop_pg_target(target: DbTarget) -> None:
    from psycopg import sql

    with _pg_admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target.database)))
    drop_pg_role(target.user)


@pytest.fixture
def pg_target() -> Iterator[DbTarget]:
    target = create_pg_target()
    try:
        yield target
    finally:
        drop_pg_target(target)


@pytest.fixture(scope="module")
def pg_module_target() -> Iterator[DbTarget]:
    target = create_pg_target()
    try:
        yield target
    finally:
        drop_pg_target(target)


# ------------------------------------------------------------------------------------------------ MariaDB


def _mysql_root() -> Any:
    import pymysql

    return pymysql.connect(host=MYSQL_HOST, port=MYSQL_PORT, user=MYSQL_ROOT, password="", autocommit=True)


def mysql_as_root(*statements: str, args: tuple[Any, ...] | None = None) -> None:
    conn = _mysql_root()
    try:
        with conn.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement, args)
    finally:
        conn.close()


def create_mysql_user(name: str, password: str, *, options: str = "") -> None:
    mysql_as_root(f"CREATE USER '{name}'@'%%' IDENTIFIED BY %s {options}", args=(password,))


def drop_mysql_user(name: str) -> None:
    mysql_as_root(f"DROP USER IF EXISTS '{name}'@'%'")


def create_mysql_target() -> DbTarget:
    name = unique_name()
    password = new_password()
    target = DbTarget(DatabaseKind.MYSQL, MYSQL_HOST, MYSQL_PORT, name, name, password)
    mysql_as_root(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    try:
        create_mysql_user(name, password)
        mysql_as_root(f"GRANT ALL PRIVILEGES ON `{name}`.* TO '{name}'@'%'")
    except BaseException:
        drop_mysql_target(target)
        raise
    return target


def drop_mysql_target(target: DbTarget) -> None:
    mysql_as_root(f"DROP DATABASE IF EXISTS `{target.database}`")
    drop_mysql_user(target.user)


@pytest.fixture
def mysql_target() -> Iterator[DbTarget]:
    target = create_mysql_target()
    try:
        yield target
    finally:
        drop_mysql_target(target)


@pytest.fixture(scope="module")
def mysql_module_target() -> Iterator[DbTarget]:
    target = create_mysql_target()
    try:
        yield target
    finally:
        drop_mysql_target(target)


# ------------------------------------------------------------------------------------------------ Supabase


@pytest.fixture
def postgrest_server(pg_target: DbTarget) -> Iterator[Any]:
    """PostgREST's protocol on a free port of 127.0.0.1 over `pg_target`'s database (tables made there show up).
    `.project_url` is what a user types as the Supabase URL; `.anon_key` / `.service_key` are accepted keys."""
    from tests.support.postgrest_server import running_postgrest

    with running_postgrest(pg_target) as server:
        yield server
