"""Connecting to the machine's PostgreSQL with the adapter: what a test finds, and each way a connection fails told
as a sentence without the password. Wrong passwords go through tests/support/pg_auth_refuser.py (the local server
trusts every login), which checks the password the way a server does and relays the right one to the real server.
"""

from __future__ import annotations

import re

import pytest

from tests.support.fixtures_databases import (
    PG_HOST,
    PG_PORT,
    DbTarget,
    closed_port,
    create_pg_role,
    drop_pg_role,
    unique_name,
)
from tests.support.pg_auth_refuser import pg_auth_refuser
from vector_desktop.adapters.postgresql import PostgresAdapter, PostgresSession
from vector_desktop.domain.databases import (
    AuthenticationFailedError,
    DatabaseError,
    ServerUnreachableError,
    TlsMode,
    TlsRequiredError,
    TooManyConnectionsError,
    UnknownDatabaseError,
)


def connect(target: DbTarget, password: str | None = None, **changes: object) -> PostgresSession:
    return PostgresAdapter().connect(target.params(password, **changes))


def refused(target: DbTarget, password: str | None = None, **changes: object) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        connect(target, password, **changes).close()
    error = caught.value
    for secret in (target.password, password):
        if secret:
            assert secret not in str(error) and secret not in error.server_message
    return error


def test_test_reports_the_server_the_user_and_write_rights(pg_target: DbTarget) -> None:
    session = connect(pg_target)
    try:
        report = session.test()
    finally:
        session.close()
    server_version = str(pg_target.rows("SHOW server_version")[0][0]).split()[0]
    assert report.server_version == f"PostgreSQL {server_version}"
    assert re.fullmatch(r"PostgreSQL \d+\.\d+", report.server_version)
    assert report.user == pg_target.user
    assert report.database == pg_target.database
    assert report.can_write  # the role owns the database
    assert report.tls is False and report.tls_detail == ""
    assert report.latency_ms > 0 and report.connect_ms > 0


def test_a_role_that_may_only_read_cannot_write(pg_target: DbTarget) -> None:
    reader = unique_name("vd_reader")
    create_pg_role(reader, "reader-pw")
    try:
        pg_target.run(
            "CREATE TABLE public.notes (id int PRIMARY KEY, body text)",
            f"GRANT SELECT ON public.notes TO {reader}",
        )
        session = connect(pg_target, "reader-pw", user=reader)
        try:
            assert session.test().can_write is False
            pg_target.run(f"GRANT INSERT ON public.notes TO {reader}")
            assert session.test().can_write is True
        finally:
            session.close()
    finally:
        pg_target.run(f"DROP OWNED BY {reader}")
        drop_pg_role(reader)


def test_the_server_sees_the_application_name(pg_target: DbTarget) -> None:
    session = PostgresAdapter().connect(pg_target.params(application_name="Vector Desktop probe"))
    try:
        names = pg_target.rows(f"SELECT application_name FROM pg_stat_activity WHERE usename = '{pg_target.user}'")
    finally:
        session.close()
    assert ("Vector Desktop probe",) in names


def test_a_wrong_password_is_refused_and_the_right_one_gets_in(pg_target: DbTarget) -> None:
    with pg_auth_refuser(PG_HOST, PG_PORT, pg_target.password) as door:
        error = refused(pg_target, "not-the-password-42", port=door.port)
        assert isinstance(error, AuthenticationFailedError)
        assert str(error) == f"The server refused the password of the user “{pg_target.user}”."
        assert error.code == "28P01"
        assert "password authentication failed" in error.server_message

        session = connect(pg_target, port=door.port)
        try:
            cursor = session.execute("SELECT current_user")
            assert cursor.fetch(10) == [(pg_target.user,)]
            cursor.close()
        finally:
            session.close()
        assert [attempt["user"] for attempt in door.attempts] == [pg_target.user, pg_target.user]


def test_no_saved_password_is_told_as_such(pg_target: DbTarget) -> None:
    with pg_auth_refuser(PG_HOST, PG_PORT, pg_target.password) as door:
        error = refused(pg_target, "", port=door.port)
    assert isinstance(error, AuthenticationFailedError)
    assert "none is saved" in str(error)


def test_unknown_database_and_unknown_user(pg_target: DbTarget) -> None:
    missing = unique_name("vd_missing")
    error = refused(pg_target, database=missing)
    assert isinstance(error, UnknownDatabaseError)
    assert str(error) == f"The server has no database “{missing}”."
    error = refused(pg_target, user=missing)
    assert isinstance(error, AuthenticationFailedError)
    assert missing in str(error)


def test_nothing_listening_and_a_host_that_does_not_exist(pg_target: DbTarget) -> None:
    port = closed_port()
    error = refused(pg_target, port=port)
    assert isinstance(error, ServerUnreachableError)
    assert str(error) == f"Nothing answers at 127.0.0.1:{port}; is the server running and the address right?"
    error = refused(pg_target, host="no-such-host.invalid")
    assert isinstance(error, ServerUnreachableError)
    assert "“no-such-host.invalid” cannot be found" in str(error)


@pytest.mark.parametrize("mode", [TlsMode.REQUIRE, TlsMode.VERIFY_FULL])
def test_tls_required_against_a_server_without_tls(pg_target: DbTarget, mode: TlsMode) -> None:
    error = refused(pg_target, tls_mode=mode)
    assert isinstance(error, TlsRequiredError)
    assert str(error).startswith("The connection requires TLS but the server does not offer it")


def test_prefer_falls_back_to_a_plain_connection(pg_target: DbTarget) -> None:
    session = connect(pg_target, tls_mode=TlsMode.PREFER)
    try:
        assert session.test().tls is False
    finally:
        session.close()


def test_a_server_that_accepts_only_tls(pg_target: DbTarget) -> None:
    with pg_auth_refuser(PG_HOST, PG_PORT, pg_target.password, mode="tls_only") as door:
        error = refused(pg_target, port=door.port)
    assert isinstance(error, TlsRequiredError)
    assert "only over TLS" in str(error)


def test_too_many_connections(pg_target: DbTarget) -> None:
    pg_target.run(f"ALTER ROLE {pg_target.user} CONNECTION LIMIT 1")
    first = connect(pg_target)
    try:
        error = refused(pg_target)
    finally:
        first.close()
    assert isinstance(error, TooManyConnectionsError)
    assert "no free connection" in str(error)


def test_a_session_connects_again_after_the_server_ended_it(pg_target: DbTarget) -> None:
    session = PostgresAdapter().connect(pg_target.params(application_name="Vector Desktop doomed"))
    try:
        pg_target.run(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Vector Desktop doomed'"
        )
        with pytest.raises(ServerUnreachableError, match="The connection to the server was lost"):
            session.execute("SELECT 1")
        cursor = session.execute("SELECT 2")
        assert cursor.fetch(5) == [(2,)]
        cursor.close()
    finally:
        session.close()
