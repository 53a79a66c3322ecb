"""Shared set-up for the storage benchmarks: moto's S3 server as a child process, and the Storage panel built the way
the app builds it (real CloudStorageService, JobPool over the SQLite store, JobsBridge, StorageViewModel, StoragePanel
shown offscreen, the qasync loop and the GUI-thread garbage collector).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The server runs in its own process so that it does not share the benchmark's GIL (as a real R2 would not).
MOTO_SERVER = """
import logging, sys
logging.disable(logging.CRITICAL)
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()
"""
ACCESS_KEY = "bench-key"
SECRET_KEY = "bench-secret"


# A diagnostic stand-in that answers the S3 calls of an upload and throws the bytes away, so that what remains of a
# GUI stall is the client's own doing (moto spends about a core of this 2-core machine storing what it receives).
NULL_S3_SERVER = """
import sys, threading, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

XML = b'<?xml version="1.0" encoding="UTF-8"?>'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    stored = set()  # keys whose upload finished: HEAD finds them (and nothing else, so uploads see no conflict)

    def reply(self, body=b"", headers=(), status=200):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def drain(self):
        left = int(self.headers.get("Content-Length") or 0)
        buffer = memoryview(bytearray(1 << 20))
        while left:
            got = self.rfile.readinto(buffer[: min(left, len(buffer))])
            if not got:
                break
            left -= got

    def do_PUT(self):
        self.drain()
        if "partNumber" not in urlsplit(self.path).query:
            self.stored.add(urlsplit(self.path).path)
        self.reply(headers=[("ETag", '"%s"' % uuid.uuid4().hex)])

    def do_POST(self):
        self.drain()
        if "uploads" in urlsplit(self.path).query:
            self.reply(XML + b"<InitiateMultipartUploadResult><UploadId>u</UploadId></InitiateMultipartUploadResult>")
        else:
            self.stored.add(urlsplit(self.path).path)
            self.reply(XML + b'<CompleteMultipartUploadResult><ETag>"x-1"</ETag></CompleteMultipartUploadResult>')

    def do_HEAD(self):
        if urlsplit(self.path).path not in self.stored:
            self.reply(status=404)
            return
        self.reply(headers=[("ETag", '"x"'), ("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT")])

    def do_GET(self):
        self.reply(XML + b"<ListBucketResult><IsTruncated>false</IsTruncated><KeyCount>0</KeyCount></ListBucketResult>")

    def do_DELETE(self):
        self.send_response(204)
        self.end_headers()


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
print(server.server_address[1], flush=True)
sys.stdin.read()
"""


@contextlib.contextmanager
def moto_child(script: str = MOTO_SERVER, nice: int = 0) -> Iterator[tuple[str, int]]:
    """Yields (endpoint URL, server pid) of an S3 server in a child process (moto's, or `NULL_S3_SERVER`).

    `nice` > 0 runs the server at background priority, as if it were on another machine for the CPU scheduler."""
    command = [sys.executable, "-c", script]
    if nice:
        command = ["nice", "-n", str(nice), *command]
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None and server.stdin is not None
    try:
        yield f"http://127.0.0.1:{int(server.stdout.readline())}", server.pid
    finally:
        server.stdin.close()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)


def s3_client(url: str, max_pool: int = 10) -> Any:
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=url,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(
            signature_version="s3v4",
            s3={"addressing_style": "path"},
            max_pool_connections=max_pool,
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
    )


def r2_settings(url: str, bucket: str) -> dict[str, str]:
    return {
        "VECTOR_STORAGE_BACKEND": "r2",
        "R2_ENDPOINT_URL": url,
        "R2_BUCKET_NAME": bucket,
        "R2_ACCESS_KEY_ID": ACCESS_KEY,
        "R2_SECRET_ACCESS_KEY": SECRET_KEY,
    }


def local_settings() -> dict[str, str]:
    return {"VECTOR_STORAGE_BACKEND": "local"}


def qt_app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from vector_desktop.qtsupport.qtlog import install_qt_message_handler

    install_qt_message_handler()  # Qt's messages go to logging, as in the app (the offscreen plugin is chatty)
    return QApplication.instance() or QApplication(sys.argv[:1])


def qasync_loop(app: Any) -> asyncio.AbstractEventLoop:
    from vector_desktop.qtsupport.event_loop import HookedQEventLoop

    loop = HookedQEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


@dataclass
class Rig:
    """Everything the Storage panel needs, wired like vector_desktop/gui.py does it."""

    store: Any
    service: Any
    pool: Any
    bridge: Any
    jobs_model: Any
    view_model: Any
    panel: Any
    garbage_collector: Any

    def close(self) -> None:
        self.view_model.close()
        self.bridge.detach()
        self.pool.shutdown(wait_seconds=5.0)
        self.service.close()
        self.panel.close()
        self.garbage_collector.stop()
        self.store.dispose()


def build_rig(
    folder: Path, settings: dict[str, str], service_args: dict[str, Any] | None = None, **view_model_args: Any
) -> Rig:
    """The real storage stack under `folder` (store, local root, thumbnails); the panel is shown at 1000 x 640."""
    from vector_desktop.jobs.pool import JobPool
    from vector_desktop.jobs.registry import TaskRegistry
    from vector_desktop.presentation.jobs_bridge import JobsBridge
    from vector_desktop.presentation.jobs_model import JobsTableModel
    from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel
    from vector_desktop.presentation.storage.thumbnails import QtThumbnailMaker
    from vector_desktop.qtsupport.gc_timer import GuiThreadGarbageCollector
    from vector_desktop.services.storage import storage_tasks
    from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
    from vector_desktop.services.storage.image_upload_service import ImageUploadService
    from vector_desktop.store.engine import open_store
    from vector_desktop.store.job_repository import JobRepository
    from vector_desktop.store.storage_repository import StorageRepository
    from vector_desktop.views.storage.storage_panel import StoragePanel

    class Settings(dict[str, str]):
        def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
            return super().get(key, default)

    store = open_store(folder / "store.sqlite3", folder / "backups")
    repository = StorageRepository(store.sessions)
    service = CloudStorageService(
        Settings(settings),
        local_root=folder / "local-storage",
        state=repository,
        links=repository,
        **(service_args or {}),
    )
    images = ImageUploadService(service, thumbnail_dir=folder / "thumbnails", thumbnail_maker=QtThumbnailMaker())
    registry = TaskRegistry()
    storage_tasks.register_tasks(registry, lambda: service, lambda: images)
    pool = JobPool(registry, JobRepository(store.sessions), workers=4)
    bridge = JobsBridge()
    bridge.attach(pool)
    jobs_model = JobsTableModel()  # the Jobs panel's model hears every progress report too
    bridge.job_changed.connect(jobs_model.upsert)
    view_model = StorageViewModel(service, pool, bridge, images=images, **view_model_args)
    panel = StoragePanel(view_model)
    panel.resize(1000, 640)
    panel.show()
    collector = GuiThreadGarbageCollector()
    collector.start()
    return Rig(store, service, pool, bridge, jobs_model, view_model, panel, collector)


async def wait_until(condition: Callable[[], bool], timeout: float, what: str, poll: float = 0.005) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"never happened: {what}")
        await asyncio.sleep(poll)
