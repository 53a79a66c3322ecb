"""The Storage panel's models over a real local backend: paging with fetchMore, folders first, the name filter,
lazy thumbnails, issued links and transfers. Every model passes Qt's model tester."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage

from tests.support.waiting import DictSettings
from tests.support.waiting import wait_for as wait_until
from vector_desktop.domain.jobs import JobSnapshot, JobState
from vector_desktop.domain.storage import IssuedLink
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.jobs_model import ProgressRole
from vector_desktop.presentation.storage.links_model import IssuedLinksModel, LinkColumn
from vector_desktop.presentation.storage.listing_columns import IsFolderRole, KeyRole, StorageColumn
from vector_desktop.presentation.storage.listing_model import StorageListModel
from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel
from vector_desktop.presentation.storage.thumbnails import QtThumbnailMaker
from vector_desktop.presentation.storage.transfers_model import TransferColumn, TransfersModel
from vector_desktop.qtsupport.tasks import TaskOwner
from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
from vector_desktop.services.storage.image_upload_service import ImageUploadService
from vector_desktop.store.job_repository import JobRepository

WAIT_S = 20.0  # a guard against hangs, not a timing assertion


async def wait_for(condition: Callable[[], bool], what: str) -> None:
    await wait_until(condition, what, WAIT_S)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    path = tmp_path / "storage"
    path.mkdir()
    return path


@pytest.fixture
def service(root: Path) -> Iterator[CloudStorageService]:
    service = CloudStorageService(DictSettings(VECTOR_STORAGE_BACKEND="local"), local_root=root)
    yield service
    service.close()


@pytest.fixture
def owner() -> Iterator[TaskOwner]:
    errors: list[BaseException] = []
    tasks = TaskOwner(errors.append)
    yield tasks
    tasks.cancel_all()
    assert errors == []


def listing_model(service: CloudStorageService, owner: TaskOwner, **kwargs: Any) -> StorageListModel:
    async def loader(prefix: str, token: str | None, size: int) -> Any:
        return await service.run(service.list_page, prefix, token, size)

    return StorageListModel(loader, owner.start, **kwargs)


def names(model: Any) -> list[str]:
    return [str(model.index(row, StorageColumn.NAME).data()) for row in range(model.rowCount())]


@pytest.mark.asyncio
async def test_a_big_folder_is_read_page_by_page(qtmodeltester, service, owner, root: Path) -> None:  # type: ignore[no-untyped-def]
    for n in range(1200):
        (root / f"file {n:04d}.txt").write_bytes(b"x" * (n % 7))
    model = listing_model(service, owner, first_page_size=200, page_size=500)
    qtmodeltester.check(model)
    model.reset_to("")
    assert model.is_loading
    await wait_for(lambda: not model.is_loading, "first page")
    # Only the first page is read at first; the rest comes when a view asks for more.
    assert model.rowCount() == 200
    assert names(model)[:2] == ["file 0000.txt", "file 0001.txt"]
    assert model.canFetchMore(QModelIndex())
    pages = 1
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        assert not model.canFetchMore(QModelIndex())  # one page at a time
        await wait_for(lambda: not model.is_loading, "next page")
        pages += 1
    assert (pages, model.rowCount()) == (3, 1200)  # 200 + 500 + 500
    assert model.is_complete
    assert len(set(names(model))) == 1200
    size = model.index(model.row_of("file 0006.txt"), StorageColumn.SIZE)
    assert size.data() == "6 bytes"
    assert size.data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    model.sort(StorageColumn.NAME, Qt.SortOrder.DescendingOrder)
    assert names(model)[:2] == ["file 1199.txt", "file 1198.txt"]
    # With a sort on, each new page is merged into place.
    model.reset_to("")
    await wait_for(lambda: not model.is_loading, "first page again")
    assert names(model)[0] == "file 0199.txt"
    model.fetchMore(QModelIndex())
    await wait_for(lambda: not model.is_loading, "second page")
    assert names(model)[0] == "file 0699.txt" and model.rowCount() == 700


@pytest.mark.asyncio
async def test_folders_come_first_and_the_filter_and_sort_keep_them_there(  # type: ignore[no-untyped-def]
    qtmodeltester, service, owner, root: Path
) -> None:
    from vector_desktop.presentation.storage.listing_filter import StorageFilterProxy

    for folder in ("Zeta", "alpha", "Photos"):
        (root / folder).mkdir()
    for name in ("b.txt", "A.png", "file10.txt", "file9.txt"):
        (root / name).write_bytes(b"data")
    model = listing_model(service, owner)
    model.reset_to("")
    await wait_for(lambda: model.is_complete, "listing")
    qtmodeltester.check(model)
    # Backend (byte) order within each group, folders first.
    assert names(model) == ["Photos", "Zeta", "alpha", "A.png", "b.txt", "file10.txt", "file9.txt"]
    assert model.index(0, StorageColumn.TYPE).data() == "Folder"
    assert model.index(0, StorageColumn.SIZE).data() == ""
    assert model.index(3, StorageColumn.TYPE).data() == "PNG image"

    proxy = StorageFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(StorageColumn.NAME, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["alpha", "Photos", "Zeta", "A.png", "b.txt", "file9.txt", "file10.txt"]
    proxy.sort(StorageColumn.NAME, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Zeta", "Photos", "alpha", "file10.txt", "file9.txt", "b.txt", "A.png"]
    proxy.sort(StorageColumn.SIZE, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(IsFolderRole) for r in range(proxy.rowCount())][:3] == [True, True, True]

    proxy.set_name_filter("FILE")
    assert sorted(names(proxy)) == ["file10.txt", "file9.txt"]
    proxy.set_name_filter("*.png")
    assert names(proxy) == ["A.png"]
    proxy.set_name_filter("")
    assert proxy.rowCount() == 7

    # Changes made by the app go straight into the rows, in order, without reading the folder again.
    proxy.sort(-1)  # back to the backend's order
    model.upsert(service.upload_bytes(b"new", "c.txt"))
    model.upsert(service.head("Photos/"))
    model.remove_key("Zeta/")
    assert names(model) == ["Photos", "alpha", "A.png", "b.txt", "c.txt", "file10.txt", "file9.txt"]
    proxy.sort(StorageColumn.NAME, Qt.SortOrder.AscendingOrder)
    model.upsert(service.upload_bytes(b"new", "file2.txt"))
    assert names(proxy) == ["alpha", "Photos", "A.png", "b.txt", "c.txt", "file2.txt", "file9.txt", "file10.txt"]


@pytest.mark.asyncio
async def test_a_missing_folder_is_empty_and_a_failure_is_reported(service, owner, root: Path) -> None:  # type: ignore[no-untyped-def]
    model = listing_model(service, owner)
    failures: list[str] = []
    model.load_failed.connect(failures.append)
    model.reset_to("nowhere/")
    await wait_for(lambda: model.is_complete, "empty listing")
    assert model.rowCount() == 0 and failures == []
    model.reset_to("../outside/")
    await wait_for(lambda: bool(failures), "failure")
    assert "'..'" in failures[0] and model.error == failures[0]
    assert not model.canFetchMore(QModelIndex())


def write_png(path: Path, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(path))


@pytest.fixture
def view_model(service, store, tmp_path: Path) -> Iterator[StorageViewModel]:  # type: ignore[no-untyped-def]
    images = ImageUploadService(service, thumbnail_dir=tmp_path / "thumbs", thumbnail_maker=QtThumbnailMaker())
    pool = JobPool(TaskRegistry(), JobRepository(store.sessions), workers=1)
    bridge = JobsBridge()
    bridge.attach(pool)
    vm = StorageViewModel(service, pool, bridge, images=images)
    yield vm
    vm.close()
    bridge.detach()
    pool.shutdown(wait_seconds=5.0)


@pytest.mark.asyncio
async def test_images_get_thumbnails_lazily_and_cached(  # type: ignore[no-untyped-def]
    qtmodeltester, view_model: StorageViewModel, root: Path, tmp_path: Path
) -> None:
    write_png(root / "wide.png", 400, 200)
    (root / "notes.txt").write_text("hello", encoding="utf-8")
    (root / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really a png at all")
    model = view_model.model
    file_icon = QIcon(str(root / "wide.png"))  # any non-null icon will do as the placeholder
    model.set_icons(file_icon, file_icon)
    await view_model.load()
    await wait_for(lambda: model.is_complete, "listing")
    qtmodeltester.check(model)
    changed: list[tuple[int, list[int]]] = []
    model.dataChanged.connect(lambda top, _bottom, roles: changed.append((top.row(), [int(r) for r in roles])))
    decoration = Qt.ItemDataRole.DecorationRole

    def icon_of(name: str) -> QIcon:
        icon = model.index(model.row_of(name), StorageColumn.NAME).data(decoration)
        assert isinstance(icon, QIcon)
        return icon

    # Asking for the decoration starts the thumbnail; the placeholder is shown meanwhile.
    assert icon_of("wide.png").cacheKey() == file_icon.cacheKey()
    await wait_for(lambda: model.thumbnail("wide.png") is not None, "thumbnail")
    assert (model.row_of("wide.png"), [decoration]) in changed
    icon = icon_of("wide.png")
    assert icon.cacheKey() != file_icon.cacheKey()
    assert icon.pixmap(QSize(256, 256)).size() == QSize(128, 128)  # centred on a square so icons line up
    [cached] = (tmp_path / "thumbs").glob("*.png")  # cached on disk for the next start
    assert QImage(str(cached)).size() == QSize(128, 64)
    # A damaged image keeps the plain icon; a text file never asks for a thumbnail.
    icon_of("broken.png")
    icon_of("notes.txt")
    await wait_for(lambda: (model.row_of("broken.png"), [decoration]) in changed, "damaged image tried")
    assert model.thumbnail("broken.png") is None
    assert icon_of("broken.png").cacheKey() == file_icon.cacheKey()
    assert icon_of("notes.txt").cacheKey() == file_icon.cacheKey()
    assert all(row != model.row_of("notes.txt") for row, _roles in changed)
    assert model.index(model.row_of("notes.txt"), 0).data(KeyRole) == "notes.txt"


def test_issued_links_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 5, 12, 0, tzinfo=UTC)
    model = IssuedLinksModel(clock=lambda: now)
    qtmodeltester.check(model)
    model.set_links(
        [
            IssuedLink(2, "r2:x", "b.pdf", "ui", now - timedelta(minutes=5), now + timedelta(minutes=55)),
            IssuedLink(1, "r2:x", "a.png", "api", now - timedelta(days=2), now - timedelta(days=1)),
        ]
    )
    qtmodeltester.check(model)
    assert [model.index(r, LinkColumn.KEY).data() for r in range(2)] == ["b.pdf", "a.png"]
    assert model.index(0, LinkColumn.STATUS).data() == "Works until it expires"
    assert model.index(1, LinkColumn.STATUS).data() == "Expired"
    assert model.index(0, LinkColumn.EXPIRES).data()


def test_transfers_model_follows_job_snapshots(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TransfersModel()
    qtmodeltester.check(model)
    model.add("j1", upload=True, key="photos/cat.png", local_path="/tmp/cat.png")
    assert model.index(0, TransferColumn.STATE).data() == "Queued"
    running = JobSnapshot("j1", "storage.upload", "Upload", JobState.RUNNING, 0.4, "Uploaded 4 MiB of 10 MiB")
    model.update(running)
    assert model.index(0, TransferColumn.NAME).data() == "cat.png"
    assert model.index(0, TransferColumn.PROGRESS).data(ProgressRole) == pytest.approx(0.4)
    assert model.index(0, TransferColumn.PROGRESS).data(Qt.ItemDataRole.ToolTipRole) == "Uploaded 4 MiB of 10 MiB"
    assert model.can_cancel("j1")
    # A storage job started elsewhere (e.g. resumed at start-up) gets a row; other jobs do not.
    model.update(JobSnapshot("j2", "storage.download", "Download a.pdf", JobState.SUCCEEDED, 1.0))
    model.update(JobSnapshot("j3", "telemetry.flush_analytics", "Flush", JobState.RUNNING))
    assert model.rowCount() == 2
    assert model.index(1, TransferColumn.NAME).data() == "Download a.pdf"
    assert model.index(1, TransferColumn.DIRECTION).data() == "Download"
    model.remove_finished()
    assert model.rowCount() == 1
    model.update(JobSnapshot("j1", "storage.upload", "Upload", JobState.CANCELLED, 0.4))
    assert not model.can_cancel("j1")
    model.remove_finished()
    assert model.rowCount() == 0
