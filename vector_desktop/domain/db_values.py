"""How a value from a database is shown and written: the results grid, `vector-desktop db query` and the AI tools
all use these pure functions, so a value reads the same everywhere.

Faithful means: NULL is told apart from the empty string (`is_null`, and "NULL" on screen), numbers are exact
(Decimal never goes through float), times keep their zone, bytes are shown as a size and a hex preview (written in
full to files), json is compact, arrays are lists, and text (emoji included) is never re-encoded.
"""

from __future__ import annotations

import base64
import enum
import ipaddress
import json
import math
import unicodedata
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

NULL_TEXT = "NULL"
DEFAULT_MAX_CHARS = 1000
BYTES_PREVIEW = 16  # bytes shown in hex by display_text
BYTES_MARKER = "$base64"  # json_value(b"...") == {"$base64": "..."}
ELLIPSIS = "…"

_ZERO_WIDTH_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


def is_null(value: Any) -> bool:
    """NULL (None) — as opposed to an empty string, which is a value."""
    return value is None


def display_text(value: Any, max_chars: int | None = DEFAULT_MAX_CHARS) -> str:
    """One cell as text for people: "NULL" for NULL (check `is_null` to style it apart from the text "NULL"),
    cut to `max_chars` with "…" (None = never cut)."""
    if value is None:
        return NULL_TEXT
    if isinstance(value, bytes | bytearray | memoryview):
        text = bytes_preview(bytes(value))
    else:
        text = _text(value, for_display=True)
    return _cut(text, max_chars)


def csv_text(value: Any, null: str = "") -> str:
    """One field of a CSV (or TSV) file: the whole value, no preview; NULL as `null`. Bytes are written in
    PostgreSQL's hex form (\\x0a1b...), json compact, times in ISO 8601 with their zone."""
    if value is None:
        return null
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\x" + bytes(value).hex()
    return _text(value, for_display=False)


def json_value(value: Any) -> Any:
    """A JSON-safe copy: Decimal → string (exact), datetime/date/time → ISO 8601, timedelta → ISO 8601 duration,
    bytes → {"$base64": "..."}, UUID/addresses → string, NaN/±Infinity → string, sets → sorted lists."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else _float_text(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return iso_duration(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return {BYTES_MARKER: base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, enum.Enum):
        return json_value(value.value)
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, set | frozenset):
        return [json_value(item) for item in sorted(value, key=str)]
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return str(value)  # UUID, ip addresses, ranges, anything else the driver gives


def json_text(value: Any) -> str:
    """Compact JSON of `json_value(value)`, emoji and accents kept as they are."""
    return json.dumps(json_value(value), ensure_ascii=False, separators=(",", ":"))


def decimal_text(value: Decimal) -> str:
    """Exact, in positional notation (1E-7 → 0.0000001), keeping the scale the server sent (1.50 stays 1.50)."""
    if value.is_nan():
        return "NaN"
    if value.is_infinite():
        return "-Infinity" if value < 0 else "Infinity"
    return format(value, "f")


def interval_text(value: timedelta) -> str:
    """Like PostgreSQL shows an interval ("3 days 04:05:06.5"); a negative one gets a single leading minus."""
    negative = value < timedelta(0)
    span = -value if negative else value
    days = span.days
    seconds = span.seconds
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    if span.microseconds:
        clock += f".{span.microseconds:06d}".rstrip("0")
    parts = []
    if days:
        parts.append(f"{days} day" if days == 1 else f"{days} days")
    if seconds or span.microseconds or not days:
        parts.append(clock)
    text = " ".join(parts)
    return f"-{text}" if negative else text


def iso_duration(value: timedelta) -> str:
    """ISO 8601: P3DT4H5M6.5S (negative: -P...)."""
    negative = value < timedelta(0)
    span = -value if negative else value
    hours, rest = divmod(span.seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "P"
    if span.days:
        text += f"{span.days}D"
    clock = ""
    if hours:
        clock += f"{hours}H"
    if minutes:
        clock += f"{minutes}M"
    if secs or span.microseconds:
        fraction = f".{span.microseconds:06d}".rstrip("0") if span.microseconds else ""
        clock += f"{secs}{fraction}S"
    if clock:
        text += "T" + clock
    if text == "P":
        text = "PT0S"
    return f"-{text}" if negative else text


def bytes_preview(value: bytes) -> str:
    """ "<3 bytes> 0a1b2c", the first bytes in hex and "…" when there are more."""
    size = len(value)
    unit = "byte" if size == 1 else "bytes"
    head = value[:BYTES_PREVIEW].hex()
    more = ELLIPSIS if size > BYTES_PREVIEW else ""
    return f"<{size} {unit}> {head}{more}".rstrip()


def _text(value: Any, *, for_display: bool) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return interval_text(value)
    if isinstance(value, uuid.UUID | ipaddress.IPv4Address | ipaddress.IPv6Address):
        return str(value)
    if isinstance(value, enum.Enum):
        return _text(value.value, for_display=for_display)
    if isinstance(value, set | frozenset):
        return ",".join(sorted(_text(item, for_display=for_display) for item in value))
    if isinstance(value, Mapping | list | tuple):
        return json_text(value)
    return str(value)


def _float_text(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "-Infinity" if value < 0 else "Infinity"
    return repr(value)


def _cut(text: str, max_chars: int | None) -> str:
    if max_chars is None or len(text) <= max_chars:
        return text
    end = max(max_chars - 1, 0)
    # Do not split a character from its combining marks, variation selector or zero-width joiner sequence.
    while 0 < end < len(text) and (unicodedata.combining(text[end]) or text[end] in _ZERO_WIDTH_JOINERS):
        end -= 1
    while end > 0 and text[end - 1] in _ZERO_WIDTH_JOINERS:
        end -= 1
    return text[:end] + ELLIPSIS
