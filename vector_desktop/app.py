"""Composition root: parses the command line, builds every object, runs the qasync loop.

Only this module (with core.py for the Qt-free part) knows concrete classes. The GUI paints the main window first
and opens the store and services right after, off the GUI thread, so heavy imports never delay the first paint.
"""

from __future__ import annotations

import argparse
import atexit
import gc
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
    start_up = StartUpObjectsFrozen()
    try:
        return _run_command(args, start_up)
    finally:
        start_up.command_ended()


def _run_command(args: argparse.Namespace, start_up: StartUpObjectsFrozen) -> int:
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
    start_up.opened()
    core.store.loader.loaded_hooks.append(start_up.loaded_later)  # SQLAlchemy, when a command needs it
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


class StartUpObjectsFrozen:
    """Opening the core (SQLAlchemy, the store's tables, settings) makes ~75k objects that live as long as the
    command. Python's cyclic GC went over them again and again while they were made, finding nothing (20-40 ms of
    a command's start-up), and the interpreter's teardown collected and freed them one by one at exit (80-200 ms,
    more than the rest of a short command). So collections wait until the core is open, those objects are then
    frozen (as the GUI freezes its own after start-up), and they are frozen again at exit, after every command
    has closed its files and connections. The store's SQLAlchemy, loaded later at its first use (store/engine.py),
    is frozen when loaded. A caller that goes on after the command (a test) gets its collector back as it was; one
    that had frozen objects itself is left alone."""

    def __init__(self) -> None:
        self._active = gc.isenabled() and gc.get_freeze_count() == 0
        self._ended = False
        if self._active:
            gc.disable()

    def opened(self) -> None:
        if self._active:
            gc.freeze()
            gc.enable()

    def loaded_later(self) -> None:
        """More start-up objects, made after the core opened (the store's SQLAlchemy, loaded at its first use)."""
        if self._active and not self._ended:
            gc.freeze()

    def command_ended(self) -> None:
        self._ended = True
        if self._active:
            gc.enable()
            gc.unfreeze()
            atexit.unregister(gc.freeze)  # once, however many commands this process runs
            atexit.register(gc.freeze)
