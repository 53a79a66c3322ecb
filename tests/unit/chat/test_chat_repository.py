"""ChatRepository against a real SQLite store migrated to head (FTS5 and triggers included)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vector_desktop.domain.chat import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    CachedModel,
    ChatError,
    ChatStore,
    MessageStatus,
    Role,
    ToolCallRecord,
)
from vector_desktop.store.chat_repository import INTERRUPTED_BY_EXIT, ChatRepository, fts_match_expression
from vector_desktop.store.engine import open_store


@pytest.fixture
def repo(store) -> ChatRepository:  # type: ignore[no-untyped-def]
    return ChatRepository(store.sessions)


def test_repository_fits_the_service_port(repo: ChatRepository) -> None:
    port: ChatStore = repo
    assert port is repo


def test_conversation_settings_round_trip(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(
        title="Plans",
        system_prompt="Be brief.",
        model="anthropic/claude-sonnet-4.5",
        fallback_models=("openai/gpt-5.1",),
        temperature=0.3,
        json_mode=True,
    )
    loaded = repo.get_conversation(conversation.id)
    assert loaded == conversation
    assert loaded is not None and loaded.fallback_models == ("openai/gpt-5.1",)
    assert loaded.created_at is not None and loaded.created_at.tzinfo is not None
    renamed = repo.update_conversation(conversation.id, title="Holiday plans", pinned=True, temperature=None)
    assert (renamed.title, renamed.pinned, renamed.temperature) == ("Holiday plans", True, None)
    with pytest.raises(ChatError, match="no conversation"):
        repo.update_conversation("missing", title="x")


def test_list_orders_pinned_then_recent_and_filters_titles(repo: ChatRepository) -> None:
    old = repo.create_conversation(title="Old 100% notes")
    recent = repo.create_conversation(title="Recent")
    pinned = repo.create_conversation(title="Pinned")
    repo.add_message(old.id, Role.USER, "bump old")  # activity moves it up
    repo.update_conversation(pinned.id, pinned=True)
    assert [c.id for c in repo.list_conversations()] == [pinned.id, old.id, recent.id]
    assert [c.id for c in repo.list_conversations("100%")] == [old.id]
    assert [c.id for c in repo.list_conversations("_")] == []  # LIKE wildcards are literal
    assert [c.id for c in repo.list_conversations("rec")] == [recent.id]


def test_messages_are_paged_newest_first(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    for i in range(1, 121):
        repo.add_message(conversation.id, Role.USER if i % 2 else Role.ASSISTANT, f"message {i}")
    newest = repo.messages_page(conversation.id, limit=50)
    assert [m.content for m in newest] == [f"message {i}" for i in range(71, 121)]
    older = repo.messages_page(conversation.id, before_seq=newest[0].seq, limit=50)
    assert [m.content for m in older] == [f"message {i}" for i in range(21, 71)]
    oldest = repo.messages_page(conversation.id, before_seq=older[0].seq, limit=50)
    assert [m.content for m in oldest] == [f"message {i}" for i in range(1, 21)]
    assert repo.messages_page(conversation.id, before_seq=oldest[0].seq) == []
    assert [m.seq for m in repo.iter_messages(conversation.id, batch=7)] == list(range(1, 121))
    assert repo.message_count(conversation.id) == 120


def test_insert_after_moves_later_messages_down(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    first = repo.add_message(conversation.id, Role.USER, "A", status=MessageStatus.QUEUED)
    repo.add_message(conversation.id, Role.USER, "B", status=MessageStatus.QUEUED)
    answer = repo.add_message(conversation.id, Role.ASSISTANT, "answer to A", after_seq=first.seq)
    assert answer.seq == first.seq + 1
    assert [m.content for m in repo.messages_page(conversation.id)] == ["A", "answer to A", "B"]


def test_message_fields_round_trip(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    call = ToolCallRecord("call_1", "lookup", '{"q": "x"}')
    message = repo.add_message(
        conversation.id,
        Role.ASSISTANT,
        "",
        status=MessageStatus.STREAMING,
        model="m",
        tool_calls=(call,),
    )
    updated = repo.update_message(
        message.id,
        content="done",
        status=MessageStatus.COMPLETE,
        prompt_tokens=10,
        completion_tokens=4,
        cost=0.5,
        finish_reason="tool_calls",
    )
    assert updated.tool_calls == (call,)
    assert (updated.status, updated.prompt_tokens, updated.cost) == (MessageStatus.COMPLETE, 10, 0.5)
    user = repo.add_message(conversation.id, Role.USER, "look", images=("data:image/png;base64,AAAA",))
    assert repo.require_message(user.id).images == ("data:image/png;base64,AAAA",)
    totals = repo.conversation_totals(conversation.id)
    assert (totals.messages, totals.total_tokens, totals.cost) == (2, 14, 0.5)


def test_journal_and_interrupted_marking(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    streaming = repo.add_message(conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    repo.journal_partial(streaming.id, "Half an ans")
    assert repo.mark_interrupted_streams() == 1
    message = repo.require_message(streaming.id)
    assert (message.content, message.status, message.error) == (
        "Half an ans",
        MessageStatus.INTERRUPTED,
        INTERRUPTED_BY_EXIT,
    )
    assert message.can_continue
    assert repo.mark_interrupted_streams() == 0


def test_drafts(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    assert repo.get_draft(conversation.id) is None
    repo.save_draft(conversation.id, "half-written")
    repo.save_draft(conversation.id, "half-written thought")
    draft = repo.get_draft(conversation.id)
    assert draft is not None and draft.text == "half-written thought"
    repo.save_draft("new", "for a conversation not created yet")
    assert repo.get_draft("new") is not None
    repo.save_draft(conversation.id, "")
    assert repo.get_draft(conversation.id) is None


def test_drafts_survive_reopening_the_store(app_paths) -> None:  # type: ignore[no-untyped-def]
    first = open_store(app_paths.store_file, app_paths.backup_dir)
    conversation = ChatRepository(first.sessions).create_conversation()
    ChatRepository(first.sessions).save_draft(conversation.id, "keep me")
    first.dispose()
    second = open_store(app_paths.store_file, app_paths.backup_dir)
    try:
        draft = ChatRepository(second.sessions).get_draft(conversation.id)
        assert draft is not None and draft.text == "keep me"
    finally:
        second.dispose()


def test_search_highlights_matches_and_skips_tool_results(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(title="Cooking")
    repo.add_message(conversation.id, Role.USER, "How long do I boil an egg?")
    answer = repo.add_message(conversation.id, Role.ASSISTANT, "Boil the egg for seven minutes for a jammy yolk.")
    repo.add_message(conversation.id, Role.TOOL, "egg timer tool output", tool_call_id="c1")
    hits = repo.search("yolk")
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.conversation_id, hit.message_id, hit.role, hit.conversation_title) == (
        conversation.id,
        answer.id,
        Role.ASSISTANT,
        "Cooking",
    )
    assert f"{HIGHLIGHT_START}yolk{HIGHLIGHT_END}" in hit.snippet
    assert hit.marked("<b>", "</b>").endswith("jammy <b>yolk</b>.")
    assert {h.role for h in repo.search("egg")} == {Role.USER, Role.ASSISTANT}
    assert repo.search("egg seven")[0].message_id == answer.id  # every word must match
    assert [h.message_id for h in repo.search("jam")] == [answer.id]  # the last word is a prefix
    assert repo.search("jam ") == []  # ...unless the user finished it with a space
    assert repo.search('"seven minutes"')[0].message_id == answer.id
    assert repo.search('"minutes seven"') == []  # a quoted phrase keeps its order


def test_search_follows_edits_and_deletes(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    message = repo.add_message(conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    repo.journal_partial(message.id, "partial zebra")
    assert [h.message_id for h in repo.search("zebra")] == [message.id]
    repo.update_message(message.id, content="complete giraffe", status=MessageStatus.COMPLETE)
    assert repo.search("zebra") == []
    assert [h.message_id for h in repo.search("giraffe")] == [message.id]
    repo.delete_messages([message.id])
    assert repo.search("giraffe") == []


@pytest.mark.parametrize(
    "query",
    ['"', '""', "'", "*", "-", "(", ")", "NOT", "AND OR", "a:b", "col:", "^", "{x}", "NEAR(a b)", "\\", "%", "🙂"],
)
def test_search_accepts_any_text(repo: ChatRepository, query: str) -> None:
    conversation = repo.create_conversation()
    repo.add_message(conversation.id, Role.USER, "NOT and OR are words here, a:b too, NEAR(a b) as well")
    repo.search(query)  # never a syntax error


def test_search_treats_operators_as_words(repo: ChatRepository) -> None:
    conversation = repo.create_conversation()
    hit = repo.add_message(conversation.id, Role.USER, "use NOT carefully")
    repo.add_message(conversation.id, Role.USER, "use carefully")
    assert [h.message_id for h in repo.search("NOT carefully")] == [hit.id]
    assert fts_match_expression("  ") is None
    assert fts_match_expression('say "hi there" -x') == '"say" "hi there" "-x"*'


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_search_never_fails_on_random_input(repo: ChatRepository, query: str) -> None:
    repo.search(query)


def test_search_skips_deleted_conversations_and_restore_brings_them_back(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(title="Secret")
    repo.add_message(conversation.id, Role.USER, "platypus facts")
    repo.delete_conversation(conversation.id)
    assert repo.search("platypus") == []
    assert repo.list_conversations() == []
    assert [c.id for c in repo.list_conversations(deleted=True)] == [conversation.id]
    restored = repo.restore_conversation(conversation.id)
    assert restored.deleted_at is None
    assert len(repo.search("platypus")) == 1


def test_purge_removes_binned_conversations_for_good(repo: ChatRepository) -> None:
    kept = repo.create_conversation()
    binned = repo.create_conversation()
    repo.add_message(kept.id, Role.USER, "kept wombat")
    message = repo.add_message(binned.id, Role.USER, "binned wombat")
    repo.save_draft(binned.id, "draft")
    repo.delete_conversation(binned.id)
    assert repo.purge_deleted(older_than=datetime.now(UTC) - timedelta(days=1)) == 0  # too recent
    assert repo.purge_deleted() == 1
    assert repo.get_conversation(binned.id) is None
    assert repo.get_message(message.id) is None
    assert repo.get_draft(binned.id) is None
    assert [h.conversation_id for h in repo.search("wombat")] == [kept.id]


def test_outbox_order(repo: ChatRepository) -> None:
    first = repo.create_conversation()
    second = repo.create_conversation()
    base = datetime(2026, 1, 1, tzinfo=UTC)
    a = repo.add_message(first.id, Role.USER, "a", status=MessageStatus.QUEUED, queued_at=base)
    b = repo.add_message(second.id, Role.USER, "b", status=MessageStatus.QUEUED, queued_at=base + timedelta(seconds=1))
    c = repo.add_message(first.id, Role.USER, "c", status=MessageStatus.QUEUED, queued_at=base + timedelta(seconds=2))
    repo.add_message(first.id, Role.USER, "sent")
    assert [m.id for m in repo.queued_messages()] == [a.id, b.id, c.id]
    assert [m.id for m in repo.queued_messages(first.id)] == [a.id, c.id]
    repo.delete_conversation(second.id)
    assert [m.id for m in repo.queued_messages()] == [a.id, c.id]


def test_model_cache(repo: ChatRepository) -> None:
    assert repo.cached_models("OpenRouter") == []
    assert repo.models_fetched_at("OpenRouter") is None
    repo.replace_models(
        "OpenRouter",
        [
            CachedModel("OpenRouter", "b/model", "B", {"id": "b/model", "context_length": 10}),
            CachedModel("OpenRouter", "a/model", "A", {"id": "a/model"}),
            CachedModel("OpenRouter", "a/model", "A again", {}),
        ],
    )
    models = repo.cached_models("OpenRouter")
    assert [(m.model_id, m.name) for m in models] == [("b/model", "B"), ("a/model", "A")]
    assert models[0].data["context_length"] == 10
    repo.replace_models("OpenRouter", [CachedModel("OpenRouter", "c/model", "C")])
    assert [m.model_id for m in repo.cached_models()] == ["c/model"]
    assert repo.models_fetched_at("OpenRouter") is not None


def test_totals_count_the_text_of_answers_without_a_usage_report(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(model="local:smollm2-135m-instruct")
    question = repo.add_message(conversation.id, Role.USER, "a" * 40)
    repo.add_message(conversation.id, Role.ASSISTANT, "b" * 400, parent_id=question.id)  # on-device: no usage
    reported_q = repo.add_message(conversation.id, Role.USER, "c" * 30)
    repo.add_message(
        conversation.id, Role.ASSISTANT, "d" * 50, parent_id=reported_q.id, prompt_tokens=9, completion_tokens=3
    )
    repo.add_message(conversation.id, Role.ASSISTANT, "e" * 70, status=MessageStatus.STREAMING)  # still arriving
    totals = repo.conversation_totals(conversation.id)
    assert (totals.unreported_messages, totals.unreported_chars) == (2, 440)
    assert totals.total_tokens == 12
