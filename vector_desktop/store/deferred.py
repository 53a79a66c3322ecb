"""Objects made at their first use, once, on whichever thread uses them first.

The repositories' modules import SQLAlchemy and the table classes (~230 ms). The GUI builds its services with
deferred repositories, so nothing of SQLAlchemy loads before the chat answers input; right after, a worker thread
loads it (GuiSession.load_store), and a repository used earlier waits for that on its caller's thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")


class Once(Generic[T]):
    """`get()` returns `make()`, called on the first `get` only; other threads asking meanwhile wait for it."""

    __slots__ = ("_lock", "_made", "_make")

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._made: T | None = None

    @property
    def done(self) -> bool:
        return self._made is not None

    def get(self) -> T:
        made = self._made
        if made is None:
            with self._lock:
                if self._made is None:
                    self._made = self._make()
                made = self._made
        return made


class _Deferred:
    __slots__ = ("_once",)

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._once = Once(factory)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._once.get(), name)


def deferred(factory: Callable[[], T]) -> T:
    """Stands for `factory()`, called (once) when an attribute is first read."""
    return cast(T, _Deferred(factory))
