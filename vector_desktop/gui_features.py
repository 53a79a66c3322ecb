"""GUI composition of the features built after the chat and storage: the account, connectors, databases, setup
export/import, email and the chat's tools, and the links between them (the account names the Merge user, the email
sender and the telemetry user; shares by email come from the chat, storage and databases panels; an imported
setup makes the features read their state again). `GuiRun.finish_startup` calls `build_features` once."""

from __future__ import annotations

import asyncio
import functools
from typing import Any


async def ask_vault_passphrase(core: Any, window: Any) -> None:
    """No keychain and no ENCRYPTION_KEY (or an old vault to move): ask the passphrase once per session, before any
    service reads a secret (Config caches what it resolves)."""
    loop = asyncio.get_running_loop()
    secrets = core.secrets
    needs, exists, keychain = await loop.run_in_executor(
        None, lambda: (secrets.needs_passphrase, secrets.vault_exists, secrets.has_keychain)
    )
    if not needs:
        return
    from vector_desktop.presentation.vault_passphrase import VaultPassphraseViewModel
    from vector_desktop.views.vault_passphrase_dialog import ask_vault_passphrase as ask

    view_model = VaultPassphraseViewModel(
        secrets, functools.partial(loop.run_in_executor, None), creating=not exists, moving=keychain, parent=window
    )
    await ask(view_model, window)


async def build_features(run: Any, core: Any) -> None:
    """Build the second half's features on `run` (the GuiRun: its window, job pool, panels and closers)."""
    from vector_desktop.gui_account import build_account
    from vector_desktop.gui_connectors import build_connectors
    from vector_desktop.gui_databases import build_databases
    from vector_desktop.gui_setup import build_setup
    from vector_desktop.gui_tools import build_chat_tools

    window = run.window
    run.account = await build_account(core, window=window)
    run.closers.append(run.account.close)
    run.account.service.add_listener(functools.partial(_account_changed, run))
    _account_changed(run, run.account.service.current())

    run.connectors = await build_connectors(
        core, window=window, registry=run.task_registry, jobs=run.pool, jobs_bridge=run.jobs_bridge,
        open_settings=run.open_settings, online_changed=run.connectivity.online_changed,
        identity=run.account.service,
    )  # fmt: skip
    run.closers.append(run.connectors.close)
    await asyncio.sleep(0)  # input is handled between the features' builds (the chat may be in use already)
    run.databases = await build_databases(
        core, window=window, registry=run.task_registry, jobs=run.pool, jobs_bridge=run.jobs_bridge
    )
    run.closers.append(run.databases.close)
    await asyncio.sleep(0)
    run.setup_gui = build_setup(core, window=window)
    run.setup_gui.imported.connect(functools.partial(_setup_imported, run))
    _build_email(run, core)
    # The chat was built first: it gets its tools now that the connectors, databases and email exist.
    run.chat_tools = await build_chat_tools(
        core, run.chat_service, run.chat_vm, run.connectors, run.scrubber, jobs=run.pool,
        registry=run.task_registry, databases=run.databases.service, email=run.email.service,
        chat_panel=run.chat_panel,
    )  # fmt: skip
    run.closers.append(run.chat_tools.close)


def _build_email(run: Any, core: Any) -> None:
    """The outbox worker, File → Outbox… and the shares by email from the chat, storage and databases panels."""
    from vector_desktop.domain.storage import LinkPurpose
    from vector_desktop.gui_email import build_email

    storage = run.storage
    run.email = build_email(
        core, window=run.window, identity=run.account.service, conversation_markdown=None,
        file_link=lambda key: storage.run(storage.link, key, purpose=LinkPurpose.API),
    )  # fmt: skip
    run.closers.append(run.email.close)
    run.connectivity.online_changed.connect(run.email.set_online)
    run.chat_panel.share_by_email_requested.connect(run.email.share_conversation)
    run.storage_panel.share_link_by_email_requested.connect(run.email.share_file)
    run.databases.panel.share_csv_requested.connect(run.email.share_csv)


def _account_changed(run: Any, profile: Any) -> None:
    """Telemetry names the user by a hash of the account, and only while the user agreed to it."""
    user_hash = profile.user_hash if profile is not None else None
    run.analytics.set_user(user_hash)
    run.crash_reporter.set_user(user_hash)


def _setup_imported(run: Any, sections: list[str]) -> None:
    """A setup import changed these sections: the features read them again (settings were announced already)."""
    if "ai_servers" in sections:
        run.ai_servers_vm.servers_changed.emit()  # new providers and a model-list refresh

    async def reload_databases() -> None:
        await run.databases.service.open()
        run.databases.view_model.reload()

    async def reload_connectors() -> None:
        await asyncio.wrap_future(run.connectors.runtime.submit(run.connectors.service.reload()))
        run.connectors.view_model.reload()

    if "databases" in sections:
        run.tasks.start(reload_databases(), "setup-databases")
    if "connectors" in sections:
        run.tasks.start(reload_connectors(), "setup-connectors")
