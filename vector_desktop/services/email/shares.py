"""Drafts for "Share by email": a conversation (its Markdown export as the body: the text part, and the same
rendering as HTML), a storage file as a presigned link valid 24 hours, a query result as a CSV attachment.

The composition root gives the callables that read another feature's data (this feature never imports chat or
storage): `conversation(id) -> (title, markdown)` and `file_link(key) -> url`. Each may be a coroutine function or
a blocking function (run in a thread)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from vector_desktop.domain.email import Attachment, EmailDraft, EmailError

T = TypeVar("T")
LINK_HOURS = 24
MAX_CSV_BYTES = 10 * 1024 * 1024  # what the databases panel attaches at most (it says so when it cuts)


async def _call(fn: Callable[[str], Any], arg: str) -> Any:
    if inspect.iscoroutinefunction(fn):
        return await fn(arg)
    result = await asyncio.to_thread(fn, arg)
    if inspect.isawaitable(result):
        return await result
    return result


def _name_of(key: str) -> str:
    return key.rstrip("/").rpartition("/")[2] or key


class ShareComposer:
    def __init__(
        self,
        conversation: Callable[[str], Awaitable[tuple[str, str]] | tuple[str, str]] | None = None,
        file_link: Callable[[str], Awaitable[str] | str] | None = None,
    ) -> None:
        self._conversation = conversation
        self._file_link = file_link

    async def conversation(self, conversation_id: str, to: tuple[str, ...] = ()) -> EmailDraft:
        if self._conversation is None:
            raise EmailError("Conversations cannot be shared from here.")
        title, markdown = await _call(self._conversation, conversation_id)
        return EmailDraft(to=to, subject=title or "Conversation", body=markdown, source="conversation")

    async def file(self, key: str, to: tuple[str, ...] = ()) -> EmailDraft:
        if self._file_link is None:
            raise EmailError("Files cannot be shared from here.")
        url = await _call(self._file_link, key)
        name = _name_of(key)
        body = (
            f"Here is a link to **{_escape(name)}**:\n\n<{url}>\n\n"
            f"The link works for {LINK_HOURS} hours; ask for a new one after that.\n"
        )
        return EmailDraft(to=to, subject=name, body=body, source="file")

    def csv(self, name: str, data: bytes, to: tuple[str, ...] = (), note: str = "") -> EmailDraft:
        filename = name if name.lower().endswith(".csv") else f"{name or 'result'}.csv"
        body = f"The query result is attached as {_escape(filename)}.\n"
        if note:
            body += f"\n{note}\n"
        return EmailDraft(
            to=to,
            subject=filename.removesuffix(".csv"),
            body=body,
            attachments=(Attachment(filename, "text/csv", data),),
            source="query",
        )


def _escape(text: str) -> str:
    """Markdown-inert text (a file name with * or _ stays as it is)."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!<>|" else c for c in text)
