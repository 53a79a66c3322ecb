"""MCP server drafts: checked before they are saved, and read from a Claude Desktop / Cursor / VS Code style
`mcpServers` JSON document (secret-looking header and environment values marked secret, for the keychain)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from vector_desktop.domain.connectors import ConnectorValidationError, McpServerDraft, McpTransport, NamedValue
from vector_desktop.services.connectors.mcp_secrets import looks_secret

MAX_NAME = 100
_HTTP_TYPES = {"http", "streamable-http", "streamablehttp", "streamable_http", "sse"}


def validate_draft(draft: McpServerDraft) -> McpServerDraft:
    """The draft with surrounding spaces removed, or ConnectorValidationError naming the field."""
    name = draft.name.strip()
    if not name:
        raise ConnectorValidationError("name", "Give the server a name.")
    if len(name) > MAX_NAME:
        raise ConnectorValidationError("name", f"The name is too long (at most {MAX_NAME} characters).")
    if any(ord(c) < 32 for c in name):
        raise ConnectorValidationError("name", "The name cannot contain tabs or line breaks.")
    for where, values in (("headers", draft.headers), ("env", draft.env)):
        forbidden = "\r\n\t :=" if where == "headers" else "\r\n\t ="
        for value in values:
            if not value.name or any(c in forbidden for c in value.name):
                raise ConnectorValidationError(where, f"“{value.name}” is not a valid name.")
    if draft.transport is McpTransport.HTTP:
        url = draft.url.strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConnectorValidationError("url", "Enter the server's address, starting with https:// or http://.")
        return replace(draft, name=name, url=url)
    command = draft.command.strip()
    if not command:
        raise ConnectorValidationError("command", "Enter the command that starts the server.")
    return replace(draft, name=name, command=command, cwd=draft.cwd.strip())


def parse_mcp_servers(text: str) -> list[McpServerDraft]:
    """Drafts of every server of a `{"mcpServers": {name: {...}}}` document (also `{"servers": ...}`, VS Code's
    name). Raises ConnectorValidationError("json", sentence) when the text is not such a document."""
    try:
        document = json.loads(text)
    except ValueError as error:
        line = getattr(error, "lineno", None)
        where = f" (line {line})" if line else ""
        raise ConnectorValidationError("json", f"This is not valid JSON{where}.") from None
    if not isinstance(document, dict):
        raise ConnectorValidationError("json", 'Expected a JSON object with an "mcpServers" entry.')
    servers = document.get("mcpServers", document.get("servers"))
    if servers is None:
        raise ConnectorValidationError("json", 'There is no "mcpServers" entry in this JSON.')
    if not isinstance(servers, dict):
        raise ConnectorValidationError("json", '"mcpServers" must map each server\'s name to its settings.')
    if not servers:
        raise ConnectorValidationError("json", '"mcpServers" lists no server.')
    drafts = [_draft(str(name), entry) for name, entry in servers.items()]
    seen: set[str] = set()
    for draft in drafts:
        if draft.name.casefold() in seen:
            raise ConnectorValidationError("json", f"The server name “{draft.name}” appears twice.")
        seen.add(draft.name.casefold())
    return drafts


def _draft(name: str, entry: Any) -> McpServerDraft:
    if not isinstance(entry, dict):
        raise ConnectorValidationError("json", f"The settings of “{name}” must be a JSON object.")
    kind = str(entry.get("type", entry.get("transport", ""))).strip().lower()
    enabled = not bool(entry.get("disabled", False))
    url = entry.get("url", entry.get("serverUrl"))
    command = entry.get("command")
    if url is not None and command is None:
        if not isinstance(url, str):
            raise ConnectorValidationError("json", f"The url of “{name}” must be text.")
        headers = _values(name, "headers", entry.get("headers"))
        draft = McpServerDraft(name, McpTransport.HTTP, url=url, headers=headers, enabled=enabled)
    elif command is not None:
        if kind and kind != "stdio":
            raise ConnectorValidationError("json", f"“{name}” has a command but its type is “{kind}”.")
        if not isinstance(command, str):
            raise ConnectorValidationError("json", f"The command of “{name}” must be text.")
        args = entry.get("args", [])
        if not isinstance(args, list) or not all(isinstance(a, str | int | float) for a in args):
            raise ConnectorValidationError("json", f"The args of “{name}” must be a list of text values.")
        cwd = entry.get("cwd", "")
        if not isinstance(cwd, str):
            raise ConnectorValidationError("json", f"The cwd of “{name}” must be text.")
        draft = McpServerDraft(
            name,
            McpTransport.STDIO,
            command=command,
            args=tuple(str(a) for a in args),
            env=_values(name, "env", entry.get("env")),
            cwd=cwd,
            enabled=enabled,
        )
    elif kind in _HTTP_TYPES:
        raise ConnectorValidationError("json", f"“{name}” is of type “{kind}” but has no url.")
    else:
        raise ConnectorValidationError("json", f"“{name}” has neither a command nor a url.")
    try:
        return validate_draft(draft)
    except ConnectorValidationError as error:
        raise ConnectorValidationError("json", f"{name}: {error}") from None


def _values(name: str, what: str, values: Any) -> tuple[NamedValue, ...]:
    if values is None:
        return ()
    if not isinstance(values, Mapping):
        raise ConnectorValidationError("json", f"The {what} of “{name}” must be a JSON object of names and values.")
    out = []
    for key, value in values.items():
        if not isinstance(value, str | int | float | bool):
            raise ConnectorValidationError("json", f"The value of {key} in the {what} of “{name}” must be text.")
        text = str(value).lower() if isinstance(value, bool) else str(value)
        out.append(NamedValue(str(key), text, secret=looks_secret(str(key))))
    return tuple(out)
