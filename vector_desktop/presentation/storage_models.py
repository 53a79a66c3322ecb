"""The Storage panel's models: the folder listing (paged, with lazy thumbnails), its name filter, the issued links
and the transfers (upload/download jobs) with their progress.

The listing model never reads everything at once: it asks its PageLoader for one page (continuation token) at a
time, the first small so that it is on screen at once, then more when a view calls fetchMore().
"""

from __future__ import annotations

import asyncio
import bisect
import enum
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMimeDatabase,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobSnapshot, JobState
from vector_desktop.domain.storage import IssuedLink, ListPage, StorageObject
from vector_desktop.presentation.jobs_model import ProgressRole, can_cancel, state_text, time_text
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel

log = logging.getLogger(__name__)

PageLoader = Callable[[str, str | None, int], Awaitable[ListPage]]  # (prefix, token, page size) -> page
ThumbnailLoader = Callable[[StorageObject], Awaitable[QImage | None]]
Spawn = Callable[[Coroutine[Any, Any, Any]], object]  # starts and owns a coroutine (e.g. TaskOwner.start)

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the row's StorageObject
KeyRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3  # a plain value per column (for other views/proxies)
IsFolderRole = Qt.ItemDataRole.UserRole + 4
IsImageRole = Qt.ItemDataRole.UserRole + 5
TransferRole = Qt.ItemDataRole.UserRole + 6
LinkRole = Qt.ItemDataRole.UserRole + 7

THUMBNAIL_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"})
MAX_THUMBNAIL_SOURCE = 20 * 1000 * 1000  # bytes; larger images keep the plain file icon
THUMBNAIL_CACHE = 2000  # icons kept in memory (a disk cache lies behind the loader)


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def is_image(obj: StorageObject) -> bool:
    return not obj.is_folder and obj.content_type in THUMBNAIL_TYPES and 0 < obj.size <= MAX_THUMBNAIL_SOURCE


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class StorageColumn(enum.IntEnum):
    NAME = 0
    SIZE = 1
    TYPE = 2
    MODIFIED = 3


_HEADERS = {
    StorageColumn.NAME: "Name",
    StorageColumn.SIZE: "Size",
    StorageColumn.TYPE: "Type",
    StorageColumn.MODIFIED: "Modified",
}


_DIGITS = re.compile(r"(\d+)")


def _order(key: str) -> bytes:
    return key.encode()  # S3 lists keys by their UTF-8 bytes; the local backend does the same


class StorageListModel(ColumnTableModel):
    """One folder (prefix): folders first, then files, each in key order as the backend lists them."""

    COLUMNS = StorageColumn
    HEADERS = _HEADERS

    loading_changed = Signal(bool)
    page_loaded = Signal()
    load_failed = Signal(str)

    def __init__(
        self,
        loader: PageLoader,
        spawn: Spawn,
        *,
        thumbnails: ThumbnailLoader | None = None,
        first_page_size: int = 200,
        page_size: int = 1000,
        thumbnail_jobs: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._spawn = spawn
        self._thumbnails = thumbnails
        self._first_page_size = first_page_size
        self._page_size = page_size
        self._thumbnail_slots = asyncio.Semaphore(max(1, thumbnail_jobs))
        self._folders: list[StorageObject] = []
        self._files: list[StorageObject] = []
        self._row_of: dict[str, int] | None = {}
        self._prefix = ""
        self._generation = 0
        self._next_token: str | None = None
        self._loaded_once = False
        self._loaded_upto: bytes = b""
        self._fetching = False
        self._error = ""
        self._icons: OrderedDict[tuple[str, str], QIcon | None] = OrderedDict()
        self._wanted: set[tuple[str, str]] = set()
        self._folder_icon = QIcon()
        self._file_icon = QIcon()
        self._types: dict[str, str] = {}
        self._mime = QMimeDatabase()
        self._sort_column = -1  # -1: the backend's order (by key)
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._natural: dict[str, tuple[Any, ...]] = {}

    # -- Qt model API
    def row_count(self) -> int:
        return len(self._folders) + len(self._files)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        size_column = orientation is Qt.Orientation.Horizontal and section == StorageColumn.SIZE
        if role == Qt.ItemDataRole.TextAlignmentRole and size_column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        obj = self.object_at(index.row()) if index.isValid() else None
        if obj is None:
            return None
        column = StorageColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(obj, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(obj) if column is StorageColumn.NAME else None
        if role == ObjectRole:
            return obj
        if role == KeyRole:
            return obj.key
        if role == IsFolderRole:
            return obj.is_folder
        if role == IsImageRole:
            return is_image(obj)
        if role == SortRole:
            return self._sort_value(obj, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return obj.key if column is StorageColumn.NAME else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is StorageColumn.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return (
            not parent.isValid()
            and self._loaded_once
            and self._next_token is not None
            and not self._fetching
            and not self._error
        )

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._fetch(self._next_token)

    # -- what the view and view-model read
    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def is_loading(self) -> bool:
        return self._fetching

    @property
    def is_complete(self) -> bool:
        """Every page of the folder has been read."""
        return self._loaded_once and self._next_token is None

    @property
    def error(self) -> str:
        return self._error

    def object_at(self, row: int) -> StorageObject | None:
        folders = len(self._folders)
        if 0 <= row < folders:
            return self._folders[row]
        if folders <= row < folders + len(self._files):
            return self._files[row - folders]
        return None

    def objects(self) -> list[StorageObject]:
        return [*self._folders, *self._files]

    def row_of(self, key: str) -> int:
        if self._row_of is None:
            self._row_of = {obj.key: row for row, obj in enumerate(self.objects())}
        return self._row_of.get(key, -1)

    def set_icons(self, folder: QIcon, file: QIcon) -> None:
        """Icons for folders and for files without a thumbnail (the view picks them from its style)."""
        self._folder_icon = folder
        self._file_icon = file
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, StorageColumn.NAME),
                self.index(self.rowCount() - 1, StorageColumn.NAME),
                [Qt.ItemDataRole.DecorationRole],
            )

    # -- loading
    def reset_to(self, prefix: str) -> None:
        """Show the folder `prefix` ("" is the root): forget the rows and read its first page."""
        self._generation += 1
        self.beginResetModel()
        self._folders, self._files = [], []
        self._row_of = {}
        self._prefix = prefix
        self._next_token = None
        self._loaded_once = False
        self._loaded_upto = b""
        self._error = ""
        self._wanted.clear()
        self._natural.clear()
        self.endResetModel()
        self._fetch(None)

    def retry(self) -> None:
        """Read again after a failed page (the next page, or the first when none was read)."""
        if self._fetching:
            return
        self._error = ""
        self._fetch(self._next_token if self._loaded_once else None)

    def _fetch(self, token: str | None) -> None:
        self._set_fetching(True)
        size = self._page_size if token else self._first_page_size
        self._spawn(self._load(self._generation, self._prefix, token, size))

    async def _load(self, generation: int, prefix: str, token: str | None, size: int) -> None:
        try:
            page = await self._loader(prefix, token, size)
        except VectorError as error:
            self._failed(generation, str(error))
            return
        except Exception:
            log.exception("listing %r failed", prefix)
            self._failed(generation, _tr("StorageListModel", "The folder could not be listed; the log has details."))
            return
        except asyncio.CancelledError:
            if generation == self._generation:
                self._set_fetching(False)
            raise
        if generation != self._generation:
            return  # the user went to another folder meanwhile
        self._loaded_once = True
        self._next_token = page.next_token
        self._add_page(page)
        self._set_fetching(False)
        self.page_loaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._error = message
        self._set_fetching(False)
        self.load_failed.emit(message)

    def _set_fetching(self, fetching: bool) -> None:
        if fetching != self._fetching:
            self._fetching = fetching
            self.loading_changed.emit(fetching)

    def _add_page(self, page: ListPage) -> None:
        known = {obj.key for obj in self.objects()}
        folders = [StorageObject(key=p, is_folder=True) for p in page.folders if p not in known]
        folders += [obj for obj in page.objects if obj.is_folder and obj.key not in known]
        files = [obj for obj in page.objects if not obj.is_folder and obj.key not in known]
        folders.sort(key=lambda obj: _order(obj.key))
        files.sort(key=lambda obj: _order(obj.key))
        self._insert_sorted(self._folders, folders, 0)
        self._insert_sorted(self._files, files, len(self._folders))
        last = max((_order(obj.key) for obj in (*folders, *files)), default=b"")
        self._loaded_upto = max(self._loaded_upto, last)
        if self._sort_column >= 0 and (folders or files):
            self._resort()

    def _insert_sorted(self, target: list[StorageObject], new: list[StorageObject], offset: int) -> None:
        """Insert `new` (in key order) into `target`: one block at the end when it all goes there (the usual page;
        always when a column sort is on, which then sorts again), else each at its place in key order."""
        if not new:
            return
        if self._sort_column >= 0 or not target or _order(target[-1].key) < _order(new[0].key):
            first = offset + len(target)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            target.extend(new)
            self._row_of = None
            self.endInsertRows()
            return
        for obj in new:
            position = bisect.bisect_left(target, _order(obj.key), key=lambda item: _order(item.key))
            self.beginInsertRows(QModelIndex(), offset + position, offset + position)
            target.insert(position, obj)
            self._row_of = None
            self.endInsertRows()

    # -- sorting (here rather than in the proxy: Python's sort with keys is far quicker than lessThan calls)
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (-1: the backend's key order); folders always stay above files."""
        self._sort_column = column if 0 <= column < len(StorageColumn) else -1
        self._sort_order = order
        self._resort()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    def _sort_key(self, obj: StorageObject) -> tuple[Any, ...]:
        column = self._sort_column
        if column < 0:
            return (_order(obj.key),)
        name = self._natural.get(obj.key)
        if name is None:
            name = self._natural[obj.key] = natural_key(obj.name)
        if column == StorageColumn.SIZE:
            return (obj.size, name, _order(obj.key))
        if column == StorageColumn.TYPE:
            return (self.type_text(obj).casefold(), name, _order(obj.key))
        if column == StorageColumn.MODIFIED:
            return (obj.modified.timestamp() if obj.modified else 0.0, name, _order(obj.key))
        return (name, _order(obj.key))

    def _resort(self) -> None:
        if not self._folders and not self._files:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        remembered = [(self.object_at(index.row()), index.column()) for index in persistent]
        reverse = self._sort_column >= 0 and self._sort_order is Qt.SortOrder.DescendingOrder
        self._folders.sort(key=self._sort_key, reverse=reverse)
        self._files.sort(key=self._sort_key, reverse=reverse)
        self._row_of = None
        moved = [
            self.index(self.row_of(obj.key), column) if obj is not None else QModelIndex() for obj, column in remembered
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- changes made by the app (upload finished, rename, new folder, delete)
    def upsert(self, obj: StorageObject) -> None:
        """Show `obj` (a direct child of the folder shown) or update its row. A key past the pages read so far is
        left for the page that will bring it."""
        row = self.row_of(obj.key)
        if row >= 0:
            current = self.object_at(row)
            if obj.is_folder or current == obj:
                return
            self._files[row - len(self._folders)] = obj
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(StorageColumn) - 1))
            return
        if self._next_token is not None and _order(obj.key) > self._loaded_upto:
            return
        if not self._loaded_once:
            return  # the first page is on its way and will contain it
        if obj.is_folder:
            self._insert_sorted(self._folders, [obj], 0)
        else:
            self._insert_sorted(self._files, [obj], len(self._folders))
        if self._sort_column >= 0:
            self._resort()

    def remove_key(self, key: str) -> None:
        row = self.row_of(key)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        if row < len(self._folders):
            del self._folders[row]
        else:
            del self._files[row - len(self._folders)]
        self._row_of = None
        self.endRemoveRows()

    # -- display
    def _display(self, obj: StorageObject, column: StorageColumn) -> str:
        if column is StorageColumn.NAME:
            return obj.name
        if column is StorageColumn.SIZE:
            return "" if obj.is_folder else size_text(obj.size)
        if column is StorageColumn.TYPE:
            return self.type_text(obj)
        return time_text(obj.modified)

    def type_text(self, obj: StorageObject) -> str:
        if obj.is_folder:
            return _tr("StorageListModel", "Folder")
        content_type = obj.content_type or "application/octet-stream"
        text = self._types.get(content_type)
        if text is None:
            mime = self._mime.mimeTypeForName(content_type)
            text = mime.comment() if mime.isValid() and mime.comment() else content_type
            self._types[content_type] = text
        return text

    def _sort_value(self, obj: StorageObject, column: StorageColumn) -> Any:
        if column is StorageColumn.NAME:
            return obj.name
        if column is StorageColumn.SIZE:
            return -1 if obj.is_folder else obj.size
        if column is StorageColumn.TYPE:
            return self.type_text(obj)
        return obj.modified.timestamp() if obj.modified is not None else 0.0

    # -- thumbnails
    def _decoration(self, obj: StorageObject) -> QIcon:
        if obj.is_folder:
            return self._folder_icon
        if self._thumbnails is None or not is_image(obj):
            return self._file_icon
        cache_key = (obj.key, obj.etag)
        if cache_key in self._icons:
            self._icons.move_to_end(cache_key)
            return self._icons[cache_key] or self._file_icon
        if cache_key not in self._wanted:
            self._wanted.add(cache_key)
            self._spawn(self._load_thumbnail(self._generation, obj))
        return self._file_icon

    def thumbnail(self, key: str) -> QIcon | None:
        """The thumbnail shown for `key`, or None while it is not loaded (or the file has none)."""
        obj = self.object_at(self.row_of(key))
        return self._icons.get((obj.key, obj.etag)) if obj is not None else None

    async def _load_thumbnail(self, generation: int, obj: StorageObject) -> None:
        assert self._thumbnails is not None
        cache_key = (obj.key, obj.etag)
        image: QImage | None = None
        try:
            async with self._thumbnail_slots:
                if generation != self._generation:
                    return  # another folder is shown now; load it when it is asked for again
                image = await self._thumbnails(obj)
        except VectorError as error:
            log.debug("no thumbnail for %r: %s", obj.key, error)
        except Exception:
            log.warning("thumbnail of %r failed", obj.key, exc_info=True)
        finally:
            self._wanted.discard(cache_key)
        if generation != self._generation and image is None:
            return
        self._icons[cache_key] = _square_icon(image) if image is not None and not image.isNull() else None
        while len(self._icons) > THUMBNAIL_CACHE:
            self._icons.popitem(last=False)
        row = self.row_of(obj.key)
        if row >= 0:
            index = self.index(row, StorageColumn.NAME)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def natural_key(text: str) -> tuple[Any, ...]:
    """'file9' before 'file10', case-insensitive (Qt's numeric collation needs ICU, which not every build has)."""
    parts = _DIGITS.split(text.casefold())
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


def _square_icon(image: QImage) -> QIcon:
    """The thumbnail centred on a transparent square, so icons of any shape line up in the icon view."""
    side = max(image.width(), image.height())
    canvas = QPixmap(side, side)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawImage((side - image.width()) // 2, (side - image.height()) // 2, image)
    painter.end()
    return QIcon(canvas)


class StorageFilterProxy(QSortFilterProxyModel):
    """Filters by name (contains; * and ? as wildcards). Sorting is handed to the StorageListModel behind it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(StorageColumn.NAME)
        self.setDynamicSortFilter(True)
        self._text = ""

    @property
    def name_filter(self) -> str:
        return self._text

    def set_name_filter(self, text: str) -> None:
        self._text = text.strip()
        if any(ch in self._text for ch in "*?"):
            self.setFilterWildcard(self._text)
        else:
            self.setFilterFixedString(self._text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, StorageListModel):
            source.sort(column, order)  # the proxy keeps the source's order
        else:
            super().sort(column, order)


# Issued links ------------------------------------------------------------------------------------------------------


class LinkColumn(enum.IntEnum):
    KEY = 0
    CREATED = 1
    EXPIRES = 2
    STATUS = 3


_LINK_HEADERS = {
    LinkColumn.KEY: "File",
    LinkColumn.CREATED: "Created",
    LinkColumn.EXPIRES: "Expires",
    LinkColumn.STATUS: "Status",
}


class IssuedLinksModel(ColumnTableModel):
    """Every presigned link the app handed out for the bucket (newest first); expired ones say so."""

    COLUMNS = LinkColumn
    HEADERS = _LINK_HEADERS

    def __init__(self, clock: Callable[[], datetime] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._links: list[IssuedLink] = []
        self._clock = clock or (lambda: datetime.now(UTC))

    def row_count(self) -> int:
        return len(self._links)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._links):
            return None
        link = self._links[index.row()]
        column = LinkColumn(index.column())
        if role == LinkRole:
            return link
        if role == Qt.ItemDataRole.DisplayRole:
            if column is LinkColumn.KEY:
                return link.key
            if column is LinkColumn.CREATED:
                return time_text(link.created)
            if column is LinkColumn.EXPIRES:
                return time_text(link.expires)
            if link.expired(self._clock()):
                return _tr("IssuedLinksModel", "Expired")
            return _tr("IssuedLinksModel", "Works until it expires")
        if role == Qt.ItemDataRole.ToolTipRole and column in (LinkColumn.CREATED, LinkColumn.EXPIRES):
            moment = link.created if column is LinkColumn.CREATED else link.expires
            return moment.astimezone().isoformat(timespec="seconds")
        return None

    def set_links(self, links: Sequence[IssuedLink]) -> None:
        self.beginResetModel()
        self._links = list(links)
        self.endResetModel()

    def links(self) -> list[IssuedLink]:
        return list(self._links)


# Transfers ---------------------------------------------------------------------------------------------------------

UPLOAD_TASKS = frozenset({"storage.upload", "storage.upload_image"})
DOWNLOAD_TASKS = frozenset({"storage.download"})
TRANSFER_TASKS = UPLOAD_TASKS | DOWNLOAD_TASKS


class TransferColumn(enum.IntEnum):
    NAME = 0
    DIRECTION = 1
    PROGRESS = 2
    STATE = 3


_TRANSFER_HEADERS = {
    TransferColumn.NAME: "File",
    TransferColumn.DIRECTION: "Direction",
    TransferColumn.PROGRESS: "Progress",
    TransferColumn.STATE: "State",
}


@dataclass(frozen=True)
class Transfer:
    job_id: str
    upload: bool
    key: str  # storage key ("" for a job of an earlier session whose arguments are unknown here)
    local_path: str = ""
    title: str = ""
    snapshot: JobSnapshot | None = None

    @property
    def name(self) -> str:
        if self.key:
            return self.key.rstrip("/").rsplit("/", 1)[-1]
        return self.title

    @property
    def state(self) -> JobState:
        return self.snapshot.state if self.snapshot is not None else JobState.QUEUED

    @property
    def finished(self) -> bool:
        return self.state.finished


class TransfersModel(ColumnTableModel):
    """Uploads and downloads (storage jobs) with live progress, in the order they were started."""

    COLUMNS = TransferColumn
    HEADERS = _TRANSFER_HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Transfer] = []
        self._row_of: dict[str, int] = {}

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        transfer = self._rows[index.row()]
        column = TransferColumn(index.column())
        snapshot = transfer.snapshot
        progress = snapshot.progress if snapshot is not None else 0.0
        if role == TransferRole:
            return transfer
        if role == ProgressRole:
            return progress if column is TransferColumn.PROGRESS else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column is TransferColumn.NAME:
                return transfer.name
            if column is TransferColumn.DIRECTION:
                return _tr("TransfersModel", "Upload" if transfer.upload else "Download")
            if column is TransferColumn.PROGRESS:
                return f"{round(progress * 100)} %"
            return state_text(snapshot) if snapshot is not None else _tr("TransfersModel", "Queued")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is TransferColumn.NAME:
                return transfer.key or transfer.title
            if column is TransferColumn.STATE and snapshot is not None and snapshot.error:
                return snapshot.error
            if column is TransferColumn.PROGRESS and snapshot is not None:
                return snapshot.progress_text or None
        return None

    def add(self, job_id: str, *, upload: bool, key: str, local_path: str = "", title: str = "") -> None:
        if job_id in self._row_of:
            return
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(Transfer(job_id, upload, key, local_path, title))
        self._row_of[job_id] = row
        self.endInsertRows()

    def update(self, snapshot: JobSnapshot) -> Transfer | None:
        """Apply a job snapshot; a storage job not started here (e.g. resumed after a restart) gets a row too."""
        if snapshot.task_name not in TRANSFER_TASKS:
            return None
        row = self._row_of.get(snapshot.id)
        if row is None:
            self.add(snapshot.id, upload=snapshot.task_name in UPLOAD_TASKS, key="", title=snapshot.title)
            row = self._row_of[snapshot.id]
        self._rows[row] = replace(self._rows[row], snapshot=snapshot)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(TransferColumn) - 1))
        return self._rows[row]

    def transfer(self, job_id: str) -> Transfer | None:
        row = self._row_of.get(job_id)
        return None if row is None else self._rows[row]

    def transfer_at(self, row: int) -> Transfer | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def transfers(self) -> list[Transfer]:
        return list(self._rows)

    def can_cancel(self, job_id: str) -> bool:
        transfer = self.transfer(job_id)
        if transfer is None:
            return False
        return transfer.snapshot is None or can_cancel(transfer.snapshot)

    def active(self) -> Iterable[Transfer]:
        return (transfer for transfer in self._rows if not transfer.finished)

    def remove_finished(self) -> None:
        row = len(self._rows) - 1
        while row >= 0:
            if not self._rows[row].finished:
                row -= 1
                continue
            last = row
            while row >= 0 and self._rows[row].finished:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, last)
            del self._rows[row + 1 : last + 1]
            self._row_of = {transfer.job_id: index for index, transfer in enumerate(self._rows)}
            self.endRemoveRows()
