"""The faster source check given to PySide6's import hook answers as the hook's own does: a module that mentions
PySide6 keeps PySide's defaults, any other is ignored."""

from __future__ import annotations

import importlib
import json
import sys

from vector_desktop.qtsupport.pyside_import_check import AnswerFile, installed_answers, speed_up_pyside_import_check


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


def test_answers_are_kept_between_starts_and_read_again_when_a_file_changes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import PySide6  # noqa: F401

    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    source = tmp_path / "plain_module_for_the_check.py"
    source.write_text("VALUE = 1\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    answer_file = tmp_path / "cache" / "answers.json"
    try:
        module = importlib.import_module("plain_module_for_the_check")
        first = AnswerFile()
        assert speed_up_pyside_import_check(first)
        assert installed_answers() is first
        assert feature._mod_uses_pyside(module) is False
        first.save(answer_file)
        assert json.loads(answer_file.read_text())[str(source)][2] is False

        # The next start: the answer comes from the file (made to say True here, to see that it is used)...
        saved = json.loads(answer_file.read_text())
        saved[str(source)][2] = True
        answer_file.write_text(json.dumps(saved))
        feature._mod_uses_pyside = original
        later = AnswerFile()
        later.load(answer_file)
        assert speed_up_pyside_import_check(later)
        assert feature._mod_uses_pyside(module) is True
        # ...until the module's file changes: then it is read again.
        source.write_text("VALUE = 'a longer value: PySide6'\n", encoding="utf-8")
        assert feature._mod_uses_pyside(module) is True
        source.write_text("VALUE = 'changed, and without the name'\n", encoding="utf-8")
        assert feature._mod_uses_pyside(module) is False

        answer_file.write_text("{not json")  # a damaged file is ignored
        damaged = AnswerFile()
        damaged.load(answer_file)
        assert damaged.answers == {}
    finally:
        feature._mod_uses_pyside = original
        sys.path.remove(str(tmp_path))
        sys.modules.pop("plain_module_for_the_check", None)
