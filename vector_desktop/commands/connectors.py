"""`vector-desktop connectors ...`: Merge connectors and MCP servers on the command line (no Qt).

    vector-desktop connectors [--profile DIR] ls             key<TAB>kind<TAB>name<TAB>state<TAB>tools
    vector-desktop connectors tools [CONNECTOR] [--json]     name<TAB>connector<TAB>annotations<TAB>description
    vector-desktop connectors call TOOL --args JSON [--json] [--timeout S] [--yes]
    vector-desktop connectors add-mcp NAME --url URL [--header 'Name: value']... [--oauth]
    vector-desktop connectors add-mcp NAME [--env NAME=VALUE]... [--cwd DIR] -- COMMAND ARGS...
    vector-desktop connectors rm NAME                        removes an MCP server (and its keychain entries)
    vector-desktop connectors import FILE|-                  adds the servers of an `mcpServers` JSON
    vector-desktop connectors refresh [CONNECTOR]            fetches everything again, then prints `ls`

CONNECTOR is a key (`merge:linear`, `mcp:3`), an MCP server's name or a Merge connector's slug or name. Header and
environment values whose name looks secret (…KEY, …TOKEN, Authorization, …) go to the keychain. A tool that asks
for input mid-call is answered on the terminal (`--yes` takes the defaults; without a terminal it is declined).
Errors are one line on stderr with exit code 1 (2 for usage).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vector_desktop.core import Core


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 0 < value <= 24 * 3600:
        raise argparse.ArgumentTypeError("the timeout must be more than 0 and at most a day")
    return value


class _TailParser(argparse.ArgumentParser):
    """A parser that can keep everything after `--` as a command line (`add-mcp NAME --env A=1 -- npx -y pkg`):
    argparse alone cannot take options between a positional and `--` followed by a list of words."""

    tail_dest = ""

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        words = list(args) if args is not None else None
        if not self.tail_dest or words is None or "--" not in words:
            return super().parse_known_args(words, namespace)
        cut = words.index("--")
        parsed, extras = super().parse_known_args(words[:cut], namespace)
        setattr(parsed, self.tail_dest, words[cut + 1 :])
        return parsed, extras


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "connectors",
        parents=[common],
        help="Merge connectors and MCP servers: list, tools, run a tool, add or remove servers",
        description="Merge connectors and your MCP servers: their tools, running one, adding and removing servers.",
    )
    actions = parser.add_subparsers(dest="connectors_action", metavar="ACTION", required=True, parser_class=_TailParser)
    actions.add_parser("ls", parents=[common], help="list connectors (key, kind, name, state, tools)")
    tools = actions.add_parser("tools", parents=[common], help="list tools (name, connector, annotations, description)")
    tools.add_argument("connector", nargs="?", default=None, metavar="CONNECTOR", help="only this connector's tools")
    tools.add_argument("--json", action="store_true", help="print the tools as JSON, with their input schemas")
    call = actions.add_parser("call", parents=[common], help="run a tool and print its result")
    call.add_argument("tool", metavar="TOOL", help="the tool's qualified name (see `connectors tools`)")
    call.add_argument("--args", default="{}", metavar="JSON", help="the arguments as a JSON object (default {})")
    call.add_argument("--json", action="store_true", help="print the run as JSON (status, result, error)")
    call.add_argument("--timeout", type=_seconds, default=None, metavar="S", help="seconds to wait for the tool")
    call.add_argument("--yes", action="store_true", help="accept the defaults when the tool asks for input")
    add = actions.add_parser(
        "add-mcp",
        parents=[common],
        help="add an MCP server by URL, or by command after --",
        usage="%(prog)s NAME (--url URL [--header 'Name: value']... | [--env NAME=VALUE]... [--cwd DIR] -- CMD ...)",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--url", default="", help="the server's streamable HTTP address")
    add.add_argument("--header", action="append", default=[], metavar="'Name: value'", help="a request header")
    add.add_argument("--oauth", action="store_true", help="the server requires signing in (MCP authorization)")
    add.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="an environment variable")
    add.add_argument("--cwd", default="", metavar="DIR", help="the folder the command runs in")
    add.tail_dest = "command"  # after --: the command and its arguments
    add.set_defaults(command=[])
    rm = actions.add_parser("rm", parents=[common], help="remove an MCP server")
    rm.add_argument("name", metavar="NAME")
    imported = actions.add_parser("import", parents=[common], help="add the servers of an mcpServers JSON file")
    imported.add_argument("file", metavar="FILE", help="a Claude Desktop / Cursor style JSON file, or - for stdin")
    refresh = actions.add_parser("refresh", parents=[common], help="fetch connectors and tools again, then list")
    refresh.add_argument("connector", nargs="?", default=None, metavar="CONNECTOR")
    parser.set_defaults(handler=handle)


def handle(core: Core, args: argparse.Namespace) -> int:
    # The work lives in connectors_run, imported only when the command runs: the GUI imports this module at every
    # start to build its command line, before its first paint.
    from vector_desktop.commands.connectors_run import run

    return run(core, args)
