"""The first-run privacy question: whether to ask, and saving the answer (which also switches telemetry on/off)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from vector_desktop.config import Config, SavedSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrivacyChoices:
    crash_reports: bool = False
    analytics: bool = False


class ConsentAware(Protocol):
    """CrashReporter / Analytics: re-read consent from the settings."""

    def refresh(self) -> bool: ...


class PrivacyViewModel(QObject):
    saved = Signal(bool, bool)  # crash_reports, analytics
    failed = Signal(str)

    def __init__(
        self,
        config: Config,
        settings: SavedSettings,
        crash_reporter: ConsentAware,
        analytics: ConsentAware,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._config = config
        self._settings = settings
        self._crash_reporter = crash_reporter
        self._analytics = analytics

    @property
    def crash_reports_available(self) -> bool:
        return bool(self._config.get("SENTRY_DSN"))

    @property
    def analytics_available(self) -> bool:
        return bool(self._config.get("MIXPANEL_TOKEN"))

    def should_ask(self) -> bool:
        """Ask once, and only when this copy of the app is set up to send something."""
        if self._config.get("VECTOR_PRIVACY_ASKED"):
            return False
        return self.crash_reports_available or self.analytics_available

    def current(self) -> PrivacyChoices:
        return PrivacyChoices(
            crash_reports=bool(self._config.get("VECTOR_CRASH_REPORTS")),
            analytics=bool(self._config.get("VECTOR_ANALYTICS")),
        )

    def apply(self, choices: PrivacyChoices) -> bool:
        """Save the answer (a small SQLite write) and start/stop telemetry to match. Returns False on failure."""
        values = {
            "VECTOR_CRASH_REPORTS": choices.crash_reports,
            "VECTOR_ANALYTICS": choices.analytics,
            "VECTOR_PRIVACY_ASKED": True,
        }
        try:
            self._config.apply_saved(values, self._settings)
        except Exception as error:  # the store may be full or read-only; say so instead of losing the answer
            log.warning("privacy choices not saved: %s", type(error).__name__)
            self.failed.emit(self.tr("Your privacy choices could not be saved: %1").replace("%1", str(error)))
            return False
        self._crash_reporter.refresh()
        self._analytics.refresh()
        self.saved.emit(choices.crash_reports, choices.analytics)
        return True

    def decline(self) -> bool:
        """Closing the question without answering means no to both (and it is not asked again)."""
        return self.apply(PrivacyChoices())
