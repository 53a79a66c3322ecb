"""The calls to Google's OAuth endpoints: the authorization URL and code exchange (google-auth-oauthlib's Flow, PKCE
S256, `state`, a nonce), the silent refresh, revocation and the profile picture.

Everything here blocks (requests) and loads the google libraries: the account service runs it in an executor and
imports this module only when a sign-in, refresh or sign-out starts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import requests

from vector_desktop.services.account.auth_errors import GoogleRefusedError, OfflineError, error_for_code
from vector_desktop.services.account.endpoints import SCOPES, GoogleEndpoints

log = logging.getLogger(__name__)

HTTP_TIMEOUT_S = 20.0
MAX_PICTURE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class ClientSettings:
    client_id: str
    client_secret: str = field(repr=False)
    redirect_uri: str = ""  # GOOGLE_OAUTH_REDIRECT_URI as configured


def _quiet_oauth_debug_logs() -> None:
    """requests-oauthlib and oauthlib log request bodies and token responses at DEBUG (codes, the PKCE verifier,
    tokens): keep those two loggers at INFO or above, whatever the app's log level."""
    for name in ("requests_oauthlib", "oauthlib"):
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.INFO:
            logger.setLevel(logging.INFO)


@dataclass
class AuthorizationRequest:
    url: str
    state: str
    nonce: str
    flow: Any = field(repr=False)  # google_auth_oauthlib.flow.Flow, holding the PKCE verifier


def start(client: ClientSettings, redirect_uri: str, endpoints: GoogleEndpoints, nonce: str) -> AuthorizationRequest:
    """The authorization URL for the browser (PKCE S256 challenge, a fresh state, the nonce)."""
    from google_auth_oauthlib.flow import Flow

    _quiet_oauth_debug_logs()
    config = {
        "installed": {
            "client_id": client.client_id,
            "client_secret": client.client_secret,
            "auth_uri": endpoints.auth_uri,
            "token_uri": endpoints.token_uri,
            "redirect_uris": [redirect_uri],
        }
    }
    flow = Flow.from_client_config(
        config, scopes=list(SCOPES), redirect_uri=redirect_uri, autogenerate_code_verifier=True
    )
    # prompt=consent: Google sends a refresh token only on consent, and the app needs one to stay signed in.
    url, state = flow.authorization_url(access_type="offline", prompt="consent", nonce=nonce)
    return AuthorizationRequest(url, state, nonce, flow)


def exchange_code(request: AuthorizationRequest, code: str) -> dict[str, Any]:
    """The token endpoint's answer to the authorization code (with the PKCE verifier): id_token, refresh_token…"""
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error

    _quiet_oauth_debug_logs()
    try:
        return dict(request.flow.fetch_token(code=code, timeout=HTTP_TIMEOUT_S))
    except Warning as warning:
        # oauthlib raises when the granted scopes are spelled differently from the requested ones, as Google does
        # ("email" comes back as ".../auth/userinfo.email"); the token is on the warning.
        token = getattr(warning, "token", None)
        if isinstance(token, dict):
            return dict(token)
        raise GoogleRefusedError("scope") from None
    except OAuth2Error as error:
        raise error_for_code(str(getattr(error, "error", "") or "")) from None
    except requests.RequestException:
        raise OfflineError() from None


def _post(url: str, data: dict[str, str]) -> requests.Response:
    try:
        return requests.post(url, data=data, timeout=HTTP_TIMEOUT_S, headers={"Accept": "application/json"})
    except requests.RequestException:
        raise OfflineError() from None


def _error_code(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return f"http_{response.status_code}"
    code = body.get("error") if isinstance(body, dict) else None
    return code if isinstance(code, str) and code else f"http_{response.status_code}"


def refresh_grant(endpoints: GoogleEndpoints, client: ClientSettings, refresh_token: str) -> dict[str, Any]:
    """A new ID token (and access token) from the refresh token; invalid_grant → SignInExpiredError."""
    response = _post(
        endpoints.token_uri,
        {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": client.client_id,
            "client_secret": client.client_secret,
        },
    )
    if response.status_code >= 500:
        raise OfflineError()
    if response.status_code != 200:
        raise error_for_code(_error_code(response))
    try:
        body = response.json()
    except ValueError:
        raise GoogleRefusedError("bad_response") from None
    if not isinstance(body, dict) or not isinstance(body.get("id_token"), str):
        raise GoogleRefusedError("no_id_token")
    return body


def revoke(endpoints: GoogleEndpoints, token: str) -> None:
    """Revoke the token at Google. A token Google no longer knows counts as revoked; unreachable → OfflineError."""
    response = _post(endpoints.revoke_uri, {"token": token})
    if response.status_code >= 500:
        raise OfflineError()
    if response.status_code != 200:
        log.info("the revocation endpoint answered %s (%s)", response.status_code, _error_code(response))


def fetch_picture(url: str) -> bytes | None:
    """The profile picture's bytes (kept in the store for offline), or None when it cannot be had."""
    if not url.startswith(("https://", "http://")):
        return None
    try:
        with requests.get(url, timeout=HTTP_TIMEOUT_S, stream=True) as response:
            if response.status_code != 200 or not response.headers.get("Content-Type", "").startswith("image/"):
                return None
            data = bytearray()
            for chunk in response.iter_content(64 * 1024):
                data += chunk
                if len(data) > MAX_PICTURE_BYTES:
                    return None
            return bytes(data)
    except requests.RequestException:
        log.info("the profile picture could not be fetched")
        return None
