"""The R2/S3 backend against moto's threaded S3 server on 127.0.0.1 (real HTTP, boto3 unchanged but endpoint_url)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from botocore.exceptions import ClientError

from tests.support import fixtures_s3
from tests.support.fixtures_s3 import ACCESS_KEY, SECRET_KEY, S3Bucket, closed_port
from vector_desktop.domain.errors import JobCancelled, JobTimeout
from vector_desktop.domain.storage import (
    AccessDenied,
    BackendKind,
    BadCredentials,
    BucketMissing,
    DiskFull,
    EndpointUnreachable,
    LinkPurpose,
    ObjectExists,
    ObjectMissing,
    StorageError,
    UploadCancelled,
)
from vector_desktop.jobs.context import RunContext
from vector_desktop.services.storage import s3_errors, storage_tasks
from vector_desktop.services.storage.cloud_storage_service import CloudStorageService, R2Backend
from vector_desktop.services.storage.image_upload_service import ImageUploadService
from vector_desktop.services.storage.upload_parts import MIN_PART_SIZE
from vector_desktop.store.storage_repository import StorageRepository

moto_server = fixtures_s3.moto_server
auth_moto_server = fixtures_s3.auth_moto_server
s3_bucket = fixtures_s3.s3_bucket

MiB = 1024 * 1024
REPO_ROOT = Path(__file__).resolve().parents[3]


class Settings(dict):
    def get(self, key, default=None):  # type: ignore[no-untyped-def, override]
        return super().get(key, default)


@pytest.fixture
def repository(store) -> StorageRepository:  # type: ignore[no-untyped-def]
    return StorageRepository(store.sessions)


@pytest.fixture
def service(tmp_path: Path, s3_bucket: S3Bucket, repository: StorageRepository) -> Any:
    service = CloudStorageService(
        Settings(s3_bucket.env()),
        local_root=tmp_path / "local",
        state=repository,
        links=repository,
        part_size=MIN_PART_SIZE,
        max_concurrency=3,
    )
    yield service
    service.close()


def make_backend(bucket: S3Bucket, repository: StorageRepository | None = None, **kw: Any) -> R2Backend:
    return R2Backend(bucket.url, bucket.name, ACCESS_KEY, SECRET_KEY, state=repository, part_size=MIN_PART_SIZE, **kw)


def multipart_etag(data: bytes, part_size: int) -> str:
    digests = [hashlib.md5(data[i : i + part_size]).digest() for i in range(0, len(data), part_size)]
    return f"{hashlib.md5(b''.join(digests)).hexdigest()}-{len(digests)}"


def count_part_uploads(backend: R2Backend) -> list[int]:
    sent: list[int] = []

    def record(params: dict[str, Any], **_kw: Any) -> None:
        sent.append(int(params["PartNumber"]))

    backend.client.meta.events.register("before-parameter-build.s3.UploadPart", record)
    return sent


def test_backend_is_chosen_and_described(service: CloudStorageService, s3_bucket: S3Bucket) -> None:
    assert service.kind is BackendKind.R2
    host = f"127.0.0.1:{s3_bucket.endpoint.port}"
    assert service.describe_backend() == f"R2: {s3_bucket.name} at {host}"
    assert service.test_connection() == f"Connected to the bucket '{s3_bucket.name}' at {host}."


def test_every_operation_with_unicode_keys(tmp_path: Path, service: CloudStorageService, s3_bucket: S3Bucket) -> None:
    source = tmp_path / "naïve café.txt"
    source.write_text("bonjour à tous", encoding="utf-8")
    key = "Fotos/été 2026/naïve café.txt"
    stored = service.upload_file(source, key)
    assert (stored.key, stored.size, stored.content_type) == (key, len("bonjour à tous".encode()), "text/plain")
    assert stored.etag == hashlib.md5(source.read_bytes()).hexdigest()
    assert stored.modified is not None and stored.modified.utcoffset() == timedelta(0)

    assert service.list_page("").folders == ("Fotos/",)
    listed = service.list_page("Fotos/été 2026/").objects
    assert [(o.key, o.size, o.etag) for o in listed] == [(key, stored.size, stored.etag)]

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    out = service.download(key, downloads)
    assert out.name == "naïve café.txt" and out.read_text(encoding="utf-8") == "bonjour à tous"
    assert service.read_bytes(key, limit=7) == b"bonjour"

    assert service.create_folder("Fotos/new folder") == "Fotos/new folder/"
    assert service.list_page("Fotos/").folders == ("Fotos/new folder/", "Fotos/été 2026/")
    with pytest.raises(ObjectExists):
        service.create_folder("Fotos/new folder/")

    service.rename(key, "Fotos/renamed ü.txt")
    assert not service.exists(key) and service.head("Fotos/renamed ü.txt").size == stored.size
    service.upload_bytes(b"x", "Fotos/other.txt")
    with pytest.raises(ObjectExists):
        service.rename("Fotos/renamed ü.txt", "Fotos/other.txt")
    service.rename("Fotos/", "Archiv/")
    keys = sorted(o.key for o in service.list_all())
    assert keys == ["Archiv/new folder/", "Archiv/other.txt", "Archiv/renamed ü.txt"]

    service.delete("Archiv/other.txt")
    with pytest.raises(ObjectMissing, match=r"other\.txt"):
        service.delete("Archiv/other.txt")
    assert service.delete_folder("Archiv/") == 2
    assert s3_bucket.client().list_objects_v2(Bucket=s3_bucket.name).get("KeyCount") == 0


def test_empty_file(tmp_path: Path, service: CloudStorageService) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    stored = service.upload_file(empty, "empty file")
    assert (stored.size, stored.etag) == (0, hashlib.md5(b"").hexdigest())
    assert service.download("empty file", tmp_path / "back").read_bytes() == b""
    assert service.read_bytes("empty file", limit=10) == b""


def test_pagination(service: CloudStorageService) -> None:
    names = [f"page/{n:02d} item.txt" for n in range(7)]
    for name in names:
        service.upload_bytes(name.encode(), name)
    seen: list[str] = []
    token = None
    pages = 0
    while True:
        page = service.list_page("page/", token, page_size=3)
        pages += 1
        seen += [o.key for o in page.objects]
        token = page.next_token
        if token is None:
            break
    assert (pages, seen) == (3, names)


def test_multipart_upload_with_progress(tmp_path: Path, service: CloudStorageService, s3_bucket: S3Bucket) -> None:
    data = os.urandom(17 * MiB + 123)
    source = tmp_path / "video.mp4"
    source.write_bytes(data)
    reports: list[tuple[int, int]] = []
    stored = service.upload_file(source, "media/video.mp4", progress=lambda d, t: reports.append((d, t)))
    assert stored.etag == multipart_etag(data, MIN_PART_SIZE)
    assert stored.content_type == "video/mp4"
    assert reports[-1] == (len(data), len(data))
    assert all(total == len(data) and 0 <= done <= total for done, total in reports)
    back = service.download("media/video.mp4", tmp_path / "back.mp4")
    assert hashlib.sha256(back.read_bytes()).digest() == hashlib.sha256(data).digest()
    assert service.pending_uploads() == []


def test_cancel_aborts_the_multipart_upload(
    tmp_path: Path, service: CloudStorageService, s3_bucket: S3Bucket, repository: StorageRepository
) -> None:
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(30 * MiB))
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done >= 8 * MiB:
            cancel.set()

    with pytest.raises(UploadCancelled, match="cancelled"):
        service.upload_file(source, "big.bin", progress=progress, cancel=cancel)
    client = s3_bucket.client()
    assert client.list_multipart_uploads(Bucket=s3_bucket.name).get("Uploads", []) == []
    assert client.list_objects_v2(Bucket=s3_bucket.name).get("KeyCount") == 0
    assert repository.pending_uploads() == []


def test_cancel_of_a_single_request_upload(tmp_path: Path, service: CloudStorageService, s3_bucket: S3Bucket) -> None:
    source = tmp_path / "small.bin"
    source.write_bytes(os.urandom(3 * MiB))
    cancel = threading.Event()
    with pytest.raises(UploadCancelled):
        service.upload_file(source, "small.bin", progress=lambda d, t: cancel.set(), cancel=cancel)
    assert s3_bucket.client().list_objects_v2(Bucket=s3_bucket.name).get("KeyCount") == 0


def test_upload_resumes_after_the_process_is_killed(
    tmp_path: Path,
    store: Any,
    repository: StorageRepository,
    s3_bucket: S3Bucket,
    subprocess_env: dict[str, str],
) -> None:
    data = os.urandom(40 * MiB)
    source = tmp_path / "backup archive.tar"
    source.write_bytes(data)
    key = "backups/backup archive.tar"
    args = [str(store.path), s3_bucket.url, s3_bucket.name, str(source), key, "0.4"]
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.s3_upload_child", *args],
        env=subprocess_env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            pending = repository.pending_uploads()
            if pending and len(pending[0].parts) >= 3:
                break
            time.sleep(0.02)
        assert child.poll() is None, child.communicate()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.communicate()
    assert child.returncode == -signal.SIGKILL

    [record] = repository.pending_uploads()
    done_before = set(record.parts)
    assert 3 <= len(done_before) < 8
    uploads = s3_bucket.client().list_multipart_uploads(Bucket=s3_bucket.name)["Uploads"]
    assert [u["UploadId"] for u in uploads] == [record.upload_id]

    backend = make_backend(s3_bucket, repository, max_concurrency=2)
    sent = count_part_uploads(backend)
    first_report: list[int] = []
    stored = backend.upload_file(source, key, progress=lambda d, t: first_report.append(d))
    assert sent and not set(sent) & done_before  # parts done before the kill were not sent again
    assert set(sent) | done_before <= set(range(1, 9))
    assert first_report[0] >= len(done_before) * MIN_PART_SIZE
    assert stored.etag == multipart_etag(data, MIN_PART_SIZE)
    back = backend.download_file(key, tmp_path / "back.tar")
    assert hashlib.sha256(back.read_bytes()).digest() == hashlib.sha256(data).digest()
    assert repository.pending_uploads() == []
    assert s3_bucket.client().list_multipart_uploads(Bucket=s3_bucket.name).get("Uploads", []) == []


def run_context(on_progress: Any, clock: Any = time.monotonic) -> RunContext:
    return RunContext("job-1", deadline=float("inf"), timeout_s=60, clock=clock, on_progress=on_progress)


def test_a_job_that_hits_its_time_limit_resumes_on_the_next_run(
    tmp_path: Path, service: CloudStorageService, repository: StorageRepository, s3_bucket: S3Bucket
) -> None:
    data = os.urandom(26 * MiB)
    source = tmp_path / "data.bin"
    source.write_bytes(data)
    late = {"now": 0.0}

    def on_progress(fraction: float, _text: str) -> None:
        if fraction >= 0.3:
            late["now"] = 2.0  # past the deadline: the next check() raises JobTimeout

    ctx = RunContext("job-1", deadline=1.0, timeout_s=1, clock=lambda: late["now"], on_progress=on_progress)
    with pytest.raises(JobTimeout):
        storage_tasks.upload(service, ctx, str(source), "data.bin")
    [record] = repository.pending_uploads()
    assert record.parts  # the finished parts are kept for the next run
    result = storage_tasks.upload(service, run_context(lambda f, t: None), str(source), "data.bin")
    assert result["etag"] == multipart_etag(data, MIN_PART_SIZE)
    assert result["size"] == len(data)
    assert repository.pending_uploads() == []


def test_cancelling_an_upload_job_aborts(
    tmp_path: Path, service: CloudStorageService, s3_bucket: S3Bucket, repository: StorageRepository
) -> None:
    source = tmp_path / "data.bin"
    source.write_bytes(os.urandom(21 * MiB))
    holder: dict[str, RunContext] = {}

    def on_progress(fraction: float, text: str) -> None:
        assert "of 21.0 MiB" in text
        if fraction > 0.3:
            holder["ctx"].request_cancel()

    holder["ctx"] = run_context(on_progress)
    with pytest.raises(JobCancelled):
        storage_tasks.upload(service, holder["ctx"], str(source), "data.bin")
    assert s3_bucket.client().list_multipart_uploads(Bucket=s3_bucket.name).get("Uploads", []) == []
    assert repository.pending_uploads() == []


def test_download_job_and_registration(tmp_path: Path, service: CloudStorageService) -> None:
    from vector_desktop.jobs.registry import TaskRegistry

    registry = TaskRegistry()
    storage_tasks.register_tasks(registry, lambda: service)
    assert {"storage.upload", "storage.download"} <= set(registry.names())
    assert registry.get("storage.upload").idempotent
    service.upload_bytes(b"payload", "a/b c.txt")
    result = registry.get("storage.download").fn(run_context(lambda f, t: None), "a/b c.txt", str(tmp_path))
    assert Path(result["path"]).read_bytes() == b"payload"


def test_presigned_links(service: CloudStorageService, s3_bucket: S3Bucket) -> None:
    service.upload_bytes(b"shared content", "share/été photo.jpg", content_type="image/jpeg")

    def expires(url: str) -> int:
        return int(parse_qs(urlsplit(url).query)["X-Amz-Expires"][0])

    ui = service.link("share/été photo.jpg")
    api = service.link("share/été photo.jpg", purpose=LinkPurpose.API)
    chosen = service.link("share/été photo.jpg", expires_s=600)
    assert (expires(ui), expires(api), expires(chosen)) == (3600, 86400, 600)
    assert httpx.get(ui).content == b"shared content"
    issued = service.issued_links()
    assert [(i.key, i.purpose) for i in issued] == [
        ("share/été photo.jpg", "custom"),
        ("share/été photo.jpg", "api"),
        ("share/été photo.jpg", "ui"),
    ]
    assert [int((i.expires - i.created).total_seconds()) for i in issued] == [600, 86400, 3600]
    assert not any(i.expired() for i in issued)
    assert "cannot be revoked" in service.links_notice
    with pytest.raises(StorageError, match="7 days"):
        service.link("share/été photo.jpg", expires_s=8 * 24 * 3600)
    with pytest.raises(ObjectMissing):
        service.link("share/missing.jpg")
    assert len(service.issued_links()) == 3


def test_image_upload_and_vision_part(tmp_path: Path, service: CloudStorageService, s3_bucket: S3Bucket) -> None:
    from tests.unit.storage.test_image_upload import SAMPLES, jpeg_with_location

    images = ImageUploadService(service, thumbnail_dir=tmp_path / "thumbs")
    photo = tmp_path / "photo.txt"  # a wrong name: the type comes from the content
    photo.write_bytes(SAMPLES["image/png"])
    stored = images.upload(photo, "images/photo.txt")
    assert stored.content_type == "image/png"
    part = images.vision_part("images/photo.txt")
    query = parse_qs(urlsplit(part.url).query)
    assert query["X-Amz-Expires"] == ["86400"]
    assert httpx.get(part.url).content == SAMPLES["image/png"]
    inline = images.vision_part("images/photo.txt", inline=True)
    assert inline.url.startswith("data:image/png;base64,")
    located = tmp_path / "IMG.jpg"
    located.write_bytes(jpeg_with_location())
    images.upload(located, "images/IMG.jpg", remove_location=True)
    landed = service.read_bytes("images/IMG.jpg")
    assert landed != jpeg_with_location() and b"GPSLatitude" not in landed
    assert service.head("images/IMG.jpg").content_type == "image/jpeg"


@pytest.mark.asyncio
async def test_calls_run_off_the_loop_thread(service: CloudStorageService) -> None:
    service.upload_bytes(b"x", "async.txt")
    loop_thread = threading.get_ident()
    seen: list[int] = []

    def listing() -> Any:
        seen.append(threading.get_ident())
        return service.list_page("")

    page = await service.run(listing)
    assert [o.key for o in page.objects] == ["async.txt"]
    assert seen and seen[0] != loop_thread


# Faults


def test_missing_bucket(tmp_path: Path, s3_bucket: S3Bucket) -> None:
    backend = R2Backend(s3_bucket.url, "no-such-bucket-here", ACCESS_KEY, SECRET_KEY)
    with pytest.raises(BucketMissing, match=r"'no-such-bucket-here' does not exist .*R2_BUCKET_NAME"):
        backend.test_connection()
    with pytest.raises(BucketMissing):
        backend.list_page("")
    source = tmp_path / "a.txt"
    source.write_text("x")
    with pytest.raises(BucketMissing):
        backend.upload_file(source, "a.txt")


def test_endpoint_down(tmp_path: Path) -> None:
    port = closed_port()
    backend = R2Backend(f"http://127.0.0.1:{port}", "bucket", ACCESS_KEY, SECRET_KEY, max_attempts=1)
    with pytest.raises(EndpointUnreachable, match=f"Cannot reach the storage endpoint 127.0.0.1:{port}"):
        backend.test_connection()
    dest = tmp_path / "out.bin"
    with pytest.raises(EndpointUnreachable):
        backend.download_file("a.bin", dest)
    assert list(tmp_path.iterdir()) == []


def test_disk_full_while_downloading(tmp_path: Path, service: CloudStorageService) -> None:
    from tests.support.small_disk import fill, tiny_filesystem

    service.upload_bytes(os.urandom(3 * MiB), "big.bin")
    with tiny_filesystem(tmp_path / "small", size_kb=4096) as small:
        fill(small, leave_bytes=2 * MiB)
        with pytest.raises(DiskFull, match="Not enough free space"):
            service.download("big.bin", small / "too-big.bin")
        (small / "filler.bin").unlink()

        def progress(done: int, _total: int) -> None:
            if done >= MiB:
                fill(small)  # the disk fills up while the download runs: a real ENOSPC on the next write

        with pytest.raises(DiskFull, match="The disk is full"):
            service.download("big.bin", small / "big.bin", progress=progress)
        assert sorted(p.name for p in small.iterdir()) == ["filler.bin"]


def test_bad_credentials(auth_moto_server: Any) -> None:
    backend = R2Backend(auth_moto_server.url, "any-bucket", "AKIAWRONGWRONGWRONG1", "wrong-secret", max_attempts=1)
    with pytest.raises(BadCredentials, match=r"rejected the access keys .*R2_ACCESS_KEY_ID"):
        backend.test_connection()
    with pytest.raises(BadCredentials):
        backend.list_page("")


def client_error(code: str, status: int = 400, message: str = "") -> ClientError:
    return ClientError(
        {"Error": {"Code": code, "Message": message}, "ResponseMetadata": {"HTTPStatusCode": status}}, "Op"
    )


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        ("AccessDenied", AccessDenied, "no permission for uploading 'k' in the bucket 'b'"),
        ("403", AccessDenied, "no permission"),
        ("SignatureDoesNotMatch", BadCredentials, "rejected the access keys"),
        ("InvalidAccessKeyId", BadCredentials, "R2_SECRET_ACCESS_KEY"),
        ("NoSuchBucket", BucketMissing, "'b' does not exist at host:9"),
        ("NoSuchKey", ObjectMissing, "no file named 'k'"),
        ("SlowDown", EndpointUnreachable, "busy"),
        ("Weird", StorageError, "refused the request while uploading (Weird): odd"),
    ],
)
def test_error_sentences(code: str, kind: type, words: str) -> None:
    # moto accepts any keys and grants every permission, so AccessDenied is checked on botocore's error shape.
    error = s3_errors.translate(
        client_error(code, message="odd"), endpoint_url="http://host:9", bucket="b", key="k", action="uploading"
    )
    assert type(error) is kind
    assert words in str(error)
