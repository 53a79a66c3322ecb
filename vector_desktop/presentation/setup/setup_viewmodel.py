"""View-model of the Export setup and Import setup dialogs.

Everything blocks (store, keychain, scrypt): it runs through `run_blocking` (an executor), never on the GUI
thread. The decrypted plan stays here until the user imports it or closes the dialog; no secret travels towards
the view (the plan model shows names and what differs, never a value).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.setup_transfer import SetupPlan
from vector_desktop.presentation.setup.plan_model import SetupPlanModel
from vector_desktop.qtsupport.tasks import TaskOwner
from vector_desktop.services.setup.setup_service import SetupService

log = logging.getLogger(__name__)
T = TypeVar("T")
MIN_PASSPHRASE = 8
GOOD_PASSPHRASE = 14


def _tr(text: str) -> str:
    return QCoreApplication.translate("SetupViewModel", text)


class RunBlocking(Protocol):
    def __call__(self, fn: Callable[[], T], /) -> Awaitable[T]: ...


def passphrase_hint(passphrase: str, repeated: str) -> tuple[bool, str]:
    """(usable for an export, a hint for the user)."""
    if not passphrase:
        return False, _tr("Type a passphrase; you will need it to import the setup.")
    if len(passphrase) < MIN_PASSPHRASE:
        return False, _tr("Too short: use at least %1 characters.").replace("%1", str(MIN_PASSPHRASE))
    if repeated != passphrase:
        return False, _tr("The two passphrases differ.")
    if len(passphrase) < GOOD_PASSPHRASE or len(set(passphrase)) < 6:
        return True, _tr("Fair. A longer passphrase (a few unrelated words) is much harder to guess.")
    return True, _tr("Strong.")


def _sentence(error: BaseException) -> str:
    if isinstance(error, VectorError):
        return str(error)
    log.error("setup transfer failed", exc_info=error)
    return _tr("Something went wrong (%1); nothing was changed. The log has the details.").replace(
        "%1", type(error).__name__
    )


class SetupViewModel(QObject):
    summary_ready = Signal(list, bool)  # [(title, count)], whether ENCRYPTION_KEY is set
    key_checked = Signal(bool)  # whether ENCRYPTION_KEY is set (read from the keychain off the GUI thread)
    busy_changed = Signal(bool)
    exported = Signal(str)  # a sentence with the path
    export_failed = Signal(str)
    plan_ready = Signal()  # the plan model holds the file's items
    open_failed = Signal(str)
    imported = Signal(list, str)  # section names changed here, a sentence
    settings_imported = Signal(list)  # keys of the settings the import changed (emitted before `imported`)
    import_failed = Signal(str)

    def __init__(self, service: SetupService, run_blocking: RunBlocking, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._run_blocking = run_blocking
        self._tasks = TaskOwner(self._task_failed)
        self.plan_model = SetupPlanModel(self)
        self._plan: SetupPlan | None = None
        self._busy = False
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def plan(self) -> SetupPlan | None:
        return self._plan

    def section_titles(self) -> dict[str, str]:
        return {s.name: s.title for s in self._service.sections}

    # ---------------------------------------------------------------- export

    def load_summary(self) -> asyncio.Task[Any]:
        service = self._service

        def read() -> tuple[list[tuple[str, int]], bool]:
            return [(s.title, s.count) for s in service.summary()], bool(service.configured_key())

        async def go() -> None:
            try:
                summary, has_key = await self._run_blocking(read)
            except Exception as error:
                self.export_failed.emit(_sentence(error))
                return
            if not self._closed:
                self.summary_ready.emit(summary, has_key)

        return self._tasks.start(go(), "setup.summary")

    def check_key(self) -> asyncio.Task[Any]:
        async def go() -> None:
            try:
                has_key = bool(await self._run_blocking(self._service.configured_key))
            except Exception:  # a keychain that cannot be read: the user types a passphrase
                log.warning("ENCRYPTION_KEY could not be read", exc_info=True)
                has_key = False
            if not self._closed:
                self.key_checked.emit(has_key)

        return self._tasks.start(go(), "setup.key")

    def export(self, path: str, passphrase: str = "") -> asyncio.Task[Any]:
        """Export to `path` with `passphrase`, or with ENCRYPTION_KEY when `passphrase` is empty."""
        service = self._service

        def write() -> str:
            secret = passphrase or service.configured_key()
            result = service.export(Path(path), secret)
            return (
                _tr("Your setup (%1 items) was exported to %2.")
                .replace("%1", str(result.total))
                .replace("%2", str(result.path))
            )

        return self._tasks.start(self._run(write, self.exported, self.export_failed), "setup.export")

    # ---------------------------------------------------------------- import

    def open_file(self, path: str, passphrase: str = "") -> asyncio.Task[Any]:
        """Decrypt `path` and show what it would change (nothing is written). Empty passphrase: ENCRYPTION_KEY."""
        service = self._service
        self._plan = None
        self.plan_model.set_changes([], {})

        def read() -> SetupPlan:
            return service.open(Path(path), passphrase or service.configured_key())

        async def go() -> None:
            self._set_busy(True)
            try:
                plan = await self._run_blocking(read)
            except Exception as error:
                if not self._closed:
                    self.open_failed.emit(_sentence(error))
                return
            finally:
                self._set_busy(False)
            if self._closed:
                return
            self._plan = plan
            self.plan_model.set_changes(list(plan.changes), self.section_titles())
            self.plan_ready.emit()

        return self._tasks.start(go(), "setup.open")

    def discard_plan(self) -> None:
        """Forget the opened file (the user chose another one): nothing of it can be imported any more."""
        if not self._busy:
            self._plan = None
            self.plan_model.set_changes([], {})

    def apply(self) -> asyncio.Task[Any] | None:
        """Import the opened plan (after the user confirmed)."""
        plan = self._plan
        if plan is None or self._busy:
            return None
        service = self._service

        async def go() -> None:
            self._set_busy(True)
            try:
                affected = await self._run_blocking(lambda: service.apply(plan))
            except Exception as error:
                if not self._closed:
                    self.import_failed.emit(_sentence(error))
                return
            finally:
                self._set_busy(False)
            self._plan = None
            if self._closed:
                return
            keys = sorted(self.changed_setting_keys(plan))
            if keys:
                self.settings_imported.emit(keys)
            titles = self.section_titles()
            if affected:
                text = _tr("Imported %1 items into: %2.").replace("%1", str(len(plan.pending)))
                text = text.replace("%2", ", ".join(titles.get(name, name) for name in affected))
            else:
                text = _tr("Everything in the file was already here; nothing was changed.")
            self.imported.emit(affected, text)

        return self._tasks.start(go(), "setup.apply")

    def changed_setting_keys(self, plan: SetupPlan) -> set[str]:
        return {c.item for c in plan.pending if c.section == "settings"}

    # ---------------------------------------------------------------- plumbing

    async def _run(self, fn: Callable[[], str], done: Any, failed: Any) -> None:
        self._set_busy(True)
        try:
            text = await self._run_blocking(fn)
        except Exception as error:
            if not self._closed:
                failed.emit(_sentence(error))
            return
        finally:
            self._set_busy(False)
        if not self._closed:
            done.emit(text)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            if not self._closed:
                self.busy_changed.emit(busy)

    def _task_failed(self, error: BaseException) -> None:
        log.error("setup task failed", exc_info=error)

    def close(self) -> None:
        """Drop the decrypted plan and stop what runs (a running executor call finishes but reports nothing)."""
        self._closed = True
        self._plan = None
        self._tasks.cancel_all()
