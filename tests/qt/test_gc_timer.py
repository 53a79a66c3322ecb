"""The GUI thread's garbage collector: nothing while the app starts (its objects are frozen after), then by
generation thresholds."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from vector_desktop.qtsupport.gc_timer import GuiThreadGarbageCollector


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadGarbageCollector]:
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(1, 0, 0)  # every tick with new objects is "due" in every generation
    gc.disable()  # as the app runs: only the collector collects
    collector = GuiThreadGarbageCollector(interval_ms=10_000)
    yield collector
    gc.set_threshold(*threshold)
    if enabled:
        gc.enable()


def passes() -> list[int]:
    return [int(generation["collections"]) for generation in gc.get_stats()]


def make_garbage() -> None:
    for _ in range(50):
        cycle: list[object] = []
        cycle.append(cycle)


def test_no_collection_while_the_app_starts(collector: GuiThreadGarbageCollector) -> None:
    collector.paused = True
    before = passes()
    for _ in range(10):
        make_garbage()
        collector.collect_if_due()
    assert passes() == before


def test_every_generation_is_collected_once_start_up_is_over(collector: GuiThreadGarbageCollector) -> None:
    collector.paused = False
    before = passes()
    for _ in range(10):
        make_garbage()
        collector.collect_if_due()
    assert all(after > earlier for after, earlier in zip(passes(), before, strict=True))
