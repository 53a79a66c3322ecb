"""Upload throughput: the storage service's resumable multipart upload vs boto3's own `upload_file`.

Both upload the same file to moto's S3 server (a child process on 127.0.0.1, so server and client do not share
one GIL), with the same client settings. The service also saves every part in the local store, as it does for
real. Prints one JSON line last. Usage: python bench/upload.py [--size-mib 1024] [--runs 3]
[--max-concurrency N]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

SERVER = """
import logging, sys
logging.disable(logging.CRITICAL)
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()
"""
MiB = 1024 * 1024


def make_file(path: Path, size: int) -> None:
    block = os.urandom(8 * MiB)
    with path.open("wb") as handle:
        left = size
        while left > 0:
            handle.write(block[: min(left, len(block))])
            left -= len(block)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-concurrency", type=int, default=0, help="parts in flight (0: the service default)")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)

    import boto3
    from boto3.s3.transfer import TransferConfig
    from botocore.config import Config

    from vector_desktop.services.storage.r2_backend import R2Backend
    from vector_desktop.store.engine import open_store
    from vector_desktop.store.storage_repository import StorageRepository

    server = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None and server.stdin is not None
    url = f"http://127.0.0.1:{int(server.stdout.readline())}"
    size = args.size_mib * MiB
    ours: list[float] = []
    theirs: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            source = folder / "upload.bin"
            make_file(source, size)
            store = open_store(folder / "store.sqlite3", folder / "backups")
            backend = R2Backend(
                url,
                "bench",
                "key",
                "secret",
                state=StorageRepository(store.sessions),
                max_concurrency=args.max_concurrency or None,
            )
            client = boto3.client(
                "s3",
                endpoint_url=url,
                aws_access_key_id="key",
                aws_secret_access_key="secret",
                region_name="us-east-1",
                config=Config(
                    signature_version="s3v4",
                    s3={"addressing_style": "path"},
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                ),
            )
            client.create_bucket(Bucket="bench")

            def baseline_run() -> None:
                start = time.perf_counter()
                client.upload_file(str(source), "bench", "baseline.bin", Config=TransferConfig())
                theirs.append(size / (time.perf_counter() - start) / 1e6)
                client.delete_object(Bucket="bench", Key="baseline.bin")

            def service_run() -> None:
                start = time.perf_counter()
                backend.upload_file(source, "service.bin")
                ours.append(size / (time.perf_counter() - start) / 1e6)
                client.delete_object(Bucket="bench", Key="service.bin")

            for run in range(args.runs):
                # Alternate which goes first: the machine warms up and moto's memory grows over a run.
                for step in (baseline_run, service_run) if run % 2 == 0 else (service_run, baseline_run):
                    step()
            backend.close()
            store.dispose()
    finally:
        server.stdin.close()
        server.wait(10)
    print(
        json.dumps({"service_mb_s": [round(v, 1) for v in ours], "boto3_mb_s": [round(v, 1) for v in theirs]}),
        file=sys.stderr,
    )
    value, baseline = statistics.median(ours), statistics.median(theirs)
    print(
        json.dumps(
            {
                "bench": "upload",
                "value": round(value, 1),
                "baseline": round(baseline, 1),
                "ratio": round(value / baseline, 3),
                "unit": f"MB/s ({args.size_mib} MiB to moto over HTTP)",
                "goal": ">= 0.9 (service / boto3 upload_file)",
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
