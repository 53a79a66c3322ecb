"""The signed-in account as other features see it: who the user is, never how they signed in.

The account feature implements `AccountIdentity`; the composition root hands it to email (Reply-To and the sender's
name), the Merge service (its registered user's `origin_user_id`, so connectors follow the person across machines)
and telemetry (a hash as the user id, only with consent).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class AccountProfile:
    provider: str  # "google"
    subject: str  # the ID token's `sub`: stable for the person, unlike the email address
    email: str
    name: str
    picture_url: str = ""
    picture: bytes | None = None
    signed_in_at: datetime | None = None

    @property
    def origin_user_id(self) -> str:
        """The Merge registered user's origin id: the same on every machine the person signs in on."""
        return f"{self.provider}:{self.subject}"

    @property
    def user_hash(self) -> str:
        """An opaque id for analytics and crash reports: never the email, not reversible to it."""
        return hashlib.sha256(f"vector-desktop/{self.provider}:{self.subject}".encode()).hexdigest()[:32]

    @property
    def display_name(self) -> str:
        return self.name or self.email


class AccountIdentity(Protocol):
    def current(self) -> AccountProfile | None:
        """The signed-in profile (kept in memory: never blocks), or None when signed out."""
        ...

    def add_listener(self, listener: Callable[[AccountProfile | None], None]) -> None:
        """Called (on the thread that changed it) after sign-in, sign-out and a refreshed profile."""
        ...
