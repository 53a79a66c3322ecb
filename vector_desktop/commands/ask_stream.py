"""`vector-desktop ask`: streams one answer to stdout (imported only when the command runs)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from vector_desktop.commands.exit_codes import EXIT_QUEUED
from vector_desktop.commands.exit_codes import fail as _fail
from vector_desktop.domain.chat import ChatListener

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.domain.chat import Message, ToolOutcome
    from vector_desktop.domain.connectors_api import ConnectorsApi
    from vector_desktop.domain.tools import ToolSpec
    from vector_desktop.services.chat_tools.approvers import CommandLineApprover
    from vector_desktop.services.chat_tools.toolbox import ChatToolbox
    from vector_desktop.services.connectors.runtime import LoopThread


class _Printer(ChatListener):
    """Writes each piece of the answer to stdout as it arrives."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.printed = False
        self.ends_with_newline = True

    def message_delta(self, message_id: int, delta: str) -> None:
        self.out.write(delta)
        self.out.flush()
        self.printed = True
        self.ends_with_newline = delta.endswith("\n")


class _PrintedTools:
    """The chat's ToolProvider: the toolbox, with one line on stderr per call."""

    def __init__(self, toolbox: ChatToolbox, approver: CommandLineApprover, err: TextIO) -> None:
        self.toolbox = toolbox
        self.approver = approver
        self.err = err

    async def list_tools(self, conversation_id: str) -> list[ToolSpec]:
        return await self.toolbox.list_tools(conversation_id)

    async def call(self, conversation_id: str, call_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        outcome = await self.toolbox.call(conversation_id, call_id, name, arguments)
        self.err.write(f"tool {name}: {self.line(name, outcome)}\n")
        self.err.flush()
        return outcome

    def line(self, name: str, outcome: ToolOutcome) -> str:
        from vector_desktop.domain.tool_policy import DecisionKind
        from vector_desktop.domain.tools import ToolStatus

        if outcome.status is not None:
            took = f" in {outcome.duration_ms} ms" if outcome.duration_ms is not None else ""
            failed = outcome.status is not ToolStatus.SUCCEEDED and outcome.error
            return f"{outcome.status.value}{took}" + (f" ({' '.join(outcome.error.split())})" if failed else "")
        decision = outcome.decision
        if decision is not None and decision.kind is DecisionKind.ASKED_DENIED:
            return f"not allowed ({self.approver.refusals.get(name) or 'ask'})"
        if decision is not None and decision.kind is DecisionKind.DENIED:
            return f"not allowed (deny: {decision.reason})" if decision.reason else "not allowed (deny)"
        return f"not run ({' '.join(outcome.error.split()) or 'not available'})"

    async def choosable(self) -> list[ToolSpec]:
        return await self.toolbox.choosable()

    async def conversation_tools(self, conversation_id: str) -> Any:
        return await self.toolbox.conversation_tools(conversation_id)

    async def set_conversation_tools(self, conversation_id: str, choice: Any) -> None:
        await self.toolbox.set_conversation_tools(conversation_id, choice)


@dataclass
class _OpenTools:
    runtime: LoopThread
    connectors: ConnectorsApi
    databases: Any
    printed: _PrintedTools


async def _open_tools(core: Core, yes: bool) -> _OpenTools:
    """The connectors on their own loop thread (cached tools; servers start when a tool runs), the databases (the
    connections exposed to the AI) and the toolbox over both."""
    import asyncio

    from vector_desktop.core import make_chat_toolbox, make_connectors, make_databases, make_tool_source
    from vector_desktop.core_account import load_identity
    from vector_desktop.services.chat_tools.approvers import CommandLineApprover

    runtime, connectors = make_connectors(core, identity=load_identity(core))
    runtime.start()
    databases = make_databases(core)
    try:
        await asyncio.wrap_future(runtime.submit(connectors.open()))
        await databases.open()
        approver = CommandLineApprover(yes)
        toolbox = make_chat_toolbox(core, runtime, make_tool_source(core, connectors, databases), approver)
    except BaseException:
        await databases.close()
        runtime.stop()
        raise
    return _OpenTools(runtime, connectors, databases, _PrintedTools(toolbox, approver, sys.stderr))


async def _close_tools(tools: _OpenTools) -> None:
    import asyncio

    try:
        await tools.databases.close()
        await asyncio.wait_for(asyncio.wrap_future(tools.runtime.submit(tools.connectors.close())), 30)
    finally:
        tools.runtime.stop()


async def ask(core: Core, args: argparse.Namespace, prompt: str) -> int:
    tools = await _open_tools(core, bool(args.yes)) if getattr(args, "tools", False) else None
    try:
        return await _ask(core, args, prompt, tools.printed if tools is not None else None)
    finally:
        if tools is not None:
            await _close_tools(tools)


async def _ask(core: Core, args: argparse.Namespace, prompt: str, tools: _PrintedTools | None) -> int:
    from vector_desktop.ai.models import LOCAL_MODEL_ID
    from vector_desktop.domain.chat import MessageStatus, Role
    from vector_desktop.services.chat.chat_service import ChatService
    from vector_desktop.services.llm_factory import build_llm_client
    from vector_desktop.store.chat_repository import ChatRepository

    repo = ChatRepository(core.store.sessions)
    client = build_llm_client(core.config, cached_models=repo.cached_models())
    try:
        if args.conversation:
            conversation = repo.get_conversation(args.conversation)
            if conversation is None or conversation.deleted_at is not None:
                return _fail(f"there is no conversation with the id {args.conversation}.")
            changes: dict[str, Any] = {}
            if args.model:
                changes["model"] = args.model
            if args.system is not None:
                changes["system_prompt"] = args.system
            if args.json:
                changes["json_mode"] = True
            if changes:
                conversation = repo.update_conversation(conversation.id, **changes)
        else:
            conversation = repo.create_conversation(
                model=args.model or "", system_prompt=args.system or "", json_mode=bool(args.json)
            )
        default_model = (
            args.model or conversation.model or client.default_model(core.config.get("VECTOR_DEFAULT_MODEL"))
        )
        if not conversation.model:
            conversation = repo.update_conversation(conversation.id, model=default_model)

        def reachable(model: str) -> bool:
            return model.startswith("local:") or not core.offline

        printer = _Printer(sys.stdout)
        service = ChatService(
            repo, client, default_model=default_model, local_model=LOCAL_MODEL_ID, is_reachable=reachable, tools=tools
        )
        service.add_listener(printer)
        result: Message = await service.send(conversation.id, prompt)
        if printer.printed and not printer.ends_with_newline:
            sys.stdout.write("\n")
        sys.stdout.flush()
        if result.role is Role.USER and result.status is MessageStatus.QUEUED:
            _fail(
                f"offline: the question was saved in conversation {conversation.id} and waits in the outbox "
                "until the model's server can be reached."
            )
            return EXIT_QUEUED
        if result.error:
            return _fail(result.error)
        if sys.stderr.isatty():
            print(f"conversation {conversation.id}", file=sys.stderr)
        return 0
    finally:
        await client.aclose()


# ---------------------------------------------------------------------------------------------------- search
