"""Masks a connector's own secrets (the Merge key, an MCP server's header and environment values) and anything that
looks like a Bearer token in text a server sent back (error bodies, stderr lines, log messages) before it becomes a
sentence for the user. Telemetry and logs go through services/scrubber.py as well; this one keeps paths as they are."""

from __future__ import annotations

import re
from collections.abc import Iterable

from vector_desktop.domain.connectors import ConnectorError

MASK = "••••"
_MIN_SECRET = 6  # shorter values ("1", "true") would mask ordinary words
_BEARER = re.compile(r"(?i)bearer\s+\S+")


class SecretMask:
    def __init__(self, secrets: Iterable[str]) -> None:
        self._secrets = sorted({value for value in secrets if len(value) >= _MIN_SECRET}, key=len, reverse=True)

    def text(self, text: str) -> str:
        for secret in self._secrets:  # longest first, so a secret inside another vanishes whole
            text = text.replace(secret, MASK)
        return _BEARER.sub(f"Bearer {MASK}", text)

    __call__ = text

    def error(self, error: ConnectorError) -> ConnectorError:
        cleaned = self.text(str(error))
        if cleaned != str(error):
            error.args = (cleaned,)
        return error
