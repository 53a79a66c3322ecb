"""What the chat shows of tools: the composer's tools choice (all / none / a chosen set, remembered per conversation
through the chat service), the "Tools: N · ≈T tokens" label, the once-per-conversation notice when a model cannot use
tools, and the GUI approver (the approval dialog's questions).

The tools to choose from come from `set_catalog` (the connectors' enabled tools, grouped per connector), set by the
composition root once the connectors exist; until then the chat has no tools and the controls stay hidden.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vector_desktop.domain.chat import ChatListener
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.domain.tools import ToolGroup
from vector_desktop.presentation.chat.chat_format import format_tokens
from vector_desktop.presentation.tools.gui_approver import GuiApprover
from vector_desktop.qtsupport.tasks import TaskOwner

log = logging.getLogger(__name__)
ALL = ConversationTools("all")
NONE = ConversationTools("none")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatTools", text)


class ToolsChoiceService(Protocol):
    """The part of ChatService this view-model uses (coroutines or plain calls)."""

    def conversation_tools(self, conversation_id: str) -> Any: ...

    def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> Any: ...

    def tools_for(self, conversation_id: str, model: str | None = None) -> Any: ...

    def add_listener(self, listener: ChatListener) -> None: ...

    def remove_listener(self, listener: ChatListener) -> None: ...


async def _resolve(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


def tools_label(choice: ConversationTools, count: int, tokens: int, available: int) -> str:
    """What the composer says of the tools the next answer offers (`available`: tools there are to choose from)."""
    if choice.mode == "none":
        return _tr("Tools: off")
    if count == 0:
        if not available:
            return _tr("Tools: none available")
        return _tr("Tools: none chosen") if choice.mode == "chosen" else _tr("Tools: not offered to this model")
    return _tr("Tools: %1 · ≈%2 tokens").replace("%1", str(count)).replace("%2", format_tokens(tokens))


class _NoticeListener(ChatListener):
    def __init__(self, owner: ChatToolsViewModel) -> None:
        self._owner = owner

    def notice(self, conversation_id: str, text: str) -> None:
        with contextlib.suppress(RuntimeError):  # the view-model is gone (shutdown)
            self._owner.notice.emit(conversation_id, text)


class ChatToolsViewModel(QObject):
    available_changed = Signal(bool)  # there are tools to offer at all (show the tools button)
    choice_changed = Signal(object)  # ConversationTools of the open conversation
    label_changed = Signal(str)  # "Tools: 3 · ≈420 tokens"
    groups_changed = Signal()  # the tools to choose from changed
    notice = Signal(str, str)  # conversation id, a sentence (e.g. "this model cannot use tools")
    error_occurred = Signal(str)

    def __init__(
        self,
        service: ToolsChoiceService,
        parent: QObject | None = None,
        model_for_new: Callable[[], str] | None = None,
    ) -> None:
        """`model_for_new`: the model that would answer a conversation not started yet (the label says whether it
        is offered tools at all)."""
        super().__init__(parent)
        self._service = service
        self._model_for_new = model_for_new
        self.approver = GuiApprover(self)
        self._catalog: Callable[[], Sequence[ToolGroup]] | None = None
        self._groups: list[ToolGroup] = []
        self._conversation_id = ""
        self._choice = ALL
        self._label = ""
        self._generation = 0
        self._tasks = TaskOwner(self._failed)
        self._listener = _NoticeListener(self)
        service.add_listener(self._listener)

    # -- state
    @property
    def available(self) -> bool:
        return self._catalog is not None

    @property
    def choice(self) -> ConversationTools:
        return self._choice

    @property
    def label(self) -> str:
        return self._label

    @property
    def conversation_id(self) -> str:
        return self._conversation_id

    def groups(self) -> list[ToolGroup]:
        return list(self._groups)

    def tool_names(self) -> dict[str, tuple[str, str]]:
        """qualified name → (real name, connector name), for the transcript's tool rows."""
        return {t.qualified_name: (t.name, g.name) for g in self._groups for t in g.tools}

    # -- inputs
    def set_catalog(self, catalog: Callable[[], Sequence[ToolGroup]] | None) -> asyncio.Task[Any] | None:
        """Where the tools come from (None: no tools in this window)."""
        self._catalog = catalog
        self.available_changed.emit(catalog is not None)
        return self.refresh()

    def set_conversation(self, conversation_id: str) -> asyncio.Task[Any] | None:
        self._conversation_id = conversation_id
        return self.refresh()

    def refresh(self) -> asyncio.Task[Any] | None:
        """Read the choice and the label again (conversation opened, tools of a connector changed)."""
        self._generation += 1
        if self._catalog is None:
            return None
        return self._tasks.start(self._refresh(self._generation, self._conversation_id), "chat.tools")

    async def _refresh(self, generation: int, conversation_id: str) -> None:
        catalog = self._catalog
        groups = list(catalog()) if catalog is not None else []
        choice = ALL
        available = [t for g in groups for t in g.tools]
        count, tokens = len(available), sum(t.token_cost for t in available)  # a new conversation offers all
        if conversation_id:
            try:
                choice = await _resolve(self._service.conversation_tools(conversation_id)) or ALL
                count, tokens = await _resolve(self._service.tools_for(conversation_id))
            except VectorError:
                if generation != self._generation:
                    return  # another conversation is open by now (this one may be deleted)
                raise
        elif self._model_for_new is not None and count:
            model = self._model_for_new()
            if model:  # none offered to a model that cannot use tools (the on-device one)
                count, tokens = await _resolve(self._service.tools_for("", model))
        if generation != self._generation:
            return
        if groups != self._groups:
            self._groups = groups
            self.groups_changed.emit()
        self._choice = choice
        self.choice_changed.emit(choice)
        self._label = tools_label(choice, int(count), int(tokens), len(available))
        self.label_changed.emit(self._label)

    def choose_all(self) -> asyncio.Task[Any] | None:
        return self.choose(ALL)

    def choose_none(self) -> asyncio.Task[Any] | None:
        return self.choose(NONE)

    def choose_tools(self, names: Iterable[str]) -> asyncio.Task[Any] | None:
        return self.choose(ConversationTools("chosen", frozenset(names)))

    def choose(self, choice: ConversationTools) -> asyncio.Task[Any] | None:
        """Remember `choice` for the open conversation (a new conversation starts with all tools)."""
        if not self._conversation_id:
            self.error_occurred.emit(_tr("Open or start a conversation first, then choose its tools."))
            return None
        conversation_id = self._conversation_id

        async def save() -> None:
            await _resolve(self._service.set_conversation_tools(conversation_id, choice))
            if conversation_id == self._conversation_id:
                await self._refresh(self._generation, conversation_id)

        self._generation += 1
        self._choice = choice
        self.choice_changed.emit(choice)
        return self._tasks.start(save(), "chat.tools.choose")

    # -- plumbing
    def _failed(self, error: BaseException) -> None:
        if isinstance(error, VectorError):
            self.error_occurred.emit(str(error))
        else:
            log.error("chat tools failed", exc_info=error)
            self.error_occurred.emit(_tr("The tools of this conversation could not be read; the log has the details."))

    def close(self) -> None:
        """Deny the open approval questions and stop listening."""
        self.approver.close()
        self._service.remove_listener(self._listener)
        self._tasks.cancel_all()
