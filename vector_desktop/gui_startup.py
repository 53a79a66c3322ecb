"""The GUI's start-up after the first paint: the store opened with sqlite3, the services and the chat (ready: it
answers input), then SQLAlchemy on a worker thread with what start-up left for the store, the keychain, and the
other panels and features one per turn of the event loop (complete)."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path
from typing import Any

from PySide6.QtGui import QIcon

from vector_desktop.domain.errors import VectorError


def _import_all_tables() -> None:
    from vector_desktop.store import all_tables  # noqa: F401


async def finish_startup(session: Any) -> None:
    """The store and services, then the panels. The chat is built first; when it is the panel to show, it
    answers input (ready) while the other features are built, one per turn of the event loop."""
    from vector_desktop.gui_chat import build_chat
    from vector_desktop.gui_services import build_jobs_panel, build_services, build_storage_panel

    loop = asyncio.get_running_loop()
    try:
        session.core = await loop.run_in_executor(None, open_core_on_worker, session)
    except VectorError as error:
        session.fatal(str(error))
        return
    except OSError as error:
        session.fatal(f"Cannot use the profile folder {error.filename or session.paths.data_dir}: {error.strerror}.")
        return
    core = session.core
    build_services(session)
    await build_chat(session, core)
    session.report_startup_notices()
    if core.config.source("VECTOR_THEME").name != "DEFAULT" and core.config.get("VECTOR_THEME") != session.theme_choice:
        session.set_theme(str(core.config.get("VECTOR_THEME")), save=False)
    if session.window.panel_to_restore(session.args.panel) in ("", "chat"):
        session.window.restore_last_panel(session.args.panel)
        session.ready.set()
    await asyncio.sleep(0)  # input that came in is handled between the features' builds
    await load_store(session, core)
    await open_keychain(session, core)
    session.storage_panel = build_storage_panel(session)
    session.window.add_panel(
        "storage", session.window.tr("Storage"), QIcon(":/icons/storage.svg"), session.storage_panel
    )
    await asyncio.sleep(0)
    await build_features(session, core)
    session.jobs_panel = build_jobs_panel(session)
    session.window.add_panel("jobs", session.window.tr("Jobs"), QIcon(":/icons/jobs.svg"), session.jobs_panel)
    if not session.ready.is_set():
        session.window.restore_last_panel(session.args.panel)
        session.ready.set()
    session.connectivity.start()
    session.complete.set()
    await loop.run_in_executor(None, session.save_import_answers)
    gc.freeze()  # start-up objects live for the whole run: keep them out of every later collection
    session.garbage_collector.paused = False
    if session.args.screenshot:
        await session.take_screenshot(Path(session.args.screenshot))
    else:
        from vector_desktop.gui_dialogs import ask_privacy_question

        ask_privacy_question(session)


async def open_keychain(session: Any, core: Any) -> None:
    """After the chat is shown, so a slow or locked keychain holds nothing up: probe it, ask for the vault's
    passphrase when there is no keychain, then give the chat its providers' keys (its answers wait until
    then). The features that read secrets are built after this."""
    from vector_desktop.gui_chat import apply_keychain_providers

    try:
        try:
            await asyncio.get_running_loop().run_in_executor(None, core.secrets.check)
        except VectorError as error:
            session.notify("keychain", str(error))
        if session.interactive:
            from vector_desktop.gui_features import ask_vault_passphrase

            await ask_vault_passphrase(core, session.window)
        if core.secrets.problem:
            session.notify("keychain", core.secrets.problem)
    finally:
        await apply_keychain_providers(session)


def open_core_on_worker(session: Any) -> Any:
    """On a worker thread: the store opened with sqlite3 (checked, migrated), settings and keychain. SQLAlchemy
    is loaded later (load_store), with every table module imported first (before any query: StoreSessions)."""
    session.load_import_answers()  # first: the imports below are checked with the last start's answers
    from vector_desktop.core import open_core

    core = open_core(session.paths, offline=bool(session.args.offline))
    core.store.loader.before_load.append(_import_all_tables)
    return core


async def load_store(session: Any, core: Any) -> None:
    """Right after the chat answers input: SQLAlchemy and the tables (~230 ms) load on a worker thread, then
    what start-up left for the store (recovery after a crash, the Jobs list, the conversations). A repository
    used before that waits for the load on its own (worker) thread."""
    from vector_desktop.gui_chat import open_chat
    from vector_desktop.gui_services import open_store_parts

    try:
        await asyncio.get_running_loop().run_in_executor(None, core.store.loader.get)
        await open_store_parts(session)
        await open_chat(session)
    except BaseException:  # start-up ends with the error's report; answers must not wait for it forever
        if not session.models_settled.done():
            session.models_settled.set_result(None)
        raise


async def build_features(session: Any, core: Any) -> None:
    """The connectors, databases, account, email and setup; then the chat's tools (a message sent before waits
    for them; if they cannot be built, it goes without tools)."""
    from vector_desktop import gui_features

    try:
        await gui_features.build_features(session, core)
    finally:
        session.pending_tools.resolve(session.chat_tools.toolbox if session.chat_tools is not None else None)
