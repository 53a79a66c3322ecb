"""View-model of the vault passphrase question, asked once per session when there is no OS keychain and no
ENCRYPTION_KEY: on the first run the user chooses a passphrase (typed twice), later runs they enter it. A wrong
passphrase says so and lets them retry, or continue with secrets kept for this session only.

Unlocking derives a key with scrypt (~0.1 s) and reads a file, so it runs through `run_blocking` (an executor).
The passphrase never leaves this class except towards the secret store.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
MIN_PASSPHRASE = 8


class RunBlocking(Protocol):
    """Runs a blocking callable off the GUI thread, e.g. `functools.partial(loop.run_in_executor, None)`."""

    def __call__(self, fn: Callable[[], T], /) -> Awaitable[T]: ...


class VaultUnlocker(Protocol):
    """What this needs of SecretStore."""

    problem: str

    @property
    def vault_wrong_key(self) -> bool: ...

    def unlock_vault(self, passphrase: str) -> bool: ...


class VaultPassphraseViewModel(QObject):
    busy_changed = Signal(bool)
    failed = Signal(str)  # a sentence; the question stays open for another try
    finished = Signal(bool)  # True: secrets are saved in the encrypted file; False: this session only

    def __init__(
        self,
        secrets: VaultUnlocker,
        run_blocking: RunBlocking,
        *,
        creating: bool,
        moving: bool = False,
        parent: QObject | None = None,
    ) -> None:
        """`creating`: no vault file yet, so the user chooses a passphrase (True) or enters the one chosen before.
        `moving`: a keychain exists now; the passphrase opens the file once to move its secrets into it."""
        super().__init__(parent)
        self._secrets = secrets
        self._run_blocking = run_blocking
        self.creating = creating and not moving
        self.moving = moving
        self.busy = False
        self._done = False
        self._tasks: set[asyncio.Task[Any]] = set()

    # --- texts --------------------------------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self.tr("Choose a passphrase for your secrets") if self.creating else self.tr("Unlock your secrets")

    @property
    def intro(self) -> str:
        if self.moving:
            return self.tr(
                "Your profile has an encrypted file with passwords and API keys, kept from a time without a system "
                "keychain. Enter its passphrase once to move them into the keychain."
            )
        if self.creating:
            return self.tr(
                "This computer has no system keychain. Vector Desktop can keep your passwords and API keys in an "
                "encrypted file in your profile, locked with a passphrase you choose now. The passphrase cannot be "
                "recovered: if you forget it, the secrets in that file are lost and have to be entered again."
            )
        return self.tr(
            "This computer has no system keychain, so your passwords and API keys are kept in an encrypted file in "
            "your profile. Enter its passphrase to use them in this session."
        )

    @property
    def skip_text(self) -> str:
        return self.tr("Not now") if self.moving else self.tr("Continue without saving secrets")

    @property
    def skip_hint(self) -> str:
        if self.moving:
            return self.tr("The secrets stay in that file until then; new ones go to the keychain.")
        return self.tr("Secrets you enter will then be kept for this session only.")

    # --- checks and actions -------------------------------------------------------------------------------------

    def check(self, passphrase: str, repeat: str = "") -> str:
        """A sentence about what is wrong with the typed text, or "" when it can be tried."""
        if not passphrase:
            return self.tr("Type the passphrase.")
        if self.creating:
            if len(passphrase) < MIN_PASSPHRASE:
                return self.tr("Choose a passphrase of at least %n characters.", "", MIN_PASSPHRASE)
            if passphrase != repeat:
                return self.tr("The two passphrases are not the same.")
        return ""

    async def submit(self, passphrase: str, repeat: str = "") -> bool:
        """Open (or create) the vault with `passphrase`. Emits `finished(True)` or `failed(sentence)`."""
        if self._done or self.busy:
            return False
        problem = self.check(passphrase, repeat)
        if problem:
            self.failed.emit(problem)
            return False
        self._set_busy(True)
        try:
            ok = await self._run_blocking(lambda: self._secrets.unlock_vault(passphrase))
        except Exception as error:  # never show a traceback (or anything that could carry the passphrase)
            log.error("unlocking the secrets vault failed: %s", type(error).__name__)
            ok = False
        finally:
            self._set_busy(False)
        if ok:
            self._finish(True)
        elif self._secrets.vault_wrong_key:
            self.failed.emit(
                self.tr("That passphrase does not open your encrypted secrets file. Try again, or go on without it.")
            )
        else:
            self.failed.emit(self._secrets.problem or self.tr("The encrypted secrets file could not be opened."))
        return ok

    def request_submit(self, passphrase: str, repeat: str = "") -> None:
        """Start `submit` in the background (for a button); the outcome comes through the signals."""
        task = asyncio.get_running_loop().create_task(self.submit(passphrase, repeat))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def skip(self) -> None:
        """Go on with secrets kept in memory for this session only."""
        if not self.busy:
            self._finish(False)

    def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def _finish(self, saved: bool) -> None:
        if not self._done:
            self._done = True
            self.finished.emit(saved)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)
