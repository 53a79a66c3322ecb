"""GUI composition of tools in chat: the policy engine over the store, the audit log beside the store, the chat's
toolbox over the connectors (with the GUI approver: the approval dialog), the composer's tools catalog and the tool
policy's dialogs in the chat panel (approvals, the tools chooser), and the Connectors panel's Permissions tab.

Called from `GuiSession.finish_startup` once both the chat and the connectors exist (the chat is built first, so
until then it has no tools).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import Any

AUDIT_FILE = "tool-audit.jsonl"


def tool_groups(connectors: Any) -> list[Any]:
    """The tools a conversation may offer, per connector: enabled tools of enabled connectors (memory reads)."""
    from vector_desktop.domain.tools import ToolGroup

    groups = []
    for info in connectors.connectors():
        if not info.enabled:
            continue
        tools = tuple(t for t in connectors.tools(info.key) if t.enabled)
        if tools:
            groups.append(ToolGroup(info.key, info.name, tools))
    return groups


class GrantNotifyingEngine:
    """The policy engine as the toolbox sees it: when an answer from the approval dialog stores a grant (on an
    executor thread), `granted` is called on the GUI loop (the Permissions tab lists grants)."""

    def __init__(self, engine: Any, granted: Callable[[], Any], loop: asyncio.AbstractEventLoop) -> None:
        self._engine = engine
        self._granted = granted
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def answer(self, *args: Any, **kwargs: Any) -> Any:
        decision = self._engine.answer(*args, **kwargs)
        if decision.grant is not None:
            self._loop.call_soon_threadsafe(self._granted)
        return decision


class ChatTools:
    """What the window holds of tools in chat (built by `build_chat_tools`)."""

    def __init__(self, engine: Any, audit: Any, toolbox: Any, chat_service: Any, chat_vm: Any) -> None:
        self.engine = engine
        self.audit = audit
        self.toolbox = toolbox
        self.permissions: Any = None  # the Permissions tab's view-model
        self.source: Any = None  # the tool registry (the connectors', with the databases' tools when there are)
        self.relay: Any = None  # the registry's events as signals
        self._chat_service = chat_service
        self._vm = chat_vm.tools

    def grant_made(self) -> None:
        if self.permissions is not None:
            self.permissions.reload()

    async def close(self) -> None:
        if self.relay is not None:
            self.source.remove_listener(self.relay.listener)
        if self.permissions is not None:
            self.permissions.close()
        self._vm.set_catalog(None)
        self._chat_service.set_tools(None)


async def build_chat_tools(
    core: Any,
    chat_service: Any,
    chat_vm: Any,
    connectors: Any,
    scrubber: Any = None,
    *,
    run_blocking: Callable[[Callable[[], Any]], Any] | None = None,
    jobs: Any = None,
    registry: Any = None,
    databases: Any = None,
    email: Any = None,
    chat_panel: Any,
) -> ChatTools:
    """`chat_panel`: the chat panel, whose composer shows the tool policy's approval dialog and tools chooser.
    `jobs` and `registry`: the job pool, to which calls that run long are handed (shown in the Jobs panel).
    `databases`: the databases service, whose exposed connections add their tools (one registry with the
    connectors' tools: the toolbox, the composer and the Permissions tab see both). `email`: the email service,
    whose `send_email` tool is always asked before it runs."""
    from vector_desktop.core import make_tool_source
    from vector_desktop.presentation.tools.tool_events import ConnectorsEventBridge
    from vector_desktop.services.chat_tools.long_calls import LongCalls
    from vector_desktop.services.chat_tools.toolbox import ChatToolbox
    from vector_desktop.services.tool_policy.audit import AuditLog
    from vector_desktop.services.tool_policy.engine import PolicyEngine
    from vector_desktop.store.chat_repository import ChatRepository
    from vector_desktop.store.tool_policy_repository import ToolPolicyRepository
    from vector_desktop.views.tool_policy.approval_presenter import ApprovalPresenter
    from vector_desktop.views.tool_policy.permissions_tab import attach_permissions
    from vector_desktop.views.tool_policy.tools_chooser import ToolsChooserDialog

    loop = asyncio.get_running_loop()

    def blocking(fn: Callable[[], Any]) -> Any:
        return loop.run_in_executor(None, fn)

    run_blocking = run_blocking or blocking
    engine = PolicyEngine(ToolPolicyRepository(core.store.sessions))
    await run_blocking(engine.reload)
    audit = AuditLog(core.paths.data_dir / AUDIT_FILE)
    tools_vm = chat_vm.tools
    chat_tools = ChatTools(engine, audit, None, chat_service, chat_vm)
    long_calls = None
    if jobs is not None and registry is not None:
        long_calls = LongCalls(jobs)
        long_calls.register(registry)
    source: Any = make_tool_source(core, connectors.service, databases, email=email, scrubber=scrubber)
    chat_tools.source = source
    # The composer's tool list follows the registry (connectors and exposed database connections).
    relay = ConnectorsEventBridge(chat_vm)
    source.add_listener(relay.listener)
    relay.tools_changed.connect(lambda _keys: tools_vm.refresh())
    relay.connectors_changed.connect(tools_vm.refresh)
    chat_tools.relay = relay
    toolbox = ChatToolbox(
        source,
        connectors.runtime,
        GrantNotifyingEngine(engine, chat_tools.grant_made, loop),
        audit,
        approver=tools_vm.approver,
        run_blocking=run_blocking,
        scrubber=scrubber,
        long_calls=long_calls,
    )
    chat_tools.toolbox = toolbox
    chat_panel.tools.attach_tool_policy(ApprovalPresenter(tools_vm.approver, chat_panel), ToolsChooserDialog)
    chat_service.set_tools(toolbox)
    tools_vm.set_catalog(lambda: tool_groups(source))
    chats = ChatRepository(core.store.sessions)

    def conversation_titles(ids: Sequence[str]) -> Mapping[str, str]:
        found = (chats.get_conversation(cid) for cid in ids)
        return {c.id: c.display_title for c in found if c is not None}

    chat_tools.permissions = attach_permissions(
        connectors.panel,
        engine=engine,
        connectors=source,
        run_blocking=run_blocking,
        conversation_titles=conversation_titles,
    )
    return chat_tools
