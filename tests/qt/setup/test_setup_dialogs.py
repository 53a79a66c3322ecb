"""The Export setup and Import setup dialogs as a user drives them, over two real profiles (stores and keychain
namespaces of their own). Work runs in an executor; conditions are awaited with asyncio on the qasync loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QSettings

from tests.integration.setup.profiles import (
    PASSPHRASE,
    SECRETS,
    fill_source,
    fill_target,
    keychain_of,
    open_profile,
    snapshot,
)
from tests.support.memory_keyring import MemoryKeyring
from tests.support.waiting import next_emission, wait_for
from vector_desktop.core import Core
from vector_desktop.core_setup import make_setup
from vector_desktop.presentation.setup.plan_model import PlanColumn, SetupPlanModel
from vector_desktop.presentation.setup.setup_viewmodel import SetupViewModel, passphrase_hint
from vector_desktop.views.setup.export_dialog import ExportSetupDialog
from vector_desktop.views.setup.import_dialog import ImportSetupDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
T = TypeVar("T")


def run_blocking(fn: Callable[[], T]) -> asyncio.Future[T]:
    return asyncio.get_running_loop().run_in_executor(None, fn)


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def machines(tmp_path: Path, backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Core, Core]]:
    monkeypatch.chdir(tmp_path)
    source = open_profile(tmp_path, "laptop", backend)
    target = open_profile(tmp_path, "desktop", backend)
    fill_source(source)
    fill_target(target)
    try:
        yield source, target
    finally:
        source.close()
        target.close()


@pytest.fixture
def exported(tmp_path: Path, machines: tuple[Core, Core]) -> Path:
    path = tmp_path / "setup.vdsetup"
    make_setup(machines[0]).export(path, PASSPHRASE)
    return path


def table(model: Any) -> list[list[str]]:
    return [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def import_dialog(qtbot: Any, core: Core) -> tuple[ImportSetupDialog, SetupViewModel]:
    vm = SetupViewModel(make_setup(core), run_blocking)
    dialog = ImportSetupDialog(vm)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, vm


@pytest.mark.asyncio
async def test_import_dialog_shows_the_plan_and_imports_only_when_asked(
    qtbot: Any, machines: tuple[Core, Core], exported: Path, backend: MemoryKeyring
) -> None:
    _source, target = machines
    dialog, vm = import_dialog(qtbot, target)
    before = snapshot(target, backend)
    try:
        dialog.load()
        await next_emission(vm.key_checked)
        assert not dialog.use_key_check.isVisible() and dialog.passphrase_edit.isVisible()
        dialog.path_edit.setText(str(exported))
        dialog.passphrase_edit.setText(PASSPHRASE)
        assert not dialog.import_button.isEnabled()
        dialog.open_button.click()
        await next_emission(vm.plan_ready)
        rows = table(vm.plan_model)
        assert ["Replace", "AI servers", "Ollama box", "base URL, API key"] in rows
        assert ["Add", "Database connections", "Analytics", ""] in rows
        assert ["Add", "Connectors", "MCP server GitHub MCP", ""] in rows
        assert dialog.table.isVisible()
        assert dialog.summary_label.text().startswith("9 to add, 2 to replace, 0 already here")
        shown = "\n".join(
            ["\n".join("\t".join(r) for r in rows), dialog.summary_label.text(), dialog.passphrase_edit.text()]
        )
        for secret in [*SECRETS.values(), PASSPHRASE]:
            assert secret not in shown
        assert snapshot(target, backend) == before, "nothing is written before Import"

        assert dialog.import_button.isEnabled()
        dialog.path_edit.setText(str(exported) + ".other")
        assert not dialog.import_button.isEnabled() and not dialog.table.isVisible(), "another file: plan gone"
        dialog.path_edit.setText(str(exported))
        dialog.passphrase_edit.setText(PASSPHRASE)
        dialog.open_button.click()
        await next_emission(vm.plan_ready)
        dialog.import_button.click()
        sections, text = await next_emission(vm.imported)
        assert sections == ["settings", "ai_servers", "connectors", "databases"]
        assert dialog.message_label.text() == text
        assert text.startswith("Imported 11 items into: Settings, AI servers, Connectors, Database connections")
        await wait_for(lambda: not vm.busy, "the import finished")
        assert not dialog.import_button.isEnabled()
        assert SECRETS["db_password"] in keychain_of(target, backend).values()
    finally:
        vm.close()


@pytest.mark.asyncio
async def test_a_wrong_passphrase_shows_the_sentence_and_changes_nothing(
    qtbot: Any, machines: tuple[Core, Core], exported: Path, backend: MemoryKeyring
) -> None:
    _source, target = machines
    dialog, vm = import_dialog(qtbot, target)
    before = snapshot(target, backend)
    try:
        dialog.path_edit.setText(str(exported))
        dialog.passphrase_edit.setText("not the right passphrase")
        dialog.open_button.click()
        (text,) = await next_emission(vm.open_failed)
        assert text == "The key or passphrase is not the one this file was encrypted with."
        await wait_for(lambda: dialog.message_label.isVisible(), "the sentence is shown")
        assert dialog.message_label.text() == text
        assert not dialog.table.isVisible() and not dialog.import_button.isEnabled()
        assert vm.plan_model.rowCount() == 0
        assert snapshot(target, backend) == before
    finally:
        vm.close()


@pytest.mark.asyncio
async def test_export_dialog_counts_checks_the_passphrase_and_says_where_it_wrote(
    qtbot: Any, machines: tuple[Core, Core], tmp_path: Path
) -> None:
    source, _target = machines
    vm = SetupViewModel(make_setup(source), run_blocking)
    dialog = ExportSetupDialog(vm)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        dialog.load()
        await next_emission(vm.summary_ready)
        text = dialog.summary_label.text()
        assert "Settings: 5" in text and "AI servers: 1" in text and "Database connections: 2" in text
        path = tmp_path / "out.vdsetup"
        dialog.path_edit.setText(str(path))
        dialog.passphrase_edit.setText("short")
        assert not dialog.export_button.isEnabled() and "Too short" in dialog.hint_label.text()
        dialog.passphrase_edit.setText(PASSPHRASE)
        dialog.repeat_edit.setText(PASSPHRASE + "!")
        assert not dialog.export_button.isEnabled() and dialog.hint_label.text() == "The two passphrases differ."
        dialog.repeat_edit.setText(PASSPHRASE)
        assert dialog.export_button.isEnabled()
        dialog.export_button.click()
        (result,) = await next_emission(vm.exported)
        assert result == f"Your setup (11 items) was exported to {path}."
        await wait_for(lambda: dialog.result_label.isVisible(), "the result is shown")
        assert dialog.result_label.text() == result
        assert dialog.passphrase_edit.text() == ""
        assert make_setup(source).open(path, PASSPHRASE).changes
    finally:
        vm.close()


@pytest.mark.asyncio
async def test_with_encryption_key_set_no_passphrase_is_asked(
    qtbot: Any, machines: tuple[Core, Core], tmp_path: Path
) -> None:
    source, target = machines
    for core in machines:
        core.config.apply_saved({"ENCRYPTION_KEY": "machine-key-for-dialogs"}, core.settings, notify=False)
    export_vm = SetupViewModel(make_setup(source), run_blocking)
    export = ExportSetupDialog(export_vm)
    qtbot.addWidget(export)
    export.show()
    dialog, vm = import_dialog(qtbot, target)
    try:
        export.load()
        await next_emission(export_vm.summary_ready)
        assert export.use_key_check.isVisible() and export.use_key_check.isChecked()
        assert not export.passphrase_edit.isVisible() and export.export_button.isEnabled()
        path = tmp_path / "keyed.vdsetup"
        export.path_edit.setText(str(path))
        export.export_button.click()
        await next_emission(export_vm.exported)

        dialog.load()
        await next_emission(vm.key_checked)
        assert dialog.use_key_check.isChecked() and not dialog.passphrase_edit.isVisible()
        dialog.path_edit.setText(str(path))
        dialog.open_button.click()
        await next_emission(vm.plan_ready)
        assert vm.plan_model.rowCount() == 11
    finally:
        export_vm.close()
        vm.close()


def test_plan_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    from vector_desktop.domain.setup_transfer import ChangeAction, SetupChange

    model = SetupPlanModel()
    model.set_changes(
        [
            SetupChange("settings", "VECTOR_THEME", ChangeAction.ADD),
            SetupChange("ai_servers", "Box", ChangeAction.REPLACE, ("base URL",)),
            SetupChange("databases", "Db", ChangeAction.SAME),
        ],
        {"settings": "Settings", "ai_servers": "AI servers"},
    )
    qtmodeltester.check(model)
    assert model.index(1, PlanColumn.DETAILS).data() == "base URL"
    assert model.index(2, PlanColumn.SECTION).data() == "databases"


def test_passphrase_hints() -> None:
    assert passphrase_hint("", "") == (False, "Type a passphrase; you will need it to import the setup.")
    assert passphrase_hint("abc", "abc")[0] is False
    assert passphrase_hint("abcdefgh1", "abcdefgh1")[0] is True
    assert passphrase_hint(PASSPHRASE, PASSPHRASE) == (True, "Strong.")


@pytest.mark.asyncio
async def test_file_menu_import_tells_what_changed(
    qtbot: Any, machines: tuple[Core, Core], exported: Path, tmp_path: Path
) -> None:
    from vector_desktop.gui_setup import build_setup
    from vector_desktop.views.main_window import MainWindow

    target = machines[1]
    window = MainWindow(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    gui = build_setup(target, window=window)
    texts = [a.text() for a in window.ui.menuFile.actions()]
    assert texts.index("E&xport setup…") + 1 == texts.index("&Import setup…")
    notified: list[set[str]] = []
    target.config.listeners.append(notified.append)
    gui.import_action.trigger()
    dialog = window.findChild(ImportSetupDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.path_edit.setText(str(exported))
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.open_button.click()
    await wait_for(lambda: dialog.import_button.isEnabled(), "the plan is shown")
    dialog.import_button.click()
    (sections,) = await next_emission(gui.imported)
    assert sections == ["settings", "ai_servers", "connectors", "databases"]
    assert notified == [
        {"MERGE_ACCESS_KEY", "MERGE_TOOL_PACK_ID", "OPENROUTER_API_KEY", "OPENROUTER_BASE_URL", "VECTOR_DEFAULT_MODEL"}
    ]
    assert target.config.get("VECTOR_DEFAULT_MODEL") == "openai/gpt-setupvalue"
    dialog.reject()
