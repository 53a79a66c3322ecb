"""Conversations, messages, drafts, outbox, full-text search and the model cache in the local store.

Every method is one short transaction, safe to run on a worker thread. Message pages are read newest first through
the (conversation_id, seq) index, so opening a long conversation costs one page, not the whole history. The calls a
chat round makes run prepared Core statements (store/chat_statements.py) on a plain connection; the rest use ORM
sessions.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, column, delete, func, literal_column, select, table, text, update
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
    MessageRowArgs,
    MessageStatus,
    Role,
    SearchHit,
)
from vector_desktop.store import chat_statements as sql
from vector_desktop.store.chat_statements import (
    ColumnValues,
    conversation_columns,
    conversation_of,
    message_columns,
    message_of,
)
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_chat import FTS_TABLE, ConversationRow, DraftRow, MessageRow, ModelCacheRow
from vector_desktop.store.timestamps import aware

INTERRUPTED_BY_EXIT = "The answer was cut off because the app stopped while it was arriving."
_FTS = table(FTS_TABLE, column("rowid"), column("rank"))
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


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
        self._engine = sessions.kw["bind"]

    # -------------------------------------------------------------------------------------------- conversations

    def create_conversation(self, **values: Any) -> Conversation:
        columns = conversation_columns(values)
        now = utcnow()
        row = ConversationRow(id=uuid.uuid4().hex, created_at=now, updated_at=now, **columns)
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            return conversation_of(row)

    def get_conversation(self, conversation_id: str) -> Conversation | None:
        with self._engine.connect() as connection:
            row = connection.execute(sql.GET_CONVERSATION, {"cid": conversation_id}).one_or_none()
        return conversation_of(row) if row is not None else None

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
            return [conversation_of(row) for row in session.scalars(stmt.offset(offset))]

    def update_conversation(self, conversation_id: str, **values: Any) -> Conversation:
        columns = conversation_columns(values)
        # updated_at tracks activity (new messages), so renaming or pinning does not reorder the list.
        with self._engine.begin() as connection:
            row = connection.execute(
                sql.update_conversation_statement(columns), {"cid": conversation_id, **sql.bound(columns)}
            ).one_or_none()
        if row is None:
            raise ChatError(f"There is no conversation with the id {conversation_id}.")
        return conversation_of(row)

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
            return conversation_of(row)

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

    def add_message(self, conversation_id: str, role: Role, content: str, **values: Any) -> Message:
        """Append a message (or insert it right after `after_seq`, moving later messages down by one); `status`
        defaults to complete, the other keywords are its columns.

        In the same transaction, `title` (when given) becomes the conversation's title and `draft` (when given)
        its composer draft ("" removes it): sending a message is one write."""
        with self._engine.begin() as connection:
            return self._insert_message(connection, conversation_id, role, content, **values)

    def add_message_and_next(
        self, first: MessageRowArgs, then: Callable[[Message], MessageRowArgs]
    ) -> tuple[Message, Message]:
        """Two `add_message`s in one transaction: `first`, and the row `then(first's message)` describes."""
        with self._engine.begin() as connection:
            message = self._insert(connection, first)
            return message, self._insert(connection, then(message))

    def update_message_and_add(
        self, message_id: int, values: dict[str, Any], row: MessageRowArgs
    ) -> tuple[Message, Message]:
        """`update_message` and an `add_message` (the row that follows it) in one transaction."""
        columns = message_columns(values)
        with self._engine.begin() as connection:
            updated = message_of(self._update_message(connection, message_id, columns))
            return updated, self._insert(connection, row)

    def _insert(self, connection: Connection, row: MessageRowArgs) -> Message:
        args, kwargs = row
        return self._insert_message(connection, *args, **kwargs)

    @staticmethod
    def _insert_message(
        connection: Connection,
        conversation_id: str,
        role: Role,
        content: str,
        *,
        after_seq: int | None = None,
        status: MessageStatus = MessageStatus.COMPLETE,
        title: str | None = None,
        draft: str | None = None,
        **values: Any,
    ) -> Message:
        columns = message_columns(values)
        now = utcnow()
        found = connection.execute(sql.NEXT_SEQ, {"cid": conversation_id}).one_or_none()
        if found is None:
            raise ChatError(f"There is no conversation with the id {conversation_id}.")
        last = found[1] or 0
        if after_seq is None or after_seq >= last:
            seq = last + 1
        else:
            seq = after_seq + 1
            connection.execute(sql.SHIFT_OUT, {"cid": conversation_id, "from_seq": seq})
            connection.execute(sql.SHIFT_BACK, {"cid": conversation_id})
        row = {
            **sql.MESSAGE_DEFAULTS,
            **columns,
            "conversation_id": conversation_id,
            "seq": seq,
            "role": Role(role).value,
            "content": content,
            "status": MessageStatus(status).value,
            "created_at": now,
            "updated_at": now,
        }
        key = connection.execute(sql.INSERT_MESSAGE, row).inserted_primary_key
        assert key is not None
        row["id"] = key[0]
        if title is None:
            connection.execute(sql.TOUCH_CONVERSATION, {"cid": conversation_id, "now": now})
        else:
            touched = {"title": title, "updated_at": now}
            connection.execute(
                sql.update_conversation_statement(touched), {"cid": conversation_id, **sql.bound(touched)}
            )
        if draft is not None:
            connection.execute(sql.draft_statement(draft), sql.draft_parameters(conversation_id, draft, now))
        return message_of(ColumnValues(row))

    def get_message(self, message_id: int) -> Message | None:
        with self._engine.connect() as connection:
            row = connection.execute(sql.GET_MESSAGE, {"mid": message_id}).one_or_none()
        return message_of(row) if row is not None else None

    def require_message(self, message_id: int) -> Message:
        message = self.get_message(message_id)
        if message is None:
            raise ChatError(f"There is no message with the id {message_id}.")
        return message

    def update_message(self, message_id: int, **values: Any) -> Message:
        columns = message_columns(values)
        with self._engine.begin() as connection:
            row = self._update_message(connection, message_id, columns)
        return message_of(row)

    @staticmethod
    def _update_message(connection: Connection, message_id: int, columns: dict[str, Any]) -> Any:
        statement = sql.update_message_statement(columns)
        parameters = {"mid": message_id, **sql.bound(columns), "v_updated_at": utcnow()}
        row = connection.execute(statement, parameters).one_or_none()
        if row is None:
            raise ChatError(f"There is no message with the id {message_id}.")
        return row

    def journal_partial(self, message_id: int, text: str) -> None:
        """Save the text received so far for a streaming message (one small UPDATE)."""
        with self._engine.begin() as connection:
            connection.execute(sql.JOURNAL, {"mid": message_id, "text": text, "now": utcnow()})

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
        with self._engine.connect() as connection:
            if before_seq is None:
                rows = connection.execute(sql.PAGE, {"cid": conversation_id, "limit": limit}).all()
            else:
                parameters = {"cid": conversation_id, "before": before_seq, "limit": limit}
                rows = connection.execute(sql.PAGE_BEFORE, parameters).all()
        return [message_of(row) for row in reversed(rows)]

    def messages_after(self, conversation_id: str, seq: int) -> list[Message]:
        with self._engine.connect() as connection:
            rows = connection.execute(sql.AFTER, {"cid": conversation_id, "seq": seq}).all()
        return [message_of(row) for row in rows]

    def iter_messages(self, conversation_id: str, batch: int = 500) -> Iterator[Message]:
        """Every message in order, read in batches (export of very long conversations)."""
        after = None
        while True:
            stmt = select(MessageRow).where(MessageRow.conversation_id == conversation_id)
            if after is not None:
                stmt = stmt.where(MessageRow.seq > after)
            with self._sessions() as session:
                rows = [message_of(row) for row in session.scalars(stmt.order_by(MessageRow.seq).limit(batch))]
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
        with self._engine.connect() as connection:
            count, prompt, completion, cost = connection.execute(sql.TOTALS, {"cid": conversation_id}).one()
            unreported_count, unreported_chars = connection.execute(sql.UNREPORTED, {"cid": conversation_id}).one()
        return ConversationTotals(
            int(count), int(prompt), int(completion), cost, int(unreported_chars), int(unreported_count)
        )

    # -------------------------------------------------------------------------------------------- outbox

    def queued_messages(self, conversation_id: str | None = None) -> list[Message]:
        """The outbox in the order messages were written (conversations in the bin are skipped)."""
        with self._engine.connect() as connection:
            if conversation_id is None:
                rows = connection.execute(sql.QUEUED).all()
            else:
                rows = connection.execute(sql.QUEUED_IN, {"cid": conversation_id}).all()
        return [message_of(row) for row in rows]

    # -------------------------------------------------------------------------------------------- drafts

    def save_draft(self, conversation_id: str, text: str) -> None:
        """Keep the composer's text; an empty text removes the draft."""
        with self._engine.begin() as connection:
            connection.execute(sql.draft_statement(text), sql.draft_parameters(conversation_id, text, utcnow()))

    def get_draft(self, conversation_id: str) -> Draft | None:
        with self._engine.connect() as connection:
            row = connection.execute(sql.GET_DRAFT, {"cid": conversation_id}).one_or_none()
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
