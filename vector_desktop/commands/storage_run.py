"""The work behind `vector-desktop storage ...` (see vector_desktop.commands.storage for the command line)."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from vector_desktop.domain.storage import LinkPurpose, StorageError, UploadCancelled

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.services.storage.cloud_storage_service import CloudStorageService


def run(core: Core, args: argparse.Namespace) -> int:
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
