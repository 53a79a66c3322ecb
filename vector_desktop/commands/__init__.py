"""Command-line subcommands (no Qt). Each module has `register(subparsers, common)` that sets `handler`.

A handler is `handler(core: Core, args: argparse.Namespace) -> int`. Modules are imported only when the command
line is parsed, never on the GUI's start-up path.
"""

COMMAND_MODULES: tuple[str, ...] = (
    "vector_desktop.commands.storage",
    "vector_desktop.commands.chat",
    "vector_desktop.commands.connectors",
    "vector_desktop.commands.db",
    "vector_desktop.commands.setup",
    "vector_desktop.commands.account",
    "vector_desktop.commands.email",
    "vector_desktop.commands.worker",
)

# The command names each module registers, so that running one command imports that module only
# (tests/unit/test_cli_parsing.py checks this against what the modules register).
COMMAND_NAMES: dict[str, str] = {
    "storage": "vector_desktop.commands.storage",
    "ask": "vector_desktop.commands.chat",
    "search": "vector_desktop.commands.chat",
    "export": "vector_desktop.commands.chat",
    "connectors": "vector_desktop.commands.connectors",
    "db": "vector_desktop.commands.db",
    "setup": "vector_desktop.commands.setup",
    "account": "vector_desktop.commands.account",
    "email": "vector_desktop.commands.email",
    "worker": "vector_desktop.commands.worker",
}
