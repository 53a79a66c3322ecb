"""GUI composition of the chat: the LLM client (first with the keys of .env and the environment; the keychain's
are added once the chat is shown, `apply_keychain_providers`), the chat service, its view-model and panel, and the
AI servers dialog with what follows a change of servers (new providers, a model-list refresh, the model picker
reloaded). `GuiSession.finish_startup` calls `build_chat` first: the chat is the panel most starts show, so it
answers input before the other features are built."""

from __future__ import annotations

import asyncio
import contextlib
from functools import partial
from typing import Any

from PySide6.QtGui import QIcon


async def build_chat(session: Any, core: Any) -> None:
    """The chat panel, added to the window. Until the features give it its tools, a message sent waits for them."""
    from vector_desktop.ai.errors import AIError
    from vector_desktop.ai.models import LOCAL_MODEL_ID
    from vector_desktop.core import make_chat_repository
    from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
    from vector_desktop.services.ai_servers import AIServerService
    from vector_desktop.services.chat import model_catalog
    from vector_desktop.services.chat.chat_service import ChatService
    from vector_desktop.services.chat.pending_tools import PendingTools
    from vector_desktop.services.llm_factory import build_llm_client
    from vector_desktop.services.reachability import ProviderReachability
    from vector_desktop.store.deferred import deferred
    from vector_desktop.views.chat.chat_panel import ChatPanel

    loop = asyncio.get_running_loop()
    config = core.config
    window = session.window
    repo = make_chat_repository(core)  # SQLAlchemy loads after the chat is shown: open_chat
    session.chat_repository = repo

    async def run_blocking(fn: Any, *args: Any, **kwargs: Any) -> Any:
        return await loop.run_in_executor(None, partial(fn, *args, **kwargs))

    # The keychain is not waited for here: the client starts with the providers whose keys are in .env or the
    # environment (and the on-device model); `apply_keychain_providers` adds the keychain's keys and the
    # user-added servers right after the chat is shown, and until then the chat's answers wait for them.
    servers = AIServerService(deferred(lambda: _server_repository(core)), core.secrets, model_cache=repo)
    client = await loop.run_in_executor(None, lambda: build_llm_client(config, keychain=False))  # cache: open_chat
    session.llm_client = client

    def base_url(model: str) -> str | None:
        try:
            return str(client.route(model)[0].base_url)
        except AIError:
            return None

    session.reachability = ProviderReachability(base_url, offline=bool(session.args.offline))
    service = ChatService(
        repo,
        client,
        run_blocking=run_blocking,
        is_reachable=session.reachability.is_reachable,
        default_model=lambda: client.default_model(str(config.get("VECTOR_DEFAULT_MODEL") or "")),
        local_model=LOCAL_MODEL_ID,
    )
    session.pending_tools = PendingTools()
    service.set_tools(session.pending_tools)
    session.models_settled = loop.create_future()
    service.wait_for_models(session.models_settled)  # also waits for open_chat's recovery (it comes first)
    session.chat_service = service
    catalog = model_catalog.ModelCatalog(repo)  # (its tasks are registered by core_jobs.make_task_registry)
    remote_urls = [p.base_url for p in client.providers if p.kind != "local"]
    session.chat_vm = ChatViewModel(
        service,
        run_blocking=lambda fn: loop.run_in_executor(None, fn),
        models=catalog.models,
        check_context=client.check_context,
        jobs=session.pool,
        refresh_reachability=lambda: session.reachability.refresh(remote_urls),
        local_available=client.local_available,
        image_uploader=session.upload_image_for_chat,
        parent=window,
    )
    session.connectivity.online_changed.connect(session.chat_vm.set_online)
    session.chat_panel = ChatPanel(session.chat_vm)
    window.add_panel("chat", window.tr("Chat"), QIcon(":/icons/chat.svg"), session.chat_panel)
    session.chat_vm.conversation_selected.connect(lambda cid: session.prefs.setValue("chat/last", cid))
    session.closers.append(client.aclose)
    session.closers.append(session.chat_vm.aclose)
    session.remote_providers = bool(remote_urls)
    _wire_ai_servers(session, servers, client, remote_urls)


async def open_chat(session: Any) -> None:
    """Once the store's SQLAlchemy is loaded (GuiSession.load_store): answers and tool calls a crash left streaming
    become interrupted, the model cache gives the client its context sizes and prices, and the conversations are
    read. Before `models_settled`, so no answer of this run can be taken for one a crash left."""
    from vector_desktop.services.llm_factory import catalog_from_cache

    loop = asyncio.get_running_loop()
    await session.chat_service.recover()
    cached = await loop.run_in_executor(None, session.chat_repository.cached_models)
    session.llm_client.update_catalog(catalog_from_cache(cached))
    session.chat_vm.load(select=str(session.prefs.value("chat/last", "") or ""))


def _server_repository(core: Any) -> Any:
    from vector_desktop.store.server_repository import ServerRepository

    return ServerRepository(core.store.sessions)


def _wire_ai_servers(session: Any, servers: Any, client: Any, remote_urls: list[str]) -> None:
    """The AI servers dialog's view-model, and what follows a change: new providers for the LLM client, the
    model-list refresh job, the chat's picker reloaded (also when any model-list refresh finishes)."""
    from vector_desktop.ai.providers import providers_from_settings
    from vector_desktop.presentation.ai_servers_viewmodel import AIServersViewModel, ProvidersUpdater

    config = session.core.config

    def run_blocking(fn: Any) -> Any:
        return session.loop.run_in_executor(None, fn)

    def providers_applied(providers: list[Any]) -> None:
        remote_urls[:] = [p.base_url for p in providers if p.kind != "local"]  # the outbox's reachability
        session.remote_providers = bool(remote_urls)
        session.connectivity.check_now()

    session.ai_servers_vm = AIServersViewModel(servers, run_blocking, parent=session.window)
    updater = ProvidersUpdater(
        lambda: providers_from_settings(config.get, servers.provider_configs()),
        client.set_providers,
        session.chat_vm.reload_models,
        run_blocking=run_blocking,
        jobs=session.pool,
        parent=session.window,
    )
    updater.applied.connect(providers_applied)
    session.providers_updater = updater
    updater.error_occurred.connect(lambda text: session.notify("ai_servers", text))
    session.ai_servers_vm.servers_changed.connect(updater.apply)
    provider_settings = {
        "OPENROUTER_API_KEY", "OPENROUTER_BASE_URL", "OPENROUTER_APP_NAME", "OPENAI_API_KEY", "OPENAI_BASE_URL",
    }  # fmt: skip
    config.listeners.append(lambda changed: updater.apply() if set(changed) & provider_settings else None)
    session.jobs_bridge.job_changed.connect(updater.on_job_changed)
    session.window.ai_servers_requested.connect(lambda: open_ai_servers(session))
    session.closers.append(session.ai_servers_vm.close)
    session.closers.append(updater.close)


async def apply_keychain_providers(session: Any) -> None:
    """After the keychain was probed (and a vault unlocked): the providers with the keychain's keys and the
    user-added servers, then the chat's waiting answers go. They go also when this fails (with what is known)."""
    try:
        with contextlib.suppress(Exception):  # reported by the updater (a notice); the chat must not wait forever
            await session.providers_updater.apply(refresh=False)
        # TLS certificates load now, off the GUI thread and after the chat is shown, not at the first request;
        # then, with nothing waiting for it, what that request loads.
        await session.loop.run_in_executor(None, session.llm_client.prepare)
        session.loop.run_in_executor(None, session.llm_client.warm_up)
    finally:
        if not session.models_settled.done():
            session.models_settled.set_result(None)


def open_ai_servers(session: Any) -> None:
    from vector_desktop.qtsupport.single_dialog import single_dialog
    from vector_desktop.views.ai_servers_dialog import AIServersDialog

    if session.ai_servers_dialog is None:
        session.ai_servers_vm.load()
    single_dialog(session, "ai_servers_dialog", lambda: AIServersDialog(session.ai_servers_vm, session.window)).open()


def connectivity_url(session: Any) -> str:
    """The first remote provider in use ("" before the chat is built: the checker falls back to its setting)."""
    client = getattr(session, "llm_client", None)
    urls = [p.base_url for p in client.providers if p.kind != "local"] if client is not None else []
    return str(urls[0]) if urls else ""


def model_listers(session: Any) -> list[Any]:
    """The remote providers of the LLM client, for the model-list refresh job (none before the chat is built)."""
    from vector_desktop.services.openrouter_service import OpenRouterService

    client = getattr(session, "llm_client", None)
    return [] if client is None else [OpenRouterService(p) for p in client.providers if p.kind != "local"]
