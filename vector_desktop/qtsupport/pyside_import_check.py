"""PySide6's `__feature__` import hook asks of every module imported after PySide6 whether its source mentions
"PySide6", with `inspect.getsource` (linecache, tokenize, a stat per path entry). At start-up that was ~20 % of the
time to ready. `speed_up_pyside_import_check` gives the hook the same answer from one read of the module's file."""

from __future__ import annotations

from types import ModuleType
from typing import Any


def speed_up_pyside_import_check() -> bool:
    """Replace the hook's source check; returns False (and changes nothing) if this PySide6 has no such hook."""
    import sys

    import PySide6  # noqa: F401  (loads shibokensupport.feature)

    feature: Any = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "fast", False):
        return False

    def mod_uses_pyside(module: ModuleType) -> bool:
        filename = getattr(module, "__file__", None)
        if not isinstance(filename, str) or not filename.endswith(".py"):
            return bool(original(module))  # built-in, compiled or zipped: the hook's own answer
        try:
            with open(filename, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    mod_uses_pyside.fast = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside
    return True
