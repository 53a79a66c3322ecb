"""PySide6's `__feature__` import hook asks of every module imported after PySide6 whether its source mentions
"PySide6", with `inspect.getsource` (linecache, tokenize, a stat per path entry). At start-up that was ~20 % of the
time to ready. `speed_up_pyside_import_check` gives the hook the same answer from one read of the module's file,
and `AnswerFile` keeps the answers between starts, keyed by each file's size and modification time: a later start
pays a stat per module instead of reading ~600 files (SQLAlchemy's are large)."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

# file name -> (modification time in ns, size, mentions PySide6)
Answers = dict[str, tuple[int, int, bool]]


class AnswerFile:
    """The answers of earlier starts, loaded from and saved to one JSON file (a cache: anything wrong in it is
    ignored and the answer is read again from the module's file)."""

    def __init__(self) -> None:
        self.answers: Answers = {}
        self.changed = False
        self._lock = threading.Lock()  # modules are imported on worker threads too

    def lookup(self, filename: str, stat: os.stat_result) -> bool | None:
        known = self.answers.get(filename)
        if known is None or known[0] != stat.st_mtime_ns or known[1] != stat.st_size:
            return None
        return known[2]

    def remember(self, filename: str, stat: os.stat_result, answer: bool) -> None:
        with self._lock:
            self.answers[filename] = (stat.st_mtime_ns, stat.st_size, answer)
            self.changed = True

    def load(self, path: Path) -> None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            loaded = {str(k): (int(v[0]), int(v[1]), bool(v[2])) for k, v in raw.items()}
        except (OSError, ValueError, TypeError, AttributeError, IndexError, KeyError):
            return
        with self._lock:
            self.answers = {**loaded, **self.answers}

    def save(self, path: Path) -> None:
        """Written to a temporary file and renamed: a crash never leaves half a file (and one would be ignored)."""
        with self._lock:
            if not self.changed:
                return
            text = json.dumps({k: list(v) for k, v in self.answers.items()})
            self.changed = False
        temporary = path.with_name(path.name + ".tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            return  # a cache: the next start reads the files again


def speed_up_pyside_import_check(answers: AnswerFile | None = None) -> bool:
    """Replace the hook's source check; returns False (and changes nothing) if this PySide6 has no such hook or it
    was replaced already. `answers`: where known answers are looked up and new ones kept."""
    import sys

    import PySide6  # noqa: F401  (loads shibokensupport.feature)

    feature: Any = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "fast", False):
        return False
    known = answers if answers is not None else AnswerFile()

    def mod_uses_pyside(module: ModuleType) -> bool:
        filename = getattr(module, "__file__", None)
        if not isinstance(filename, str) or not filename.endswith(".py"):
            return bool(original(module))  # built-in, compiled or zipped: the hook's own answer
        try:
            stat = os.stat(filename)
            answer = known.lookup(filename, stat)
            if answer is None:
                with open(filename, "rb") as source:
                    answer = b"PySide6" in source.read()
                known.remember(filename, stat, answer)
            return answer
        except OSError:
            return bool(original(module))

    mod_uses_pyside.fast = True  # type: ignore[attr-defined]
    mod_uses_pyside.answers = known  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside
    return True


def installed_answers() -> AnswerFile | None:
    """The answers of the check installed in this process (None when it is PySide6's own)."""
    import sys

    feature: Any = sys.modules.get("shibokensupport.feature")
    return getattr(getattr(feature, "_mod_uses_pyside", None), "answers", None)
