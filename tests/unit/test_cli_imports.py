"""The GUI builds its command line before its first paint: that must not import the commands' working parts."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from vector_desktop.cli import parse_args
args = parse_args(["--profile", "somewhere"])
assert args.command is None
heavy = sorted(name for name in ("asyncio", "vector_desktop.domain.chat", "vector_desktop.domain.storage",
                                  "vector_desktop.commands.ask_stream", "vector_desktop.commands.storage_run")
               if name in sys.modules)
print(",".join(heavy))
"""


def test_parsing_the_gui_command_line_imports_no_command_code(subprocess_env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, env=subprocess_env, timeout=60, check=True
    )
    assert result.stdout.strip() == ""
