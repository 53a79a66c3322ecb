"""GUI composition of the cross-cutting services and of storage: logging with the scrubber, crash reports and
analytics, the job runner with its task registry and the Jobs panel's view-model, the connectivity monitor, the
storage service and the Storage panel, and the links between storage and the chat."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vector_desktop.domain.errors import VectorError
from vector_desktop.logging_setup import configure_logging


def build_services(session: Any) -> None:
    """Wire the services every panel uses. Runs on the GUI thread; nothing here blocks."""
    from vector_desktop.core import make_scrubber
    from vector_desktop.core_jobs import make_job_runner, make_task_registry
    from vector_desktop.gui_chat import connectivity_url, model_listers
    from vector_desktop.presentation.connectivity import ConnectivityMonitor
    from vector_desktop.presentation.jobs_bridge import JobsBridge
    from vector_desktop.presentation.jobs_model import JobsTableModel, JobsViewModel
    from vector_desktop.services import telemetry
    from vector_desktop.services.connectivity import ConnectivityChecker
    from vector_desktop.store.deferred import deferred

    core = session.core
    config = core.config
    session.scrubber = make_scrubber(core)
    configure_logging(
        session.paths.log_file, str(config.get("VECTOR_LOG_LEVEL")), [session.scrubber.logging_filter()], stderr=False
    )
    session.crash.set_scrubber(session.scrubber.scrub_text)
    session.crash_reporter = telemetry.CrashReporter(config, session.scrubber)
    session.crash.set_capture(session.crash_reporter.capture_exception)
    session.analytics = telemetry.Analytics(
        config, deferred(lambda: _telemetry_repository(core)), session.scrubber, session.paths.data_dir / "analytics-id"
    )
    config.listeners.append(session.crash_reporter.on_settings_changed)
    config.listeners.append(session.analytics.on_settings_changed)
    session.crash_reporter.refresh()  # analytics applies its consent in open_store_parts: its queue is in the store

    _register_storage(session, core)
    session.task_registry = make_task_registry(
        core,
        storage=lambda: session.storage,
        images=lambda: session.images,
        analytics=lambda: session.analytics,
        model_listers=lambda: model_listers(session),
    )
    # The local pool, or Celery for the tasks that may leave the machine when CELERY_BROKER_URL is set.
    session.pool = make_job_runner(
        core,
        session.task_registry,
        on_notice=lambda text: session.loop.call_soon_threadsafe(session.notify, "jobs", text),
    )
    session.jobs_bridge = JobsBridge(session.window)
    session.jobs_bridge.attach(session.pool)
    session.jobs_bridge.running_count_changed.connect(session.window.set_running_jobs)
    session.jobs_model = JobsTableModel()
    session.jobs_vm = JobsViewModel(session.pool, session.jobs_model, session.jobs_bridge)
    session.closers.append(lambda: _stop_jobs(session))

    session.connectivity = ConnectivityMonitor(
        # provider_url: judged by the provider in use, so a local server counts as online.
        ConnectivityChecker(config, offline=bool(session.args.offline), provider_url=lambda: connectivity_url(session)),
        parent=session.window,
    )
    session.connectivity.checked.connect(session.show_connectivity)
    session.connectivity.online_changed.connect(session.on_online_changed)
    session.closers.append(session.connectivity.stop)
    session.window.settings_requested.connect(session.open_settings)
    session.closers.append(lambda: session.crash_reporter.shutdown(2.0))


async def open_store_parts(session: Any) -> None:
    """Once the store's SQLAlchemy is loaded (GuiSession.load_store): jobs a previous run left queued or running
    become interrupted (idempotent ones run again), the Jobs list is read, and analytics applies its consent (a
    withdrawn one empties the queue)."""
    import asyncio

    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, session.pool.recover)  # this run's jobs are left alone
    session.jobs_vm.load()
    await loop.run_in_executor(None, session.analytics.refresh)


def _telemetry_repository(core: Any) -> Any:
    from vector_desktop.store.telemetry_repository import TelemetryRepository

    return TelemetryRepository(core.store.sessions)


def _register_storage(session: Any, core: Any) -> None:
    from vector_desktop.core import make_storage_service
    from vector_desktop.presentation.storage.thumbnails import QtThumbnailMaker
    from vector_desktop.services.storage.image_upload_service import ImageUploadService

    session.storage = make_storage_service(core)
    session.images = ImageUploadService(
        session.storage, thumbnail_dir=session.paths.cache_dir / "thumbnails", thumbnail_maker=QtThumbnailMaker()
    )


def build_storage_panel(session: Any) -> Any:
    """The Storage panel (not yet added to the window), with its link to the chat."""
    from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel
    from vector_desktop.views.storage.storage_panel import StoragePanel

    session.storage_vm = StorageViewModel(
        session.storage, session.pool, session.jobs_bridge, images=session.images, parent=session.window
    )
    session.storage_vm.backend_changed.connect(session.window.set_backend_text)
    session.core.config.listeners.append(session.storage_vm.on_settings_changed)  # also reloads the service
    panel = StoragePanel(session.storage_vm)
    panel.settings_requested.connect(session.open_settings)
    session.storage_vm.load()
    session.storage_vm.attach_to_chat_requested.connect(lambda key: attach_to_chat(session, key))
    return panel


def build_jobs_panel(session: Any) -> Any:
    from vector_desktop.views.jobs_panel import JobsPanel

    return JobsPanel(session.jobs_vm, session.jobs_model)


async def upload_image_for_chat(session: Any, path: str) -> tuple[str, str]:
    """Composer → storage → chat: the image is stored (location removed), then given to the model by URL."""
    return await session.storage.run(session.images.attach_for_chat, Path(path))  # type: ignore[no-any-return]


def attach_to_chat(session: Any, key: str) -> None:
    """Storage panel → chat: the image goes with the next message."""

    async def work() -> None:
        try:
            part = await session.storage.run(session.images.vision_part, key)
        except VectorError as error:
            session.chat_vm.error_occurred.emit(str(error))
            return
        session.chat_vm.attach_image(key.rsplit("/", 1)[-1], part.url)
        session.window.show_panel("chat")

    session.tasks.start(work(), "attach-to-chat")


def _stop_jobs(session: Any) -> None:
    storage_vm = getattr(session, "storage_vm", None)
    if storage_vm is not None:
        storage_vm.close()
    session.jobs_bridge.detach()
    session.pool.shutdown(wait_seconds=5.0)
    session.jobs_vm.close()
    session.storage.close()
