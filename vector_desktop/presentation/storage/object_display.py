"""How a stored object shows in the Storage panel's listing: whether it gets a thumbnail, its size and type as text,
the natural name order, the backend's key order and the square thumbnail icon."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QMimeDatabase, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap

from vector_desktop.domain.storage import StorageObject

THUMBNAIL_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"})
MAX_THUMBNAIL_SOURCE = 20 * 1000 * 1000  # bytes; larger images keep the plain file icon


def is_image(obj: StorageObject) -> bool:
    return not obj.is_folder and obj.content_type in THUMBNAIL_TYPES and 0 < obj.size <= MAX_THUMBNAIL_SOURCE


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


_DIGITS = re.compile(r"(\d+)")


def key_order(key: str) -> bytes:
    return key.encode()  # S3 lists keys by their UTF-8 bytes; the local backend does the same


def natural_key(text: str) -> tuple[Any, ...]:
    """'file9' before 'file10', case-insensitive (Qt's numeric collation needs ICU, which not every build has)."""
    parts = _DIGITS.split(text.casefold())
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


def square_icon(image: QImage) -> QIcon:
    """The thumbnail centred on a transparent square, so icons of any shape line up in the icon view."""
    side = max(image.width(), image.height())
    canvas = QPixmap(side, side)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawImage((side - image.width()) // 2, (side - image.height()) // 2, image)
    painter.end()
    return QIcon(canvas)


class TypeNames:
    """A file type's name as the system describes it ("PNG image"), cached per content type."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._mime = QMimeDatabase()

    def of(self, obj: StorageObject) -> str:
        if obj.is_folder:
            return QCoreApplication.translate("StorageListModel", "Folder")
        content_type = obj.content_type or "application/octet-stream"
        text = self._names.get(content_type)
        if text is None:
            mime = self._mime.mimeTypeForName(content_type)
            text = mime.comment() if mime.isValid() and mime.comment() else content_type
            self._names[content_type] = text
        return text
