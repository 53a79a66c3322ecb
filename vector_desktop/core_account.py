"""Composition of the account feature (Qt-free, shared by the GUI and the CLI)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.services.account.auth_service import AccountService


def make_account(core: Core, **kwargs: Any) -> AccountService:
    """The account service over the core's settings, keychain and store. Keyword arguments go to AccountService
    (`endpoints` for a test server, `sign_in_timeout`, `clock`). The cached profile is not read yet: call
    `load()` (blocking) or await `open()`."""
    from vector_desktop.services.account.auth_service import AccountService
    from vector_desktop.store.account_repository import AccountRepository

    return AccountService(core.config, core.secrets, AccountRepository(core.store.sessions), **kwargs)


def load_identity(core: Core) -> AccountService:
    """The account service with the cached profile read (blocking, no network): who is signed in, for the command
    line's Merge registered user and email Reply-To."""
    service = make_account(core)
    service.load()
    return service
