"""The terminal side of `connectors call`: a server's request for input (elicitation) asked field by field, and
progress of a running call on stderr."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, TextIO

from vector_desktop.domain.connectors import ElicitationAction, ElicitationRequest, ElicitationResponse
from vector_desktop.domain.connectors_api import CallProgress, ConnectorsListener

_YES = {"y", "yes", "true", "1", "on"}
_NO = {"n", "no", "false", "0", "off"}


def schema_defaults(schema: dict[str, Any]) -> dict[str, Any]:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    return {
        name: field["default"] for name, field in properties.items() if isinstance(field, dict) and "default" in field
    }


def missing_required(schema: dict[str, Any], content: dict[str, Any]) -> list[str]:
    required = schema.get("required")
    return [name for name in required if name not in content] if isinstance(required, list) else []


def parse_answer(field: dict[str, Any], text: str) -> Any:
    """The typed value of what was typed for one field; ValueError with a short reason when it does not fit."""
    kind = field.get("type", "string")
    choices = field.get("enum")
    if isinstance(choices, list) and choices and text not in [str(c) for c in choices]:
        raise ValueError("choose one of " + ", ".join(str(c) for c in choices))
    if kind == "boolean":
        if text.lower() in _YES:
            return True
        if text.lower() in _NO:
            return False
        raise ValueError("answer yes or no")
    if kind == "integer":
        try:
            value: Any = int(text)
        except ValueError:
            raise ValueError("enter a whole number") from None
    elif kind == "number":
        try:
            value = float(text)
        except ValueError:
            raise ValueError("enter a number") from None
    else:
        value = text
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = field.get("minimum"), field.get("maximum")
        if isinstance(low, int | float) and value < low:
            raise ValueError(f"enter a value of at least {low}")
        if isinstance(high, int | float) and value > high:
            raise ValueError(f"enter a value of at most {high}")
    return value


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class TerminalAsker:
    """Answers elicitation requests: with the defaults (`yes`), on the terminal, or declines (no terminal)."""

    def __init__(self, *, yes: bool, stdin: TextIO, out: TextIO) -> None:
        self._yes = yes
        self._stdin = stdin
        self._out = out

    async def ask(self, request: ElicitationRequest) -> ElicitationResponse:
        defaults = schema_defaults(request.schema)
        if self._yes:
            if missing_required(request.schema, defaults):
                return ElicitationResponse(ElicitationAction.DECLINE)
            return ElicitationResponse(ElicitationAction.ACCEPT, defaults)
        if not self._stdin.isatty():
            return ElicitationResponse(ElicitationAction.DECLINE)
        return await _in_daemon_thread(lambda: self._ask_on_terminal(request, defaults))

    def _ask_on_terminal(self, request: ElicitationRequest, defaults: dict[str, Any]) -> ElicitationResponse:
        out = self._out
        out.write(f"{request.server_name} asks: {request.message}\n")
        properties = request.schema.get("properties")
        required = request.schema.get("required") or []
        content: dict[str, Any] = {}
        for name, field in (properties if isinstance(properties, dict) else {}).items():
            field = field if isinstance(field, dict) else {}
            label = field.get("title") or name
            hint = f" ({field['description']})" if field.get("description") else ""
            choices = field.get("enum")
            if isinstance(choices, list) and choices:
                hint += " [" + "/".join(str(c) for c in choices) + "]"
            default = f" [{_shown(defaults[name])}]" if name in defaults else ""
            while True:
                out.write(f"{label}{hint}{default}: ")
                out.flush()
                line = self._stdin.readline()
                if not line:  # end of input: the user gave up
                    out.write("\n")
                    return ElicitationResponse(ElicitationAction.CANCEL)
                text = line.strip()
                if not text:
                    if name in defaults:
                        content[name] = defaults[name]
                    elif name in required:
                        out.write("  this field is required\n")
                        continue
                    break
                try:
                    content[name] = parse_answer(field, text)
                    break
                except ValueError as reason:
                    out.write(f"  {reason}\n")
        out.write("Send this answer? [Y/n] ")
        out.flush()
        answer = self._stdin.readline().strip().lower()
        if answer in ("", *_YES):
            return ElicitationResponse(ElicitationAction.ACCEPT, content)
        return ElicitationResponse(ElicitationAction.DECLINE)


async def _in_daemon_thread(work: Callable[[], ElicitationResponse]) -> ElicitationResponse:
    """Reading the terminal in a daemon thread: an interrupted command must not wait at exit for a line."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[ElicitationResponse] = loop.create_future()

    def settle(result: ElicitationResponse | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result or ElicitationResponse(ElicitationAction.CANCEL))

    def target() -> None:
        try:
            result = work()
        except BaseException as error:  # handed to the waiting coroutine
            loop.call_soon_threadsafe(settle, None, error)
            return
        loop.call_soon_threadsafe(settle, result, None)

    threading.Thread(target=target, name="elicitation-prompt", daemon=True).start()
    return await future


class TerminalProgress(ConnectorsListener):
    """'\\r  step 3 of 10  30%' on stderr while a call runs (only on a terminal)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.shown = False

    def call_progress(self, progress: CallProgress) -> None:
        fraction = progress.fraction
        percent = f"{fraction * 100:3.0f}%" if fraction is not None else f"{progress.progress:g}"
        self._stream.write(f"\r  {progress.message[:60]}  {percent}\033[K")
        self._stream.flush()
        self.shown = True

    def end(self) -> None:
        if self.shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
