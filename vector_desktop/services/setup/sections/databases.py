"""Database connections in a setup: every field of a saved connection, with its password and Supabase key from the
keychain. Matched by name. Ids differ between machines, so an imported connection's secrets go under the id it has
here. History and saved queries stay behind (they are the user's work, not the setup); so does DATABASE_URL's
connection (it comes from the environment). The draft given to the store carries the secrets too, so the row records
whether each one is in the keychain (the store keeps only that); a secret a connection is known not to have is not
looked up."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vector_desktop.domain.databases import (
    ColorTag,
    ConnectionConfig,
    ConnectionDraft,
    ConnectionStore,
    DatabaseKind,
    TlsMode,
    db_secret_ref,
)
from vector_desktop.domain.setup_transfer import SetupChange
from vector_desktop.services.setup.sections.common import (
    SecretKeeper,
    broken,
    change,
    differing,
    flag,
    items_of,
    put_secret,
    text,
    unique_names,
)

SECRETS = (("password", "password"), ("api_key", "Supabase key"))
FIELDS = (
    ("kind", "kind"),
    ("host", "host"),
    ("port", "port"),
    ("database", "database"),
    ("user", "user"),
    ("tls_mode", "TLS"),
    ("ca_file", "CA file"),
    ("color", "colour"),
    ("read_only", "read-only"),
    ("supabase_url", "Supabase URL"),
    ("expose_to_ai", "offered to the AI"),
)


def _record(connection: ConnectionConfig) -> dict[str, Any]:
    return {
        "name": connection.name,
        "kind": connection.kind.value,
        "host": connection.host,
        "port": connection.port,
        "database": connection.database,
        "user": connection.user,
        "tls_mode": connection.tls_mode.value,
        "ca_file": connection.ca_file,
        "color": connection.color.value,
        "read_only": connection.read_only,
        "supabase_url": connection.supabase_url,
        "expose_to_ai": connection.expose_to_ai,
    }


def _choice(enum_type: Any, item: Mapping[str, Any], key: str, title: str, default: str) -> Any:
    value = item.get(key, default)
    try:
        return enum_type(value)
    except ValueError:
        raise broken(title, f"“{value}” is not a known {key}") from None


class DatabasesSection:
    name = "databases"
    title = "Database connections"

    def __init__(self, connections: ConnectionStore, secrets: SecretKeeper) -> None:
        self._connections = connections
        self._secrets = secrets

    def _secret(self, connection: ConnectionConfig, what: str) -> str:
        if not connection.may_have_secret(what):
            return ""
        return self._secrets.get(db_secret_ref(connection.id, what)) or ""

    def _secrets_of(self, connection: ConnectionConfig) -> dict[str, str]:
        return {what: self._secret(connection, what) for what, _label in SECRETS}

    def export(self) -> dict[str, Any]:
        items = [{**_record(c), **self._secrets_of(c)} for c in self._connections.connections()]
        return {"items": items}

    def _wanted(self, data: Mapping[str, Any]) -> list[dict[str, Any]]:
        title = self.title
        wanted = []
        for item in items_of(data, title):
            port = item.get("port")
            if port is not None and (not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536):
                raise broken(title, f"the port of “{item.get('name')}” is not a port number")
            record = {
                "name": text(item, "name", title, required=True).strip(),
                "kind": _choice(DatabaseKind, item, "kind", title, "postgresql").value,
                "host": text(item, "host", title),
                "port": port,
                "database": text(item, "database", title),
                "user": text(item, "user", title),
                "tls_mode": _choice(TlsMode, item, "tls_mode", title, "prefer").value,
                "ca_file": text(item, "ca_file", title),
                "color": _choice(ColorTag, item, "color", title, "").value,
                "read_only": flag(item, "read_only", title, True),
                "supabase_url": text(item, "supabase_url", title),
                "expose_to_ai": flag(item, "expose_to_ai", title, False),
            }
            record.update({what: text(item, what, title) for what, _label in SECRETS})
            wanted.append(record)
        unique_names([w["name"] for w in wanted], title)
        return wanted

    def _by_name(self) -> dict[str, ConnectionConfig]:
        return {c.name.casefold(): c for c in self._connections.connections()}

    def _differences(self, connection: ConnectionConfig, item: Mapping[str, Any]) -> list[str]:
        here = {**_record(connection), **self._secrets_of(connection)}
        pairs = {label: (here[key], item[key]) for key, label in (("name", "name"), *FIELDS, *SECRETS)}
        return differing(pairs)

    def plan(self, data: Mapping[str, Any]) -> list[SetupChange]:
        here = self._by_name()
        changes = []
        for item in self._wanted(data):
            connection = here.get(item["name"].casefold())
            differences = self._differences(connection, item) if connection is not None else []
            changes.append(change(self.name, item["name"], connection is not None, differences))
        return changes

    def apply(self, data: Mapping[str, Any]) -> None:
        here = self._by_name()
        for item in self._wanted(data):
            draft = ConnectionDraft(
                name=item["name"],
                kind=DatabaseKind(item["kind"]),
                host=item["host"],
                port=item["port"],
                database=item["database"],
                user=item["user"],
                tls_mode=TlsMode(item["tls_mode"]),
                ca_file=item["ca_file"],
                color=ColorTag(item["color"]),
                read_only=item["read_only"],
                supabase_url=item["supabase_url"],
                expose_to_ai=item["expose_to_ai"],
                password=item["password"],
                api_key=item["api_key"],
            )
            connection = here.get(item["name"].casefold())
            if connection is None:
                connection = self._connections.add_connection(draft)
            elif not self._differences(connection, item):
                continue
            else:
                connection = self._connections.update_connection(connection.id, draft)
            for what, _label in SECRETS:
                put_secret(self._secrets, db_secret_ref(connection.id, what), item[what])
