"""Connecting to the machine's MariaDB with the MySQL adapter: what a test finds, and each way a connection fails
told as a sentence without the password (MariaDB checks passwords, so a wrong one is refused for real)."""

from __future__ import annotations

import re

import pytest

from tests.support.fixtures_databases import (
    MYSQL_ROOT,
    DbTarget,
    closed_port,
    create_mysql_user,
    drop_mysql_user,
    mysql_as_root,
    unique_name,
)
from vector_desktop.adapters.mysql import MySqlAdapter, MySqlSession
from vector_desktop.domain.databases import (
    AuthenticationFailedError,
    DatabaseError,
    ServerUnreachableError,
    TlsMode,
    TlsRequiredError,
    TooManyConnectionsError,
    UnknownDatabaseError,
)


def connect(target: DbTarget, password: str | None = None, **changes: object) -> MySqlSession:
    return MySqlAdapter().connect(target.params(password, **changes))


def refused(target: DbTarget, password: str | None = None, **changes: object) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        connect(target, password, **changes).close()
    error = caught.value
    for secret in (target.password, password):
        if secret:
            assert secret not in str(error) and secret not in error.server_message
    return error


def test_test_reports_the_server_the_user_and_write_rights(mysql_target: DbTarget) -> None:
    session = connect(mysql_target)  # the password holds é, ', %, : and @
    try:
        report = session.test()
    finally:
        session.close()
    version = str(mysql_target.rows("SELECT VERSION()")[0][0])
    assert re.fullmatch(r"MariaDB \d+\.\d+\.\d+", report.server_version)
    assert version.startswith(report.server_version.removeprefix("MariaDB "))
    assert report.user == f"{mysql_target.user}@%"
    assert report.database == mysql_target.database
    assert report.can_write
    assert report.tls is False
    assert report.latency_ms > 0 and report.connect_ms > 0


def test_a_user_that_may_only_read_cannot_write(mysql_target: DbTarget) -> None:
    reader = unique_name("vd_reader")
    create_mysql_user(reader, "reader-pw")
    try:
        mysql_as_root(f"GRANT SELECT ON `{mysql_target.database}`.* TO '{reader}'@'%'")
        session = connect(mysql_target, "reader-pw", user=reader)
        try:
            assert session.test().can_write is False
        finally:
            session.close()
    finally:
        drop_mysql_user(reader)


def test_a_wrong_password_is_refused(mysql_target: DbTarget) -> None:
    error = refused(mysql_target, "not-the-password-42")
    assert isinstance(error, AuthenticationFailedError)
    assert str(error) == f"The server refused the user “{mysql_target.user}” or its password."
    assert error.code == "1045"
    assert "Access denied" in error.server_message


def test_unknown_database(mysql_target: DbTarget) -> None:
    missing = unique_name("vd_missing")
    error = refused(mysql_target, "", user=MYSQL_ROOT, database=missing)
    assert isinstance(error, UnknownDatabaseError)
    assert str(error) == f"The server has no database “{missing}”."
    # A user without rights there is not told whether it exists.
    error = refused(mysql_target, database=missing)
    assert isinstance(error, AuthenticationFailedError)
    assert str(error) == f"The user “{mysql_target.user}” may not use the database “{missing}”."


def test_nothing_listening(mysql_target: DbTarget) -> None:
    port = closed_port()
    error = refused(mysql_target, port=port)
    assert isinstance(error, ServerUnreachableError)
    assert str(error) == f"Nothing answers at 127.0.0.1:{port}; is the server running and the address right?"


@pytest.mark.parametrize("mode", [TlsMode.REQUIRE, TlsMode.VERIFY_FULL])
def test_tls_required_against_a_server_without_tls(mysql_target: DbTarget, mode: TlsMode) -> None:
    error = refused(mysql_target, tls_mode=mode)
    assert isinstance(error, TlsRequiredError)
    assert str(error).startswith("The connection requires TLS but the server does not offer it")


def test_prefer_falls_back_to_a_plain_connection(mysql_target: DbTarget) -> None:
    session = connect(mysql_target, tls_mode=TlsMode.PREFER)
    try:
        assert session.test().tls is False
    finally:
        session.close()


def test_too_many_connections(mysql_target: DbTarget) -> None:
    mysql_as_root(f"ALTER USER '{mysql_target.user}'@'%' WITH MAX_USER_CONNECTIONS 1")
    first = connect(mysql_target)
    try:
        error = refused(mysql_target)
    finally:
        first.close()
    assert isinstance(error, TooManyConnectionsError)
    assert "no free connection" in str(error)
