"""Images: checked by their content (magic bytes), size-limited, optionally stripped of location, uploaded through
the storage service, thumbnailed off the GUI thread, and turned into a vision content part for a chat message.

No Qt here (services never import PySide6), so the type is sniffed from the first bytes. Thumbnails are made by a
`ThumbnailMaker` handed in by the composition root (Qt's QImage in presentation, or Pillow) and cached on disk.

Removing location:
- JPEG: the GPS IFD of the Exif segment is blanked and its pointer removed from IFD0, so every other tag
  (orientation, camera, date) stays; XMP segments (which may repeat the location) are dropped.
- PNG: eXIf chunks and XMP text chunks are dropped. WebP: EXIF and XMP chunks are dropped (flags fixed).
- GIF and BMP carry no location. HEIC cannot be rewritten here: asking to remove its location is refused.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from vector_desktop.ai.types import ImagePart
from vector_desktop.domain.storage import (
    BackendKind,
    CancelToken,
    ImageRejected,
    LinkPurpose,
    ProgressCallback,
    StorageObject,
)
from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
from vector_desktop.services.storage.storage_files import write_atomically

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1000 * 1000  # 20 MB
SNIFF_BYTES = 64
IMAGE_TYPES = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/gif": "GIF",
    "image/webp": "WebP",
    "image/bmp": "BMP",
    "image/heic": "HEIC",
    "image/heif": "HEIF",
}
VISION_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})  # what vision models accept
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_HEIF_BRANDS = {b"mif1", b"msf1"}
_BMP_HEADER_SIZES = {12, 40, 52, 56, 64, 108, 124}


def sniff_image_type(head: bytes) -> str | None:
    """The MIME type of an image from its first bytes (at least 32), or None when it is not a known image."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if len(head) >= 16 and head[:4] == b"RIFF" and head[8:12] == b"WEBP" and head[12:15] == b"VP8":
        return "image/webp"
    if len(head) >= 18 and head[:2] == b"BM":
        header_size = struct.unpack_from("<I", head, 14)[0]
        if header_size in _BMP_HEADER_SIZES:
            return "image/bmp"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        box_size = struct.unpack_from(">I", head, 0)[0]
        brands = {head[8:12]} | {head[i : i + 4] for i in range(16, min(box_size, len(head)) - 3, 4)}
        if brands & _HEIC_BRANDS:
            return "image/heic"
        if head[8:12] in _HEIF_BRANDS and b"avif" not in brands:
            return "image/heif"
    return None


class ThumbnailMaker(Protocol):
    """Makes a PNG no larger than max_side by max_side from image bytes. Called from worker threads."""

    def make(self, data: bytes, mime: str, max_side: int) -> bytes: ...


@dataclass(frozen=True)
class PreparedImage:
    path: Path
    mime: str
    size: int
    data: bytes | None = None  # the rewritten bytes when location was removed; else upload the file as it is
    location_removed: bool = False


# Location removal ------------------------------------------------------------------------------------------------

_TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
_GPS_POINTER = 0x8825
_XMP_HEADERS = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")


def _strip_tiff_gps(tiff: bytearray) -> bool:
    """Blank the GPS IFD in a TIFF/Exif block and remove its pointer from IFD0. True when there was one."""
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return False
    order = "<" if tiff[:2] == b"II" else ">"
    ifd0 = struct.unpack_from(order + "I", tiff, 4)[0]
    if ifd0 + 2 > len(tiff):
        return False
    count = struct.unpack_from(order + "H", tiff, ifd0)[0]
    entries_end = ifd0 + 2 + 12 * count
    if entries_end + 4 > len(tiff):
        return False
    for index in range(count):
        at = ifd0 + 2 + 12 * index
        tag = struct.unpack_from(order + "H", tiff, at)[0]
        if tag != _GPS_POINTER:
            continue
        gps = struct.unpack_from(order + "I", tiff, at + 8)[0]
        _blank_ifd(tiff, gps, order)
        # Shift the later entries and the next-IFD offset up by one entry; blank the freed 12 bytes.
        tiff[at : entries_end + 4 - 12] = tiff[at + 12 : entries_end + 4]
        tiff[entries_end + 4 - 12 : entries_end + 4] = bytes(12)
        struct.pack_into(order + "H", tiff, ifd0, count - 1)
        return True
    return False


def _blank_ifd(tiff: bytearray, offset: int, order: str) -> None:
    if offset + 2 > len(tiff):
        return
    count = struct.unpack_from(order + "H", tiff, offset)[0]
    end = min(offset + 2 + 12 * count + 4, len(tiff))
    for index in range(count):
        at = offset + 2 + 12 * index
        if at + 12 > len(tiff):
            break
        kind, number = struct.unpack_from(order + "HI", tiff, at + 2)
        length = _TIFF_TYPE_SIZES.get(kind, 1) * number
        if length > 4:
            start = struct.unpack_from(order + "I", tiff, at + 8)[0]
            if start < len(tiff):
                tiff[start : min(start + length, len(tiff))] = bytes(min(length, len(tiff) - start))
    tiff[offset:end] = bytes(end - offset)


def strip_jpeg_location(data: bytes) -> tuple[bytes, bool]:
    """The JPEG without GPS data (and without XMP); True when something was removed."""
    if not data.startswith(b"\xff\xd8"):
        raise ImageRejected("The file is not a valid JPEG image.")
    out = bytearray(data[:2])
    pos = 2
    removed = False
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ImageRejected("The JPEG image is damaged (a segment marker is missing).")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            out.append(0xFF)
            pos += 1
            continue
        if marker == 0xDA or 0xD0 <= marker <= 0xD9 or marker == 0x01:
            break  # start of scan (or a standalone marker): the rest is image data
        length = struct.unpack_from(">H", data, pos + 2)[0]
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise ImageRejected("The JPEG image is damaged (a segment runs past the end of the file).")
        payload = data[pos + 4 : end]
        if marker == 0xE1 and payload.startswith(_XMP_HEADERS):
            removed = True
            pos = end
            continue
        if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
            tiff = bytearray(payload[6:])
            if _strip_tiff_gps(tiff):
                removed = True
                payload = payload[:6] + bytes(tiff)
        out += data[pos : pos + 4] + payload
        pos = end
    out += data[pos:]
    return bytes(out), removed


def strip_png_location(data: bytes) -> tuple[bytes, bool]:
    out = bytearray(data[:8])
    pos = 8
    removed = False
    while pos + 12 <= len(data):
        length = struct.unpack_from(">I", data, pos)[0]
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ImageRejected("The PNG image is damaged (a chunk runs past the end of the file).")
        body = data[pos + 8 : pos + 8 + length]
        xmp = kind in (b"iTXt", b"tEXt", b"zTXt") and body.startswith(b"XML:com.adobe.xmp\x00")
        if kind == b"eXIf" or xmp:
            removed = True
        else:
            out += data[pos:end]
        pos = end
        if kind == b"IEND":
            break
    out += data[pos:]
    return bytes(out), removed


def strip_webp_location(data: bytes) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    pos = 12
    removed = False
    while pos + 8 <= len(data):
        kind = data[pos : pos + 4]
        length = struct.unpack_from("<I", data, pos + 4)[0]
        end = pos + 8 + length + (length & 1)
        if pos + 8 + length > len(data):
            raise ImageRejected("The WebP image is damaged (a chunk runs past the end of the file).")
        chunk = data[pos : min(end, len(data))]
        if kind in (b"EXIF", b"XMP "):
            removed = True
        else:
            if kind == b"VP8X" and length >= 1:
                chunk = chunk[:8] + bytes([chunk[8] & ~0x0C]) + chunk[9:]
            chunks.append(chunk)
        pos = end
    if not removed:
        return data, False
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body, True


def remove_location(data: bytes, mime: str) -> tuple[bytes, bool]:
    """`data` without location metadata; raises ImageRejected when that cannot be done for this type."""
    if mime == "image/jpeg":
        return strip_jpeg_location(data)
    if mime == "image/png":
        return strip_png_location(data)
    if mime == "image/webp":
        return strip_webp_location(data)
    if mime in ("image/gif", "image/bmp"):
        return data, False
    raise ImageRejected(
        f"Removing the location is not supported for {IMAGE_TYPES.get(mime, mime)} images; convert it to JPEG "
        "first, or upload it without removing the location."
    )


# The service -----------------------------------------------------------------------------------------------------


class ImageUploadService:
    """Blocking methods (disk, network): call them from a job or `storage.run(...)`, never on the GUI thread."""

    def __init__(
        self,
        storage: CloudStorageService,
        *,
        thumbnail_dir: Path,
        max_bytes: int = DEFAULT_MAX_BYTES,
        thumbnail_maker: ThumbnailMaker | None = None,
        folder: str = "images/",
    ) -> None:
        self._storage = storage
        self._thumbnail_dir = Path(thumbnail_dir)
        self.max_bytes = max_bytes
        self._maker = thumbnail_maker
        self.folder = folder

    def _check_size(self, size: int, name: str) -> None:
        if size > self.max_bytes:
            raise ImageRejected(f"{name} is {size / 1e6:.1f} MB; images can be at most {self.max_bytes / 1e6:.0f} MB.")
        if size == 0:
            raise ImageRejected(f"{name} is empty.")

    def check(self, path: Path) -> str:
        """The image's MIME type from its content; raises ImageRejected for a non-image or one too large."""
        path = Path(path)
        try:
            size = path.stat().st_size
            self._check_size(size, path.name)
            with open(path, "rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError as error:
            raise ImageRejected(f"Cannot read {path}: {error.strerror or error}.") from None
        mime = sniff_image_type(head)
        if mime is None:
            kinds = ", ".join(sorted(set(IMAGE_TYPES.values()) - {"HEIF"}))
            raise ImageRejected(f"{path.name} is not an image this app can use ({kinds}).")
        return mime

    def prepare(self, path: Path, *, remove_location: bool = False) -> PreparedImage:
        path = Path(path)
        mime = self.check(path)
        size = path.stat().st_size
        if not remove_location:
            return PreparedImage(path, mime, size)
        data, removed = remove_location_from_file(path, mime)
        return PreparedImage(path, mime, len(data), data if removed else None, removed)

    def default_key(self, path: Path) -> str:
        return f"{self.folder}{Path(path).name}"

    def upload(
        self,
        path: Path,
        key: str | None = None,
        *,
        remove_location: bool = False,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> StorageObject:
        prepared = self.prepare(path, remove_location=remove_location)
        key = key or self.default_key(prepared.path)
        if prepared.data is not None:
            stored = self._storage.upload_bytes(prepared.data, key, content_type=prepared.mime)
            if progress is not None:
                progress(prepared.size, prepared.size)
            return stored
        return self._storage.upload_file(
            prepared.path, key, content_type=prepared.mime, progress=progress, cancel=cancel
        )

    # Thumbnails

    def thumbnail_path(self, key: str, etag: str, max_side: int = 256) -> Path:
        """Where the thumbnail of this version of `key` is cached (a new ETag means a new file)."""
        backend = self._storage.backend.backend_id
        digest = hashlib.sha256(f"{backend}\n{key}\n{etag}\n{max_side}".encode()).hexdigest()[:40]
        return self._thumbnail_dir / f"{digest}.png"

    def thumbnail(self, key: str, etag: str, max_side: int = 256) -> Path | None:
        """The cached thumbnail, made now if missing; None when no maker is set or the file is no image."""
        target = self.thumbnail_path(key, etag, max_side)
        if target.exists():
            return target
        if self._maker is None:
            return None
        data = self._storage.read_bytes(key, limit=self.max_bytes + 1)
        if len(data) > self.max_bytes:
            return None
        mime = sniff_image_type(data[:SNIFF_BYTES])
        if mime is None:
            return None
        png = self._maker.make(data, mime, max_side)
        self._thumbnail_dir.mkdir(parents=True, exist_ok=True)
        write_atomically([png], target, total=len(png))
        return target

    # Chat attachments

    def vision_part(self, key: str, *, inline: bool = False) -> ImagePart:
        """An image content part for a chat message.

        R2: a presigned URL with the AI expiry (24 h), unless `inline` (a model that cannot fetch URLs, such as
        the on-device one). Local backend: always inline, as a data: URL with base64.
        """
        head = self._storage.read_bytes(key, limit=SNIFF_BYTES)
        mime = sniff_image_type(head)
        if mime is None:
            raise ImageRejected(f"'{key}' is not an image.")
        if mime not in VISION_TYPES:
            raise ImageRejected(
                f"'{key}' is a {IMAGE_TYPES[mime]} image; AI models read PNG, JPEG, GIF and WebP. Convert it first."
            )
        if self._storage.backend.kind is BackendKind.R2 and not inline:
            return ImagePart(url=self._storage.link(key, purpose=LinkPurpose.API))
        info = self._storage.head(key)
        self._check_size(info.size, key)
        data = self._storage.read_bytes(key)
        return ImagePart(url=f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}")

    def attach_for_chat(self, path: Path) -> tuple[str, str]:
        """Store a local image for a chat message (location removed) → (its name, the URL given to the model)."""
        stored = self.upload(Path(path), remove_location=True)
        return stored.key.rsplit("/", 1)[-1], self.vision_part(stored.key).url


def remove_location_from_file(path: Path, mime: str) -> tuple[bytes, bool]:
    return remove_location(Path(path).read_bytes(), mime)
