"""`vector-desktop setup ...`: move your setup (AI servers, connectors, database connections, settings, secrets
included) to another machine in one encrypted file (no Qt).

    vector-desktop setup [--profile DIR] export FILE [--passphrase-stdin]
    vector-desktop setup [--profile DIR] import FILE [--dry-run] [--yes] [--passphrase-stdin]

The key is ENCRYPTION_KEY when set; otherwise a passphrase typed at the prompt (twice on export), or one line read
from stdin with --passphrase-stdin (which wins over ENCRYPTION_KEY). `import` prints what the file would change,
one line per item: `add|replace|same  section  item`, then asks "Import? [y/N]" on a terminal; without a terminal
it needs --yes (or --dry-run, which writes nothing). A wrong key or a damaged file is one line on stderr and
nothing is changed. Exit codes: 0 done, 1 failed or declined, 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.services.setup.setup_service import SetupService


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "setup",
        parents=[common],
        help="export or import your setup (servers, connectors, connections, settings) as one encrypted file",
        description="Your AI servers, connectors, database connections and settings, secrets included, in one file "
        "encrypted with ENCRYPTION_KEY or a passphrase.",
    )
    actions = parser.add_subparsers(dest="setup_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[common], help="write the setup to FILE (encrypted)")
    export.add_argument("file", metavar="FILE")
    export.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from stdin")
    imp = actions.add_parser("import", parents=[common], help="show what FILE would change here, then import it")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change; write nothing")
    imp.add_argument("--yes", action="store_true", help="import without asking")
    imp.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from stdin")
    parser.set_defaults(handler=handle)


class UsageProblem(Exception):
    """Something about how the command was called (exit 2)."""


def _say(text: str) -> None:
    print(f"vector-desktop: {text}", file=sys.stderr)


def _passphrase_from_stdin() -> str:
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise UsageProblem("--passphrase-stdin read an empty line; give the passphrase on the first line of stdin.")
    return line


def _key(service: SetupService, args: argparse.Namespace, *, twice: bool) -> str:
    if args.passphrase_stdin:
        return _passphrase_from_stdin()
    configured = service.configured_key()
    if configured:
        return configured
    if not sys.stdin.isatty():
        raise UsageProblem("No key: set ENCRYPTION_KEY, type a passphrase in a terminal, or use --passphrase-stdin.")
    import getpass

    secret = getpass.getpass("Passphrase: ")
    if not secret:
        raise UsageProblem("The passphrase is empty.")
    if twice and getpass.getpass("Repeat the passphrase: ") != secret:
        raise UsageProblem("The two passphrases differ; nothing was written.")
    return secret


def handle(core: Core, args: argparse.Namespace) -> int:
    from vector_desktop.core_setup import make_setup

    service = make_setup(core)
    try:
        if args.setup_action == "export":
            return _export(service, args)
        return _import(service, args)
    except UsageProblem as problem:
        _say(str(problem))
        return 2


def _export(service: SetupService, args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    with_key = not args.passphrase_stdin and bool(service.configured_key())
    result = service.export(path, _key(service, args, twice=True))
    counts = ", ".join(f"{s.title.lower()} {s.count}" for s in result.summaries)
    how = "ENCRYPTION_KEY" if with_key else "your passphrase"
    print(f"Exported {_items(result.total)} ({counts}) to {path}, encrypted with {how}.")
    return 0


def _import(service: SetupService, args: argparse.Namespace) -> int:
    from vector_desktop.domain.errors import WrongKeyError

    with_key = not args.passphrase_stdin and bool(service.configured_key())
    try:
        plan = service.open(Path(args.file).expanduser(), _key(service, args, twice=False))
    except WrongKeyError:
        if not with_key:
            raise
        _say(
            "The ENCRYPTION_KEY set here is not the key this file was encrypted with; if it was exported with a "
            "passphrase, give that with --passphrase-stdin."
        )
        return 1
    for change in plan.changes:
        print(change.line())
    if not plan.changes:
        print("The file holds no setup items.")
    if args.dry_run:
        print("Dry run: nothing was written.")
        return 0
    if not plan.pending:
        print("Everything in the file is already here; nothing to import.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            _say("Not importing without a terminal to confirm; add --yes to import, or --dry-run to only look.")
            return 2
        answer = input("Import? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("Nothing was imported.")
            return 1
    affected = service.apply(plan)
    print(f"Imported {_items(len(plan.pending))} ({', '.join(name.replace('_', ' ') for name in affected)}).")
    return 0


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"
