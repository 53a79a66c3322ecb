"""Transcript rows kept as pixmaps while they do not change.

A QListView repaints every visible row whenever any row changes (a new row, a finished answer, streamed text), so
without this each frame of a chat paints the whole visible transcript again. A finished row is painted once into a
pixmap per look (its RowView's stamp, size, selected / hovered, palette); later frames copy the pixmap. Rows that
change at every frame (streaming text, a running call's spinner) and very tall rows are painted directly. The
pixmaps are kept for the rows on screen plus a few screens' worth of bytes (least recently used out first): one
per row ever seen was ~30 MB after scrolling back through a thousand messages.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtGui import QPixmap

from vector_desktop.views.chat.row_cache import RowCache

SCREENS = 3  # pixmaps kept: the viewport's bytes this many times (the rows on screen are always kept)
MIN_BUDGET_BYTES = 2 * 1024 * 1024
MAX_HEIGHT = 1200  # taller rows are painted directly (only their visible part)


def budget_for(width: int, height: int, ratio: float = 1.0) -> int:
    """The bytes of SCREENS viewports of this size (32-bit pixels)."""
    return max(MIN_BUDGET_BYTES, int(SCREENS * width * height * 4 * ratio * ratio))


class RowPixmaps:
    def __init__(self, budget_bytes: int | None = None) -> None:
        self._cache: RowCache[QPixmap] = RowCache(budget_for(1000, 800) if budget_bytes is None else budget_bytes)

    @property
    def budget_bytes(self) -> int:
        return self._cache.budget

    def fit_viewport(self, width: int, height: int, ratio: float) -> None:
        self._cache.set_budget(budget_for(width, height, ratio))

    def new_frame(self) -> None:
        self._cache.new_frame()

    def get(self, message_id: int, key: Hashable) -> QPixmap | None:
        return self._cache.get(message_id, key)

    def put(self, message_id: int, key: Hashable, pixmap: QPixmap) -> None:
        size = pixmap.width() * pixmap.height() * 4
        if size > self._cache.budget:
            self._cache.forget(message_id)
            return
        self._cache.put(message_id, key, pixmap, size)

    def forget(self, message_id: int) -> None:
        self._cache.forget(message_id)

    def clear(self) -> None:
        self._cache.clear()

    def __len__(self) -> int:
        return len(self._cache)

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._cache

    @property
    def bytes(self) -> int:
        return self._cache.weight
