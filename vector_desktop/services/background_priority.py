"""Let bulk transfer threads yield the CPU to the GUI thread.

On Linux every thread has its own nice value (setpriority on its thread id), so a worker thread can step back
without touching the rest of the process. Elsewhere this does nothing: the transfer still works, at normal priority.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

BACKGROUND_NICE = 10


def lower_current_thread_priority(nice: int = BACKGROUND_NICE) -> bool:
    """Raise this thread's nice value to at least `nice`; True when it is now that low."""
    if not sys.platform.startswith("linux"):
        return False
    thread_id = threading.get_native_id()
    with contextlib.suppress(OSError):
        if os.getpriority(os.PRIO_PROCESS, thread_id) < nice:
            os.setpriority(os.PRIO_PROCESS, thread_id, nice)
        return True
    return False
