"""The first HTTP request of a process loads ~30 modules of anyio and httpcore's network backend (~25 ms, a stall
when it happens on the GUI thread). `warm_transport` makes one request to a throwaway listener on the loopback, on
its own event loop, so that a worker at start (LLMClient.warm_up) loads them instead."""

from __future__ import annotations

import asyncio
import socket

ANSWER = b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
WARMUP_TIMEOUT_S = 5.0


def warm_transport() -> None:
    """(Blocking; call it off the GUI thread.) Nothing leaves this computer: the request goes to a socket opened
    here on 127.0.0.1 and closed after its one answer."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # none here, as it should be (a worker thread)
        pass
    else:
        return  # called on a loop's thread: it would have to block that loop
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        asyncio.run(asyncio.wait_for(_request_once(listener), WARMUP_TIMEOUT_S))


async def _request_once(listener: socket.socket) -> None:
    import httpx

    loop = asyncio.get_running_loop()

    async def answer() -> None:
        connection, _address = await loop.sock_accept(listener)
        with connection:
            await loop.sock_recv(connection, 64 * 1024)
            await loop.sock_sendall(connection, ANSWER)

    answering = asyncio.ensure_future(answer())
    port = listener.getsockname()[1]
    async with httpx.AsyncClient(timeout=WARMUP_TIMEOUT_S) as http:
        await http.get(f"http://127.0.0.1:{port}/")
    await answering
