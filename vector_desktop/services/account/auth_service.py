"""AccountService: sign in with Google (installed-app flow over a loopback redirect), stay signed in (silent
refresh), sign out (revoke, best effort), and tell the rest of the app who is signed in (`AccountIdentity`).

The refresh token lives only in the keychain (`account.google.refresh_token`); the store keeps the profile (name,
email, picture bytes) so the account menu works offline. Blocking work (keychain, store, HTTP) runs in the loop's
executor; the google libraries are imported when a sign-in, refresh or sign-out starts, never at start-up.
"""

from __future__ import annotations

import asyncio
import logging
import secrets as token_maker
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Generic, Protocol, TypeVar

from vector_desktop.domain.account import AccountProfile
from vector_desktop.domain.errors import SecretStoreError
from vector_desktop.services.account.auth_errors import (
    SIGNED_OUT_EXPIRED,
    AuthError,
    InvalidTokenError,
    NotConfiguredError,
    OfflineError,
    SignInExpiredError,
    StateMismatchError,
    error_for_code,
)
from vector_desktop.services.account.endpoints import GOOGLE, GoogleEndpoints
from vector_desktop.services.account.loopback import SIGN_IN_TIMEOUT_S, LoopbackListener

log = logging.getLogger(__name__)

REFRESH_TOKEN_KEY = "account.google.refresh_token"
PENDING_REVOKE_KEY = "account.google.pending_revoke"
REVOKE_LATER = (
    "Signed out. Google could not be reached to revoke the sign-in; that is done the next time the app is online."
)
UNEXPECTED = "Signing in with Google failed unexpectedly; try again."

T = TypeVar("T")
Listener = Callable[[AccountProfile | None], None]
BrowserOpener = Callable[[str], object]


class ProfileStore(Protocol):
    """The cached profile (vector_desktop.store.account_repository.AccountRepository)."""

    def load(self) -> AccountProfile | None: ...
    def save(self, profile: AccountProfile) -> None: ...
    def clear(self) -> None: ...


class Keychain(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...


class Settings(Protocol):
    def get(self, key: str) -> Any: ...


class _Sealed(Generic[T]):
    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<sealed>"


def _load_google_flow() -> Any:
    # Imported in a worker thread: it loads requests and, when used, the google libraries (tens of ms).
    from vector_desktop.services.account import google_flow

    return google_flow


def profile_from_claims(claims: dict[str, Any], picture: bytes | None, signed_in_at: datetime) -> AccountProfile:
    return AccountProfile(
        provider="google",
        subject=str(claims["sub"]),
        email=str(claims.get("email") or ""),
        name=str(claims.get("name") or claims.get("given_name") or ""),
        picture_url=str(claims.get("picture") or ""),
        picture=picture,
        signed_in_at=signed_in_at,
    )


class AccountService:
    """Implements domain.account.AccountIdentity."""

    def __init__(
        self,
        settings: Settings,
        keychain: Keychain,
        profiles: ProfileStore,
        *,
        endpoints: GoogleEndpoints = GOOGLE,
        sign_in_timeout: float = SIGN_IN_TIMEOUT_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._settings = settings
        self._keychain = keychain
        self._profiles = profiles
        self._endpoints = endpoints
        self._timeout = sign_in_timeout
        self._clock = clock
        self._profile: AccountProfile | None = None
        self._listeners: list[Listener] = []

    # ------------------------------------------------------------------------------------------- identity

    def current(self) -> AccountProfile | None:
        return self._profile

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _set(self, profile: AccountProfile | None) -> None:
        self._profile = profile
        for listener in list(self._listeners):
            try:
                listener(profile)
            except Exception:  # one broken listener must not stop the others or the sign-in
                log.exception("an account listener failed")

    def load(self) -> AccountProfile | None:
        """Read the cached profile (blocking: the CLI, or an executor)."""
        self._profile = self._profiles.load()
        return self._profile

    async def open(self) -> AccountProfile | None:
        """Read the cached profile off the loop's thread."""
        profile = await self._run(self._profiles.load)
        self._set(profile)
        return profile

    async def _run(self, function: Callable[..., T], *args: Any) -> T:
        # A closure in, a sealed box out: executors may log what they are given and return (qasync does at DEBUG),
        # and here that is tokens, codes and the client secret.
        def call() -> _Sealed[T]:
            return _Sealed(function(*args))

        sealed = await asyncio.get_running_loop().run_in_executor(None, call)
        return sealed.value

    # ------------------------------------------------------------------------------------------- sign in

    def _client(self) -> Any:
        from vector_desktop.services.account.google_flow import ClientSettings

        client_id = str(self._settings.get("GOOGLE_OAUTH_CLIENT_ID") or "").strip()
        if not client_id:
            raise NotConfiguredError()
        return ClientSettings(
            client_id,
            str(self._settings.get("GOOGLE_OAUTH_CLIENT_SECRET") or ""),  # a keychain read: blocking
            str(self._settings.get("GOOGLE_OAUTH_REDIRECT_URI") or ""),
        )

    async def sign_in(self, open_browser: BrowserOpener, cancel: asyncio.Event | None = None) -> AccountProfile:
        """Open Google's consent page with `open_browser(url)` and wait for the answer on the loopback redirect.
        Raises AuthError (one sentence); cancelling the task or setting `cancel` stops it and closes the port."""
        google_flow = await self._run(_load_google_flow)
        client = await self._run(self._client)
        listener = LoopbackListener.for_redirect(client.redirect_uri, timeout=self._timeout)
        await listener.start()
        try:
            nonce = token_maker.token_urlsafe(24)
            request = await self._run(google_flow.start, client, listener.redirect_uri, self._endpoints, nonce)
            open_browser(request.url)
            params = await listener.wait(cancel)
            try:
                profile = await self._complete(client, request, params)
            except AuthError as error:
                listener.finish(str(error))
                raise
            except Exception:
                listener.finish(UNEXPECTED)
                raise
            listener.finish(None)
            return profile
        finally:
            await listener.close()

    async def _complete(self, client: Any, request: Any, params: dict[str, str]) -> AccountProfile:
        google_flow = await self._run(_load_google_flow)
        if not token_maker.compare_digest(params.get("state", ""), request.state):
            raise StateMismatchError()
        if "error" in params:
            raise error_for_code(params["error"])
        tokens = await self._run(google_flow.exchange_code, request, params.get("code", ""))
        claims = await self._verify(client, tokens, request.nonce)
        picture = await self._run(google_flow.fetch_picture, str(claims.get("picture") or ""))
        profile = profile_from_claims(claims, picture, datetime.now(UTC))
        refresh_token = tokens.get("refresh_token")
        await self._run(self._keep, profile, refresh_token if isinstance(refresh_token, str) else None)
        self._set(profile)
        return profile

    async def _verify(self, client: Any, tokens: dict[str, Any], nonce: str | None) -> dict[str, Any]:
        from vector_desktop.services.account.id_tokens import verify_id_token

        token = tokens.get("id_token")
        if not isinstance(token, str):
            raise InvalidTokenError()

        def verify() -> dict[str, Any]:
            return verify_id_token(
                token, client_id=client.client_id, endpoints=self._endpoints, nonce=nonce, clock=self._clock
            )

        return await self._run(verify)

    def _keep(self, profile: AccountProfile, refresh_token: str | None) -> None:
        if refresh_token:
            try:
                self._keychain.set(REFRESH_TOKEN_KEY, refresh_token)
            except SecretStoreError as error:  # kept for this session only; the message names no secret
                log.warning("%s", error)
        self._profiles.save(profile)

    # ------------------------------------------------------------------------------------------- refresh

    async def refresh(self) -> str | None:
        """Renew the ID token silently and update the profile. Returns a sentence for the user when something
        they must know happened (signed out because the sign-in expired or was revoked), else None."""
        google_flow = await self._run(_load_google_flow)
        await self.retry_pending_revocation()
        profile = self._profile
        if profile is None:
            return None
        refresh_token = await self._run(self._keychain.get, REFRESH_TOKEN_KEY)
        if not refresh_token:
            return None
        try:
            client = await self._run(self._client)
            tokens = await self._run(google_flow.refresh_grant, self._endpoints, client, refresh_token)
            claims = await self._verify(client, tokens, None)
        except SignInExpiredError:
            await self._run(self._forget)
            self._set(None)
            return SIGNED_OUT_EXPIRED
        except (OfflineError, NotConfiguredError):
            return None
        except AuthError as error:
            log.warning("the Google sign-in could not be refreshed: %s", error)
            return str(error)
        if claims.get("sub") != profile.subject:
            log.warning("the refreshed ID token names another account; keeping the cached profile")
            return None
        picture = profile.picture
        if str(claims.get("picture") or "") != profile.picture_url or picture is None:
            picture = await self._run(google_flow.fetch_picture, str(claims.get("picture") or "")) or picture
        updated = profile_from_claims(claims, picture, profile.signed_in_at or datetime.now(UTC))
        if updated != profile:
            await self._run(self._profiles.save, updated)
            self._set(updated)
        return None

    # ------------------------------------------------------------------------------------------- sign out

    def _forget(self) -> str | None:
        """Remove the refresh token and the cached profile; returns the token (to revoke)."""
        token = self._keychain.get(REFRESH_TOKEN_KEY)
        self._profiles.clear()
        try:
            self._keychain.delete(REFRESH_TOKEN_KEY)
        except SecretStoreError as error:
            log.warning("%s", error)
        return token

    async def sign_out(self) -> str | None:
        """Forget the sign-in here, then revoke it at Google. Returns a sentence when the revocation has to wait
        until the app is online again, else None. Nothing else of the user's data is touched."""
        token = await self._run(self._forget)
        self._set(None)
        if token and not await self._revoke(token):
            await self._run(self._add_pending, token)
            return REVOKE_LATER
        return None

    async def _revoke(self, token: str) -> bool:
        google_flow = await self._run(_load_google_flow)
        try:
            await self._run(google_flow.revoke, self._endpoints, token)
        except OfflineError:
            return False
        return True

    def _pending(self) -> list[str]:
        return (self._keychain.get(PENDING_REVOKE_KEY) or "").split()

    def _set_pending(self, tokens: list[str]) -> None:
        try:
            if tokens:
                self._keychain.set(PENDING_REVOKE_KEY, " ".join(tokens))
            else:
                self._keychain.delete(PENDING_REVOKE_KEY)
        except SecretStoreError as error:
            log.warning("%s", error)

    def _add_pending(self, token: str) -> None:
        tokens = self._pending()
        if token not in tokens:
            self._set_pending([*tokens, token])

    async def retry_pending_revocation(self) -> int:
        """Revoke tokens a sign-out could not revoke while offline; returns how many were revoked."""
        tokens = await self._run(self._pending)
        if not tokens:
            return 0
        left = [token for token in tokens if not await self._revoke(token)]
        await self._run(self._set_pending, left)
        return len(tokens) - len(left)
