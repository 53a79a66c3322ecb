"""The command line read without the full parser (the GUI's start; one command's module for a command) gives what
the full parser gives: the same values, and for help, --version and mistakes the same text and exit code."""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vector_desktop import __version__
from vector_desktop.cli import GLOBAL_OPTIONS, build_parser, parse_args
from vector_desktop.commands import COMMAND_MODULES, COMMAND_NAMES

Outcome = tuple[dict[str, object] | None, object, str, str]


def outcome(parse: Callable[[list[str]], argparse.Namespace], argv: list[str]) -> Outcome:
    """(values, exit code, stdout, stderr) of one parse."""
    out, err = io.StringIO(), io.StringIO()
    values: dict[str, object] | None = None
    code: object = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            values = vars(parse(argv))
        except SystemExit as stop:
            code = stop.code
    return values, code, out.getvalue(), err.getvalue()


def full_parser(argv: Sequence[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def gui(**values: object) -> argparse.Namespace:
    defaults: dict[str, object] = {"profile": None, "offline": False, "screenshot": None, "panel": None}
    return argparse.Namespace(**{**defaults, **values}, command=None, handler=None)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], gui()),
        (["--profile", "chat"], gui(profile="chat")),  # a value, not the `chat` panel nor a command
        (["--profile", "db"], gui(profile="db")),
        (["--profile=db", "--offline"], gui(profile="db", offline=True)),
        (["--prof", "P", "--off"], gui(profile="P", offline=True)),
        (["--profile="], gui(profile="")),
        (["--profile", "a", "--profile", "b"], gui(profile="b")),
        (["--screenshot", "shot.png", "--panel", "jobs"], gui(screenshot="shot.png", panel="jobs")),
        (["--s=shot.png", "--pa=databases"], gui(screenshot="shot.png", panel="databases")),
        (["--screenshot=--odd=name.png"], gui(screenshot="--odd=name.png")),
    ],
)
def test_a_gui_command_line_gives_the_full_parsers_values(argv: list[str], expected: argparse.Namespace) -> None:
    assert parse_args(argv) == expected
    assert full_parser(argv) == expected


def test_a_command_after_the_global_options_runs_with_them() -> None:
    args = parse_args(["--profile", "P", "db", "--offline", "query", "bench", "SELECT 1", "--format", "text"])
    assert (args.profile, args.offline, args.command, args.db_action, args.sql, args.format) == (
        "P",
        True,
        "db",
        "query",
        "SELECT 1",
        "text",
    )
    assert args == full_parser(["--profile", "P", "db", "--offline", "query", "bench", "SELECT 1", "--format", "text"])


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--he"],
        ["-h"],
        ["--version"],
        ["--profile", "P", "--version"],
        ["--panel", "bad"],
        ["--panel"],
        ["--profile", "--offline"],
        ["--p", "x"],  # --profile or --panel
        ["--offline=yes"],
        ["--", "db", "ls"],
        ["-x"],
        ["nope"],
        ["db"],
        ["db", "--help"],
        ["db", "query", "--help"],
        ["db", "query", "bench"],
        ["db", "ls", "--bogus"],
        ["ask", "--help"],
        ["--profile", "P", "db", "ls", "--version"],
    ],
)
def test_help_version_and_mistakes_print_what_the_full_parser_prints(argv: list[str]) -> None:
    values, code, out, err = outcome(parse_args, argv)
    assert values is None and code in (0, 2)
    assert (values, code, out, err) == outcome(full_parser, argv)


def test_version_and_help_texts() -> None:
    _values, code, out, _err = outcome(parse_args, ["--version"])
    assert (code, out) == (0, f"vector-desktop {__version__}\n")
    _values, code, out, _err = outcome(parse_args, ["--help"])
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("    ") and not line.startswith("     ")}
    assert code == 0 and set(COMMAND_NAMES) <= listed


TOKENS = [
    *["--profile", "--prof", "--pr", "--p", "--profile=x", "--pro=", "--offline", "--off", "--offline=1", "--o"],
    *["--screenshot", "--s=a.png", "--panel", "--pa", "--panel=chat", "--panel=bad", "--version", "--v", "--help"],
    *["--h", "-h", "-x", "-", "--", "", "--=x", "---profile", "-1", "a b", "--pr=a b", "--bogus", "--json"],
    *["chat", "jobs", "x", "SELECT 1", "ls", "query", "--format", "text", "--timeout", "-5", "on"],
    *sorted(COMMAND_NAMES),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=8))
def test_any_command_line_reads_as_the_full_parser_reads_it(argv: list[str]) -> None:
    assert outcome(parse_args, argv) == outcome(full_parser, argv)


def registered_names(module: str) -> set[str]:
    parser = build_parser((module,))
    return {
        name for action in parser._actions if isinstance(action, argparse._SubParsersAction) for name in action.choices
    }


def test_the_quick_reading_knows_every_global_option() -> None:
    # An option it did not know would make abbreviations it takes as unique ambiguous for argparse.
    assert {"-h", *GLOBAL_OPTIONS} == set(build_parser()._option_string_actions)


def test_every_command_name_leads_to_the_module_that_registers_it() -> None:
    assert set(COMMAND_NAMES.values()) == set(COMMAND_MODULES)
    for module in COMMAND_MODULES:
        assert registered_names(module) == {name for name, owner in COMMAND_NAMES.items() if owner == module}


IMPORTS = """
import sys
from vector_desktop.cli import parse_args
parse_args({argv!r})
print(",".join(sorted(name for name in sys.modules if name.startswith("vector_desktop.commands"))))
"""


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["--profile", "somewhere", "--panel", "chat"], ""),
        (["--profile", "P", "db", "query", "bench", "SELECT 1"], "vector_desktop.commands,vector_desktop.commands.db"),
    ],
)
def test_parsing_imports_only_the_command_that_runs(
    argv: list[str], modules: str, subprocess_env: dict[str, str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORTS.format(argv=argv)],
        capture_output=True,
        text=True,
        env=subprocess_env,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == modules
