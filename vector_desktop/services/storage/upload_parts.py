"""How a file is cut into multipart-upload parts (S3's limits: parts of 5 MiB at least, 10,000 parts at most, 5 TiB
per object), how many go at once, and the MD5 of one slice (to check a part the server already holds)."""

from __future__ import annotations

import hashlib
import math
import mimetypes
import os
from pathlib import Path

MiB = 1024 * 1024
MIN_PART_SIZE = 5 * MiB
DEFAULT_PART_SIZE = 8 * MiB
MAX_PARTS = 10_000
MAX_OBJECT_SIZE = 5 * 1024**4  # 5 TiB, S3's limit for one object


def default_concurrency() -> int:
    """Parts in flight when none is set: one less than the cores this process may use, 2 to 4.

    Every part in flight keeps a core busy while it is hashed and sent; more parts than cores only take CPU time
    and the GIL from the rest of the app (on 2 cores, 4 parts made the GUI thread miss frames) without sending
    faster."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 2
    return max(2, min(4, cores - 1))


def choose_part_size(size: int, preferred: int = DEFAULT_PART_SIZE) -> int:
    """The part size for a file of `size` bytes: `preferred` (at least 5 MiB) unless that needs > 10,000 parts."""
    part = max(preferred, MIN_PART_SIZE)
    if size > part * MAX_PARTS:
        part = math.ceil(size / MAX_PARTS / MiB) * MiB
    return part


def part_count(size: int, part_size: int) -> int:
    return max(1, math.ceil(size / part_size))


def guess_content_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def file_md5(path: Path, offset: int, length: int) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as handle:
        handle.seek(offset)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(remaining, MiB))
            if not chunk:
                break
            digest.update(chunk)
            remaining -= len(chunk)
    return digest.hexdigest()
