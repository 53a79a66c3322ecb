"""The Storage panel's folder listing: one folder (prefix) paged, sorted, with lazy thumbnails. It never reads
everything at once: it asks its PageLoader for one page (continuation token) at a time, the first small so that it
is on screen at once, then more when a view calls fetchMore()."""

from __future__ import annotations

import asyncio
import bisect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QIcon

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.storage import ListPage, StorageObject
from vector_desktop.presentation.jobs_model import time_text
from vector_desktop.presentation.storage.listing_columns import (
    HEADERS,
    IsFolderRole,
    IsImageRole,
    KeyRole,
    ObjectRole,
    SortRole,
    StorageColumn,
)
from vector_desktop.presentation.storage.listing_thumbnails import ListingThumbnails, Spawn, ThumbnailLoader
from vector_desktop.presentation.storage.object_display import TypeNames, is_image, key_order, natural_key, size_text
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel

log = logging.getLogger(__name__)

PageLoader = Callable[[str, str | None, int], Awaitable[ListPage]]  # (prefix, token, page size) -> page


class StorageListModel(ColumnTableModel):
    """One folder (prefix): folders first, then files, each in key order as the backend lists them."""

    COLUMNS = StorageColumn
    HEADERS = HEADERS

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
        self._thumbnails = (
            ListingThumbnails(thumbnails, spawn, thumbnail_jobs, lambda: self._generation, self._thumbnail_loaded)
            if thumbnails is not None
            else None
        )
        self._first_page_size = first_page_size
        self._page_size = page_size
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
        self._folder_icon = QIcon()
        self._file_icon = QIcon()
        self._type_names = TypeNames()
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
        if self._thumbnails is not None:
            self._thumbnails.forget_wanted()
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
            message = QCoreApplication.translate(
                "StorageListModel", "The folder could not be listed; the log has details."
            )
            self._failed(generation, message)
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
        folders.sort(key=lambda obj: key_order(obj.key))
        files.sort(key=lambda obj: key_order(obj.key))
        self._insert_sorted(self._folders, folders, 0)
        self._insert_sorted(self._files, files, len(self._folders))
        last = max((key_order(obj.key) for obj in (*folders, *files)), default=b"")
        self._loaded_upto = max(self._loaded_upto, last)
        if self._sort_column >= 0 and (folders or files):
            self._resort()

    def _insert_sorted(self, target: list[StorageObject], new: list[StorageObject], offset: int) -> None:
        """Insert `new` (in key order) into `target`: one block at the end when it all goes there (the usual page;
        always when a column sort is on, which then sorts again), else each at its place in key order."""
        if not new:
            return
        if self._sort_column >= 0 or not target or key_order(target[-1].key) < key_order(new[0].key):
            first = offset + len(target)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            target.extend(new)
            self._row_of = None
            self.endInsertRows()
            return
        for obj in new:
            position = bisect.bisect_left(target, key_order(obj.key), key=lambda item: key_order(item.key))
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
            return (key_order(obj.key),)
        name = self._natural.get(obj.key)
        if name is None:
            name = self._natural[obj.key] = natural_key(obj.name)
        if column == StorageColumn.SIZE:
            return (obj.size, name, key_order(obj.key))
        if column == StorageColumn.TYPE:
            return (self.type_text(obj).casefold(), name, key_order(obj.key))
        if column == StorageColumn.MODIFIED:
            return (obj.modified.timestamp() if obj.modified else 0.0, name, key_order(obj.key))
        return (name, key_order(obj.key))

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
        if self._next_token is not None and key_order(obj.key) > self._loaded_upto:
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
        return self._type_names.of(obj)

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
        return self._thumbnails.icon(obj) or self._file_icon

    def thumbnail(self, key: str) -> QIcon | None:
        """The thumbnail shown for `key`, or None while it is not loaded (or the file has none)."""
        obj = self.object_at(self.row_of(key))
        return self._thumbnails.cached(obj) if obj is not None and self._thumbnails is not None else None

    def _thumbnail_loaded(self, key: str) -> None:
        row = self.row_of(key)
        if row >= 0:
            index = self.index(row, StorageColumn.NAME)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
