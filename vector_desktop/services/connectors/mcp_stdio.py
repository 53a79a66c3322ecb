"""The child process of a stdio MCP server, as an MCP transport the SDK's Client accepts.

Unlike the SDK's `stdio_client`, this one knows the child's pid (the app reaps children left by a crash), reads its
stderr line by line (the server's log view and the last lines shown when it fails), and reports when the child
exits by itself. The child runs in its own process group (session) and is stopped with the whole group: stdin
closed, then SIGTERM, then SIGKILL.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager, suppress
from subprocess import PIPE

import anyio
import mcp_types as types
from anyio.abc import ByteReceiveStream, Process
from anyio.streams.text import TextReceiveStream
from mcp.client._transport import TransportStreams
from mcp.os.posix.utilities import terminate_posix_process_tree
from mcp.shared.message import SessionMessage

logger = logging.getLogger(__name__)

STDIN_CLOSE_GRACE = 2.0  # the spec's shutdown: close stdin and let the server exit by itself
TERM_GRACE = 2.0  # then SIGTERM to the group, and SIGKILL after this
_EXIT_POLL = 0.05
STDERR_TAIL = 50


def parse_line(line: str) -> SessionMessage | Exception:
    """One stdout line as a JSON-RPC message; what does not parse is handed on as an exception (the SDK's
    session passes it to the message handler, which records that the server sent something malformed)."""
    try:
        return SessionMessage(types.jsonrpc_message_adapter.validate_json(line, by_name=False))
    except ValueError as error:
        return error


async def _lines(stream: ByteReceiveStream) -> AsyncIterator[str]:
    buffer = ""
    async for chunk in TextReceiveStream(stream, errors="replace"):
        *complete, buffer = (buffer + chunk).split("\n")
        for line in complete:
            yield line.rstrip("\r")
    if buffer:
        yield buffer.rstrip("\r")


class StdioProcess:
    """One run of a stdio server. `open()` starts it and yields the transport streams; leaving stops it."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        cwd: str = "",
        *,
        on_stderr: Callable[[str], None] | None = None,
        on_exit: Callable[[int], None] | None = None,
        tail_lines: int = STDERR_TAIL,
    ) -> None:
        self.argv = list(argv)
        self._env = dict(env)
        self._cwd = cwd or None
        self._on_stderr = on_stderr
        self._on_exit = on_exit
        self.stderr_tail: deque[str] = deque(maxlen=tail_lines)
        self.pid: int | None = None
        self.returncode: int | None = None
        self.stopping = False
        self._exited = anyio.Event()
        self._stderr_done = anyio.Event()

    @property
    def last_stderr_line(self) -> str:
        return next((line.strip() for line in reversed(self.stderr_tail) if line.strip()), "")

    async def wait_exited(self, timeout: float) -> bool:
        """Wait (at most `timeout`) for the child to exit and its stderr to be read to the end."""
        with anyio.move_on_after(timeout):
            await self._exited.wait()
            await self._stderr_done.wait()
            return True
        return False

    @asynccontextmanager
    async def open(self) -> AsyncIterator[TransportStreams]:
        process = await anyio.open_process(
            self.argv, stdin=PIPE, stdout=PIPE, stderr=PIPE, cwd=self._cwd, env=self._env, start_new_session=True
        )
        self.pid = process.pid
        read_writer, read_stream = anyio.create_memory_object_stream[SessionMessage | Exception](0)
        write_stream, write_reader = anyio.create_memory_object_stream[SessionMessage](0)

        async def read_stdout() -> None:
            assert process.stdout is not None
            try:
                async with read_writer:
                    async for line in _lines(process.stdout):
                        if line.strip():
                            await read_writer.send(parse_line(line))
            except (anyio.ClosedResourceError, anyio.BrokenResourceError, OSError):
                pass  # the session is gone or the pipe closed under the read: nothing more to deliver

        async def write_stdin() -> None:
            assert process.stdin is not None
            try:
                async with write_reader:
                    async for message in write_reader:
                        data = message.message.model_dump_json(by_alias=True, exclude_unset=True) + "\n"
                        await process.stdin.send(data.encode("utf-8"))
            except (anyio.ClosedResourceError, anyio.BrokenResourceError, OSError):
                await read_writer.aclose()  # the child stopped reading: end the session instead of hanging

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(read_stdout)
            tasks.start_soon(write_stdin)
            tasks.start_soon(self._read_stderr, process)
            tasks.start_soon(self._watch_exit, process)
            try:
                yield read_stream, write_stream
            finally:
                with anyio.CancelScope(shield=True):
                    await self._stop(process)
                    for stream in (read_stream, write_stream, read_writer, write_reader):
                        await stream.aclose()
                tasks.cancel_scope.cancel()

    async def _read_stderr(self, process: Process) -> None:
        assert process.stderr is not None
        try:
            async for line in _lines(process.stderr):
                self.stderr_tail.append(line)
                if self._on_stderr is not None:
                    self._on_stderr(line)
        except (anyio.ClosedResourceError, anyio.BrokenResourceError, OSError):
            pass
        finally:
            self._stderr_done.set()

    async def _watch_exit(self, process: Process) -> None:
        # Polled, not process.wait(): that also waits for pipe EOF, which a grandchild holding the pipes delays.
        while process.returncode is None:
            await anyio.sleep(_EXIT_POLL)
        self.returncode = process.returncode
        self._exited.set()
        if not self.stopping and self._on_exit is not None:
            with anyio.move_on_after(1.0):
                await self._stderr_done.wait()  # the last lines explain why it stopped
            self._on_exit(process.returncode)

    async def _stop(self, process: Process) -> None:
        self.stopping = True
        if process.stdin is not None:
            with suppress(OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
                await process.stdin.aclose()
        if not await self._exits_within(process, STDIN_CLOSE_GRACE):
            await terminate_posix_process_tree(process, TERM_GRACE)
            if not await self._exits_within(process, TERM_GRACE):
                logger.warning("The MCP server process %s survived SIGKILL", process.pid)
        else:
            # The server exited; anything it left in its group goes too.
            await terminate_posix_process_tree(process, TERM_GRACE)
        self.returncode = process.returncode
        self._exited.set()
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                with suppress(OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
                    await pipe.aclose()
        transport = getattr(getattr(process, "_process", None), "_transport", None)
        close = getattr(transport, "close", None)
        if callable(close):
            with suppress(PermissionError):
                close()  # else asyncio warns at GC about a transport left open

    @staticmethod
    async def _exits_within(process: Process, timeout: float) -> bool:
        with anyio.move_on_after(timeout):
            while process.returncode is None:
                await anyio.sleep(_EXIT_POLL)
            return True
        return False
