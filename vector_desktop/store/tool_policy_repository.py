"""Tool policies, connector trust, rules, grants and conversation tool choices in the local store
(implements domain.tool_policy.PolicyStore).

Every method opens its own short session and commits before returning. Revoked and expired grants stay in the
table (the audit log names them); only `grants(include_inactive=True)` returns them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.tool_policy import (
    ArgumentMatcher,
    ConversationTools,
    Grant,
    GrantScope,
    MatchOp,
    Policy,
    PolicyRule,
    RuleDraft,
)
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_tool_policy import (
    ConversationToolsRow,
    ToolGrantRow,
    ToolPolicyRow,
    ToolPolicyTrustRow,
    ToolRuleRow,
)
from vector_desktop.store.timestamps import aware


def _matchers_json(matchers: Iterable[ArgumentMatcher]) -> str:
    return json.dumps([{"path": m.path, "op": m.op.value, "value": m.value} for m in matchers], ensure_ascii=False)


def _matchers(text: str | None) -> tuple[ArgumentMatcher, ...]:
    items = json.loads(text or "[]")
    return tuple(ArgumentMatcher(str(item["path"]), MatchOp(item["op"]), item.get("value")) for item in items)


def _utc(value: datetime) -> datetime:
    """SQLite keeps the wall time only: write and compare every time in UTC."""
    return aware(value).astimezone(UTC)


def _rule(row: ToolRuleRow) -> PolicyRule:
    return PolicyRule(
        id=row.id,
        tool=row.tool,
        effect=Policy(row.effect),
        connector_key=row.connector_key,
        matchers=_matchers(row.matchers_json),
        note=row.note,
        created_at=aware(row.created_at),
    )


def _grant(row: ToolGrantRow) -> Grant:
    return Grant(
        id=row.id,
        qualified_name=row.qualified_name,
        connector_key=row.connector_key,
        scope=GrantScope(row.scope),
        conversation_id=row.conversation_id,
        expires_at=aware(row.expires_at),
        matchers=_matchers(row.matchers_json),
        created_at=aware(row.created_at),
        revoked_at=aware(row.revoked_at),
    )


def _unexpired(now: datetime) -> ColumnElement[bool]:
    return or_(ToolGrantRow.expires_at.is_(None), ToolGrantRow.expires_at > _utc(now))


class ToolPolicyRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- policies and trust

    def tool_policies(self) -> dict[tuple[str, str], Policy]:
        with self._sessions() as session:
            return {(r.connector_key, r.tool_name): Policy(r.policy) for r in session.scalars(select(ToolPolicyRow))}

    def set_tool_policy(self, connector_key: str, tool_name: str, policy: Policy | None) -> None:
        with self._sessions.begin() as session:
            if policy is None:
                session.execute(
                    delete(ToolPolicyRow).where(
                        ToolPolicyRow.connector_key == connector_key, ToolPolicyRow.tool_name == tool_name
                    )
                )
                return
            now = utcnow()
            statement = insert(ToolPolicyRow).values(
                connector_key=connector_key, tool_name=tool_name, policy=policy.value, updated_at=now
            )
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["connector_key", "tool_name"], set_={"policy": policy.value, "updated_at": now}
                )
            )

    def untrusted_connectors(self) -> frozenset[str]:
        with self._sessions() as session:
            query = select(ToolPolicyTrustRow.connector_key).where(ToolPolicyTrustRow.trusted.is_(False))
            return frozenset(session.scalars(query))

    def set_connector_trusted(self, connector_key: str, trusted: bool) -> None:
        now = utcnow()
        statement = insert(ToolPolicyTrustRow).values(connector_key=connector_key, trusted=trusted, updated_at=now)
        with self._sessions.begin() as session:
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["connector_key"], set_={"trusted": trusted, "updated_at": now}
                )
            )

    # -- rules

    def rules(self) -> list[PolicyRule]:
        with self._sessions() as session:
            return [_rule(row) for row in session.scalars(select(ToolRuleRow).order_by(ToolRuleRow.id))]

    def add_rule(self, draft: RuleDraft) -> PolicyRule:
        with self._sessions.begin() as session:
            row = ToolRuleRow(
                tool=draft.tool,
                connector_key=draft.connector_key,
                matchers_json=_matchers_json(draft.matchers),
                effect=draft.effect.value,
                note=draft.note,
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return _rule(row)

    def delete_rule(self, rule_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(ToolRuleRow).where(ToolRuleRow.id == rule_id))

    # -- grants

    def grants(self, *, include_inactive: bool = False, now: datetime | None = None) -> list[Grant]:
        query = select(ToolGrantRow).order_by(ToolGrantRow.id)
        if not include_inactive:
            query = query.where(
                ToolGrantRow.revoked_at.is_(None),
                ToolGrantRow.scope != GrantScope.ONCE.value,
                _unexpired(now or utcnow()),
            )
        with self._sessions() as session:
            return [_grant(row) for row in session.scalars(query)]

    def add_grant(
        self,
        *,
        qualified_name: str,
        connector_key: str,
        scope: GrantScope,
        conversation_id: str = "",
        expires_at: datetime | None = None,
        matchers: Sequence[ArgumentMatcher] = (),
    ) -> Grant:
        with self._sessions.begin() as session:
            row = ToolGrantRow(
                qualified_name=qualified_name,
                connector_key=connector_key,
                scope=scope.value,
                conversation_id=conversation_id,
                expires_at=_utc(expires_at) if expires_at is not None else None,
                matchers_json=_matchers_json(matchers),
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return _grant(row)

    def revoke_grant(self, grant_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(ToolGrantRow)
                .where(ToolGrantRow.id == grant_id, ToolGrantRow.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )

    def revoke_all_grants(self) -> int:
        """Revokes every live grant; returns how many (the number the user saw in the list)."""
        now = utcnow()
        with self._sessions.begin() as session:
            result = session.execute(
                update(ToolGrantRow)
                .where(
                    ToolGrantRow.revoked_at.is_(None),
                    ToolGrantRow.scope != GrantScope.ONCE.value,
                    _unexpired(now),
                )
                .values(revoked_at=now)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    # -- conversation tool choices

    def conversation_tools(self, conversation_id: str) -> ConversationTools:
        with self._sessions() as session:
            row = session.get(ConversationToolsRow, conversation_id)
            if row is None:
                return ConversationTools()
            return ConversationTools(row.mode, frozenset(json.loads(row.chosen_json or "[]")))

    def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None:
        now = utcnow()
        chosen = json.dumps(sorted(choice.chosen), ensure_ascii=False)
        statement = insert(ConversationToolsRow).values(
            conversation_id=conversation_id, mode=choice.mode, chosen_json=chosen, updated_at=now
        )
        with self._sessions.begin() as session:
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["conversation_id"],
                    set_={"mode": choice.mode, "chosen_json": chosen, "updated_at": now},
                )
            )
