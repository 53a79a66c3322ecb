"""The tool-policy tables: what is written is read back, times come back aware and in UTC, grant and rule ids are
never reused, and a store made by the previous version gains the tables on upgrade."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import inspect

from vector_desktop.domain.tool_policy import (
    ArgumentMatcher,
    ConversationTools,
    GrantScope,
    MatchOp,
    Policy,
    RuleDraft,
)
from vector_desktop.store import schema
from vector_desktop.store.engine import open_store, read_revision
from vector_desktop.store.tool_policy_repository import ToolPolicyRepository

TABLES = {"tool_policies", "tool_policy_trust", "tool_rules", "tool_grants", "conversation_tools"}
MATCHERS = (
    ArgumentMatcher("input.project", MatchOp.ONE_OF, ["X", "Y"]),
    ArgumentMatcher('input["due date"]', MatchOp.EXISTS),
    ArgumentMatcher("input.meta", MatchOp.EQUALS, {"a": [1, 2.5, None, True], "b": "ünï"}),
)


@pytest.fixture
def repository(store) -> ToolPolicyRepository:  # type: ignore[no-untyped-def]
    return ToolPolicyRepository(store.sessions)


def test_policies_are_set_replaced_and_removed(repository: ToolPolicyRepository) -> None:
    assert repository.tool_policies() == {}
    repository.set_tool_policy("merge:jira", "", Policy.ASK)
    repository.set_tool_policy("merge:jira", "search", Policy.AUTO)
    repository.set_tool_policy("merge:jira", "search", Policy.DENY)
    assert repository.tool_policies() == {("merge:jira", ""): Policy.ASK, ("merge:jira", "search"): Policy.DENY}
    repository.set_tool_policy("merge:jira", "search", None)
    repository.set_tool_policy("merge:jira", "never-set", None)
    assert repository.tool_policies() == {("merge:jira", ""): Policy.ASK}


def test_connectors_are_trusted_until_the_user_says_otherwise(repository: ToolPolicyRepository) -> None:
    assert repository.untrusted_connectors() == frozenset()
    repository.set_connector_trusted("mcp:1", False)
    repository.set_connector_trusted("mcp:2", False)
    repository.set_connector_trusted("mcp:2", True)
    assert repository.untrusted_connectors() == frozenset({"mcp:1"})


def test_rules_keep_their_matchers_and_ids_are_never_reused(repository: ToolPolicyRepository) -> None:
    before = datetime.now(UTC)
    first = repository.add_rule(RuleDraft("jira__*", Policy.DENY, "merge:jira", MATCHERS, note="not in X or Y"))
    assert (first.tool, first.effect, first.connector_key, first.matchers, first.note) == (
        "jira__*",
        Policy.DENY,
        "merge:jira",
        MATCHERS,
        "not in X or Y",
    )
    assert first.created_at is not None and first.created_at.tzinfo is not None and first.created_at >= before
    second = repository.add_rule(RuleDraft("*__search", Policy.AUTO))
    assert repository.rules() == [first, second]
    repository.delete_rule(second.id)
    third = repository.add_rule(RuleDraft("*__search", Policy.ASK))
    assert third.id > second.id
    assert repository.rules() == [first, third]


def test_grants_live_revoked_expired_and_once(repository: ToolPolicyRepository) -> None:
    now = datetime.now(UTC)
    always = repository.add_grant(qualified_name="a__x", connector_key="mcp:1", scope=GrantScope.ALWAYS)
    once = repository.add_grant(
        qualified_name="a__x", connector_key="mcp:1", scope=GrantScope.ONCE, conversation_id="c1"
    )
    hour = repository.add_grant(
        qualified_name="a__y",
        connector_key="mcp:1",
        scope=GrantScope.HOUR,
        expires_at=now + timedelta(hours=1),
        matchers=MATCHERS,
    )
    conversation = repository.add_grant(
        qualified_name="a__z", connector_key="mcp:1", scope=GrantScope.CONVERSATION, conversation_id="c1"
    )
    assert [g.id for g in repository.grants()] == [always.id, hour.id, conversation.id]
    assert repository.grants(include_inactive=True) == [always, once, hour, conversation]
    (stored_hour,) = [g for g in repository.grants() if g.id == hour.id]
    assert stored_hour.matchers == MATCHERS and stored_hour.expires_at == hour.expires_at
    assert [g.id for g in repository.grants(now=now + timedelta(hours=1))] == [always.id, conversation.id]
    repository.revoke_grant(always.id)
    repository.revoke_grant(always.id)  # twice: keeps the first time
    (revoked,) = [g for g in repository.grants(include_inactive=True) if g.id == always.id]
    assert revoked.revoked_at is not None and revoked.revoked_at.tzinfo is not None
    assert [g.id for g in repository.grants()] == [hour.id, conversation.id]
    assert repository.revoke_all_grants() == 2
    assert repository.grants() == []
    assert repository.revoke_all_grants() == 0
    assert len(repository.grants(include_inactive=True)) == 4  # kept: the audit log names them
    later = repository.add_grant(qualified_name="a__x", connector_key="mcp:1", scope=GrantScope.ALWAYS)
    assert later.id > conversation.id


def test_an_expiry_given_in_another_time_zone_is_kept_as_the_same_moment(repository: ToolPolicyRepository) -> None:
    paris = timezone(timedelta(hours=2))
    moment = datetime.now(paris) + timedelta(minutes=30)
    grant = repository.add_grant(qualified_name="a__x", connector_key="mcp:1", scope=GrantScope.HOUR, expires_at=moment)
    (stored,) = repository.grants()
    assert stored.id == grant.id and stored.expires_at == moment and stored.expires_at.tzinfo is UTC
    assert repository.grants(now=moment - timedelta(seconds=1)) != []
    assert repository.grants(now=moment.astimezone(UTC)) == []


def test_conversation_tool_choices(repository: ToolPolicyRepository) -> None:
    assert repository.conversation_tools("c1") == ConversationTools()
    chosen = ConversationTools("chosen", frozenset({"a__x", "b__y"}))
    repository.set_conversation_tools("c1", chosen)
    repository.set_conversation_tools("c2", ConversationTools("none"))
    assert repository.conversation_tools("c1") == chosen
    assert repository.conversation_tools("c2") == ConversationTools("none")
    repository.set_conversation_tools("c1", ConversationTools())
    assert repository.conversation_tools("c1") == ConversationTools()


def test_a_store_of_the_previous_version_gains_the_tables_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    schema.upgrade(path, "0005")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO connector_prefs (connector_key, tool_name, enabled, updated_at) "
            "VALUES ('mcp:1', 'x', 0, '2026-01-01')"
        )
    opened = open_store(path, tmp_path / "backups")
    try:
        assert read_revision(path) == schema.HEAD
        assert opened.backup is not None
        assert set(inspect(opened.engine).get_table_names()) >= TABLES
        repository = ToolPolicyRepository(opened.sessions)
        repository.set_tool_policy("mcp:1", "x", Policy.AUTO)
        assert repository.tool_policies() == {("mcp:1", "x"): Policy.AUTO}
        with opened.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT enabled FROM connector_prefs").scalar() == 0
    finally:
        opened.dispose()


def test_downgrade_to_the_previous_version_drops_only_these_tables(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "s.sqlite3"
    schema.upgrade(path)
    command.downgrade(schema.alembic_config(path), "0005")
    with sqlite3.connect(path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not (TABLES & names) and "connector_tool_actions" in names
