"""The Qt-free part of the composition root: paths, store, settings and secrets, shared by the GUI and the CLI."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vector_desktop.config import Config, load_config
from vector_desktop.paths import AppPaths
from vector_desktop.secrets import SecretStore
from vector_desktop.store.engine import OpenedStore, open_store
from vector_desktop.store.settings_repository import SettingsRepository

if TYPE_CHECKING:
    from vector_desktop.domain.connectors import McpServerConfig
    from vector_desktop.domain.connectors_api import ConnectorsRuntime, ToolSource
    from vector_desktop.domain.databases_api import DatabasesApi
    from vector_desktop.domain.db_store import ConnectionStore
    from vector_desktop.domain.tool_policy import Approver
    from vector_desktop.services.chat_tools.toolbox import ChatToolbox
    from vector_desktop.services.connectors.connectors_service import ConnectorsService
    from vector_desktop.services.connectors.runtime import LoopThread
    from vector_desktop.services.databases.databases_service import DatabasesService
    from vector_desktop.services.scrubber import Scrubber
    from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
    from vector_desktop.store.chat_repository import ChatRepository
    from vector_desktop.store.storage_repository import StorageRepository


def keychain_service(paths: AppPaths) -> str:
    """One keychain namespace per profile, so a test or second profile never sees the main profile's keys."""
    if paths.profile_dir is None:
        return "vector-desktop"
    digest = hashlib.sha256(str(paths.profile_dir).encode()).hexdigest()[:12]
    return f"vector-desktop:{digest}"


def dotenv_paths(paths: AppPaths, cwd: Path | None = None) -> list[Path]:
    """.env in the working directory, then the profile's .env (the later file wins)."""
    return [(cwd or Path.cwd()) / ".env", paths.profile_env_file]


@dataclass
class Core:
    paths: AppPaths
    store: OpenedStore
    config: Config
    secrets: SecretStore
    settings: SettingsRepository
    offline: bool = False
    closers: list = field(default_factory=list)

    def close(self) -> None:
        for closer in reversed(self.closers):
            closer()
        self.closers.clear()
        self.store.dispose()


def open_core(
    paths: AppPaths,
    *,
    offline: bool = False,
    environ: Mapping[str, str] | None = None,
    secrets: SecretStore | None = None,
) -> Core:
    """Open everything the services need. Raises VectorError subclasses with messages for the user."""
    paths.ensure()
    store = open_store(paths.store_file, paths.backup_dir)
    env = dict(os.environ if environ is None else environ)
    secret_store = secrets or SecretStore(keychain_service(paths), vault=_secret_vault(paths, env))
    settings = SettingsRepository(store)
    config: Config = load_config(dotenv_paths(paths), env, settings.load_all(), secret_store)
    return Core(paths, store, config, secret_store, settings, offline)


def _secret_vault(paths: AppPaths, environ: Mapping[str, str]) -> Any:
    """The profile's encrypted secrets file, used only when no OS keychain is. Its key, ENCRYPTION_KEY from the
    environment then the .env files (it cannot come from the keychain), is read and derived on first use only."""
    from vector_desktop.secret_vault import VAULT_FILE, SecretVault

    files = dotenv_paths(paths)

    def encryption_key() -> str:
        if environ.get("ENCRYPTION_KEY", "").strip():
            return environ["ENCRYPTION_KEY"]
        from dotenv import dotenv_values

        for path in reversed(files):  # the later file wins
            try:
                value = dotenv_values(path).get("ENCRYPTION_KEY") if path.is_file() else None
            except (OSError, UnicodeDecodeError):
                continue
            if value and value.strip():
                return value
        return ""

    return SecretVault(paths.data_dir / VAULT_FILE, encryption_key)


def make_scrubber(core: Core) -> Scrubber:
    """What removes secrets and the home folder from logs, crash reports, analytics and tool records: the keychain
    values seen this session and the secret settings of .env and the environment (read when it scrubs)."""
    from vector_desktop.services.scrubber import Scrubber, secret_values_of

    return Scrubber(secret_values_of(core.secrets, core.config), Path.home())


def storage_root(paths: AppPaths) -> Path:
    """The local backend's folder in the profile."""
    return paths.data_dir / "storage"


def make_chat_repository(core: Core) -> ChatRepository:
    """The chat's repository over the core's store, made (and SQLAlchemy loaded) at its first use."""
    from vector_desktop.store.deferred import deferred

    def made() -> ChatRepository:
        from vector_desktop.store.chat_repository import ChatRepository

        return ChatRepository(core.store.sessions)

    return deferred(made)


def make_storage_service(core: Core, **kwargs: Any) -> CloudStorageService:
    """The storage service wired to the core's settings and store (shared by the CLI and the GUI)."""
    from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
    from vector_desktop.store.deferred import deferred

    def made() -> StorageRepository:
        from vector_desktop.store.storage_repository import StorageRepository

        return StorageRepository(core.store.sessions)

    repository = deferred(made)  # SQLAlchemy loads at its first use, not at start-up
    return CloudStorageService(
        core.config, local_root=storage_root(core.paths), state=repository, links=repository, **kwargs
    )


def make_connectors(
    core: Core, *, open_browser: Callable[[str], Any] | None = None, **kwargs: Any
) -> tuple[LoopThread, ConnectorsService]:
    """The connectors' loop thread (not started yet) and the service that runs on it, wired to the core's store,
    settings and keychain (shared by the CLI and the GUI). The caller runs `service.open()` on the loop, and at the
    end `service.close()` then `runtime.stop()`. `open_browser(url)` shows an MCP server's sign-in page (None: no
    one can sign in now, such servers say they need a sign-in). Other keyword arguments go to ConnectorsService
    (a scrubber, a session factory...); `identity` (the signed-in account) names the Merge registered user."""
    from vector_desktop.services.connectors.connectors_service import ConnectorsService
    from vector_desktop.services.connectors.merge_service import MergeService
    from vector_desktop.services.connectors.runtime import LoopThread
    from vector_desktop.store.connector_repository import ConnectorRepository
    from vector_desktop.store.tool_action_repository import ToolActionRepository

    def oauth(config: McpServerConfig) -> Any:
        from vector_desktop.services.connectors.mcp_oauth import make_oauth_provider

        return make_oauth_provider(config.id, config.url, core.secrets, open_browser, server_name=config.name)

    kwargs.setdefault("auth_for", oauth)
    store = ConnectorRepository(core.store.sessions)
    scrubber = kwargs.pop("scrubber", None) or make_scrubber(core)
    merge = kwargs.pop("merge", None) or MergeService(core.config, store, identity=kwargs.pop("identity", None))
    service = ConnectorsService(
        core.config,
        store,
        ToolActionRepository(core.store.sessions),
        core.secrets,
        merge,
        scrubber,
        core.paths.data_dir,
        offline=kwargs.pop("offline", core.offline),
        **kwargs,
    )
    return LoopThread("connectors"), service


def make_databases(core: Core, *, store: ConnectionStore | None = None, **kwargs: Any) -> DatabasesService:
    """The databases service wired to the core's store (or `store`: a `db` command gives a
    DeferredDatabaseRepository), keychain and settings, with the real adapters (shared by the CLI and the GUI). The
    caller awaits `open()` first and `close()` at the end. Keyword arguments go to DatabasesService (`adapter_for`,
    `max_sessions`, `idle_s`, `connect_timeout_s`)."""
    from vector_desktop.services.databases.databases_service import DatabasesService

    if store is None:
        from vector_desktop.store.database_repository import DatabaseRepository

        store = DatabaseRepository(core.store)
    adapter_for = kwargs.pop("adapter_for", None)
    if adapter_for is None:
        from vector_desktop.adapters import adapter_for
    return DatabasesService(store, core.secrets, adapter_for, core.config, **kwargs)


def make_tool_source(
    core: Core, connectors: ToolSource, databases: DatabasesApi | None, *, email: Any = None, **kwargs: Any
) -> ToolSource:
    """One tool registry for the chat: the connectors' tools and, with `databases`, the tools of the connections
    exposed to the AI, and with `email` (the email service) `send_email` (their runs recorded as
    ConnectorToolAction rows too). Keyword arguments: a `scrubber`."""
    if databases is None and email is None:
        return connectors
    from vector_desktop.services.chat_tools.combined import CombinedTools
    from vector_desktop.services.tool_run_records import scrub_arguments
    from vector_desktop.store.tool_action_repository import ToolActionRepository

    scrubber = kwargs.pop("scrubber", None) or make_scrubber(core)
    sources: list[ToolSource] = [connectors]
    if databases is not None:
        from vector_desktop.services.databases.db_tools import SQL_SCHEMA, DatabaseTools

        sources.append(
            DatabaseTools(
                databases,
                ToolActionRepository(core.store.sessions),
                scrub_arguments=lambda arguments: scrub_arguments(arguments, SQL_SCHEMA, scrubber),
            )
        )
    if email is not None:
        from vector_desktop.core_email import make_email_tools
        from vector_desktop.services.email.email_tools import SCHEMA as EMAIL_SCHEMA

        sources.append(
            make_email_tools(
                core, email, scrub_arguments=lambda arguments: scrub_arguments(arguments, EMAIL_SCHEMA, scrubber)
            )
        )
    return CombinedTools(*sources)


TOOL_AUDIT_FILE = "tool-audit.jsonl"


def make_chat_toolbox(
    core: Core,
    runtime: ConnectorsRuntime,
    connectors: ToolSource,
    approver: Approver | None,
    **kwargs: Any,
) -> ChatToolbox:
    """The connectors' tools for the chat, under a policy engine over the store's policies (read now: blocking)
    and an audit log at `<data_dir>/tool-audit.jsonl`. Keyword arguments go to ChatToolbox (run_blocking, timeout,
    an `engine` or `audit` the caller already has...)."""
    from vector_desktop.services.chat_tools.toolbox import ChatToolbox
    from vector_desktop.services.tool_policy.audit import AuditLog
    from vector_desktop.services.tool_policy.engine import PolicyEngine
    from vector_desktop.store.tool_policy_repository import ToolPolicyRepository

    engine = kwargs.pop("engine", None)
    if engine is None:
        engine = PolicyEngine(ToolPolicyRepository(core.store.sessions))
        engine.reload()
    audit = kwargs.pop("audit", None) or AuditLog(core.paths.data_dir / TOOL_AUDIT_FILE)
    kwargs.setdefault("scrubber", make_scrubber(core))
    return ChatToolbox(connectors, runtime, engine, audit, approver=approver, **kwargs)
