"""The Storage panel's preview of a file: an image or the start of a text, read with size limits."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass

from PySide6.QtGui import QImage

from vector_desktop.domain.storage import StorageError
from vector_desktop.presentation.storage.storage_texts import tr
from vector_desktop.presentation.storage.thumbnails import read_image
from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
from vector_desktop.services.storage.image_upload_service import sniff_image_type

PREVIEW_TEXT_BYTES = 256 * 1024
PREVIEW_IMAGE_BYTES = 20 * 1000 * 1000
PREVIEW_IMAGE_SIDE = 1600
TEXT_TYPES = ("application/json", "application/xml", "application/javascript", "application/x-yaml", "image/svg+xml")


@dataclass(frozen=True)
class Preview:
    key: str
    kind: str  # "image", "text" or "none"
    text: str = ""
    image: QImage | None = None
    data: bytes = b""
    truncated: bool = False
    note: str = ""


def looks_like_text(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return False
    try:
        data[:8192].decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= 8188  # a character cut at the end of the sample
    return True


def read_preview(service: CloudStorageService, key: str) -> Preview:
    """What the preview pane shows for `key` (blocking: reads from the backend)."""
    info = service.head(key)
    head = service.read_bytes(key, limit=64)
    if sniff_image_type(head) is not None and info.content_type != "image/svg+xml":
        if info.size > PREVIEW_IMAGE_BYTES:
            return Preview(key, "none", note=tr("This image is too large to preview; download it instead."))
        data = service.read_bytes(key, limit=PREVIEW_IMAGE_BYTES)
        try:
            image = read_image(data, PREVIEW_IMAGE_SIDE)
        except StorageError as error:
            return Preview(key, "none", note=str(error))
        return Preview(key, "image", image=image, data=data)
    data = service.read_bytes(key, limit=PREVIEW_TEXT_BYTES + 1)
    content_type = info.content_type or mimetypes.guess_type(key)[0] or ""
    if content_type.startswith("text/") or content_type in TEXT_TYPES or looks_like_text(data):
        truncated = len(data) > PREVIEW_TEXT_BYTES
        text = data[:PREVIEW_TEXT_BYTES].decode("utf-8", errors="replace")
        note = tr("Only the first 256 KB are shown.") if truncated else ""
        return Preview(key, "text", text=text, data=data[:PREVIEW_TEXT_BYTES], truncated=truncated, note=note)
    return Preview(key, "none", note=tr("No preview for this kind of file."))
