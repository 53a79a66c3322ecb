"""The bridge from the connectors' loop thread to Qt signals, and the elicitation asker, with real threads."""

from __future__ import annotations

import asyncio
import threading

import pytest

from tests.support.waiting import next_emission, wait_for
from vector_desktop.domain.connectors import ElicitationAction, ElicitationRequest
from vector_desktop.domain.connectors_api import CallProgress
from vector_desktop.presentation.connectors.elicitation import DialogElicitationAsker, ElicitationPrompt
from vector_desktop.presentation.tools.tool_events import ConnectorsEventBridge


@pytest.mark.asyncio
async def test_events_from_another_thread_arrive_coalesced_on_the_gui_thread() -> None:
    bridge = ConnectorsEventBridge()
    seen: list[tuple[str, object, bool]] = []
    gui = threading.current_thread()
    bridge.connectors_changed.connect(lambda: seen.append(("connectors", None, threading.current_thread() is gui)))
    bridge.tools_changed.connect(lambda keys: seen.append(("tools", sorted(keys), threading.current_thread() is gui)))
    bridge.call_progress.connect(lambda p: seen.append(("progress", p.progress, threading.current_thread() is gui)))

    def burst() -> None:
        for _ in range(50):
            bridge.listener.connectors_changed()
            bridge.listener.tools_changed("mcp:1")
            bridge.listener.tools_changed("mcp:2")
        bridge.listener.call_progress(CallProgress(7, 0.5, 1.0))

    thread = threading.Thread(target=burst)
    thread.start()
    thread.join()
    await wait_for(lambda: len(seen) == 3, "three signals")
    assert ("progress", 0.5, True) in seen
    assert ("connectors", None, True) in seen
    assert ("tools", ["mcp:1", "mcp:2"], True) in seen


@pytest.mark.asyncio
async def test_elicitation_asker_hands_the_question_to_the_gui_and_returns_the_answer() -> None:
    asker = DialogElicitationAsker()
    request = ElicitationRequest("demo", "Your name?", {"type": "object", "properties": {"name": {"type": "string"}}})
    # Without anyone to show it, the question is cancelled at once.
    assert (await asker.ask(request)).action is ElicitationAction.CANCEL
    loop_thread_result: list[object] = []

    def on_connectors_loop() -> None:
        loop_thread_result.append(asyncio.run(asker.ask(request)))

    prompts: list[ElicitationPrompt] = []
    asker.requested.connect(prompts.append)
    thread = threading.Thread(target=on_connectors_loop)
    thread.start()
    (prompt,) = await next_emission(asker.requested)
    assert prompt.request.message == "Your name?"
    prompt.answer(ElicitationAction.ACCEPT, {"name": "Ada"})
    await asyncio.to_thread(thread.join, 10)
    (response,) = loop_thread_result
    assert response.action is ElicitationAction.ACCEPT and response.content == {"name": "Ada"}  # type: ignore[attr-defined]
