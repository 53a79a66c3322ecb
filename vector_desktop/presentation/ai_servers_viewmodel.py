"""View-model of the AI servers dialog (user-added OpenAI-compatible servers), its table model, and the updater
that puts a changed server list to use.

Everything that blocks (SQLite, keychain, the Test request) runs through `run_blocking` (an executor); the
reachability probe is a coroutine on the loop. A saved API key never travels towards the view: the table says
only whether one is saved, and Test with an empty key field reads the saved key itself.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.domain.ai_servers import AIServer, ServerTestError, ServerValidationError
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobQueue, JobSnapshot, JobState
from vector_desktop.qtsupport.tasks import TaskOwner
from vector_desktop.services.ai_servers import AIServerService

log = logging.getLogger(__name__)

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
ServerIdRole = Qt.ItemDataRole.UserRole + 1
ServerRole = Qt.ItemDataRole.UserRole + 2
REFRESH_MODELS_TASK = "chat.refresh_models"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AIServersViewModel", text)


class RunBlocking(Protocol):
    """Runs a blocking callable off the GUI thread, e.g. `lambda fn: loop.run_in_executor(None, fn)`."""

    def __call__(self, fn: Callable[[], T], /) -> Awaitable[T]: ...


@dataclass(frozen=True)
class Preset:
    name: str
    base_url: str


PRESETS: tuple[Preset, ...] = (
    Preset("Ollama", "http://localhost:11434/v1"),
    Preset("LM Studio", "http://localhost:1234/v1"),
    Preset("llama.cpp", "http://localhost:8080/v1"),
)


class ServerColumn(enum.IntEnum):
    NAME = 0
    ADDRESS = 1
    KEY = 2
    STATE = 3


class AIServersTableModel(QAbstractTableModel):
    """The servers: name, base URL, whether a key is saved, and whether the server can be reached."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._servers: list[AIServer] = []
        self._reachable: dict[int, bool] = {}
        self._session_only: set[int] = set()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._servers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ServerColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(ServerColumn):
            return None
        return {
            ServerColumn.NAME: _tr("Name"),
            ServerColumn.ADDRESS: _tr("Base URL"),
            ServerColumn.KEY: _tr("API key"),
            ServerColumn.STATE: _tr("State"),
        }[ServerColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._servers):
            return None
        server = self._servers[index.row()]
        if role == ServerIdRole:
            return server.id
        if role == ServerRole:
            return server
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(server, ServerColumn(index.column()))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == ServerColumn.STATE:
            return _tr("Whether this computer can open a connection to the server's address and port")
        return None

    def _text(self, server: AIServer, column: ServerColumn) -> str:
        if column is ServerColumn.NAME:
            return server.name
        if column is ServerColumn.ADDRESS:
            return server.base_url
        if column is ServerColumn.KEY:
            if not server.has_key:
                return _tr("None")
            return _tr("Saved for this session only") if server.id in self._session_only else _tr("Saved in keychain")
        if not server.enabled:
            return _tr("Not used")
        reachable = self._reachable.get(server.id)
        if reachable is None:
            return _tr("Checking…")
        return _tr("Reachable") if reachable else _tr("Not reachable")

    def set_servers(self, servers: Sequence[AIServer], session_only: set[int] | None = None) -> None:
        self.beginResetModel()
        self._servers = list(servers)
        self._session_only = set(session_only or ())
        ids = {s.id for s in servers}
        self._reachable = {k: v for k, v in self._reachable.items() if k in ids}
        self.endResetModel()

    def set_reachable(self, states: dict[int, bool]) -> None:
        self._reachable.update(states)
        for row, server in enumerate(self._servers):
            if server.id in states:
                cell = self.index(row, ServerColumn.STATE)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole])

    def servers(self) -> list[AIServer]:
        return list(self._servers)

    def server(self, server_id: int) -> AIServer | None:
        return next((s for s in self._servers if s.id == server_id), None)

    def is_session_only(self, server_id: int) -> bool:
        return server_id in self._session_only

    def row_of(self, server_id: int) -> int:
        return next((row for row, s in enumerate(self._servers) if s.id == server_id), -1)


class AIServersViewModel(QObject):
    loaded = Signal()
    servers_changed = Signal()  # a server was added, changed or removed: providers and model list must follow
    saved = Signal(int)  # id of the server just added or changed
    removed = Signal(str)  # name of the server just removed
    save_failed = Signal(str, str)  # field ("name", "base_url", "api_key"; "" for the whole form), sentence
    busy_changed = Signal(bool)  # a save or removal is running
    test_started = Signal()
    test_finished = Signal(bool, str, list)  # ok, sentence, model ids found
    notice = Signal(str)  # something the user should know after a save (e.g. a key kept for this session only)
    error_occurred = Signal(str)

    def __init__(self, service: AIServerService, run_blocking: RunBlocking, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._run_blocking = run_blocking
        self.model = AIServersTableModel(self)
        self._tasks = TaskOwner(self._task_failed)
        self._busy = 0
        self._test_generation = 0
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def presets(self) -> tuple[Preset, ...]:
        return PRESETS

    def suggest_name(self, base: str) -> str:
        """`base`, or `base 2`, `base 3`… when a server already has that name."""
        taken = {s.name.casefold() for s in self.model.servers()}
        name, number = base, 1
        while name.casefold() in taken:
            number += 1
            name = f"{base} {number}"
        return name

    # -- loading

    def load(self) -> asyncio.Task[Any]:
        return self._tasks.start(self._load(), "ai_servers.load")

    async def _load(self) -> None:
        await self._refresh_list()
        if self._closed:
            return
        self.loaded.emit()
        await self._probe(self.model.servers())

    async def _refresh_list(self) -> None:
        service = self._service

        def read() -> tuple[list[AIServer], set[int]]:
            servers = service.list_servers()
            return servers, {s.id for s in servers if service.key_is_session_only(s)}

        servers, session_only = await self._run_blocking(read)
        if not self._closed:
            self.model.set_servers(servers, session_only)

    def check_reachability(self) -> asyncio.Task[Any]:
        return self._tasks.start(self._probe(self.model.servers()), "ai_servers.probe")

    async def _probe(self, servers: Sequence[AIServer]) -> None:
        enabled = [s for s in servers if s.enabled]
        if enabled and not self._closed:
            states = await self._service.probe(enabled)
            if not self._closed:
                self.model.set_reachable(states)

    # -- changes

    def save(
        self,
        server_id: int | None,
        name: str,
        base_url: str,
        api_key: str = "",
        *,
        clear_key: bool = False,
        enabled: bool = True,
    ) -> asyncio.Task[Any]:
        """Add (server_id None) or change a server. An empty key field keeps the saved key unless `clear_key`."""
        service = self._service

        def write() -> AIServer:
            if server_id is None:
                return service.add(name, base_url, api_key, enabled=enabled)
            key: str | None = api_key if api_key.strip() else ("" if clear_key else None)
            return service.update(server_id, name=name, base_url=base_url, api_key=key, enabled=enabled)

        return self._tasks.start(self._change(write, "saved"), "ai_servers.save")

    def remove(self, server_id: int) -> asyncio.Task[Any]:
        return self._tasks.start(self._change(lambda: self._service.remove(server_id), "removed"), "ai_servers.remove")

    async def _change(self, fn: Callable[[], AIServer | None], outcome: str) -> None:
        self._set_busy(1)
        try:
            failed = False
            server: AIServer | None = None
            try:
                server = await self._run_blocking(fn)
            except ServerValidationError as error:
                self.save_failed.emit(error.field, str(error))
                return
            except VectorError as error:
                # e.g. removed, but the keychain refused to delete the key: the list changed all the same
                self.save_failed.emit("", str(error))
                failed = True
            await self._refresh_list()
            if self._closed:
                return
            if not failed and outcome == "saved" and server is not None:
                self.saved.emit(server.id)
                if self.model.is_session_only(server.id):
                    self.notice.emit(
                        _tr(
                            "The key of “%1” could not be saved in the keychain; it is kept for this session only."
                        ).replace("%1", server.name)
                    )
            elif not failed and outcome == "removed":
                self.removed.emit(server.name if server is not None else "")
            self.servers_changed.emit()
        finally:
            self._set_busy(-1)
        await self._probe(self.model.servers())

    def _set_busy(self, delta: int) -> None:
        before = self.busy
        self._busy += delta
        if self.busy != before and not self._closed:
            self.busy_changed.emit(self.busy)

    # -- testing

    def test(
        self, base_url: str, api_key: str = "", *, server_id: int | None = None, clear_key: bool = False
    ) -> asyncio.Task[Any]:
        """Ask the server for its models. With an empty key field, a saved server is tested with its saved key."""
        self._test_generation += 1
        generation = self._test_generation
        service = self._service
        use_saved = server_id is not None and not api_key.strip() and not clear_key

        def run() -> list[str]:
            key = service.api_key(server_id) if use_saved and server_id is not None else api_key
            return service.test(base_url, key)

        async def go() -> None:
            self.test_started.emit()
            try:
                models = await self._run_blocking(run)
            except (ServerTestError, ServerValidationError, VectorError) as error:
                if generation == self._test_generation and not self._closed:
                    self.test_finished.emit(False, str(error), [])
                return
            if generation != self._test_generation or self._closed:
                return
            if models:
                text = _tr("The server answered with %1 model(s).").replace("%1", str(len(models)))
            else:
                text = _tr("The server answered, but it offers no models yet (with Ollama, pull a model first).")
            self.test_finished.emit(True, text, models)

        return self._tasks.start(go(), "ai_servers.test")

    # -- plumbing

    def _task_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        if isinstance(error, VectorError):
            self.error_occurred.emit(str(error))
            return
        log.error("AI servers action failed", exc_info=error)
        self.error_occurred.emit(_tr("Something went wrong with the AI servers; the log has the details."))

    def close(self) -> None:
        self._closed = True
        self._tasks.cancel_all()


class ProvidersUpdater(QObject):
    """Puts a changed server list to use: the LLM client gets its new providers, the `chat.refresh_models` job
    fetches the model lists, and the chat's model picker reloads (at once, and again when that job ends)."""

    applied = Signal(list)  # the providers now in use
    error_occurred = Signal(str)

    def __init__(
        self,
        read_providers: Callable[[], Sequence[ProviderConfig]],
        set_providers: Callable[[Sequence[ProviderConfig]], None],
        reload_models: Callable[[], object],
        *,
        run_blocking: RunBlocking,
        jobs: JobQueue | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`read_providers` blocks (it reads keys from the keychain): it runs through `run_blocking`."""
        super().__init__(parent)
        self._read_providers = read_providers
        self._set_providers = set_providers
        self._reload_models = reload_models
        self._run_blocking = run_blocking
        self._jobs = jobs
        self._tasks = TaskOwner(self._task_failed)
        self.refresh_job = ""  # the last refresh submitted here

    def apply(self, *, refresh: bool = True) -> asyncio.Task[Any]:
        """`refresh=False`: no model-list refresh job (at start-up the app refreshes them when it is online)."""
        return self._tasks.start(self._apply(refresh), "ai_servers.apply")

    async def _apply(self, refresh: bool = True) -> None:
        read = self._read_providers
        providers = list(await self._run_blocking(lambda: list(read())))
        self._set_providers(providers)
        self.applied.emit(providers)
        self._reload_models()  # a removed server's models leave the picker now
        if refresh and self._jobs is not None and any(p.kind != "local" for p in providers):
            self.refresh_job = self._jobs.delay(REFRESH_MODELS_TASK)

    def on_job_changed(self, snapshot: JobSnapshot) -> None:
        """JobsBridge.job_changed: a finished model-list refresh means the picker has new models to show."""
        if snapshot.task_name == REFRESH_MODELS_TASK and snapshot.state is JobState.SUCCEEDED:
            self._reload_models()

    def _task_failed(self, error: BaseException) -> None:
        if isinstance(error, VectorError):
            self.error_occurred.emit(str(error))
            return
        log.error("applying the AI servers failed", exc_info=error)
        self.error_occurred.emit(_tr("The new server list could not be put to use; the log has the details."))

    def close(self) -> None:
        self._tasks.cancel_all()
