"""`vector-desktop ask | search | export`: the chat on the command line (no Qt).

vector-desktop ask [--profile DIR] [--model ID] [--system TEXT] [--json] [--conversation ID] [--tools [--yes]] PROMPT...
    streams the answer to stdout as it arrives; both messages are saved. PROMPT "-" reads stdin.
    --tools offers the connectors' tools to the model, under your tool policies; a call that would ask you is
    refused unless --yes is given. Each call prints one line on stderr ("tool NAME: succeeded in 120 ms").
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
import sys
from typing import TYPE_CHECKING, Any, TextIO

from vector_desktop.commands.exit_codes import fail as _fail

if TYPE_CHECKING:
    from vector_desktop.core import Core

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
    ask.add_argument("--tools", action="store_true", help="let the model use the connectors' tools (policies apply)")
    ask.add_argument("--yes", action="store_true", help="with --tools: allow calls that would ask you, once each")
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
    import asyncio  # here, not at the top: the GUI imports this module to build its command line

    from vector_desktop.commands.ask_stream import ask

    return asyncio.run(ask(core, args, prompt))


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
    from vector_desktop.services.chat.chat_export import export_conversation
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
