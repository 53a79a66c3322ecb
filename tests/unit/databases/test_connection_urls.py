"""Connection URLs → drafts: every accepted scheme, TLS options in libpq and MySQL spelling, Supabase project URLs
read from hosts and pooler users, passwords decoded and kept apart, and errors that never repeat the URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from vector_desktop.domain.databases import (
    DEFAULT_CONNECTION_ID,
    ConnectionDraft,
    ConnectionValidationError,
    DatabaseKind,
    TlsMode,
    db_secret_ref,
)
from vector_desktop.services.databases.connection_drafts import validate_draft
from vector_desktop.services.databases.connection_urls import check_project_url, parse_connection_url
from vector_desktop.services.databases.default_connection import DefaultConnection, read_database_url

PASSWORD = "s3cr3t p@ss/wörd"
ENCODED = "s3cr3t%20p%40ss%2Fw%C3%B6rd"


def draft(url: str, **kw: bool) -> ConnectionDraft:
    return parse_connection_url(url, "prod", **kw).draft


def test_postgresql_url_with_an_encoded_password() -> None:
    parsed = parse_connection_url(
        f"postgresql://app%40corp:{ENCODED}@db.example.com:6432/sales?sslmode=require", "prod"
    )
    assert parsed.draft == ConnectionDraft(
        name="prod",
        kind=DatabaseKind.POSTGRESQL,
        host="db.example.com",
        port=6432,
        database="sales",
        user="app@corp",
        tls_mode=TlsMode.REQUIRE,
        read_only=True,
        password=PASSWORD,
    )
    assert parsed.ignored_options == ()


@pytest.mark.parametrize(
    ("url", "kind", "port"),
    [
        ("postgres://u@h/d", DatabaseKind.POSTGRESQL, None),
        ("postgresql+psycopg://u@h:5433/d", DatabaseKind.POSTGRESQL, 5433),
        ("mysql://u@h/d", DatabaseKind.MYSQL, None),
        ("mariadb://u@h:3307/d", DatabaseKind.MYSQL, 3307),
        ("mysql+pymysql://u@h/d", DatabaseKind.MYSQL, None),
        ("MariaDB://u@h/d", DatabaseKind.MYSQL, None),
    ],
)
def test_every_scheme_spelling(url: str, kind: DatabaseKind, port: int | None) -> None:
    found = draft(url)
    assert (found.kind, found.host, found.port, found.user, found.database) == (kind, "h", port, "u", "d")
    assert found.password is None  # none given: the keychain is left alone


def test_writable_and_empty_password() -> None:
    found = draft("mysql://root:@127.0.0.1/test", writable=True)
    assert found.read_only is False
    assert found.password == ""


@pytest.mark.parametrize(
    ("query", "mode"),
    [
        ("sslmode=disable", TlsMode.DISABLE),
        ("sslmode=allow", TlsMode.PREFER),
        ("sslmode=prefer", TlsMode.PREFER),
        ("sslmode=verify-full", TlsMode.VERIFY_FULL),
        ("ssl-mode=REQUIRED", TlsMode.REQUIRE),
        ("ssl_mode=VERIFY_IDENTITY", TlsMode.VERIFY_FULL),
        ("ssl-mode=DISABLED", TlsMode.DISABLE),
        ("ssl=true", TlsMode.REQUIRE),
        ("ssl=0", TlsMode.DISABLE),
        ("", TlsMode.PREFER),
    ],
)
def test_tls_modes(query: str, mode: TlsMode) -> None:
    assert draft(f"postgresql://u@h/d?{query}").tls_mode is mode


def test_ca_file_alone_means_verify_full(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    found = draft(f"mysql://u@h/d?ssl-ca={ca}")
    assert (found.tls_mode, found.ca_file) == (TlsMode.VERIFY_FULL, str(ca))
    assert draft(f"postgresql://u@h/d?sslmode=require&sslrootcert={ca}").tls_mode is TlsMode.REQUIRE


def test_unknown_options_are_named_not_kept() -> None:
    parsed = parse_connection_url("postgresql://u@h/d?sslmode=require&application_name=x&connect_timeout=5", "x")
    assert parsed.ignored_options == ("application_name", "connect_timeout")


def test_socket_folder_as_host() -> None:
    found = draft("postgresql:///test?host=/var/run/postgresql")
    assert (found.host, found.database) == ("/var/run/postgresql", "test")


def test_ipv6_host() -> None:
    found = draft("postgresql://u@[::1]:5432/d")
    assert (found.host, found.port) == ("::1", 5432)


@pytest.mark.parametrize(
    ("url", "field", "words"),
    [
        ("db.example.com/sales", "url", "must start with a scheme"),
        ("oracle://u:hunter22@h/d", "url", "not a database address"),
        ("postgresql+asyncpg://u:hunter22@h/d", "url", "driver"),
        ("postgresql://u:hunter22@h:port/d", "url", "port"),
        ("postgresql://u:hunter22@ss@h/d", "url", "%40"),
        ("postgresql://u:hunter22@h/d?sslmode=verify-ca", "tls_mode", "verify-full"),
        ("postgresql://u:hunter22@h/d?sslmode=sometimes", "tls_mode", "not a TLS mode"),
        ("mysql://u:hunter22@h/d?ssl=maybe", "tls_mode", "true or false"),
        ("https://u:hunter22@abc.supabase.co", "url", "no password"),
        ("http://abc.supabase.co", "supabase_url", "https"),
    ],
)
def test_errors_name_the_field_and_never_repeat_the_url(url: str, field: str, words: str) -> None:
    with pytest.raises(ConnectionValidationError) as caught:
        parse_connection_url(url, "x")
    assert caught.value.field == field
    assert words in str(caught.value)
    assert "hunter22" not in str(caught.value) and "@h" not in str(caught.value)


def test_supabase_project_url_alone_is_the_rest_path() -> None:
    found = draft("https://abcdefgh.supabase.co/?apikey=eyJhbGciOi.anon")
    assert (found.kind, found.supabase_url, found.host) == (DatabaseKind.SUPABASE, "https://abcdefgh.supabase.co", "")
    assert found.api_key == "eyJhbGciOi.anon"
    rest = draft("supabase://abcdefgh.supabase.co?key=k123")
    assert (rest.supabase_url, rest.api_key) == ("https://abcdefgh.supabase.co", "k123")


def test_local_supabase_may_use_http() -> None:
    assert draft("http://127.0.0.1:54321").supabase_url == "http://127.0.0.1:54321"
    assert draft("supabase://localhost:54321").supabase_url == "http://localhost:54321"


def test_supabase_sql_path_finds_its_project() -> None:
    direct = draft(f"supabase://postgres:{ENCODED}@db.abcdefgh.supabase.co:5432/postgres")
    assert (direct.kind, direct.host, direct.user, direct.password) == (
        DatabaseKind.SUPABASE,
        "db.abcdefgh.supabase.co",
        "postgres",
        PASSWORD,
    )
    assert direct.supabase_url == "https://abcdefgh.supabase.co"
    pooled = draft("supabase://postgres.abcdefgh:pw@aws-0-eu-central-1.pooler.supabase.com:6543/")
    assert (pooled.supabase_url, pooled.database, pooled.port) == ("https://abcdefgh.supabase.co", "postgres", 6543)
    given = draft("supabase://postgres:pw@127.0.0.1:54322/postgres?project_url=http://127.0.0.1:54321&apikey=k")
    assert (given.supabase_url, given.api_key, given.host) == ("http://127.0.0.1:54321", "k", "127.0.0.1")


def test_project_url_check() -> None:
    assert check_project_url(" https://abc.supabase.co/rest/v1 ") == "https://abc.supabase.co"
    with pytest.raises(ConnectionValidationError):
        check_project_url("ftp://abc.supabase.co")


def test_draft_validation(tmp_path: Path) -> None:
    ok = validate_draft(ConnectionDraft("  Sales   db ", DatabaseKind.POSTGRESQL, host=" h ", port=5432))
    assert (ok.name, ok.host) == ("Sales db", "h")
    problems = {
        "name": ConnectionDraft(" ", DatabaseKind.POSTGRESQL),
        "port": ConnectionDraft("a", DatabaseKind.MYSQL, port=70000),
        "host": ConnectionDraft("a", DatabaseKind.MYSQL, host="my host"),
        "supabase_url": ConnectionDraft("a", DatabaseKind.SUPABASE),
        "ca_file": ConnectionDraft("a", DatabaseKind.POSTGRESQL, ca_file=str(tmp_path / "missing.pem")),
    }
    for field, bad in problems.items():
        with pytest.raises(ConnectionValidationError) as caught:
            validate_draft(bad)
        assert caught.value.field == field
    with pytest.raises(ConnectionValidationError, match="DATABASE_URL"):
        validate_draft(ConnectionDraft("Default", DatabaseKind.POSTGRESQL))


class DictKeychain:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        self.values[key] = value

    def delete(self, key: str) -> None:
        self.values.pop(key, None)


def test_database_url_becomes_the_default_connection() -> None:
    current = read_database_url(f"postgresql://app:{ENCODED}@db.example.com/sales")
    assert current.config is not None and current.password == PASSWORD
    config = current.config
    assert (config.id, config.name, config.from_environment, config.read_only, config.expose_to_ai) == (
        DEFAULT_CONNECTION_ID,
        "default",
        True,
        True,
        True,
    )
    assert PASSWORD not in repr(config)
    assert read_database_url("   ").config is None
    broken = read_database_url("oracle://app:hunter22@h/d")
    assert broken.config is None and "DATABASE_URL" in broken.problem and "hunter22" not in broken.problem


def test_default_password_moves_to_the_keychain_for_its_own_server_only() -> None:
    keychain = DictKeychain()
    default = DefaultConnection(keychain)
    default.load(f"postgresql://app:{ENCODED}@db.example.com/sales")
    assert keychain.values == {}  # nothing happens before the connection is used
    assert default.secrets() == (PASSWORD, "")
    assert keychain.values[db_secret_ref(0, "password")] == PASSWORD
    default.load("postgresql://app@db.example.com/sales")  # the password was taken out of the URL
    assert default.secrets() == (PASSWORD, "")
    default.load("postgresql://app@elsewhere.example.com/sales")  # another server never gets it
    assert default.secrets() == ("", "")
