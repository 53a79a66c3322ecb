"""Painting of transcript rows and search hits.

A transcript row: role header with a status chip, the message rendered from markdown (QTextDocument, drawn
directly, no widget per row), tool calls, the error, tokens and cost, and action buttons shown for the hovered or
selected row. Code blocks get a Copy button. Clicks are hit-tested in editorEvent. Sizes are cached per
(message id, width) and kept while the row's revision is unchanged, so a relayout of a long transcript only
measures rows that changed.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)

from vector_desktop.domain.chat import Message, MessageStatus, Role
from vector_desktop.presentation.chat_models import MessageAction, MessageRoles
from vector_desktop.presentation.markdown_render import MarkdownRenderer, RenderColors, RenderedMessage
from vector_desktop.views.chat_tool_rows import paint_spinner, paint_tool_marker, tool_action_labels

AnyIndex = QModelIndex | QPersistentModelIndex
MARGIN_X = 14
MARGIN_Y = 8
SPACING = 4
BUTTON_PAD_X = 10
MIN_BODY_WIDTH = 60
_CHIP_COLORS = {
    MessageStatus.STREAMING.value: ("#2563eb", "#ffffff"),
    MessageStatus.QUEUED.value: ("#b45309", "#ffffff"),
    MessageStatus.INTERRUPTED.value: ("#c2410c", "#ffffff"),
    MessageStatus.FAILED.value: ("#c62828", "#ffffff"),
    MessageStatus.CANCELLED.value: ("#6b7280", "#ffffff"),
    MessageStatus.COMPLETE.value: ("#2e7d32", "#ffffff"),  # a tool row that ran
}
ERROR_COLOR = "#c62828"


@dataclass
class RowLayout:
    height: int
    header: QRect
    chip: QRect
    body_origin: QPointF
    body: RenderedMessage | None
    error: QRect
    footer: QRect
    actions: list[tuple[MessageAction, QRect]] = field(default_factory=list)
    code_buttons: list[tuple[QRect, str]] = field(default_factory=list)

    def translated(self, dx: int, dy: int) -> RowLayout:
        return RowLayout(
            self.height,
            self.header.translated(dx, dy),
            self.chip.translated(dx, dy),
            self.body_origin + QPointF(dx, dy),
            self.body,
            self.error.translated(dx, dy),
            self.footer.translated(dx, dy),
            [(action, rect.translated(dx, dy)) for action, rect in self.actions],
            [(rect.translated(dx, dy), code) for rect, code in self.code_buttons],
        )


class MessageDelegate(QStyledItemDelegate):
    action_triggered = Signal(str, int)  # MessageAction value, message id
    tool_row_toggled = Signal(int)  # a tool row's header was clicked: show or fold its arguments and result
    code_copy_requested = Signal(str)
    link_activated = Signal(str)

    def __init__(self, renderer: MarkdownRenderer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer or MarkdownRenderer()
        self._sizes: dict[tuple[int, int], tuple[int, int]] = {}  # (id, width) -> (revision, height)
        # id -> ((width, revision, actions), layout at 0,0): painting reuses what measuring found
        self._layouts: OrderedDict[int, tuple[tuple[Any, ...], RowLayout]] = OrderedDict()
        self._style_key: tuple[QFont, int] | None = None
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.action_labels = {
            MessageAction.COPY: self.tr("Copy"),
            MessageAction.REGENERATE: self.tr("Regenerate"),
            MessageAction.EDIT: self.tr("Edit"),
            MessageAction.CONTINUE: self.tr("Continue"),
            MessageAction.RETRY: self.tr("Retry"),
            MessageAction.ANSWER_LOCALLY: self.tr("Answer on device"),
            **tool_action_labels(),
        }
        self.copy_code_label = self.tr("Copy code")
        self.empty_answer_text = self.tr("…")

    # ---------------------------------------------------------------------------------------------- measuring

    def _configure(self, option: QStyleOptionViewItem) -> None:
        base = option.palette.color(QPalette.ColorRole.Base).rgba()
        key = self._style_key
        if key is None or key[1] != base or key[0] != option.font:
            self._style_key = (QFont(option.font), base)
            self.renderer.configure(option.font, RenderColors.from_palette(option.palette), self._mono)
            self._sizes.clear()
            self._layouts.clear()

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        widget = option.widget
        if isinstance(widget, QAbstractItemView):
            width = widget.viewport().width()
            bar = widget.verticalScrollBar()
            if not bar.isVisible() and widget.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                # Keep the scroll bar's room: rows keep their width when it appears, so a long answer growing past
                # the window's height is not laid out again from its first line (tens of ms).
                width -= bar.sizeHint().width()
            return max(width, 1)
        return max(option.rect.width(), 1)

    def _button_size(self, metrics: QFontMetrics, text: str) -> QSize:
        return QSize(metrics.horizontalAdvance(text) + 2 * BUTTON_PAD_X, metrics.height() + 8)

    def layout(self, option: QStyleOptionViewItem, index: AnyIndex, top_left: tuple[int, int] = (0, 0)) -> RowLayout:
        """Where everything of a row goes, for painting and hit-testing (`top_left`: the row's corner). Measured
        once per (width, revision, actions) of a row: a paint after a size hint costs no second measurement."""
        self._configure(option)
        message: Message = index.data(MessageRoles.MESSAGE)
        width = self._width(option)
        actions = tuple(index.data(MessageRoles.ACTIONS) or ())
        key = (width, int(index.data(MessageRoles.REVISION) or 0), actions)
        cached = self._layouts.get(message.id)
        if cached is not None and cached[0] == key:
            self._layouts.move_to_end(message.id)
            layout = cached[1]
        else:
            layout = self._measure(option, index, message, width, actions)
            self._layouts[message.id] = (key, layout)
            while len(self._layouts) > self.renderer.capacity:
                self._layouts.popitem(last=False)
        return layout.translated(*top_left) if top_left != (0, 0) else layout

    def _measure(
        self,
        option: QStyleOptionViewItem,
        index: AnyIndex,
        message: Message,
        width: int,
        row_actions: tuple[MessageAction, ...],
    ) -> RowLayout:
        left, top = 0, 0
        metrics = QFontMetrics(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        inner_width = max(width - 2 * MARGIN_X, MIN_BODY_WIDTH)
        x = left + MARGIN_X
        y = top + MARGIN_Y

        button_height = metrics.height() + 8
        tool_row = message.role is Role.TOOL  # compact: its buttons sit on the header line, no footer
        header = QRect(x, y, inner_width, max(bold_metrics.height(), button_height if tool_row else 0))
        chip_text = str(index.data(MessageRoles.STATUS_TEXT) or "")
        chip = QRect()
        if chip_text:
            chip_width = metrics.horizontalAdvance(chip_text) + 14
            chip_top = y + (header.height() - bold_metrics.height()) // 2
            chip = QRect(x + inner_width - chip_width, chip_top, chip_width, bold_metrics.height())
        y += header.height() + SPACING

        text = str(index.data(MessageRoles.BODY) or "")
        folded_tool = message.role is Role.TOOL and not text
        body: RenderedMessage | None = None
        if folded_tool:
            body_height = -SPACING
        elif text.strip():
            body = self.renderer.render(message.id, text, final=message.status is not MessageStatus.STREAMING)
            body.set_width(inner_width)
            body_height = int(body.height() + 0.999)
        else:
            body_height = metrics.height()
        body_origin = QPointF(x, y)
        code_buttons: list[tuple[QRect, str]] = []
        if body is not None:
            size = self._button_size(metrics, self.copy_code_label)
            for hit in body.code_blocks():
                block = hit.rect.translated(body_origin)
                button = QRect(int(block.right()) - size.width() - 4, int(block.top()) + 3, size.width(), size.height())
                code_buttons.append((button, hit.code))
        y += body_height + SPACING

        error_text = str(index.data(MessageRoles.ERROR) or "")
        error = QRect()
        if error_text:
            bound = metrics.boundingRect(QRect(0, 0, inner_width, 100_000), Qt.TextFlag.TextWordWrap, error_text)
            error = QRect(x, y, inner_width, bound.height())
            y += error.height() + SPACING

        footer = QRect(x, y, inner_width, 0 if tool_row else max(button_height, metrics.height()))
        actions: list[tuple[MessageAction, QRect]] = []
        right, top_of_buttons = footer.right(), footer.top()
        if tool_row:  # left of the chip and of the spinner's place
            right, top_of_buttons = header.right() - chip.width() - 8 - (chip.height() + 6), header.top()
        for action in reversed(row_actions):
            size = self._button_size(metrics, self.action_labels[action])
            rect = QRect(right - size.width() + 1, top_of_buttons, size.width(), size.height())
            actions.insert(0, (action, rect))
            right = rect.left() - 6
        y += footer.height() + MARGIN_Y - (SPACING if tool_row else 0)
        return RowLayout(y - top, header, chip, body_origin, body, error, footer, actions, code_buttons)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        message_id = index.data(MessageRoles.ID)
        if message_id is None:
            return super().sizeHint(option, index)
        width = self._width(option)
        revision = int(index.data(MessageRoles.REVISION) or 0)
        self._configure(option)
        cached = self._sizes.get((message_id, width))
        if cached is not None and cached[0] == revision:
            return QSize(width, cached[1])
        height = self.layout(option, index).height
        self._sizes[(message_id, width)] = (revision, height)
        return QSize(width, height)

    def forget(self, message_id: int) -> None:
        for key in [k for k in self._sizes if k[0] == message_id]:
            del self._sizes[key]
        self._layouts.pop(message_id, None)
        self.renderer.forget(message_id)

    def clear_caches(self) -> None:
        self._sizes.clear()
        self._layouts.clear()
        self.renderer.clear()

    # ---------------------------------------------------------------------------------------------- painting

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        message = index.data(MessageRoles.MESSAGE)
        if not isinstance(message, Message):
            super().paint(painter, option, index)
            return
        rect = option.rect
        layout = self.layout(option, index, (rect.left(), rect.top()))
        if layout.height != rect.height():
            self._sizes.pop((message.id, self._width(option)), None)
            self.sizeHintChanged.emit(
                index.sibling(index.row(), index.column())
            )  # the view lays the rows out again (delayed)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        visible = QRectF(rect)
        if isinstance(option.widget, QAbstractItemView):
            visible = visible.intersected(QRectF(option.widget.viewport().rect()))
        if painter.hasClipping():  # the part of the viewport being repainted
            visible = visible.intersected(painter.clipBoundingRect())
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        background = palette.color(
            QPalette.ColorRole.AlternateBase if message.role is Role.USER else QPalette.ColorRole.Base
        )
        painter.fillRect(rect, background)
        if selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(40)
            painter.fillRect(rect, highlight)
        if message.role is Role.TOOL:
            paint_tool_marker(painter, rect, palette)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        running_tool = message.role is Role.TOOL and message.status is MessageStatus.STREAMING
        reserved = (layout.chip.width() + 8 if layout.chip.isValid() else 0) + (layout.chip.height() + 6) * running_tool
        if message.role is Role.TOOL and layout.actions:
            reserved = layout.header.right() - layout.actions[0][1].left() + 8
        header_rect = layout.header.adjusted(0, 0, -reserved, 0)
        header = str(index.data(MessageRoles.HEADER) or "")
        header = QFontMetrics(bold).elidedText(header, Qt.TextElideMode.ElideRight, max(header_rect.width(), 0))
        painter.drawText(header_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), header)
        painter.setFont(option.font)
        if layout.chip.isValid():
            self._paint_chip(painter, layout.chip, message.status.value, str(index.data(MessageRoles.STATUS_TEXT)))
        if running_tool:
            paint_spinner(painter, layout.chip, palette)
        if layout.body is not None:
            layout.body.draw(painter, layout.body_origin, visible, palette)  # only what can be seen
        elif message.role is not Role.TOOL:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(layout.body_origin, QPointF(layout.header.right(), layout.body_origin.y() + 40)),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                self.empty_answer_text,
            )
        widget = option.widget
        for button, _code in layout.code_buttons:
            self._paint_button(painter, button, self.copy_code_label, option, widget)
        if layout.error.isValid():
            painter.setPen(QColor(ERROR_COLOR))
            painter.drawText(layout.error, int(Qt.TextFlag.TextWordWrap), str(index.data(MessageRoles.ERROR)))
        usage = str(index.data(MessageRoles.USAGE_TEXT) or "")
        if usage:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(layout.footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), usage)
        if hovered or selected:
            for action, button in layout.actions:
                self._paint_button(painter, button, self.action_labels[action], option, widget)
        painter.restore()

    @staticmethod
    def _paint_chip(painter: QPainter, rect: QRect, status: str, text: str) -> None:
        fill, ink = _CHIP_COLORS.get(status, ("#6b7280", "#ffffff"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(QRectF(rect), rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor(ink))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    @staticmethod
    def _paint_button(
        painter: QPainter, rect: QRect, text: str, option: QStyleOptionViewItem, widget: QWidget | None
    ) -> None:
        button = QStyleOptionButton()
        button.rect = rect
        button.text = text
        button.palette = option.palette
        button.fontMetrics = option.fontMetrics
        button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, widget)

    # ---------------------------------------------------------------------------------------------- clicks

    def hit(self, option: QStyleOptionViewItem, index: AnyIndex, point: QPointF) -> tuple[str, object] | None:
        """What is under `point` (view coordinates): ("action", MessageAction), ("code", text), ("link", url)."""
        rect = option.rect
        layout = self.layout(option, index, (rect.left(), rect.top()))
        at = point.toPoint()
        for action, button in layout.actions:
            if button.contains(at):
                return ("action", action)
        for button, code in layout.code_buttons:
            if button.contains(at):
                return ("code", code)
        if index.data(MessageRoles.ROLE) == Role.TOOL.value and layout.header.contains(at):
            return ("tool", None)
        if layout.body is not None:
            anchor = layout.body.anchor_at(point - layout.body_origin)
            if anchor:
                return ("link", anchor)
        return None

    def editorEvent(self, event: QEvent, model: object, option: QStyleOptionViewItem, index: AnyIndex) -> bool:
        if event.type() != QEvent.Type.MouseButtonRelease or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        message_id = index.data(MessageRoles.ID)
        found = self.hit(option, index, event.position())
        if found is None or message_id is None:
            return False
        kind, value = found
        if kind == "action":
            self.action_triggered.emit(str(value), int(message_id))
        elif kind == "code":
            self.code_copy_requested.emit(str(value))
        elif kind == "tool":
            self.tool_row_toggled.emit(int(message_id))
        else:
            self.link_activated.emit(str(value))
        return True
