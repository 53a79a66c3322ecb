"""What the transcript keeps per row is bounded: least recently used rows go first once over budget, the rows
painted in the current frame stay, and measured heights are kept for a few widths only."""

from __future__ import annotations

from typing import Any

from vector_desktop.views.chat.row_cache import RowCache, RowHeights


def test_over_budget_the_least_recently_used_rows_go_first() -> None:
    dropped: list[int] = []
    cache: RowCache[str] = RowCache(300, on_evict=dropped.append)
    for row in (1, 2, 3):
        cache.put(row, "look", f"row {row}", 100, painted=False)
    assert cache.get(1, "look", painted=False) == "row 1"  # used again: now the most recent

    cache.put(4, "look", "row 4", 100, painted=False)
    assert dropped == [2] and len(cache) == 3 and cache.weight == 300
    assert cache.get(2, "look", painted=False) is None and cache.get(1, "look", painted=False) == "row 1"
    assert cache.get(1, "another look", painted=False) is None  # a value is for the look it was made for

    cache.put(5, "look", "row 5", 250, painted=False)
    assert dropped == [2, 3, 4, 1] and list(cache_ids(cache)) == [5]


def test_rows_painted_in_this_frame_stay_over_budget_until_the_next_frame() -> None:
    dropped: list[int] = []
    cache: RowCache[str] = RowCache(200, on_evict=dropped.append)
    cache.new_frame()
    for row in (1, 2, 3):
        cache.put(row, "look", f"row {row}", 100)  # three rows on screen, more than the budget
    assert dropped == [] and cache.weight == 300

    cache.new_frame()
    cache.get(3, "look")  # still on screen
    cache.put(4, "look", "row 4", 100, painted=False)  # only measured (a relayout): no favour
    assert dropped == [1, 2] and sorted(cache_ids(cache)) == [3, 4]


def test_rows_only_measured_are_dropped_even_in_the_frame_they_were_measured_in() -> None:
    cache: RowCache[int] = RowCache(1000)
    cache.new_frame()
    for row in range(100):
        cache.put(row, "look", row, 50, painted=False)
    assert cache.weight <= 1000 and len(cache) == 20 and 99 in cache and 0 not in cache


def test_max_entries_bounds_even_the_rows_on_screen() -> None:
    cache: RowCache[int] = RowCache(10**9, max_entries=5)  # never told of frames: everything counts as on screen
    for row in range(12):
        cache.put(row, "look", row, 1)
    assert sorted(cache_ids(cache)) == [7, 8, 9, 10, 11]


def test_a_smaller_budget_drops_rows_at_once() -> None:
    cache: RowCache[int] = RowCache(1000)
    for row in range(10):
        cache.put(row, "look", row, 100, painted=False)
    cache.set_budget(300)
    assert sorted(cache_ids(cache)) == [7, 8, 9] and cache.weight == 300


def test_heights_are_kept_for_the_last_few_widths_only() -> None:
    heights = RowHeights(widths=2)
    heights.put(1, 800, revision=0, height=120)
    heights.put(1, 600, revision=0, height=180)
    assert heights.get(1, 800, 0) == 120 and heights.get(1, 600, 0) == 180
    assert heights.get(1, 800, 1) is None  # the row changed since

    for width in range(601, 700):  # a resize dragged across many widths
        heights.put(1, width, revision=0, height=150)
    assert len(heights) == 2 and heights.get(1, 800, 0) is None and heights.get(1, 699, 0) == 150

    heights.forget(1)
    assert len(heights) == 0


def cache_ids(cache: RowCache[Any]) -> list[int]:
    return [row for row in range(1000) if row in cache]
