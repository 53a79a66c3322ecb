"""The listing's thumbnail icons: loaded lazily, a few at a time, the latest THUMBNAIL_CACHE kept in memory."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from PySide6.QtGui import QIcon, QImage

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.storage import StorageObject
from vector_desktop.presentation.storage.object_display import square_icon

log = logging.getLogger(__name__)

ThumbnailLoader = Callable[[StorageObject], Awaitable[QImage | None]]
Spawn = Callable[[Coroutine[Any, Any, Any]], object]  # starts and owns a coroutine (e.g. TaskOwner.start)

THUMBNAIL_CACHE = 2000  # icons kept in memory (a disk cache lies behind the loader)


class ListingThumbnails:
    """Icons by (key, etag). `generation` reads the listing's current folder generation: a load asked for another
    folder stops before it starts; `loaded(key)` is called when a key's icon (or its lack) is known."""

    def __init__(
        self,
        loader: ThumbnailLoader,
        spawn: Spawn,
        jobs: int,
        generation: Callable[[], int],
        loaded: Callable[[str], None],
    ) -> None:
        self._loader = loader
        self._spawn = spawn
        self._slots = asyncio.Semaphore(max(1, jobs))
        self._generation = generation
        self._loaded = loaded
        self._icons: OrderedDict[tuple[str, str], QIcon | None] = OrderedDict()
        self._wanted: set[tuple[str, str]] = set()

    def icon(self, obj: StorageObject) -> QIcon | None:
        """The icon when loaded (None while loading, or when the file has none); starts the load once."""
        cache_key = (obj.key, obj.etag)
        if cache_key in self._icons:
            self._icons.move_to_end(cache_key)
            return self._icons[cache_key]
        if cache_key not in self._wanted:
            self._wanted.add(cache_key)
            self._spawn(self._load(self._generation(), obj))
        return None

    def cached(self, obj: StorageObject) -> QIcon | None:
        return self._icons.get((obj.key, obj.etag))

    def forget_wanted(self) -> None:
        self._wanted.clear()

    async def _load(self, generation: int, obj: StorageObject) -> None:
        cache_key = (obj.key, obj.etag)
        image: QImage | None = None
        try:
            async with self._slots:
                if generation != self._generation():
                    return  # another folder is shown now; load it when it is asked for again
                image = await self._loader(obj)
        except VectorError as error:
            log.debug("no thumbnail for %r: %s", obj.key, error)
        except Exception:
            log.warning("thumbnail of %r failed", obj.key, exc_info=True)
        finally:
            self._wanted.discard(cache_key)
        if generation != self._generation() and image is None:
            return
        self._icons[cache_key] = square_icon(image) if image is not None and not image.isNull() else None
        while len(self._icons) > THUMBNAIL_CACHE:
            self._icons.popitem(last=False)
        self._loaded(obj.key)
