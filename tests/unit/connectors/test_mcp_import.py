"""Claude Desktop / Cursor `mcpServers` JSON read into server drafts: both kinds, secret-looking values marked for
the keychain, and a sentence for each way the text can be wrong."""

from __future__ import annotations

import json

import pytest

from vector_desktop.domain.connectors import ConnectorValidationError, McpServerDraft, McpTransport, NamedValue
from vector_desktop.services.connectors.mcp_import import parse_mcp_servers, validate_draft
from vector_desktop.services.connectors.mcp_secrets import looks_secret

CLAUDE_DESKTOP = {
    "mcpServers": {
        "github": {
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-github"],
            "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_abcdefghijklmnop1234", "GITHUB_HOST": "github.com"},
        },
        "files": {"command": "uvx", "args": ["mcp-server-files", 8080], "cwd": "/srv/files", "disabled": True},
        "linear": {"url": "https://mcp.linear.app/mcp", "headers": {"Authorization": "Bearer lin_api_123456789"}},
        "remote": {"type": "streamable-http", "url": "https://tools.example.com/mcp", "headers": {"X-Team": "ops"}},
        "legacy": {"type": "sse", "url": "http://127.0.0.1:9000/sse"},
    }
}


def test_a_claude_desktop_document_becomes_drafts() -> None:
    drafts = parse_mcp_servers(json.dumps(CLAUDE_DESKTOP))
    assert [d.name for d in drafts] == ["github", "files", "linear", "remote", "legacy"]
    github, files, linear, remote, legacy = drafts
    assert github == McpServerDraft(
        "github",
        McpTransport.STDIO,
        command="npx",
        args=("-y", "@modelcontextprotocol/server-github"),
        env=(
            NamedValue("GITHUB_PERSONAL_ACCESS_TOKEN", "ghp_abcdefghijklmnop1234", secret=True),
            NamedValue("GITHUB_HOST", "github.com", secret=False),
        ),
    )
    assert (files.args, files.cwd, files.enabled) == (("mcp-server-files", "8080"), "/srv/files", False)
    assert linear.transport is McpTransport.HTTP and linear.url == "https://mcp.linear.app/mcp"
    assert linear.headers == (NamedValue("Authorization", "Bearer lin_api_123456789", secret=True),)
    assert remote.headers == (NamedValue("X-Team", "ops", secret=False),)
    assert legacy.transport is McpTransport.HTTP and legacy.url == "http://127.0.0.1:9000/sse"


def test_vs_code_servers_key_is_read_too() -> None:
    drafts = parse_mcp_servers(
        '{"servers": {"time": {"type": "stdio", "command": "uvx", "args": ["mcp-server-time"]}}}'
    )
    assert [(d.name, d.command, d.args) for d in drafts] == [("time", "uvx", ("mcp-server-time",))]


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("API_KEY", True),
        ("OPENAI_API_KEY", True),
        ("KEY", True),
        ("GITHUB_TOKEN", True),
        ("SLACK_BOT_TOKEN", True),
        ("DB_PASSWORD", True),
        ("CLIENT_SECRET", True),
        ("Authorization", True),
        ("X-Api-Key", True),
        ("AUTH", True),
        ("GITHUB_PAT", True),
        ("GITHUB_HOST", False),
        ("LOG_LEVEL", False),
        ("X-Team", False),
        ("PATH", False),
        ("KEYBOARD_LAYOUT", False),
    ],
)
def test_which_names_look_secret(name: str, secret: bool) -> None:
    assert looks_secret(name) is secret


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{nope", "not valid JSON (line 1)"),
        ("[1, 2]", 'JSON object with an "mcpServers"'),
        ('{"other": {}}', 'no "mcpServers" entry'),
        ('{"mcpServers": []}', "map each server"),
        ('{"mcpServers": {}}', "lists no server"),
        ('{"mcpServers": {"a": "npx"}}', "settings of “a” must be a JSON object"),
        ('{"mcpServers": {"a": {}}}', "“a” has neither a command nor a url"),
        ('{"mcpServers": {"a": {"type": "http"}}}', "“a” is of type “http” but has no url"),
        ('{"mcpServers": {"a": {"command": "x", "type": "sse"}}}', "has a command but its type is “sse”"),
        ('{"mcpServers": {"a": {"command": "x", "args": "-y pkg"}}}', "args of “a” must be a list"),
        ('{"mcpServers": {"a": {"command": "x", "env": ["A=1"]}}}', "env of “a” must be a JSON object"),
        ('{"mcpServers": {"a": {"command": "x", "env": {"A": {"b": 1}}}}}', "value of A in the env of “a”"),
        ('{"mcpServers": {"a": {"url": "ftp://x"}}}', "a: Enter the server's address"),
        ('{"mcpServers": {"a": {"command": "  "}}}', "a: Enter the command"),
        ('{"mcpServers": {"A": {"command": "x"}, "a": {"command": "y"}}}', "“a” appears twice"),
        ('{"mcpServers": {"' + "n" * 101 + '": {"command": "x"}}}', "name is too long"),
    ],
)
def test_bad_documents_say_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(ConnectorValidationError) as raised:
        parse_mcp_servers(text)
    assert raised.value.field == "json"
    assert words in str(raised.value)
    assert str(raised.value).endswith(".")


def test_drafts_are_checked_field_by_field() -> None:
    ok = validate_draft(McpServerDraft("  Files ", McpTransport.STDIO, command=" files-server "))
    assert (ok.name, ok.command) == ("Files", "files-server")
    cases = [
        (McpServerDraft(" ", McpTransport.STDIO, command="x"), "name"),
        (McpServerDraft("a\tb", McpTransport.STDIO, command="x"), "name"),
        (McpServerDraft("a", McpTransport.HTTP, url="localhost:8000/mcp"), "url"),
        (McpServerDraft("a", McpTransport.STDIO), "command"),
        (
            McpServerDraft("a", McpTransport.HTTP, url="http://h/mcp", headers=(NamedValue("Bad: name", "v"),)),
            "headers",
        ),
        (McpServerDraft("a", McpTransport.STDIO, command="x", env=(NamedValue("A=B", "v"),)), "env"),
    ]
    for draft, field in cases:
        with pytest.raises(ConnectorValidationError) as raised:
            validate_draft(draft)
        assert raised.value.field == field
