"""Transcript rows kept as pixmaps while they do not change.

A QListView repaints every visible row whenever any row changes (a new row, a finished answer, streamed text), so
without this each frame of a chat paints the whole visible transcript again. A finished row is painted once into a
pixmap per look (its RowView's stamp, size, selected / hovered, palette); later frames copy the pixmap. Rows that
change at every frame (streaming text, a running call's spinner) and very tall rows are painted directly. The
pixmaps are kept up to a budget of bytes, least recently used out first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from PySide6.QtGui import QPixmap

BUDGET_BYTES = 32 * 1024 * 1024
MAX_HEIGHT = 1200  # taller rows are painted directly (only their visible part)


class RowPixmaps:
    def __init__(self, budget_bytes: int = BUDGET_BYTES) -> None:
        self.budget_bytes = budget_bytes
        self._pixmaps: OrderedDict[int, tuple[Hashable, QPixmap, int]] = OrderedDict()  # id → (key, pixmap, bytes)
        self._bytes = 0

    def get(self, message_id: int, key: Hashable) -> QPixmap | None:
        found = self._pixmaps.get(message_id)
        if found is None or found[0] != key:
            return None
        self._pixmaps.move_to_end(message_id)
        return found[1]

    def put(self, message_id: int, key: Hashable, pixmap: QPixmap) -> None:
        self.forget(message_id)
        size = pixmap.width() * pixmap.height() * 4
        if size > self.budget_bytes:
            return
        self._pixmaps[message_id] = (key, pixmap, size)
        self._bytes += size
        while self._bytes > self.budget_bytes:
            _id, (_key, _pixmap, dropped) = self._pixmaps.popitem(last=False)
            self._bytes -= dropped

    def forget(self, message_id: int) -> None:
        found = self._pixmaps.pop(message_id, None)
        if found is not None:
            self._bytes -= found[2]

    def clear(self) -> None:
        self._pixmaps.clear()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._pixmaps)

    @property
    def bytes(self) -> int:
        return self._bytes
