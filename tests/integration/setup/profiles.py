"""Two profiles on one machine for the setup tests: each with its own store and its own keychain namespace
(SecretStore over one MemoryKeyring, service names from core.keychain_service), and a source profile filled the way
a user fills it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.core import Core, keychain_service, open_core
from vector_desktop.domain.connectors import McpServerDraft, McpTransport, NamedValue, mcp_secret_ref
from vector_desktop.domain.databases import ConnectionDraft, DatabaseKind, TlsMode, db_secret_ref
from vector_desktop.paths import resolve_paths
from vector_desktop.secrets import SecretStore
from vector_desktop.services.ai_servers import AIServerService
from vector_desktop.services.connectors.mcp_secrets import save_secrets as save_mcp_secrets
from vector_desktop.services.databases.connection_secrets import save_secrets as save_db_secrets
from vector_desktop.store.connector_repository import ConnectorRepository
from vector_desktop.store.database_repository import DatabaseRepository
from vector_desktop.store.server_repository import ServerRepository

PASSPHRASE = "correct horse battery staple"
# Every secret and setting value of the source profile: none may appear in the export file's bytes.
SECRETS = {
    "openrouter": "sk-or-v1-SETUPSECRET-0123456789abcdef",
    "merge": "merge-access-SETUPSECRET-778899",
    "ollama": "ollama-key-SETUPSECRET-456",
    "mcp_header": "Bearer ghp_SETUPSECRET_mcp_token_42",
    "mcp_env": "env-SETUPSECRET-value-31",
    "db_password": "pg-pass-SETUPSECRET-9911",
    "supabase": "sb-anon-SETUPSECRET-5544",
}
SETTING_VALUES = {
    "OPENROUTER_BASE_URL": "https://router.setup-test.example/api/v1",
    "MERGE_TOOL_PACK_ID": "pack-setupvalue-4242",
    "VECTOR_DEFAULT_MODEL": "openai/gpt-setupvalue",
}


def open_profile(root: Path, name: str, backend: MemoryKeyring) -> Core:
    paths = resolve_paths(root / name, environ={})
    paths.ensure()
    return open_core(paths, environ={}, secrets=SecretStore(keychain_service(paths), backend=backend))


def keychain_of(core: Core, backend: MemoryKeyring) -> dict[str, str]:
    return {user: value for (service, user), value in backend.values.items() if service == core.secrets.service}


def fill_source(core: Core) -> dict[str, int]:
    """Settings (plain and secret), an AI server with a key, the Merge pack's state, an MCP server with a secret
    header and environment value, and two database connections with their secrets. Returns some ids."""
    sessions = core.store.sessions
    core.config.apply_saved(
        {**SETTING_VALUES, "OPENROUTER_API_KEY": SECRETS["openrouter"], "MERGE_ACCESS_KEY": SECRETS["merge"]},
        core.settings,
        notify=False,
    )
    AIServerService(ServerRepository(sessions), core.secrets).add(
        "Ollama box", "http://10.0.0.5:11434/v1", SECRETS["ollama"]
    )
    connectors = ConnectorRepository(sessions)
    connectors.set_state("merge.origin_user_id", "origin-user-setup-1")
    connectors.set_connector_enabled("merge:hubspot", False)
    connectors.set_tools_enabled("merge:github", ["delete_repo"], False)
    draft = McpServerDraft(
        name="GitHub MCP",
        transport=McpTransport.STDIO,
        command="github-mcp",
        args=("--stdio",),
        env=(NamedValue("GITHUB_TOKEN", SECRETS["mcp_env"], secret=True), NamedValue("LOG", "debug")),
    )
    github = connectors.add_mcp_server(draft)
    save_mcp_secrets(core.secrets, github.id, draft)
    web = McpServerDraft(
        name="Web tools",
        transport=McpTransport.HTTP,
        url="https://mcp.setup-test.example/mcp",
        headers=(NamedValue("Authorization", SECRETS["mcp_header"], secret=True),),
    )
    web_server = connectors.add_mcp_server(web)
    save_mcp_secrets(core.secrets, web_server.id, web)
    connectors.set_tools_enabled(web_server.key, ["fetch"], False)
    databases = DatabaseRepository(core.store)
    pg_draft = ConnectionDraft(
        name="Analytics",
        kind=DatabaseKind.POSTGRESQL,
        host="db.setup-test.example",
        port=5433,
        database="analytics",
        user="reader",
        tls_mode=TlsMode.REQUIRE,
        expose_to_ai=True,
        password=SECRETS["db_password"],
    )
    pg = databases.add_connection(pg_draft)
    save_db_secrets(core.secrets, pg.id, pg_draft)
    sb_draft = ConnectionDraft(
        name="Supa", kind=DatabaseKind.SUPABASE, supabase_url="https://abc.supabase.co", api_key=SECRETS["supabase"]
    )
    sb = databases.add_connection(sb_draft)
    save_db_secrets(core.secrets, sb.id, sb_draft)
    return {"analytics": pg.id, "supa": sb.id, "github": github.id, "web": web_server.id}


def fill_target(core: Core) -> None:
    """What the second machine already has: a server of the same name at another address (to be replaced), and
    rows that push ids away from the source's (so imported secrets must follow the new ids)."""
    sessions = core.store.sessions
    AIServerService(ServerRepository(sessions), core.secrets).add("Ollama box", "http://localhost:11434/v1")
    databases = DatabaseRepository(core.store)
    for name in ("Local one", "Local two", "Local three"):
        databases.add_connection(ConnectionDraft(name=name, kind=DatabaseKind.MYSQL, host="localhost"))
    connectors = ConnectorRepository(sessions)
    for name in ("Filesystem", "Memory", "Time"):
        connectors.add_mcp_server(McpServerDraft(name=name, transport=McpTransport.STDIO, command=name.lower()))
    core.config.apply_saved({"VECTOR_DEFAULT_MODEL": "local/model"}, core.settings, notify=False)


def snapshot(core: Core, backend: MemoryKeyring) -> dict[str, Any]:
    """Everything an import could change in a profile: the store's setup rows and the profile's keychain."""
    sessions = core.store.sessions
    connectors = ConnectorRepository(sessions)
    return {
        "settings": core.settings.load_all(),
        "servers": [(s.name, s.base_url, s.has_key, s.enabled) for s in ServerRepository(sessions).list_servers()],
        "mcp": [(s.id, s.name, s.url, s.command, s.headers, s.env) for s in connectors.list_mcp_servers()],
        "prefs": (connectors.connector_enabled_map(), connectors.tool_enabled_map()),
        "state": [connectors.get_state(k) for k in ("merge.origin_user_id", "merge.registered_user")],
        "databases": [(c.id, c.name, c.host, c.port) for c in DatabaseRepository(core.store).connections()],
        "keychain": keychain_of(core, backend),
    }


__all__ = ["PASSPHRASE", "SECRETS", "SETTING_VALUES", "db_secret_ref", "mcp_secret_ref"]
