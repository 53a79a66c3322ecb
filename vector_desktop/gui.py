"""The GUI half of the composition root: QApplication, main window first, then the store and services.

Order matters for start-up speed: nothing heavy (SQLAlchemy, Alembic, keyring, boto3, sentry) is imported before
the main window has been shown; `GuiSession.finish_startup` opens them in a worker thread afterwards.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from vector_desktop import APP_NAME, DESKTOP_ID, ORG_NAME, __version__
from vector_desktop.domain.errors import VectorError
from vector_desktop.logging_setup import configure_logging
from vector_desktop.paths import AppPaths, resolve_paths
from vector_desktop.qtsupport.qtlog import install_qt_message_handler
from vector_desktop.qtsupport.theme import THEMES, apply_theme
from vector_desktop.views.main_window import MainWindow

if TYPE_CHECKING:
    from vector_desktop.qtsupport.crash import CrashReport

log = logging.getLogger("vector_desktop.gui")


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
        self._settings_vm: Any = None
        self._settings_dialog: Any = None
        self._ai_servers_dialog: Any = None
        self.reachability: Any = None
        self.account: Any = None  # the features gui_features.build_features adds
        self.email: Any = None
        self._account_refreshed = False
        self._remote_providers = False
        self.prefs = QSettings(str(paths.qt_settings_file), QSettings.Format.IniFormat)
        self.theme_choice = self._initial_theme()
        apply_theme(app, self.theme_choice)
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
        self.ready = asyncio.Event()
        self.garbage_collector = GuiThreadGarbageCollector(parent=self.app)
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
        window.about_requested.connect(self._about)

    def run(self) -> int:
        self.window.show()
        self.app.processEvents()  # the first paint happens here, before the heavy imports below
        self._start_loop()
        QTimer.singleShot(0, lambda: self.tasks.start(self.finish_startup(), "startup"))
        quit_future = self.loop.create_future()
        self.app.aboutToQuit.connect(lambda: quit_future.done() or quit_future.set_result(None))
        with self.loop:
            self.loop.run_until_complete(quit_future)
            self.loop.run_until_complete(self.shutdown())
        return self.exit_code

    async def finish_startup(self) -> None:
        import asyncio

        from vector_desktop.core import open_core

        loop = asyncio.get_running_loop()
        try:
            self.core = await loop.run_in_executor(None, lambda: open_core(self.paths, offline=bool(self.args.offline)))
            await loop.run_in_executor(None, self.core.secrets.check)
        except VectorError as error:
            self.fatal(str(error))
            return
        except OSError as error:
            self.fatal(f"Cannot use the profile folder {error.filename or self.paths.data_dir}: {error.strerror}.")
            return
        if self.interactive:
            from vector_desktop.gui_features import ask_vault_passphrase

            await ask_vault_passphrase(self.core, self.window)
        core = self.core
        self._build_services(core)
        await self._build_chat(core)
        self.storage_vm.attach_to_chat_requested.connect(self._attach_to_chat)
        self.window.add_panel("storage", self.window.tr("Storage"), QIcon(":/icons/storage.svg"), self.storage_panel)
        from vector_desktop.gui_features import build_features

        await build_features(self, core)
        self.window.add_panel("jobs", self.window.tr("Jobs"), QIcon(":/icons/jobs.svg"), self.jobs_panel)
        self._report_startup_notices()
        if (
            core.config.source("VECTOR_THEME").name != "DEFAULT"
            and core.config.get("VECTOR_THEME") != self.theme_choice
        ):
            self.set_theme(str(core.config.get("VECTOR_THEME")), save=False)
        self.window.restore_last_panel(self.args.panel)
        self.connectivity.start()
        self.ready.set()
        gc.freeze()  # start-up objects live for the whole run: keep them out of every later collection
        if self.args.screenshot:
            await self.take_screenshot(Path(self.args.screenshot))
        else:
            self._ask_privacy_question()

    def _build_services(self, core: Any) -> None:
        """Wire every service, view-model and panel. Runs on the GUI thread; nothing here blocks."""
        from vector_desktop.core_jobs import make_job_runner, make_task_registry
        from vector_desktop.presentation.connectivity import ConnectivityMonitor
        from vector_desktop.presentation.jobs_bridge import JobsBridge
        from vector_desktop.presentation.jobs_model import JobsTableModel, JobsViewModel
        from vector_desktop.services import telemetry
        from vector_desktop.services.connectivity import ConnectivityChecker
        from vector_desktop.services.scrubber import Scrubber, secret_values_of
        from vector_desktop.store.telemetry_repository import TelemetryRepository
        from vector_desktop.views.jobs_panel import JobsPanel

        config = core.config
        self.scrubber = Scrubber(secret_values_of(core.secrets, config), Path.home())
        configure_logging(
            self.paths.log_file, str(config.get("VECTOR_LOG_LEVEL")), [self.scrubber.logging_filter()], stderr=False
        )
        self.crash.set_scrubber(self.scrubber.scrub_text)
        self.crash_reporter = telemetry.CrashReporter(config, self.scrubber)
        self.crash.set_capture(self.crash_reporter.capture_exception)
        self.analytics = telemetry.Analytics(
            config, TelemetryRepository(core.store.sessions), self.scrubber, self.paths.data_dir / "analytics-id"
        )
        config.listeners.append(self.crash_reporter.on_settings_changed)
        config.listeners.append(self.analytics.on_settings_changed)
        self.crash_reporter.refresh()
        self.analytics.refresh()

        self._register_storage(core)
        self.task_registry = make_task_registry(
            core,
            storage=lambda: self.storage,
            images=lambda: self.images,
            analytics=lambda: self.analytics,
            model_listers=self._model_listers,
        )
        # The local pool, or Celery for the tasks that may leave the machine when CELERY_BROKER_URL is set.
        self.pool = make_job_runner(
            core, self.task_registry, on_notice=lambda text: self.loop.call_soon_threadsafe(self.notify, "jobs", text)
        )
        self.jobs_bridge = JobsBridge(self.window)
        self.jobs_bridge.attach(self.pool)
        self.pool.recover()
        self.jobs_bridge.running_count_changed.connect(self.window.set_running_jobs)
        self.jobs_model = JobsTableModel()
        self.jobs_vm = JobsViewModel(self.pool, self.jobs_model, self.jobs_bridge)
        self.jobs_vm.load()
        self.closers.append(self._stop_jobs)

        self.connectivity = ConnectivityMonitor(
            # provider_url: judged by the provider in use, so a local server counts as online.
            ConnectivityChecker(config, offline=bool(self.args.offline), provider_url=self._connectivity_url),
            parent=self.window,
        )
        self.connectivity.checked.connect(self._show_connectivity)
        self.connectivity.online_changed.connect(self._on_online_changed)
        self.closers.append(self.connectivity.stop)

        self.jobs_panel = JobsPanel(self.jobs_vm, self.jobs_model)
        self.storage_panel = self._build_storage_panel(config)
        self.window.settings_requested.connect(self.open_settings)
        self.closers.append(lambda: self.crash_reporter.shutdown(2.0))

    async def _build_chat(self, core: Any) -> None:
        """The chat panel. Building the LLM client reads keys from the keychain, so it happens off the GUI thread."""
        import asyncio
        from functools import partial

        from vector_desktop.ai.errors import AIError
        from vector_desktop.ai.models import LOCAL_MODEL_ID
        from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
        from vector_desktop.services.chat import model_catalog
        from vector_desktop.services.chat.chat_service import ChatService
        from vector_desktop.services.llm_factory import build_llm_client
        from vector_desktop.services.reachability import ProviderReachability
        from vector_desktop.store.chat_repository import ChatRepository
        from vector_desktop.views.chat.chat_panel import ChatPanel

        loop = asyncio.get_running_loop()
        config = core.config
        repo = ChatRepository(core.store.sessions)

        async def run_blocking(fn: Any, *args: Any, **kwargs: Any) -> Any:
            return await loop.run_in_executor(None, partial(fn, *args, **kwargs))

        # User-added OpenAI-compatible servers: their keys come from the keychain, so they are read
        # in the same executor call that builds the client.
        from vector_desktop.services.ai_servers import AIServerService
        from vector_desktop.store.server_repository import ServerRepository

        servers = AIServerService(ServerRepository(core.store.sessions), core.secrets, model_cache=repo)
        client = await loop.run_in_executor(
            None,
            lambda: build_llm_client(config, compatible=servers.provider_configs(), cached_models=repo.cached_models()),
        )
        self.llm_client = client
        await loop.run_in_executor(None, client.prepare)  # TLS certificates load here, not at the first request

        def base_url(model: str) -> str | None:
            try:
                return str(client.route(model)[0].base_url)
            except AIError:
                return None

        self.reachability = ProviderReachability(base_url, offline=bool(self.args.offline))
        service = ChatService(
            repo,
            client,
            run_blocking=run_blocking,
            is_reachable=self.reachability.is_reachable,
            default_model=lambda: client.default_model(str(config.get("VECTOR_DEFAULT_MODEL") or "")),
            local_model=LOCAL_MODEL_ID,
        )
        await service.recover()
        self.chat_service = service
        catalog = model_catalog.ModelCatalog(repo)  # (its tasks are registered by core_jobs.make_task_registry)
        remote_urls = [p.base_url for p in client.providers if p.kind != "local"]
        self.chat_vm = ChatViewModel(
            service,
            run_blocking=lambda fn: loop.run_in_executor(None, fn),
            models=catalog.models,
            check_context=client.check_context,
            jobs=self.pool,
            refresh_reachability=lambda: self.reachability.refresh(remote_urls),
            local_available=client.local_available,
            image_uploader=self._upload_image_for_chat,
            parent=self.window,
        )
        self.connectivity.online_changed.connect(self.chat_vm.set_online)
        self.chat_panel = ChatPanel(self.chat_vm)
        self.window.add_panel("chat", self.window.tr("Chat"), QIcon(":/icons/chat.svg"), self.chat_panel)
        self.chat_vm.conversation_selected.connect(lambda cid: self.prefs.setValue("chat/last", cid))
        self.chat_vm.load(select=str(self.prefs.value("chat/last", "") or ""))
        self.closers.append(client.aclose)
        self.closers.append(self.chat_vm.aclose)
        self._remote_providers = bool(remote_urls)
        self._wire_ai_servers(servers, client, remote_urls)

    # AI servers ---------------------------------------------------------------------------------------------------
    def _wire_ai_servers(self, servers: Any, client: Any, remote_urls: list[str]) -> None:
        """The AI servers dialog's view-model, and what follows a change: new providers for the LLM client, the
        model-list refresh job, the chat's picker reloaded (also when any model-list refresh finishes)."""
        from vector_desktop.ai.providers import providers_from_settings
        from vector_desktop.presentation.ai_servers_viewmodel import AIServersViewModel, ProvidersUpdater

        config = self.core.config

        def run_blocking(fn: Any) -> Any:
            return self.loop.run_in_executor(None, fn)

        def providers_applied(providers: list[Any]) -> None:
            remote_urls[:] = [p.base_url for p in providers if p.kind != "local"]  # the outbox's reachability
            self._remote_providers = bool(remote_urls)
            self.connectivity.check_now()

        self.ai_servers_vm = AIServersViewModel(servers, run_blocking, parent=self.window)
        updater = ProvidersUpdater(
            lambda: providers_from_settings(config.get, servers.provider_configs()),
            client.set_providers,
            self.chat_vm.reload_models,
            run_blocking=run_blocking,
            jobs=self.pool,
            parent=self.window,
        )
        updater.applied.connect(providers_applied)
        updater.error_occurred.connect(lambda text: self.notify("ai_servers", text))
        self.ai_servers_vm.servers_changed.connect(updater.apply)
        provider_settings = {
            "OPENROUTER_API_KEY", "OPENROUTER_BASE_URL", "OPENROUTER_APP_NAME", "OPENAI_API_KEY", "OPENAI_BASE_URL",
        }  # fmt: skip
        config.listeners.append(lambda changed: updater.apply() if set(changed) & provider_settings else None)
        self.jobs_bridge.job_changed.connect(updater.on_job_changed)
        self.window.ai_servers_requested.connect(self.open_ai_servers)
        self.closers.append(self.ai_servers_vm.close)
        self.closers.append(updater.close)

    def _connectivity_url(self) -> str:
        """The first remote provider in use ("" before the chat is built: the checker falls back to its setting)."""
        client = getattr(self, "llm_client", None)
        urls = [p.base_url for p in client.providers if p.kind != "local"] if client is not None else []
        return str(urls[0]) if urls else ""

    def open_ai_servers(self) -> None:
        from vector_desktop.views.ai_servers_dialog import AIServersDialog

        if self._ai_servers_dialog is None:
            dialog = AIServersDialog(self.ai_servers_vm, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: setattr(self, "_ai_servers_dialog", None))
            self._ai_servers_dialog = dialog
            self.ai_servers_vm.load()
        self._ai_servers_dialog.open()

    def _register_storage(self, core: Any) -> None:
        from vector_desktop.core import make_storage_service
        from vector_desktop.presentation.storage.thumbnails import QtThumbnailMaker
        from vector_desktop.services.storage.image_upload_service import ImageUploadService

        self.storage = make_storage_service(core)
        self.images = ImageUploadService(
            self.storage, thumbnail_dir=self.paths.cache_dir / "thumbnails", thumbnail_maker=QtThumbnailMaker()
        )

    def _model_listers(self) -> list[Any]:
        """The remote providers of the LLM client, for the model-list refresh job (none before the chat is built)."""
        from vector_desktop.services.openrouter_service import OpenRouterService

        client = getattr(self, "llm_client", None)
        return [] if client is None else [OpenRouterService(p) for p in client.providers if p.kind != "local"]

    def _build_storage_panel(self, config: Any) -> Any:
        from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel
        from vector_desktop.views.storage.storage_panel import StoragePanel

        self.storage_vm = StorageViewModel(
            self.storage, self.pool, self.jobs_bridge, images=self.images, parent=self.window
        )
        self.storage_vm.backend_changed.connect(self.window.set_backend_text)
        config.listeners.append(self.storage_vm.on_settings_changed)  # also reloads the service
        panel = StoragePanel(self.storage_vm)
        panel.settings_requested.connect(self.open_settings)
        self.storage_vm.load()
        return panel

    async def _upload_image_for_chat(self, path: str) -> tuple[str, str]:
        """Composer → storage → chat: the image is stored (location removed), then given to the model by URL."""
        return await self.storage.run(self.images.attach_for_chat, Path(path))

    def _attach_to_chat(self, key: str) -> None:
        """Storage panel → chat: the image goes with the next message."""

        async def work() -> None:
            try:
                part = await self.storage.run(self.images.vision_part, key)
            except VectorError as error:
                self.chat_vm.error_occurred.emit(str(error))
                return
            self.chat_vm.attach_image(key.rsplit("/", 1)[-1], part.url)
            self.window.show_panel("chat")

        self.tasks.start(work(), "attach-to-chat")

    def _stop_jobs(self) -> None:
        self.storage_vm.close()
        self.jobs_bridge.detach()
        self.pool.shutdown(wait_seconds=5.0)
        self.jobs_vm.close()
        self.storage.close()

    def _show_connectivity(self, online: bool, reason: str) -> None:
        if self._remote_providers or self.args.offline:
            self.window.set_online(online, reason)
        else:
            self.window.set_on_device_only()

    def _on_online_changed(self, online: bool, _reason: str) -> None:
        if self.reachability is not None:
            self.reachability.set_offline(bool(self.args.offline))
        if not online:
            return
        if self.account is not None and not self._account_refreshed:
            self._account_refreshed = True
            self.account.start_background_refresh()  # renews the sign-in, retries a revocation that had to wait
        if self.analytics.enabled:
            self.pool.delay("telemetry.flush_analytics")
        if self._remote_providers:
            self.pool.delay("chat.refresh_models")

    def _ask_privacy_question(self) -> None:
        from vector_desktop.presentation.privacy_viewmodel import PrivacyViewModel
        from vector_desktop.views.privacy_dialog import PrivacyDialog

        view_model = PrivacyViewModel(
            self.core.config, self.core.settings, self.crash_reporter, self.analytics, self.window
        )
        if view_model.should_ask():
            dialog = PrivacyDialog(view_model, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def open_settings(self, group: str = "") -> None:
        from vector_desktop.presentation.settings_viewmodel import SettingsViewModel
        from vector_desktop.views.settings_dialog import SettingsDialog

        if self.core is None:
            return
        if self._settings_vm is None:
            self._settings_vm = SettingsViewModel(
                self.core.config,
                self.core.settings,
                self.core.secrets,
                lambda fn: self.loop.run_in_executor(None, fn),
                parent=self.window,
            )
            self.closers.append(self._settings_vm.close)
            from vector_desktop.core import storage_root
            from vector_desktop.presentation.storage.settings_tester import StorageSettingsTester

            self._settings_vm.add_group_action(
                "Storage",
                "test_connection",
                self.window.tr("Test connection"),
                StorageSettingsTester(self.core.config, storage_root(self.paths)),
            )
            if self.email is not None:
                self.email.add_settings_actions(self._settings_vm)
            if self.account is not None:
                self.account.add_settings_actions(self._settings_vm)
        if self._settings_dialog is None:
            dialog = SettingsDialog(self._settings_vm, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: setattr(self, "_settings_dialog", None))
            self._settings_dialog = dialog
        if group:
            self._settings_dialog.open_group(group)
        self._settings_dialog.open()

    def notify(self, key: str, text: str) -> None:
        """A notice above the panels; in non-interactive runs (--screenshot) also one line on stderr."""
        self.window.show_notice(key, text)
        log.info("notice: %s", text)
        if not self.interactive:
            print(f"vector-desktop: notice: {text}", file=sys.stderr, flush=True)

    def _report_startup_notices(self) -> None:
        core = self.core
        if core.store.notice:
            self.notify("store", core.store.notice)
            self.inform(self.window.tr("Your data file was kept aside"), core.store.notice)
        if core.secrets.problem:
            self.notify("keychain", core.secrets.problem)
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
            QMessageBox.critical(self.window, APP_NAME, message)
        self.app.exit(1)

    def inform(self, title: str, text: str) -> None:
        if not self.interactive:
            return
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_crash(self, report: CrashReport) -> None:
        from vector_desktop.views.crash_dialog import CrashDialog

        if not self.interactive:
            fail_line(f"unexpected error: {report.summary} at {report.where}")
            return
        dialog = CrashDialog(report.summary, report.where, report.details, self.paths.log_file, self.window)
        if dialog.exec() == CrashDialog.QUIT:
            self.window.close()

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
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _about(self) -> None:
        QMessageBox.about(
            self.window,
            self.window.tr("About Vector Desktop"),
            f"<b>{APP_NAME}</b> {__version__}<br>"
            + self.window.tr("An AI workspace on your own machine.")
            + f"<br><br>{self.window.tr('Data')}: {self.paths.data_dir}"
            + f"<br>{self.window.tr('Logs')}: {self.paths.log_dir}",
        )

    # Shutdown ---------------------------------------------------------------------------------------------------------
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
        self.prefs.sync()
        self.lock.unlock()


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
        QMessageBox.critical(parent, APP_NAME, message)
    return 1
