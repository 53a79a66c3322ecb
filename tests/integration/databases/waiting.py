"""Cancel a statement once the server shows it running (no sleeps guessed in advance)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def when(condition: Callable[[], bool], action: Callable[[], None], *, limit_s: float = 20.0) -> threading.Thread:
    """In a thread: poll `condition` (a query to the server) and run `action` once it holds. Gives up after
    `limit_s`, so a test that broke fails on its own assertion instead of hanging."""

    def watch() -> None:
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if condition():
                action()
                return
            time.sleep(0.02)

    thread = threading.Thread(target=watch, name="cancel-when-running", daemon=True)
    thread.start()
    return thread
