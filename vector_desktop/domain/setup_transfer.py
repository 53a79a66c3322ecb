"""Moving a setup (AI servers, connectors, database connections, settings) from one machine to another.

Each part of a setup is a SetupSection: it exports its items as plain JSON data (secrets included: the file that
carries them is sealed), tells what importing such data would change here (a SetupPlan's lines, never a secret's
value), and applies it. Items are matched by name (settings by key), never by id: ids differ between machines.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from vector_desktop.domain.errors import VectorError


class ChangeAction(enum.StrEnum):
    ADD = "add"  # nothing of that name here yet
    REPLACE = "replace"  # an item of that name is here and differs: the imported one takes its place
    SAME = "same"  # already here as it is in the file


@dataclass(frozen=True)
class SetupChange:
    """One line of a plan. `details` name what differs ("base URL", "API key"), never a secret's value."""

    section: str
    item: str
    action: ChangeAction
    details: tuple[str, ...] = ()

    def line(self) -> str:
        """`add|replace|same  section  item` (the command line's form)."""
        text = f"{self.action.value:<8} {self.section:<12} {self.item}"
        return f"{text}  ({', '.join(self.details)})" if self.details else text


@dataclass(frozen=True)
class SetupPlan:
    """What an opened setup file holds and what importing it would do. `sections` is the decrypted data (with
    secrets): keep it in memory only, and only until the user decided."""

    path: Path
    created_at: str
    app_version: str
    sections: Mapping[str, Any] = field(repr=False)
    changes: tuple[SetupChange, ...] = ()

    @property
    def pending(self) -> tuple[SetupChange, ...]:
        """The lines that would change something here."""
        return tuple(c for c in self.changes if c.action is not ChangeAction.SAME)

    def affected_sections(self) -> list[str]:
        return list(dict.fromkeys(c.section for c in self.pending))

    def counts(self) -> dict[ChangeAction, int]:
        return {action: sum(1 for c in self.changes if c.action is action) for action in ChangeAction}


class SetupSection(Protocol):
    """One part of a setup. Every method blocks (store, keychain): call them off the GUI thread."""

    @property
    def name(self) -> str:
        """The key in the file's "sections" ("settings", "ai_servers", "connectors", "databases")."""
        ...

    @property
    def title(self) -> str:
        """For people: "AI servers"."""
        ...

    def export(self) -> dict[str, Any]:
        """This machine's items as JSON-ready data, secrets included."""
        ...

    def plan(self, data: Mapping[str, Any]) -> list[SetupChange]:
        """What applying `data` would change here, one line per item. Raises SetupFileError when `data` is not
        something this section can apply (so nothing is written when one section is unusable)."""
        ...

    def apply(self, data: Mapping[str, Any]) -> None:
        """Write `data`'s items here (add or replace by name), secrets into this machine's keychain."""
        ...


class SetupFileError(VectorError):
    """The file cannot be used as a setup (not one, from a newer version, a section that does not make sense)."""
