"""`vector-desktop connectors ...` as a child process: servers added by URL and by command, tools listed, a tool
run (elicitation answered with --yes or declined without a terminal), errors as one line, Merge connectors."""

from __future__ import annotations

import base64
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support.fixtures_mcp import MCP_STDIO_CWD
from tests.support.fixtures_mcp import mcp_http_server as _mcp_http_server  # noqa: F401
from tests.support.fixtures_mcp import mcp_tool_server as _mcp_tool_server  # noqa: F401
from tests.support.fixtures_merge import merge_server as _merge_server  # noqa: F401
from tests.support.mcp_tool_server import MAGIC_LINK_URL
from tests.support.merge_server import MergeServer

REPO_ROOT = Path(__file__).resolve().parents[3]
SECRET = "sk-live-abcdefghijklmnop0123456789"
ROW = re.compile(
    r"^(?P<key>[^\t]+)\t(?P<kind>merge|mcp-http|mcp-stdio)\t(?P<name>[^\t]+)\t(?P<state>[a-z -]+)\t(?P<tools>\d+)$"
)


def run(env: dict[str, str], profile: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vector_desktop", "connectors", "--profile", str(profile), *args],
        env=env,
        cwd=REPO_ROOT,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=90,
    )


def rows(result: subprocess.CompletedProcess[str]) -> list[dict[str, str]]:
    assert result.returncode == 0, result
    found = [ROW.match(line) for line in result.stdout.splitlines()]
    assert all(found), result.stdout
    return [m.groupdict() for m in found if m]


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("vector-desktop: ") and lines[0].endswith("."), lines[0]
    return lines[0]


def keychain_text(env: dict[str, str]) -> str:
    """The values in the file keyring (keyrings.alt keeps them base64-encoded)."""
    values = []
    for path in Path(env["XDG_DATA_HOME"]).rglob("keyring_pass.cfg"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("\t") and line.strip():
                values.append(base64.b64decode(line.strip()).decode("utf-8"))
    return "\n".join(values)


def stored_text(profile: Path) -> str:
    with sqlite3.connect(profile / "data" / "vector.sqlite3") as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table'")]
        return json.dumps([list(map(str, r)) for t in tables for r in db.execute(f'select * from "{t}"')])


def children(profile: Path) -> list[Any]:
    registry = profile / "data" / "mcp-children.json"
    return json.loads(registry.read_text(encoding="utf-8"))["children"] if registry.exists() else []


def test_an_http_server_on_the_command_line(
    mcp_http_server: str, subprocess_env: dict[str, str], profile_dir: Path
) -> None:
    env = subprocess_env
    empty = run(env, profile_dir, "ls")
    assert (empty.returncode, empty.stdout, empty.stderr) == (0, "", "")
    added = run(
        env, profile_dir, "add-mcp", "Tools", "--url", mcp_http_server, "--header", f"Authorization: Bearer {SECRET}"
    )
    [row] = rows(added)
    assert (row["key"], row["kind"], row["name"], row["state"]) == ("mcp:1", "mcp-http", "Tools", "ready")
    count = int(row["tools"])
    assert count >= 9
    assert SECRET in keychain_text(env) and SECRET not in stored_text(profile_dir)
    assert rows(run(env, profile_dir, "ls")) == [{**row, "state": "stopped"}]  # from the cache: not started

    listed = run(env, profile_dir, "tools", "Tools")
    lines = [line.split("\t") for line in listed.stdout.splitlines()]
    assert len(lines) == count and all(len(parts) == 4 for parts in lines)
    by_name = {parts[0]: parts for parts in lines}
    assert by_name["Tools__linear__create_issue"][1:] == ["mcp:1", "open-world", "Create an issue in Linear."]
    assert by_name["Tools__linear__list_issues"][2] == "read-only,idempotent,open-world"
    as_json = json.loads(run(env, profile_dir, "tools", "--json").stdout)
    create = next(t for t in as_json if t["name"] == "linear__create_issue")
    assert create["connector"] == "mcp:1" and create["input_schema"]["required"] == ["input"]

    args = json.dumps({"team_id": "team-b"})
    called = run(env, profile_dir, "call", "Tools__linear__list_issues", "--args", args, "--json")
    assert called.returncode == 0, called
    answer = json.loads(called.stdout)
    assert (answer["status"], answer["tool"]) == ("succeeded", "Tools__linear__list_issues")
    assert [issue["id"] for issue in answer["result"]["results"]] == ["ISS-3"]
    plain = run(env, profile_dir, "call", "Tools__linear__list_issues", "--args", args)
    assert json.loads(plain.stdout) == answer["result"]

    accepted = json.loads(run(env, profile_dir, "call", "Tools__ask_user", "--yes", "--json").stdout)
    assert accepted["result"]["action"] == "accept" and accepted["result"]["contact"]["name"] == "Ada"
    declined = json.loads(run(env, profile_dir, "call", "Tools__ask_user", "--json").stdout)  # no terminal
    assert declined["result"] == {"action": "decline"}

    auth = run(env, profile_dir, "call", "Tools__needs_auth_tool")
    assert auth.stdout == MAGIC_LINK_URL + "\n"
    assert "must be connected first: open the link above" in one_line_error(auth)
    failing = run(env, profile_dir, "call", "Tools__failing_tool", "--args", '{"reason": "The printer is on fire."}')
    assert one_line_error(failing).endswith("Tools reported an error: The printer is on fire.")
    assert "reported an error" not in one_line_error(failing).split("Tools reported an error")[0]
    assert "No connector offers a tool named “nope”." in one_line_error(run(env, profile_dir, "call", "nope"))
    assert "--args must be a JSON object" in one_line_error(run(env, profile_dir, "call", "x", "--args", "[1]"))
    assert "There is no connector named “Other”." in one_line_error(run(env, profile_dir, "tools", "Other"))
    taken = run(env, profile_dir, "add-mcp", "tools", "--url", mcp_http_server)
    assert "already a server named" in one_line_error(taken)
    usage = run(env, profile_dir, "call", "x", "--timeout", "0")
    assert usage.returncode == 2 and "more than 0" in usage.stderr

    removed = run(env, profile_dir, "rm", "Tools")
    assert (removed.returncode, removed.stdout, removed.stderr) == (0, "", "")
    assert run(env, profile_dir, "ls").stdout == ""
    assert SECRET not in keychain_text(env)


def test_stdio_servers_added_by_command_and_imported(subprocess_env: dict[str, str], profile_dir: Path) -> None:
    env = subprocess_env
    command = [sys.executable, "-m", "tests.support.mcp_tool_server", "--stdio"]
    added = run(
        env, profile_dir, "add-mcp", "Local", "--env", f"API_KEY={SECRET}", "--cwd", MCP_STDIO_CWD, "--", *command
    )
    [row] = rows(added)
    assert (row["kind"], row["name"], row["state"]) == ("mcp-stdio", "Local", "ready")
    assert SECRET in keychain_text(env) and SECRET not in stored_text(profile_dir)
    assert children(profile_dir) == []  # the child stopped with the command

    called = run(env, profile_dir, "call", "Local__jira__search", "--args", '{"jql": "project = OPS"}')
    assert called.returncode == 0 and json.loads(called.stdout)["jql"] == "project = OPS"
    assert children(profile_dir) == []

    document = {"mcpServers": {"second": {"command": command[0], "args": command[1:], "cwd": MCP_STDIO_CWD}}}
    imported = rows(run(env, profile_dir, "import", "-", stdin=json.dumps(document)))
    assert [(r["name"], r["state"]) for r in imported] == [("second", "stopped")]
    assert "does not exist" in one_line_error(run(env, profile_dir, "import", str(profile_dir / "missing.json")))
    assert "not valid JSON" in one_line_error(run(env, profile_dir, "import", "-", stdin="{"))

    refreshed = run(env, profile_dir, "refresh")
    assert [(r["name"], r["state"]) for r in rows(refreshed)] == [("Local", "ready"), ("second", "ready")]
    assert children(profile_dir) == []

    both = run(env, profile_dir, "add-mcp", "x", "--url", "http://127.0.0.1:1/mcp", "--", "cmd")
    assert "Give either --url URL or" in one_line_error(both)
    bad_env = run(env, profile_dir, "add-mcp", "y", "--env", "NOVALUE", "--", "cmd")
    assert "is not of the form NAME=VALUE" in one_line_error(bad_env)
    missing = run(env, profile_dir, "add-mcp", "Missing", "--", "no-such-command-anywhere")
    assert [r["state"] for r in rows(missing)] == ["failed"]
    assert "was added, but" in missing.stderr


def test_merge_connectors_on_the_command_line(
    merge_server: MergeServer, subprocess_env: dict[str, str], profile_dir: Path
) -> None:
    user = merge_server.add_user(authenticated=("linear",))
    env = {**subprocess_env, **merge_server.settings(MERGE_REGISTERED_USER_ID=user)}
    listed = rows(run(env, profile_dir, "ls"))
    assert [(r["key"], r["kind"], r["name"], r["state"]) for r in listed[:2]] == [
        ("merge:linear", "merge", "Linear", "ready"),
        ("merge:jira", "merge", "Jira", "not connected"),
    ]
    assert len(listed) == 5
    tools = run(env, profile_dir, "tools", "linear").stdout.splitlines()
    assert [line.split("\t")[:2] for line in tools] == [
        ["linear__create_issue", "merge:linear"],
        ["linear__list_issues", "merge:linear"],
    ]
    created = run(
        env, profile_dir, "call", "linear__create_issue", "--args", '{"input": {"title": "CLI", "team_id": "t"}}'
    )
    assert created.returncode == 0 and json.loads(created.stdout)["issue"]["title"] == "CLI"
    assert "Linear comes from your Merge tool pack" in one_line_error(run(env, profile_dir, "rm", "linear"))
    offline = rows(run(env, profile_dir, "--offline", "ls"))
    assert [r["state"] for r in offline] == ["offline"] * 5

    wrong = {**env, "MERGE_ACCESS_KEY": "ah_live_wrong_key_000000000000"}
    failed = run(wrong, profile_dir, "ls")
    assert failed.returncode == 1 and "wrong_key" not in failed.stderr
    assert failed.stderr.startswith("vector-desktop: Merge: ")
