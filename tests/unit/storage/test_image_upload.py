"""Images: type from content, size limits, location removal, thumbnails cache, vision parts (local backend)."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import pytest

from vector_desktop.domain.storage import ImageRejected
from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
from vector_desktop.services.storage.image_upload_service import (
    ImageUploadService,
    remove_location,
    sniff_image_type,
    strip_jpeg_location,
)

LATITUDE = struct.pack(">6I", 48, 1, 51, 1, 2959, 100)  # 48° 51' 29.59"


class Settings(dict):
    def get(self, key, default=None):  # type: ignore[no-untyped-def, override]
        return super().get(key, default)


def ifd(entries: list[tuple[int, int, int, bytes]], start: int, order: str = ">") -> tuple[bytes, bytes]:
    """An IFD at offset `start` (entries: tag, type, count, value) and its out-of-line data after it."""
    table = struct.pack(order + "H", len(entries))
    data_at = start + 2 + 12 * len(entries) + 4
    extra = b""
    for tag, kind, count, value in entries:
        if len(value) <= 4:
            field = value.ljust(4, b"\x00")
        else:
            field = struct.pack(order + "I", data_at + len(extra))
            extra += value
        table += struct.pack(order + "HHI", tag, kind, count) + field
    return table + b"\x00\x00\x00\x00", extra


def exif_block(order: str = ">") -> bytes:
    """A TIFF block: IFD0 with Orientation=6, Make and a GPS pointer; a GPS IFD with latitude and longitude."""
    mark = b"MM" if order == ">" else b"II"
    ifd0_entries = 3
    gps_at = 8 + 2 + 12 * ifd0_entries + 4 + 4  # after IFD0 and its 4 bytes of out-of-line data ("Cam\0")
    ifd0, ifd0_extra = ifd(
        [
            (0x010F, 2, 4, b"Cam\x00"),
            (0x0112, 3, 1, struct.pack(order + "H", 6)),
            (0x8825, 4, 1, struct.pack(order + "I", gps_at)),
        ],
        8,
        order,
    )
    ifd0_extra = ifd0_extra.ljust(4, b"\x00")
    latitude = LATITUDE if order == ">" else struct.pack("<6I", *struct.unpack(">6I", LATITUDE))
    gps, gps_extra = ifd(
        [(1, 2, 2, b"N\x00"), (2, 5, 3, latitude), (3, 2, 2, b"E\x00"), (4, 5, 3, latitude)], gps_at, order
    )
    return mark + struct.pack(order + "HI", 42, 8) + ifd0 + ifd0_extra + gps + gps_extra


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_location(order: str = ">") -> bytes:
    xmp = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>48,51.49N</exif:GPSLatitude></x:xmpmeta>"
    return (
        b"\xff\xd8"
        + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + segment(0xE1, b"Exif\x00\x00" + exif_block(order))
        + segment(0xE1, xmp)
        + segment(0xDB, bytes(65))
        + segment(0xDA, b"\x00" * 10)
        + b"\x12\x34\xff\x00\x56"  # entropy-coded data
        + b"\xff\xd9"
    )


def read_ifd0(tiff: bytes) -> dict[int, bytes]:
    order = "<" if tiff[:2] == b"II" else ">"
    start = struct.unpack_from(order + "I", tiff, 4)[0]
    count = struct.unpack_from(order + "H", tiff, start)[0]
    tags = {}
    for index in range(count):
        tag = struct.unpack_from(order + "H", tiff, start + 2 + 12 * index)[0]
        tags[tag] = tiff[start + 2 + 12 * index + 8 : start + 2 + 12 * index + 12]
    return tags


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def tiny_png(*extra: bytes) -> bytes:
    ihdr = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    idat = png_chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"".join(extra) + idat + png_chunk(b"IEND", b"")


def webp_with_exif() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")

    body = b"WEBP" + chunk(b"VP8X", bytes([0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]))
    body += chunk(b"VP8L", b"\x2f\x00\x00\x00\x00")
    body += chunk(b"EXIF", exif_block("<"))
    body += chunk(b"XMP ", b"<x:xmpmeta/>")
    return b"RIFF" + struct.pack("<I", len(body)) + body


HEIC = struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00" + b"mif1heic" + b"\x00" * 40
SAMPLES = {
    "image/png": tiny_png(),
    "image/jpeg": jpeg_with_location(),
    "image/gif": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + b"\x00" * 20,
    "image/webp": webp_with_exif(),
    "image/bmp": b"BM" + struct.pack("<IHHII", 70, 0, 0, 54, 40) + b"\x00" * 50,
    "image/heic": HEIC,
}


@pytest.fixture
def storage(tmp_path: Path) -> CloudStorageService:
    return CloudStorageService(Settings(VECTOR_STORAGE_BACKEND="local"), local_root=tmp_path / "storage")


@pytest.fixture
def images(tmp_path: Path, storage: CloudStorageService) -> ImageUploadService:
    return ImageUploadService(storage, thumbnail_dir=tmp_path / "thumbs")


@pytest.mark.parametrize("mime", sorted(SAMPLES))
def test_type_comes_from_the_content(tmp_path: Path, images: ImageUploadService, mime: str) -> None:
    assert sniff_image_type(SAMPLES[mime][:64]) == mime
    misnamed = tmp_path / "holiday.txt"
    misnamed.write_bytes(SAMPLES[mime])
    assert images.check(misnamed) == mime


@pytest.mark.parametrize(
    "content",
    [b"just text, not an image", b"\x89PNX\r\n", b"RIFF\x00\x00\x00\x00WAVEfmt ", b"BM" + b"\x00" * 30, b"\x00" * 64],
)
def test_a_non_image_named_png_is_rejected(tmp_path: Path, images: ImageUploadService, content: bytes) -> None:
    fake = tmp_path / "photo.png"
    fake.write_bytes(content)
    with pytest.raises(ImageRejected, match="not an image"):
        images.check(fake)


def test_size_limits(tmp_path: Path, storage: CloudStorageService) -> None:
    small = ImageUploadService(storage, thumbnail_dir=tmp_path / "t", max_bytes=1000)
    big = tmp_path / "big.png"
    big.write_bytes(tiny_png(png_chunk(b"tEXt", b"Comment\x00" + b"x" * 2000)))
    with pytest.raises(ImageRejected, match="at most"):
        small.upload(big)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(ImageRejected, match="empty"):
        small.check(empty)
    assert storage.list_all() == []


@pytest.mark.parametrize("order", [">", "<"])
def test_jpeg_location_is_removed_and_orientation_kept(order: str) -> None:
    original = jpeg_with_location(order)
    cleaned, removed = strip_jpeg_location(original)
    assert removed
    assert LATITUDE not in cleaned and struct.pack("<6I", *struct.unpack(">6I", LATITUDE)) not in cleaned
    assert b"GPSLatitude" not in cleaned  # the XMP copy went too
    exif_at = cleaned.index(b"Exif\x00\x00") + 6
    tags = read_ifd0(cleaned[exif_at:])
    assert 0x8825 not in tags
    assert struct.unpack(order + "H", tags[0x0112][:2])[0] == 6  # orientation
    assert 0x010F in tags
    assert cleaned.endswith(b"\x12\x34\xff\x00\x56\xff\xd9")  # image data untouched
    again, removed_again = strip_jpeg_location(cleaned)
    assert (again, removed_again) == (cleaned, False)


def test_png_and_webp_location_chunks_are_dropped() -> None:
    png = tiny_png(png_chunk(b"eXIf", exif_block()), png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00<x/>"))
    cleaned, removed = remove_location(png, "image/png")
    assert removed and cleaned == tiny_png()
    webp, removed = remove_location(SAMPLES["image/webp"], "image/webp")
    assert removed and b"EXIF" not in webp and b"XMP " not in webp
    assert struct.unpack_from("<I", webp, 4)[0] == len(webp) - 8
    assert webp[20] & 0x0C == 0  # VP8X flags no longer announce EXIF or XMP
    assert sniff_image_type(webp[:64]) == "image/webp"


def test_heic_location_cannot_be_removed(tmp_path: Path, images: ImageUploadService) -> None:
    photo = tmp_path / "photo.heic"
    photo.write_bytes(HEIC)
    with pytest.raises(ImageRejected, match="HEIC"):
        images.upload(photo, remove_location=True)
    assert images.upload(photo).key == "images/photo.heic"


def test_upload_with_location_removed_lands_clean(tmp_path: Path, images: ImageUploadService) -> None:
    photo = tmp_path / "IMG 0001.jpg"
    photo.write_bytes(jpeg_with_location())
    stored = images.upload(photo, remove_location=True)
    assert stored.key == "images/IMG 0001.jpg"
    landed = (tmp_path / "storage" / "images" / "IMG 0001.jpg").read_bytes()
    assert LATITUDE not in landed
    assert photo.read_bytes() == jpeg_with_location()  # the user's own file is never changed


class CountingMaker:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def make(self, data: bytes, mime: str, max_side: int) -> bytes:
        self.calls.append((mime, max_side))
        return tiny_png()


def test_thumbnails_are_cached_per_version(tmp_path: Path, storage: CloudStorageService) -> None:
    maker = CountingMaker()
    images = ImageUploadService(storage, thumbnail_dir=tmp_path / "thumbs", thumbnail_maker=maker)
    storage.upload_bytes(SAMPLES["image/gif"], "a.gif")
    etag = storage.head("a.gif").etag
    first = images.thumbnail("a.gif", etag)
    assert first is not None and first.read_bytes() == tiny_png()
    assert images.thumbnail("a.gif", etag) == first
    assert maker.calls == [("image/gif", 256)]
    assert images.thumbnail_path("a.gif", "other-etag") != first
    storage.upload_bytes(b"not an image", "b.txt")
    assert images.thumbnail("b.txt", "x") is None
    assert ImageUploadService(storage, thumbnail_dir=tmp_path / "t2").thumbnail("a.gif", etag) is None


def test_vision_part_is_inline_on_the_local_backend(storage: CloudStorageService, images: ImageUploadService) -> None:
    storage.upload_bytes(SAMPLES["image/png"], "shots/screen shot.png")
    part = images.vision_part("shots/screen shot.png")
    prefix = "data:image/png;base64,"
    assert part.url.startswith(prefix)
    assert base64.b64decode(part.url[len(prefix) :]) == SAMPLES["image/png"]
    storage.upload_bytes(SAMPLES["image/bmp"], "old.bmp")
    with pytest.raises(ImageRejected, match="Convert"):
        images.vision_part("old.bmp")
    storage.upload_bytes(b"%PDF-1.7", "doc.png")
    with pytest.raises(ImageRejected, match="not an image"):
        images.vision_part("doc.png")
