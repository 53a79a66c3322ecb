"""The JSON Lines audit log of tool calls (`<data_dir>/tool-audit.jsonl`), rotated by size.

One line per AuditRecord, written with a single append so readers never see half a line; the caller scrubs the
arguments first. Writing never raises into the caller: a full disk or a read-only folder is logged once as a
warning and the app goes on (the ConnectorToolAction rows in the store still tell what ran).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

from vector_desktop.domain.tool_policy import AuditRecord

log = logging.getLogger(__name__)


def record_line(record: AuditRecord) -> str:
    """The record as one line of JSON (ISO times; anything JSON cannot hold written as its text)."""
    values: dict[str, Any] = {item.name: getattr(record, item.name) for item in fields(record)}
    values["time"] = record.time.isoformat()
    values["extra"] = dict(record.extra)
    return json.dumps(values, ensure_ascii=False, default=_text, separators=(",", ":")) + "\n"


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


class AuditLog:
    def __init__(self, path: Path, *, max_bytes: int = 5_000_000, backups: int = 3) -> None:
        self.path = path
        self._max_bytes = max_bytes
        self._backups = max(backups, 0)
        self._lock = threading.Lock()
        self._failing = False

    def backup_path(self, number: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{number}")

    def write(self, record: AuditRecord) -> None:
        """Appends the record; thread-safe; never raises (a failure is logged once until writing works again)."""
        try:
            data = record_line(record).encode("utf-8")
            with self._lock:
                self._append(data)
        except (OSError, ValueError, TypeError) as error:
            if not self._failing:
                log.warning("Cannot write the tool audit log %s: %s", self.path, error)
            self._failing = True
        else:
            if self._failing:
                log.warning("The tool audit log %s is written again.", self.path)
            self._failing = False

    def _append(self, data: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = self._open()
        try:
            size = os.fstat(fd).st_size
            if size > 0 and size + len(data) > self._max_bytes:
                os.close(fd)
                fd = -1
                self._rotate()
                fd = self._open()
                size = 0
            try:
                written = os.write(fd, data)
                if written != len(data):
                    raise OSError(f"only {written} of {len(data)} bytes written")
            except OSError:
                os.ftruncate(fd, size)  # no half line left behind for the next writer to glue onto
                raise
        finally:
            if fd >= 0:
                os.close(fd)

    def _open(self) -> int:
        return os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def _rotate(self) -> None:
        if self._backups == 0:
            self.path.unlink(missing_ok=True)
            return
        self.backup_path(self._backups).unlink(missing_ok=True)
        for number in range(self._backups - 1, 0, -1):
            if self.backup_path(number).exists():
                os.replace(self.backup_path(number), self.backup_path(number + 1))
        os.replace(self.path, self.backup_path(1))

    def read_recent(self, limit: int = 100) -> list[dict[str, Any]]:
        """The newest `limit` records, oldest first, across the rotated files. Lines that do not parse are skipped."""
        if limit <= 0:
            return []
        found: list[dict[str, Any]] = []
        with self._lock:
            files = [self.path, *(self.backup_path(n) for n in range(1, self._backups + 1))]
            for file in files:
                try:
                    lines = file.read_bytes().decode("utf-8", errors="replace").splitlines()
                except OSError:
                    continue
                for line in reversed(lines):
                    record = _parse(line)
                    if record is not None:
                        found.append(record)
                        if len(found) == limit:
                            return found[::-1]
        return found[::-1]


def _parse(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
