"""The Qt-free composition of the email feature, shared by the GUI and the `email` command."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ssl

    from vector_desktop.core import Core
    from vector_desktop.domain.account import AccountIdentity
    from vector_desktop.services.email.email_service import EmailService


def make_email(
    core: Core,
    *,
    identity: AccountIdentity | None = None,
    ssl_context: ssl.SSLContext | None = None,
    **kwargs: Any,
) -> EmailService:
    """The email service over the core's store, settings and keychain (the worker is not started: call `start()`
    in the GUI, or `send_pending_blocking()` on the command line; `close()` at the end). `ssl_context` replaces the
    system certificate store (tests); other keyword arguments go to EmailService (`online`, `backoff`, `clock`)."""
    from vector_desktop.core import make_scrubber
    from vector_desktop.services.email.email_service import EmailService
    from vector_desktop.services.email.sender_lock import LOCK_FILE, SenderLock
    from vector_desktop.services.email.smtp_sender import SmtpSender, settings_from_config
    from vector_desktop.store.email_repository import EmailRepository

    scrubber = kwargs.pop("scrubber", None) or make_scrubber(core)

    def sender() -> SmtpSender:  # on the worker's thread: the password comes from the keychain
        return SmtpSender(settings_from_config(core.config), ssl_context=ssl_context, scrub=scrubber.scrub_text)

    kwargs.setdefault("online", not core.offline)
    kwargs.setdefault("sender_lock", SenderLock(core.paths.data_dir / LOCK_FILE))
    return EmailService(core.config, EmailRepository(core.store.sessions), sender, identity=identity, **kwargs)


def make_email_tools(core: Core, email: EmailService, **kwargs: Any) -> Any:
    """The `send_email` tool for the chat (a ToolSource; add it to the chat's CombinedTools)."""
    from vector_desktop.services.email.email_tools import EmailTools
    from vector_desktop.store.tool_action_repository import ToolActionRepository

    return EmailTools(email, ToolActionRepository(core.store.sessions), **kwargs)


def conversation_markdown(core: Core) -> Callable[[str], tuple[str, str]]:
    """A blocking callable: conversation id -> (title, the Markdown export), for shares and `email send`."""
    from vector_desktop.domain.email import EmailError
    from vector_desktop.services.chat.chat_export import export_to_text
    from vector_desktop.store.chat_repository import ChatRepository

    repo = ChatRepository(core.store.sessions)

    def read(conversation_id: str) -> tuple[str, str]:
        conversation = repo.get_conversation(conversation_id)
        if conversation is None:
            raise EmailError(f"There is no conversation with the id {conversation_id}.")
        return conversation.display_title, export_to_text(repo, conversation_id, "md")

    return read
