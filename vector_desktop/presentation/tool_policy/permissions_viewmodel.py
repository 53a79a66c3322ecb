"""View-model of the Connectors panel's Permissions tab: the policy of every connector and tool (the user's choice,
what is in force and why, trust), every live grant (revoke some or all) and the rules (add, delete).

Every read and write of the policy engine may touch the store, so it runs through `run_blocking` (an executor),
never on the GUI thread; writes are done one after the other, each followed by a fresh read. The chat makes grants
from its approval dialog: the composition root calls `reload()` then, and the tab calls it when it is shown.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vector_desktop.domain.connectors_api import ConnectorsApi
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.tool_policy import ArgumentMatcher, Grant, Policy, PolicyRule, RuleDraft
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.presentation.tool_policy.permissions_models import GrantsModel, RulesModel
from vector_desktop.presentation.tool_policy.policy_tree_model import (
    PolicyFilterProxy,
    PolicyKey,
    PolicyState,
    PolicyTreeModel,
)
from vector_desktop.presentation.tools.tool_events import ConnectorsEventBridge
from vector_desktop.qtsupport.tasks import TaskOwner
from vector_desktop.services.tool_policy.matchers import MatcherSyntaxError, parse_matcher

log = logging.getLogger(__name__)
T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PermissionsViewModel", text)


class RunBlocking(Protocol):
    """Runs a blocking callable off the GUI thread, e.g. `lambda fn: loop.run_in_executor(None, fn)`."""

    def __call__(self, fn: Callable[[], T], /) -> Awaitable[T]: ...


class PermissionsEngine(Protocol):
    """What the tab needs of services/tool_policy/engine.PolicyEngine (blocking calls: keep off the GUI thread)."""

    def effective(self, spec: ToolSpec) -> tuple[Policy, str]: ...

    def policy_for(self, connector_key: str, tool_name: str = "") -> Policy | None: ...

    def is_trusted(self, connector_key: str) -> bool: ...

    def rules(self) -> list[PolicyRule]: ...

    def grants(self, *, include_inactive: bool = ...) -> list[Grant]: ...

    def set_tool_policy(self, connector_key: str, tool_name: str, policy: Policy | None) -> None: ...

    def set_connector_trusted(self, connector_key: str, trusted: bool) -> None: ...

    def add_rule(self, draft: RuleDraft) -> PolicyRule: ...

    def delete_rule(self, rule_id: int) -> None: ...

    def revoke_grant(self, grant_id: int) -> None: ...

    def revoke_all_grants(self) -> int: ...


@dataclass(frozen=True)
class MatcherCheck:
    """The matchers read from the rule editor's text, and the problem of each line that could not be read."""

    matchers: tuple[ArgumentMatcher, ...] = ()
    errors: Mapping[int, str] = field(default_factory=dict)  # line number (0-based) → sentence

    @property
    def ok(self) -> bool:
        return not self.errors


def check_matchers(text: str) -> MatcherCheck:
    """One matcher a line in the text syntax of services/tool_policy/matchers (blank lines skipped)."""
    matchers: list[ArgumentMatcher] = []
    errors: dict[int, str] = {}
    for number, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            matchers.append(parse_matcher(line))
        except MatcherSyntaxError as error:
            errors[number] = str(error)
    return MatcherCheck(tuple(matchers), errors)


@dataclass(frozen=True)
class _Snapshot:
    policies: PolicyState
    grants: list[Grant]
    rules: list[PolicyRule]
    conversation_titles: Mapping[str, str]


class PermissionsViewModel(QObject):
    loaded = Signal()  # a fresh read is shown
    busy_changed = Signal(bool)  # a change is being written
    error_occurred = Signal(str)
    message = Signal(str)
    rule_added = Signal(object)  # PolicyRule
    rule_failed = Signal(str, str)  # field ("tool", "matchers" or ""), why the rule could not be added

    def __init__(
        self,
        engine: PermissionsEngine,
        connectors: ConnectorsApi,
        *,
        run_blocking: RunBlocking,
        conversation_titles: Callable[[Sequence[str]], Mapping[str, str]] | None = None,
        events: ConnectorsEventBridge | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._connectors = connectors
        self._run_blocking = run_blocking
        self._conversation_titles = conversation_titles
        self.policies = PolicyTreeModel(self)
        self.policies_proxy = PolicyFilterProxy(self)
        self.policies_proxy.setSourceModel(self.policies)
        self.grants = GrantsModel(self)
        self.rules = RulesModel(self)
        self._tasks = TaskOwner(self._task_failed)
        self._writes = asyncio.Lock()
        self._busy = 0
        self._reloading: asyncio.Task[Any] | None = None
        self._read_again = False
        self._closed = False
        self.policies.policy_requested.connect(self.set_tool_policy)
        self.policies.trust_requested.connect(self.set_connector_trusted)
        self.events = events or ConnectorsEventBridge(self)
        self._own_events = events is None
        self.events.connectors_changed.connect(self.reload)
        self.events.tools_changed.connect(lambda _keys: self.reload())
        if self._own_events:
            connectors.add_listener(self.events.listener)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    @property
    def running(self) -> int:
        """Tasks still running (reads and writes)."""
        return self._tasks.running

    # -- reading
    def reload(self) -> asyncio.Task[Any] | None:
        """Read everything again (a read already running reads once more when it is done)."""
        if self._closed:
            return None
        if self._reloading is not None and not self._reloading.done():
            self._read_again = True
            return self._reloading
        self._reloading = self._tasks.start(self._reload(), "permissions.reload")
        return self._reloading

    async def _reload(self) -> None:
        while True:
            self._read_again = False
            snapshot = await self._run_blocking(self._read)
            if self._closed:
                return
            self._show(snapshot)
            if not self._read_again:
                break
        self.loaded.emit()

    def _read(self) -> _Snapshot:
        """Runs off the GUI thread."""
        engine = self._engine
        connectors = self._connectors.connectors()
        tools = self._connectors.tools()
        grants = engine.grants(include_inactive=False)
        titles: Mapping[str, str] = {}
        conversations = sorted({grant.conversation_id for grant in grants if grant.conversation_id})
        if self._conversation_titles is not None and conversations:
            titles = self._conversation_titles(conversations)
        keys: list[PolicyKey] = [(info.key, "") for info in connectors]
        keys += [(spec.connector_key, spec.name) for spec in tools]
        choices = {key: policy for key in keys if (policy := engine.policy_for(*key)) is not None}
        state = PolicyState(
            connectors=connectors,
            tools=tools,
            choices=choices,
            untrusted=frozenset(info.key for info in connectors if not engine.is_trusted(info.key)),
            effective={spec.qualified_name: engine.effective(spec) for spec in tools},
        )
        return _Snapshot(state, grants, engine.rules(), titles)

    def _show(self, snapshot: _Snapshot) -> None:
        state = snapshot.policies
        connector_names = {info.key: info.name for info in state.connectors}
        tool_names = {spec.qualified_name: spec.name for spec in state.tools}
        self.policies.set_state(state)
        self.grants.set_grants(snapshot.grants, tool_names, connector_names, snapshot.conversation_titles)
        self.rules.set_rules(snapshot.rules, connector_names)

    def connector_choices(self) -> list[tuple[str, str]]:
        """(name, key) of every connector, for the rule editor."""
        return [(row.info.name, row.info.key) for row in self.policies.connector_rows()]

    def tool_names(self) -> list[str]:
        """Qualified names of every tool, for completing a rule's tool pattern."""
        return [tool.spec.qualified_name for row in self.policies.connector_rows() for tool in row.tools]

    # -- policies
    def set_tool_policy(self, connector_key: str, tool_name: str, policy: Policy | None) -> asyncio.Task[Any] | None:
        """`tool_name` "" sets the connector's choice; None goes back to the default."""
        return self._write(lambda: self._engine.set_tool_policy(connector_key, tool_name, policy))

    def set_connector_trusted(self, connector_key: str, trusted: bool) -> asyncio.Task[Any] | None:
        return self._write(lambda: self._engine.set_connector_trusted(connector_key, trusted))

    # -- grants
    def revoke(self, grant_ids: Sequence[int]) -> asyncio.Task[Any] | None:
        ids = list(grant_ids)
        if not ids:
            return None

        def revoke() -> None:
            for grant_id in ids:
                self._engine.revoke_grant(grant_id)

        text = _tr("The grant was revoked.") if len(ids) == 1 else _tr("%1 grants were revoked.")
        return self._write(revoke, lambda _result: text.replace("%1", str(len(ids))))

    def revoke_all(self) -> asyncio.Task[Any] | None:
        def said(count: Any) -> str:
            return _tr("Every grant was revoked (%1).").replace("%1", str(count))

        return self._write(self._engine.revoke_all_grants, said)

    # -- rules
    @staticmethod
    def check_matchers(text: str) -> MatcherCheck:
        return check_matchers(text)

    def add_rule(self, draft: RuleDraft) -> asyncio.Task[Any] | None:
        async def added(rule: Any) -> None:
            self.rule_added.emit(rule)

        def failed(error: VectorError) -> None:
            self.rule_failed.emit(str(getattr(error, "field", "")), str(error))

        return self._write(lambda: self._engine.add_rule(draft), failed=failed, then=added)

    def delete_rules(self, rule_ids: Sequence[int]) -> asyncio.Task[Any] | None:
        ids = list(rule_ids)
        if not ids:
            return None

        def delete() -> None:
            for rule_id in ids:
                self._engine.delete_rule(rule_id)

        text = _tr("The rule was deleted.") if len(ids) == 1 else _tr("%1 rules were deleted.")
        return self._write(delete, lambda _result: text.replace("%1", str(len(ids))))

    # -- plumbing
    def _write(
        self,
        fn: Callable[[], Any],
        said: Callable[[Any], str] | None = None,
        *,
        failed: Callable[[VectorError], Any] | None = None,
        then: Callable[[Any], Awaitable[None]] | None = None,
    ) -> asyncio.Task[Any] | None:
        if self._closed:
            return None
        report = failed or (lambda error: self.error_occurred.emit(str(error)))
        return self._tasks.start(self._written(fn, said, report, then), "permissions.write")

    async def _written(
        self,
        fn: Callable[[], Any],
        said: Callable[[Any], str] | None,
        failed: Callable[[VectorError], Any],
        then: Callable[[Any], Awaitable[None]] | None,
    ) -> None:
        self._set_busy(1)
        try:
            async with self._writes:
                try:
                    result = await self._run_blocking(fn)
                except VectorError as error:
                    if not self._closed:
                        failed(error)
                    result = error
                reload = self.reload()  # also after a failure: what is shown must be what is stored
                if reload is not None:
                    with contextlib.suppress(Exception):  # a failed read is reported by its own task
                        await asyncio.shield(reload)
            if self._closed or isinstance(result, VectorError):
                return
            if then is not None:
                await then(result)
            if said is not None:
                self.message.emit(said(result))
        finally:
            self._set_busy(-1)

    def _set_busy(self, delta: int) -> None:
        before = self.busy
        self._busy += delta
        if self.busy != before and not self._closed:
            self.busy_changed.emit(self.busy)

    def _task_failed(self, error: BaseException) -> None:
        log.error("permissions action failed", exc_info=error)
        if not self._closed:
            self.error_occurred.emit(_tr("Something went wrong with the permissions; the log has the details."))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._own_events:
            self._connectors.remove_listener(self.events.listener)
        self._tasks.cancel_all()
