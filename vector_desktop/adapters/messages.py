"""Small text helpers shared by the adapters' error mapping: secrets kept out of messages, the server's words made
short, and an error position turned into a line and column of the statement the user wrote."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")
MAX_SERVER_TEXT = 300
MASK = "•••"


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret (a password, an API key) masked; short secrets are masked too, all at once."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def one_line(text: str, limit: int = MAX_SERVER_TEXT) -> str:
    """The text on one line, at most `limit` characters."""
    flat = _SPACES.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def sentence(text: str) -> str:
    """A sentence: capital first letter and a final full stop (the server's own punctuation is kept)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def line_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of the 1-based character `position` in `text`."""
    index = max(0, min(position - 1, len(text)))
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return line, index - start + 1


def original_position(text: str, position: int, with_params: bool) -> int:
    """Where `position` (1-based, in the statement as the driver sent it) falls in `text` as the user wrote it.

    With parameters, psycopg sends `%s` as `$1`, `$2`... (`$10` is one character longer) and `%%` as `%`; without
    parameters it sends the text unchanged."""
    if not with_params:
        return position
    sent = 0  # characters of the sent statement before index `i` of the original
    i = 0
    number = 0
    while i < len(text):
        if text.startswith("%%", i):
            width_sent, width_original = 1, 2
        elif text.startswith("%s", i) or text.startswith("%b", i) or text.startswith("%t", i):
            number += 1
            width_sent, width_original = len(f"${number}"), 2
        else:
            width_sent, width_original = 1, 1
        if sent + width_sent >= position:
            return i + 1
        sent += width_sent
        i += width_original
    return len(text) + 1
