"""Repositories the GUI makes at their first use (store/deferred.py): nothing is made before, once after."""

from __future__ import annotations

import threading
import time

import pytest

from vector_desktop.store.deferred import Once, deferred


class Slow:
    made = 0

    def __init__(self) -> None:
        time.sleep(0.05)  # long enough for the other threads to ask meanwhile
        Slow.made += 1

    def name(self) -> str:
        return "slow"


def test_nothing_is_made_until_first_use_then_once_for_every_thread() -> None:
    Slow.made = 0
    repository = deferred(Slow)
    assert Slow.made == 0
    answers: list[str] = []
    threads = [threading.Thread(target=lambda: answers.append(repository.name())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["slow"] * 8
    assert Slow.made == 1


def test_once_reports_done_and_keeps_its_value() -> None:
    calls: list[int] = []
    once = Once(lambda: calls.append(1) or object())
    assert not once.done
    first = once.get()
    assert once.done and once.get() is first and calls == [1]


def test_a_failed_make_is_tried_again_at_the_next_use() -> None:
    attempts: list[int] = []

    def make() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("disk busy")
        return "made"

    once = Once(make)
    with pytest.raises(OSError):
        once.get()
    assert once.get() == "made" and len(attempts) == 2
