"""Logging to a rotating file in the profile's log folder (and stderr for warnings)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(
    log_file: Path, level: str = "INFO", filters: list[logging.Filter] | None = None, *, stderr: bool = True
) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    # These log call arguments and results (tokens, codes, a secret handed to an executor) at DEBUG.
    for chatty in ("qasync", "oauthlib", "requests_oauthlib", "urllib3"):
        logging.getLogger(chatty).setLevel(max(logging.INFO, root.level))
    for handler in list(root.handlers):
        if getattr(handler, "_vector", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8", delay=True
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    handlers: list[logging.Handler] = [file_handler]
    if stderr:
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("vector-desktop: %(levelname)s %(message)s"))
        handlers.append(console)
    for handler in handlers:
        handler._vector = True  # type: ignore[attr-defined]
        for log_filter in filters or []:
            handler.addFilter(log_filter)
        root.addHandler(handler)
