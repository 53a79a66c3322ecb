"""An MCP `CallToolResult` read into the domain's ToolResult: structured content first, else the text parsed as
JSON when it parses; an error result that asks the user to connect an account becomes NEEDS_AUTH with its link."""

from __future__ import annotations

import json
from typing import Any

import mcp_types as types

from vector_desktop.domain.tools import AuthRequest, ToolResult, ToolStatus

# What Merge (and servers like it) put in `error` when the user must (re)authenticate the connector.
AUTH_ERROR_CODES = frozenset(
    {"reauth_required", "auth_required", "authentication_required", "not_authenticated", "unauthenticated"}
)
_MAX_ERROR_TEXT = 300


def parse_json(text: str) -> Any:
    """The text as JSON when it is JSON, else None."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "[{":
        return None
    try:
        return json.loads(stripped)
    except ValueError:
        return None


def _auth_details(payload: Any) -> tuple[dict[str, Any], str]:
    """Where the fields of an error payload are (the payload or its `error` object) and its error code."""
    error = payload.get("error")
    if isinstance(error, dict):
        code = error.get("code") or error.get("type") or ""
        return {**payload, **error}, str(code)
    return payload, str(error or "")


def auth_request(payload: Any, default_connector: str, *, is_error: bool = True) -> AuthRequest | None:
    """The request to authenticate carried by a tool result's JSON, if it is one: an error code saying so, or
    (in an error result) a magic link / link token to connect with."""
    if not isinstance(payload, dict):
        return None
    details, code = _auth_details(payload)
    link = str(details.get("magic_link_url") or "")
    token = str(details.get("link_token") or "")
    if code.lower() not in AUTH_ERROR_CODES and not (is_error and (link or token)):
        return None
    return AuthRequest(
        connector=str(details.get("connector") or default_connector),
        message=str(details.get("message") or ""),
        magic_link_url=link,
        link_token=token,
    )


def _content_blocks(result: types.CallToolResult) -> tuple[dict[str, Any], ...]:
    return tuple(block.model_dump(by_alias=True, mode="json", exclude_none=True) for block in result.content)


def _text_of(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


def _error_sentence(server_name: str, text: str) -> str:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first_line:
        return f"{server_name} reported that the tool failed."
    if len(first_line) > _MAX_ERROR_TEXT:
        first_line = first_line[: _MAX_ERROR_TEXT - 1] + "…"
    return f"{server_name} reported an error: {first_line}"


def connector_of(tool_name: str, server_name: str) -> str:
    """The connector a Merge-style tool belongs to ("linear" for `linear__create_issue`), else the server."""
    prefix, separator, _ = tool_name.partition("__")
    return prefix if separator and prefix else server_name


def tool_result(result: types.CallToolResult, *, server_name: str, tool_name: str, duration_ms: int) -> ToolResult:
    text = _text_of(result)
    parsed = parse_json(text)
    structured = result.structured_content if result.structured_content is not None else parsed
    content = _content_blocks(result)
    connector = connector_of(tool_name, server_name)
    is_error = bool(result.is_error)
    auth = auth_request(structured, connector, is_error=is_error)
    if auth is None and structured is not parsed:
        auth = auth_request(parsed, connector, is_error=is_error)
    if auth is not None:
        message = auth.message or f"Connect {auth.connector} to use this tool."
        return ToolResult(
            status=ToolStatus.NEEDS_AUTH,
            structured=structured,
            text=text,
            is_error=is_error,
            duration_ms=duration_ms,
            error=message,
            auth=auth,
            content=content,
        )
    if is_error:
        return ToolResult(
            status=ToolStatus.FAILED,
            structured=structured,
            text=text,
            is_error=True,
            duration_ms=duration_ms,
            error=_error_sentence(server_name, text),
            content=content,
        )
    return ToolResult(
        status=ToolStatus.SUCCEEDED, structured=structured, text=text, duration_ms=duration_ms, content=content
    )


def refused_call(server_name: str, message: str, duration_ms: int) -> ToolResult:
    """A call the server answered with a JSON-RPC error (unknown tool, invalid arguments...): it ran and failed."""
    text = message.strip() or "the request was refused"
    return ToolResult(
        status=ToolStatus.FAILED,
        text=text,
        is_error=True,
        duration_ms=duration_ms,
        error=f"{server_name} refused the call: {_clip(text)}",
    )


def _clip(text: str) -> str:
    line = text.splitlines()[0] if text else text
    return line if len(line) <= _MAX_ERROR_TEXT else line[: _MAX_ERROR_TEXT - 1] + "…"
