"""The AI servers dialog as a user drives it, over the real store, an in-memory keyring and the scripted
OpenAI-compatible server on 127.0.0.1; and the chat's model picker picking up a new server's models through the
real LLMClient, the real job pool and the `chat.refresh_models` job.

Async tests run on the qasync loop; conditions are awaited with asyncio (never qtbot's blocking waits)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.support.memory_keyring import MemoryKeyring
from tests.support.sse_server import ScriptedLLMServer, closed_port
from tests.support.waiting import wait_for
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.types import ChatMessage, LLMSettings
from vector_desktop.domain.ai_servers import AIServer
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.presentation.ai_servers_viewmodel import (
    AIServersTableModel,
    AIServersViewModel,
    ProvidersUpdater,
    ServerColumn,
)
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.secrets import SecretStore
from vector_desktop.services.ai_servers import AIServerService
from vector_desktop.services.chat import model_catalog
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.services.openrouter_service import OpenRouterService
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.job_repository import JobRepository
from vector_desktop.store.server_repository import ServerRepository
from vector_desktop.views.ai_servers_dialog import AIServersDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SERVICE = "vector-desktop-qt-servers"
KEY = "sk-local-TOPSECRET-qt-0123456789"
WAIT_S = 15.0  # a guard against hangs, not a timing assertion
T = TypeVar("T")
MODELS = {"data": [{"id": "llama3.2:3b", "name": "Llama 3.2 3B"}, {"id": "qwen2.5-coder"}]}


def run_blocking(fn: Callable[[], T]) -> asyncio.Future[T]:
    return asyncio.get_running_loop().run_in_executor(None, fn)


async def until(predicate: Callable[[], object], what: str) -> None:
    await wait_for(predicate, what, WAIT_S)


class Harness:
    def __init__(self, qtbot: Any, store: Any, keyring_backend: MemoryKeyring) -> None:
        self.qtbot = qtbot
        self.keyring = keyring_backend
        self.chat_repo = ChatRepository(store.sessions)
        self.service = AIServerService(
            ServerRepository(store.sessions), SecretStore(SERVICE), model_cache=self.chat_repo, probe_timeout=2.0
        )
        self.vm = AIServersViewModel(self.service, run_blocking)
        self.dialog = AIServersDialog(self.vm)
        qtbot.addWidget(self.dialog)
        self.ui = self.dialog.ui

    async def open(self) -> None:
        self.dialog.show()
        await self.vm.load()

    def keychain(self) -> dict[str, str]:
        return {user: value for (service, user), value in self.keyring.values.items() if service == SERVICE}

    def table(self) -> list[list[str]]:
        model = self.vm.model
        return [
            [str(model.index(row, column).data()) for column in range(model.columnCount())]
            for row in range(model.rowCount())
        ]

    def every_shown_text(self) -> str:
        model = self.vm.model
        texts = [
            str(model.index(row, column).data(role))
            for row in range(model.rowCount())
            for column in range(model.columnCount())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
        ]
        ui = self.ui
        texts += [ui.nameEdit.text(), ui.urlEdit.text(), ui.keyEdit.text(), ui.keyEdit.placeholderText()]
        texts += [ui.formErrorLabel.text(), ui.testResultLabel.text()]
        return "\n".join(texts)

    async def save(self) -> None:
        saved = asyncio.Event()
        self.vm.saved.connect(saved.set)
        try:
            self.ui.saveButton.click()
            await asyncio.wait_for(saved.wait(), WAIT_S)
        finally:
            self.vm.saved.disconnect(saved.set)
        await until(lambda: not self.vm.busy, "the save finished")

    async def test_server(self) -> None:
        finished = asyncio.Event()
        self.vm.test_finished.connect(finished.set)
        try:
            self.ui.testButton.click()
            await asyncio.wait_for(finished.wait(), WAIT_S)
        finally:
            self.vm.test_finished.disconnect(finished.set)

    def models_shown(self) -> list[str]:
        models = self.ui.modelsList
        return [models.item(row).text() for row in range(models.count())]

    def close(self) -> None:
        self.vm.close()


@asynccontextmanager
async def opened(qtbot: Any, store: Any, keyring_backend: MemoryKeyring) -> AsyncIterator[Harness]:
    harness = Harness(qtbot, store, keyring_backend)
    try:
        await harness.open()
        yield harness
    finally:
        harness.close()


@pytest.mark.asyncio
async def test_add_with_a_preset_test_and_the_key_is_never_shown(
    qtbot: Any, store: Any, memory_keyring: MemoryKeyring, sse_server: ScriptedLLMServer
) -> None:
    sse_server.models_payload = MODELS
    async with opened(qtbot, store, memory_keyring) as h:
        ui = h.ui
        assert ui.emptyLabel.isVisible() and not ui.serversTable.isVisible()
        ui.addButton.click()
        assert ui.editorGroup.title() == "New server"

        ui.presetCombo.setFocus()
        qtbot.keyClick(ui.presetCombo, Qt.Key.Key_Down)  # Custom → Ollama
        assert ui.presetCombo.currentText() == "Ollama (http://localhost:11434/v1)"
        assert (ui.nameEdit.text(), ui.urlEdit.text()) == ("Ollama", "http://localhost:11434/v1")

        # This machine's "Ollama" listens elsewhere: the user corrects the address, types a key and tests.
        ui.urlEdit.setText(sse_server.url("ollama"))
        ui.keyEdit.setText(KEY)
        await h.test_server()
        assert ui.testResultLabel.text() == "The server answered with 2 model(s)."
        assert h.models_shown() == ["llama3.2:3b", "qwen2.5-coder"]
        assert sse_server.requests[-1].headers["authorization"] == f"Bearer {KEY}"

        await h.save()
        await until(lambda: h.table()[0][ServerColumn.STATE] == "Reachable", "the server was probed")
        assert h.table() == [["Ollama", sse_server.url("ollama"), "Saved in keychain", "Reachable"]]
        (server,) = h.service.list_servers()
        assert h.keychain() == {f"AI_SERVER_KEY:{server.id}": KEY}
        assert ui.editorGroup.title() == "Edit “Ollama”"
        assert ui.keyEdit.text() == ""
        assert ui.keyEdit.placeholderText() == "A key is saved in the keychain; type a new one to replace it"
        assert ui.clearKeyCheck.isVisibleTo(h.dialog)
        assert KEY not in h.every_shown_text()

        # Selecting the row again still shows no key; Test with the empty field uses the saved key.
        ui.addButton.click()
        ui.serversTable.selectRow(0)
        assert (ui.nameEdit.text(), ui.keyEdit.text()) == ("Ollama", "")
        await h.test_server()
        assert sse_server.requests[-1].headers["authorization"] == f"Bearer {KEY}"
        assert h.models_shown() == ["llama3.2:3b", "qwen2.5-coder"]
        assert KEY not in h.every_shown_text()


@pytest.mark.asyncio
async def test_errors_are_shown_as_sentences(qtbot: Any, store: Any, memory_keyring: MemoryKeyring) -> None:
    async with opened(qtbot, store, memory_keyring) as h:
        ui = h.ui
        ui.urlEdit.setText("http://localhost:11434/v1")
        failed = asyncio.Event()
        h.vm.save_failed.connect(lambda _field, _text: failed.set())
        ui.saveButton.click()
        await asyncio.wait_for(failed.wait(), WAIT_S)
        assert ui.formErrorLabel.isVisible()
        assert ui.formErrorLabel.text() == "Give the server a name, e.g. Ollama."
        assert h.service.list_servers() == []

        url = f"http://127.0.0.1:{closed_port()}/v1"
        ui.urlEdit.setText(url)
        await h.test_server()
        assert ui.testResultLabel.text() == (
            f"Nothing is listening at {url}: the connection was refused. "
            "Check that the server is running and that the address and port are right."
        )
        assert not ui.modelsList.isVisible()


@pytest.mark.asyncio
async def test_remove_asks_for_confirmation(
    qtbot: Any, store: Any, memory_keyring: MemoryKeyring, sse_server: ScriptedLLMServer
) -> None:
    async with opened(qtbot, store, memory_keyring) as h:
        server = await run_blocking(lambda: h.service.add("LM Studio", sse_server.url("lms"), KEY))
        await h.vm.load()
        h.ui.serversTable.selectRow(0)
        assert h.ui.removeButton.isEnabled()

        h.ui.removeButton.click()
        box = h.dialog.confirm_box
        assert box is not None and box.isVisible()
        assert box.text() == "Remove the server “LM Studio”?"
        box.button(QMessageBox.StandardButton.Cancel).click()
        await asyncio.sleep(0.1)
        assert [s.name for s in h.service.list_servers()] == ["LM Studio"]

        removed = asyncio.Event()
        h.vm.removed.connect(lambda _name: removed.set())
        h.ui.removeButton.click()
        box = h.dialog.confirm_box
        assert box is not None
        box.button(QMessageBox.StandardButton.Yes).click()
        await asyncio.wait_for(removed.wait(), WAIT_S)
        assert h.table() == []
        assert h.service.list_servers() == []
        assert f"AI_SERVER_KEY:{server.id}" not in h.keychain()
        assert h.ui.editorGroup.title() == "New server"
        assert h.ui.emptyLabel.isVisible()


@pytest.mark.asyncio
async def test_the_chat_model_picker_lists_the_new_servers_models(
    qtbot: Any, store: Any, memory_keyring: MemoryKeyring, sse_server: ScriptedLLMServer
) -> None:
    sse_server.models_payload = MODELS
    chat_repo = ChatRepository(store.sessions)
    client = LLMClient([], timeout=10.0, max_retries=0)
    catalog = model_catalog.ModelCatalog(chat_repo, include_local=False)
    registry = TaskRegistry()
    model_catalog.register_tasks(
        registry, lambda: catalog, lambda: [OpenRouterService(p) for p in client.providers if p.kind != "local"]
    )
    pool = JobPool(registry, JobRepository(store.sessions), workers=1)
    bridge = JobsBridge()
    bridge.attach(pool)
    chat_vm = ChatViewModel(
        ChatService(chat_repo, client, default_model="local:test"),
        run_blocking=run_blocking,
        models=catalog.models,
        jobs=pool,
    )
    servers = AIServerService(ServerRepository(store.sessions), SecretStore(SERVICE), model_cache=chat_repo)
    servers_vm = AIServersViewModel(servers, run_blocking)
    updater = ProvidersUpdater(
        servers.provider_configs, client.set_providers, chat_vm.reload_models, run_blocking=run_blocking, jobs=pool
    )
    servers_vm.servers_changed.connect(updater.apply)
    bridge.job_changed.connect(updater.on_job_changed)
    picker = chat_vm.model_choices
    try:
        await chat_vm.reload_models()
        assert picker.row_of("compat:Ollama/llama3.2:3b") < 0

        await servers_vm.save(None, "Ollama", sse_server.url("ollama"), KEY)
        await until(lambda: picker.row_of("compat:Ollama/llama3.2:3b") >= 0, "the picker lists the server's models")
        assert picker.row_of("compat:Ollama/qwen2.5-coder") >= 0
        label = picker.index(picker.row_of("compat:Ollama/llama3.2:3b")).data()
        assert "Llama 3.2 3B (Ollama)" in label

        # The picked model really goes to that server, with its wire id and its key.
        result = await client.complete([ChatMessage("user", "Hi")], LLMSettings(model="compat:Ollama/llama3.2:3b"))
        assert result.text == "Hello from the test server."
        (request,) = sse_server.chat_requests("ollama")
        assert request.json["model"] == "llama3.2:3b"
        assert request.headers["authorization"] == f"Bearer {KEY}"

        # Removing the server takes its models out of the picker.
        (server,) = servers.list_servers()
        await servers_vm.remove(server.id)
        await until(lambda: picker.row_of("compat:Ollama/llama3.2:3b") < 0, "the server's models left the picker")
        assert client.providers == ()
    finally:
        servers_vm.close()
        updater.close()
        await chat_vm.aclose()
        await client.aclose()
        bridge.detach()
        pool.shutdown(wait_seconds=5.0)


def test_table_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = AIServersTableModel()
    model.set_servers(
        [
            AIServer(1, "Ollama", "http://localhost:11434/v1", has_key=False),
            AIServer(2, "vLLM", "http://gpu-box:8000/v1", has_key=True),
            AIServer(3, "Old", "http://old:1/v1", enabled=False),
        ],
        session_only={2},
    )
    model.set_reachable({1: True, 2: False})
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows == [
        ["Ollama", "http://localhost:11434/v1", "None", "Reachable"],
        ["vLLM", "http://gpu-box:8000/v1", "Saved for this session only", "Not reachable"],
        ["Old", "http://old:1/v1", "None", "Not used"],
    ]
