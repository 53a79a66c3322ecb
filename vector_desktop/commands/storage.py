"""`vector-desktop storage ...`: the storage services on the command line (no Qt).

    vector-desktop storage [--profile DIR] ls [PREFIX] [-r]   key<TAB>size<TAB>modified, one line per entry
    vector-desktop storage put FILE [KEY]                      prints the key (progress on stderr on a terminal)
    vector-desktop storage get KEY [DEST]                      prints the path written
    vector-desktop storage rm KEY  (rm -r FOLDER/)             prints nothing
    vector-desktop storage link KEY [--expires SECONDS]        prints the URL (24 h unless told; a file:// URI locally)
    vector-desktop storage links                               links issued: key<TAB>created<TAB>expires
    vector-desktop storage info                                the backend in use, and whether it answers

Folders in `ls` are printed as `prefix/<TAB>-<TAB>-`. Errors are one line on stderr with exit code 1 (2 for usage).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vector_desktop.core import Core


def _expiry(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of seconds") from None
    if value < 1:
        raise argparse.ArgumentTypeError("the expiry must be at least 1 second")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "storage",
        parents=[common],
        help="files in your R2 bucket (or the local storage folder)",
        description="Files in your R2/S3 bucket, or in the profile's local storage folder when R2 is not set up.",
    )
    actions = parser.add_subparsers(dest="storage_action", metavar="ACTION", required=True)
    ls = actions.add_parser("ls", parents=[common], help="list files and folders (key, size, modified)")
    ls.add_argument("prefix", nargs="?", default="", metavar="PREFIX", help="only keys that start with PREFIX")
    ls.add_argument("-r", "--recursive", action="store_true", help="every file under PREFIX, at any depth")
    put = actions.add_parser("put", parents=[common], help="upload a file; prints its key")
    put.add_argument("file", metavar="FILE", type=Path)
    put.add_argument("key", nargs="?", default=None, metavar="KEY", help="name in storage (ending / = folder)")
    get = actions.add_parser("get", parents=[common], help="download a file; prints where it was saved")
    get.add_argument("key", metavar="KEY")
    get.add_argument("dest", nargs="?", default=Path("."), type=Path, metavar="DEST")
    rm = actions.add_parser("rm", parents=[common], help="delete a file (rm -r for a folder and its files)")
    rm.add_argument("key", metavar="KEY")
    rm.add_argument("-r", "--recursive", action="store_true", help="delete a folder and everything in it")
    link = actions.add_parser("link", parents=[common], help="print a download link (presigned URL)")
    link.add_argument("key", metavar="KEY")
    link.add_argument(
        "--expires", type=_expiry, default=None, metavar="SECONDS", help="lifetime of the link (default 24 h)"
    )
    actions.add_parser("links", parents=[common], help="list the links issued (they cannot be revoked)")
    actions.add_parser("info", parents=[common], help="show the backend in use and check that it answers")
    parser.set_defaults(handler=handle)


def handle(core: Core, args: argparse.Namespace) -> int:
    # The work lives in storage_run, imported only when the command runs: the GUI imports this module at every
    # start to build its command line, before its first paint.
    from vector_desktop.commands.storage_run import run

    return run(core, args)
