"""The policy engine over the real store: every step of the decision order, each grant scope, revocation, and the
safety rules (destructive never auto, untrusted asks, deny is final)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import pytest

from vector_desktop.domain.connectors import ConnectorValidationError
from vector_desktop.domain.tool_policy import (
    ApprovalAnswer,
    ArgumentMatcher,
    ConversationTools,
    DecisionKind,
    GrantScope,
    MatchOp,
    Policy,
    RuleDraft,
)
from vector_desktop.domain.tools import ToolAnnotations, ToolSpec
from vector_desktop.services.tool_policy.engine import PolicyEngine
from vector_desktop.store.tool_policy_repository import ToolPolicyRepository

JIRA = "merge:jira"
READ_ONLY = ToolAnnotations(read_only=True)
DESTRUCTIVE = ToolAnnotations(destructive=True)
SEARCH = ToolSpec(JIRA, "search", "jira__search", annotations=READ_ONLY)
CREATE = ToolSpec(JIRA, "create_issue", "jira__create_issue", annotations=ToolAnnotations(read_only=False))
DELETE = ToolSpec(JIRA, "delete_issue", "jira__delete_issue", annotations=DESTRUCTIVE)
UNKNOWN = ToolSpec("mcp:7", "mystery", "files__mystery")  # the server said nothing about it
IN_X = {"input": {"project": "X", "labels": ["bug"]}}
IN_Y = {"input": {"project": "Y"}}


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime.now(UTC))  # starts with the store's own clock

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def repository(store) -> ToolPolicyRepository:  # type: ignore[no-untyped-def]
    return ToolPolicyRepository(store.sessions)


@pytest.fixture
def engine(repository: ToolPolicyRepository, clock: Clock) -> Iterator[PolicyEngine]:
    policy = PolicyEngine(repository, now=clock)
    policy.reload()
    yield policy


def kind(engine: PolicyEngine, spec: ToolSpec, arguments: dict | None = None, conversation: str = "c1") -> DecisionKind:
    return engine.decide(spec, arguments or {}, conversation_id=conversation).kind


def allow(engine: PolicyEngine, spec: ToolSpec, scope: GrantScope, conversation: str = "c1", **extra):  # type: ignore[no-untyped-def]
    return engine.answer(spec, {}, conversation_id=conversation, answer=ApprovalAnswer(True, scope), **extra)


# ------------------------------------------------------------------------------------------ step 1: offered


def test_offered_keeps_enabled_tools_of_enabled_connectors_the_conversation_chose(engine: PolicyEngine) -> None:
    off = replace(CREATE, enabled=False)
    specs = [SEARCH, off, DELETE, UNKNOWN]
    enabled = {JIRA: True, "mcp:7": False}
    everything = engine.offered(specs, connector_enabled=enabled, conversation=ConversationTools())
    assert everything == [SEARCH, DELETE]
    assert engine.offered(specs, connector_enabled=enabled, conversation=ConversationTools("none")) == []
    chosen = ConversationTools("chosen", frozenset({"jira__delete_issue", "files__mystery"}))
    assert engine.offered(specs, connector_enabled={JIRA: True, "mcp:7": True}, conversation=chosen) == [
        DELETE,
        UNKNOWN,
    ]
    assert engine.offered([UNKNOWN], connector_enabled={}, conversation=ConversationTools()) == []


def test_a_tool_turned_off_is_not_offered_when_decided(engine: PolicyEngine) -> None:
    assert kind(engine, replace(SEARCH, enabled=False)) is DecisionKind.NOT_OFFERED


# -------------------------------------------------------------------------------- step 6: the annotations


def test_defaults_come_from_the_annotations(engine: PolicyEngine) -> None:
    assert engine.decide(SEARCH, {}, conversation_id="c1").reason == "read-only tool"
    assert kind(engine, SEARCH) is DecisionKind.AUTO
    assert kind(engine, CREATE) is DecisionKind.ASK
    asked = engine.decide(DELETE, {}, conversation_id="c1")
    assert (asked.kind, asked.policy, asked.reason) == (DecisionKind.ASK, Policy.ASK, "destructive tool")
    both = replace(SEARCH, annotations=ToolAnnotations(read_only=True, destructive=True))
    assert kind(engine, both) is DecisionKind.ASK


def test_a_tool_the_server_said_nothing_about_is_asked_for(engine: PolicyEngine) -> None:
    assert kind(engine, UNKNOWN) is DecisionKind.ASK
    titled = replace(UNKNOWN, annotations=ToolAnnotations(title="Mystery", idempotent=True))
    assert kind(engine, titled) is DecisionKind.ASK


def test_an_untrusted_connector_is_asked_for_whatever_the_hints_or_policy_say(engine: PolicyEngine) -> None:
    engine.set_connector_trusted(JIRA, False)
    assert not engine.is_trusted(JIRA)
    decided = engine.decide(SEARCH, {}, conversation_id="c1")
    assert (decided.kind, decided.reason) == (DecisionKind.ASK, "untrusted connector")
    engine.set_tool_policy(JIRA, "search", Policy.AUTO)
    assert kind(engine, SEARCH) is DecisionKind.ASK
    engine.add_rule(RuleDraft("jira__search", Policy.AUTO))
    assert kind(engine, SEARCH) is DecisionKind.ASK
    allow(engine, SEARCH, GrantScope.ALWAYS)
    assert kind(engine, SEARCH) is DecisionKind.GRANTED  # the user's own grant still lets it run
    engine.set_connector_trusted(JIRA, True)
    engine.revoke_all_grants()
    assert kind(engine, SEARCH) is DecisionKind.AUTO


# ------------------------------------------------------------------------------------- step 5: user policy


def test_the_tool_policy_wins_over_the_connector_policy(engine: PolicyEngine) -> None:
    engine.set_tool_policy(JIRA, "", Policy.ASK)
    decided = engine.decide(SEARCH, {}, conversation_id="c1")
    assert (decided.kind, decided.reason) == (DecisionKind.ASK, "your policy for this connector")
    engine.set_tool_policy(JIRA, "search", Policy.AUTO)
    decided = engine.decide(SEARCH, {}, conversation_id="c1")
    assert (decided.kind, decided.reason, decided.policy) == (
        DecisionKind.AUTO,
        "your policy for this tool",
        Policy.AUTO,
    )
    assert decided.allowed_by == "auto: your policy for this tool"
    engine.set_tool_policy(JIRA, "create_issue", Policy.AUTO)
    assert kind(engine, CREATE) is DecisionKind.AUTO
    engine.set_tool_policy(JIRA, "search", None)
    engine.set_tool_policy(JIRA, "", None)
    assert engine.policy_for(JIRA, "search") is None
    assert engine.decide(SEARCH, {}, conversation_id="c1").reason == "read-only tool"


def test_a_connector_deny_policy_denies_its_tools_unless_the_tool_says_otherwise(engine: PolicyEngine) -> None:
    engine.set_tool_policy(JIRA, "", Policy.DENY)
    assert kind(engine, SEARCH) is DecisionKind.DENIED
    assert kind(engine, DELETE) is DecisionKind.DENIED
    engine.set_tool_policy(JIRA, "search", Policy.AUTO)
    assert kind(engine, SEARCH) is DecisionKind.AUTO


# ------------------------------------------------------------------------------------------- step 4: rules


def test_rules_on_arguments_allow_search_and_ask_for_create_only_in_project_x(engine: PolicyEngine) -> None:
    engine.set_tool_policy(JIRA, "", Policy.ASK)
    engine.add_rule(RuleDraft("jira__search", Policy.AUTO))
    ask_x = engine.add_rule(
        RuleDraft("jira__create_issue", Policy.ASK, matchers=(ArgumentMatcher("input.project", MatchOp.EQUALS, "X"),))
    )
    engine.add_rule(RuleDraft("jira__create_*", Policy.AUTO, connector_key=JIRA))
    assert kind(engine, SEARCH, IN_X) is DecisionKind.AUTO
    decided = engine.decide(CREATE, IN_X, conversation_id="c1")
    assert (decided.kind, decided.rule, decided.reason) == (DecisionKind.ASK, ask_x, f"rule #{ask_x.id}")
    assert kind(engine, CREATE, IN_Y) is DecisionKind.AUTO
    assert kind(engine, CREATE, {}) is DecisionKind.AUTO  # the path is missing: the ask rule does not hold


def test_a_rule_for_another_connector_does_not_apply(engine: PolicyEngine) -> None:
    engine.add_rule(RuleDraft("*", Policy.AUTO, connector_key="mcp:other"))
    assert kind(engine, CREATE) is DecisionKind.ASK
    engine.add_rule(RuleDraft("create_issue", Policy.AUTO, connector_key=JIRA))  # the real name, with a connector
    assert kind(engine, CREATE) is DecisionKind.AUTO


def test_a_rule_without_a_tool_pattern_is_refused(engine: PolicyEngine) -> None:
    with pytest.raises(ConnectorValidationError, match="Name a tool"):
        engine.add_rule(RuleDraft("  ", Policy.AUTO))
    assert engine.rules() == []


def test_delete_rule_goes_back_to_the_default(engine: PolicyEngine) -> None:
    rule = engine.add_rule(RuleDraft("jira__create_issue", Policy.AUTO))
    assert kind(engine, CREATE) is DecisionKind.AUTO
    engine.delete_rule(rule.id)
    assert kind(engine, CREATE) is DecisionKind.ASK


# -------------------------------------------------------------------------------- destructive never auto


def test_a_destructive_tool_is_never_auto_from_a_rule_or_a_policy(engine: PolicyEngine) -> None:
    engine.set_tool_policy(JIRA, "", Policy.AUTO)
    assert kind(engine, DELETE) is DecisionKind.ASK
    engine.set_tool_policy(JIRA, "delete_issue", Policy.AUTO)
    assert kind(engine, DELETE) is DecisionKind.ASK
    engine.add_rule(RuleDraft("jira__*", Policy.AUTO))
    decided = engine.decide(DELETE, {}, conversation_id="c1")
    assert (decided.kind, decided.reason, decided.allowed) == (DecisionKind.ASK, "destructive tool", False)
    assert engine.effective(DELETE) == (Policy.ASK, "destructive tool")
    allow(engine, DELETE, GrantScope.CONVERSATION)
    assert kind(engine, DELETE) is DecisionKind.GRANTED


# -------------------------------------------------------------------------------- step 2: deny is final


def test_a_deny_rule_wins_over_a_grant_and_over_the_users_answer(engine: PolicyEngine, repository) -> None:  # type: ignore[no-untyped-def]
    allow(engine, CREATE, GrantScope.ALWAYS)
    assert kind(engine, CREATE, IN_X) is DecisionKind.GRANTED
    deny = engine.add_rule(
        RuleDraft("jira__*", Policy.DENY, matchers=(ArgumentMatcher("input.project", MatchOp.EQUALS, "X"),))
    )
    decided = engine.decide(CREATE, IN_X, conversation_id="c1")
    assert (decided.kind, decided.rule, decided.reason) == (DecisionKind.DENIED, deny, f"deny rule #{deny.id}")
    assert not decided.allowed and decided.allowed_by == ""
    assert kind(engine, CREATE, IN_Y) is DecisionKind.GRANTED
    before = len(repository.grants(include_inactive=True))
    answered = engine.answer(CREATE, IN_X, conversation_id="c1", answer=ApprovalAnswer(True, GrantScope.ONCE))
    assert answered.kind is DecisionKind.DENIED
    assert len(repository.grants(include_inactive=True)) == before  # no grant for a denied call


def test_arguments_edited_in_the_dialog_are_checked_against_deny_rules(engine: PolicyEngine) -> None:
    engine.add_rule(
        RuleDraft("jira__*", Policy.DENY, matchers=(ArgumentMatcher("input.project", MatchOp.EQUALS, "X"),))
    )
    edited = ApprovalAnswer(True, GrantScope.ONCE, arguments=IN_X)
    assert engine.answer(CREATE, IN_Y, conversation_id="c1", answer=edited).kind is DecisionKind.DENIED


def test_a_deny_policy_wins_over_an_always_grant(engine: PolicyEngine) -> None:
    allow(engine, CREATE, GrantScope.ALWAYS)
    engine.set_tool_policy(JIRA, "create_issue", Policy.DENY)
    decided = engine.decide(CREATE, {}, conversation_id="c1")
    assert (decided.kind, decided.reason) == (DecisionKind.DENIED, "your policy for this tool")
    assert engine.effective(CREATE) == (Policy.DENY, "your policy for this tool")


# ------------------------------------------------------------------------------------------ step 3: grants


def test_the_users_answer_no_stores_nothing(engine: PolicyEngine, repository) -> None:  # type: ignore[no-untyped-def]
    decided = engine.answer(CREATE, {}, conversation_id="c1", answer=ApprovalAnswer(False))
    assert (decided.kind, decided.allowed, decided.policy) == (DecisionKind.ASKED_DENIED, False, Policy.ASK)
    assert repository.grants(include_inactive=True) == []


def test_a_once_grant_is_recorded_but_never_covers_a_later_call(engine: PolicyEngine) -> None:
    decided = allow(engine, CREATE, GrantScope.ONCE)
    assert decided.kind is DecisionKind.ASKED_ALLOWED and decided.allowed
    assert decided.grant is not None and decided.grant.scope is GrantScope.ONCE
    assert decided.allowed_by == f"you, when asked (grant #{decided.grant.id} (once))"
    assert [g.id for g in engine.grants()] == [decided.grant.id]
    assert engine.grants(include_inactive=False) == []
    assert kind(engine, CREATE) is DecisionKind.ASK


def test_a_conversation_grant_covers_only_its_conversation(engine: PolicyEngine) -> None:
    grant = allow(engine, CREATE, GrantScope.CONVERSATION, conversation="c1").grant
    decided = engine.decide(CREATE, IN_X, conversation_id="c1")
    assert (decided.kind, decided.grant, decided.allowed_by) == (
        DecisionKind.GRANTED,
        grant,
        f"grant #{grant.id} (this conversation)",
    )
    assert kind(engine, CREATE, conversation="c2") is DecisionKind.ASK
    assert kind(engine, SEARCH, conversation="c1") is DecisionKind.AUTO  # another tool: its own policy


def test_an_hour_grant_expires_after_3600_seconds(engine: PolicyEngine, clock: Clock) -> None:
    grant = allow(engine, DELETE, GrantScope.HOUR).grant
    assert grant.expires_at == clock.now + timedelta(seconds=3600)
    clock.now += timedelta(seconds=3599)
    assert kind(engine, DELETE, conversation="c9") is DecisionKind.GRANTED
    clock.now += timedelta(seconds=1)
    assert kind(engine, DELETE) is DecisionKind.ASK
    engine.reload()  # the store no longer lists it as live either
    assert kind(engine, DELETE) is DecisionKind.ASK
    assert engine.live_grants() == []
    assert [g.id for g in engine.grants()] == [grant.id]


def test_an_always_grant_holds_until_revoked(engine: PolicyEngine, clock: Clock) -> None:
    grant = allow(engine, DELETE, GrantScope.ALWAYS).grant
    clock.now += timedelta(days=400)
    assert kind(engine, DELETE, conversation="elsewhere") is DecisionKind.GRANTED
    engine.revoke_grant(grant.id)
    assert kind(engine, DELETE) is DecisionKind.ASK
    (revoked,) = engine.grants()
    assert revoked.revoked_at is not None


def test_revoke_all_grants_ends_every_live_grant(engine: PolicyEngine) -> None:
    allow(engine, DELETE, GrantScope.ALWAYS)
    allow(engine, CREATE, GrantScope.HOUR)
    allow(engine, UNKNOWN, GrantScope.CONVERSATION)
    allow(engine, UNKNOWN, GrantScope.ONCE)
    assert len(engine.live_grants()) == 3
    assert engine.revoke_all_grants() == 3
    assert engine.live_grants() == []
    assert [kind(engine, spec) for spec in (DELETE, CREATE, UNKNOWN)] == [DecisionKind.ASK] * 3


def test_a_grant_with_matchers_covers_only_matching_arguments(engine: PolicyEngine) -> None:
    only_x = (ArgumentMatcher("input.project", MatchOp.EQUALS, "X"),)
    engine.answer(CREATE, IN_X, conversation_id="c1", answer=ApprovalAnswer(True, GrantScope.ALWAYS), matchers=only_x)
    assert kind(engine, CREATE, IN_X) is DecisionKind.GRANTED
    assert kind(engine, CREATE, IN_Y) is DecisionKind.ASK


def test_grants_are_kept_per_tool_and_connector(engine: PolicyEngine) -> None:
    allow(engine, CREATE, GrantScope.ALWAYS)
    twin = replace(CREATE, connector_key="merge:jira-2")  # same qualified name, another connector
    assert kind(engine, twin) is DecisionKind.ASK


# ------------------------------------------------------------------------------------ persistence, effective


def test_a_second_engine_on_the_same_store_sees_everything_after_reload(
    engine: PolicyEngine, repository: ToolPolicyRepository, clock: Clock
) -> None:
    engine.set_tool_policy(JIRA, "create_issue", Policy.AUTO)
    engine.set_connector_trusted("mcp:7", False)
    allow(engine, DELETE, GrantScope.ALWAYS)
    other = PolicyEngine(repository, now=clock)  # not reloaded: its first decision reads the store
    assert kind(other, CREATE) is DecisionKind.AUTO
    assert kind(other, DELETE) is DecisionKind.GRANTED
    assert not other.is_trusted("mcp:7")


def test_effective_policy_and_why_for_the_permissions_tab(engine: PolicyEngine) -> None:
    assert engine.effective(SEARCH) == (Policy.AUTO, "read-only tool")
    assert engine.effective(UNKNOWN) == (Policy.ASK, "the server says nothing about this tool")
    assert engine.effective(CREATE) == (Policy.ASK, "the tool may change data")
    conditional = engine.add_rule(
        RuleDraft("jira__create_issue", Policy.DENY, matchers=(ArgumentMatcher("input.project", MatchOp.EXISTS),))
    )
    assert engine.effective(CREATE) == (Policy.ASK, "the tool may change data")  # depends on the arguments
    engine.delete_rule(conditional.id)
    rule = engine.add_rule(RuleDraft("jira__create_issue", Policy.AUTO))
    assert engine.effective(CREATE) == (Policy.AUTO, f"rule #{rule.id}")
    engine.set_tool_policy(JIRA, "", Policy.DENY)
    assert engine.effective(SEARCH) == (Policy.DENY, "your policy for this connector")


def test_conversation_tool_choice_is_stored_and_used_by_offered(engine: PolicyEngine) -> None:
    assert engine.conversation_tools("c1") == ConversationTools()
    choice = ConversationTools("chosen", frozenset({"jira__search"}))
    engine.set_conversation_tools("c1", choice)
    assert engine.conversation_tools("c1") == choice
    offered = engine.offered(
        [SEARCH, CREATE], connector_enabled={JIRA: True}, conversation=engine.conversation_tools("c1")
    )
    assert offered == [SEARCH]
    assert engine.conversation_tools("c2") == ConversationTools()
