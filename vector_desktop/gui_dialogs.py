"""The app-wide dialogs the GUI session opens: Settings (with the feature actions it gathers), the privacy question
of a first start, About, and the crash dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from vector_desktop import APP_NAME, __version__


def open_settings(session: Any, group: str = "") -> None:
    from vector_desktop.presentation.settings_viewmodel import SettingsViewModel
    from vector_desktop.qtsupport.single_dialog import single_dialog
    from vector_desktop.views.settings_dialog import SettingsDialog

    core = session.core
    if core is None:
        return
    if session.settings_vm is None:
        session.settings_vm = SettingsViewModel(
            core.config, core.settings, core.secrets, lambda fn: session.loop.run_in_executor(None, fn),
            parent=session.window,
        )  # fmt: skip
        session.closers.append(session.settings_vm.close)
        from vector_desktop.core import storage_root
        from vector_desktop.presentation.storage.settings_tester import StorageSettingsTester

        session.settings_vm.add_group_action(
            "Storage",
            "test_connection",
            session.window.tr("Test connection"),
            StorageSettingsTester(core.config, storage_root(session.paths)),
        )
        if session.email is not None:
            session.email.add_settings_actions(session.settings_vm)
        if session.account is not None:
            session.account.add_settings_actions(session.settings_vm)
    dialog = single_dialog(session, "settings_dialog", lambda: SettingsDialog(session.settings_vm, session.window))
    if group:
        dialog.open_group(group)
    dialog.open()


def ask_privacy_question(session: Any) -> None:
    from vector_desktop.presentation.privacy_viewmodel import PrivacyViewModel
    from vector_desktop.views.privacy_dialog import PrivacyDialog

    view_model = PrivacyViewModel(
        session.core.config, session.core.settings, session.crash_reporter, session.analytics, session.window
    )
    if view_model.should_ask():
        dialog = PrivacyDialog(view_model, session.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def show_about(session: Any) -> None:
    window = session.window
    QMessageBox.about(
        window,
        window.tr("About Vector Desktop"),
        f"<b>{APP_NAME}</b> {__version__}<br>"
        + window.tr("An AI workspace on your own machine.")
        + f"<br><br>{window.tr('Data')}: {session.paths.data_dir}"
        + f"<br>{window.tr('Logs')}: {session.paths.log_dir}",
    )


def show_information(session: Any, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, session.window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def show_crash(session: Any, report: Any) -> None:
    from vector_desktop.views.crash_dialog import CrashDialog

    dialog = CrashDialog(report.summary, report.where, report.details, session.paths.log_file, session.window)
    if dialog.exec() == CrashDialog.QUIT:
        session.window.close()
