"""`vector-desktop ask | search | export`: the chat on the command line (no Qt).

vector-desktop ask [--profile DIR] [--model ID] [--system TEXT] [--json] [--conversation ID] PROMPT...
    streams the answer to stdout as it arrives; both messages are saved. PROMPT "-" reads stdin.
    Exit 0; 1 on failure (one line on stderr; the question and any partial answer stay saved);
    3 when offline: the question waits in the outbox (the GUI sends it when the server can be reached).
vector-desktop search [--profile DIR] [--limit N] QUERY...
    conversation_id<TAB>message_id<TAB>snippet, newest first; matches marked **like this**
    (bold on a terminal).
vector-desktop export [--profile DIR] CONVERSATION_ID [--format md|json] [--output FILE]
    the conversation as Markdown or JSON on stdout (or in FILE).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING, Any, TextIO

from vector_desktop.domain.chat import ChatListener

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.domain.chat import Message

EXIT_FAILED = 1
EXIT_QUEUED = 3
ANSI_BOLD, ANSI_RESET = "\x1b[1m", "\x1b[0m"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    ask = subparsers.add_parser(
        "ask",
        parents=[common],
        help="ask a model; the answer streams to stdout",
        description="Ask a model. The answer is printed as it arrives; question and answer are saved in the "
        "profile's chat history (a new conversation unless --conversation is given).",
    )
    ask.add_argument("--model", metavar="ID", help="model id (sets the conversation's model)")
    ask.add_argument("--system", metavar="TEXT", help="system prompt (sets the conversation's system prompt)")
    ask.add_argument("--json", action="store_true", help="JSON mode: ask for a JSON answer")
    ask.add_argument("--conversation", metavar="ID", help="continue this conversation")
    ask.add_argument("prompt", nargs="+", metavar="PROMPT", help='the question ("-" reads it from stdin)')
    ask.set_defaults(handler=ask_command)

    search = subparsers.add_parser(
        "search",
        parents=[common],
        help="full-text search over all messages",
        description="Search every message. Prints conversation_id<TAB>message_id<TAB>snippet, newest first.",
    )
    search.add_argument("--limit", type=int, default=50, metavar="N", help="at most N results (default 50)")
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.set_defaults(handler=search_command)

    export = subparsers.add_parser(
        "export",
        parents=[common],
        help="print a conversation as Markdown or JSON",
        description="Export one conversation as Markdown or JSON.",
    )
    export.add_argument("conversation_id", metavar="CONVERSATION_ID")
    export.add_argument("--format", choices=("md", "json"), default="md", help="md (default) or json")
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    export.set_defaults(handler=export_command)


def _fail(message: str) -> int:
    print(f"vector-desktop: {' '.join(message.split())}", file=sys.stderr, flush=True)
    return EXIT_FAILED


def _utf8(stream: TextIO) -> None:
    # Pipes on some systems default to a legacy encoding; an answer may hold any character.
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and not stream.isatty():
        reconfigure(encoding="utf-8", errors="replace")


# ---------------------------------------------------------------------------------------------------- ask


def ask_command(core: Core, args: argparse.Namespace) -> int:
    prompt = " ".join(args.prompt)
    if prompt == "-":
        prompt = sys.stdin.read()
    if not prompt.strip():
        return _fail("the question is empty.")
    _utf8(sys.stdout)
    return asyncio.run(_ask(core, args, prompt))


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


async def _ask(core: Core, args: argparse.Namespace, prompt: str) -> int:
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


def search_command(core: Core, args: argparse.Namespace) -> int:
    from vector_desktop.store.chat_repository import ChatRepository

    _utf8(sys.stdout)
    hits = ChatRepository(core.store.sessions).search(" ".join(args.query), limit=max(args.limit, 1))
    start, end = (ANSI_BOLD, ANSI_RESET) if sys.stdout.isatty() else ("**", "**")
    for hit in hits:
        snippet = " ".join(hit.marked(start, end).split())  # one line per hit, whatever the message held
        sys.stdout.write(f"{hit.conversation_id}\t{hit.message_id}\t{snippet}\n")
    sys.stdout.flush()
    return 0


# ---------------------------------------------------------------------------------------------------- export


def export_command(core: Core, args: argparse.Namespace) -> int:
    from vector_desktop.services.chat_export import export_conversation
    from vector_desktop.store.chat_repository import ChatRepository

    repo = ChatRepository(core.store.sessions)
    if repo.get_conversation(args.conversation_id) is None:
        return _fail(f"there is no conversation with the id {args.conversation_id}.")
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            export_conversation(repo, args.conversation_id, args.format, handle)
        return 0
    _utf8(sys.stdout)
    export_conversation(repo, args.conversation_id, args.format, sys.stdout)
    sys.stdout.flush()
    return 0
