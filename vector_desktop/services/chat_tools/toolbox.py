"""ChatToolbox: the connectors' tools for the chat, under the policy engine.

A call goes: is it offered here → the engine decides → (ask → the Approver → the engine records the answer) → the
connectors run it on their own loop (the ConnectorToolAction row is written before and after) → an audit line from
the same facts as that row → the text for the model. A call that is not allowed never reaches the connector.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from vector_desktop.domain.chat import ToolOutcome
from vector_desktop.domain.connectors import ActionFilter, ConnectorError, ToolAction
from vector_desktop.domain.connectors_api import ConnectorsRuntime, PreparesConnectors, ToolRun, ToolSource
from vector_desktop.domain.tool_policy import (
    TOOL_DENIED,
    ApprovalAnswer,
    ApprovalRequest,
    Approver,
    AuditRecord,
    ConversationTools,
    Decision,
    DecisionKind,
)
from vector_desktop.domain.tools import ToolSpec, ToolStatus
from vector_desktop.services.chat_tools.audit_records import NOT_ASKED, audit_record, refusal, with_status
from vector_desktop.services.chat_tools.long_calls import STOPPED_FROM_JOBS, LongCalls
from vector_desktop.services.chat_tools.results import ResultCaps, outcome_of_run
from vector_desktop.services.scrubber import Scrubber
from vector_desktop.services.tool_run_records import CANCELLED, status_of

log = logging.getLogger(__name__)

T = TypeVar("T")
RunBlocking = Callable[[Callable[[], Any]], Awaitable[Any]]
STOPPED_FROM_JOBS_FOR_MODEL = (
    "The user stopped this tool call (from the Jobs panel) before it finished; whether it had any effect is not "
    "known. Do not call it again unless the user asks."
)


class PolicyDecider(Protocol):
    """What the toolbox needs of services.tool_policy.engine.PolicyEngine."""

    def offered(
        self, specs: Sequence[ToolSpec], *, connector_enabled: Mapping[str, bool], conversation: ConversationTools
    ) -> list[ToolSpec]: ...

    def decide(self, spec: ToolSpec, arguments: Mapping[str, Any], *, conversation_id: str) -> Decision: ...

    def answer(
        self, spec: ToolSpec, arguments: Mapping[str, Any], *, conversation_id: str, answer: ApprovalAnswer
    ) -> Decision: ...

    def conversation_tools(self, conversation_id: str) -> ConversationTools: ...

    def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None: ...


class AuditWriter(Protocol):
    """services.tool_policy.audit.AuditLog."""

    def write(self, record: AuditRecord) -> None: ...


async def run_here(fn: Callable[[], T]) -> T:
    """The default `run_blocking`: short store and file calls run right here (the command line)."""
    return fn()


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ChatToolbox:
    """Implements domain.chat.ToolProvider. Runs on the chat's loop; connector calls go to the connectors' loop."""

    def __init__(
        self,
        connectors: ToolSource,
        runtime: ConnectorsRuntime,
        engine: PolicyDecider,
        audit: AuditWriter,
        *,
        approver: Approver | None,
        run_blocking: RunBlocking = run_here,
        scrubber: Scrubber | None = None,
        timeout: float | None = None,
        caps: ResultCaps = ResultCaps(),  # noqa: B008
        now: Callable[[], datetime] = _utc_now,
        long_calls: LongCalls | None = None,
    ) -> None:
        self._connectors = connectors
        self._runtime = runtime
        self._engine = engine
        self._audit = audit
        self.approver = approver
        self._run_blocking = run_blocking
        self._choices: dict[str, ConversationTools] = {}
        self._scrubber = scrubber or Scrubber(lambda: (), Path.home())
        self.timeout = timeout  # None: each connector's own timeout
        self.caps = caps
        self._now = now
        self.long_calls = long_calls  # hands calls that run long to the job pool (None: no pool, the CLI)
        self._writing: set[asyncio.Task[None]] = set()  # audit lines of calls cancelled before they were awaited

    # ------------------------------------------------------------------------------------------------ offering

    async def list_tools(self, conversation_id: str) -> list[ToolSpec]:
        choice = await self.conversation_tools(conversation_id)
        return self._offered(choice)

    async def choosable(self) -> list[ToolSpec]:
        return self._offered(ConversationTools())

    async def conversation_tools(self, conversation_id: str) -> ConversationTools:
        # Read once per conversation: every model request asks, and a store round trip each time was most of the
        # toolbox's cost in a tool round (bench/tool_round.py). Choices change only through this object.
        choice = self._choices.get(conversation_id)
        if choice is None:
            choice = await self._run_blocking(partial(self._engine.conversation_tools, conversation_id))
            self._choices[conversation_id] = choice
        return choice

    async def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None:
        await self._run_blocking(partial(self._engine.set_conversation_tools, conversation_id, choice))
        self._choices[conversation_id] = choice

    async def prepare(self, conversation_id: str) -> None:
        """The user is writing in this conversation: the connectors of the tools it offers start now on their loop
        (not awaited here), so that the model's first call does not wait for a server to start."""
        keys = sorted({spec.connector_key for spec in self._offered(await self.conversation_tools(conversation_id))})
        if not keys or not isinstance(self._connectors, PreparesConnectors):
            return
        try:
            starting = self._runtime.submit(self._connectors.prepare(keys))
        except RuntimeError:  # the connectors' loop is closing (the app is)
            return
        starting.add_done_callback(_log_failure)

    def _offered(self, choice: ConversationTools) -> list[ToolSpec]:
        enabled = {info.key: info.enabled for info in self._connectors.connectors()}
        return self._engine.offered(self._connectors.tools(), connector_enabled=enabled, conversation=choice)

    def _connector_name(self, key: str) -> str:
        return next((c.name for c in self._connectors.connectors() if c.key == key), key)

    # ------------------------------------------------------------------------------------------------ calling

    async def call(self, conversation_id: str, call_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        return await self.start(conversation_id, call_id, name, arguments)

    def start(
        self,
        conversation_id: str,
        call_id: str,
        name: str,
        arguments: dict[str, Any],
        *,
        then: Callable[[ToolOutcome], None] | None = None,
    ) -> Awaitable[ToolOutcome]:
        """`call`, begun now: when the conversation's tools are known and the policy lets the call run without
        asking, it is on the connectors' loop when this returns (before the caller's listeners and the GUI's
        next frame). `then(outcome)` runs on the connectors' loop once the call ran, its row and audit line
        written (not for a call that was refused, failed to run or was cancelled)."""
        choice = self._choices.get(conversation_id)
        if choice is not None:
            spec = next((s for s in self._offered(choice) if s.qualified_name == name), None)
            if spec is not None:
                decision = self._engine.decide(spec, arguments, conversation_id=conversation_id)
                if decision.kind is not DecisionKind.ASK and decision.allowed:
                    connector_name = self._connector_name(spec.connector_key)
                    return self._run(conversation_id, call_id, spec, connector_name, arguments, decision, then)
        return self._call(conversation_id, call_id, name, arguments, then)

    async def _call(
        self,
        conversation_id: str,
        call_id: str,
        name: str,
        arguments: dict[str, Any],
        then: Callable[[ToolOutcome], None] | None,
    ) -> ToolOutcome:
        offered = {spec.qualified_name: spec for spec in await self.list_tools(conversation_id)}
        spec = offered.get(name)
        if spec is None:
            decision = Decision(DecisionKind.NOT_OFFERED, "not offered in this conversation")
            await self._write_audit(self._record(conversation_id, call_id, None, name, arguments, decision))
            text = f"The tool {name} is not available in this conversation; nothing was run."
            return ToolOutcome(text, decision=decision, error=text)
        connector_name = self._connector_name(spec.connector_key)
        decision = self._engine.decide(spec, arguments, conversation_id=conversation_id)
        if decision.kind is DecisionKind.ASK:
            decision, arguments = await self._ask(conversation_id, spec, connector_name, arguments, decision)
        if not decision.allowed:
            await self._write_audit(self._record(conversation_id, call_id, spec, name, arguments, decision))
            return ToolOutcome(TOOL_DENIED, decision=decision, error=refusal(decision), connector_name=connector_name)
        return await self._run(conversation_id, call_id, spec, connector_name, arguments, decision, then)

    async def _ask(
        self,
        conversation_id: str,
        spec: ToolSpec,
        connector_name: str,
        arguments: dict[str, Any],
        decision: Decision,
    ) -> tuple[Decision, dict[str, Any]]:
        if self.approver is None:
            return Decision(DecisionKind.ASKED_DENIED, NOT_ASKED, rule=decision.rule, policy=decision.policy), arguments
        request = ApprovalRequest(
            conversation_id, spec, connector_name, dict(arguments), summary=_summary(spec), reason=decision.reason
        )
        answer = await self.approver.ask(request)
        if answer.arguments is not None:
            arguments = dict(answer.arguments)
        answered: Decision = await self._run_blocking(
            partial(self._engine.answer, spec, arguments, conversation_id=conversation_id, answer=answer)
        )
        return answered, arguments

    def _run(
        self,
        conversation_id: str,
        call_id: str,
        spec: ToolSpec,
        connector_name: str,
        arguments: dict[str, Any],
        decision: Decision,
        then: Callable[[ToolOutcome], None] | None = None,
    ) -> Awaitable[ToolOutcome]:
        """Submits the call to the connectors' loop now; the task returned waits for its outcome."""
        began = time.monotonic()
        call = self._connectors.call_tool(
            spec.qualified_name, arguments, origin=conversation_id, allowed_by=decision.allowed_by, timeout=self.timeout
        )
        audit = partial(self._record, conversation_id, call_id, spec, spec.qualified_name, arguments, decision)
        outcome = partial(outcome_of_run, spec.qualified_name, self.caps, decision, connector_name)
        try:
            future = self._runtime.submit(self._call_then_audit(call, audit, outcome, then))
        except BaseException:
            call.close()  # never started (the connectors' loop is gone)
            raise
        waiting = asyncio.ensure_future(
            self._wait(future, began, conversation_id, spec, connector_name, decision, audit)
        )
        waiting.add_done_callback(partial(self._cancelled_early, future, audit))
        return waiting

    def _cancelled_early(
        self,
        future: concurrent.futures.Future[ToolOutcome],
        audit: Callable[[], AuditRecord],
        waiting: asyncio.Task[ToolOutcome],
    ) -> None:
        """A wait cancelled before its first step never saw it: the call must not run on (its row says cancelled,
        and so does its audit line)."""
        if waiting.cancelled() and not future.done() and future.cancel():
            record = replace(audit(), status=ToolStatus.CANCELLED.value, error=CANCELLED)
            writing = asyncio.ensure_future(self._write_audit(record))
            self._writing.add(writing)
            writing.add_done_callback(self._writing.discard)

    async def _wait(
        self,
        future: concurrent.futures.Future[ToolOutcome],
        began: float,
        conversation_id: str,
        spec: ToolSpec,
        connector_name: str,
        decision: Decision,
        audit: Callable[..., AuditRecord],
    ) -> ToolOutcome:
        """The call's outcome from the connectors' loop; `audit(action=None)` makes its audit line."""
        handover = self.long_calls.watch(future, spec.qualified_name) if self.long_calls is not None else None
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            # Stopped (or the app is closing): the connectors record the run as cancelled; no waiting for them here.
            if not (future.done() and not future.cancelled() and future.exception() is None):
                # (A call that had ended already has its line, written with its row.)
                await self._write_audit(replace(audit(), status=ToolStatus.CANCELLED.value, error=CANCELLED))
            current = asyncio.current_task()
            if future.cancelled() and not (current is not None and current.cancelling()):
                # Cancelled from the Jobs panel (the long call's job), not by the chat: the answer goes on.
                return ToolOutcome(
                    STOPPED_FROM_JOBS_FOR_MODEL,
                    status=ToolStatus.CANCELLED,
                    decision=decision,
                    duration_ms=_ms_since(began),
                    error=STOPPED_FROM_JOBS,
                    connector_name=connector_name,
                )
            raise
        except Exception as error:
            if not isinstance(error, ConnectorError):
                log.exception("tool %s failed", spec.qualified_name)
            action = await self._audit_unfinished(conversation_id, spec, audit, error)
            status, message = status_of(error)
            duration = action.duration_ms if action is not None else _ms_since(began)
            return ToolOutcome(
                f"The tool {spec.qualified_name} could not be run: {message}",
                status=action.status if action is not None and action.status.finished else status,
                action_id=action.id if action is not None else None,
                decision=decision,
                duration_ms=duration,
                error=message,
                connector_name=connector_name,
            )
        finally:
            if handover is not None:
                handover.cancel()

    async def _call_then_audit(
        self,
        call: Coroutine[Any, Any, ToolRun],
        audit: Callable[[ToolAction], AuditRecord],
        outcome_of: Callable[[ToolRun], ToolOutcome],
        then: Callable[[ToolOutcome], None] | None,
    ) -> ToolOutcome:
        """On the connectors' loop: the call, its audit line (written there from the row the call recorded, as
        that loop writes the row itself), its outcome, then `then`: the chat's loop waits for no extra hop."""
        run = await call
        try:
            self._audit.write(audit(run.action))
        except Exception:
            log.exception("the tool audit line could not be written")
        outcome = outcome_of(run)
        if then is not None:
            try:
                then(outcome)
            except Exception:
                log.exception("the step after tool %s failed", run.action.qualified_name)
        return outcome

    async def _on_connectors_loop(self, coro: Coroutine[Any, Any, T]) -> T:
        return await asyncio.wrap_future(self._runtime.submit(coro))

    async def _audit_unfinished(
        self, conversation_id: str, spec: ToolSpec, audit: Callable[..., AuditRecord], error: Exception
    ) -> ToolAction | None:
        """A call that raised (or was cancelled): its row says how it ended; the audit line says the same."""
        action: ToolAction | None = None
        try:
            recent = await self._on_connectors_loop(
                self._connectors.history(ActionFilter(connector_key=spec.connector_key, limit=20))
            )
            action = next(
                (a for a in recent if a.origin == conversation_id and a.qualified_name == spec.qualified_name), None
            )
        except Exception:
            log.warning("the record of %s could not be read", spec.qualified_name, exc_info=True)
        record = audit(action)
        if action is None or not action.status.finished:
            status, message = status_of(error)
            record = with_status(record, status, message)
        await self._write_audit(record)
        return action

    # ------------------------------------------------------------------------------------------------ audit

    def _record(self, *facts: Any) -> AuditRecord:
        """`audit_record`'s line, now and scrubbed: (conversation_id, call_id, spec, name, arguments, decision[,
        action])."""
        return audit_record(self._now(), self._scrubber, *facts)

    async def _write_audit(self, record: AuditRecord) -> None:
        try:
            await self._run_blocking(partial(self._audit.write, record))
        except Exception:
            # The call itself is recorded in the store; a full disk must not break the chat.
            log.exception("the tool audit line could not be written")


def _log_failure(future: concurrent.futures.Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.warning("the connectors were not started ahead of a call", exc_info=future.exception())


def _summary(spec: ToolSpec) -> str:
    """What the call will do, in one sentence, when the tool's description says."""
    text = " ".join(spec.description.split())
    sentence = text.split(". ", 1)[0].rstrip(".")
    return f"{sentence}." if sentence else ""


def _ms_since(began: float) -> int:
    return int((time.monotonic() - began) * 1000)
