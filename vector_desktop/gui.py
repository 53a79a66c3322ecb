"""The GUI half of the composition root: QApplication, main window first, then the store and services.

Order matters for start-up speed: nothing heavy (SQLAlchemy, Alembic, keyring, boto3, sentry) is imported before
the main window has been shown; `GuiSession.finish_startup` (gui_startup.py) opens them afterwards.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from vector_desktop import APP_NAME, DESKTOP_ID, ORG_NAME, __version__
from vector_desktop.logging_setup import configure_logging
from vector_desktop.paths import AppPaths, resolve_paths
from vector_desktop.qtsupport.pyside_import_check import installed_answers
from vector_desktop.qtsupport.qtlog import install_qt_message_handler
from vector_desktop.qtsupport.theme import THEMES, apply_theme, confirm_system_scheme, remembered_system_dark
from vector_desktop.views.main_window import MainWindow

if TYPE_CHECKING:
    from vector_desktop.qtsupport.crash import CrashReport

log = logging.getLogger("vector_desktop.gui")
IMPORT_ANSWERS_FILE = "pyside-import-check.json"


def fail_line(message: str) -> None:
    print(f"vector-desktop: {message}", file=sys.stderr, flush=True)


class GuiSession:
    """One run of the GUI: owns the window, the loop, the core services and their shutdown."""

    def __init__(self, app: QApplication, args: argparse.Namespace, paths: AppPaths, lock: QLockFile) -> None:
        self.app = app
        self.args = args
        self.paths = paths
        self.lock = lock
        self.interactive = not args.screenshot
        self.exit_code = 0
        self.core: Any = None
        self.closers: list[Any] = []
        self.settings_vm: Any = None
        self.settings_dialog: Any = None
        self.ai_servers_dialog: Any = None
        self.reachability: Any = None
        self.account: Any = None  # the features gui_features.build_features adds
        self.email: Any = None
        self.pending_tools: Any = None
        self.models_settled: Any = None  # done once the keychain's provider keys are in use (gui_chat)
        self.providers_updater: Any = None
        self.import_answers: Any = None
        # Set by gui_services.build_services, gui_chat.build_chat and gui_features.build_features:
        self.pool: Any = None
        self.analytics: Any = None
        self.connectivity: Any = None
        self.chat_tools: Any = None
        self.storage_panel: Any = None  # gui_startup.finish_startup
        self.jobs_panel: Any = None
        self._account_refreshed = False
        self.remote_providers = False
        self.prefs = QSettings(str(paths.qt_settings_file), QSettings.Format.IniFormat)
        self.theme_choice = self._initial_theme()
        self._assumed_dark = remembered_system_dark(self.prefs)  # checked right after the first paint
        apply_theme(app, self.theme_choice, self._assumed_dark)
        self.window = MainWindow(self.prefs)
        self.window.set_theme_choice(self.theme_choice)
        self._wire_window()

    def _start_loop(self) -> None:
        """asyncio and qasync are imported only after the window has painted (start-up speed)."""
        import asyncio

        from vector_desktop.qtsupport.crash import CrashHandler
        from vector_desktop.qtsupport.event_loop import HookedQEventLoop
        from vector_desktop.qtsupport.gc_timer import GuiThreadGarbageCollector
        from vector_desktop.qtsupport.switch_interval import use_gui_switch_interval
        from vector_desktop.qtsupport.tasks import TaskOwner

        self.loop = HookedQEventLoop(self.app)
        asyncio.set_event_loop(self.loop)
        self.crash = CrashHandler(self.show_crash)
        self.crash.install(self.loop)
        self.tasks = TaskOwner(self._task_failed)
        self.ready = asyncio.Event()  # the panel shown answers input: store open, its services up
        self.complete = asyncio.Event()  # every panel and service built
        self.garbage_collector = GuiThreadGarbageCollector(parent=self.app)
        self.garbage_collector.paused = True  # until start-up's objects are frozen
        self.garbage_collector.start()
        use_gui_switch_interval()

    # Start-up ---------------------------------------------------------------------------------------------------------
    def _initial_theme(self) -> str:
        choice = os.environ.get("VECTOR_THEME") or str(self.prefs.value("ui/theme", "system") or "system")
        return choice.lower() if choice.lower() in THEMES else "system"

    def _wire_window(self) -> None:
        window = self.window
        self.app.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        window.theme_requested.connect(self.set_theme)
        window.open_log_folder_requested.connect(lambda: self._open_folder(self.paths.log_dir))
        window.open_data_folder_requested.connect(lambda: self._open_folder(self.paths.data_dir))
        window.about_requested.connect(lambda: gui_dialogs().show_about(self))

    def run(self) -> int:
        self.window.show()
        self.app.processEvents()  # the first paint happens here, before the heavy imports below
        confirm_system_scheme(self.app, self.prefs, self.theme_choice, self._assumed_dark)
        self.import_answers = installed_answers()  # PySide6's import check: its file is read by _open_core
        self._start_loop()
        QTimer.singleShot(0, lambda: self.tasks.start(self._start_up(), "startup"))
        quit_future = self.loop.create_future()
        self.app.aboutToQuit.connect(lambda: quit_future.done() or quit_future.set_result(None))
        with self.loop:
            self.loop.run_until_complete(quit_future)
            self.loop.run_until_complete(self.shutdown())
        return self.exit_code

    async def _start_up(self) -> None:
        try:
            await self.finish_startup()
        except Exception:
            if not self.interactive:  # --screenshot: exit with the error (reported by the task's owner), not hang
                self.exit_code = 1
                self.app.exit(1)
            raise

    async def finish_startup(self) -> None:
        """The store and services, then the panels (gui_startup)."""
        from vector_desktop.gui_startup import finish_startup

        await finish_startup(self)

    def upload_image_for_chat(self, path: str) -> Any:
        from vector_desktop.gui_services import upload_image_for_chat

        return upload_image_for_chat(self, path)

    def show_connectivity(self, online: bool, reason: str) -> None:
        if self.remote_providers or self.args.offline:
            self.window.set_online(online, reason)
        else:
            self.window.set_on_device_only()

    def on_online_changed(self, online: bool, _reason: str) -> None:
        if self.reachability is not None:
            self.reachability.set_offline(bool(self.args.offline))
        if not online:
            return
        if self.account is not None and not self._account_refreshed:
            self._account_refreshed = True
            self.account.start_background_refresh()  # renews the sign-in, retries a revocation that had to wait
        if self.analytics.enabled:
            self.pool.delay("telemetry.flush_analytics")
        if self.remote_providers:
            self.pool.delay("chat.refresh_models")

    def open_settings(self, group: str = "") -> None:
        gui_dialogs().open_settings(self, group)

    def notify(self, key: str, text: str) -> None:
        """A notice above the panels; in non-interactive runs (--screenshot) also one line on stderr."""
        self.window.show_notice(key, text)
        log.info("notice: %s", text)
        if not self.interactive:
            print(f"vector-desktop: notice: {text}", file=sys.stderr, flush=True)

    def report_startup_notices(self) -> None:
        core = self.core
        if core.store.notice:
            self.notify("store", core.store.notice)
            self.inform(self.window.tr("Your data file was kept aside"), core.store.notice)
        problems = core.config.validate_all()  # each message names the file a bad value came from
        if problems:
            text = self.window.tr("Some settings are invalid and were ignored: ")
            self.notify("config", text + "; ".join(str(problem) for problem in problems))

    async def take_screenshot(self, target: Path) -> None:
        import asyncio

        from PySide6.QtTest import QTest

        QTest.qWaitForWindowExposed(self.window, 2000)
        await asyncio.sleep(0.15)  # let pending layouts and paints settle
        self.app.processEvents()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not self.window.grab().save(str(target), "PNG"):
            fail_line(f"cannot write screenshot {target}")
            self.exit_code = 1
        self.app.exit(self.exit_code)

    # Faults -----------------------------------------------------------------------------------------------------------
    def fatal(self, message: str) -> None:
        """A problem the app cannot start with: one line on stderr, a dialog when interactive, exit 1."""
        fail_line(message)
        log.error("fatal: %s", message)
        self.exit_code = 1
        if self.interactive:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self.window, APP_NAME, message)
        self.app.exit(1)

    def inform(self, title: str, text: str) -> None:
        if self.interactive:
            gui_dialogs().show_information(self, title, text)

    def show_crash(self, report: CrashReport) -> None:
        if not self.interactive:
            fail_line(f"unexpected error: {report.summary} at {report.where}")
            return
        gui_dialogs().show_crash(self, report)

    def _task_failed(self, error: BaseException) -> None:
        self.crash.handle(type(error), error, error.__traceback__)

    # Window actions ---------------------------------------------------------------------------------------------------
    def _system_scheme_changed(self, _scheme: object) -> None:
        if self.theme_choice == "system":
            apply_theme(self.app, "system")

    def set_theme(self, choice: str, save: bool = True) -> None:
        self.theme_choice = choice
        apply_theme(self.app, choice)
        self.window.set_theme_choice(choice)
        self.prefs.setValue("ui/theme", choice)
        if save and self.core is not None:
            self.core.config.apply_saved({"VECTOR_THEME": choice}, self.core.settings)

    def _open_folder(self, folder: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # Shutdown ---------------------------------------------------------------------------------------------------------
    def load_import_answers(self) -> None:
        if self.import_answers is not None:
            self.import_answers.load(self.paths.cache_dir / IMPORT_ANSWERS_FILE)

    def save_import_answers(self) -> None:
        if self.import_answers is not None:
            self.import_answers.save(self.paths.cache_dir / IMPORT_ANSWERS_FILE)

    async def shutdown(self) -> None:
        import asyncio

        self.tasks.cancel_all()
        await asyncio.sleep(0)
        for closer in reversed(self.closers):
            try:
                result = closer()
                if asyncio.iscoroutine(result):
                    await asyncio.wait_for(result, 5)
            except Exception:
                log.exception("error while shutting down")
        if self.core is not None:
            self.core.close()
        self.crash.uninstall()
        self.save_import_answers()  # with the modules first used in this run
        self.prefs.sync()
        self.lock.unlock()


def gui_dialogs() -> Any:
    """The dialogs' module, imported when one is first opened (QMessageBox and the dialogs are not needed to paint)."""
    import vector_desktop.gui_dialogs as dialogs

    return dialogs


def _choose_platform(screenshot: bool) -> str | None:
    """Offscreen rendering for --screenshot on a machine without a display; a clear message otherwise."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    return "No display was found (DISPLAY and WAYLAND_DISPLAY are unset). Start Vector Desktop from a desktop session."


def run_gui(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_API", "pyside6")
    no_display = _choose_platform(bool(args.screenshot))
    if no_display:
        fail_line(no_display)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(":/icons/app.svg"))
    install_qt_message_handler()
    _install_translations(app)
    interactive = not args.screenshot
    paths = resolve_paths(args.profile)
    try:
        paths.ensure()
        configure_logging(paths.log_file, stderr=False)
    except OSError as error:
        folder = error.filename or paths.data_dir
        return _fatal_before_window(f"Cannot write to the profile folder {folder}: {error.strerror}.", interactive)
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        info = lock.getLockInfo()  # PySide6 returns (pid, hostname, appname)
        pid = info[0] if info else "?"
        where = paths.profile_dir or paths.data_dir
        return _fatal_before_window(
            f"Vector Desktop is already running with this profile ({where}, process {pid}). "
            "Switch to that window, or start with another --profile.",
            interactive,
        )
    return GuiSession(app, args, paths, lock).run()


def _install_translations(app: QApplication) -> None:
    """Qt's own strings and ours in the system language, when a compiled translation exists."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    locale = QLocale.system()
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(Path(__file__).parent / "i18n")]
    for name, folder in (("qtbase", folders[0]), ("vector_desktop", folders[1])):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def _fatal_before_window(message: str, interactive: bool, parent: QWidget | None = None) -> int:
    fail_line(message)
    logging.getLogger("vector_desktop").error("fatal: %s", message)
    if interactive:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, APP_NAME, message)
    return 1
