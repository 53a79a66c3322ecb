"""Child process for the resume test: uploads FILE to KEY in 5 MiB parts, slowly, until the test kills it.

python -m tests.support.s3_upload_child STORE_FILE ENDPOINT BUCKET FILE KEY DELAY_PER_PART
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.fixtures_s3 import ACCESS_KEY, SECRET_KEY
from vector_desktop.services.storage.r2_backend import R2Backend
from vector_desktop.services.storage.upload_parts import MIN_PART_SIZE
from vector_desktop.store.engine import open_store
from vector_desktop.store.storage_repository import StorageRepository


def main(argv: list[str]) -> int:
    store_file, endpoint, bucket, path, key, delay = argv
    store = open_store(Path(store_file), Path(store_file).parent / "backups")
    backend = R2Backend(
        endpoint,
        bucket,
        ACCESS_KEY,
        SECRET_KEY,
        state=StorageRepository(store.sessions),
        part_size=MIN_PART_SIZE,
        max_concurrency=2,
    )

    def slow_down(**_kwargs: object) -> None:
        time.sleep(float(delay))

    backend.client.meta.events.register("before-send.s3.UploadPart", slow_down)
    print("started", flush=True)
    backend.upload_file(Path(path), key)
    print("finished", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
