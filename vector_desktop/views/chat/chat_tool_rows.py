"""Tool-call rows of the transcript: the spinner painted while a call runs (and the ticker that repaints only those
rows), and the labels of their Stop / Retry buttons."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView

from vector_desktop.domain.chat import Message, MessageStatus, Role
from vector_desktop.presentation.chat.chat_models import MessageAction, MessageListModel

SPIN_MS = 80
TURN_S = 1.0  # one turn of the spinner


def tool_action_labels() -> dict[MessageAction, str]:
    tr = QCoreApplication.translate
    return {
        MessageAction.STOP_TOOL: tr("MessageDelegate", "Stop"),
        MessageAction.RETRY_TOOL: tr("MessageDelegate", "Retry"),
    }


def spinner_rect(chip: QRect) -> QRect:
    size = chip.height() - 2
    return QRect(chip.left() - size - 6, chip.top() + 1, size, size)


def paint_spinner(painter: QPainter, chip: QRect, palette: QPalette) -> None:
    """A turning arc left of the status chip; its angle follows the clock, so each repaint moves it on."""
    if not chip.isValid():
        return
    angle = int((time.monotonic() % TURN_S) / TURN_S * 360 * 16)
    pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(spinner_rect(chip)).adjusted(1, 1, -1, -1), -angle, 270 * 16)
    painter.restore()


def paint_tool_marker(painter: QPainter, row: QRect, palette: QPalette) -> None:
    """A tool row's mark: a thin bar at its left, so calls stand apart from the answers around them."""
    color = palette.color(QPalette.ColorRole.PlaceholderText)
    painter.fillRect(QRect(row.left() + 6, row.top() + 4, 3, row.height() - 8), color)


def _running_tool(message: object) -> bool:
    return isinstance(message, Message) and message.role is Role.TOOL and message.status is MessageStatus.STREAMING


class SpinnerTicker(QObject):
    """Repaints the rows of running tool calls every SPIN_MS while there are any (nothing else is repainted)."""

    def __init__(self, view: QAbstractItemView, model: MessageListModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._running: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(SPIN_MS)
        self._timer.timeout.connect(self._tick)
        model.modelReset.connect(self._rescan)
        model.rowsInserted.connect(lambda _parent, first, last: self._scan(first, last))
        model.dataChanged.connect(lambda top, bottom, _roles=(): self._scan(top.row(), bottom.row()))
        model.rowsRemoved.connect(self._rescan)
        self._rescan()

    @property
    def running(self) -> set[int]:
        return set(self._running)

    def _rescan(self) -> None:
        self._running.clear()
        self._scan(0, self._model.rowCount() - 1)

    def _scan(self, first: int, last: int) -> None:
        for row in range(max(first, 0), min(last, self._model.rowCount() - 1) + 1):
            message = self._model.message_at(row)
            if message is None:
                continue
            if _running_tool(message):
                self._running.add(message.id)
            else:
                self._running.discard(message.id)
        if self._running and not self._timer.isActive():
            self._timer.start()
        elif not self._running:
            self._timer.stop()

    def _tick(self) -> None:
        viewport = self._view.viewport()
        for message_id in list(self._running):
            row = self._model.row_of(message_id)
            if row < 0:
                self._running.discard(message_id)
                continue
            rect = self._view.visualRect(self._model.index(row))
            if rect.intersects(viewport.rect()):
                viewport.update(rect)
        if not self._running:
            self._timer.stop()
