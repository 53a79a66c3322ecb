"""`vector-desktop account ...`: the Google account on the command line (no Qt).

    vector-desktop account [--profile DIR] status     name, email and since when (exit 1 when not signed in)
    vector-desktop account sign-in [--timeout S]      prints the address, opens the browser, waits for Google's
                                                      answer on 127.0.0.1; Ctrl+C cancels
    vector-desktop account sign-out                   revokes the sign-in at Google (later when offline), forgets it

Errors are one line on stderr with exit code 1.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vector_desktop.core import Core


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 1 <= value <= 3600:
        raise argparse.ArgumentTypeError("the timeout must be from 1 second to an hour")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "account",
        parents=[common],
        help="the Google account: status, sign in, sign out",
        description="Sign in with Google (the account names you in shared email and follows your connectors).",
    )
    actions = parser.add_subparsers(dest="account_action", metavar="ACTION", required=True)
    actions.add_parser("status", parents=[common], help="who is signed in (name, email, since)")
    sign_in = actions.add_parser("sign-in", parents=[common], help="sign in with Google in the browser")
    sign_in.add_argument(
        "--timeout", type=_seconds, default=300.0, metavar="S", help="how long to wait for the browser (300)"
    )
    actions.add_parser("sign-out", parents=[common], help="sign out (revokes the sign-in at Google)")
    parser.set_defaults(handler=handle)


def handle(core: Core, args: argparse.Namespace) -> int:
    return run(core, args)


def run(
    core: Core, args: argparse.Namespace, *, open_browser: Callable[[str], object] | None = None, **kwargs: Any
) -> int:
    """The command; `open_browser` and keyword arguments for the service (endpoints…) are for tests."""
    import asyncio

    from vector_desktop.core_account import make_account

    action = args.account_action
    if action == "sign-in":
        kwargs.setdefault("sign_in_timeout", args.timeout)
    service = make_account(core, **kwargs)
    profile = service.load()
    if action == "status":
        if profile is None:
            print("Not signed in.")
            return 1
        since = profile.signed_in_at.astimezone().strftime("%Y-%m-%d %H:%M") if profile.signed_in_at else "?"
        print(f"{profile.display_name}\t{profile.email}\tsince {since}")
        return 0
    if action == "sign-out":
        if profile is None:
            print("Not signed in.")
            return 0
        sentence = asyncio.run(service.sign_out())
        print(sentence or f"Signed out ({profile.email}).")
        return 0
    return _sign_in(service, open_browser)


def _sign_in(service: Any, open_browser: Callable[[str], object] | None) -> int:
    import asyncio
    import webbrowser

    from vector_desktop.services.account.auth_errors import SignInCancelledError

    opener = open_browser or webbrowser.open

    def show(url: str) -> None:
        print("Opening your browser to sign in with Google. If it does not open, visit:", flush=True)
        print(url, flush=True)
        try:
            opener(url)
        except Exception as error:  # no browser: the address printed above still works
            print(f"(the browser could not be opened: {type(error).__name__})", flush=True)

    try:
        profile = asyncio.run(service.sign_in(show))
    except KeyboardInterrupt:
        raise SignInCancelledError() from None
    print(f"Signed in as {profile.display_name} ({profile.email}).")
    return 0
