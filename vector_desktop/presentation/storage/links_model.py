"""The presigned links the app issued for the bucket, as a table model."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from vector_desktop.domain.storage import IssuedLink
from vector_desktop.presentation.jobs_model import time_text
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel

LinkRole = Qt.ItemDataRole.UserRole + 7


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class LinkColumn(enum.IntEnum):
    KEY = 0
    CREATED = 1
    EXPIRES = 2
    STATUS = 3


_LINK_HEADERS = {
    LinkColumn.KEY: "File",
    LinkColumn.CREATED: "Created",
    LinkColumn.EXPIRES: "Expires",
    LinkColumn.STATUS: "Status",
}


class IssuedLinksModel(ColumnTableModel):
    """Every presigned link the app handed out for the bucket (newest first); expired ones say so."""

    COLUMNS = LinkColumn
    HEADERS = _LINK_HEADERS

    def __init__(self, clock: Callable[[], datetime] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._links: list[IssuedLink] = []
        self._clock = clock or (lambda: datetime.now(UTC))

    def row_count(self) -> int:
        return len(self._links)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._links):
            return None
        link = self._links[index.row()]
        column = LinkColumn(index.column())
        if role == LinkRole:
            return link
        if role == Qt.ItemDataRole.DisplayRole:
            if column is LinkColumn.KEY:
                return link.key
            if column is LinkColumn.CREATED:
                return time_text(link.created)
            if column is LinkColumn.EXPIRES:
                return time_text(link.expires)
            if link.expired(self._clock()):
                return _tr("IssuedLinksModel", "Expired")
            return _tr("IssuedLinksModel", "Works until it expires")
        if role == Qt.ItemDataRole.ToolTipRole and column in (LinkColumn.CREATED, LinkColumn.EXPIRES):
            moment = link.created if column is LinkColumn.CREATED else link.expires
            return moment.astimezone().isoformat(timespec="seconds")
        return None

    def set_links(self, links: Sequence[IssuedLink]) -> None:
        self.beginResetModel()
        self._links = list(links)
        self.endResetModel()

    def links(self) -> list[IssuedLink]:
        return list(self._links)
