"""Markdown → Qt rich text (the HTML subset QTextDocument understands), rendered natively, never in a web view.

Raw HTML in a message is shown as text (markdown-it with `html` off), images become links (QTextDocument would
otherwise load `file:` resources), and fenced code is a one-cell table whose cell padding marks it as code, so the
delegate can find each block's rectangle and paint a copy button on it.

A message is rendered as a list of segments, one QTextDocument each, cut at blank lines between top-level blocks
(never inside a fence or before an indented line). While an answer streams only the last segment (the tail) is
rendered again; earlier segments are final. A message that finished streaming keeps its segments, so there is no
second full render at the end (a 20k-token answer would stall the GUI for >100 ms).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QPalette, QTextDocument, QTextTable

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

CODE_CELL_PADDING = 7  # marks our code tables (markdown tables use 4)
TABLE_CELL_PADDING = 4
SEGMENT_CHARS = 1500  # a stable segment is cut once this much text waits before a block boundary
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class RenderColors:
    code_background: str = "#f3f4f6"
    muted: str = "#6b7280"
    link: str = "#2563eb"
    text: str = "#111827"

    @classmethod
    def from_palette(cls, palette: QPalette) -> RenderColors:
        base = palette.color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        return cls(
            code_background="#2b2e35" if dark else "#f3f4f6",
            muted="#9aa0a6" if dark else "#6b7280",
            link=palette.color(QPalette.ColorRole.Link).name(),
            text=palette.color(QPalette.ColorRole.Text).name(),
        )


def load_parser_library() -> None:
    """Import markdown-it (~60 ms, ~6 MB) where the caller runs this: a worker thread, once the user starts writing,
    so that the first message shown does not load it on the GUI thread."""
    import markdown_it  # noqa: F401


def _make_parser(colors: RenderColors, mono_family: str) -> MarkdownIt:
    from markdown_it import MarkdownIt  # loads with the first message shown (or typed), not at start-up

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    mono = html.escape(mono_family, quote=True)

    def fence(_renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        code = token.content[:-1] if token.content.endswith("\n") else token.content
        language = token.info.strip().split(" ", 1)[0] if token.info else ""
        env.setdefault("code_blocks", []).append(code)
        label = html.escape(language) if language else "code"
        return (
            f'<table border="0" cellspacing="0" cellpadding="{CODE_CELL_PADDING}" width="100%" '
            f'bgcolor="{colors.code_background}"><tr><td>'
            f'<p style="color:{colors.muted}; margin:0;"><small>{label}</small></p>'
            f"<pre style=\"font-family:'{mono}'; margin:0;\">{html.escape(code)}</pre>"
            "</td></tr></table>\n"
        )

    def code_inline(_renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        content = html.escape(tokens[idx].content)
        return f"<code style=\"font-family:'{mono}'; background-color:{colors.code_background};\">{content}</code>"

    def image(_renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        src = str(token.attrGet("src") or "")
        alt = "".join(child.content for child in token.children or ()) or "image"
        if src.startswith(_SAFE_SCHEMES):
            return f'<a href="{html.escape(src, quote=True)}">[{html.escape(alt)}]</a>'
        return f"[{html.escape(alt)}]"

    def table_open(_renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f'<table border="1" cellspacing="0" cellpadding="{TABLE_CELL_PADDING}">\n'

    md.add_render_rule("fence", fence)
    md.add_render_rule("code_block", fence)
    md.add_render_rule("code_inline", code_inline)
    md.add_render_rule("image", image)
    md.add_render_rule("table_open", table_open)
    return md


@dataclass
class Segment:
    """One rendered piece of a message: its document and the source text of each code block in it. Its height and
    code-block rectangles are measured once per width (a long answer has many segments; a relayout while it streams
    must cost only its tail)."""

    document: QTextDocument
    code_blocks: list[str]
    _height: float = -1.0
    _hits: list[CodeBlockHit] | None = None

    def set_width(self, width: float) -> None:
        self.document.setTextWidth(width)
        self._height = -1.0
        self._hits = None

    @property
    def height(self) -> float:
        if self._height < 0:
            self._height = self.document.size().height()
        return self._height

    def hits(self) -> list[CodeBlockHit]:
        """This segment's code blocks, in segment coordinates."""
        if self._hits is None:
            layout = self.document.documentLayout()
            tables = [f for f in self.document.rootFrame().childFrames() if _is_code_table(f)]
            self._hits = [
                CodeBlockHit(layout.frameBoundingRect(table), code)
                for table, code in zip(tables, self.code_blocks, strict=False)
            ]
        return self._hits


@dataclass(frozen=True)
class CodeBlockHit:
    rect: QRectF  # in message coordinates (top-left of the first segment is 0,0)
    code: str


class _Splitter:
    """Finds where a finished top-level block ends, line by line, carrying the fence state across calls."""

    def __init__(self) -> None:
        self.scanned = 0  # offset of the first line not looked at yet
        self.fence: str | None = None
        self.previous_blank = False

    def feed(self, text: str, final: bool) -> list[int]:
        """Offsets where a new top-level block starts after a blank line (complete lines only, unless final)."""
        points: list[int] = []
        position = self.scanned
        while position < len(text):
            end = text.find("\n", position)
            if end < 0:
                if not final:
                    break
                end = len(text)
            line = text[position:end]
            if self._is_split_before(line) and position > 0:
                points.append(position)
            self._advance(line)
            position = end + 1
        self.scanned = min(position, len(text))
        return points

    def _is_split_before(self, line: str) -> bool:
        return self.fence is None and self.previous_blank and bool(line) and not line[0].isspace()

    def _advance(self, line: str) -> None:
        stripped = line.strip()
        if self.fence is not None:
            if stripped.startswith(self.fence) and set(stripped) == {self.fence[0]}:
                self.fence = None
            self.previous_blank = False
            return
        opened = _FENCE_OPEN.match(line)
        if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
            self.fence = opened.group(1)
            self.previous_blank = False
            return
        self.previous_blank = not stripped


class RenderedMessage:
    """A message's segments, laid out for one width. Grows in place while its text grows (streaming)."""

    def __init__(self, renderer: MarkdownRenderer) -> None:
        self._renderer = renderer
        self.text = ""
        self.digest = ""
        self.final = False
        self.stable: list[Segment] = []
        self.tail: Segment | None = None
        self._stable_end = 0  # source offset where the tail starts
        self._stable_height = -1.0  # sum of the stable segments' heights at this width (-1: not measured)
        self._splitter = _Splitter()
        self._width = -1.0

    @property
    def segments(self) -> list[Segment]:
        return [*self.stable, self.tail] if self.tail is not None else list(self.stable)

    def update(self, text: str, final: bool) -> None:
        if text == self.text and final == self.final:
            return
        if not text.startswith(self.text) or self.final:
            self._restart()
        points = self._splitter.feed(text, final)
        for point in points:
            if point - self._stable_end >= SEGMENT_CHARS:
                self.stable.append(self._renderer.segment(text[self._stable_end : point], self._width))
                self._stable_end = point
                self._stable_height = -1.0
        tail_text = text[self._stable_end :]
        self.tail = self._renderer.segment(tail_text, self._width) if tail_text.strip() else None
        self.text = text
        self.final = final
        self.digest = text_digest(text)

    def _restart(self) -> None:
        self.text = ""
        self.final = False
        self.stable = []
        self.tail = None
        self._stable_end = 0
        self._stable_height = -1.0
        self._splitter = _Splitter()

    def set_width(self, width: float) -> None:
        if width == self._width:
            return
        self._width = width
        self._stable_height = -1.0
        for segment in self.segments:
            segment.set_width(width)

    def height(self) -> float:
        if self._stable_height < 0:
            self._stable_height = sum(segment.height for segment in self.stable)
        return self._stable_height + (self.tail.height if self.tail is not None else 0.0)

    def draw(self, painter: QPainter, origin: QPointF, clip: QRectF, palette: QPalette) -> None:
        """Paint the segments that meet `clip` (view coordinates) with their top-left corner at `origin`."""
        top = origin.y()
        for segment in self.segments:
            height = segment.height
            if top + height >= clip.top() and top <= clip.bottom():
                painter.save()
                painter.translate(origin.x(), top)
                context = QAbstractTextDocumentLayout.PaintContext()
                context.palette = palette
                context.clip = clip.translated(-origin.x(), -top)
                segment.document.documentLayout().draw(painter, context)
                painter.restore()
            top += height
            if top > clip.bottom():
                break

    def code_blocks(self) -> list[CodeBlockHit]:
        hits: list[CodeBlockHit] = []
        top = 0.0
        for segment in self.segments:
            hits.extend(CodeBlockHit(hit.rect.translated(0, top), hit.code) for hit in segment.hits())
            top += segment.height
        return hits

    def anchor_at(self, point: QPointF) -> str:
        top = 0.0
        for segment in self.segments:
            height = segment.height
            if top <= point.y() < top + height:
                return segment.document.documentLayout().anchorAt(QPointF(point.x(), point.y() - top))
            top += height
        return ""


def _is_code_table(frame: Any) -> bool:
    return isinstance(frame, QTextTable) and frame.format().cellPadding() == CODE_CELL_PADDING


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def markdown_to_html(text: str, colors: RenderColors | None = None, mono_family: str = "monospace") -> str:
    """The rich-text HTML for a markdown text (for tests and one-off uses)."""
    return _make_parser(colors or RenderColors(), mono_family).render(text, {})


@dataclass
class MarkdownRenderer:
    """Renders message texts into QTextDocuments and keeps the latest `capacity` of them per message id."""

    font: QFont = field(default_factory=QFont)
    colors: RenderColors = field(default_factory=RenderColors)
    mono_family: str = "monospace"
    capacity: int = 400

    def __post_init__(self) -> None:
        self._parser: MarkdownIt | None = None  # made at the first message rendered
        self._cache: OrderedDict[int, RenderedMessage] = OrderedDict()
        self._style = self._stylesheet()

    def configure(self, font: QFont, colors: RenderColors, mono_family: str | None = None) -> None:
        """New font or theme: everything is rendered again on next use."""
        mono = mono_family or self.mono_family
        if font == self.font and colors == self.colors and mono == self.mono_family:
            return
        self.font, self.colors, self.mono_family = QFont(font), colors, mono
        self._parser = None
        self._style = self._stylesheet()
        self._cache.clear()

    def _stylesheet(self) -> str:
        return (
            "p { margin-top: 0px; margin-bottom: 6px; }"
            f" a {{ color: {self.colors.link}; }}"
            " ul, ol { margin-top: 0px; margin-bottom: 6px; }"
            " h1, h2, h3, h4, h5, h6 { margin-top: 4px; margin-bottom: 6px; }"
            " table { margin-top: 2px; margin-bottom: 8px; }"
        )

    def render(self, message_id: int, text: str, *, final: bool = True) -> RenderedMessage:
        """The rendered message for this text. A streaming message (final=False) whose text grew is updated in
        place: only the tail is rendered again."""
        rendered = self._cache.get(message_id)
        if rendered is None:
            rendered = RenderedMessage(self)
            self._cache[message_id] = rendered
            while len(self._cache) > self.capacity:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(message_id)
        rendered.update(text, final)
        return rendered

    def cached(self, message_id: int) -> RenderedMessage | None:
        return self._cache.get(message_id)

    def forget(self, message_id: int) -> None:
        self._cache.pop(message_id, None)

    def clear(self) -> None:
        self._cache.clear()

    def __len__(self) -> int:
        return len(self._cache)

    def segment(self, text: str, width: float) -> Segment:
        if self._parser is None:
            self._parser = _make_parser(self.colors, self.mono_family)
        env: dict[str, Any] = {}
        body = self._parser.render(text, env).strip()
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(self.font)
        document.setDefaultStyleSheet(self._style)
        document.setUndoRedoEnabled(False)
        document.setHtml(body)
        if width > 0:
            document.setTextWidth(width)
        return Segment(document, list(env.get("code_blocks", [])))
