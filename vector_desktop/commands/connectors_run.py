"""The work behind `vector-desktop connectors ...` (see vector_desktop.commands.connectors for the command line)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vector_desktop.domain.connectors import (
    ConnectorError,
    ConnectorInfo,
    ConnectorNotFound,
    ConnectorValidationError,
    McpServerDraft,
    McpTransport,
    NamedValue,
    mcp_server_id,
)
from vector_desktop.domain.connectors_api import ALLOWED_ON_COMMAND_LINE, ToolRun
from vector_desktop.domain.tools import ToolSpec, ToolStatus

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.services.connectors.connectors_service import ConnectorsService
    from vector_desktop.services.connectors.runtime import LoopThread

log = logging.getLogger(__name__)
CLOSE_WAIT = 15.0


class _Cli:
    def __init__(self, runtime: LoopThread, service: ConnectorsService, out: TextIO, err: TextIO) -> None:
        self.runtime = runtime
        self.service = service
        self.out = out
        self.err = err


def run(core: Core, args: argparse.Namespace) -> int:
    from vector_desktop.core import make_connectors
    from vector_desktop.core_account import load_identity

    runtime, service = make_connectors(
        core, open_browser=_show_sign_in if sys.stdin.isatty() else None, identity=load_identity(core)
    )
    runtime.start()
    try:
        runtime.run(service.open())
        return _ACTIONS[args.connectors_action](_Cli(runtime, service, sys.stdout, sys.stderr), args)
    finally:
        try:
            runtime.run(service.close(), timeout=CLOSE_WAIT)
        except Exception:
            log.warning("the connectors did not close cleanly", exc_info=True)
        runtime.stop()


def _show_sign_in(url: str) -> None:
    """An MCP server needs the user to sign in: the page in the browser, and its address for a browser elsewhere."""
    import webbrowser

    sys.stderr.write(f"Sign in to continue: {url}\n")
    webbrowser.open(url)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _row(info: ConnectorInfo) -> str:
    return f"{info.key}\t{info.kind.value}\t{_clean(info.name)}\t{info.state.value}\t{info.tool_count}"


def _ls(cli: _Cli, _args: argparse.Namespace) -> int:
    cli.runtime.run(cli.service.start())
    for info in cli.service.connectors():
        cli.out.write(_row(info) + "\n")
    if cli.service.merge_configured() and cli.service.merge_error and not cli.service.offline:
        raise ConnectorError(f"Merge: {cli.service.merge_error}")
    return 0


def resolve_connector(service: ConnectorsService, text: str) -> ConnectorInfo:
    """A connector by key, MCP server name, or Merge slug / name (case-insensitive)."""
    infos = service.connectors()
    for info in infos:
        if info.key == text:
            return info
    wanted = text.casefold()
    named = [i for i in infos if i.name.casefold() == wanted or i.key.casefold() == f"merge:{wanted}"]
    if len(named) == 1:
        return named[0]
    if named:
        keys = ", ".join(i.key for i in named)
        raise ConnectorValidationError("connector", f"Several connectors are named “{text}”; use a key ({keys}).")
    raise ConnectorNotFound(f"There is no connector named “{text}”.")


def _tools(cli: _Cli, args: argparse.Namespace) -> int:
    key = resolve_connector(cli.service, args.connector).key if args.connector else None
    specs = cli.runtime.run(cli.service.ensure_tools(key))
    infos = {info.key: info for info in cli.service.connectors()}
    if key is not None and not specs and infos[key].error:
        raise ConnectorError(f"{infos[key].name}: {infos[key].error}")
    if args.json:
        cli.out.write(json.dumps([_spec_json(spec) for spec in specs], indent=2, ensure_ascii=False) + "\n")
    else:
        for spec in specs:
            badges = ([] if spec.enabled else ["disabled"]) + spec.annotations.badges()
            description = _clean(spec.description or spec.display_title)
            cli.out.write(f"{spec.qualified_name}\t{spec.connector_key}\t{','.join(badges) or '-'}\t{description}\n")
    if key is None:
        for info in infos.values():
            if info.error and info.enabled:
                cli.err.write(f"vector-desktop: {info.name}: {_clean(info.error)}\n")
    return 0


def _spec_json(spec: ToolSpec) -> dict[str, Any]:
    notes = spec.annotations
    return {
        "qualified_name": spec.qualified_name,
        "name": spec.name,
        "connector": spec.connector_key,
        "title": spec.display_title,
        "description": spec.description,
        "enabled": spec.enabled,
        "annotations": {
            "read_only": notes.read_only,
            "destructive": notes.destructive,
            "idempotent": notes.idempotent,
            "open_world": notes.open_world,
        },
        "input_schema": spec.input_schema,
        "token_cost": spec.token_cost,
    }


def _call(cli: _Cli, args: argparse.Namespace) -> int:
    from vector_desktop.commands.connectors_terminal import TerminalAsker, TerminalProgress

    try:
        arguments = json.loads(args.args)
    except ValueError:
        arguments = None
    if not isinstance(arguments, dict):
        raise ConnectorValidationError("args", """--args must be a JSON object, like '{"title": "Hello"}'.""")
    asker = TerminalAsker(yes=args.yes, stdin=sys.stdin, out=cli.err)
    progress = TerminalProgress(cli.err)
    if cli.err.isatty():
        cli.service.add_listener(progress)
    try:
        done: ToolRun = cli.runtime.run(
            cli.service.call_tool(
                args.tool,
                arguments,
                origin="cli",
                allowed_by=ALLOWED_ON_COMMAND_LINE,
                timeout=args.timeout,
                elicitation=asker,
            )
        )
    finally:
        cli.service.remove_listener(progress)
        progress.end()
    result = done.result
    if args.json:
        auth = result.auth
        cli.out.write(
            json.dumps(
                {
                    "action_id": done.action.id,
                    "tool": done.action.qualified_name,
                    "status": result.status.value,
                    "duration_ms": done.action.duration_ms,
                    "result": result.value,
                    "is_error": result.is_error,
                    "error": result.error,
                    "auth": None if auth is None else {"message": auth.message, "link": auth.magic_link_url},
                },
                indent=2,
                ensure_ascii=False,
                default=str,
            )
            + "\n"
        )
    if result.status is ToolStatus.NEEDS_AUTH:
        link = result.auth.magic_link_url if result.auth is not None else ""
        name = done.action.connector_name
        if link:
            if not args.json:
                cli.out.write(link + "\n")
            raise ConnectorError(f"{name} must be connected first: open the link above, then run the command again.")
        raise ConnectorError(f"{name} must be connected first: connect it in the Connectors panel.")
    if result.status is not ToolStatus.SUCCEEDED:
        if result.error:  # already a sentence naming the server
            raise ConnectorError(_clean(result.error))
        reason = _clean(result.text) or "no reason given"
        raise ConnectorError(f"{done.action.tool_name} reported an error: {reason}")
    if not args.json:
        value = result.value
        text = value if isinstance(value, str) else json.dumps(value, indent=2, ensure_ascii=False, default=str)
        cli.out.write(text + ("" if text.endswith("\n") else "\n"))
    return 0


def _pair(text: str, separator: str, what: str) -> NamedValue:
    from vector_desktop.services.connectors.mcp_secrets import looks_secret

    name, found, value = text.partition(separator)
    if not found or not name.strip():
        example = "'Name: value'" if separator == ":" else "NAME=VALUE"
        raise ConnectorValidationError(what, f"“{text}” is not of the form {example}.")
    name = name.strip()
    return NamedValue(name, value.strip() if separator == ":" else value, secret=looks_secret(name))


def _add_mcp(cli: _Cli, args: argparse.Namespace) -> int:
    if bool(args.url) == bool(args.command):
        raise ConnectorValidationError("url", "Give either --url URL or, after --, the command that starts the server.")
    if args.url:
        if args.env or args.cwd:
            raise ConnectorValidationError("env", "--env and --cwd are for servers started by a command.")
        headers = tuple(_pair(h, ":", "headers") for h in args.header)
        draft = McpServerDraft(args.name, McpTransport.HTTP, url=args.url, headers=headers, use_oauth=args.oauth)
    else:
        if args.header or args.oauth:
            raise ConnectorValidationError("headers", "--header and --oauth are for servers reached by --url.")
        env = tuple(_pair(e, "=", "env") for e in args.env)
        cwd = str(Path(args.cwd).expanduser().resolve()) if args.cwd else ""
        draft = McpServerDraft(
            args.name, McpTransport.STDIO, command=args.command[0], args=tuple(args.command[1:]), env=env, cwd=cwd
        )
    config = cli.runtime.run(cli.service.add_mcp_server(draft))
    problem = ""
    try:
        cli.runtime.run(cli.service.refresh(config.key))
    except ConnectorError as error:
        problem = str(error)
    info = next(i for i in cli.service.connectors() if i.key == config.key)
    cli.out.write(_row(info) + "\n")
    if problem:
        cli.err.write(f"vector-desktop: {config.name} was added, but: {_clean(problem)}\n")
    return 0


def _rm(cli: _Cli, args: argparse.Namespace) -> int:
    info = resolve_connector(cli.service, args.name)
    if mcp_server_id(info.key) is None:
        raise ConnectorValidationError(
            "name", f"{info.name} comes from your Merge tool pack; remove it from the pack in Merge's dashboard."
        )
    cli.runtime.run(cli.service.remove(info.key))
    return 0


def _import(cli: _Cli, args: argparse.Namespace) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.file).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConnectorValidationError("json", f"{path} does not exist.") from None
        except (OSError, UnicodeDecodeError) as error:
            raise ConnectorValidationError("json", f"{path} cannot be read ({type(error).__name__}).") from None
    configs = cli.runtime.run(cli.service.import_mcp_servers(text))
    keys = {config.key for config in configs}
    for info in cli.service.connectors():
        if info.key in keys:
            cli.out.write(_row(info) + "\n")
    return 0


def _refresh(cli: _Cli, args: argparse.Namespace) -> int:
    key = resolve_connector(cli.service, args.connector).key if args.connector else None
    cli.runtime.run(cli.service.refresh(key))
    failed = 0
    for info in cli.service.connectors():
        cli.out.write(_row(info) + "\n")
    for info in cli.service.connectors():
        if info.error and info.enabled and (key is None or info.key == key):
            cli.err.write(f"vector-desktop: {info.name}: {_clean(info.error)}\n")
            failed += 1
    if key is None and cli.service.merge_configured() and cli.service.merge_error and not failed:
        cli.err.write(f"vector-desktop: Merge: {_clean(cli.service.merge_error)}\n")
        failed += 1
    return 1 if failed else 0


_ACTIONS: dict[str, Callable[[_Cli, argparse.Namespace], int]] = {
    "ls": _ls,
    "tools": _tools,
    "call": _call,
    "add-mcp": _add_mcp,
    "rm": _rm,
    "import": _import,
    "refresh": _refresh,
}
