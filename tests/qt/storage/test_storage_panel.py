"""The Storage panel as a user sees it, over a real CloudStorageService (a local folder, or S3 on moto's server on
127.0.0.1) and a real job pool over the SQLite store."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QPushButton

from tests.support.fixtures_s3 import S3Bucket, closed_port
from tests.support.waiting import DictSettings, next_emission, wait_for
from vector_desktop.config import load_config
from vector_desktop.domain.errors import JobTimeout
from vector_desktop.domain.storage import StorageError
from vector_desktop.jobs.context import RunContext
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.jobs_model import JobColumn, JobsTableModel, ProgressRole
from vector_desktop.presentation.settings_viewmodel import SettingsViewModel
from vector_desktop.presentation.storage.listing_columns import StorageColumn
from vector_desktop.presentation.storage.settings_tester import StorageSettingsTester
from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel
from vector_desktop.presentation.storage.thumbnails import QtThumbnailMaker
from vector_desktop.presentation.storage.transfers_model import TransferColumn
from vector_desktop.secrets import SecretStore
from vector_desktop.services.storage import storage_tasks
from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
from vector_desktop.services.storage.image_upload_service import ImageUploadService
from vector_desktop.services.storage.upload_parts import MIN_PART_SIZE
from vector_desktop.store.job_repository import JobRepository
from vector_desktop.store.settings_repository import SettingsRepository
from vector_desktop.store.storage_repository import StorageRepository
from vector_desktop.views.settings_dialog import SettingsDialog
from vector_desktop.views.storage.storage_panel import StoragePanel

MiB = 1024 * 1024


class Harness:
    def __init__(self, qtbot, store, tmp_path: Path, settings: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.tmp = tmp_path
        self.local_root = tmp_path / "local-storage"
        self.repository = StorageRepository(store.sessions)
        self.settings = DictSettings(settings)
        self.service = CloudStorageService(
            self.settings,
            local_root=self.local_root,
            state=self.repository,
            links=self.repository,
            part_size=MIN_PART_SIZE,
            max_concurrency=2,
        )
        self.images = ImageUploadService(
            self.service, thumbnail_dir=tmp_path / "thumbnails", thumbnail_maker=QtThumbnailMaker()
        )
        self.registry = TaskRegistry()
        storage_tasks.register_tasks(self.registry, lambda: self.service, lambda: self.images)
        self.pool = JobPool(self.registry, JobRepository(store.sessions), workers=2)
        self.bridge = JobsBridge()
        self.bridge.attach(self.pool)
        self.jobs_model = JobsTableModel()  # what the Jobs panel shows
        self.bridge.job_changed.connect(self.jobs_model.upsert)
        self.vm = StorageViewModel(self.service, self.pool, self.bridge, images=self.images)
        self.errors: list[str] = []
        self.vm.error_occurred.connect(self.errors.append)
        self.panel = StoragePanel(self.vm)
        qtbot.addWidget(self.panel)
        self.panel.resize(1000, 640)
        self.panel.show()

    async def start(self) -> None:
        await self.vm.load()
        await self.listed()

    async def listed(self) -> None:
        await wait_for(lambda: not self.vm.model.is_loading, "folder listed")

    def names(self) -> list[str]:
        proxy = self.vm.proxy
        return [str(proxy.index(row, StorageColumn.NAME).data()) for row in range(proxy.rowCount())]

    def transfer_states(self) -> list[str]:
        model = self.vm.transfers
        return [str(model.index(row, TransferColumn.STATE).data()) for row in range(model.rowCount())]

    def drop(self, *paths: Path) -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
        where = QPointF(self.panel.ui.stack.geometry().center())
        enter = QDragEnterEvent(
            where.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(self.panel, enter)
        assert enter.isAccepted()
        drop = QDropEvent(
            where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(self.panel, drop)
        assert drop.isAccepted()

    def menu_action(self, name: str) -> QAction:
        menu = self.panel.context_menu()
        action = menu.findChild(QAction, name)
        assert action is not None, f"{name} not in {[a.objectName() for a in menu.findChildren(QAction)]}"
        return action

    def close(self) -> None:
        self.vm.close()
        self.bridge.detach()
        self.pool.shutdown(wait_seconds=10.0)
        self.service.close()


@pytest.fixture
def make_harness(qapp, qtbot, store, tmp_path: Path) -> Iterator[Callable[[dict[str, str]], Harness]]:  # type: ignore[no-untyped-def]
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    made: list[Harness] = []

    def make(settings: dict[str, str]) -> Harness:
        harness = Harness(qtbot, store, tmp_path, settings)
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.close()
    qapp.setQuitOnLastWindowClosed(quit_on_close)


@pytest.fixture
def r2(make_harness, s3_bucket: S3Bucket) -> Harness:  # type: ignore[no-untyped-def]
    return make_harness(s3_bucket.env())


@pytest.fixture
def local(make_harness) -> Harness:  # type: ignore[no-untyped-def]
    return make_harness({"VECTOR_STORAGE_BACKEND": "local"})


def server_keys(bucket: S3Bucket) -> list[str]:
    listed = bucket.client().list_objects_v2(Bucket=bucket.name)
    return sorted(item["Key"] for item in listed.get("Contents", []))


# ------------------------------------------------------------------------------------------------ uploads (R2)
@pytest.mark.asyncio
async def test_dropping_files_and_folders_uploads_them_with_progress(r2: Harness, s3_bucket: S3Bucket) -> None:
    await r2.start()
    assert r2.panel.ui.backendLabel.text() == f"R2: {s3_bucket.name} at 127.0.0.1:{s3_bucket.endpoint.port}"
    assert r2.panel.empty_text() == "No files yet. Drag files or folders here, or click Upload…"
    folder = r2.tmp / "photos"
    (folder / "2026" / "empty").mkdir(parents=True)
    (folder / "a.txt").write_text("alpha", encoding="utf-8")
    (folder / "2026" / "b.txt").write_text("beta", encoding="utf-8")
    big = r2.tmp / "big.bin"
    data = os.urandom(12 * MiB)
    big.write_bytes(data)
    progress: list[float] = []

    def track(top: Any, _bottom: Any, _roles: Any = None) -> None:
        value = r2.vm.transfers.index(top.row(), TransferColumn.PROGRESS).data(ProgressRole)
        if r2.vm.transfers.index(top.row(), TransferColumn.NAME).data() == "big.bin":
            progress.append(float(value))

    r2.vm.transfers.dataChanged.connect(track)
    r2.drop(folder, big)
    await wait_for(lambda: r2.vm.transfers.rowCount() == 3, "three uploads queued")
    assert r2.panel.ui.transfersPane.isVisible()
    await wait_for(lambda: r2.transfer_states() == ["Succeeded"] * 3, "uploads finished")
    # One job per file; keys keep the folder structure; the empty folder is made too.
    assert server_keys(s3_bucket) == ["big.bin", "photos/2026/b.txt", "photos/2026/empty/", "photos/a.txt"]
    assert s3_bucket.client().get_object(Bucket=s3_bucket.name, Key="big.bin")["Body"].read() == data
    assert progress[-1] == 1.0 and progress == sorted(progress)
    row = [r2.vm.transfers.index(r, TransferColumn.NAME).data() for r in range(3)].index("big.bin")
    assert r2.vm.transfers.index(row, TransferColumn.PROGRESS).data() == "100 %"
    # The new entries appear in the folder without reading it again, and the Jobs panel lists the same jobs.
    assert r2.names() == ["photos", "big.bin"]
    jobs = [r2.jobs_model.index(r, JobColumn.TASK).data() for r in range(r2.jobs_model.rowCount())]
    assert sorted(jobs) == ["Upload big.bin", "Upload photos/2026/b.txt", "Upload photos/a.txt"]
    assert r2.errors == []
    # Clear finished empties the strip.
    r2.panel.ui.clearTransfersButton.click()
    assert r2.vm.transfers.rowCount() == 0 and not r2.panel.ui.transfersPane.isVisible()


@pytest.mark.asyncio
async def test_cancelling_an_upload_leaves_nothing_on_the_server(r2: Harness, s3_bucket: S3Bucket) -> None:
    await r2.start()
    huge = r2.tmp / "huge.bin"
    with open(huge, "wb") as handle:
        handle.truncate(200 * MiB)  # sparse: quick to make, long enough to upload to cancel it halfway
    await r2.vm.upload_paths([str(huge)])

    def running() -> bool:
        transfer = r2.vm.transfers.transfer_at(0)
        return bool(transfer and transfer.snapshot and transfer.snapshot.progress > 0)

    await wait_for(running, "upload under way")
    r2.panel.ui.transfersTable.selectRow(0)
    assert r2.panel.ui.cancelTransferButton.isEnabled()
    r2.panel.ui.cancelTransferButton.click()
    await wait_for(lambda: r2.transfer_states() == ["Cancelled"], "upload cancelled")
    client = s3_bucket.client()
    assert client.list_multipart_uploads(Bucket=s3_bucket.name).get("Uploads", []) == []
    assert server_keys(s3_bucket) == []
    assert r2.repository.pending_uploads() == []
    assert not r2.panel.ui.cancelTransferButton.isEnabled()
    assert r2.names() == []


@pytest.mark.asyncio
async def test_an_interrupted_upload_is_offered_and_resumes(r2: Harness, s3_bucket: S3Bucket) -> None:
    source = r2.tmp / "video.bin"
    data = os.urandom(16 * MiB)
    source.write_bytes(data)
    late = {"now": 0.0}

    def on_progress(fraction: float, _text: str) -> None:
        if fraction >= 0.3:
            late["now"] = 2.0  # past the deadline: the upload stops and keeps its parts

    ctx = RunContext("earlier", deadline=1.0, timeout_s=1, clock=lambda: late["now"], on_progress=on_progress)
    with pytest.raises(JobTimeout):
        await asyncio.get_running_loop().run_in_executor(
            None, storage_tasks.upload, r2.service, ctx, str(source), "video.bin"
        )
    assert len(r2.repository.pending_uploads()) == 1
    await r2.start()
    await wait_for(lambda: r2.panel.ui.pendingBanner.isVisible(), "banner")
    assert "video.bin" in r2.panel.ui.pendingLabel.text()
    r2.panel.ui.resumeButton.click()
    await wait_for(lambda: r2.transfer_states() == ["Succeeded"], "resumed upload")
    assert not r2.panel.ui.pendingBanner.isVisible()
    body = s3_bucket.client().get_object(Bucket=s3_bucket.name, Key="video.bin")["Body"].read()
    assert body == data
    assert r2.repository.pending_uploads() == []
    assert r2.names() == ["video.bin"]


# ------------------------------------------------------------------------------------------------------- links
@pytest.mark.asyncio
async def test_copy_link_puts_a_presigned_url_on_the_clipboard_and_lists_it(r2: Harness, s3_bucket: S3Bucket) -> None:
    r2.service.upload_bytes(b"%PDF-1.7 report", "docs/report.pdf")
    await r2.start()
    r2.vm.open_prefix("docs/")
    await r2.listed()
    assert r2.panel.select_key("docs/report.pdf")
    assert r2.menu_action("action_link_3600").text() == "Valid for 1 hour"
    assert r2.menu_action("action_link_604800").text() == "Valid for 7 days"
    copied = asyncio.ensure_future(next_emission(r2.vm.link_copied))
    await asyncio.sleep(0)
    r2.menu_action("action_link_3600").trigger()
    key, url = await copied
    assert key == "docs/report.pdf"
    clipboard = QGuiApplication.clipboard().text()
    assert clipboard == url
    parts = urlsplit(clipboard)
    assert parts.netloc == f"127.0.0.1:{s3_bucket.endpoint.port}"
    assert parse_qs(parts.query)["X-Amz-Expires"] == ["3600"]
    assert "cannot be revoked" in r2.panel.ui.messageLabel.text()
    # Every link issued is listed, with the warning that it cannot be taken back.
    dialog = r2.panel.show_issued_links()
    await wait_for(lambda: r2.vm.links.rowCount() == 1, "issued link listed")
    assert dialog.ui.stack.currentWidget() is dialog.ui.tablePage
    assert dialog.ui.linksTable.model().index(0, 0).data() == "docs/report.pdf"
    assert dialog.ui.linksTable.model().index(0, 2).data()  # expires
    assert "Links cannot be revoked" in dialog.ui.noticeLabel.text()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).click()


@pytest.mark.asyncio
async def test_local_copy_link_gives_the_file_uri(local: Harness) -> None:
    (local.local_root).mkdir(parents=True, exist_ok=True)
    target = local.local_root / "notes café.txt"
    target.write_text("hello", encoding="utf-8")
    await local.start()
    assert local.panel.ui.backendLabel.text() == f"Local folder: {local.local_root}"
    assert not local.panel.ui.linksButton.isVisible()
    assert local.panel.select_key("notes café.txt")
    assert local.panel.context_menu().findChild(QAction, "menu_copy_link") is None
    copied = asyncio.ensure_future(next_emission(local.vm.link_copied))
    await asyncio.sleep(0)
    local.menu_action("action_copy_location").trigger()
    await copied
    assert QGuiApplication.clipboard().text() == target.as_uri()
    assert QUrl(QGuiApplication.clipboard().text()).toLocalFile() == str(target)


@pytest.mark.asyncio
async def test_the_backend_in_use_is_shown_and_follows_the_settings(  # type: ignore[no-untyped-def]
    make_harness, s3_bucket: S3Bucket
) -> None:
    h = make_harness({"VECTOR_STORAGE_BACKEND": "r2"})
    requested: list[str] = []
    h.panel.settings_requested.connect(requested.append)
    await h.start()
    # R2 chosen but not set up: the label and the empty page say why, with a way to the settings.
    assert h.panel.ui.backendLabel.text().startswith("R2: not configured. R2 storage is chosen")
    await wait_for(lambda: "R2_ENDPOINT_URL" in h.panel.empty_text(), "error shown")
    assert h.panel.empty_text().startswith("Not configured: ")
    assert h.panel.ui.emptySettingsButton.isVisible()
    h.panel.ui.emptySettingsButton.click()
    h.panel.ui.settingsLink.linkActivated.emit("settings")
    assert requested == ["Storage", "Storage"]
    # The settings change: the service and the panel switch to the bucket at once.
    s3_bucket.client().put_object(Bucket=s3_bucket.name, Key="hello.txt", Body=b"hi")
    h.settings.update(s3_bucket.env())
    h.vm.on_settings_changed({"R2_BUCKET_NAME", "R2_ENDPOINT_URL"})
    await wait_for(lambda: h.panel.ui.backendLabel.text().startswith("R2: vd-test-"), "backend switched")
    await h.listed()
    assert h.names() == ["hello.txt"]
    assert h.panel.ui.linksButton.isVisible()


# ------------------------------------------------------------------------------------ uploading onto existing names
def conflict_button(harness: Harness, label: str) -> QPushButton:
    box = harness.panel.conflict_box
    assert box is not None and box.isVisible(), "no question about existing names"
    for button in box.buttons():
        if button.text().replace("&", "") == label:
            assert isinstance(button, QPushButton)
            return button
    raise AssertionError(f"no {label!r} button in {[b.text() for b in box.buttons()]}")


@pytest.mark.asyncio
async def test_uploading_onto_an_existing_name_asks_and_keeps_both(r2: Harness, s3_bucket: S3Bucket) -> None:
    r2.service.upload_bytes(b"the first draft", "report.txt")
    await r2.start()
    new = r2.tmp / "report.txt"
    new.write_bytes(b"the second draft")
    r2.drop(new)
    await wait_for(lambda: r2.panel.conflict_box is not None, "question asked")
    box = r2.panel.conflict_box
    assert box is not None
    assert box.text() == "“report.txt” already exists in “All files”."
    assert [b.text() for b in box.buttons()] == ["&Replace", "&Keep both", "Cancel"]  # nothing else to skip to
    assert r2.vm.transfers.rowCount() == 0  # nothing starts before the answer
    conflict_button(r2, "Keep both").click()
    await wait_for(lambda: r2.transfer_states() == ["Succeeded"], "upload finished")
    client = s3_bucket.client()
    assert server_keys(s3_bucket) == ["report (2).txt", "report.txt"]
    assert client.get_object(Bucket=s3_bucket.name, Key="report.txt")["Body"].read() == b"the first draft"
    assert client.get_object(Bucket=s3_bucket.name, Key="report (2).txt")["Body"].read() == b"the second draft"
    assert r2.names() == ["report (2).txt", "report.txt"]


@pytest.mark.asyncio
async def test_a_folder_onto_existing_names_can_replace_skip_or_cancel(local: Harness) -> None:
    local.service.upload_bytes(b"old a", "photos/a.txt")
    await local.start()
    folder = local.tmp / "photos"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"new a")
    (folder / "b.txt").write_bytes(b"new b")
    stored = local.local_root / "photos"

    # Cancel (or Esc): nothing is uploaded and the user is told so.
    local.drop(folder)
    await wait_for(lambda: local.panel.conflict_box is not None, "question asked")
    box = local.panel.conflict_box
    assert box is not None
    assert box.text() == "“photos/a.txt” already exists in “All files”."
    assert box.detailedText() == ""
    conflict_button(local, "Cancel").click()
    await wait_for(lambda: local.panel.ui.messageLabel.text() == "Nothing was uploaded.", "told")
    assert sorted(p.name for p in stored.iterdir()) == ["a.txt"]
    assert local.vm.transfers.rowCount() == 0

    # Skip: only the new file goes up; the existing one is untouched.
    local.drop(folder)
    await wait_for(lambda: local.panel.conflict_box is not None, "question asked again")
    conflict_button(local, "Skip existing").click()
    await wait_for(lambda: local.transfer_states() == ["Succeeded"], "b uploaded")
    assert (stored / "a.txt").read_bytes() == b"old a" and (stored / "b.txt").read_bytes() == b"new b"

    # Replace: both exist now, so there is nothing left to skip; the old content goes.
    (folder / "a.txt").write_bytes(b"newer a")
    local.drop(folder)
    await wait_for(lambda: local.panel.conflict_box is not None, "question asked a third time")
    box = local.panel.conflict_box
    assert box is not None
    assert box.text() == "2 of the 2 items you are uploading already exist in “All files”."
    assert box.detailedText() == "photos/a.txt\nphotos/b.txt"
    assert "Skip existing" not in [b.text().replace("&", "") for b in box.buttons()]
    conflict_button(local, "Replace").click()
    await wait_for(lambda: local.transfer_states().count("Succeeded") == 3, "replaced")
    assert (stored / "a.txt").read_bytes() == b"newer a"
    assert sorted(p.name for p in stored.iterdir()) == ["a.txt", "b.txt"]
    assert local.errors == []


# ---------------------------------------------------------------------------------------- delete, rename, folders
@pytest.mark.asyncio
async def test_delete_asks_first_and_removes_the_object(r2: Harness, s3_bucket: S3Bucket) -> None:
    r2.service.upload_bytes(b"keep me?", "draft.txt")
    r2.service.upload_bytes(b"other", "other.txt")
    await r2.start()
    assert r2.panel.select_key("draft.txt")
    r2.menu_action("action_delete").trigger()
    box = r2.panel.confirm_box
    assert box is not None and box.isVisible()
    assert box.text() == "Delete “draft.txt”? This cannot be undone."
    box.button(QMessageBox.StandardButton.Cancel).click()
    await asyncio.sleep(0.1)
    assert server_keys(s3_bucket) == ["draft.txt", "other.txt"]
    r2.panel.delete_selected()
    box = r2.panel.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    await wait_for(lambda: r2.names() == ["other.txt"], "row removed")
    assert server_keys(s3_bucket) == ["other.txt"]
    assert r2.panel.ui.messageLabel.text() == "Deleted draft.txt."


@pytest.mark.asyncio
async def test_rename_and_new_folder(local: Harness) -> None:
    local.local_root.mkdir(parents=True, exist_ok=True)
    (local.local_root / "old name.txt").write_text("text", encoding="utf-8")
    await local.start()
    assert local.panel.select_key("old name.txt")
    local.menu_action("action_rename").trigger()
    dialog = local.panel.input_dialog
    assert dialog is not None and dialog.textValue() == "old name.txt"
    dialog.setTextValue("new name.txt")
    dialog.accept()
    await wait_for(lambda: local.names() == ["new name.txt"], "renamed row")
    assert not (local.local_root / "old name.txt").exists()
    assert (local.local_root / "new name.txt").read_text(encoding="utf-8") == "text"

    local.panel.ui.newFolderButton.click()
    dialog = local.panel.input_dialog
    assert dialog is not None
    dialog.setTextValue("Reports")
    dialog.accept()
    await wait_for(lambda: local.names() == ["Reports", "new name.txt"], "folder row, first")
    assert (local.local_root / "Reports").is_dir()
    # A name a file system cannot hold is refused with the reason, and nothing changes.
    local.panel.ui.newFolderButton.click()
    dialog = local.panel.input_dialog
    assert dialog is not None
    dialog.setTextValue("a/../b")
    dialog.accept()
    await wait_for(lambda: bool(local.errors), "error shown")
    assert "'..'" in local.panel.ui.messageLabel.text()
    assert sorted(p.name for p in local.local_root.iterdir() if not p.name.startswith(".")) == [
        "Reports",
        "new name.txt",
    ]


@pytest.mark.asyncio
async def test_breadcrumbs_up_and_filter(local: Harness) -> None:
    root = local.local_root
    (root / "projects" / "2026").mkdir(parents=True)
    (root / "projects" / "2026" / "plan.md").write_text("# plan", encoding="utf-8")
    (root / "projects" / "budget.xlsx").write_bytes(b"PK")
    (root / "projects" / "notes.txt").write_text("n", encoding="utf-8")
    (root / "readme.txt").write_text("r", encoding="utf-8")
    await local.start()
    crumbs = local.panel.breadcrumb_buttons
    assert [b.text() for b in crumbs()] == ["All files"]
    assert not local.panel.ui.upButton.isEnabled()
    # Double-click a folder to open it.
    table = local.panel.ui.tableView
    row = local.names().index("projects")
    rect = table.visualRect(local.vm.proxy.index(row, 0))
    local.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    local.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    await wait_for(lambda: local.vm.prefix == "projects/", "opened")
    await local.listed()
    assert local.names() == ["2026", "budget.xlsx", "notes.txt"]
    local.vm.open_prefix("projects/2026/")
    await local.listed()
    assert [b.text() for b in crumbs()] == ["All files", "projects", "2026"]
    assert local.names() == ["plan.md"]
    crumbs()[1].click()
    await local.listed()
    assert local.vm.prefix == "projects/" and [b.text() for b in crumbs()] == ["All files", "projects"]
    # Filter by name, case-insensitive; nothing matching says so.
    local.qtbot.keyClicks(local.panel.ui.filterEdit, "NOTES")
    assert local.names() == ["notes.txt"]
    local.panel.ui.refreshButton.click()  # reading the folder again keeps the filter
    await local.listed()
    assert local.names() == ["notes.txt"] and local.panel.ui.filterEdit.text() == "NOTES"
    local.panel.ui.filterEdit.clear()
    local.qtbot.keyClicks(local.panel.ui.filterEdit, "zzz")
    assert local.names() == []
    assert local.panel.empty_text() == "No names in this folder match “zzz”."
    local.panel.ui.upButton.click()
    await local.listed()
    assert local.vm.prefix == "" and local.panel.ui.filterEdit.text() == ""
    assert local.names() == ["projects", "readme.txt"]


# ------------------------------------------------------------------------------------- preview, thumbnails, chat
@pytest.mark.asyncio
async def test_preview_thumbnails_and_attach_to_chat(local: Harness) -> None:
    root = local.local_root
    root.mkdir(parents=True, exist_ok=True)
    image = QImage(300, 150, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    assert image.save(str(root / "sunset.png"))
    (root / "todo.txt").write_text("buy milk\n", encoding="utf-8")
    await local.start()
    local.panel.ui.iconsButton.click()
    assert local.panel.ui.stack.currentWidget() is local.panel.ui.iconsPage
    await wait_for(lambda: local.panel.icon_for("sunset.png") is not None, "thumbnail shown")

    await local.vm.preview("todo.txt")
    assert local.panel.ui.previewPane.isVisible()
    assert local.panel.ui.previewText.toPlainText() == "buy milk\n"
    assert not local.panel.ui.attachButton.isVisible()

    assert local.panel.select_key("sunset.png")
    local.menu_action("action_preview").trigger()
    await wait_for(lambda: local.panel.ui.previewStack.currentWidget() is local.panel.ui.imagePage, "image")
    pixmap = local.panel.ui.previewImage.pixmap()
    assert not pixmap.isNull() and pixmap.width() / pixmap.height() == 2
    attached: list[str] = []
    local.panel.attach_to_chat_requested.connect(attached.append)
    local.panel.ui.attachButton.click()
    local.menu_action("action_attach").trigger()
    assert attached == ["sunset.png", "sunset.png"]
    local.panel.ui.closePreviewButton.click()
    assert not local.panel.ui.previewPane.isVisible()


@pytest.mark.asyncio
async def test_download_a_folder_as_jobs(local: Harness) -> None:
    root = local.local_root
    (root / "album" / "inner").mkdir(parents=True)
    (root / "album" / "one.txt").write_text("1", encoding="utf-8")
    (root / "album" / "inner" / "two.txt").write_text("2", encoding="utf-8")
    await local.start()
    dest = local.tmp / "downloads"
    dest.mkdir()
    await local.vm.download(["album/"], str(dest))
    await wait_for(lambda: local.transfer_states() == ["Succeeded", "Succeeded"], "downloads done")
    assert (dest / "album" / "one.txt").read_text(encoding="utf-8") == "1"
    assert (dest / "album" / "inner" / "two.txt").read_text(encoding="utf-8") == "2"
    assert [local.vm.transfers.index(r, TransferColumn.DIRECTION).data() for r in range(2)] == ["Download"] * 2


@pytest.mark.asyncio
async def test_downloading_onto_existing_files_asks_and_keeps_both(local: Harness) -> None:
    root = local.local_root
    (root / "album").mkdir(parents=True)
    (root / "album" / "one.txt").write_text("new one", encoding="utf-8")
    (root / "album" / "two.txt").write_text("new two", encoding="utf-8")
    (root / "notes.md").write_text("new notes", encoding="utf-8")
    await local.start()
    dest = local.tmp / "Downloads"
    (dest / "album").mkdir(parents=True)
    (dest / "album" / "one.txt").write_text("my edited copy", encoding="utf-8")
    (dest / "notes.md").write_text("my notes", encoding="utf-8")

    # Cancel: nothing is written, and the user is told.
    asking = local.vm.download(["album/", "notes.md"], str(dest))  # finishes once the question is answered
    await wait_for(lambda: local.panel.conflict_box is not None, "question asked")
    box = local.panel.conflict_box
    assert box is not None and box.isVisible()
    assert box.text() == "2 of the 3 items you are downloading already exist in “Downloads”."
    assert box.informativeText().startswith("Replace them with the downloaded files")
    assert box.detailedText() == "album/one.txt\nnotes.md"
    conflict_button(local, "Cancel").click()
    assert await asking == []
    assert local.panel.ui.messageLabel.text() == "Nothing was downloaded."
    assert sorted(p.name for p in (dest / "album").iterdir()) == ["one.txt"]

    # Keep both: the user's files stay as they were; the downloads get the next free numbers.
    (dest / "notes (2).md").write_text("an older download", encoding="utf-8")
    asking = local.vm.download(["album/", "notes.md"], str(dest))
    await wait_for(lambda: local.panel.conflict_box is not None, "question asked again")
    conflict_button(local, "Keep both").click()
    assert len(await asking) == 3
    await wait_for(lambda: local.transfer_states() == ["Succeeded"] * 3, "downloads done")
    assert (dest / "album" / "one.txt").read_text(encoding="utf-8") == "my edited copy"
    assert (dest / "album" / "one (2).txt").read_text(encoding="utf-8") == "new one"
    assert (dest / "album" / "two.txt").read_text(encoding="utf-8") == "new two"
    assert (dest / "notes.md").read_text(encoding="utf-8") == "my notes"
    assert (dest / "notes (2).md").read_text(encoding="utf-8") == "an older download"
    assert (dest / "notes (3).md").read_text(encoding="utf-8") == "new notes"
    assert local.errors == []


@pytest.mark.asyncio
async def test_a_folder_download_never_writes_outside_the_chosen_folder(r2: Harness, s3_bucket: S3Bucket) -> None:
    client = s3_bucket.client()
    client.put_object(Bucket=s3_bucket.name, Key="share/ok.txt", Body=b"fine")
    client.put_object(Bucket=s3_bucket.name, Key="share/../../escaped.txt", Body=b"not here")  # S3 allows it
    await r2.start()
    dest = r2.tmp / "out" / "Downloads"
    dest.mkdir(parents=True)
    await r2.vm.download(["share/"], str(dest))
    await wait_for(lambda: r2.transfer_states() == ["Succeeded"], "the safe file downloaded")
    assert (dest / "share" / "ok.txt").read_bytes() == b"fine"
    assert sorted(path.name for path in (r2.tmp / "out").rglob("*")) == ["Downloads", "ok.txt", "share"]
    assert not (r2.tmp / "escaped.txt").exists()
    assert r2.errors == [
        "Some items were not downloaded: share/../../escaped.txt: The name contains '..', which is not allowed as a "
        "folder or file name."
    ]


# --------------------------------------------------------------------------------- Settings → Test connection
@pytest.fixture
def settings_dialog(qapp, qtbot, store, profile_dir: Path, memory_keyring) -> Iterator[Callable[[], Any]]:  # type: ignore[no-untyped-def]
    """Builds the Settings dialog (inside the test: it needs the running loop) with the Storage test action."""
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    repo = SettingsRepository(store)
    secrets = SecretStore("vector-desktop-storage-test")
    config = load_config([], environ={}, saved=repo.load_all(), secrets=secrets)

    def run_blocking(fn: Callable[[], Any]) -> Any:
        return asyncio.get_running_loop().run_in_executor(None, fn)

    vm = SettingsViewModel(config, repo, secrets, run_blocking)
    vm.add_group_action("Storage", "test_connection", "Test connection", StorageSettingsTester(config, profile_dir))

    def build() -> tuple[SettingsDialog, SettingsRepository, SettingsViewModel]:
        dialog = SettingsDialog(vm)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.open_group("Storage")
        return dialog, repo, vm

    yield build
    vm.close()
    qapp.setQuitOnLastWindowClosed(quit_on_close)


@pytest.mark.asyncio
async def test_test_connection_reports_what_failed(settings_dialog, s3_bucket: S3Bucket, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog, repo, vm = settings_dialog()

    def type_into(key: str, text: str) -> None:
        line = dialog.findChild(QLineEdit, f"field_{key}")
        assert line is not None and line.isEnabled()
        line.clear()
        qtbot.keyClicks(line, text)

    async def test() -> str:
        finished = asyncio.ensure_future(next_emission(vm.action_finished))
        await asyncio.sleep(0)
        button = dialog.action_button("Storage", "test_connection")
        assert isinstance(button, QPushButton) and button.text() == "Test connection"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not button.isEnabled()
        await finished
        assert button.isEnabled()
        return dialog.action_result("Storage", "test_connection").text()

    if not vm.is_loaded:
        await next_emission(vm.loaded)
    env = s3_bucket.env()
    for key in ("R2_ACCESS_KEY_ID", "R2_SECRET_ACCESS_KEY", "R2_ENDPOINT_URL"):
        type_into(key, env[key])
    type_into("R2_BUCKET_NAME", "no-such-bucket")
    text = await test()
    assert text.startswith("Bucket missing: The bucket 'no-such-bucket' does not exist")
    type_into("R2_BUCKET_NAME", s3_bucket.name)
    type_into("R2_ENDPOINT_URL", f"http://127.0.0.1:{closed_port()}")
    text = await test()
    assert text.startswith("Endpoint unreachable: Cannot reach the storage endpoint 127.0.0.1:")
    type_into("R2_ENDPOINT_URL", env["R2_ENDPOINT_URL"])
    text = await test()
    assert text == f"Connected to the bucket '{s3_bucket.name}' at 127.0.0.1:{s3_bucket.endpoint.port}."
    # Testing saves nothing: the values are only what is typed.
    assert repo.load_all() == {}


@pytest.mark.asyncio
async def test_the_tester_refuses_a_bad_value_and_explains_the_local_fallback(tmp_path: Path) -> None:
    tester = StorageSettingsTester(DictSettings(), tmp_path / "local")
    with pytest.raises(StorageError, match="'floppy' is not one of auto, r2, local"):
        await tester({"VECTOR_STORAGE_BACKEND": "floppy"})
    text = await tester({})
    assert text.startswith("R2 is not set up (R2_ENDPOINT_URL, R2_BUCKET_NAME, R2_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY")
    assert text.endswith(f"Using the local folder {tmp_path / 'local'}.")
