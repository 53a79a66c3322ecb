"""The clean environment of stdio servers, with the login shell's PATH."""

from __future__ import annotations

import asyncio
from pathlib import Path

from vector_desktop.services.connectors.login_shell import LoginEnvironment, merge_paths, parse_probe

MARK = "__VECTOR_DESKTOP_PATH__"


def test_probe_output_is_read_between_the_markers_despite_login_noise() -> None:
    assert parse_probe(f"Welcome!\n{MARK}/opt/node/bin:/usr/bin{MARK}") == "/opt/node/bin:/usr/bin"
    assert parse_probe("no markers at all") == ""


def test_paths_are_merged_in_order_without_repeats() -> None:
    assert merge_paths("/a:/b", "/b:/c:", "/a") == "/a:/b:/c"


def test_base_environment_keeps_only_safe_variables_and_puts_the_login_path_first(tmp_path: Path) -> None:
    shell = tmp_path / "fake-shell"
    shell.write_text(f"#!/bin/sh\necho 'motd noise'\nprintf '{MARK}/opt/node/bin:/usr/bin{MARK}'\n")
    shell.chmod(0o755)
    environ = {"SHELL": str(shell), "PATH": "/usr/bin:/app/bin", "HOME": "/home/u", "OPENAI_API_KEY": "sk-x"}
    env = asyncio.run(LoginEnvironment(environ).base())
    assert env["HOME"] == "/home/u"
    assert "OPENAI_API_KEY" not in env
    assert env["PATH"].startswith("/opt/node/bin:/usr/bin:/app/bin")


def test_a_shell_that_fails_leaves_the_apps_own_path(tmp_path: Path) -> None:
    environ = {"SHELL": str(tmp_path / "missing-shell"), "PATH": "/app/bin"}
    env = asyncio.run(LoginEnvironment(environ).base())
    assert env["PATH"].startswith("/app/bin")
