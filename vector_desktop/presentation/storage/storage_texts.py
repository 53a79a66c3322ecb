"""Sentences the Storage panel's view-model shows: what failed, how long a link lasts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vector_desktop.domain.storage import (
    AccessDenied,
    BadCredentials,
    BucketMissing,
    EndpointUnreachable,
    StorageNotConfigured,
)

HOUR = 3600


def tr(text: str) -> str:
    return QCoreApplication.translate("StorageViewModel", text)


def problem_text(error: BaseException) -> str:
    """A storage failure as '<what failed>: <the service's sentence>'."""
    headlines: list[tuple[type[BaseException], str]] = [
        (EndpointUnreachable, "Endpoint unreachable"),
        (BadCredentials, "Bad credentials"),
        (BucketMissing, "Bucket missing"),
        (AccessDenied, "No permission"),
        (StorageNotConfigured, "Not configured"),
    ]
    for kind, headline in headlines:
        if isinstance(error, kind):
            return f"{tr(headline)}: {error}"
    return str(error)


def expiry_text(seconds: int) -> str:
    if seconds % (24 * HOUR) == 0:
        days = seconds // (24 * HOUR)
        return tr("1 day") if days == 1 else tr("%1 days").replace("%1", str(days))
    if seconds % HOUR == 0:
        hours = seconds // HOUR
        return tr("1 hour") if hours == 1 else tr("%1 hours").replace("%1", str(hours))
    minutes = max(1, round(seconds / 60))
    return tr("%1 min").replace("%1", str(minutes))
