"""Exit codes and the one-line failure message the chat commands share (`ask`, `search`, `export`)."""

from __future__ import annotations

import sys

EXIT_FAILED = 1
EXIT_QUEUED = 3  # `ask` offline: the question waits in the outbox


def fail(message: str) -> int:
    print(f"vector-desktop: {' '.join(message.split())}", file=sys.stderr, flush=True)
    return EXIT_FAILED
