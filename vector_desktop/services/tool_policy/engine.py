"""The tool-policy engine: may the model run this tool with these arguments now, and if not, why.

Decisions are made from an in-memory snapshot (fast, from any thread); writes go to the store (blocking: keep
them off the GUI thread) and reload the snapshot. The order is domain/tool_policy.py's, with two safety rules on
top of it:
- a deny is final: a deny rule, or the user's Deny policy for the tool (else its connector), wins over any grant
  and over the user's answer;
- nothing says AUTO for a destructive tool or for a tool of a connector the user marked untrusted: a rule, policy
  or default that says auto becomes ask there. Only a grant or the user's answer lets such a tool run.
A tool whose server said nothing about it (no annotations) is asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from fnmatch import fnmatchcase
from typing import Any

from vector_desktop.domain.connectors import ConnectorValidationError
from vector_desktop.domain.tool_policy import (
    ApprovalAnswer,
    ArgumentMatcher,
    ConversationTools,
    Decision,
    DecisionKind,
    Grant,
    GrantScope,
    Policy,
    PolicyRule,
    PolicyStore,
    RuleDraft,
)
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.services.tool_policy.matchers import all_match, split_path

HOUR_GRANT = timedelta(hours=1)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class _Snapshot:
    policies: Mapping[tuple[str, str], Policy] = field(default_factory=dict)
    untrusted: frozenset[str] = frozenset()
    rules: tuple[PolicyRule, ...] = ()
    grants: tuple[Grant, ...] = ()


@dataclass(frozen=True)
class _Verdict:
    """What steps 4-6 say before the safety caps."""

    policy: Policy
    reason: str
    rule: PolicyRule | None = None


def rule_applies(rule: PolicyRule, spec: ToolSpec) -> bool:
    """The rule's connector (if any) and tool pattern fit the tool. With a connector named, the pattern may also
    name the tool's real name."""
    if rule.connector_key and rule.connector_key != spec.connector_key:
        return False
    if fnmatchcase(spec.qualified_name, rule.tool):
        return True
    return bool(rule.connector_key) and fnmatchcase(spec.name, rule.tool)


def grant_covers(
    grant: Grant, spec: ToolSpec, arguments: Mapping[str, Any], conversation_id: str, now: datetime
) -> bool:
    if grant.revoked_at is not None or grant.scope is GrantScope.ONCE:
        return False
    if grant.qualified_name != spec.qualified_name or grant.connector_key != spec.connector_key:
        return False
    if grant.scope is GrantScope.CONVERSATION and grant.conversation_id != conversation_id:
        return False
    if grant.expires_at is not None and grant.expires_at <= now:
        return False
    return all_match(grant.matchers, arguments)


def annotation_default(spec: ToolSpec, trusted: bool) -> _Verdict:
    """Step 6: what the server's annotations suggest, when the user trusts them."""
    notes = spec.annotations
    if not trusted:
        return _Verdict(Policy.ASK, "untrusted connector")
    if notes.destructive:
        return _Verdict(Policy.ASK, "destructive tool")
    if notes.read_only is None and notes.destructive is None:
        return _Verdict(Policy.ASK, "the server says nothing about this tool")
    if notes.read_only:
        return _Verdict(Policy.AUTO, "read-only tool")
    return _Verdict(Policy.ASK, "the tool may change data")


class PolicyEngine:
    def __init__(self, store: PolicyStore, *, now: Callable[[], datetime] = utc_now) -> None:
        self._store = store
        self._now = now
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None

    # ------------------------------------------------------------------------------------------------- reading

    def reload(self) -> None:
        """Blocking: reads policies, trust, rules and live grants from the store."""
        with self._lock:
            self._snapshot = _Snapshot(
                policies=dict(self._store.tool_policies()),
                untrusted=frozenset(self._store.untrusted_connectors()),
                rules=tuple(self._store.rules()),
                grants=tuple(self._store.grants(now=self._now())),
            )

    def _current(self) -> _Snapshot:
        snapshot = self._snapshot
        if snapshot is None:  # never decide without the user's denies: read them once, even here
            self.reload()
            snapshot = self._snapshot
        assert snapshot is not None
        return snapshot

    def offered(
        self, specs: Sequence[ToolSpec], *, connector_enabled: Mapping[str, bool], conversation: ConversationTools
    ) -> list[ToolSpec]:
        """Step 1: enabled tools of enabled connectors that the conversation chose. A connector missing from
        `connector_enabled` counts as disabled."""
        return [
            spec
            for spec in specs
            if spec.enabled
            and connector_enabled.get(spec.connector_key, False)
            and conversation.offers(spec.qualified_name)
        ]

    def decide(self, spec: ToolSpec, arguments: Mapping[str, Any], *, conversation_id: str) -> Decision:
        """AUTO, GRANTED, DENIED or ASK (then `policy` and `reason` say why); NOT_OFFERED for a tool turned off."""
        if not spec.enabled:
            return Decision(DecisionKind.NOT_OFFERED, "the tool is turned off")
        snapshot = self._current()
        denied = self._denial(snapshot, spec, arguments)
        if denied is not None:
            return denied
        now = self._now()
        for grant in snapshot.grants:
            if grant_covers(grant, spec, arguments, conversation_id, now):
                return Decision(DecisionKind.GRANTED, grant.describe(), grant=grant)
        verdict = self._verdict(snapshot, spec, arguments)
        kind = DecisionKind.AUTO if verdict.policy is Policy.AUTO else DecisionKind.ASK
        return Decision(kind, verdict.reason, rule=verdict.rule, policy=verdict.policy)

    def effective(self, spec: ToolSpec) -> tuple[Policy, str]:
        """The policy in force for the tool whatever its arguments (rules with matchers left out), and why: for the
        Permissions tab."""
        snapshot = self._current()
        denied = self._denial(snapshot, spec, None)
        if denied is not None:
            return Policy.DENY, denied.reason
        verdict = self._verdict(snapshot, spec, None)
        return verdict.policy, verdict.reason

    def policy_for(self, connector_key: str, tool_name: str = "") -> Policy | None:
        """The user's own choice for a tool (or, with tool_name "", its connector); None = default."""
        return self._current().policies.get((connector_key, tool_name))

    def is_trusted(self, connector_key: str) -> bool:
        return connector_key not in self._current().untrusted

    def rules(self) -> list[PolicyRule]:
        return list(self._current().rules)

    def live_grants(self) -> list[Grant]:
        now = self._now()
        return [g for g in self._current().grants if g.expires_at is None or g.expires_at > now]

    # -------------------------------------------------------------------------------------------- the steps

    def _user_policy(self, snapshot: _Snapshot, spec: ToolSpec) -> _Verdict | None:
        tool = snapshot.policies.get((spec.connector_key, spec.name))
        if tool is not None:
            return _Verdict(tool, "your policy for this tool")
        connector = snapshot.policies.get((spec.connector_key, ""))
        if connector is not None:
            return _Verdict(connector, "your policy for this connector")
        return None

    def _matching_rules(
        self, snapshot: _Snapshot, spec: ToolSpec, arguments: Mapping[str, Any] | None
    ) -> list[PolicyRule]:
        """Rules for the tool whose matchers hold; without arguments, only the rules without matchers."""
        return [
            rule
            for rule in snapshot.rules
            if rule_applies(rule, spec)
            and (not rule.matchers if arguments is None else all_match(rule.matchers, arguments))
        ]

    def _denial(self, snapshot: _Snapshot, spec: ToolSpec, arguments: Mapping[str, Any] | None) -> Decision | None:
        """Step 2 (and the user's Deny policy, which is as final as a deny rule)."""
        for rule in self._matching_rules(snapshot, spec, arguments):
            if rule.effect is Policy.DENY:
                return Decision(DecisionKind.DENIED, f"deny rule #{rule.id}", rule=rule, policy=Policy.DENY)
        mine = self._user_policy(snapshot, spec)
        if mine is not None and mine.policy is Policy.DENY:
            return Decision(DecisionKind.DENIED, mine.reason, policy=Policy.DENY)
        return None

    def _verdict(self, snapshot: _Snapshot, spec: ToolSpec, arguments: Mapping[str, Any] | None) -> _Verdict:
        """Steps 4-6, then the caps: never auto for a destructive tool or an untrusted connector."""
        rules = [r for r in self._matching_rules(snapshot, spec, arguments) if r.effect is not Policy.DENY]
        asking = [r for r in rules if r.effect is Policy.ASK]
        trusted = spec.connector_key not in snapshot.untrusted
        verdict: _Verdict | None = None
        if asking or rules:
            rule = (asking or rules)[0]
            verdict = _Verdict(rule.effect, f"rule #{rule.id}", rule)
        verdict = verdict or self._user_policy(snapshot, spec) or annotation_default(spec, trusted)
        if verdict.policy is Policy.AUTO and spec.annotations.destructive:
            return _Verdict(Policy.ASK, "destructive tool", verdict.rule)
        if verdict.policy is Policy.AUTO and not trusted:
            return _Verdict(Policy.ASK, "untrusted connector", verdict.rule)
        return verdict

    # ----------------------------------------------------------------------------------------------- writing

    def answer(
        self,
        spec: ToolSpec,
        arguments: Mapping[str, Any],
        *,
        conversation_id: str,
        answer: ApprovalAnswer,
        matchers: Sequence[ArgumentMatcher] = (),
    ) -> Decision:
        """The user's answer to an ASK: ASKED_ALLOWED with the grant it stored (ONCE grants too, so the audit can
        name them), or ASKED_DENIED. A deny rule or policy that matches (the edited arguments) stays final: DENIED.
        Blocking when it stores a grant."""
        final = answer.arguments if answer.arguments is not None else arguments
        asked = self.decide(spec, final, conversation_id=conversation_id)
        if asked.kind in (DecisionKind.DENIED, DecisionKind.NOT_OFFERED):
            return asked
        if not answer.allowed:
            return Decision(DecisionKind.ASKED_DENIED, "you did not allow it", rule=asked.rule, policy=asked.policy)
        scope = answer.scope
        grant = self._store.add_grant(
            qualified_name=spec.qualified_name,
            connector_key=spec.connector_key,
            scope=scope,
            conversation_id=conversation_id if scope in (GrantScope.ONCE, GrantScope.CONVERSATION) else "",
            expires_at=self._now() + HOUR_GRANT if scope is GrantScope.HOUR else None,
            matchers=tuple(matchers),
        )
        if scope is not GrantScope.ONCE:
            self.reload()
        return Decision(DecisionKind.ASKED_ALLOWED, asked.reason, grant=grant, rule=asked.rule, policy=asked.policy)

    def set_tool_policy(self, connector_key: str, tool_name: str, policy: Policy | None) -> None:
        """tool_name "" sets the connector-wide policy; None goes back to the default."""
        self._store.set_tool_policy(connector_key, tool_name, policy)
        self.reload()

    def set_connector_trusted(self, connector_key: str, trusted: bool) -> None:
        self._store.set_connector_trusted(connector_key, trusted)
        self.reload()

    def add_rule(self, draft: RuleDraft) -> PolicyRule:
        if not draft.tool.strip():
            raise ConnectorValidationError("tool", "Name a tool, or a pattern such as jira__* for several tools.")
        for matcher in draft.matchers:
            split_path(matcher.path)  # raises a sentence for a malformed path
        rule = self._store.add_rule(draft)
        self.reload()
        return rule

    def delete_rule(self, rule_id: int) -> None:
        self._store.delete_rule(rule_id)
        self.reload()

    def revoke_grant(self, grant_id: int) -> None:
        self._store.revoke_grant(grant_id)
        self.reload()

    def revoke_all_grants(self) -> int:
        count = self._store.revoke_all_grants()
        self.reload()
        return count

    def grants(self, *, include_inactive: bool = True) -> list[Grant]:
        """Blocking: every grant (revoked, expired and once ones too unless include_inactive=False), for the UI."""
        return self._store.grants(include_inactive=include_inactive, now=self._now())

    def conversation_tools(self, conversation_id: str) -> ConversationTools:
        """Blocking passthrough."""
        return self._store.conversation_tools(conversation_id)

    def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None:
        """Blocking passthrough."""
        self._store.set_conversation_tools(conversation_id, choice)
