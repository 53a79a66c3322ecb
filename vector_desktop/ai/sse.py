"""Incremental Server-Sent Events parser (WHATWG HTML "event stream interpretation").

Bytes go in as they arrive from the network, whole events come out. Handles CR, LF and CRLF line endings (also a
CRLF split across two chunks), multi-line `data:` joined with "\n", `:` comment lines (`: OPENROUTER PROCESSING`),
a leading BOM, and UTF-8 code points split across chunks (decoded incrementally; invalid bytes become U+FFFD as the
spec says). The only error it raises is `SSEProtocolError`, when one line grows beyond `max_line_chars`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_EOL = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


class SSEProtocolError(ValueError):
    """The byte stream cannot be an event stream (a line longer than the parser's limit)."""


@dataclass(frozen=True)
class SSEEvent:
    data: str
    event: str = "message"
    id: str = ""  # the last event id in effect when this event was dispatched
    retry: int | None = None  # reconnection time (ms) announced so far


class SSEDecoder:
    """Feed bytes with `feed()`, get the events completed by them; call `close()` at end of stream."""

    def __init__(self, max_line_chars: int = 8 * 1024 * 1024) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._max_line = max_line_chars
        self._parts: list[str] = []  # the current, unterminated line
        self._parts_len = 0
        self._skip_lf = False  # the previous chunk ended in CR: a leading LF belongs to it
        self._at_start = True  # a BOM is stripped only at the very start of the stream
        self._data: list[str] = []
        self._event = ""
        self._last_id = ""
        self._retry: int | None = None
        self.discarded_incomplete = False  # close() dropped an event that never got its blank line

    @property
    def last_event_id(self) -> str:
        return self._last_id

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        return self._feed_text(self._decoder.decode(chunk))

    def close(self) -> list[SSEEvent]:
        """End of stream. Per the spec an event without its terminating blank line is discarded, not dispatched."""
        events = self._feed_text(self._decoder.decode(b"", final=True))
        self.discarded_incomplete = bool(self._parts_len or self._data or self._event)
        self._parts.clear()
        self._parts_len = 0
        self._data.clear()
        self._event = ""
        return events

    def _feed_text(self, text: str) -> list[SSEEvent]:
        if not text:
            return []
        if self._at_start:
            self._at_start = False
            if text.startswith(_BOM):
                text = text[1:]
        if self._skip_lf and text.startswith("\n"):
            text = text[1:]
        self._skip_lf = False
        events: list[SSEEvent] = []
        pos = 0
        for match in _EOL.finditer(text):
            piece = text[pos : match.start()]
            if self._parts:
                self._parts.append(piece)
                line = "".join(self._parts)
                self._parts.clear()
                self._parts_len = 0
            else:
                line = piece
            pos = match.end()
            event = self._process_line(line)
            if event is not None:
                events.append(event)
        rest = text[pos:]
        if rest:
            self._parts.append(rest)
            self._parts_len += len(rest)
            if self._parts_len > self._max_line:
                raise SSEProtocolError(f"an event-stream line is longer than {self._max_line} characters")
        self._skip_lf = text.endswith("\r")
        return events

    def _process_line(self, line: str) -> SSEEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self._last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> SSEEvent | None:
        if not self._data:
            self._event = ""
            return None
        event = SSEEvent("\n".join(self._data), self._event or "message", self._last_id, self._retry)
        self._data.clear()
        self._event = ""
        return event
