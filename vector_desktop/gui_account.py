"""GUI composition of the account feature: the service (the cached profile read off the GUI thread), the
view-model, the account button in the menu bar's corner, File-menu actions and the sign-in dialog.

Nothing here loads the google libraries: they load when a sign-in, refresh or sign-out starts."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices

from vector_desktop.domain.errors import VectorError

log = logging.getLogger("vector_desktop.gui")
NOTICE_KEY = "account"


class AccountGui:
    """What the window holds of the account feature (built by `build_account`)."""

    def __init__(self, service: Any, view_model: Any, button: Any, dialog: Any, actions: list[QAction]) -> None:
        self.service = service
        self.view_model = view_model
        self.button = button
        self.dialog = dialog
        self.sign_in_action, self.sign_out_action = actions

    def start_background_refresh(self) -> None:
        """After start-up, when online: renew the sign-in and retry a revocation that had to wait."""
        self.view_model.refresh_in_background()

    def add_settings_actions(self, settings_vm: Any) -> None:
        """Settings → Account → Sign in with Google (with the saved client id and secret)."""
        settings_vm.add_group_action("Account", "sign_in", settings_vm.tr("Sign in with Google"), self._sign_in)

    async def _sign_in(self, values: Any = None) -> str:
        if values and any(key.startswith("GOOGLE_OAUTH_") for key in values):
            raise VectorError("Save your changes first: signing in uses the saved client id and secret.")
        await asyncio.wait({self.view_model.sign_in()})  # Cancel or a failure end it too (the dialog says why)
        profile = self.service.current()
        if profile is None:
            return "Not signed in."
        return f"Signed in as {profile.display_name} ({profile.email})."

    def close(self) -> None:
        self.dialog.hide()
        self.view_model.close()


def _open_in_browser(url: str) -> bool:
    return bool(QDesktopServices.openUrl(QUrl(url)))


async def build_account(
    core: Any,
    *,
    window: Any,
    parent: QObject | None = None,
    open_url: Callable[[str], object] | None = None,
    **service_kwargs: Any,
) -> AccountGui:
    """Build the feature, add its File-menu actions and the account button to the window. `open_url` and
    `service_kwargs` (endpoints…) are for tests."""
    from vector_desktop.core_account import make_account
    from vector_desktop.presentation.account.account_viewmodel import AccountViewModel
    from vector_desktop.views.account.account_button import AccountButton
    from vector_desktop.views.account.sign_in_dialog import SignInDialog

    parent = parent or window
    service = make_account(core, **service_kwargs)
    try:
        await service.open()
    except Exception:
        log.exception("the cached Google profile could not be read")
    view_model = AccountViewModel(service, open_url or _open_in_browser, parent)
    button = AccountButton()
    dialog = SignInDialog(window)
    sign_in_action = QAction(window.tr("Sign in with Google…"), parent)
    sign_out_action = QAction(window.tr("Sign out"), parent)

    def update(_value: object = None) -> None:
        signed_in = view_model.profile is not None
        button.set_profile(view_model.profile)
        sign_in_action.setEnabled(not signed_in and not view_model.busy)
        sign_out_action.setEnabled(signed_in)

    def busy(running: bool) -> None:
        button.set_busy(running)
        if running:
            dialog.set_url("")
            dialog.show()
        else:
            dialog.hide()
        update()
        sign_in_action.setEnabled(not running and view_model.profile is None)

    def tell(text: str) -> None:
        dialog.hide()
        window.show_notice(NOTICE_KEY, text)

    view_model.profile_changed.connect(update)
    view_model.signing_in.connect(busy)
    view_model.sign_in_url.connect(dialog.set_url)
    view_model.error.connect(tell)
    view_model.notice.connect(tell)
    dialog.cancel_requested.connect(view_model.cancel)
    button.sign_in_requested.connect(view_model.sign_in)
    button.sign_out_requested.connect(view_model.sign_out)
    sign_in_action.triggered.connect(lambda _checked=False: view_model.sign_in())
    sign_out_action.triggered.connect(lambda _checked=False: view_model.sign_out())
    update()
    window.add_file_actions([sign_in_action, sign_out_action])
    window.set_account_widget(button)
    return AccountGui(service, view_model, button, dialog, [sign_in_action, sign_out_action])
