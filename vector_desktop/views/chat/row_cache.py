"""What the transcript keeps per row (painted pixmaps, measured layouts with their documents, heights), sized to
what is near the viewport instead of every row ever seen: scrolling back through a long conversation would
otherwise keep a pixmap and a laid-out QTextDocument for each row it passed (tens of MB per thousand rows).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

Value = TypeVar("Value")
MAX_ENTRIES = 400  # a backstop when no view tells the cache its frames


@dataclass
class _Entry(Generic[Value]):
    key: Hashable
    value: Value
    weight: int
    frame: int


class RowCache(Generic[Value]):
    """Least recently used values per row id, each valid for one key (the row's look), kept up to a budget of
    weight (bytes of pixmaps, pixels of height). The rows painted since `new_frame` (on screen now) stay even over
    budget: dropping one would make every frame make it again; rows only measured (a relayout measures every row)
    get no such favour. `max_entries` bounds everything. `on_evict` is told
    the ids dropped to keep the budget (not those replaced, forgotten or cleared)."""

    def __init__(
        self, budget: int, *, max_entries: int = MAX_ENTRIES, on_evict: Callable[[int], None] | None = None
    ) -> None:
        self.budget = budget
        self.max_entries = max_entries
        self._entries: OrderedDict[int, _Entry[Value]] = OrderedDict()
        self._weight = 0
        self._frame = 0
        self._on_evict = on_evict

    def new_frame(self) -> None:
        """The view starts painting again: what it paints from now on is on screen."""
        self._frame += 1

    def set_budget(self, budget: int) -> None:
        self.budget = budget
        self._trim(None)

    def get(self, row_id: int, key: Hashable, *, painted: bool = True) -> Value | None:
        entry = self._entries.get(row_id)
        if entry is None or entry.key != key:
            return None
        if painted:
            entry.frame = self._frame
        self._entries.move_to_end(row_id)
        return entry.value

    def put(self, row_id: int, key: Hashable, value: Value, weight: int, *, painted: bool = True) -> None:
        self.forget(row_id)
        self._entries[row_id] = _Entry(key, value, weight, self._frame if painted else -1)
        self._weight += weight
        self._trim(row_id)

    def forget(self, row_id: int) -> None:
        entry = self._entries.pop(row_id, None)
        if entry is not None:
            self._weight -= entry.weight

    def clear(self) -> None:
        self._entries.clear()
        self._weight = 0

    def _trim(self, newest: int | None) -> None:
        weight, count = self._weight, len(self._entries)
        if weight <= self.budget and count <= self.max_entries:
            return
        dropped: list[int] = []
        for row_id, entry in self._entries.items():  # least recently used first
            too_many = count > self.max_entries
            if weight <= self.budget and not too_many:
                break
            if row_id == newest or (entry.frame == self._frame and not too_many):
                continue
            dropped.append(row_id)
            weight -= entry.weight
            count -= 1
        for row_id in dropped:
            self.forget(row_id)
            if self._on_evict is not None:
                self._on_evict(row_id)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, row_id: object) -> bool:
        return row_id in self._entries

    @property
    def weight(self) -> int:
        return self._weight


class RowHeights:
    """Measured row heights (message id → (revision, height)) for the last few widths the rows had: a window
    toggled between two sizes finds both, a resize dragged across hundreds of widths does not keep a table for
    each."""

    def __init__(self, widths: int = 3) -> None:
        self.widths = widths
        self._by_width: OrderedDict[int, dict[int, tuple[int, int]]] = OrderedDict()

    def get(self, message_id: int, width: int, revision: int) -> int | None:
        found = self._by_width.get(width, {}).get(message_id)
        return found[1] if found is not None and found[0] == revision else None

    def put(self, message_id: int, width: int, revision: int, height: int) -> None:
        table = self._by_width.get(width)
        if table is None:
            table = self._by_width[width] = {}
            while len(self._by_width) > self.widths:
                self._by_width.popitem(last=False)
        else:
            self._by_width.move_to_end(width)
        table[message_id] = (revision, height)

    def forget(self, message_id: int, width: int | None = None) -> None:
        for table_width, table in self._by_width.items():
            if width is None or table_width == width:
                table.pop(message_id, None)

    def clear(self) -> None:
        self._by_width.clear()

    def __len__(self) -> int:
        return sum(len(table) for table in self._by_width.values())
