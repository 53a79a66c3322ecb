"""The tool-policy vocabulary: whether the model may run a tool, who decided, and the ports behind it.

Decision order (first match wins; shared/design/TOOLS.md):
1. the tool or its connector is disabled, or the conversation did not choose it → not offered to the model;
2. a deny rule matches (tool pattern, connector, argument matchers) → denied, the model is told so;
3. a live grant matches (once / conversation / until a time / always; tool and optional argument matchers) →
   allowed, the grant is named in the audit record;
4. an allow or ask rule matches → auto / ask;
5. the user's policy for the tool, else for its connector (auto / ask / deny);
6. the default from annotations: read-only and not destructive → auto, anything else → ask; every tool of a
   connector the user marked untrusted → ask.
"Ask" opens the approval dialog in the app; on the command line it refuses unless `--yes` was given.
A destructive tool never runs without a grant or the user's answer, whatever rule or policy says "auto".
No Qt, no I/O.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from vector_desktop.domain.tools import ToolSpec

TOOL_DENIED = "The user did not allow this tool call."


class Policy(enum.StrEnum):
    AUTO = "auto"  # runs without asking
    ASK = "ask"  # the user is asked each time (unless a grant covers the call)
    DENY = "deny"  # never runs; the model is told the user did not allow it


class GrantScope(enum.StrEnum):
    ONCE = "once"  # this call only (recorded, never reused)
    CONVERSATION = "conversation"  # this tool in this conversation
    HOUR = "hour"  # this tool anywhere, for one hour
    ALWAYS = "always"  # this tool anywhere, until revoked


class DecisionKind(enum.StrEnum):
    NOT_OFFERED = "not offered"  # disabled, or not chosen for the conversation
    AUTO = "auto"  # a rule, the user's policy or the annotations said auto
    GRANTED = "granted"  # a live grant covered it
    ASK = "ask"  # the user must be asked (engine.decide's answer before asking)
    ASKED_ALLOWED = "asked and allowed"
    ASKED_DENIED = "asked and denied"
    DENIED = "denied"  # a deny rule or policy


class MatchOp(enum.StrEnum):
    EQUALS = "equals"
    NOT_EQUALS = "not equals"
    ONE_OF = "one of"  # value is a list
    STARTS_WITH = "starts with"
    CONTAINS = "contains"  # substring of a string, or member of a list
    GLOB = "glob"  # fnmatch-style pattern on the text form
    EXISTS = "exists"  # the path is present (value ignored)
    ABSENT = "absent"


@dataclass(frozen=True)
class ArgumentMatcher:
    """A test on one place of the arguments: `path` like `input.project` or `input.labels[0]` (the same path syntax
    as the schema form: presentation/json_schema/schema_paths.py)."""

    path: str
    op: MatchOp
    value: Any = None


@dataclass(frozen=True)
class PolicyRule:
    """`tool` is a qualified tool name or an fnmatch pattern over qualified names (`jira__*`, `*__delete_*`);
    `connector_key` "" = any connector. All matchers must hold."""

    id: int
    tool: str
    effect: Policy
    connector_key: str = ""
    matchers: tuple[ArgumentMatcher, ...] = ()
    note: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class RuleDraft:
    tool: str
    effect: Policy
    connector_key: str = ""
    matchers: tuple[ArgumentMatcher, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Grant:
    """Permission given from the approval dialog. `conversation_id` is set for CONVERSATION grants; `expires_at` for
    HOUR grants; ONCE grants are recorded (so the audit can name them) but never match a later call."""

    id: int
    qualified_name: str
    connector_key: str
    scope: GrantScope
    conversation_id: str = ""
    expires_at: datetime | None = None
    matchers: tuple[ArgumentMatcher, ...] = ()
    created_at: datetime | None = None
    revoked_at: datetime | None = None

    def describe(self) -> str:
        """'grant #3 (this conversation)', for ConnectorToolAction.allowed_by and the audit log."""
        where = {
            GrantScope.ONCE: "once",
            GrantScope.CONVERSATION: "this conversation",
            GrantScope.HOUR: "for an hour",
            GrantScope.ALWAYS: "always",
        }[self.scope]
        return f"grant #{self.id} ({where})"


@dataclass(frozen=True)
class Decision:
    kind: DecisionKind
    reason: str = ""  # a short sentence: "read-only tool", "your policy for Jira", "deny rule #2"
    grant: Grant | None = None
    rule: PolicyRule | None = None
    policy: Policy | None = None  # what was in force when the user had to be asked

    @property
    def allowed(self) -> bool:
        return self.kind in (DecisionKind.AUTO, DecisionKind.GRANTED, DecisionKind.ASKED_ALLOWED)

    @property
    def allowed_by(self) -> str:
        """Who or what allowed it, as ConnectorToolAction.allowed_by records it."""
        if self.kind is DecisionKind.GRANTED and self.grant is not None:
            return self.grant.describe()
        if self.kind is DecisionKind.ASKED_ALLOWED:
            return "you, when asked" + (f" ({self.grant.describe()})" if self.grant is not None else "")
        if self.kind is DecisionKind.AUTO:
            return f"auto: {self.reason}" if self.reason else "auto"
        return ""


@dataclass(frozen=True)
class ConversationTools:
    """Which tools a conversation offers the model: all enabled ones, none, or a chosen set of qualified names."""

    mode: str = "all"  # "all" | "none" | "chosen"
    chosen: frozenset[str] = frozenset()

    def offers(self, qualified_name: str) -> bool:
        if self.mode == "none":
            return False
        return self.mode == "all" or qualified_name in self.chosen


@dataclass(frozen=True)
class ApprovalRequest:
    """What the approval dialog shows."""

    conversation_id: str
    spec: ToolSpec
    connector_name: str
    arguments: dict[str, Any]
    summary: str = ""  # what the call will do, in one sentence, when the schema says
    reason: str = ""  # why the user is asked ("destructive tool", "your policy for Jira")


@dataclass(frozen=True)
class ApprovalAnswer:
    allowed: bool
    scope: GrantScope = GrantScope.ONCE
    arguments: dict[str, Any] | None = None  # the arguments as the user edited them (None: unchanged)


class Approver(Protocol):
    """Asks the user (the dialog in the app; the command line answers from --yes). Runs on the chat's loop."""

    async def ask(self, request: ApprovalRequest) -> ApprovalAnswer: ...


@dataclass(frozen=True)
class AuditRecord:
    """One line of the JSON Lines audit log, written from the same facts as the ConnectorToolAction row."""

    time: datetime
    origin: str  # a conversation id, "panel" or "cli"
    qualified_name: str
    tool_name: str
    connector_key: str
    arguments: dict[str, Any]  # scrubbed
    decision: str  # DecisionKind value
    allowed_by: str = ""
    grant_id: int | None = None
    rule_id: int | None = None
    status: str = ""  # ToolStatus value, "" when it did not run
    duration_ms: int | None = None
    action_id: int | None = None  # the ConnectorToolAction row
    error: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


class PolicyStore(Protocol):
    """Persistence of policies, rules, grants, conversation tool choices and connector trust
    (vector_desktop.store.tool_policy_repository implements it). Short blocking calls: keep them off the GUI thread."""

    def tool_policies(self) -> dict[tuple[str, str], Policy]:
        """(connector_key, tool_name) → policy; tool_name "" is the connector-wide policy."""
        ...

    def set_tool_policy(self, connector_key: str, tool_name: str, policy: Policy | None) -> None:
        """None removes the user's choice (back to the default)."""
        ...

    def untrusted_connectors(self) -> frozenset[str]: ...

    def set_connector_trusted(self, connector_key: str, trusted: bool) -> None: ...

    def rules(self) -> list[PolicyRule]: ...

    def add_rule(self, draft: RuleDraft) -> PolicyRule: ...

    def delete_rule(self, rule_id: int) -> None: ...

    def grants(self, *, include_inactive: bool = False, now: datetime | None = None) -> list[Grant]:
        """Live grants (not revoked, not expired, not ONCE) unless include_inactive."""
        ...

    def add_grant(
        self,
        *,
        qualified_name: str,
        connector_key: str,
        scope: GrantScope,
        conversation_id: str = "",
        expires_at: datetime | None = None,
        matchers: Sequence[ArgumentMatcher] = (),
    ) -> Grant: ...

    def revoke_grant(self, grant_id: int) -> None: ...

    def revoke_all_grants(self) -> int: ...

    def conversation_tools(self, conversation_id: str) -> ConversationTools: ...

    def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None: ...
