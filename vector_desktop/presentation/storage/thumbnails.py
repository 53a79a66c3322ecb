"""Image decoding for the Storage panel with Qt's QImageReader: thumbnails (a ThumbnailMaker for ImageUploadService)
and preview images. QImage and QImageReader are safe off the GUI thread, so these run on worker threads; only
QPixmap/QIcon (made from the result on the GUI thread) are not."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QImageWriter

from vector_desktop.domain.storage import ImageRejected


def read_image(data: bytes, max_side: int) -> QImage:
    """Decode `data` no larger than max_side by max_side (decoded at that size where the format allows it).

    Raises ImageRejected when Qt cannot read the image."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # EXIF orientation
    size = reader.size()
    if size.isValid() and (size.width() > max_side or size.height() > max_side):
        reader.setScaledSize(size.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    if image.isNull():
        raise ImageRejected(f"The image cannot be shown ({reader.errorString()}).")
    if image.width() > max_side or image.height() > max_side:  # formats that cannot decode scaled
        image = image.scaled(
            max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, QByteArray(b"PNG")).write(image):
        raise ImageRejected("The thumbnail could not be written.")
    return bytes(buffer.data().data())


class QtThumbnailMaker:
    """vector_desktop.services.storage.image_upload_service.ThumbnailMaker with Qt (called from worker threads)."""

    def make(self, data: bytes, mime: str, max_side: int) -> bytes:
        return png_bytes(read_image(data, max_side))
