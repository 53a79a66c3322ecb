"""Composition of the job tasks: `make_task_registry(core)` registers every task the app has, for the GUI and for
`vector-desktop worker` alike. The services behind the tasks are built on the first run of a task (on the worker
thread), so building the registry costs nothing at start-up.

Tasks marked `remote=True` may run on a Celery worker on another machine: they touch only storage, never a local
file path or the local store. All others stay in the local job pool.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from vector_desktop.domain.jobs import JobContext
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.store.deferred import Once, deferred

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.services.storage.cloud_storage_service import CloudStorageService
    from vector_desktop.store.job_repository import JobRepository

T = TypeVar("T")
SYNC_TASK = "storage.sync"


def _once(build: Callable[[], T]) -> Callable[[], T]:
    """A factory that builds its value on the first call only (thread-safe)."""
    return Once(build).get


def sync_prefix(storage: CloudStorageService, ctx: JobContext, source: str, dest: str) -> dict[str, Any]:
    """Copy every object under `source` to `dest` (same relative key) that is missing there or differs in size."""
    objects = [item for item in storage.list_all(source) if not item.key.endswith("/")]
    present = {item.key: item.size for item in storage.list_all(dest)}
    copied = skipped = 0
    for index, item in enumerate(objects, start=1):
        ctx.check()
        target = dest + item.key[len(source) :]
        if present.get(target) == item.size:
            skipped += 1
        else:
            storage.upload_bytes(storage.read_bytes(item.key), target)
            copied += 1
        ctx.progress(index / len(objects), f"Synced {index} of {len(objects)} files")
    return {"copied": copied, "skipped": skipped, "source": source, "dest": dest}


def make_task_registry(
    core: Core,
    *,
    registry: TaskRegistry | None = None,
    storage: Callable[[], CloudStorageService] | None = None,
    images: Callable[[], Any] | None = None,
    analytics: Callable[[], Any] | None = None,
    model_listers: Callable[[], Sequence[Any]] | None = None,
) -> TaskRegistry:
    """Every task of the app on one registry. The GUI passes the services it already has (its storage service,
    image service with a Qt thumbnail maker, analytics, the LLM client's providers as model listers); the worker
    lets them be built here, without Qt."""
    from vector_desktop.core import make_chat_repository
    from vector_desktop.services import telemetry
    from vector_desktop.services.chat import chat_export, model_catalog
    from vector_desktop.services.storage import storage_tasks

    tasks = registry if registry is not None else TaskRegistry()
    storage_factory = storage or _once(lambda: _storage(core))
    images_factory = images or _once(lambda: _images(core, storage_factory()))
    analytics_factory = analytics or _once(lambda: _analytics(core))

    storage_tasks.register_tasks(tasks, storage_factory, images_factory)
    telemetry.register_tasks(tasks, deferred(analytics_factory))
    chat_repository = make_chat_repository(core)  # made at its first use
    chat_export.register_tasks(tasks, lambda: chat_repository)
    catalog = _once(lambda: model_catalog.ModelCatalog(chat_repository))
    listers = model_listers or (lambda: _model_listers(core, chat_repository))
    model_catalog.register_tasks(tasks, catalog, listers)
    tasks.register(
        SYNC_TASK,
        lambda ctx, source, dest: sync_prefix(storage_factory(), ctx, source, dest),
        retries=2,
        backoff=5.0,
        idempotent=True,
        title="Sync storage folder",
        remote=True,
    )
    return tasks


def _storage(core: Core) -> CloudStorageService:
    from vector_desktop.core import make_storage_service

    service = make_storage_service(core)
    core.closers.append(service.close)
    return service


def _images(core: Core, storage: CloudStorageService) -> Any:
    from vector_desktop.services.storage.image_upload_service import ImageUploadService

    return ImageUploadService(storage, thumbnail_dir=core.paths.cache_dir / "thumbnails")


def _analytics(core: Core) -> Any:

    from vector_desktop.core import make_scrubber
    from vector_desktop.services import telemetry
    from vector_desktop.store.telemetry_repository import TelemetryRepository

    scrubber = make_scrubber(core)
    queue = TelemetryRepository(core.store.sessions)
    analytics = telemetry.Analytics(core.config, queue, scrubber, core.paths.data_dir / "analytics-id")
    analytics.refresh()
    return analytics


def _model_listers(core: Core, repo: Any) -> list[Any]:
    from vector_desktop.ai.providers import providers_from_settings
    from vector_desktop.services.ai_servers import AIServerService
    from vector_desktop.services.openrouter_service import OpenRouterService
    from vector_desktop.store.server_repository import ServerRepository

    servers = AIServerService(ServerRepository(core.store.sessions), core.secrets, model_cache=repo)
    providers = providers_from_settings(core.config.get, servers.provider_configs())
    return [OpenRouterService(p) for p in providers if p.kind != "local"]


def make_job_runner(core: Core, registry: TaskRegistry, *, on_notice: Callable[[str], None] | None = None) -> Any:
    """The jobs interface the app uses: the local pool, or with CELERY_BROKER_URL set a dispatcher that sends the
    remote tasks to Celery workers and keeps the others in the pool. `on_notice(text)` (any thread) tells the user
    once when the broker cannot be reached. Celery is imported only when a broker is set."""
    from vector_desktop.jobs.pool import JobPool

    config = core.config
    repository = deferred(lambda: _job_repository(core))
    timeout = float(config.get("VECTOR_JOB_TIMEOUT"))
    pool = JobPool(registry, repository, workers=int(config.get("VECTOR_JOB_WORKERS")), default_timeout=timeout)
    broker = str(config.get("CELERY_BROKER_URL") or "").strip()
    if not broker:
        return pool
    from vector_desktop.jobs.celery_backend import CeleryJobs
    from vector_desktop.jobs.dispatch import JobDispatcher

    remote = CeleryJobs(
        registry,
        repository,
        broker_url=broker,
        result_backend=str(config.get("CELERY_RESULT_BACKEND") or "").strip(),
        default_timeout=timeout,
        on_notice=on_notice,
    )
    return JobDispatcher(registry, pool, remote)


def _job_repository(core: Core) -> JobRepository:
    from vector_desktop.store.job_repository import JobRepository

    return JobRepository(core.store.sessions)
