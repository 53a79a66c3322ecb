"""A keychain that answers only when the test lets it (selected with PYTHON_KEYRING_BACKEND in a child process).

Like a Secret Service that is locked until the user types the login password: every call waits until the file
named by VECTOR_TEST_KEYCHAIN_GATE exists. Its secrets are the JSON object {name: value} in the file named by
VECTOR_TEST_KEYCHAIN_FILE (for any service name).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

GATE_VARIABLE = "VECTOR_TEST_KEYCHAIN_GATE"
FILE_VARIABLE = "VECTOR_TEST_KEYCHAIN_FILE"
WAIT_LIMIT_S = 120.0  # a guard for a test that never opens the gate


class GatedKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _wait_for_gate(self) -> None:
        gate = Path(os.environ[GATE_VARIABLE])
        deadline = time.monotonic() + WAIT_LIMIT_S
        while not gate.exists() and time.monotonic() < deadline:
            time.sleep(0.02)

    def _file(self) -> Path:
        return Path(os.environ[FILE_VARIABLE])

    def _values(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._file().read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        self._wait_for_gate()
        return self._values().get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._wait_for_gate()
        values = self._values()
        values[username] = password
        self._file().write_text(json.dumps(values), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        self._wait_for_gate()
        values = self._values()
        if username not in values:
            raise PasswordDeleteError(username)
        del values[username]
        self._file().write_text(json.dumps(values), encoding="utf-8")
