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
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vector_desktop.domain.storage import LinkPurpose, StorageError, UploadCancelled

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.services.cloud_storage_service import CloudStorageService


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
    from vector_desktop.core import make_storage_service

    service = make_storage_service(core)
    try:
        return _ACTIONS[args.storage_action](service, args, sys.stdout, sys.stderr)
    except UploadCancelled as error:
        print(f"vector-desktop: {error}", file=sys.stderr)
        return 130
    finally:
        service.close()


def _stamp(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value is not None else "-"


def _ls(service: CloudStorageService, args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    if args.recursive:
        for item in service.list_all(args.prefix):
            out.write(f"{item.key}\t{item.size}\t{_stamp(item.modified)}\n")
        return 0
    token: str | None = None
    while True:
        page = service.list_page(args.prefix, token, page_size=1000)
        rows = [(folder, f"{folder}\t-\t-") for folder in page.folders]
        rows += [(item.key, f"{item.key}\t{item.size}\t{_stamp(item.modified)}") for item in page.objects]
        for _key, line in sorted(rows, key=lambda row: row[0].encode()):
            out.write(line + "\n")
        token = page.next_token
        if not token:
            return 0


class _TerminalProgress:
    """'\\r 42%  12.0 / 28.5 MiB' on stderr, at most 10 times a second."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream = stream
        self._label = label
        self._last = 0.0
        self._lock = threading.Lock()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last < 0.1 and done < total:
                return
            self._last = now
            percent = 100 if total == 0 else int(done * 100 / total)
            mib = 1024 * 1024
            self._stream.write(f"\r{self._label} {percent:3d}%  {done / mib:.1f} / {total / mib:.1f} MiB")
            self._stream.flush()

    def end(self) -> None:
        self._stream.write("\n")
        self._stream.flush()


def _put(service: CloudStorageService, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path: Path = args.file
    if not path.is_file():
        raise StorageError(f"{path} is not a file." if path.exists() else f"{path} does not exist.")
    key = args.key
    if key is None or key.endswith("/"):
        key = (key or "") + path.name
    progress = _TerminalProgress(err, path.name) if err.isatty() else None
    cancel = threading.Event()
    try:
        stored = service.upload_file(path, key, progress=progress, cancel=cancel)
    finally:
        if progress is not None:
            progress.end()
    out.write(stored.key + "\n")
    return 0


def _get(service: CloudStorageService, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    progress = _TerminalProgress(err, args.key) if err.isatty() else None
    try:
        written = service.download(args.key, args.dest, progress=progress)
    finally:
        if progress is not None:
            progress.end()
    out.write(f"{written}\n")
    return 0


def _rm(service: CloudStorageService, args: argparse.Namespace, _out: TextIO, _err: TextIO) -> int:
    if args.key.endswith("/") and not args.recursive:
        raise StorageError(f"'{args.key}' is a folder; use rm -r to delete it and everything in it.")
    service.delete(args.key)
    return 0


def _link(service: CloudStorageService, args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    out.write(service.link(args.key, purpose=LinkPurpose.API, expires_s=args.expires) + "\n")
    return 0


def _links(service: CloudStorageService, _args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    for issued in service.issued_links():
        out.write(f"{issued.key}\t{_stamp(issued.created)}\t{_stamp(issued.expires)}\n")
    err.write(service.links_notice + "\n")
    return 0


def _info(service: CloudStorageService, _args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    out.write(service.describe_backend() + "\n")
    out.write(service.test_connection() + "\n")
    return 0


_ACTIONS = {"ls": _ls, "put": _put, "get": _get, "rm": _rm, "link": _link, "links": _links, "info": _info}
