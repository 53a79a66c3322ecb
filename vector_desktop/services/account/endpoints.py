"""Where Google's authorization server lives (injectable, so tests put a loopback fake server in its place)."""

from __future__ import annotations

from dataclasses import dataclass

SCOPES = ("openid", "email", "profile")


@dataclass(frozen=True)
class GoogleEndpoints:
    auth_uri: str = "https://accounts.google.com/o/oauth2/v2/auth"
    token_uri: str = "https://oauth2.googleapis.com/token"
    certs_uri: str = "https://www.googleapis.com/oauth2/v1/certs"
    revoke_uri: str = "https://oauth2.googleapis.com/revoke"
    issuers: tuple[str, ...] = ("accounts.google.com", "https://accounts.google.com")

    @property
    def issuer(self) -> str:
        return self.issuers[-1]


GOOGLE = GoogleEndpoints()
