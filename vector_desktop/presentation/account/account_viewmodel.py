"""AccountViewModel: the signed-in profile for the account button, and sign-in / cancel / sign-out / background
refresh as tasks it owns. The browser is opened through an injected callable (QDesktopServices.openUrl in the app,
a fake browser in tests)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from vector_desktop.domain.account import AccountProfile
from vector_desktop.domain.errors import VectorError
from vector_desktop.qtsupport.tasks import TaskOwner

log = logging.getLogger(__name__)

UNEXPECTED = "Something went wrong with the Google account; try again."


class AccountOperations(Protocol):
    """What the view-model needs of the account service (vector_desktop.services.account.auth_service)."""

    def current(self) -> AccountProfile | None: ...
    def add_listener(self, listener: Callable[[AccountProfile | None], None]) -> None: ...
    def remove_listener(self, listener: Callable[[AccountProfile | None], None]) -> None: ...
    async def sign_in(self, open_browser: Callable[[str], object], cancel: asyncio.Event | None = None) -> Any: ...
    async def sign_out(self) -> str | None: ...
    async def refresh(self) -> str | None: ...


class AccountViewModel(QObject):
    profile_changed = Signal(object)  # AccountProfile | None
    signing_in = Signal(bool)
    sign_in_url = Signal(str)  # the address the browser was sent to (the dialog shows it, copyable)
    error = Signal(str)
    notice = Signal(str)

    def __init__(
        self, service: AccountOperations, open_url: Callable[[str], object], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._open_url = open_url
        self._tasks = TaskOwner(self._failed)
        self._sign_in_task: asyncio.Task[Any] | None = None
        self.last_url = ""
        service.add_listener(self._on_profile)

    @property
    def profile(self) -> AccountProfile | None:
        return self._service.current()

    @property
    def busy(self) -> bool:
        return self._sign_in_task is not None and not self._sign_in_task.done()

    def _on_profile(self, profile: AccountProfile | None) -> None:
        self.profile_changed.emit(profile)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, VectorError):
            self.error.emit(str(error))
        else:
            log.error("account task failed", exc_info=error)
            self.error.emit(UNEXPECTED)

    # ------------------------------------------------------------------------------------------- actions

    def sign_in(self) -> asyncio.Task[Any]:
        """Start signing in (or return the sign-in already under way)."""
        if self._sign_in_task is not None and not self._sign_in_task.done():
            return self._sign_in_task
        self._sign_in_task = self._tasks.start(self._sign_in(), "account-sign-in")
        return self._sign_in_task

    async def _sign_in(self) -> None:
        self.signing_in.emit(True)
        try:
            await self._service.sign_in(self._open)
        finally:
            self.signing_in.emit(False)

    def _open(self, url: str) -> None:
        self.last_url = url
        self.sign_in_url.emit(url)
        self._open_url(url)

    def cancel(self) -> None:
        """Stop waiting for the browser; the loopback port closes."""
        if self._sign_in_task is not None and not self._sign_in_task.done():
            self._sign_in_task.cancel()

    def sign_out(self) -> asyncio.Task[Any]:
        async def work() -> None:
            sentence = await self._service.sign_out()
            if sentence:
                self.notice.emit(sentence)

        self.cancel()
        return self._tasks.start(work(), "account-sign-out")

    def refresh_in_background(self) -> asyncio.Task[Any]:
        """After start-up, when online: renew the sign-in silently; a revoked one signs out with a sentence."""

        async def work() -> None:
            sentence = await self._service.refresh()
            if sentence:
                self.notice.emit(sentence)

        return self._tasks.start(work(), "account-refresh")

    def close(self) -> None:
        self._tasks.cancel_all()
        with contextlib.suppress(ValueError):
            self._service.remove_listener(self._on_profile)
