"""Turning OpenAI/OpenRouter-shaped stream payloads into ChatChunks, and ChatChunks into a ChatResult."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from typing import Any

from vector_desktop.ai.error_mapping import classify_error, parse_error_object
from vector_desktop.ai.errors import AIError, InvalidJSONError, StreamInterruptedError
from vector_desktop.ai.jsoncheck import parse_json_answer
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.ai.request_body import json_schema_of
from vector_desktop.ai.types import ChatChunk, ChatResult, LLMSettings, ToolCall, Usage

log = logging.getLogger(__name__)


def parse_usage(value: Any) -> Usage | None:
    if not isinstance(value, Mapping):
        return None

    def count(key: str) -> int:
        number = value.get(key)
        return int(number) if isinstance(number, int | float) and not isinstance(number, bool) else 0

    cost = value.get("cost")
    prompt, completion = count("prompt_tokens"), count("completion_tokens")
    return Usage(
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=count("total_tokens") or prompt + completion,
        cost=float(cost) if isinstance(cost, int | float) and not isinstance(cost, bool) else None,
    )


class StreamState:
    """Reads one response's payloads. Raises typed errors; after the first token every error keeps the partial text.

    `emitted` turns true once a chunk with content (text, reasoning, tool call) was produced: from then on the
    request must not be retried or sent elsewhere.
    """

    def __init__(
        self,
        provider: ProviderConfig,
        model: str,
        cost_of: Callable[[str, Usage], float | None] | None = None,
    ) -> None:
        self.provider = provider
        self.requested_model = model
        self.model = ""
        self.upstream = ""
        self.generation_id = ""
        self.text_parts: list[str] = []
        self.emitted = False
        self.finished = False  # a finish_reason arrived
        self.done = False  # [DONE] arrived
        self.malformed = 0
        self._cost_of = cost_of

    @property
    def partial_text(self) -> str:
        return "".join(self.text_parts)

    def handle_data(self, data: str, event: str = "message") -> ChatChunk | None:
        if data.strip() == "[DONE]":
            self.done = True
            return None
        try:
            payload = json.loads(data)
        except ValueError:
            # One bad line should not cost the whole answer; the docs warn about exactly this for comments.
            self.malformed += 1
            log.warning("%s sent a malformed stream line (%d bytes); skipped", self.provider.name, len(data))
            return None
        if event == "error" and isinstance(payload, Mapping) and "error" not in payload:
            payload = {"error": payload}
        if not isinstance(payload, Mapping):
            return None
        return self.handle_payload(payload)

    def handle_payload(self, payload: Mapping[str, Any]) -> ChatChunk | None:
        if isinstance(payload.get("model"), str) and payload["model"]:
            self.model = payload["model"]
        if isinstance(payload.get("provider"), str) and payload["provider"]:
            self.upstream = payload["provider"]
        if isinstance(payload.get("id"), str) and payload["id"]:
            self.generation_id = payload["id"]
        if payload.get("error"):
            raise self._error(payload["error"])
        text = reasoning = ""
        finish: str | None = None
        tool_deltas: tuple[dict[str, Any], ...] = ()
        choices = payload.get("choices")
        if isinstance(choices, list) and choices and isinstance(choices[0], Mapping):
            choice: Mapping[str, Any] = choices[0]
            delta: Mapping[str, Any] = {}
            for key in ("delta", "message"):  # "message" when a server answered without streaming
                if isinstance(choice.get(key), Mapping):
                    delta = choice[key]
                    break
            content = delta.get("content")
            text = content if isinstance(content, str) else ""
            for key in ("reasoning", "reasoning_content"):
                if isinstance(delta.get(key), str):
                    reasoning = delta[key]
                    break
            calls = delta.get("tool_calls")
            if isinstance(calls, list):
                tool_deltas = tuple(dict(c) for c in calls if isinstance(c, Mapping))
            if isinstance(choice.get("finish_reason"), str):
                finish = choice["finish_reason"]
        if finish == "error":
            raise self._error({"message": "the provider reported an error"})
        usage = parse_usage(payload.get("usage"))
        if usage is not None and usage.cost is None and self._cost_of is not None:
            cost = self._cost_of(self.model or self.requested_model, usage)
            if cost is not None:
                usage = Usage(usage.prompt_tokens, usage.completion_tokens, usage.total_tokens, cost)
        if finish is not None:
            self.finished = True
        if not (text or reasoning or tool_deltas or finish or usage):
            return None
        if text or reasoning or tool_deltas:
            self.emitted = True
        if text:
            self.text_parts.append(text)
        return ChatChunk(
            text=text,
            reasoning=reasoning,
            model=self.model or self.requested_model,
            provider=self.provider.name,
            finish_reason=finish,
            usage=usage,
            tool_call_deltas=tool_deltas,
            generation_id=self.generation_id,
            upstream_provider=self.upstream,
        )

    def _error(self, error: Any) -> AIError:
        info = parse_error_object(error)
        typed = classify_error(self.provider, info.numeric_code, info, model=self.requested_model)
        if self.emitted:
            interrupted = StreamInterruptedError(
                self.provider.name, self.partial_text, detail=typed.detail or str(typed), status=typed.status
            )
            interrupted.__cause__ = typed
            return interrupted
        return typed

    def end_of_stream(self, reason: str = "") -> None:
        """The body ended. Without [DONE] or a finish reason the answer is incomplete."""
        if self.done or self.finished:
            return
        raise StreamInterruptedError(
            self.provider.name, self.partial_text, detail=reason or "the connection ended before the answer did"
        )


class ChatAccumulator:
    """Collects streamed chunks into a ChatResult (text, tool calls by index, usage, who answered)."""

    def __init__(self) -> None:
        self._text: list[str] = []
        self._reasoning: list[str] = []
        self._tools: dict[int, dict[str, Any]] = {}
        self._last_tool: int | None = None
        self.model = ""
        self.provider = ""
        self.upstream_provider = ""
        self.finish_reason: str | None = None
        self.usage = Usage()
        self.generation_id = ""

    @property
    def text(self) -> str:
        return "".join(self._text)

    def add(self, chunk: ChatChunk) -> None:
        if chunk.text:
            self._text.append(chunk.text)
        if chunk.reasoning:
            self._reasoning.append(chunk.reasoning)
        for delta in chunk.tool_call_deltas:
            self._add_tool_delta(delta)
        if chunk.model:
            self.model = chunk.model
        if chunk.provider:
            self.provider = chunk.provider
        if chunk.upstream_provider:
            self.upstream_provider = chunk.upstream_provider
        if chunk.finish_reason:
            self.finish_reason = chunk.finish_reason
        if chunk.usage is not None:
            self.usage = chunk.usage
        if chunk.generation_id:
            self.generation_id = chunk.generation_id

    def _add_tool_delta(self, delta: Mapping[str, Any]) -> None:
        index = delta.get("index")
        call_id = delta.get("id") if isinstance(delta.get("id"), str) else ""
        if not isinstance(index, int) or isinstance(index, bool):
            # Some servers omit the index: a new id starts a new call, fragments continue the last one.
            known = next((i for i, e in self._tools.items() if call_id and e["id"] == call_id), None)
            if known is not None:
                index = known
            elif call_id or self._last_tool is None:
                index = max(self._tools, default=-1) + 1
            else:
                index = self._last_tool
        entry = self._tools.setdefault(index, {"id": "", "name": "", "arguments": []})
        self._last_tool = index
        if call_id:
            entry["id"] = call_id
        function = delta.get("function")
        if isinstance(function, Mapping):
            name = function.get("name")
            if isinstance(name, str) and name:
                # Names may come in pieces (appended); a server that repeats the whole name sends it again.
                entry["name"] = name if name.startswith(entry["name"]) and entry["name"] else entry["name"] + name
            arguments = function.get("arguments")
            if isinstance(arguments, str):
                entry["arguments"].append(arguments)
            elif isinstance(arguments, Mapping):
                entry["arguments"].append(json.dumps(arguments))

    def tool_calls(self) -> tuple[ToolCall, ...]:
        return tuple(
            ToolCall(entry["id"] or f"call_{index}", entry["name"], "".join(entry["arguments"]))
            for index, entry in sorted(self._tools.items())
        )

    def result(self, settings: LLMSettings | None = None) -> ChatResult:
        """The assembled answer. In JSON mode the text is parsed and validated (InvalidJSONError keeps it)."""
        text = self.text
        parsed: Any = None
        if settings is not None and (settings.json_mode or settings.json_schema):
            tool_calls = self.tool_calls()
            if not (tool_calls and not text.strip()):
                try:
                    parsed = parse_json_answer(text, json_schema_of(settings))
                except InvalidJSONError as error:
                    detail = error.detail
                    if self.finish_reason == "length":
                        detail = f"{detail}; the answer was cut off at the token limit"
                    raise InvalidJSONError(self.provider, text, detail=detail) from error
        return ChatResult(
            text=text,
            model=self.model,
            provider=self.provider,
            finish_reason=self.finish_reason,
            usage=self.usage,
            tool_calls=self.tool_calls(),
            parsed_json=parsed,
            generation_id=self.generation_id,
            upstream_provider=self.upstream_provider,
            reasoning="".join(self._reasoning),
        )
