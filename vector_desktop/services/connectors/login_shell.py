"""The environment stdio MCP servers start in: a clean one (no secrets of the app's own environment), with the
PATH of the user's login shell so `npx`, `uvx` and friends installed by nvm, Homebrew or pipx are found even when
the app was started from a desktop launcher with a minimal PATH."""

from __future__ import annotations

import os
import pwd
import subprocess
from collections.abc import Mapping

import anyio

# What a child process legitimately needs from the app's environment; everything else stays out.
KEPT_VARIABLES = (
    "HOME",
    "LOGNAME",
    "USER",
    "SHELL",
    "TERM",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "TMPDIR",
    "XDG_RUNTIME_DIR",
    "DISPLAY",
    "WAYLAND_DISPLAY",
)
_MARKER = "__VECTOR_DESKTOP_PATH__"


def merge_paths(*paths: str) -> str:
    """PATH strings joined in order, each directory once."""
    seen: list[str] = []
    for path in paths:
        for entry in path.split(os.pathsep):
            if entry and entry not in seen:
                seen.append(entry)
    return os.pathsep.join(seen)


def user_shell(environ: Mapping[str, str]) -> str:
    shell = environ.get("SHELL", "")
    if not shell:
        try:
            shell = pwd.getpwuid(os.getuid()).pw_shell
        except KeyError:
            shell = ""
    return shell or "/bin/sh"


def parse_probe(output: str) -> str:
    """The PATH between the markers the probe printed (login scripts may print their own noise around it)."""
    _, found, rest = output.partition(_MARKER)
    path, closed, _ = rest.partition(_MARKER)
    return path.strip() if found and closed else ""


class LoginEnvironment:
    """Builds the base environment of stdio servers; asks the login shell for its PATH once per instance
    (share one instance between sessions to ask only once)."""

    def __init__(self, environ: Mapping[str, str] | None = None, *, timeout: float = 5.0) -> None:
        self._environ = dict(os.environ if environ is None else environ)
        self._timeout = timeout
        self._login_path: str | None = None
        self._lock: anyio.Lock | None = None

    async def login_path(self) -> str:
        """The login shell's PATH ("" when the shell could not tell in time)."""
        if self._lock is None:
            self._lock = anyio.Lock()
        async with self._lock:
            if self._login_path is None:
                self._login_path = await self._probe()
        return self._login_path

    async def _probe(self) -> str:
        command = [user_shell(self._environ), "-l", "-c", f'printf "%s%s%s" {_MARKER} "$PATH" {_MARKER}']
        try:
            with anyio.move_on_after(self._timeout):
                done = await anyio.run_process(
                    command,
                    check=False,
                    stdin=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env=self._environ,
                    start_new_session=True,  # no controlling terminal: login scripts cannot wait for input
                )
                return parse_probe(done.stdout.decode("utf-8", "replace"))
        except OSError:
            return ""
        return ""

    async def base(self) -> dict[str, str]:
        """The clean environment: the kept variables and PATH = login shell PATH + the app's own PATH."""
        env = {name: self._environ[name] for name in KEPT_VARIABLES if name in self._environ}
        env["PATH"] = merge_paths(await self.login_path(), self._environ.get("PATH", ""), os.defpath)
        return env
