"""How long a Python thread may keep the GIL while another thread waits for it.

The interpreter's default is 5 ms: each time the GUI thread hands the GIL over (every signal emit, every call into
Qt that releases it) a busy worker thread may keep it for up to that long, and a few such waits in one event-loop
turn add up to a missed frame. At 1 ms the GUI thread gets it back sooner; worker threads lose little, since they
spend most of their time in I/O and C code that runs without the GIL.
"""

from __future__ import annotations

import sys

GUI_SWITCH_INTERVAL_S = 0.001


def use_gui_switch_interval() -> None:
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
