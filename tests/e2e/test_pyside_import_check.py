"""The faster source check given to PySide6's import hook answers as the hook's own does: a module that mentions
PySide6 keeps PySide's defaults, any other is ignored."""

from __future__ import annotations

import importlib
import sys

from vector_desktop.qtsupport.pyside_import_check import speed_up_pyside_import_check


def test_the_faster_check_gives_the_hooks_answers() -> None:
    import PySide6  # noqa: F401

    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    names = ["json", "sys", "vector_desktop.gui", "vector_desktop.domain.errors", "vector_desktop.views.main_window"]
    modules = [importlib.import_module(name) for name in names]
    expected = [original(module) for module in modules]
    try:
        speed_up_pyside_import_check()
        assert feature._mod_uses_pyside is not original
        assert [feature._mod_uses_pyside(module) for module in modules] == expected
        assert expected == [False, False, True, False, True]
        assert speed_up_pyside_import_check() is False  # installed once
    finally:
        feature._mod_uses_pyside = original
