"""Dates as lists show them, shared by every panel."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimeText", text)


def relative_time_text(moment: datetime | None, now: datetime | None = None) -> str:
    """A short date for lists: "Today 14:03", "Yesterday 09:10", "Monday", or the date ("12/03/2025")."""
    if moment is None:
        return ""
    locale = QLocale()
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    today = (
        QDateTime.fromMSecsSinceEpoch(int(now.timestamp() * 1000)) if now is not None else QDateTime.currentDateTime()
    ).date()
    day = local.date()
    clock = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    days = day.daysTo(today)
    if days == 0:
        return _tr("Today %1").replace("%1", clock)
    if days == 1:
        return _tr("Yesterday %1").replace("%1", clock)
    if 1 < days < 7:
        return locale.dayName(day.dayOfWeek(), QLocale.FormatType.LongFormat)
    return locale.toString(day, QLocale.FormatType.ShortFormat)
