"""Connection URLs → ConnectionDraft (with the password apart, for the keychain).

Accepted: `postgresql://` (`postgres://`, `postgresql+psycopg://`), `mysql://` / `mariadb://` (`+pymysql`),
`supabase://user:pass@host:port/db` (the project's Postgres connection; the project URL is taken from
`?project_url=` or read from the host / pooler user name), `supabase://<ref>.supabase.co` and
`https://<ref>.supabase.co` (the REST path only; `?apikey=` gives the key). `http://` is accepted for loopback hosts
only (the Supabase CLI's local stack).

Query options: `sslmode` / `ssl-mode` / `ssl_mode` (libpq or MySQL names), `ssl=true`, `sslrootcert` / `ssl-ca` /
`ssl_ca` (CA file), `host` (a PostgreSQL socket folder). Other options are not kept and are named in
`ParsedUrl.ignored_options` so the caller can say so. Error messages never repeat the URL (it may hold a password).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from vector_desktop.domain.databases import ConnectionDraft, ConnectionValidationError, DatabaseKind, TlsMode

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

_SCHEMES = {
    "postgresql": DatabaseKind.POSTGRESQL,
    "postgres": DatabaseKind.POSTGRESQL,
    "mysql": DatabaseKind.MYSQL,
    "mariadb": DatabaseKind.MYSQL,
    "supabase": DatabaseKind.SUPABASE,
}
_DRIVERS = {"psycopg", "psycopg2", "psycopg3", "pymysql", "mysqldb"}
_PROJECT_SCHEMES = ("https", "http")
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})

_TLS_NAMES = {
    # libpq
    "disable": TlsMode.DISABLE,
    "allow": TlsMode.PREFER,  # "try without TLS first": the nearest mode that still never refuses TLS
    "prefer": TlsMode.PREFER,
    "require": TlsMode.REQUIRE,
    "verify-full": TlsMode.VERIFY_FULL,
    # MySQL
    "disabled": TlsMode.DISABLE,
    "preferred": TlsMode.PREFER,
    "required": TlsMode.REQUIRE,
    "verify_identity": TlsMode.VERIFY_FULL,
}
_UNSUPPORTED_TLS = {"verify-ca", "verify_ca"}
_TLS_KEYS = ("sslmode", "ssl-mode", "ssl_mode")
_CA_KEYS = ("sslrootcert", "ssl-ca", "ssl_ca")
_SSL_FLAG = "ssl"
_KEY_KEYS = ("apikey", "api_key", "key")
_PROJECT_KEYS = ("project_url", "supabase_url")
_HOST_KEY = "host"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}

_SUPABASE_DB_HOST = re.compile(r"^db\.(?P<ref>[a-z0-9]+)\.supabase\.co$", re.IGNORECASE)
_SUPABASE_POOLER_HOST = re.compile(r"\.pooler\.supabase\.com$", re.IGNORECASE)
_SUPABASE_POOLER_USER = re.compile(r"^postgres\.(?P<ref>[a-z0-9]+)$", re.IGNORECASE)
_SUPPORTED = "postgresql://, mysql://, mariadb://, supabase:// or https://<project>.supabase.co"


@dataclass(frozen=True)
class ParsedUrl:
    draft: ConnectionDraft  # with `password` / `api_key` as found in the URL (None when it had none)
    ignored_options: tuple[str, ...] = ()


def _invalid(message: str) -> ConnectionValidationError:
    return ConnectionValidationError("url", message)


def _scheme(drivername: str) -> tuple[str, DatabaseKind | None]:
    base, _plus, driver = drivername.lower().partition("+")
    if driver and driver not in _DRIVERS:
        raise _invalid(f"The driver “{driver}” in the address is not supported; leave it out.")
    if base in _PROJECT_SCHEMES:
        return base, None
    kind = _SCHEMES.get(base)
    if kind is None:
        raise _invalid(f"“{base}://” is not a database address; use {_SUPPORTED}.")
    return base, kind


def _options(url: URL) -> dict[str, str]:
    options: dict[str, str] = {}
    for key, value in url.query.items():
        text = value[-1] if isinstance(value, tuple) else value
        options[key.lower()] = text
    return options


def _take(options: dict[str, str], keys: tuple[str, ...]) -> str | None:
    found = None
    for key in keys:
        if key in options:
            found = options.pop(key)
    return found


def _tls(options: dict[str, str]) -> tuple[TlsMode | None, str]:
    mode_text = _take(options, _TLS_KEYS)
    flag = _take(options, (_SSL_FLAG,))
    ca_file = _take(options, _CA_KEYS) or ""
    mode: TlsMode | None = None
    if mode_text is not None:
        name = mode_text.strip().lower()
        if name in _UNSUPPORTED_TLS:
            raise ConnectionValidationError(
                "tls_mode", "TLS mode verify-ca is not supported; use verify-full (it checks the host name too)."
            )
        if name not in _TLS_NAMES:
            raise ConnectionValidationError(
                "tls_mode", f"“{mode_text}” is not a TLS mode; use disable, prefer, require or verify-full."
            )
        mode = _TLS_NAMES[name]
    elif flag is not None:
        if flag.strip().lower() in _TRUE:
            mode = TlsMode.REQUIRE
        elif flag.strip().lower() in _FALSE:
            mode = TlsMode.DISABLE
        else:
            raise ConnectionValidationError("tls_mode", f"“ssl={flag}” must be true or false.")
    if ca_file and mode is None:
        mode = TlsMode.VERIFY_FULL  # a CA file given without a mode means: verify against it
    return mode, ca_file


def project_url_for(host: str, user: str) -> str:
    """The Supabase project URL read from its Postgres host (`db.<ref>.supabase.co`) or pooler user
    (`postgres.<ref>` on `*.pooler.supabase.com`); "" when neither says it."""
    direct = _SUPABASE_DB_HOST.match(host)
    if direct:
        return f"https://{direct['ref'].lower()}.supabase.co"
    pooled = _SUPABASE_POOLER_USER.match(user)
    if _SUPABASE_POOLER_HOST.search(host) and pooled:
        return f"https://{pooled['ref'].lower()}.supabase.co"
    return ""


def check_project_url(text: str) -> str:
    """A Supabase project URL reduced to scheme://host[:port]; https, or http on a loopback host."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):
        raise ConnectionValidationError("supabase_url", "The Supabase project URL is not a valid address.") from None
    scheme = url.drivername.lower()
    host = (url.host or "").lower()
    if scheme not in _PROJECT_SCHEMES or not host:
        raise ConnectionValidationError(
            "supabase_url", "The Supabase project URL must look like https://<project>.supabase.co."
        )
    if scheme == "http" and host not in LOOPBACK_HOSTS:
        raise ConnectionValidationError(
            "supabase_url", "The Supabase project URL must use https (http only for a local Supabase on this machine)."
        )
    if url.username or url.password:
        raise ConnectionValidationError("supabase_url", "The Supabase project URL must not hold a user or password.")
    shown_host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown_host}" + (f":{url.port}" if url.port else "")


def parse_connection_url(url_text: str, name: str, *, writable: bool = False) -> ParsedUrl:
    """Parse a connection URL into a draft named `name` (read-only unless `writable`). Raises
    ConnectionValidationError with a sentence that never quotes the URL."""
    from sqlalchemy.engine import make_url  # here: a `db` command that parses no URL goes without SQLAlchemy
    from sqlalchemy.exc import ArgumentError

    text = url_text.strip()
    if "://" not in text:
        raise _invalid(f"The address must start with a scheme: {_SUPPORTED}.")
    try:
        url = make_url(text)
    except ValueError:
        raise _invalid("The port in the address is not a number.") from None
    except ArgumentError:
        raise _invalid(f"The address could not be read; use {_SUPPORTED}.") from None
    base, kind = _scheme(url.drivername)
    options = _options(url)
    host = url.host or ""
    if "@" in host:
        raise _invalid("The address has an “@” in its user name or password; write it as %40.")
    password = url.password if url.password is not None else None
    api_key = _take(options, _KEY_KEYS)
    project = _take(options, _PROJECT_KEYS)
    tls_mode, ca_file = _tls(options)
    socket_dir = _take(options, (_HOST_KEY,))
    base_draft = ConnectionDraft(
        name=name.strip(),
        kind=kind or DatabaseKind.SUPABASE,
        read_only=not writable,
        password=password,
        api_key=api_key,
        tls_mode=tls_mode or TlsMode.PREFER,
        ca_file=ca_file,
    )
    user = url.username or ""  # make_url has decoded %-escapes already
    database = url.database or ""
    if kind is None or (kind is DatabaseKind.SUPABASE and not user and not database):
        # The REST path alone: https://<ref>.supabase.co or supabase://<ref>.supabase.co
        if password is not None:
            raise _invalid("A Supabase project URL takes no password; give the API key as ?apikey=…")
        scheme = base if kind is None else ("http" if host.lower() in LOOPBACK_HOSTS else "https")
        shown_host = f"[{host}]" if ":" in host else host
        project_url = check_project_url(f"{scheme}://{shown_host}" + (f":{url.port}" if url.port else ""))
        draft = replace(base_draft, supabase_url=project_url)
        return ParsedUrl(draft, tuple(sorted(options)))
    if socket_dir:
        if host:
            raise _invalid("The address gives two hosts (one before the path and one as ?host=).")
        host = socket_dir
    draft = replace(base_draft, host=host, port=url.port, database=database, user=user)
    if kind is DatabaseKind.SUPABASE:
        project_url = check_project_url(project) if project else project_url_for(host, user)
        draft = replace(draft, supabase_url=project_url, database=database or "postgres")
    return ParsedUrl(draft, tuple(sorted(options)))
