"""Command-line parsing. `vector-desktop [options]` starts the GUI; subcommands run without Qt.

Building the whole parser (every command module, ~40 subparsers, argparse's gettext look-ups) costs ~12-15 ms, too
much before the GUI's first paint. So `read_global_options` first reads the options before the command with plain
string checks, as argparse reads them. A command line it settles without a command is answered there; one that
names a command is parsed with that command's module only; everything else (help, --version, `--`, mistakes, any
case it is not sure of) goes to the full parser. The one-command parser never prints: its help and usage errors
are handed to the full parser too, so every message stays exactly the full parser's.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Sequence
from typing import NoReturn

from vector_desktop import __version__

PANELS = ("chat", "storage", "connectors", "databases", "jobs")
# The top-level options (and -h), as argparse matches them: in full, or by any prefix that names one only.
GLOBAL_OPTIONS = ("--help", "--profile", "--offline", "--screenshot", "--panel", "--version")
_GUI_DEFAULTS: dict[str, object] = {"profile": None, "offline": False, "screenshot": None, "panel": None}


def _common_options(subcommand: bool) -> argparse.ArgumentParser:
    # Subcommands repeat the global options (so `vector-desktop ask --profile DIR ...` works) without
    # overwriting values given before the subcommand.
    default = argparse.SUPPRESS if subcommand else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", metavar="DIR", default=default, help="keep every file of the app under DIR")
    common.add_argument(
        "--offline", action="store_true", default=argparse.SUPPRESS if subcommand else False, help="start offline"
    )
    return common


def build_parser(
    modules: Iterable[str] | None = None, parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser
) -> argparse.ArgumentParser:
    """The command line with the commands of `modules` (default: every command module)."""
    if modules is None:
        from vector_desktop.commands import COMMAND_MODULES

        modules = COMMAND_MODULES
    modules = tuple(modules)
    parser = parser_class(
        prog="vector-desktop",
        description="Vector Desktop: an AI workspace on your own machine.",
        parents=[_common_options(False)],
    )
    parser.add_argument("--screenshot", metavar="PATH", help="render the main window to PATH (PNG) and exit")
    parser.add_argument("--panel", choices=PANELS, help="panel to show (with --screenshot, or at start)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    if modules:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
        common = _common_options(True)
        for name in modules:
            importlib.import_module(name).register(subparsers, common)
    parser.set_defaults(command=None, handler=None)
    return parser


class _FullParserNeeded(Exception):
    pass


class _OneCommandParser(argparse.ArgumentParser):
    """A parser that knows one command module only. Whatever it would print or exit with (help, --version, a
    usage error, whose usage line lists every command) is the full parser's to say."""

    def _print_message(self, message: str, file: object = None) -> None:
        raise _FullParserNeeded

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _FullParserNeeded

    def error(self, message: str) -> NoReturn:
        raise _FullParserNeeded


def _long_option(name: str) -> str | None:
    """The global option `name` stands for, or None (not a long option, unknown, or a prefix of several)."""
    if not name.startswith("--") or len(name) < 3:
        return None
    found = [option for option in GLOBAL_OPTIONS if option.startswith(name)]
    return found[0] if len(found) == 1 else None


def read_global_options(argv: Sequence[str]) -> tuple[dict[str, object], str | None] | None:
    """The global options' values and the command's name (None: no command), read as argparse reads them.
    None when only the full parser can answer: help, --version, `--`, a single-dash, unknown or ambiguous option,
    a missing or invalid value, a value taken from the next argument that starts with '-'."""
    values = dict(_GUI_DEFAULTS)
    tokens = iter(argv)
    for token in tokens:
        if not token.startswith("-"):  # the first positional argument (even ''): the command's name
            return values, token
        name, equals, value = token.partition("=")
        option = _long_option(name)
        if option is None or option in ("--help", "--version"):
            return None
        if option == "--offline":
            if equals:
                return None
            values["offline"] = True
            continue
        if not equals:
            value = next(tokens, "-")
            if value.startswith("-"):
                return None
        if option == "--panel" and value not in PANELS:
            return None
        values[option.removeprefix("--")] = value
    return values, None


def _module_of(command: str) -> str | None:
    from vector_desktop.commands import COMMAND_MODULES, COMMAND_NAMES

    module = COMMAND_NAMES.get(command)
    return module if module in COMMAND_MODULES else None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    arguments = list(sys.argv[1:] if argv is None else argv)
    reading = read_global_options(arguments)
    if reading is not None:
        values, command = reading
        if command is None:
            return argparse.Namespace(**values, command=None, handler=None)
        module = _module_of(command)
        if module is not None:
            try:
                return build_parser((module,), _OneCommandParser).parse_args(arguments)
            except _FullParserNeeded:
                pass
    return build_parser().parse_args(arguments)
