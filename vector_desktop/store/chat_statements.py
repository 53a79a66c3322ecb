"""The chat tables as SQLAlchemy Core: statements built once, rows turned into domain objects.

The hot path of a chat round (add a message, update it, read a page, the outbox, the draft) runs these on a plain
connection: no ORM session, no identity map, no read back of what was just written. Statements whose SET clause
depends on the fields given are built once per set of fields and kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Delete, Select, Table, Update, bindparam, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from vector_desktop.domain.chat import Conversation, Message, MessageStatus, Role, ToolCallRecord
from vector_desktop.store.tables_chat import ConversationRow, DraftRow, MessageRow
from vector_desktop.store.timestamps import aware

CONVERSATIONS = cast(Table, ConversationRow.__table__)
MESSAGES = cast(Table, MessageRow.__table__)
DRAFTS = cast(Table, DraftRow.__table__)

CONVERSATION_FIELDS = frozenset(
    {"title", "pinned", "system_prompt", "model", "fallback_models", "temperature", "json_mode"}
)
MESSAGE_FIELDS = frozenset(
    {
        "content",
        "status",
        "model",
        "provider",
        "finish_reason",
        "prompt_tokens",
        "completion_tokens",
        "cost",
        "error",
        "tool_calls",
        "tool_call_id",
        "tool_name",
        "images",
        "parent_id",
        "queued_at",
        "duration_ms",
    }
)
# Every column of a new message but id, seq and the times: what add_message writes when it is not given.
MESSAGE_DEFAULTS: dict[str, Any] = {
    "content": "",
    "model": "",
    "provider": "",
    "finish_reason": None,
    "prompt_tokens": 0,
    "completion_tokens": 0,
    "cost": None,
    "error": "",
    "tool_calls_json": "",
    "tool_call_id": "",
    "tool_name": "",
    "images_json": "",
    "parent_id": None,
    "queued_at": None,
    "duration_ms": None,
}

_M = MESSAGES.c
_C = CONVERSATIONS.c

# ------------------------------------------------------------------------------------------------ rows


def conversation_of(row: Any) -> Conversation:
    """A Conversation from a conversations row (Core row or ORM object: the attribute names are the same)."""
    return Conversation(
        id=row.id,
        title=row.title,
        pinned=bool(row.pinned),
        system_prompt=row.system_prompt,
        model=row.model,
        fallback_models=tuple(json.loads(row.fallback_models_json or "[]")),
        temperature=row.temperature,
        json_mode=bool(row.json_mode),
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
        deleted_at=aware(row.deleted_at),
    )


def message_of(row: Any) -> Message:
    """A Message from a messages row (a Core row, an ORM object, or a namespace with the column names)."""
    calls = json.loads(row.tool_calls_json) if row.tool_calls_json else []
    return Message(
        id=row.id,
        conversation_id=row.conversation_id,
        seq=row.seq,
        role=Role(row.role),
        content=row.content,
        status=MessageStatus(row.status),
        model=row.model,
        provider=row.provider,
        finish_reason=row.finish_reason,
        prompt_tokens=row.prompt_tokens,
        completion_tokens=row.completion_tokens,
        cost=row.cost,
        error=row.error,
        tool_calls=tuple(ToolCallRecord(c["id"], c["name"], c["arguments"]) for c in calls),
        tool_call_id=row.tool_call_id,
        tool_name=row.tool_name,
        images=tuple(json.loads(row.images_json)) if row.images_json else (),
        parent_id=row.parent_id,
        queued_at=aware(row.queued_at),
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
        duration_ms=getattr(row, "duration_ms", None),
    )


class ColumnValues:
    """Attribute access over a dict of column values (to build a Message from what was written)."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.__dict__.update(values)


def conversation_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - CONVERSATION_FIELDS
    if unknown:
        raise TypeError(f"unknown conversation fields: {sorted(unknown)}")
    columns = dict(values)
    if "fallback_models" in columns:
        columns["fallback_models_json"] = json.dumps(list(columns.pop("fallback_models") or ()))
    return columns


def message_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - MESSAGE_FIELDS
    if unknown:
        raise TypeError(f"unknown message fields: {sorted(unknown)}")
    columns = dict(values)
    if "tool_calls" in columns:
        calls = columns.pop("tool_calls") or ()
        columns["tool_calls_json"] = (
            json.dumps([{"id": c.id, "name": c.name, "arguments": c.arguments} for c in calls]) if calls else ""
        )
    if "images" in columns:
        images = list(columns.pop("images") or ())
        columns["images_json"] = json.dumps(images) if images else ""
    if "status" in columns:
        columns["status"] = MessageStatus(columns["status"]).value
    return columns


# ------------------------------------------------------------------------------------------------ statements

GET_CONVERSATION = select(CONVERSATIONS).where(_C.id == bindparam("cid"))
# The conversation's id (no row: there is no such conversation) and its last seq, in one read.
NEXT_SEQ = select(
    _C.id, select(func.max(_M.seq)).where(_M.conversation_id == bindparam("cid")).scalar_subquery()
).where(_C.id == bindparam("cid"))
# Two steps through negative numbers so the unique (conversation_id, seq) index never clashes.
SHIFT_OUT = (
    MESSAGES.update()
    .where(_M.conversation_id == bindparam("cid"), _M.seq >= bindparam("from_seq"))
    .values(seq=-(_M.seq + 1))
)
SHIFT_BACK = MESSAGES.update().where(_M.conversation_id == bindparam("cid"), _M.seq < 0).values(seq=-_M.seq)
INSERT_MESSAGE = MESSAGES.insert()
TOUCH_CONVERSATION = CONVERSATIONS.update().where(_C.id == bindparam("cid")).values(updated_at=bindparam("now"))
GET_MESSAGE = select(MESSAGES).where(_M.id == bindparam("mid"))
JOURNAL = (
    MESSAGES.update().where(_M.id == bindparam("mid")).values(content=bindparam("text"), updated_at=bindparam("now"))
)
PAGE = select(MESSAGES).where(_M.conversation_id == bindparam("cid")).order_by(_M.seq.desc()).limit(bindparam("limit"))
PAGE_BEFORE = (
    select(MESSAGES)
    .where(_M.conversation_id == bindparam("cid"), _M.seq < bindparam("before"))
    .order_by(_M.seq.desc())
    .limit(bindparam("limit"))
)
AFTER = select(MESSAGES).where(_M.conversation_id == bindparam("cid"), _M.seq > bindparam("seq")).order_by(_M.seq)
_QUEUED = (
    select(MESSAGES)
    .join(CONVERSATIONS, _C.id == _M.conversation_id)
    .where(_M.status == MessageStatus.QUEUED.value, _C.deleted_at.is_(None))
)
QUEUED = _QUEUED.order_by(_M.queued_at, _M.id)
QUEUED_IN = _QUEUED.where(_M.conversation_id == bindparam("cid")).order_by(_M.queued_at, _M.id)
DELETE_DRAFT = DRAFTS.delete().where(DRAFTS.c.conversation_id == bindparam("cid"))
_UPSERT = sqlite_insert(DRAFTS)
UPSERT_DRAFT = _UPSERT.on_conflict_do_update(
    index_elements=[DRAFTS.c.conversation_id],
    set_={"text": _UPSERT.excluded.text, "updated_at": _UPSERT.excluded.updated_at},
)
GET_DRAFT = select(DRAFTS).where(DRAFTS.c.conversation_id == bindparam("cid"))


def _totals() -> tuple[Select[Any], Select[Any]]:
    in_conversation = _M.conversation_id == bindparam("cid")
    sums = select(
        func.count(),
        func.coalesce(func.sum(_M.prompt_tokens), 0),
        func.coalesce(func.sum(_M.completion_tokens), 0),
        func.sum(_M.cost),
    ).where(in_conversation)
    unreported_answer = (
        (_M.role == Role.ASSISTANT.value)
        & (_M.prompt_tokens == 0)
        & (_M.completion_tokens == 0)
        & (_M.status != MessageStatus.STREAMING.value)
        & (_M.content != "")
    )
    answered = select(_M.parent_id).where(in_conversation, unreported_answer, _M.parent_id.is_not(None))
    unreported = select(func.count(), func.coalesce(func.sum(func.length(_M.content)), 0)).where(
        in_conversation, unreported_answer | ((_M.role == Role.USER.value) & _M.id.in_(answered))
    )
    return sums, unreported


TOTALS, UNREPORTED = _totals()

_message_updates: dict[tuple[str, ...], Update] = {}
_conversation_updates: dict[tuple[str, ...], Update] = {}


def update_message_statement(columns: Iterable[str]) -> Update:
    """UPDATE messages SET <columns>, updated_at WHERE id = :mid RETURNING the row."""
    key = tuple(sorted(columns))
    statement = _message_updates.get(key)
    if statement is None:
        values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in (*key, "updated_at")}
        statement = MESSAGES.update().where(_M.id == bindparam("mid")).values(values).returning(*MESSAGES.c)
        _message_updates[key] = statement
    return statement


def update_conversation_statement(columns: Iterable[str]) -> Update:
    """UPDATE conversations SET <columns> WHERE id = :cid RETURNING the row (no column: only the row back)."""
    key = tuple(sorted(columns))
    statement = _conversation_updates.get(key)
    if statement is None:
        values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in key} or {"id": _C.id}
        statement = CONVERSATIONS.update().where(_C.id == bindparam("cid")).values(values).returning(*CONVERSATIONS.c)
        _conversation_updates[key] = statement
    return statement


def bound(columns: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters for the SET clause of the statements above."""
    return {f"v_{name}": value for name, value in columns.items()}


def draft_statement(text: str) -> Delete | Any:
    return DELETE_DRAFT if not text else UPSERT_DRAFT


def draft_parameters(conversation_id: str, text: str, now: datetime) -> dict[str, Any]:
    if not text:
        return {"cid": conversation_id}
    return {"conversation_id": conversation_id, "text": text, "updated_at": now}
