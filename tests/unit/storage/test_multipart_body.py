"""The request body of one part, read the way botocore and urllib3 read it: the payload hash in 1 MiB blocks, a
seek back to 0, the send in 128 KiB blocks, and a seek back to 0 again before a retry."""

from __future__ import annotations

import hashlib
import os
import threading

import pytest

from vector_desktop.domain.storage import UploadCancelled
from vector_desktop.services.storage.upload_bodies import PartBody, PartProgress
from vector_desktop.services.storage.upload_parts import default_concurrency

MiB = 1024 * 1024


def read_all(body: PartBody, block: int) -> bytes:
    out = bytearray()
    while chunk := body.read(block):
        out += chunk
    return bytes(out)


def test_reads_hash_send_and_retry_give_the_bytes_and_count_each_byte_once() -> None:
    data = os.urandom(3 * MiB + 17)
    reports: list[int] = []
    progress = PartProgress(len(data), lambda done, _total: reports.append(done), lambda: None)
    body = PartBody(data, progress, lambda: False)

    digest = hashlib.sha256()
    while chunk := body.read(MiB):
        digest.update(chunk)  # views are accepted wherever bytes are
    assert digest.digest() == hashlib.sha256(data).digest()
    assert body.seek(0) == 0
    assert read_all(body, 128 * 1024) == data
    body.seek(0)  # a retry
    assert body.read(10) == data[:10]
    assert body.seek(0, os.SEEK_END) == len(data)
    assert body.tell() == len(data)
    assert body.read() == b""
    progress.finish()
    assert reports[-1] == len(data)
    assert all(0 <= done <= len(data) for done in reports)


def test_a_cancelled_transfer_stops_at_the_next_read() -> None:
    cancel = threading.Event()
    body = PartBody(b"x" * MiB, PartProgress(MiB, None, lambda: None), cancel.is_set)
    assert len(body.read(1000)) == 1000
    cancel.set()
    with pytest.raises(UploadCancelled):
        body.read(1000)


def test_parts_in_flight_leave_a_core_for_the_rest_of_the_app() -> None:
    assert 2 <= default_concurrency() <= 4
