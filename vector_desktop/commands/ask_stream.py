"""`vector-desktop ask`: streams one answer to stdout (imported only when the command runs)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from vector_desktop.commands.chat import EXIT_QUEUED, _fail
from vector_desktop.domain.chat import ChatListener

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.domain.chat import Message


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


async def ask(core: Core, args: argparse.Namespace, prompt: str) -> int:
    from vector_desktop.ai.models import LOCAL_MODEL_ID
    from vector_desktop.domain.chat import MessageStatus, Role
    from vector_desktop.services.chat_service import ChatService
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
            repo, client, default_model=default_model, local_model=LOCAL_MODEL_ID, is_reachable=reachable
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
