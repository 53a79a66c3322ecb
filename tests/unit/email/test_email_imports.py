"""Email adds nothing to start-up: the modules the GUI and the CLI import to wire the feature do not load smtplib,
the email package's generator or markdown-it until a message is built or sent."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import vector_desktop.commands.email
import vector_desktop.core_email
import vector_desktop.gui_email
from vector_desktop.cli import parse_args
parse_args(["--profile", "somewhere"])
lazy = ("smtplib", "markdown_it", "email.generator", "vector_desktop.services.email.smtp_sender")
print(",".join(sorted(name for name in lazy if name in sys.modules)))
"""


def test_wiring_the_email_feature_loads_no_smtp_code() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""
