"""Crash reports (Sentry) and usage analytics (Mixpanel), both off unless configured AND agreed to.

Consent lives in the settings VECTOR_CRASH_REPORTS / VECTOR_ANALYTICS; `refresh()` applies the current settings and
is safe to call any time (start-up, after the privacy question, after the Settings dialog).
Everything sent passes through the Scrubber. Analytics events are queued in the store by `track()` (a tiny insert)
and sent by the job `telemetry.flush_analytics` (network I/O on a worker thread, never on the GUI thread).
"""

from __future__ import annotations

import json
import logging
import platform
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from vector_desktop import __version__
from vector_desktop.config import Config
from vector_desktop.domain.jobs import JobContext
from vector_desktop.jobs.registry import Task, TaskRegistry
from vector_desktop.services.scrubber import Scrubber

log = logging.getLogger(__name__)

FLUSH_TASK = "telemetry.flush_analytics"
CRASH_KEYS = frozenset({"VECTOR_CRASH_REPORTS", "SENTRY_DSN", "SENTRY_ENVIRONMENT"})
ANALYTICS_KEYS = frozenset({"VECTOR_ANALYTICS", "MIXPANEL_TOKEN", "MIXPANEL_API_HOST"})


class CrashReporter:
    """Wraps sentry_sdk (whose client is process-global by design); only this class initialises it."""

    def __init__(
        self,
        config: Config,
        scrubber: Scrubber,
        *,
        release: str = f"vector-desktop@{__version__}",
        ca_certs: str | None = None,
    ) -> None:
        self._config = config
        self._scrubber = scrubber
        self._release = release
        self._ca_certs = ca_certs
        self._client: Any = None
        self._started_with: tuple[str, str] | None = None
        self._user_hash: str | None = None

    @property
    def wanted(self) -> bool:
        return bool(self._config.get("SENTRY_DSN")) and bool(self._config.get("VECTOR_CRASH_REPORTS"))

    @property
    def active(self) -> bool:
        return self._client is not None

    def refresh(self) -> bool:
        """Start, restart or stop Sentry to match the settings; returns whether reports are sent."""
        if not self.wanted:
            self.disable()
            return False
        wanted_setup = (str(self._config.get("SENTRY_DSN")), str(self._config.get("SENTRY_ENVIRONMENT")))
        if self._client is not None and self._started_with != wanted_setup:
            self.disable()
        return self.enable()

    def on_settings_changed(self, keys: set[str]) -> None:
        if keys & CRASH_KEYS:
            self.refresh()

    def enable(self) -> bool:
        """Start sending crash reports (when a DSN is configured)."""
        if self._client is not None:
            return True
        dsn = str(self._config.get("SENTRY_DSN"))
        if not dsn:
            return False
        import sentry_sdk

        environment = str(self._config.get("SENTRY_ENVIRONMENT")) or "desktop"
        try:
            self._init(sentry_sdk, dsn, environment)
        except Exception as error:  # e.g. a malformed DSN in .env must not stop the app from starting
            log.warning("crash reports not enabled: %s", type(error).__name__)
            return False
        self._client = sentry_sdk.get_client()
        self._started_with = (dsn, str(self._config.get("SENTRY_ENVIRONMENT")))
        if self._user_hash:
            sentry_sdk.set_user({"id": self._user_hash})
        log.info("crash reports enabled (environment %s)", environment)
        return True

    def _init(self, sentry_sdk: Any, dsn: str, environment: str) -> None:
        from sentry_sdk.integrations.dedupe import DedupeIntegration
        from sentry_sdk.integrations.logging import LoggingIntegration

        sentry_sdk.init(
            dsn=dsn,
            environment=environment,
            release=self._release,
            before_send=self._before_send,
            # No personal data and no locals (they may hold keys or message text): sentry-sdk 3 collects both
            # unless told not to.
            data_collection={"user_info": False, "stack_frame_variables": False, "http_bodies": []},
            server_name="",  # the host name is often the user's name
            # A desktop app needs no web-framework or HTTP-client hooks; only errors and log breadcrumbs.
            default_integrations=False,
            auto_enabling_integrations=False,
            integrations=[
                DedupeIntegration(),
                # Breadcrumbs from INFO up; no event from a log line, no Sentry log stream.
                LoggingIntegration(level=None, event_level=None, breadcrumb_level=logging.INFO),
            ],
            auto_session_tracking=False,
            send_client_reports=False,
            enable_backpressure_handling=False,
            in_app_include=["vector_desktop"],
            max_breadcrumbs=50,
            ca_certs=self._ca_certs,
        )

    def set_user(self, user_hash: str | None) -> None:
        """The signed-in account's hash (never the email) as Sentry's user id while reports are on; None: signed out."""
        self._user_hash = user_hash or None
        if self._client is None:
            return
        import sentry_sdk

        sentry_sdk.set_user({"id": self._user_hash} if self._user_hash else None)

    def _before_send(self, event: Any, hint: Any) -> Any:
        return self._scrubber.before_send(event, hint)

    def disable(self) -> None:
        """Stop sending; reports not yet sent are dropped (consent was withdrawn)."""
        client, self._client = self._client, None
        self._started_with = None
        if client is None:
            return
        import sentry_sdk

        sentry_sdk.set_user(None)
        client.close(timeout=0)
        if sentry_sdk.get_client() is client:
            sentry_sdk.get_global_scope().set_client(None)
        log.info("crash reports disabled")

    def capture_exception(self, error: BaseException) -> str | None:
        """Report an error; returns the event id, or None when reports are off."""
        if self._client is None:
            return None
        import sentry_sdk

        return sentry_sdk.capture_exception(error)

    def flush(self, timeout: float = 2.0) -> None:
        if self._client is not None:
            self._client.flush(timeout=timeout)

    def shutdown(self, timeout: float = 2.0) -> None:
        """At exit: send what is pending (bounded wait), then stop."""
        if self._client is None:
            return
        self.flush(timeout)
        self.disable()


class QueuedEventLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def event(self) -> str: ...
    @property
    def distinct_id(self) -> str: ...
    @property
    def properties_json(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def attempts(self) -> int: ...


class TelemetryQueue(Protocol):
    """The analytics outbox (vector_desktop.store.telemetry_repository.TelemetryRepository)."""

    def add(self, event: str, distinct_id: str, properties_json: str) -> int: ...

    def pending(self, limit: int, after_id: int = 0) -> Sequence[QueuedEventLike]: ...

    def count(self) -> int: ...

    def delete(self, ids: Sequence[int]) -> None: ...

    def mark_failed(self, ids: Sequence[int]) -> None: ...

    def clear(self) -> int: ...

    def drop_stale(self, created_before: datetime, max_attempts: int) -> int: ...

    def trim(self, keep: int) -> int: ...


@dataclass
class FlushResult:
    sent: int = 0
    failed: int = 0
    dropped: int = 0
    error: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Analytics:
    BATCH = 50  # Mixpanel's /track takes at most 50 events per request
    MAX_AGE = timedelta(days=5)  # /track refuses older events
    MAX_ATTEMPTS = 20
    MAX_QUEUED = 10_000
    MAX_EVENT_NAME = 200

    def __init__(
        self,
        config: Config,
        queue: TelemetryQueue,
        scrubber: Scrubber,
        id_file: Path,
        *,
        super_properties: Mapping[str, Any] | None = None,
        verify: bool | str = True,
        request_timeout: float = 10.0,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._config = config
        self._queue = queue
        self._scrubber = scrubber
        self._id_file = id_file
        self._distinct_id: str | None = None
        self._user_hash: str | None = None
        self._super = dict(
            super_properties if super_properties is not None else {"app_version": __version__, "$os": platform.system()}
        )
        self._verify = verify
        self._timeout = request_timeout
        self._now = now

    @property
    def enabled(self) -> bool:
        return bool(self._config.get("MIXPANEL_TOKEN")) and bool(self._config.get("VECTOR_ANALYTICS"))

    def track(self, event: str, properties: Mapping[str, Any] | None = None) -> bool:
        """Queue an event (a small SQLite insert; fine on the GUI thread). Returns False when analytics is off."""
        if not self.enabled:
            return False
        props = self._scrubber.scrub_value({**self._super, **(properties or {})})
        props["$insert_id"] = uuid.uuid4().hex  # lets Mixpanel drop duplicates when a batch is re-sent
        name = self._scrubber.scrub_text(event)[: self.MAX_EVENT_NAME]
        self._queue.add(name, self.distinct_id(), json.dumps(props, default=str))
        return True

    def refresh(self) -> bool:
        """Apply the current consent; withdrawing it drops queued events and forgets the anonymous id."""
        if self.enabled:
            return True
        if self._queue.count():
            self._queue.clear()
        self._forget_id()
        return False

    def on_settings_changed(self, keys: set[str]) -> None:
        if keys & ANALYTICS_KEYS:
            self.refresh()

    def set_user(self, user_hash: str | None) -> None:
        """The signed-in account's hash (never the email) as the distinct id while consent is on; None: signed out."""
        self._user_hash = user_hash or None

    def distinct_id(self) -> str:
        """The account's hash (signed in, with consent), else a random id made for analytics only, kept in the
        profile (not derived from anything personal)."""
        if self._user_hash and self.enabled:
            return self._user_hash
        if self._distinct_id is None:
            try:
                text = self._id_file.read_text(encoding="utf-8").strip()
            except OSError:
                text = ""
            if not _is_uuid(text):
                text = str(uuid.uuid4())
                try:
                    self._id_file.parent.mkdir(parents=True, exist_ok=True)
                    self._id_file.write_text(text + "\n", encoding="utf-8")
                except OSError as error:
                    log.warning("cannot keep the analytics id: %s", error.strerror)
            self._distinct_id = text
        return self._distinct_id

    def _forget_id(self) -> None:
        self._distinct_id = None
        try:
            self._id_file.unlink(missing_ok=True)
        except OSError as error:
            log.warning("cannot remove the analytics id: %s", error.strerror)

    def api_host(self) -> str:
        raw = str(self._config.get("MIXPANEL_API_HOST")).strip() or "api.mixpanel.com"
        return urlsplit(raw).netloc if "://" in raw else raw.rstrip("/")

    def send_queued(self, ctx: JobContext | None = None) -> FlushResult:
        """Send queued events in batches (blocking: runs in the job pool). Keeps events the server did not get."""
        import mixpanel

        result = FlushResult()
        if not self.enabled:
            result.dropped = self._queue.clear()
            return result
        result.dropped += self._queue.drop_stale(self._now() - self.MAX_AGE, self.MAX_ATTEMPTS)
        result.dropped += self._queue.trim(self.MAX_QUEUED)
        token = str(self._config.get("MIXPANEL_TOKEN"))
        last_id = 0
        while True:
            if ctx is not None:
                ctx.check()
            if not self.enabled:  # consent withdrawn mid-flush
                result.dropped += self._queue.clear()
                return result
            batch = self._queue.pending(self.BATCH, after_id=last_id)
            if not batch:
                return result
            ids = [row.id for row in batch]
            last_id = ids[-1]
            consumer = mixpanel.BufferedConsumer(
                max_size=self.BATCH,
                api_host=self.api_host(),
                request_timeout=self._timeout,
                retry_limit=1,
                retry_backoff_factor=0.5,
                verify_cert=self._verify,
            )
            client = mixpanel.Mixpanel(token, consumer=consumer)
            try:
                for row in batch:
                    properties = _load(row.properties_json)
                    properties["time"] = row.created_at.timestamp()
                    client.track(row.distinct_id, row.event, properties)
                consumer.flush()
            except mixpanel.MixpanelException as error:
                self._queue.mark_failed(ids)
                result.failed += len(ids)
                result.error = self._scrubber.scrub_text(str(error))[:500]
                log.warning("analytics not sent, kept for later: %s", result.error)
                return result
            finally:
                _close_consumer(consumer)
            self._queue.delete(ids)
            result.sent += len(ids)
            if ctx is not None:
                ctx.progress(min(1.0, result.sent / max(1, result.sent + self._queue.count())))


def register_tasks(registry: TaskRegistry, analytics: Analytics) -> Task:
    """Register `telemetry.flush_analytics` (no arguments; returns sent/failed/dropped counts).

    Undelivered events stay queued, so the job itself never retries: the next scheduled flush picks them up.
    """

    @registry.task(FLUSH_TASK, timeout=300, retries=0, idempotent=True, title="Send usage analytics")
    def flush_analytics(ctx: JobContext) -> dict[str, Any]:
        return analytics.send_queued(ctx).as_dict()

    return flush_analytics


def _load(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _close_consumer(consumer: Any) -> None:
    # mixpanel keeps a requests.Session per consumer and never closes it.
    inner = getattr(consumer, "_consumer", consumer)
    session = getattr(inner, "_session", None)
    if session is not None:
        session.close()
