"""The databases' tools in the chat, against the machine's PostgreSQL: a connection exposed to the AI offers
list_tables / describe_table / run_query (read-only, enforced by the server) and, when writable, run_write (which the
policy engine asks for). Through the same registry, toolbox, policy engine and audit log as the connectors' tools;
the model is the scripted OpenAI-compatible SSE server."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from tests.integration.chat_tools.toolrig import ScriptedApprover
from tests.support.connectors import ConnectorsRig
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.fixtures_databases import DbTarget
from tests.support.sse_server import DONE, ScriptedLLMServer, chunk, sse, stream_of, text_stream, usage_chunk
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.core import TOOL_AUDIT_FILE, make_chat_toolbox, make_databases
from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.domain.connectors import ActionFilter, ConnectorKind
from vector_desktop.domain.databases import ConnectionDraft, DatabaseKind, TlsMode
from vector_desktop.domain.tool_policy import ApprovalAnswer
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.services.chat_tools.combined import CombinedTools
from vector_desktop.services.databases.databases_service import DatabasesService
from vector_desktop.services.databases.db_tools import DatabaseTools
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.tool_action_repository import ToolActionRepository

SONNET = "anthropic/claude-sonnet-4.5"


@dataclass
class DbChat:
    rig: ConnectorsRig
    databases: DatabasesService
    tools: DatabaseTools
    approver: ScriptedApprover
    chat: ChatService
    repo: ChatRepository
    target: DbTarget

    def name(self, tool: str) -> str:
        return next(s.qualified_name for s in self.tools.tools() if s.name == tool)

    def audit(self) -> list[dict[str, Any]]:
        path = self.rig.core.paths.data_dir / TOOL_AUDIT_FILE
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def draft(target: DbTarget, *, writable: bool = False, name: str = "Shop DB") -> ConnectionDraft:
    return ConnectionDraft(
        name=name,
        kind=DatabaseKind.POSTGRESQL,
        host=target.host,
        port=target.port,
        database=target.database,
        user=target.user,
        tls_mode=TlsMode.DISABLE,
        read_only=not writable,
        expose_to_ai=True,
        password=target.password,
    )


@pytest.fixture
def shop(pg_target: DbTarget) -> Iterator[DbTarget]:
    pg_target.run(
        "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, price numeric(10,2))",
        f'ALTER TABLE items OWNER TO "{pg_target.user}"',
        "INSERT INTO items (name, price) SELECT 'item ' || n, n * 1.25 FROM generate_series(1, 300) n",
    )
    yield pg_target


@pytest_asyncio.fixture
async def db_chat(open_connectors: Any, shop: DbTarget, sse_server: ScriptedLLMServer) -> AsyncIterator[DbChat]:
    rig = open_connectors()
    databases = make_databases(rig.core)
    await databases.open()
    tools = DatabaseTools(databases, ToolActionRepository(rig.core.store.sessions))
    approver = ScriptedApprover()
    toolbox = make_chat_toolbox(rig.core, rig.runtime, CombinedTools(rig.service, tools), approver)
    client = LLMClient([ProviderConfig.openrouter("sk-or-v1-db-tools-test", sse_server.base_url)], max_retries=0)
    repo = ChatRepository(rig.core.store.sessions)
    chat = ChatService(repo, client, default_model=SONNET, tools=toolbox)
    try:
        yield DbChat(rig, databases, tools, approver, chat, repo, shop)
    finally:
        await client.aclose()
        await databases.close()


def asks_for(call_id: str, name: str, arguments: dict[str, Any]) -> Any:
    return stream_of(
        sse(chunk("", role="assistant")),
        sse(
            chunk(
                tool_calls=[
                    {
                        "index": 0,
                        "id": call_id,
                        "type": "function",
                        "function": {"name": name, "arguments": json.dumps(arguments)},
                    }
                ]
            )
        ),
        sse(chunk(finish_reason="tool_calls")),
        sse(usage_chunk(20, 5)),
        DONE,
    )


async def sent_tool_result(db: DbChat, sse_server: ScriptedLLMServer, name: str, arguments: dict[str, Any]) -> str:
    """One chat round where the model calls `name`: what the model was sent back as the tool's result."""
    sse_server.add(asks_for("call_1", name, arguments), text_stream(["Done."]))
    conversation = await db.chat.create_conversation()
    answer = await db.chat.send(conversation.id, "Look in the shop database")
    assert answer.content == "Done."
    message = sse_server.chat_requests()[-1].json["messages"][-1]
    assert message["role"] == "tool"
    return str(message["content"])


@pytest.mark.asyncio
async def test_an_exposed_connection_offers_its_tools_without_any_secret(db_chat: DbChat) -> None:
    assert db_chat.tools.tools() == []  # nothing exposed yet
    config = await db_chat.databases.add(draft(db_chat.target))
    [info] = db_chat.tools.connectors()
    assert (info.key, info.kind, info.name, info.needs_network) == (
        config.key,
        ConnectorKind.DATABASE,
        "Shop DB",
        False,
    )
    names = [s.qualified_name for s in db_chat.tools.tools()]
    assert names == ["db_shop_db__list_tables", "db_shop_db__describe_table", "db_shop_db__run_query"]
    assert all(s.annotations.read_only for s in db_chat.tools.tools())
    offered = json.dumps([s.__dict__ for s in db_chat.tools.tools()], default=str)
    assert db_chat.target.password not in offered and "postgresql://" not in offered
    # Writable: a fourth tool that writes, declared destructive (the policy engine asks for it).
    await db_chat.databases.update(config.id, draft(db_chat.target, writable=True))
    write = db_chat.tools.tools()[-1]
    assert write.name == "run_write" and write.annotations.destructive


@pytest.mark.asyncio
async def test_the_model_lists_describes_and_queries_and_each_run_is_recorded(
    db_chat: DbChat, sse_server: ScriptedLLMServer
) -> None:
    await db_chat.databases.add(draft(db_chat.target))
    listed = json.loads(await sent_tool_result(db_chat, sse_server, db_chat.name("list_tables"), {}))
    assert {"schema": "public", "name": "items", "kind": "table"}.items() <= listed["tables"][0].items()
    described = json.loads(
        await sent_tool_result(db_chat, sse_server, db_chat.name("describe_table"), {"table": "items"})
    )
    assert [(c["name"], c["type"]) for c in described["columns"]] == [
        ("id", "integer"),
        ("name", "text"),
        ("price", "numeric(10,2)"),
    ]
    assert described["primary_key"] == ["id"]
    sql = {"sql": "SELECT id, name, price FROM items WHERE id <= %s ORDER BY id", "params": [2]}
    queried = json.loads(await sent_tool_result(db_chat, sse_server, db_chat.name("run_query"), sql))
    assert queried == {"columns": ["id", "name", "price"], "rows": [[1, "item 1", "1.25"], [2, "item 2", "2.50"]],
                       "row_count": 2}  # fmt: skip
    # The policy let them run (read-only tools are auto); the audit log and the ConnectorToolAction rows agree.
    actions = list(reversed(db_chat.rig.run(db_chat.tools.history(ActionFilter()))))
    assert [(a.tool_name, a.status) for a in actions] == [
        ("list_tables", ToolStatus.SUCCEEDED),
        ("describe_table", ToolStatus.SUCCEEDED),
        ("run_query", ToolStatus.SUCCEEDED),
    ]
    assert [(line["tool_name"], line["decision"], line["action_id"]) for line in db_chat.audit()] == [
        (a.tool_name, "auto", a.id) for a in actions
    ]
    assert actions[2].arguments == sql and actions[2].summary == "2 rows"
    history = await db_chat.databases.history(db_chat.databases.connections()[0].id)
    assert history[0].sql == sql["sql"] and history[0].origin != "editor"


@pytest.mark.asyncio
async def test_a_big_result_is_cut_and_the_model_is_told(db_chat: DbChat, sse_server: ScriptedLLMServer) -> None:
    await db_chat.databases.add(draft(db_chat.target))
    text = await sent_tool_result(db_chat, sse_server, db_chat.name("run_query"), {"sql": "SELECT * FROM items"})
    value = json.loads(text)
    assert value["row_count"] == 200 and len(value["rows"]) == 200
    assert value["note"].startswith("The result was cut to 200 rows")


@pytest.mark.asyncio
async def test_an_insert_through_run_query_fails_at_the_server_and_nothing_is_written(
    db_chat: DbChat, sse_server: ScriptedLLMServer
) -> None:
    await db_chat.databases.add(draft(db_chat.target, writable=True))  # even on a writable connection
    sql = {"sql": "INSERT INTO items (name) VALUES (%s)", "params": ["sneaky"]}
    text = await sent_tool_result(db_chat, sse_server, db_chat.name("run_query"), sql)
    assert text.startswith(f"The tool {db_chat.name('run_query')} failed:") and "read-only" in text
    assert db_chat.target.rows("SELECT count(*) FROM items WHERE name = 'sneaky'") == [(0,)]
    [row] = [m for m in db_chat.repo.messages_page(db_chat.repo.list_conversations()[0].id) if m.role is Role.TOOL]
    assert row.status is MessageStatus.FAILED


@pytest.mark.asyncio
async def test_a_write_asks_first_a_denial_never_reaches_the_server_and_an_allowed_one_commits(
    db_chat: DbChat, sse_server: ScriptedLLMServer
) -> None:
    await db_chat.databases.add(draft(db_chat.target, writable=True))
    name = db_chat.name("run_write")
    sql = {"sql": "INSERT INTO items (name) VALUES (%s)", "params": ["Robert'); DROP TABLE items;--"]}
    db_chat.approver.will(ApprovalAnswer(False))
    await sent_tool_result(db_chat, sse_server, name, sql)
    assert [r.spec.qualified_name for r in db_chat.approver.requests] == [name]
    assert db_chat.target.rows("SELECT count(*) FROM items") == [(300,)]
    db_chat.approver.will(ApprovalAnswer(True))
    text = await sent_tool_result(db_chat, sse_server, name, sql)
    assert json.loads(text) == {"status": "INSERT 0 1", "rows_affected": 1}
    # The parameter stayed data: the row holds the text, the table is still there.
    assert db_chat.target.rows("SELECT count(*) FROM items WHERE name LIKE 'Robert%'") == [(1,)]
    assert [line["decision"] for line in db_chat.audit()] == ["asked and denied", "asked and allowed"]


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vector_desktop", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )


def test_on_the_command_line_a_connection_added_with_ai_is_queried_by_ask_tools(
    subprocess_env: dict[str, str], sse_server: ScriptedLLMServer, shop: DbTarget, profile_dir: Path
) -> None:
    env = {**subprocess_env, "OPENROUTER_API_KEY": "sk-or-v1-db-cli", "OPENROUTER_BASE_URL": sse_server.base_url}
    profile = ("--profile", str(profile_dir))
    added = run_cli(env, "db", *profile, "add", "shop", shop.url(), "--ai")
    assert added.returncode == 0, added.stderr
    sql = json.dumps({"sql": "SELECT name FROM items WHERE id = %s", "params": [7]})
    sse_server.add(asks_for("call_1", "db_shop__run_query", json.loads(sql)), text_stream(["It is item 7."]))
    asked = run_cli(env, "ask", *profile, "--tools", "What is item 7?")
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout == "It is item 7.\n"
    assert "db_shop__run_query: succeeded in " in asked.stderr  # auto: a read-only tool, nothing asked
    first, second = (r.json for r in sse_server.chat_requests()[-2:])
    assert "db_shop__run_query" in [t["function"]["name"] for t in first["tools"]]
    assert json.loads(second["messages"][-1]["content"]) == {"columns": ["name"], "rows": [["item 7"]], "row_count": 1}
    assert shop.password not in json.dumps(first)

    off = run_cli(env, "db", *profile, "ai", "shop", "off")
    assert (off.returncode, off.stdout.split("\t")[1:]) == (0, ["shop", "not offered to the AI\n"])
    sse_server.add(text_stream(["No tools."]))
    assert run_cli(env, "ask", *profile, "--tools", "Hello").returncode == 0
    assert "tools" not in sse_server.chat_requests()[-1].json
