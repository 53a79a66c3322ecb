"""The local backend: a folder in the profile, used when R2 is not configured (or when chosen).

Keys map to paths under the root only after validate_key's strict rules; the resolved path must still lie inside
the root (a symlink cannot lead out). Writes go through a temp file in the root's staging folder and a rename.
ETags here are "<mtime_ns hex>-<size hex>", not content hashes: listing never reads file contents.
There are no URLs: a "link" is the file's file:// URI.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from vector_desktop.domain.storage import (
    RESERVED_LOCAL_NAMES,
    AccessDenied,
    BackendKind,
    CancelToken,
    InvalidKey,
    ListPage,
    ObjectExists,
    ObjectMissing,
    ProgressCallback,
    StorageError,
    StorageObject,
    validate_key,
)
from vector_desktop.services.storage.storage_files import ensure_free_space, os_error, read_chunks, write_atomically
from vector_desktop.services.storage.upload_parts import guess_content_type

STAGING = ".vector-partial"


class LocalBackend:
    kind = BackendKind.LOCAL

    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser().absolute()

    def __repr__(self) -> str:
        return f"LocalBackend({str(self.root)!r})"

    @property
    def backend_id(self) -> str:
        return f"local:{self.root}"

    def describe(self) -> str:
        return f"Local folder: {self.root}"

    def _root(self) -> Path:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise os_error(error, "create the storage folder", self.root) from None
        return self.root.resolve()

    def _staging(self) -> Path:
        staging = self._root() / STAGING
        try:
            staging.mkdir(exist_ok=True)
        except OSError as error:
            raise os_error(error, "write to", self.root) from None
        return staging

    def check_key(self, key: str, *, folder: bool = False) -> str:
        key = validate_key(key, folder=folder, strict=True)
        if key.split("/", 1)[0] in RESERVED_LOCAL_NAMES:
            raise InvalidKey(f"'{STAGING}' is reserved for files being written.")
        return key

    def path_for(self, key: str, *, folder: bool = False) -> Path:
        """The file-system path of `key`; raises InvalidKey for any key that could leave the root."""
        key = self.check_key(key, folder=folder)
        root = self._root()
        path = root.joinpath(*key.rstrip("/").split("/"))
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            raise InvalidKey("The name cannot be resolved inside the storage folder.") from None
        if real != root and not real.is_relative_to(root):
            raise InvalidKey("The name points outside the storage folder.")
        return path

    def _key_of(self, path: Path, root: Path) -> str:
        return path.relative_to(root).as_posix()

    def _object(self, key: str, path: Path) -> StorageObject:
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise ObjectMissing(f"There is no file named '{key}' in {self.root}.") from None
        except OSError as error:
            raise os_error(error, "read", path) from None
        modified = datetime.fromtimestamp(stat.st_mtime, UTC)
        if path.is_dir():
            return StorageObject(key=key if key.endswith("/") else key + "/", modified=modified, is_folder=True)
        return StorageObject(
            key=key,
            size=stat.st_size,
            modified=modified,
            etag=f"{stat.st_mtime_ns:x}-{stat.st_size:x}",
            content_type=guess_content_type(key),
        )

    def test_connection(self) -> str:
        root = self._root()
        if not os.access(root, os.W_OK):
            raise AccessDenied(f"The storage folder {root} is not writable.")
        return f"Using the local folder {root}."

    # Listing and metadata

    def list_page(self, prefix: str = "", token: str | None = None, page_size: int = 1000) -> ListPage:
        root = self._root()
        folder_part = prefix[: prefix.rfind("/") + 1]
        name_start = prefix[len(folder_part) :]
        if folder_part:
            folder = self.path_for(folder_part, folder=True)
        else:
            if name_start:
                self.check_key(prefix)
            folder = root
        # Names come cheaply from scandir; keys are checked and files stat'ed only for the page returned, so the
        # first page of a 10k-file folder costs a sort, not 10k stats.
        candidates: list[tuple[bytes, str, str, bool]] = []  # (S3 sort key, key, path, is folder)
        try:
            with os.scandir(folder) as scan:
                for entry in scan:
                    name = entry.name
                    if not name.startswith(name_start) or (folder == root and name in RESERVED_LOCAL_NAMES):
                        continue
                    key = folder_part + name
                    if entry.is_dir(follow_symlinks=False):
                        candidates.append(((key + "/").encode(), key, entry.path, True))
                    elif entry.is_file(follow_symlinks=False):
                        candidates.append((key.encode(), key, entry.path, False))
        except (FileNotFoundError, NotADirectoryError):
            return ListPage()
        except OSError as error:
            raise os_error(error, "list", folder) from None
        candidates.sort(key=lambda item: item[0])  # S3 order: by UTF-8 bytes
        index = bisect.bisect_right(candidates, token.encode(), key=lambda item: item[0]) if token else 0
        objects: list[StorageObject] = []
        folders: list[str] = []
        last: bytes | None = None
        wanted = max(1, page_size)
        while index < len(candidates) and len(objects) + len(folders) < wanted:
            sort_key, key, path, is_folder = candidates[index]
            index += 1
            try:
                validate_key(key, strict=True)
            except InvalidKey:
                continue  # made outside the app with a name the app cannot address
            if is_folder:
                folders.append(key + "/")
            else:
                objects.append(self._object(key, Path(path)))
            last = sort_key
        next_token = last.decode() if last is not None and index < len(candidates) else None
        return ListPage(tuple(objects), tuple(folders), next_token)

    def list_all(self, prefix: str = "") -> list[StorageObject]:
        root = self._root()
        start = self.path_for(prefix, folder=True) if prefix else root
        found: list[StorageObject] = []
        for folder, dirs, files in os.walk(start):
            here = Path(folder)
            if here == root:
                dirs[:] = [d for d in dirs if d not in RESERVED_LOCAL_NAMES]
            for name in files:
                path = here / name
                if path.is_symlink():
                    continue
                key = self._key_of(path, root)
                with contextlib.suppress(InvalidKey):
                    validate_key(key, strict=True)
                    found.append(self._object(key, path))
        found.sort(key=lambda item: item.key.encode())
        return found

    def head(self, key: str) -> StorageObject:
        return self._object(key, self.path_for(key))

    def exists(self, key: str) -> bool:
        return self.path_for(key).exists()

    # Transfers

    def _target(self, key: str) -> Path:
        dest = self.path_for(key)
        if dest.is_dir():
            raise ObjectExists(f"A folder named '{key}' already exists.")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise ObjectExists(f"A file is in the way of the folder for '{key}'.") from None
        except NotADirectoryError:
            raise ObjectExists(f"A file is in the way of the folder for '{key}'.") from None
        except OSError as error:
            raise os_error(error, "create the folder for", key) from None
        return dest

    def upload_file(
        self,
        path: Path,
        key: str,
        *,
        content_type: str = "",
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> StorageObject:
        source = Path(path)
        if not source.is_file():
            raise StorageError(f"{source} is not a file.")
        dest = self._target(key)
        size = source.stat().st_size
        ensure_free_space(self.root, size)
        try:
            chunks = read_chunks(source)
            write_atomically(chunks, dest, total=size, progress=progress, cancel=cancel, temp_dir=self._staging())
        except OSError as error:  # reading the source
            raise os_error(error, "read", source) from None
        return self.head(key)

    def upload_bytes(self, data: bytes, key: str, *, content_type: str = "") -> StorageObject:
        dest = self._target(key)
        write_atomically([data], dest, total=len(data), temp_dir=self._staging())
        return self.head(key)

    def download_file(
        self,
        key: str,
        dest: Path,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        source = self.path_for(key)
        if not source.is_file():
            raise ObjectMissing(f"There is no file named '{key}' in {self.root}.")
        size = source.stat().st_size
        ensure_free_space(dest.parent, size)
        try:
            return write_atomically(read_chunks(source), dest, total=size, progress=progress, cancel=cancel)
        except OSError as error:
            raise os_error(error, "read", source) from None

    def read_bytes(self, key: str, limit: int | None = None) -> bytes:
        source = self.path_for(key)
        try:
            with open(source, "rb") as handle:
                return handle.read() if limit is None else handle.read(limit)
        except FileNotFoundError:
            raise ObjectMissing(f"There is no file named '{key}' in {self.root}.") from None
        except IsADirectoryError:
            raise StorageError(f"'{key}' is a folder.") from None
        except OSError as error:
            raise os_error(error, "read", source) from None

    # Changes

    def delete(self, key: str) -> None:
        path = self.path_for(key)
        try:
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
        except FileNotFoundError:
            raise ObjectMissing(f"There is no file named '{key}' in {self.root}.") from None
        except OSError as error:
            if error.errno == errno.ENOTEMPTY:
                raise StorageError(f"The folder '{key}' is not empty.") from None
            raise os_error(error, "delete", path) from None

    def delete_prefix(self, prefix: str) -> int:
        path = self.path_for(prefix, folder=True)
        if not path.is_dir():
            raise ObjectMissing(f"There is no folder named '{prefix}' in {self.root}.")
        count = sum(len(files) for _folder, _dirs, files in os.walk(path))
        try:
            shutil.rmtree(path)
        except OSError as error:
            raise os_error(error, "delete", path) from None
        return count

    def copy(self, source: str, dest: str) -> None:
        origin = self.path_for(source)
        if not origin.is_file():
            raise ObjectMissing(f"There is no file named '{source}' in {self.root}.")
        target = self._target(dest)
        write_atomically(read_chunks(origin), target, total=origin.stat().st_size, temp_dir=self._staging())

    def move(self, source: str, dest: str) -> None:
        folder = source.endswith("/")
        origin = self.path_for(source, folder=folder)
        target = self.path_for(dest, folder=folder)
        if not origin.exists():
            raise ObjectMissing(f"There is no file named '{source}' in {self.root}.")
        if target.exists() and (folder or target.is_dir()):
            raise ObjectExists(f"'{dest}' already exists.")
        if folder and target.resolve().is_relative_to(origin.resolve()):
            raise InvalidKey("A folder cannot be moved into itself.")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(origin, target)  # the service asked the user before overwriting a file
        except OSError as error:
            raise os_error(error, "rename", origin) from None

    def create_folder(self, prefix: str) -> None:
        path = self.path_for(prefix, folder=True)
        if path.exists() and not path.is_dir():
            raise ObjectExists(f"A file named '{prefix.rstrip('/')}' already exists.")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise os_error(error, "create", path) from None

    def link(self, key: str, expires_s: int) -> str:
        """The local backend has no URLs: the file's file:// URI (expires_s is ignored)."""
        path = self.path_for(key)
        if not path.exists():
            raise ObjectMissing(f"There is no file named '{key}' in {self.root}.")
        return path.as_uri()
