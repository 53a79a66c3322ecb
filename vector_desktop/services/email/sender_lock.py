"""One sender per profile across processes: the app's outbox worker and `vector-desktop email` never send (or
recover) the outbox at the same time. So a message is never sent by two processes at once, and a row that another
process is sending is never taken for one cut by a crash (`uncertain`).

An advisory lock (fcntl.flock) on a file in the profile; the system drops it when the process dies, kill -9 too.
Where fcntl does not exist (Windows) the lock is always granted: the GUI's single-instance lock still keeps two
apps apart, only a command line running beside the app is not kept out.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_FILE = "outbox.lock"


class SenderLock:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None
        self._guard = threading.Lock()

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if no other process holds it (never waits). True while this object holds it."""
        with self._guard:
            if self._fd is not None:
                return True
            try:
                import fcntl
            except ImportError:  # Windows: see the module's docstring
                self._fd = -1
                return True
            try:
                fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as error:
                log.warning("cannot open the outbox lock %s: %s", self._path, error.strerror)
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return False
            self._fd = fd
            return True

    def release(self) -> None:
        with self._guard:
            fd, self._fd = self._fd, None
        if fd is not None and fd >= 0:
            os.close(fd)  # closing the descriptor drops the flock
