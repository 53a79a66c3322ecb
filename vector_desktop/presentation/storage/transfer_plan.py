"""Planning transfers on the local disk (blocking: walks the file system; run it on a worker thread): the keys of
the files to upload, the local places of the files to download."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vector_desktop.domain.storage import InvalidKey, validate_key
from vector_desktop.presentation.storage.storage_texts import tr
from vector_desktop.services.storage.storage_files import os_error


@dataclass
class UploadPlan:
    files: list[tuple[str, str]] = field(default_factory=list)  # (local path, key)
    empty_folders: list[str] = field(default_factory=list)  # keys ending with "/"
    skipped: list[str] = field(default_factory=list)  # sentences


def plan_uploads(paths: Iterable[str | Path], prefix: str) -> UploadPlan:
    """One key per file: `prefix` + the name (for a folder: its name and the path inside it, so the structure is
    kept). Symbolic links are not followed; names a key cannot hold are skipped with the reason."""
    plan = UploadPlan()

    def add(local: Path, key: str) -> None:
        try:
            plan.files.append((str(local), validate_key(key, strict=True)))
        except InvalidKey as error:
            plan.skipped.append(f"{local}: {error}")

    for raw in paths:
        path = Path(raw)
        if path.is_symlink() and path.is_dir():
            plan.skipped.append(tr("%1: links to folders are not uploaded.").replace("%1", str(path)))
        elif path.is_dir():
            base = path.parent
            for folder, dirs, files in os.walk(path):
                here = Path(folder)
                dirs.sort()
                regular = sorted(name for name in files if (here / name).is_file())
                for name in regular:
                    add(here / name, prefix + (here / name).relative_to(base).as_posix())
                if not regular and not dirs:
                    key = prefix + here.relative_to(base).as_posix() + "/"
                    try:
                        plan.empty_folders.append(validate_key(key, folder=True, strict=True))
                    except InvalidKey as error:
                        plan.skipped.append(f"{here}: {error}")
        elif path.is_file():
            add(path, prefix + path.name)
        else:
            plan.skipped.append(tr("%1 does not exist.").replace("%1", str(path)))
    return plan


def folder_name(prefix: str) -> str:
    return prefix.rstrip("/").rsplit("/", 1)[-1]


def local_target(dest: Path, relative_key: str, skipped: list[str]) -> list[Path]:
    """[dest/relative_key] when that key is a safe relative path (a bucket may hold "../x"); else [] and a reason."""
    try:
        validate_key(relative_key, strict=True)
    except InvalidKey as error:
        skipped.append(f"{relative_key}: {error}")
        return []
    return [dest.joinpath(*relative_key.split("/"))]


def make_folders(folders: Iterable[Path]) -> None:
    for folder in dict.fromkeys(folders):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise os_error(error, "create the folder", folder) from None
