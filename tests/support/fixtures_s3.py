"""S3 on 127.0.0.1: moto's ThreadedMotoServer (real HTTP; boto3 unchanged but for endpoint_url).

Use in a test module with `from tests.support.fixtures_s3 import moto_server, s3_bucket  # noqa: F401`.
moto checks neither signatures nor expiry, and accepts any keys unless started with authentication on
(`auth_moto_server`, a child process with INITIAL_NO_AUTH_ACTION_COUNT=0, which answers InvalidAccessKeyId).
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"


@dataclass(frozen=True)
class S3Endpoint:
    url: str
    host: str
    port: int

    def client(self) -> Any:
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="us-east-1",
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )


@dataclass(frozen=True)
class S3Bucket:
    endpoint: S3Endpoint
    name: str

    @property
    def url(self) -> str:
        return self.endpoint.url

    def client(self) -> Any:
        return self.endpoint.client()

    def env(self) -> dict[str, str]:
        """R2_* settings that point the app at this bucket."""
        return {
            "R2_ENDPOINT_URL": self.endpoint.url,
            "R2_BUCKET_NAME": self.name,
            "R2_ACCESS_KEY_ID": ACCESS_KEY,
            "R2_SECRET_ACCESS_KEY": SECRET_KEY,
        }


@pytest.fixture(scope="session")
def moto_server() -> Iterator[S3Endpoint]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield S3Endpoint(f"http://{host}:{port}", host, port)
    server.stop()


@pytest.fixture
def s3_bucket(moto_server: S3Endpoint) -> Iterator[S3Bucket]:
    name = f"vd-test-{uuid.uuid4().hex[:16]}"
    client = moto_server.client()
    client.create_bucket(Bucket=name)
    yield S3Bucket(moto_server, name)
    # Leave the server clean for the next test: no objects, no unfinished uploads.
    for upload in client.list_multipart_uploads(Bucket=name).get("Uploads", []):
        client.abort_multipart_upload(Bucket=name, Key=upload["Key"], UploadId=upload["UploadId"])
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=name):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=name, Key=item["Key"])
    client.delete_bucket(Bucket=name)
    client.close()


_AUTH_SERVER = """
import logging, sys
logging.disable(logging.CRITICAL)
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()
server.stop()
"""


@pytest.fixture(scope="session")
def auth_moto_server() -> Iterator[S3Endpoint]:
    """A moto server that checks access keys (any unknown key gets InvalidAccessKeyId)."""
    env = {**os.environ, "INITIAL_NO_AUTH_ACTION_COUNT": "0"}
    child = subprocess.Popen(
        [sys.executable, "-c", _AUTH_SERVER], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdin is not None
    port = int(child.stdout.readline())
    yield S3Endpoint(f"http://127.0.0.1:{port}", "127.0.0.1", port)
    child.stdin.close()
    child.stdout.close()
    try:
        child.wait(10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
