"""Command-line parsing. `vector-desktop [options]` starts the GUI; subcommands run without Qt."""

from __future__ import annotations

import argparse
import importlib
import sys

from vector_desktop import __version__

PANELS = ("chat", "storage", "connectors", "databases", "jobs")


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


def build_parser() -> argparse.ArgumentParser:
    from vector_desktop.commands import COMMAND_MODULES

    parser = argparse.ArgumentParser(
        prog="vector-desktop",
        description="Vector Desktop: an AI workspace on your own machine.",
        parents=[_common_options(False)],
    )
    parser.add_argument("--screenshot", metavar="PATH", help="render the main window to PATH (PNG) and exit")
    parser.add_argument("--panel", choices=PANELS, help="panel to show (with --screenshot, or at start)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    if COMMAND_MODULES:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
        common = _common_options(True)
        for name in COMMAND_MODULES:
            importlib.import_module(name).register(subparsers, common)
    parser.set_defaults(command=None, handler=None)
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(sys.argv[1:] if argv is None else argv)
