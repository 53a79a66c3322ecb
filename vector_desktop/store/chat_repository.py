"""Conversations, messages, drafts, outbox, full-text search and the model cache in the local store.

Every method is one short transaction, safe to run on a worker thread. Message pages are read newest first through
the (conversation_id, seq) index, so opening a long conversation costs one page, not the whole history.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, column, delete, func, literal_column, select, table, text, update
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.chat import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    CachedModel,
    ChatError,
    Conversation,
    ConversationTotals,
    Draft,
    Message,
    MessageStatus,
    Role,
    SearchHit,
    ToolCallRecord,
)
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_chat import FTS_TABLE, ConversationRow, DraftRow, MessageRow, ModelCacheRow
from vector_desktop.store.timestamps import aware

INTERRUPTED_BY_EXIT = "The answer was cut off because the app stopped while it was arriving."
_FTS = table(FTS_TABLE, column("rowid"), column("rank"))
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONVERSATION_FIELDS = {"title", "pinned", "system_prompt", "model", "fallback_models", "temperature", "json_mode"}
_MESSAGE_FIELDS = {
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
}


def _conversation(row: ConversationRow) -> Conversation:
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


def _message(row: MessageRow) -> Message:
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
    )


def _conversation_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - _CONVERSATION_FIELDS
    if unknown:
        raise TypeError(f"unknown conversation fields: {sorted(unknown)}")
    columns = dict(values)
    if "fallback_models" in columns:
        columns["fallback_models_json"] = json.dumps(list(columns.pop("fallback_models") or ()))
    return columns


def _message_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - _MESSAGE_FIELDS
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


def fts_match_expression(query: str) -> str | None:
    """Turn what the user typed into a safe FTS5 MATCH expression, or None when nothing is searchable.

    Every word (or "quoted phrase") becomes a quoted FTS5 string, so operators and punctuation in the input are
    plain text; the terms are ANDed and the last word also matches as a prefix (search as you type).
    """
    query = _CONTROL.sub(" ", query)  # a NUL would end the expression early inside SQLite
    terms: list[str] = []
    last_is_word = False
    for phrase, word in _PHRASE_OR_WORD.findall(query):
        piece = phrase if phrase else word
        if not any(ch.isalnum() for ch in piece):
            continue  # the tokenizer would drop it; an empty phrase is a syntax error
        terms.append('"' + piece.replace('"', '""') + '"')
        last_is_word = not phrase
    if not terms:
        return None
    if last_is_word and not query.endswith((" ", "\t")):
        terms[-1] += "*"
    return " ".join(terms)


class ChatRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -------------------------------------------------------------------------------------------- conversations

    def create_conversation(self, **values: Any) -> Conversation:
        columns = _conversation_columns(values)
        now = utcnow()
        row = ConversationRow(id=uuid.uuid4().hex, created_at=now, updated_at=now, **columns)
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            return _conversation(row)

    def get_conversation(self, conversation_id: str) -> Conversation | None:
        with self._sessions() as session:
            row = session.get(ConversationRow, conversation_id)
            return _conversation(row) if row is not None else None

    def require_conversation(self, conversation_id: str) -> Conversation:
        conversation = self.get_conversation(conversation_id)
        if conversation is None:
            raise ChatError(f"There is no conversation with the id {conversation_id}.")
        return conversation

    def list_conversations(
        self, query: str = "", *, limit: int = 500, offset: int = 0, deleted: bool = False
    ) -> list[Conversation]:
        """Pinned first, then most recently active. `query` filters titles; `deleted` lists the bin instead."""
        stmt = select(ConversationRow)
        stmt = stmt.where(ConversationRow.deleted_at.is_not(None) if deleted else ConversationRow.deleted_at.is_(None))
        if query.strip():
            pattern = "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(ConversationRow.title.ilike(pattern, escape="\\"))
        stmt = stmt.order_by(ConversationRow.pinned.desc(), ConversationRow.updated_at.desc()).limit(limit)
        with self._sessions() as session:
            return [_conversation(row) for row in session.scalars(stmt.offset(offset))]

    def update_conversation(self, conversation_id: str, **values: Any) -> Conversation:
        columns = _conversation_columns(values)
        with self._sessions.begin() as session:
            row = session.get(ConversationRow, conversation_id)
            if row is None:
                raise ChatError(f"There is no conversation with the id {conversation_id}.")
            for key, value in columns.items():
                setattr(row, key, value)
            # updated_at tracks activity (new messages), so renaming or pinning does not reorder the list.
            session.flush()
            return _conversation(row)

    def delete_conversation(self, conversation_id: str) -> Conversation:
        """Move to the bin (undo with restore_conversation); purge_deleted removes it for good."""
        return self._set_deleted(conversation_id, utcnow())

    def restore_conversation(self, conversation_id: str) -> Conversation:
        return self._set_deleted(conversation_id, None)

    def _set_deleted(self, conversation_id: str, when: datetime | None) -> Conversation:
        with self._sessions.begin() as session:
            row = session.get(ConversationRow, conversation_id)
            if row is None:
                raise ChatError(f"There is no conversation with the id {conversation_id}.")
            row.deleted_at = when
            session.flush()
            return _conversation(row)

    def purge_deleted(self, older_than: datetime | None = None) -> int:
        """Remove binned conversations (deleted before `older_than`, or all) with their messages and drafts."""
        conditions: list[ColumnElement[bool]] = [ConversationRow.deleted_at.is_not(None)]
        if older_than is not None:
            conditions.append(ConversationRow.deleted_at < older_than)
        with self._sessions.begin() as session:
            ids = list(session.scalars(select(ConversationRow.id).where(*conditions)))
            if not ids:
                return 0
            session.execute(delete(DraftRow).where(DraftRow.conversation_id.in_(ids)))
            session.execute(delete(MessageRow).where(MessageRow.conversation_id.in_(ids)))
            session.execute(delete(ConversationRow).where(ConversationRow.id.in_(ids)))
            return len(ids)

    # -------------------------------------------------------------------------------------------- messages

    def add_message(
        self,
        conversation_id: str,
        role: Role,
        content: str,
        *,
        after_seq: int | None = None,
        status: MessageStatus = MessageStatus.COMPLETE,
        **values: Any,
    ) -> Message:
        """Append a message (or insert it right after `after_seq`, moving later messages down by one)."""
        columns = _message_columns(values)
        now = utcnow()
        with self._sessions.begin() as session:
            if session.get(ConversationRow, conversation_id) is None:
                raise ChatError(f"There is no conversation with the id {conversation_id}.")
            last = session.scalar(select(func.max(MessageRow.seq)).where(MessageRow.conversation_id == conversation_id))
            last = last or 0
            if after_seq is None or after_seq >= last:
                seq = last + 1
            else:
                seq = after_seq + 1
                # Two steps through negative numbers so the unique (conversation_id, seq) index never clashes.
                in_conversation = MessageRow.conversation_id == conversation_id
                session.execute(
                    update(MessageRow).where(in_conversation, MessageRow.seq >= seq).values(seq=-(MessageRow.seq + 1))
                )
                session.execute(
                    update(MessageRow).where(in_conversation, MessageRow.seq < 0).values(seq=-MessageRow.seq)
                )
            row = MessageRow(
                conversation_id=conversation_id,
                seq=seq,
                role=Role(role).value,
                content=content,
                status=MessageStatus(status).value,
                created_at=now,
                updated_at=now,
                **columns,
            )
            session.add(row)
            session.execute(update(ConversationRow).where(ConversationRow.id == conversation_id).values(updated_at=now))
            session.flush()
            return _message(row)

    def get_message(self, message_id: int) -> Message | None:
        with self._sessions() as session:
            row = session.get(MessageRow, message_id)
            return _message(row) if row is not None else None

    def require_message(self, message_id: int) -> Message:
        message = self.get_message(message_id)
        if message is None:
            raise ChatError(f"There is no message with the id {message_id}.")
        return message

    def update_message(self, message_id: int, **values: Any) -> Message:
        columns = _message_columns(values)
        with self._sessions.begin() as session:
            row = session.get(MessageRow, message_id)
            if row is None:
                raise ChatError(f"There is no message with the id {message_id}.")
            for key, value in columns.items():
                setattr(row, key, value)
            row.updated_at = utcnow()
            session.flush()
            return _message(row)

    def journal_partial(self, message_id: int, text: str) -> None:
        """Save the text received so far for a streaming message (one small UPDATE)."""
        with self._sessions.begin() as session:
            session.execute(
                update(MessageRow).where(MessageRow.id == message_id).values(content=text, updated_at=utcnow())
            )

    def mark_interrupted_streams(self) -> int:
        """At start: answers left 'streaming' by a crash or kill become 'interrupted' (text kept). Returns how many."""
        with self._sessions.begin() as session:
            result = session.execute(
                update(MessageRow)
                .where(MessageRow.status == MessageStatus.STREAMING.value)
                .values(status=MessageStatus.INTERRUPTED.value, error=INTERRUPTED_BY_EXIT, updated_at=utcnow())
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def messages_page(self, conversation_id: str, before_seq: int | None = None, limit: int = 50) -> list[Message]:
        """The `limit` newest messages with seq < before_seq (all when None), oldest first."""
        stmt = select(MessageRow).where(MessageRow.conversation_id == conversation_id)
        if before_seq is not None:
            stmt = stmt.where(MessageRow.seq < before_seq)
        stmt = stmt.order_by(MessageRow.seq.desc()).limit(limit)
        with self._sessions() as session:
            rows = list(session.scalars(stmt))
        return [_message(row) for row in reversed(rows)]

    def messages_after(self, conversation_id: str, seq: int) -> list[Message]:
        stmt = (
            select(MessageRow)
            .where(MessageRow.conversation_id == conversation_id, MessageRow.seq > seq)
            .order_by(MessageRow.seq)
        )
        with self._sessions() as session:
            return [_message(row) for row in session.scalars(stmt)]

    def iter_messages(self, conversation_id: str, batch: int = 500) -> Iterator[Message]:
        """Every message in order, read in batches (export of very long conversations)."""
        after = None
        while True:
            stmt = select(MessageRow).where(MessageRow.conversation_id == conversation_id)
            if after is not None:
                stmt = stmt.where(MessageRow.seq > after)
            with self._sessions() as session:
                rows = [_message(row) for row in session.scalars(stmt.order_by(MessageRow.seq).limit(batch))]
            yield from rows
            if len(rows) < batch:
                return
            after = rows[-1].seq

    def message_count(self, conversation_id: str) -> int:
        with self._sessions() as session:
            count = session.scalar(
                select(func.count()).select_from(MessageRow).where(MessageRow.conversation_id == conversation_id)
            )
            return int(count or 0)

    def delete_messages(self, message_ids: Sequence[int]) -> None:
        if not message_ids:
            return
        with self._sessions.begin() as session:
            session.execute(delete(MessageRow).where(MessageRow.id.in_(list(message_ids))))

    def conversation_totals(self, conversation_id: str) -> ConversationTotals:
        stmt = select(
            func.count(),
            func.coalesce(func.sum(MessageRow.prompt_tokens), 0),
            func.coalesce(func.sum(MessageRow.completion_tokens), 0),
            func.sum(MessageRow.cost),
        ).where(MessageRow.conversation_id == conversation_id)
        unreported_answer = (
            (MessageRow.role == Role.ASSISTANT.value)
            & (MessageRow.prompt_tokens == 0)
            & (MessageRow.completion_tokens == 0)
            & (MessageRow.status != MessageStatus.STREAMING.value)
            & (MessageRow.content != "")
        )
        answered = select(MessageRow.parent_id).where(
            MessageRow.conversation_id == conversation_id, unreported_answer, MessageRow.parent_id.is_not(None)
        )
        unreported = select(func.count(), func.coalesce(func.sum(func.length(MessageRow.content)), 0)).where(
            MessageRow.conversation_id == conversation_id,
            unreported_answer | ((MessageRow.role == Role.USER.value) & MessageRow.id.in_(answered)),
        )
        with self._sessions() as session:
            count, prompt, completion, cost = session.execute(stmt).one()
            unreported_count, unreported_chars = session.execute(unreported).one()
        return ConversationTotals(
            int(count), int(prompt), int(completion), cost, int(unreported_chars), int(unreported_count)
        )

    # -------------------------------------------------------------------------------------------- outbox

    def queued_messages(self, conversation_id: str | None = None) -> list[Message]:
        """The outbox in the order messages were written (conversations in the bin are skipped)."""
        stmt = (
            select(MessageRow)
            .join(ConversationRow, ConversationRow.id == MessageRow.conversation_id)
            .where(MessageRow.status == MessageStatus.QUEUED.value, ConversationRow.deleted_at.is_(None))
        )
        if conversation_id is not None:
            stmt = stmt.where(MessageRow.conversation_id == conversation_id)
        stmt = stmt.order_by(MessageRow.queued_at, MessageRow.id)
        with self._sessions() as session:
            return [_message(row) for row in session.scalars(stmt)]

    # -------------------------------------------------------------------------------------------- drafts

    def save_draft(self, conversation_id: str, text: str) -> None:
        """Keep the composer's text; an empty text removes the draft."""
        with self._sessions.begin() as session:
            if not text:
                session.execute(delete(DraftRow).where(DraftRow.conversation_id == conversation_id))
            else:
                session.merge(DraftRow(conversation_id=conversation_id, text=text, updated_at=utcnow()))

    def get_draft(self, conversation_id: str) -> Draft | None:
        with self._sessions() as session:
            row = session.get(DraftRow, conversation_id)
            return Draft(row.conversation_id, row.text, aware(row.updated_at)) if row is not None else None

    # -------------------------------------------------------------------------------------------- search

    def search(
        self, query: str, *, limit: int = 50, conversation_id: str | None = None, order: str = "recent"
    ) -> list[SearchHit]:
        """Full-text search over user and assistant messages with highlighted snippets.

        `order="recent"` (newest first) lets FTS5 stop after `limit` matches, so it stays fast for words found in
        most messages; `order="relevance"` (bm25) has to score every match first.
        """
        expression = fts_match_expression(query)
        if expression is None:
            return []
        snippet = func.snippet(literal_column(FTS_TABLE), 0, HIGHLIGHT_START, HIGHLIGHT_END, "…", 16)
        stmt = (
            select(
                MessageRow.conversation_id,
                ConversationRow.title,
                MessageRow.id,
                MessageRow.role,
                snippet,
                MessageRow.created_at,
            )
            .select_from(_FTS)
            .join(MessageRow, MessageRow.id == _FTS.c.rowid)
            .join(ConversationRow, ConversationRow.id == MessageRow.conversation_id)
            .where(text(f"{FTS_TABLE} MATCH :expression").bindparams(expression=expression))
            .where(ConversationRow.deleted_at.is_(None))
        )
        if conversation_id is not None:
            stmt = stmt.where(MessageRow.conversation_id == conversation_id)
        stmt = stmt.order_by(_FTS.c.rank if order == "relevance" else _FTS.c.rowid.desc()).limit(limit)
        with self._sessions() as session:
            rows = session.execute(stmt).all()
        return [
            SearchHit(cid, title, mid, Role(role), snip or "", aware(created))
            for cid, title, mid, role, snip, created in rows
        ]

    # -------------------------------------------------------------------------------------------- model cache

    def replace_models(self, provider: str, models: Sequence[CachedModel]) -> None:
        """Store the model list just fetched from `provider` (replaces the previous one, keeps its order)."""
        now = utcnow()
        with self._sessions.begin() as session:
            session.execute(delete(ModelCacheRow).where(ModelCacheRow.provider == provider))
            seen: set[str] = set()
            for position, model in enumerate(models):
                if model.model_id in seen:
                    continue
                seen.add(model.model_id)
                session.add(
                    ModelCacheRow(
                        provider=provider,
                        model_id=model.model_id,
                        name=model.name,
                        data_json=json.dumps(model.data),
                        position=position,
                        fetched_at=now,
                    )
                )

    def cached_models(self, provider: str | None = None) -> list[CachedModel]:
        stmt = select(ModelCacheRow)
        if provider is not None:
            stmt = stmt.where(ModelCacheRow.provider == provider)
        stmt = stmt.order_by(ModelCacheRow.provider, ModelCacheRow.position)
        with self._sessions() as session:
            return [
                CachedModel(row.provider, row.model_id, row.name, json.loads(row.data_json), aware(row.fetched_at))
                for row in session.scalars(stmt)
            ]

    def models_fetched_at(self, provider: str) -> datetime | None:
        with self._sessions() as session:
            value = session.scalar(select(func.max(ModelCacheRow.fetched_at)).where(ModelCacheRow.provider == provider))
            return aware(value)
