"""The CA file of a connection, checked before any driver sees it: a missing or unreadable file is the user's
setting to fix (ConnectionValidationError on the "ca_file" field), not a network failure."""

from __future__ import annotations

from pathlib import Path

from vector_desktop.domain.databases import ConnectionConfig, ConnectionValidationError


def ca_file_of(config: ConnectionConfig) -> str:
    """The configured CA file ("" when none), after checking that it can be read."""
    if not config.ca_file:
        return ""
    path = Path(config.ca_file).expanduser()
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConnectionValidationError(
            "ca_file", f"The CA file “{config.ca_file}” cannot be read ({reason})."
        ) from None
    return str(path)
