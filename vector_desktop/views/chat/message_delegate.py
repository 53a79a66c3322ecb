"""Painting of transcript rows and search hits.

A transcript row: role header with a status chip, the message rendered from markdown (QTextDocument, drawn
directly, no widget per row), tool calls, the error, tokens and cost, and action buttons shown for the hovered or
selected row. Code blocks get a Copy button. Clicks are hit-tested in editorEvent. Sizes are cached per
(message id, width) and kept while the row's revision is unchanged, so a relayout of a long transcript only
measures rows that changed. Layouts (with their rendered documents) and pixmaps are kept for the rows on screen
and a few screens' worth of others (row_cache.py), not for every row scrolled past.
"""

from __future__ import annotations

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
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QMouseEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.presentation.chat.chat_models import MessageAction, MessageRoles, RowView
from vector_desktop.presentation.chat.markdown_render import MarkdownRenderer, RenderColors
from vector_desktop.views.chat.chat_tool_rows import paint_spinner, paint_tool_marker, tool_action_labels
from vector_desktop.views.chat.message_layout import RowFonts, RowLayout, measure_row
from vector_desktop.views.chat.message_texts import RowTexts, row_texts
from vector_desktop.views.chat.row_cache import RowCache, RowHeights
from vector_desktop.views.chat.row_parts import paint_button, paint_chip
from vector_desktop.views.chat.row_pixmaps import MAX_HEIGHT as MAX_PIXMAP_HEIGHT
from vector_desktop.views.chat.row_pixmaps import RowPixmaps

AnyIndex = QModelIndex | QPersistentModelIndex
ERROR_COLOR = "#c62828"
# Layouts kept: rows this many viewports tall, and at least MIN_LAYOUT_BUDGET pixels of rows, so that a page of
# older messages (measured when it comes in at the top) is still measured when scrolled through; the rows on screen
# are always kept. A layout is ~0.5 kB per pixel of its height (mostly its laid-out document).
LAYOUT_SCREENS = 4
MIN_LAYOUT_BUDGET = 8000
_CHANGES_WIDTH_OR_LOOK = frozenset(
    {
        QEvent.Type.Resize,
        QEvent.Type.Show,
        QEvent.Type.Hide,
        QEvent.Type.PaletteChange,
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
    }
)


class MessageDelegate(QStyledItemDelegate):
    action_triggered = Signal(str, int)  # MessageAction value, message id
    tool_row_toggled = Signal(int)  # a tool row's header was clicked: show or fold its arguments and result
    code_copy_requested = Signal(str)
    link_activated = Signal(str)

    def __init__(self, renderer: MarkdownRenderer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer or MarkdownRenderer()
        self._sizes = RowHeights()
        # id -> layout at 0,0 for (width, revision, actions), weighed by its height: painting reuses what measuring
        # found; a row dropped from here drops its rendered document and texts too
        self._layouts: RowCache[RowLayout] = RowCache(MIN_LAYOUT_BUDGET, on_evict=self._drop_row)
        # id -> ((view stamp, width), the row's one-line texts shaped for painting), for rows in self._layouts
        self._texts: dict[int, tuple[tuple[int, int], RowTexts]] = {}
        self._pixmaps = RowPixmaps()
        self._watched: QAbstractItemView | None = None
        self._watched_objects: list[QObject] = []
        self._watched_width: int | None = None
        # The view repaints: its frame starts with the first row painted, after the relayout a paint may run first
        # (which must not drop the rows of the frame before, still on screen).
        self._frame_due = False
        self._style_key: tuple[QFont, int] | None = None
        self._bold = QFont()
        self._metrics = self._bold_metrics = QFontMetrics(self._bold)
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
        font = option.font
        if key is None or key[1] != base or key[0] != font:
            self._style_key = (QFont(font), base)
            self.renderer.configure(font, RenderColors.from_palette(option.palette), self._mono)
            self._bold = QFont(font)
            self._bold.setBold(True)
            self._metrics = QFontMetrics(font)
            self._bold_metrics = QFontMetrics(self._bold)
            self._sizes.clear()
            self._layouts.clear()
            self._texts.clear()
            self._pixmaps.clear()

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

    def _prepare(self, option: QStyleOptionViewItem) -> int:
        """The rows' width, with fonts and colours checked. For a view, both are kept until it says they may have
        changed (resized, its scroll bar shown or hidden, another palette, font or style): every paint and size
        hint of every row needs them, and reading them from the widgets each time costs a dozen calls into Qt."""
        widget = option.widget
        if not isinstance(widget, QAbstractItemView):
            self._configure(option)
            return self._width(option)
        if widget is not self._watched:
            self._watch(widget)
        if self._watched_width is None:
            self._configure(option)
            self._watched_width = self._width(option)
            self._fit_caches(widget)
        return self._watched_width

    def _fit_caches(self, view: QAbstractItemView) -> None:
        viewport = view.viewport()
        ratio = viewport.devicePixelRatioF()
        self._pixmaps.fit_viewport(viewport.width(), viewport.height(), ratio)
        self._layouts.set_budget(max(MIN_LAYOUT_BUDGET, LAYOUT_SCREENS * viewport.height()))

    def _watch(self, view: QAbstractItemView) -> None:
        for watched in self._watched_objects:
            watched.removeEventFilter(self)
        self._watched = view
        self._watched_objects = [view, view.viewport(), view.verticalScrollBar()]
        for watched in self._watched_objects:
            watched.installEventFilter(self)
        self._watched_width = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if any(watched is mine for mine in self._watched_objects):
            kind = event.type()
            if kind in _CHANGES_WIDTH_OR_LOOK:
                self._watched_width = None
            elif kind == QEvent.Type.Paint and self._watched is not None and watched is self._watched.viewport():
                self._frame_due = True
            return False
        return super().eventFilter(watched, event)

    def _fonts(self) -> RowFonts:
        return RowFonts(self._metrics, self._bold_metrics)

    def layout(self, option: QStyleOptionViewItem, index: AnyIndex, top_left: tuple[int, int] = (0, 0)) -> RowLayout:
        """Where everything of a row goes, for painting and hit-testing (`top_left`: the row's corner). Measured
        once per (width, revision, actions) of a row: a paint after a size hint costs no second measurement."""
        layout = self._layout(option, index.data(MessageRoles.VIEW), self._prepare(option), painted=False)
        return layout.translated(*top_left) if top_left != (0, 0) else layout

    def _layout(self, option: QStyleOptionViewItem, view: RowView, width: int, *, painted: bool) -> RowLayout:
        message_id = view.message.id
        key = (width, view.revision, view.actions)
        cached = self._layouts.get(message_id, key, painted=painted)
        if cached is not None:
            return cached
        layout = measure_row(view, width, self._fonts(), self.renderer, self.action_labels, self.copy_code_label)
        self._layouts.put(message_id, key, layout, layout.height, painted=painted)
        return layout

    def _drop_row(self, message_id: int) -> None:
        """A row's layout left the cache: its texts and rendered document go too, unless the document is still
        streaming (it grows in place; rendering it again from the start would stall a long answer)."""
        self._texts.pop(message_id, None)
        rendered = self.renderer.cached(message_id)
        if rendered is None or rendered.final:
            self.renderer.forget(message_id)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        view = index.data(MessageRoles.VIEW)
        if not isinstance(view, RowView):
            return super().sizeHint(option, index)
        width = self._prepare(option)
        height = self._sizes.get(view.message.id, width, view.revision)
        if height is None:
            height = self._layout(option, view, width, painted=False).height
            self._sizes.put(view.message.id, width, view.revision, height)
        return QSize(width, height)

    def forget(self, message_id: int) -> None:
        self._sizes.forget(message_id)
        self._layouts.forget(message_id)
        self._texts.pop(message_id, None)
        self._pixmaps.forget(message_id)
        self.renderer.forget(message_id)

    def clear_caches(self) -> None:
        self._sizes.clear()
        self._layouts.clear()
        self._texts.clear()
        self._pixmaps.clear()
        self.renderer.clear()

    # ---------------------------------------------------------------------------------------------- painting

    def _painted_texts(self, view: RowView, layout: RowLayout, width: int) -> RowTexts:
        """The row's one-line texts, shaped once per view and width (QStaticText), not at every paint."""
        message_id = view.message.id
        key = (view.still, width)  # (the actions are not among them, save a tool row's, whose `still` follows them)
        cached = self._texts.get(message_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        texts = row_texts(view, layout, self._bold_metrics, self._metrics, self.empty_answer_text)
        self._texts[message_id] = (key, texts)
        return texts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        view = index.data(MessageRoles.VIEW)
        if not isinstance(view, RowView):
            super().paint(painter, option, index)
            return
        if self._frame_due:
            self._frame_due = False
            self._layouts.new_frame()  # the rows painted from now on are on screen
            self._pixmaps.new_frame()
        message = view.message
        rect = option.rect
        width = self._prepare(option)
        layout = self._layout(option, view, width, painted=True)  # at (0, 0): in the row's own coordinates
        if layout.height != rect.height():
            self._sizes.forget(message.id, width)
            self.sizeHintChanged.emit(
                index.sibling(index.row(), index.column())
            )  # the view lays the rows out again (delayed)
        texts = self._painted_texts(view, layout, width)
        state = option.state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver)
        still = message.status is not MessageStatus.STREAMING and layout.height == rect.height()
        if still and rect.height() <= MAX_PIXMAP_HEIGHT:
            self._paint_from_pixmap(painter, option, view, layout, texts, state)
            return
        visible = QRectF(rect)
        if isinstance(option.widget, QAbstractItemView):
            visible = visible.intersected(QRectF(option.widget.viewport().rect()))
        if painter.hasClipping():  # the part of the viewport being repainted
            visible = visible.intersected(painter.clipBoundingRect())
        painter.save()
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        painter.translate(rect.topLeft())
        self._paint_row(painter, option, view, layout, texts, visible.translated(-rect.left(), -rect.top()))
        painter.restore()

    def _paint_from_pixmap(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        view: RowView,
        layout: RowLayout,
        texts: RowTexts,
        state: QStyle.StateFlag,
    ) -> None:
        """A finished row: painted once per look into a pixmap, then copied at every frame."""
        rect = option.rect
        widget = option.widget
        ratio = widget.devicePixelRatioF() if widget is not None else 1.0
        palette = option.palette
        look = (state.value, palette.cacheKey(), palette.currentColorGroup().value, ratio)
        stamp = view.stamp if state else view.still  # the actions are painted on the hovered or selected row only
        key = (stamp, rect.width(), rect.height(), look)
        pixmap = self._pixmaps.get(view.message.id, key)
        if pixmap is None:
            pixmap = QPixmap(int(rect.width() * ratio + 0.5), int(rect.height() * ratio + 0.5))
            pixmap.setDevicePixelRatio(ratio)
            target = QPainter(pixmap)
            try:
                self._paint_row(target, option, view, layout, texts, QRectF(0, 0, rect.width(), rect.height()))
            finally:
                target.end()
            self._pixmaps.put(view.message.id, key, pixmap)
        painter.drawPixmap(rect.topLeft(), pixmap)

    def _paint_row(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        view: RowView,
        layout: RowLayout,
        texts: RowTexts,
        visible: QRectF,
    ) -> None:
        """Everything of a row, in row coordinates (`visible`: the part that can be seen)."""
        message = view.message
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        row = QRect(0, 0, option.rect.width(), option.rect.height())
        background = palette.color(
            QPalette.ColorRole.AlternateBase if message.role is Role.USER else QPalette.ColorRole.Base
        )
        painter.fillRect(row, background)
        if selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(40)
            painter.fillRect(row, highlight)
        if message.role is Role.TOOL:
            paint_tool_marker(painter, row, palette)
        painter.setFont(self._bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawStaticText(texts.header_at, texts.header)
        painter.setFont(option.font)
        if layout.chip.isValid():
            paint_chip(painter, layout.chip, message.status.value, texts)
        if message.role is Role.TOOL and message.status is MessageStatus.STREAMING:
            paint_spinner(painter, layout.chip, palette)
        if layout.body is not None:
            layout.body.draw(painter, layout.body_origin, visible, palette)  # only what can be seen
        elif texts.placeholder is not None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawStaticText(layout.body_origin, texts.placeholder)
        widget = option.widget
        for button, _code in layout.code_buttons:
            paint_button(painter, button, self.copy_code_label, option, widget)
        if layout.error.isValid():
            painter.setPen(QColor(ERROR_COLOR))
            painter.drawText(layout.error, int(Qt.TextFlag.TextWordWrap), view.error)
        if texts.usage is not None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawStaticText(texts.usage_at, texts.usage)
        if hovered or selected:
            for action, button in layout.actions:
                paint_button(painter, button, self.action_labels[action], option, widget)

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
