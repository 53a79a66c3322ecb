"""SetupService: export this machine's setup to one encrypted file, open such a file as a plan (nothing written),
and apply a plan the user accepted.

The key is ENCRYPTION_KEY when it is set, otherwise a passphrase the user types. Every method blocks (store,
keychain, scrypt): call them off the GUI thread. A wrong key, a damaged file or a section that cannot be imported
raise a VectorError with one sentence before anything is written here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vector_desktop.domain.setup_transfer import ChangeAction, SetupChange, SetupFileError, SetupPlan, SetupSection
from vector_desktop.services.setup import setup_file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SectionSummary:
    name: str
    title: str
    count: int  # items that would be exported (settings: values)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    summaries: tuple[SectionSummary, ...]

    @property
    def total(self) -> int:
        return sum(s.count for s in self.summaries)


class SetupService:
    def __init__(
        self, sections: Sequence[SetupSection], *, app_version: str, encryption_key: Callable[[], str] = lambda: ""
    ) -> None:
        self._sections = list(sections)
        self._app_version = app_version
        self._encryption_key = encryption_key

    @property
    def sections(self) -> list[SetupSection]:
        return list(self._sections)

    def configured_key(self) -> str:
        """ENCRYPTION_KEY ("" when it is not set: then the user types a passphrase)."""
        return (self._encryption_key() or "").strip()

    def summary(self) -> list[SectionSummary]:
        """What an export would hold, per section (no secret, no value: counts)."""
        return [SectionSummary(s.name, s.title, len(s.plan(s.export()))) for s in self._sections]

    def export(self, path: Path, secret: str) -> ExportResult:
        """Write the setup to `path`, sealed with `secret` (temp file, fsync, replace; 0600)."""
        if not secret:
            raise SetupFileError("Type a passphrase (or set ENCRYPTION_KEY) to encrypt the setup.")
        data = {section.name: section.export() for section in self._sections}
        summaries = tuple(SectionSummary(s.name, s.title, len(s.plan(data[s.name]))) for s in self._sections)
        blob = setup_file.seal_document(data, self._app_version, secret)
        setup_file.write_atomically(path, blob)
        log.info("setup exported (%d items)", sum(s.count for s in summaries))
        return ExportResult(path, summaries)

    def open(self, path: Path, secret: str) -> SetupPlan:
        """Decrypt and read `path`, and tell what importing it would change here. Nothing is written."""
        if not secret:
            raise SetupFileError("Type the passphrase the setup was exported with.")
        document = setup_file.open_document(setup_file.read_file(path), secret)
        sections = {s.name: document.sections[s.name] for s in self._sections if s.name in document.sections}
        titles = {s.name: s.title for s in self._sections}
        for name, data in sections.items():
            if not isinstance(data, dict):
                raise SetupFileError(f"The {titles[name]} in this setup file cannot be imported.")
        changes = self._plan(sections)
        return SetupPlan(path, document.created_at, document.app_version, sections, tuple(changes))

    def _plan(self, sections: Mapping[str, Any]) -> list[SetupChange]:
        """Every section's lines, in the service's order (each section checks its data here)."""
        changes: list[SetupChange] = []
        for section in self._sections:
            if section.name in sections:
                changes.extend(section.plan(sections[section.name]))
        return changes

    def apply(self, plan: SetupPlan) -> list[str]:
        """Write what `plan` holds. Every section is checked first (nothing is written when one cannot be
        imported); returns the names of the sections that changed here."""
        affected = list(
            dict.fromkeys(c.section for c in self._plan(plan.sections) if c.action is not ChangeAction.SAME)
        )
        for section in self._sections:
            if section.name in affected:
                section.apply(plan.sections[section.name])
        log.info("setup imported into: %s", ", ".join(affected) or "nothing (all the same)")
        return affected
