"""What one setting declaration says: its kind (how its text is parsed), its group in the Settings dialog, its
default and limits."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Kind(enum.Enum):
    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    URL = "url"
    PORT = "port"
    CHOICE = "choice"
    EMAIL = "email"


class Group(enum.Enum):
    AI = "AI"
    STORAGE = "Storage"
    CONNECTORS = "Connectors"
    EMAIL = "Email"
    ACCOUNT = "Account"
    PRIVACY = "Privacy"
    ADVANCED = "Advanced"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: Kind
    default: Any
    label: str
    description: str
    group: Group
    secret: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    allow_empty: bool = True
    internal: bool = False  # kept by the app itself (e.g. "question answered"), not shown in the Settings dialog
