"""Where everything of a transcript row goes (header, status chip, body, error, footer, buttons), measured once per
look of the row and used both to paint it and to hit-test clicks. Row coordinates: the row's corner is (0, 0)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics

from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.presentation.chat.chat_models import MessageAction, RowView
from vector_desktop.presentation.chat.markdown_render import MarkdownRenderer, RenderedMessage

MARGIN_X = 14
MARGIN_Y = 8
SPACING = 4
BUTTON_PAD_X = 10
MIN_BODY_WIDTH = 60


@dataclass(frozen=True)
class RowFonts:
    regular: QFontMetrics
    bold: QFontMetrics


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


def button_size(metrics: QFontMetrics, text: str) -> QSize:
    return QSize(metrics.horizontalAdvance(text) + 2 * BUTTON_PAD_X, metrics.height() + 8)


def measure_row(
    view: RowView,
    width: int,
    fonts: RowFonts,
    renderer: MarkdownRenderer,
    action_labels: Mapping[MessageAction, str],
    copy_code_label: str,
) -> RowLayout:
    """The layout of a row `width` pixels wide (its body rendered by `renderer`)."""
    message = view.message
    metrics, bold_metrics = fonts.regular, fonts.bold
    inner_width = max(width - 2 * MARGIN_X, MIN_BODY_WIDTH)
    x = MARGIN_X
    y = MARGIN_Y

    button_height = metrics.height() + 8
    tool_row = message.role is Role.TOOL  # compact: its buttons sit on the header line, no footer
    header = QRect(x, y, inner_width, max(bold_metrics.height(), button_height if tool_row else 0))
    chip = QRect()
    if view.status_text:
        chip_width = metrics.horizontalAdvance(view.status_text) + 14
        chip_top = y + (header.height() - bold_metrics.height()) // 2
        chip = QRect(x + inner_width - chip_width, chip_top, chip_width, bold_metrics.height())
    y += header.height() + SPACING

    text = view.body
    folded_tool = tool_row and not text
    body: RenderedMessage | None = None
    if folded_tool:
        body_height = -SPACING
    elif text.strip():
        body = renderer.render(message.id, text, final=message.status is not MessageStatus.STREAMING)
        body.set_width(inner_width)
        body_height = int(body.height() + 0.999)
    else:
        body_height = metrics.height()
    body_origin = QPointF(x, y)
    code_buttons: list[tuple[QRect, str]] = []
    if body is not None:
        size = button_size(metrics, copy_code_label)
        for hit in body.code_blocks():
            block = hit.rect.translated(body_origin)
            button = QRect(int(block.right()) - size.width() - 4, int(block.top()) + 3, size.width(), size.height())
            code_buttons.append((button, hit.code))
    y += body_height + SPACING

    error = QRect()
    if view.error:
        bound = metrics.boundingRect(QRect(0, 0, inner_width, 100_000), Qt.TextFlag.TextWordWrap, view.error)
        error = QRect(x, y, inner_width, bound.height())
        y += error.height() + SPACING

    footer = QRect(x, y, inner_width, 0 if tool_row else max(button_height, metrics.height()))
    actions: list[tuple[MessageAction, QRect]] = []
    right, top_of_buttons = footer.right(), footer.top()
    if tool_row:  # left of the chip and of the spinner's place
        right, top_of_buttons = header.right() - chip.width() - 8 - (chip.height() + 6), header.top()
    for action in reversed(view.actions):
        size = button_size(metrics, action_labels[action])
        rect = QRect(right - size.width() + 1, top_of_buttons, size.width(), size.height())
        actions.insert(0, (action, rect))
        right = rect.left() - 6
    y += footer.height() + MARGIN_Y - (SPACING if tool_row else 0)
    return RowLayout(y, header, chip, body_origin, body, error, footer, actions, code_buttons)
