"""The local storage backend on temp folders: every operation, unsafe names, unicode, atomic writes."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vector_desktop.domain.storage import (
    BackendKind,
    InvalidKey,
    LinkPurpose,
    ObjectExists,
    ObjectMissing,
    StorageError,
    StorageNotConfigured,
    UploadCancelled,
    validate_key,
)
from vector_desktop.services.storage.cloud_storage_service import (
    CloudStorageService,
    LocalBackend,
    R2Backend,
    choose_backend,
)
from vector_desktop.services.storage.upload_parts import MAX_PARTS, MIN_PART_SIZE, choose_part_size, part_count

BAD_KEYS = [
    "..",
    "../escape.txt",
    "a/../../escape.txt",
    "a/..",
    "./a.txt",
    "/etc/passwd",
    "/",
    "a\\..\\b.txt",
    "..\\escape.txt",
    "nul\x00byte.txt",
    "line\nbreak.txt",
    "tab\there.txt",
    "bell\x07.txt",
    "del\x7f.txt",
    "a//b.txt",
    "C:/windows.txt",
    ".vector-partial/x.txt",
]


class Settings(dict):
    def get(self, key, default=None):  # type: ignore[no-untyped-def, override]
        return super().get(key, default)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "storage"


@pytest.fixture
def backend(root: Path) -> LocalBackend:
    return LocalBackend(root)


@pytest.fixture
def service(root: Path) -> CloudStorageService:
    return CloudStorageService(Settings(VECTOR_STORAGE_BACKEND="local"), local_root=root)


def snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


@pytest.mark.parametrize("key", BAD_KEYS)
def test_unsafe_keys_are_rejected_and_nothing_is_written_outside(
    tmp_path: Path, service: CloudStorageService, key: str
) -> None:
    source = tmp_path / "source.txt"
    source.write_text("secret")
    before = snapshot(tmp_path)
    for action in (
        lambda: service.upload_file(source, key),
        lambda: service.upload_bytes(b"x", key),
        lambda: service.create_folder(key),
        lambda: service.download(key, tmp_path / "out.txt"),
        lambda: service.delete(key),
        lambda: service.link(key),
        lambda: service.head(key),
        lambda: service.rename("whatever.txt", key),
    ):
        with pytest.raises(StorageError):
            action()
    after = snapshot(tmp_path)
    assert after - before <= {"storage", "storage/.vector-partial"}
    assert not (tmp_path / "escape.txt").exists()


@pytest.mark.parametrize("key", [*BAD_KEYS[:-1], ""])
def test_validate_key_gives_a_sentence(key: str) -> None:
    with pytest.raises(InvalidKey) as caught:
        validate_key(key)
    assert str(caught.value).endswith(".")


def test_a_symlink_inside_cannot_lead_outside(tmp_path: Path, backend: LocalBackend, root: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root.mkdir(parents=True)
    (root / "link").symlink_to(outside, target_is_directory=True)
    with pytest.raises(InvalidKey, match="outside"):
        backend.upload_bytes(b"x", "link/file.txt")
    assert list(outside.iterdir()) == []
    assert backend.list_page("").folders == ()  # symlinks are not listed


def test_unicode_and_spaces_work(tmp_path: Path, service: CloudStorageService, root: Path) -> None:
    source = tmp_path / "naïve café.txt"
    source.write_text("bonjour", encoding="utf-8")
    stored = service.upload_file(source, "Fotos/été 2026/naïve café.txt")
    assert stored.key == "Fotos/été 2026/naïve café.txt"
    assert stored.size == 7
    assert (root / "Fotos" / "été 2026" / "naïve café.txt").read_text(encoding="utf-8") == "bonjour"
    assert service.list_page("").folders == ("Fotos/",)
    page = service.list_page("Fotos/été 2026/")
    assert [o.key for o in page.objects] == ["Fotos/été 2026/naïve café.txt"]
    out = service.download("Fotos/été 2026/naïve café.txt", tmp_path / "back")
    assert out.read_text(encoding="utf-8") == "bonjour"
    link = service.link("Fotos/été 2026/naïve café.txt", purpose=LinkPurpose.API)
    assert link.startswith("file://") and "%20" in link
    assert Path(unquote(urlsplit(link).path)) == root.resolve() / "Fotos" / "été 2026" / "naïve café.txt"


def test_every_operation(tmp_path: Path, service: CloudStorageService, root: Path) -> None:
    assert service.kind is BackendKind.LOCAL
    assert service.describe_backend() == f"Local folder: {root}"
    assert "local folder" in service.test_connection()
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    stored = service.upload_file(empty, "docs/empty.bin")
    assert stored.size == 0 and stored.etag
    assert service.download("docs/empty.bin", tmp_path / "empty-back.bin").read_bytes() == b""
    assert service.create_folder("docs/new folder") == "docs/new folder/"
    assert (root / "docs" / "new folder").is_dir()
    service.upload_bytes(b"hello", "docs/a.txt")
    info = service.head("docs/a.txt")
    assert (info.size, info.content_type, info.is_folder) == (5, "text/plain", False)
    assert info.modified is not None and info.modified.tzinfo is not None
    assert service.read_bytes("docs/a.txt", limit=2) == b"he"
    service.rename("docs/a.txt", "docs/b.txt")
    assert not service.exists("docs/a.txt") and service.exists("docs/b.txt")
    service.upload_bytes(b"other", "docs/c.txt")
    with pytest.raises(ObjectExists):
        service.rename("docs/b.txt", "docs/c.txt")
    service.rename("docs/b.txt", "docs/c.txt", overwrite=True)
    assert service.read_bytes("docs/c.txt") == b"hello"
    service.rename("docs/", "archive/")
    assert sorted(o.key for o in service.list_all()) == ["archive/c.txt", "archive/empty.bin"]
    assert service.list_page("archive/").folders == ("archive/new folder/",)
    service.delete("archive/c.txt")
    with pytest.raises(ObjectMissing):
        service.delete("archive/c.txt")
    assert service.delete_folder("archive/") == 1
    assert service.list_all() == []
    with pytest.raises(ObjectMissing):
        service.download("nope.txt", tmp_path)


def test_paging_in_key_order(service: CloudStorageService) -> None:
    names = ["b.txt", "a.txt", "Z.txt", "é.txt", "c/", "d.txt", "e.txt"]
    for name in names:
        if name.endswith("/"):
            service.create_folder(name)
        else:
            service.upload_bytes(name.encode(), name)
    seen: list[str] = []
    token = None
    pages = 0
    while True:
        page = service.list_page("", token, page_size=3)
        pages += 1
        seen += [o.key for o in page.objects] + list(page.folders)
        token = page.next_token
        if token is None:
            break
    assert pages == 3
    assert sorted(seen, key=str.encode) == sorted(names, key=str.encode)
    assert len(seen) == len(set(seen))
    assert [o.key for o in service.list_page("d").objects] == ["d.txt"]


def test_cancelled_download_leaves_nothing(tmp_path: Path, service: CloudStorageService) -> None:
    service.upload_bytes(os.urandom(3 * 1024 * 1024), "big.bin")
    cancel = threading.Event()
    dest_dir = tmp_path / "downloads"
    dest_dir.mkdir()

    def progress(done: int, total: int) -> None:
        if done >= 1024 * 1024:
            cancel.set()

    with pytest.raises(UploadCancelled):
        service.download("big.bin", dest_dir / "big.bin", progress=progress, cancel=cancel)
    assert list(dest_dir.iterdir()) == []


def test_failed_download_keeps_the_old_file(tmp_path: Path, service: CloudStorageService) -> None:
    service.upload_bytes(b"new content", "a.txt")
    dest = tmp_path / "a.txt"
    dest.write_bytes(b"old")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(UploadCancelled):
        service.download("a.txt", dest, cancel=cancel)
    assert dest.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "storage"]


def test_cancelled_upload_leaves_nothing(tmp_path: Path, service: CloudStorageService, root: Path) -> None:
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(3 * 1024 * 1024))
    cancel = threading.Event()
    with pytest.raises(UploadCancelled):
        service.upload_file(source, "big.bin", progress=lambda d, t: cancel.set(), cancel=cancel)
    assert service.list_all() == []
    assert list((root / ".vector-partial").iterdir()) == []


def test_a_file_in_the_way_of_a_folder(service: CloudStorageService) -> None:
    service.upload_bytes(b"x", "a")
    with pytest.raises(ObjectExists):
        service.upload_bytes(b"y", "a/b.txt")
    with pytest.raises(ObjectExists):
        service.create_folder("a")


def test_download_of_a_key_whose_name_is_not_a_file_name_needs_a_destination(
    tmp_path: Path, service: CloudStorageService
) -> None:
    service.upload_bytes(b"x", "folder/file.txt")
    with pytest.raises(StorageError, match="folder"):
        service.download("folder/", tmp_path)


def test_backend_choice(tmp_path: Path) -> None:
    complete = Settings(
        R2_ENDPOINT_URL="https://acct.r2.cloudflarestorage.com",
        R2_BUCKET_NAME="bucket",
        R2_ACCESS_KEY_ID="id",
        R2_SECRET_ACCESS_KEY="secret",
        VECTOR_STORAGE_BACKEND="auto",
    )
    chosen = choose_backend(complete, tmp_path)
    assert isinstance(chosen, R2Backend)
    assert chosen.describe() == "R2: bucket at acct.r2.cloudflarestorage.com"
    assert "secret" not in repr(chosen)
    assert isinstance(choose_backend(Settings(complete, VECTOR_STORAGE_BACKEND="local"), tmp_path), LocalBackend)
    partial = Settings(complete, R2_SECRET_ACCESS_KEY="")
    assert isinstance(choose_backend(partial, tmp_path), LocalBackend)
    with pytest.raises(StorageNotConfigured, match="R2_SECRET_ACCESS_KEY is not set"):
        choose_backend(Settings(partial, VECTOR_STORAGE_BACKEND="r2"), tmp_path)
    service = CloudStorageService(Settings(partial, VECTOR_STORAGE_BACKEND="r2"), local_root=tmp_path)
    assert service.describe_backend().startswith("R2: not configured.")


def test_part_sizes_cover_every_file_size() -> None:
    mib, gib = 1024**2, 1024**3
    assert choose_part_size(0) == 8 * mib
    assert choose_part_size(5 * gib + 1) == 8 * mib  # 641 parts
    assert part_count(5 * gib + 1, 8 * mib) == 641
    for size in (80 * gib, 80 * gib + 1, 1024 * gib, 5 * 1024 * gib):
        part = choose_part_size(size)
        assert part >= MIN_PART_SIZE and part % mib == 0
        assert part_count(size, part) <= MAX_PARTS


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([*"ab./\\:\x00\n é~", "..", "ü"]), max_size=24).map("".join))
def test_no_key_maps_outside_the_root(tmp_path: Path, key: str) -> None:
    backend = LocalBackend(tmp_path / "root")
    try:
        path = backend.path_for(key)
    except InvalidKey:
        return
    root = (tmp_path / "root").resolve()
    assert path.resolve().is_relative_to(root) and path.resolve() != root
