"""Storage vocabulary: objects, pages, issued links, errors and the ports the storage services depend on.

No I/O here. Backends are synchronous and may block (network, disk): callers run them in an executor or a job.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from vector_desktop.domain.errors import VectorError

ProgressCallback = Callable[[int, int], None]  # (bytes_done, bytes_total); called from worker threads


class CancelToken(Protocol):
    """Anything with `is_set()` (threading.Event is one); checked between chunks and parts."""

    def is_set(self) -> bool: ...


class BackendKind(enum.StrEnum):
    R2 = "r2"
    LOCAL = "local"


class LinkPurpose(enum.StrEnum):
    UI = "ui"  # copied in the app (R2_PRESIGNED_URL_EXPIRY, 1 h)
    API = "api"  # handed to the AI or printed by the command line (R2_PRESIGNED_URL_EXPIRY_API, 24 h)
    CUSTOM = "custom"  # an expiry the user chose


@dataclass(frozen=True)
class StorageObject:
    key: str
    size: int = 0
    modified: datetime | None = None
    etag: str = ""
    content_type: str = ""
    is_folder: bool = False

    @property
    def name(self) -> str:
        """The last segment of the key ('b.txt' for 'a/b.txt', 'a' for the folder 'a/')."""
        return self.key.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ListPage:
    objects: tuple[StorageObject, ...] = ()
    folders: tuple[str, ...] = ()  # prefixes ending with "/"
    next_token: str | None = None


@dataclass(frozen=True)
class IssuedLink:
    """A presigned link the app handed out. The URL itself is not kept: it works as a password until it expires."""

    id: int
    backend_id: str
    key: str
    purpose: str
    created: datetime
    expires: datetime

    def expired(self, now: datetime | None = None) -> bool:
        return (now or datetime.now(UTC)) >= self.expires


@dataclass
class UploadRecord:
    """A multipart upload in progress, persisted so it can resume after a crash."""

    id: int
    backend_id: str
    key: str
    upload_id: str
    local_path: str
    file_size: int
    file_mtime_ns: int
    part_size: int
    content_type: str
    created: datetime
    parts: dict[int, tuple[str, int]] = field(default_factory=dict)  # part number -> (ETag, size)

    @property
    def bytes_done(self) -> int:
        return sum(size for _etag, size in self.parts.values())


class UploadStateStore(Protocol):
    """Where multipart upload state lives (the local store). Every method commits before returning."""

    def find_upload(self, backend_id: str, key: str, local_path: str) -> UploadRecord | None: ...

    def start_upload(
        self,
        backend_id: str,
        key: str,
        upload_id: str,
        local_path: str,
        file_size: int,
        file_mtime_ns: int,
        part_size: int,
        content_type: str,
    ) -> UploadRecord: ...

    def add_part(self, record_id: int, part_number: int, etag: str, size: int) -> None: ...

    def replace_parts(self, record_id: int, parts: dict[int, tuple[str, int]]) -> None: ...

    def remove_upload(self, record_id: int) -> None: ...

    def pending_uploads(self, backend_id: str | None = None) -> list[UploadRecord]: ...


class LinkLog(Protocol):
    """Record of issued presigned links (key, created, expires; never the URL)."""

    def record_link(
        self, backend_id: str, key: str, purpose: str, created: datetime, expires: datetime
    ) -> IssuedLink: ...

    def issued_links(self, backend_id: str | None = None, include_expired: bool = True) -> list[IssuedLink]: ...


class StorageBackend(Protocol):
    """One place files live (an R2/S3 bucket or a local folder). Methods block; run them off the GUI thread."""

    kind: BackendKind

    @property
    def backend_id(self) -> str: ...

    def describe(self) -> str: ...

    def check_key(self, key: str, *, folder: bool = False) -> str: ...

    def test_connection(self) -> str: ...

    def list_page(self, prefix: str = "", token: str | None = None, page_size: int = 1000) -> ListPage: ...

    def list_all(self, prefix: str = "") -> list[StorageObject]: ...

    def head(self, key: str) -> StorageObject: ...

    def upload_file(
        self,
        path: Path,
        key: str,
        *,
        content_type: str = "",
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> StorageObject: ...

    def upload_bytes(self, data: bytes, key: str, *, content_type: str = "") -> StorageObject: ...

    def download_file(
        self,
        key: str,
        dest: Path,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Path: ...

    def read_bytes(self, key: str, limit: int | None = None) -> bytes: ...

    def delete(self, key: str) -> None: ...

    def exists(self, key: str) -> bool: ...

    def delete_prefix(self, prefix: str) -> int: ...

    def copy(self, source: str, dest: str) -> None: ...

    def move(self, source: str, dest: str) -> None: ...

    def create_folder(self, prefix: str) -> None: ...

    def link(self, key: str, expires_s: int) -> str: ...


# Errors. Every message is a sentence a user can act on; none carries a secret.


class StorageError(VectorError):
    """A storage operation failed."""


class StorageNotConfigured(StorageError):
    pass


class EndpointUnreachable(StorageError):
    pass


class BadCredentials(StorageError):
    pass


class BucketMissing(StorageError):
    pass


class AccessDenied(StorageError):
    pass


class ObjectMissing(StorageError):
    pass


class ObjectExists(StorageError):
    pass


class InvalidKey(StorageError):
    pass


class DiskFull(StorageError):
    pass


class UploadCancelled(StorageError):
    """The user cancelled a transfer. Not an OSError on purpose: HTTP libraries must not swallow it."""

    def __init__(self, message: str = "The transfer was cancelled.") -> None:
        super().__init__(message)


class ImageRejected(StorageError):
    """An image cannot be used (wrong type, too large, metadata that cannot be removed)."""


# Key rules. A key is "a/b/c.txt"; a folder is a prefix ending with "/".

MAX_KEY_BYTES = 1024  # S3's limit
MAX_SEGMENT_BYTES = 255  # common file-system limit for one name
RESERVED_LOCAL_NAMES = frozenset({".vector-partial"})  # the local backend's staging folder


def validate_key(key: str, *, folder: bool = False, strict: bool = True) -> str:
    """Return the key (a folder key gets its trailing "/") or raise InvalidKey with the reason.

    `strict` applies the rules a file-system path needs (local backend, and new keys on any backend): no "..",
    ".", empty segments, leading "/", backslashes or control characters. Unicode and spaces are fine.
    """
    if not isinstance(key, str) or key in ("", "/"):
        raise InvalidKey("The name is empty.")
    if folder and not key.endswith("/"):
        key += "/"
    try:
        encoded = key.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidKey("The name contains characters that cannot be stored (invalid Unicode).") from None
    if len(encoded) > MAX_KEY_BYTES:
        raise InvalidKey(f"The name is too long ({len(encoded)} bytes; at most {MAX_KEY_BYTES}).")
    if "\x00" in key:
        raise InvalidKey("The name contains a NUL character.")
    if not strict:
        return key
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in key):
        raise InvalidKey("The name contains control characters (such as a line break or tab).")
    if "\\" in key:
        raise InvalidKey("The name contains a backslash; use / to separate folders.")
    if key.startswith("/"):
        raise InvalidKey("The name starts with /; names are relative to the storage root.")
    body = key[:-1] if key.endswith("/") else key
    segments = body.split("/")
    if len(segments[0]) == 2 and segments[0][1] == ":" and segments[0][0].isalpha():
        raise InvalidKey("The name starts with a drive letter; names are relative to the storage root.")
    for segment in segments:
        if segment == "":
            raise InvalidKey("The name contains an empty folder name (//).")
        if segment in (".", ".."):
            raise InvalidKey(f"The name contains '{segment}', which is not allowed as a folder or file name.")
        if len(segment.encode("utf-8")) > MAX_SEGMENT_BYTES:
            raise InvalidKey(f"A part of the name is longer than {MAX_SEGMENT_BYTES} bytes.")
    return key


def parent_prefix(key: str) -> str:
    """'a/b/c.txt' -> 'a/b/'; 'a/b/' -> 'a/'; 'c.txt' -> ''."""
    body = key[:-1] if key.endswith("/") else key
    head, sep, _ = body.rpartition("/")
    return head + sep
