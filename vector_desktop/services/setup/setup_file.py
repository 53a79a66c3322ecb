"""The setup file: a JSON document sealed with `vector_desktop.sealing` (scrypt + Fernet), written atomically.

    {"format": "vector-desktop-setup", "version": 1, "created_at": "...", "app_version": "...", "sections": {...}}

Sealing and unsealing derive the key with scrypt (~0.1 s): call these off the GUI thread.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vector_desktop import sealing
from vector_desktop.domain.setup_transfer import SetupFileError

FORMAT = "vector-desktop-setup"
VERSION = 1


@dataclass(frozen=True)
class SetupDocument:
    created_at: str
    app_version: str
    sections: Mapping[str, Any]


def encode(sections: Mapping[str, Any], app_version: str, now: datetime | None = None) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "app_version": app_version,
        "sections": dict(sections),
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")


def decode(data: bytes) -> SetupDocument:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SetupFileError("The file decrypts, but what it holds is not a Vector Desktop setup.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SetupFileError("The file decrypts, but what it holds is not a Vector Desktop setup.")
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise SetupFileError("This setup was exported by a newer version of Vector Desktop; update the app first.")
    sections = document.get("sections")
    if not isinstance(sections, dict):
        raise SetupFileError("The setup in this file has no sections; export it again.")
    return SetupDocument(str(document.get("created_at", "")), str(document.get("app_version", "")), sections)


def seal_document(sections: Mapping[str, Any], app_version: str, secret: str) -> bytes:
    return sealing.seal(encode(sections, app_version), secret)


def open_document(blob: bytes, secret: str) -> SetupDocument:
    """Raises WrongKeyError, DamagedSealError, SealError or SetupFileError, each with a sentence."""
    if not sealing.is_sealed(blob):
        raise SetupFileError("This is not a Vector Desktop setup file (or it is not encrypted as one).")
    return decode(sealing.unseal(blob, secret))


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SetupFileError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise SetupFileError(f"{path} is a folder; choose a setup file.") from None
    except OSError as error:
        raise SetupFileError(f"The file {path} cannot be read ({error.strerror or error}).") from None


def write_atomically(path: Path, blob: bytes) -> None:
    """Temp file in the same folder (0600), fsync, then replace: a crash leaves the old file or the new one."""
    folder = path.parent
    try:
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise SetupFileError(f"Cannot write in {folder} ({error.strerror or error}); choose another folder.") from None
    temp = Path(temp_name)
    try:  # mkstemp made it 0600: only this user can read the setup, encrypted as it is
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        _sync_folder(folder)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SetupFileError(f"The setup could not be saved to {path} ({error.strerror or error}).") from None


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform / file system lets a folder be fsynced
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
