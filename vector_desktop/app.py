"""Composition root: parses the command line, builds every object, runs the qasync loop.

Only this module (with core.py for the Qt-free part) knows concrete classes. The GUI paints the main window first
and opens the store and services right after, off the GUI thread, so heavy imports never delay the first paint.
"""

from __future__ import annotations

import argparse
import logging
import sys

from vector_desktop.cli import parse_args
from vector_desktop.domain.errors import VectorError
from vector_desktop.paths import AppPaths, resolve_paths

log = logging.getLogger("vector_desktop")


def fail_line(message: str) -> None:
    print(f"vector-desktop: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.handler is not None:
        return run_command(args)
    from vector_desktop.qtsupport.pyside_import_check import speed_up_pyside_import_check

    speed_up_pyside_import_check()  # before the GUI's imports: PySide6 checks each of them
    skip_httpx_command_line()
    from vector_desktop.gui import run_gui

    return run_gui(args)


def skip_httpx_command_line() -> None:
    """httpx imports its command-line client (click, rich, pygments: ~60 ms) whenever those are installed; the app
    never runs it. A None entry makes that import fail, and httpx then defines a stub `main` instead."""
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def run_command(args: argparse.Namespace) -> int:
    """A subcommand: no Qt. Problems are one line on stderr and a non-zero exit code."""
    from vector_desktop.core import open_core
    from vector_desktop.logging_setup import configure_logging

    paths: AppPaths = resolve_paths(args.profile)
    try:
        core = open_core(paths, offline=bool(args.offline))
    except VectorError as error:
        fail_line(str(error))
        return 1
    except OSError as error:
        fail_line(f"cannot use the profile folder: {error.strerror or error} ({error.filename or paths.data_dir})")
        return 1
    try:
        configure_logging(paths.log_file, str(core.config.get("VECTOR_LOG_LEVEL")), stderr=False)
        problems = core.config.validate_all()
        if problems:
            fail_line("invalid settings: " + "; ".join(str(problem) for problem in problems))
            return 2
        return int(args.handler(core, args))
    except VectorError as error:
        fail_line(str(error))
        return 1
    except KeyboardInterrupt:
        fail_line("interrupted")
        return 130
    finally:
        core.close()
