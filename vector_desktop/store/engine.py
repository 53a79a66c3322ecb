"""Opening the local SQLite store safely.

Rules: a corrupt or unreadable file is moved aside (never deleted) and a fresh store is made; a store from a newer
version of the app is not touched at all (StoreNewerError); an older store is backed up before it is migrated.
The integrity check (it reads the whole file) runs only when a previous run did not close the store or the file
changed since the last clean close (open_markers.py).

Opening uses the standard library's sqlite3 only. SQLAlchemy (~150 ms to import) is loaded when the first session is
made (StoreSessions), so a command can read the row it needs with sqlite3 (`OpenedStore.plain`) and start its real
work while SQLAlchemy loads on another thread (store/deferred_database_repository.py).
"""

from __future__ import annotations

import gc
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.errors import ProfileNotWritableError, StoreError, StoreNewerError
from vector_desktop.store import open_markers, schema
from vector_desktop.store.deferred import Once

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class StoreSessions:
    """Stands for the store's sessionmaker (called for a session, `begin()`, `kw["bind"]`): the engine is made, and
    SQLAlchemy imported, at the first use, once, whichever thread comes first (the others wait for it). Loading
    makes ~75k objects that live as long as the process: the cyclic collector is paused meanwhile (it would go over
    them again and again for nothing), and `loaded_hooks` run after (a command freezes them as it froze its
    start-up's: app.StartUpObjectsFrozen). `before_load` runs first, in the lock (the GUI imports every table
    module there: SQLAlchemy configures all mappers at the first query, and a table module half-imported on another
    thread at that moment would make it fail)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.loaded_hooks: list[Callable[[], None]] = []
        self.before_load: list[Callable[[], None]] = []
        self._made: Once[sessionmaker[Session]] = Once(self._load)

    @property
    def loaded(self) -> bool:
        return self._made.done

    def get(self) -> sessionmaker[Session]:
        return self._made.get()

    def _load(self) -> sessionmaker[Session]:
        collecting = gc.isenabled()
        gc.disable()
        try:
            for step in self.before_load:
                step()
            from sqlalchemy.orm import sessionmaker

            made = sessionmaker(make_engine(self.path), expire_on_commit=False)
        finally:
            if collecting:
                gc.enable()
        for hook in self.loaded_hooks:
            hook()
        return made

    def __call__(self, **kwargs: Any) -> Session:
        return self.get()(**kwargs)

    def begin(self) -> AbstractContextManager[Session]:
        return self.get().begin()

    @property
    def kw(self) -> dict[str, Any]:
        return self.get().kw


@dataclass
class OpenedStore:
    path: Path
    moved_aside: Path | None = None
    backup: Path | None = None
    marker: open_markers.OpenMarker | None = field(default=None, repr=False)
    loader: StoreSessions = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.loader = StoreSessions(self.path)

    @property
    def sessions(self) -> sessionmaker[Session]:
        """The store's sessionmaker (made at the first session: see StoreSessions)."""
        return cast("sessionmaker[Session]", self.loader)

    @property
    def engine(self) -> Engine:
        return cast("Engine", self.loader.kw["bind"])

    def plain(self) -> sqlite3.Connection:
        """A read-only connection of the standard library's sqlite3, for a read made before SQLAlchemy is loaded.
        The caller closes it."""
        return plain_connection(self.path)

    @property
    def notice(self) -> str:
        """What the user must be told about how the store was opened ('' when nothing happened)."""
        if self.moved_aside is not None:
            return (
                f"Your local data file could not be read, so it was kept aside as {self.moved_aside} and a new "
                "one was started. Nothing was deleted."
            )
        return ""

    def dispose(self) -> None:
        if self.loader.loaded:
            self.engine.dispose()
        if self.marker is not None:
            self.marker.close(clean=True)
            self.marker = None


def _set_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def plain_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)  # the timeout is SQLite's busy timeout
    connection.execute("PRAGMA query_only=ON")
    return connection


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 5})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def move_aside(path: Path, reason: str) -> Path:
    """Rename the store and its WAL/SHM companions; returns the new name of the main file."""
    target = path.with_name(f"{path.name}.{reason}-{_timestamp()}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{_timestamp()}-{n}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    path.rename(target)
    log.warning("store %s moved aside to %s (%s)", path, target, reason)
    return target


def read_revision(path: Path, *, integrity_check: bool = True) -> str | None:
    """The store's schema revision, or None for a new/empty file. Raises sqlite3.DatabaseError when corrupt (with
    `integrity_check`, also when a page anywhere in the file is damaged)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise sqlite3.DatabaseError("file is not a database")
    uri = f"file:{path}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise sqlite3.DatabaseError("file is not a Vector Desktop store")
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if integrity_check:
            status = connection.execute("PRAGMA quick_check(1)").fetchone()
            if status is None or status[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {status[0] if status else 'no answer'}")
        return row[0] if row else None
    finally:
        connection.close()


def backup_store(path: Path, backup_dir: Path, revision: str | None) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"{path.stem}-{revision or 'none'}-{_timestamp()}.sqlite3"
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_store(path: Path, backup_dir: Path) -> OpenedStore:
    """Open (creating or migrating as needed) the store at `path`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ProfileNotWritableError(f"Cannot create the data folder {path.parent}: {error.strerror}.") from None
    if not os.access(path.parent, os.W_OK):
        raise ProfileNotWritableError(
            f"The data folder {path.parent} is read-only; Vector Desktop needs to write there."
        )
    check = open_markers.decide(path)
    if check.needed and path.exists():
        log.info("checking the store's integrity: %s", check.reason)
    moved: Path | None = None
    try:
        revision = read_revision(path, integrity_check=check.needed)
    except sqlite3.OperationalError as error:
        if "unable to open" in str(error) or "readonly" in str(error):
            raise ProfileNotWritableError(f"Cannot read the data file {path}: {error}.") from None
        moved = move_aside(path, "unreadable")
        revision = None
    except sqlite3.DatabaseError:
        moved = move_aside(path, "corrupt")
        revision = None
    except PermissionError as error:
        raise ProfileNotWritableError(f"Cannot read the data file {path}: {error.strerror}.") from None
    if revision is not None and revision not in schema.known_revisions():
        raise StoreNewerError(
            f"The data file {path} was written by a newer version of Vector Desktop (schema {revision}). "
            "It was not changed. Update the app, or start with another --profile."
        )
    backup: Path | None = None
    marker: open_markers.OpenMarker | None = None
    opened = False
    try:
        marker = open_markers.OpenMarker.create(path)
        open_markers.remove_stale(check.stale_markers)
        if moved is not None:
            open_markers.forget_clean_close(path)
        if revision is None:
            schema.create(path)
        elif revision != schema.HEAD:
            backup = backup_store(path, backup_dir, revision)
            schema.upgrade(path)
        _check_usable(path)
        opened = True
    except sqlite3.OperationalError as error:
        raise _io_problem(path, error) from None
    except OSError as error:
        raise _io_problem(path, error) from None
    except Exception as error:
        cause = getattr(error, "orig", None)
        if isinstance(cause, sqlite3.OperationalError):
            raise _io_problem(path, cause) from None
        raise
    finally:
        if not opened and marker is not None:  # not opened: this run leaves nothing to check
            marker.close(clean=False)
    return OpenedStore(path, moved, backup, marker)


def _check_usable(path: Path) -> None:
    """Connect as the engine will (its pragmas: WAL, foreign keys), so a store that cannot be used fails here, with a
    message, rather than at the first session."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        _set_pragmas(connection, None)
        connection.execute("SELECT 1")
    finally:
        connection.close()


def _io_problem(path: Path, error: BaseException) -> StoreError:
    text = str(error)
    if "full" in text or "too large" in text.lower() or getattr(error, "errno", None) in (27, 28):
        return ProfileNotWritableError(f"The disk holding {path.parent} is full; free some space and start again.")
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return ProfileNotWritableError(
            f"The data folder {path.parent} is read-only; Vector Desktop needs to write there."
        )
    if "disk I/O error" in text:
        return ProfileNotWritableError(
            f"Cannot write the data file {path} (disk I/O error). Check that the disk has free space and is writable."
        )
    return StoreError(f"Cannot open the data file {path}: {text}")
