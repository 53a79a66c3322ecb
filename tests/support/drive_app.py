"""Drives the real app from inside its own process, the way a user would: widgets found by objectName among
QApplication.topLevelWidgets(), clicks and keys through QTest. The actions run on a QTimer scheduled before
`vector_desktop.app.main()` starts the app, and report progress as lines on stdout for the test to follow.

python tests/support/drive_app.py --profile DIR [--offline] --script kill
    New conversation A, new conversation B, type DRAFT in B, back to A, type MESSAGE, click Send.
    Prints "ready", "conversations A B", "draft typed", "sent"; then waits (the test kills the process).
python tests/support/drive_app.py --profile DIR --script ask
    Prints "ready" once the chat panel is shown with its model picker, types QUESTION in the composer of a fresh
    app, sends it ("sent"), waits until the answer is complete and prints one JSON line
    {"rows": [[role, text, status], ...]} read from the transcript the user sees; then quits.
python tests/support/drive_app.py --profile DIR --script report
    Opens every conversation in the list and prints one JSON line: {id: {"composer": text, "rows": n}}; then quits.
python tests/support/drive_app.py --profile DIR --script modules
    Prints {"at_ready": [...]} when the chat answers input: which of those libraries and of the ones loaded right
    after (SQLAlchemy, keyring, httpx...) are in memory then. Waits until the app is up and idle and prints one
    JSON line {"loaded": [...]}: which of the libraries that load on first use only (google, cryptography,
    smtplib, celery...) are in memory; then quits.
python tests/support/drive_app.py --profile DIR --script connectors
    Opens the Connectors panel, selects the first card, clicks Connect when the card offers it (opening the panel
    already starts the MCP servers), waits until the card says it is ready with its tools and prints
    "connect clicked|connect not offered: SUBTITLE", one JSON line {"card": subtitle, "status": status label} and
    "child PID" (the stdio server, from the profile's process registry, checked to be this process's child); then
    waits (the test kills the process).
python tests/support/drive_app.py --profile DIR --script leak [--cycles N] [--warmup N]
    Open/close cycles (issue 15): open a conversation, then another (scrolled to the top when it has older pages,
    so a page is brought in), show each side panel and the chat again, and every 10th cycle open and close the
    Settings, Outbox and AI servers dialogs. After the warm-up and after the cycles it collects garbage, trims
    malloc and reads VmRSS; prints one JSON line with both, what it asked for and what it saw shown; then quits.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QStackedWidget,
    QWidget,
)

DRAFT = "A draft that must survive a crash"
MESSAGE = "Count slowly for me"
STEP_MS = 50
TIMEOUT_S = 60.0

Waiter = Callable[[], bool]


def say(line: str) -> None:
    print(line, flush=True)


def find(kind: type, name: str) -> QWidget | None:
    """The visible-or-not widget of this class and objectName in any top-level window (the chat panel's)."""
    for top in QApplication.topLevelWidgets():
        found = top if (isinstance(top, kind) and top.objectName() == name) else top.findChild(kind, name)
        if found is not None:
            return found  # type: ignore[no-any-return]
    return None


def composer() -> QPlainTextEdit:
    widget = find(QPlainTextEdit, "composer")
    assert isinstance(widget, QPlainTextEdit)
    return widget


def conversation_list() -> QListView:
    widget = find(QListView, "conversationList")
    assert isinstance(widget, QListView)
    return widget


def button(name: str) -> QAbstractButton:
    widget = find(QAbstractButton, name)
    assert isinstance(widget, QAbstractButton)
    return widget


def conversation_ids() -> list[str]:
    from vector_desktop.presentation.chat.chat_models import ConversationRoles

    model = conversation_list().model()
    return [str(model.index(row, 0).data(ConversationRoles.ID)) for row in range(model.rowCount())]


def current_id() -> str:
    from vector_desktop.presentation.chat.chat_models import ConversationRoles

    return str(conversation_list().currentIndex().data(ConversationRoles.ID) or "")


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_conversation(conversation_id: str) -> None:
    view = conversation_list()
    row = conversation_ids().index(conversation_id)
    index: QModelIndex = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def click_panel(key: str) -> None:
    """A click on the side bar's entry for this panel."""
    nav = find(QListWidget, "navList")
    assert isinstance(nav, QListWidget)
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == key)
    nav.scrollToItem(item)
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())


def panel_ready() -> bool:
    """The chat panel exists, shows, and its view-model has loaded (the model picker is filled)."""
    from PySide6.QtWidgets import QComboBox

    combo = find(QComboBox, "modelCombo")
    if not isinstance(combo, QComboBox) or find(QPlainTextEdit, "composer") is None:
        return False
    window = combo.window()
    show_panel = getattr(window, "show_panel", None)
    if show_panel is not None and not combo.isVisible():
        show_panel("chat")
    return combo.count() > 0 and combo.isVisible()


def pause(seconds: float) -> Waiter:
    until = time.monotonic() + seconds
    return lambda: time.monotonic() >= until


def kill_script() -> Iterator[Waiter]:
    yield panel_ready
    say("ready")
    click(button("newButton"))
    yield lambda: len(conversation_ids()) == 1 and bool(current_id())
    first = current_id()
    click(button("newButton"))
    yield lambda: len(conversation_ids()) == 2 and current_id() not in ("", first)
    second = current_id()
    say(f"conversations {first} {second}")
    editor = composer()
    editor.setFocus()
    QTest.keyClicks(editor, DRAFT)
    yield pause(0.6)  # longer than the draft's debounce: saved while still in B
    click_conversation(first)
    yield lambda: current_id() == first and composer().toPlainText() == ""
    say("draft typed")
    editor = composer()
    editor.setFocus()
    QTest.keyClicks(editor, MESSAGE)
    click(button("sendButton"))
    yield lambda: composer().toPlainText() == ""
    say("sent")
    while True:  # streaming: the test kills the process
        yield pause(3600)


QUESTION = "Name one colour of the sky."


def transcript_rows() -> list[list[str]]:
    from vector_desktop.presentation.chat.chat_models import MessageRoles

    transcript = find(QListView, "transcript")
    assert isinstance(transcript, QListView)
    model = transcript.model()
    rows = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        rows.append(
            [
                str(index.data(MessageRoles.ROLE)),
                str(index.data(MessageRoles.TEXT)),
                str(index.data(MessageRoles.STATUS)),
            ]
        )
    return rows


def ask_script() -> Iterator[Waiter]:
    yield panel_ready
    say("ready")
    editor = composer()
    editor.setFocus()
    QTest.keyClicks(editor, QUESTION)
    click(button("sendButton"))
    say("sent")
    yield lambda: len(transcript_rows()) == 2 and button("sendButton").isEnabled()
    say(json.dumps({"rows": transcript_rows()}))
    QApplication.quit()


def report_script() -> Iterator[Waiter]:
    yield panel_ready
    yield pause(0.3)  # the list fills after the picker
    seen: dict[str, dict[str, object]] = {}
    transcript = find(QListView, "transcript")
    assert isinstance(transcript, QListView)
    for conversation_id in conversation_ids():
        if current_id() != conversation_id:
            click_conversation(conversation_id)
            yield lambda cid=conversation_id: current_id() == cid  # type: ignore[misc]
        yield pause(0.5)  # its page and draft arrive from the store
        seen[conversation_id] = {"composer": composer().toPlainText(), "rows": transcript.model().rowCount()}
    say(json.dumps(seen))
    QApplication.quit()


# Libraries that load on first use only: none may be in memory once the app is up and idle (markdown-it loads with
# the first message shown, or off the GUI thread once the user starts writing; click, rich and pygments are httpx's
# command-line client, which the app never runs).
FIRST_USE_MODULES = (
    "google", "google_auth_oauthlib", "oauthlib", "requests", "cryptography", "smtplib", "celery", "kombu",
    "redis", "boto3", "botocore", "mcp", "markdown_it", "sentry_sdk", "mixpanel", "alembic", "llama_cpp", "click",
    "rich", "pygments",
)  # fmt: skip


# Loaded right after the chat answers input (GuiSession.load_store, finish_startup), never before it (issue 15).
AFTER_READY_MODULES = ("sqlalchemy", "keyring", "httpx", "psycopg", "pymysql")


def report_modules_at_ready() -> None:
    """When GuiSession.ready is set, print one JSON line {"at_ready": [...]}: which of the first-use and
    after-ready libraries are in memory then."""
    from vector_desktop.gui import GuiSession

    finish = GuiSession.finish_startup

    async def finish_reporting(self: GuiSession) -> None:
        set_ready = self.ready.set

        def on_ready() -> None:
            names = (*FIRST_USE_MODULES, *AFTER_READY_MODULES)
            say(json.dumps({"at_ready": sorted(name for name in names if name in sys.modules)}))
            set_ready()

        self.ready.set = on_ready  # type: ignore[method-assign]
        await finish(self)

    GuiSession.finish_startup = finish_reporting  # type: ignore[method-assign]


def modules_script() -> Iterator[Waiter]:
    yield panel_ready
    yield pause(1.5)  # what runs right after start-up (connectivity check, the account's cached profile) is done
    say(json.dumps({"loaded": sorted(name for name in FIRST_USE_MODULES if name in sys.modules)}))
    QApplication.quit()


def connectors_list() -> QListView:
    widget = find(QListView, "connectorsList")
    assert isinstance(widget, QListView)
    return widget


def first_card() -> tuple[object, str]:
    """The first card's ConnectorInfo and the line it shows under the name ("Ready · 10 tools")."""
    from vector_desktop.presentation.connectors.connectors_models import InfoRole, SubtitleRole

    index = connectors_list().model().index(0, 0)
    return index.data(InfoRole), str(index.data(SubtitleRole) or "")


def stdio_child(profile: str) -> int:
    """The pid the app recorded for its stdio server, once it is there and is this process's own child."""
    from vector_desktop.paths import resolve_paths
    from vector_desktop.services.connectors.process_registry import ProcessRegistry

    folder = resolve_paths(profile, environ={}).data_dir
    for record in ProcessRegistry(folder, owner=os.getpid()).records():
        try:
            stat = Path(f"/proc/{record.pid}/stat").read_text(errors="replace")
        except OSError:  # it ended already
            continue
        if record.owner == os.getpid() and int(stat[stat.rfind(")") + 2 :].split()[1]) == os.getpid():
            return record.pid
    return 0


def connectors_script(app_args: list[str]) -> Iterator[Waiter]:
    from PySide6.QtWidgets import QLabel

    from vector_desktop.domain.connectors import ConnectorState

    profile = argparse.ArgumentParser(add_help=False)
    profile.add_argument("--profile", required=True)
    profile_dir = profile.parse_known_args(app_args)[0].profile
    yield lambda: find(QListView, "connectorsList") is not None and connectors_list().model().rowCount() > 0
    click_panel("connectors")
    yield lambda: connectors_list().isVisible()
    view = connectors_list()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center())
    yield lambda: bool(view.selectionModel().selectedIndexes())
    connect = button("connectButton")
    if connect.isVisible() and connect.isEnabled():
        click(connect)
        say("connect clicked")
    else:
        say(f"connect not offered: {first_card()[1]}")
    ready = ConnectorState.READY
    yield lambda: getattr(first_card()[0], "state", None) is ready and first_card()[1].startswith("Ready · ")
    status = find(QLabel, "connectorStatusLabel")
    say(json.dumps({"card": first_card()[1], "status": status.text() if isinstance(status, QLabel) else ""}))
    yield lambda: stdio_child(profile_dir) > 0
    say(f"child {stdio_child(profile_dir)}")
    while True:  # the server runs: the test kills the process (short pauses: each step has a deadline)
        yield pause(TIMEOUT_S / 2)


LEAK_PANELS = ("storage", "connectors", "databases", "jobs")
# (menu action, dialog class): the dialogs that are cheap to open and close; every 10th cycle opens them.
LEAK_DIALOGS = (
    ("actionSettings", "SettingsDialog"), ("actionOutbox", "OutboxDialog"), ("actionAiServers", "AIServersDialog"),
)  # fmt: skip
LEAK_STEP_MS = 5  # each cycle waits on the store a few times: a 50 ms poll would make 1,000 cycles take minutes


def resident_kb() -> int:
    """VmRSS once deleteLater'd objects are gone, garbage is collected and glibc returned its free pages."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))


def visible_dialog(class_name: str) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if type(w).__name__ == class_name and w.isVisible()), None)


def dialog_ready(class_name: str) -> bool:
    """Shown, and the Settings dialog has read the settings (its "Loading…" line is gone)."""
    from PySide6.QtWidgets import QLabel

    dialog = visible_dialog(class_name)
    loading = dialog.findChild(QLabel, "loadingLabel") if dialog is not None else None
    return dialog is not None and not (isinstance(loading, QLabel) and loading.isVisible())


class LeakCounts:
    """What the leak script asked for and what it saw on screen, by kind."""

    def __init__(self) -> None:
        self.asked: dict[str, int] = {"transcripts": 0, "older_pages": 0, "panels": 0, "dialogs": 0}
        self.shown: dict[str, int] = dict.fromkeys(self.asked, 0)
        self.first_page: dict[str, list[object]] = {}  # id: [rows shown on opening, text of the last row]


def open_conversation(conversation_id: str, counts: LeakCounts) -> Iterator[Waiter]:
    """Click it in the list; wait until the transcript shows its rows; bring an older page in when it has one."""
    from vector_desktop.presentation.chat.chat_models import MessageRoles

    transcript = find(QListView, "transcript")
    assert isinstance(transcript, QListView)
    messages = transcript.model()
    counts.asked["transcripts"] += 1
    click_conversation(conversation_id)
    yield (
        lambda: (
            current_id() == conversation_id
            and getattr(messages, "conversation_id", None) == conversation_id
            and messages.rowCount() > 0
            and transcript.isVisible()
        )
    )
    counts.shown["transcripts"] += 1
    rows = messages.rowCount()
    counts.first_page[conversation_id] = [rows, messages.index(rows - 1, 0).data(MessageRoles.TEXT)]
    if not getattr(messages, "has_older", False):
        return
    counts.asked["older_pages"] += 1
    bar = transcript.verticalScrollBar()
    yield lambda: bar.maximum() > 0 or messages.rowCount() > rows  # laid out (or paged in already: a short page)
    if messages.rowCount() == rows:
        bar.setValue(bar.minimum())  # scrolled to the top: the older page comes in
    yield lambda: messages.rowCount() > rows
    counts.shown["older_pages"] += 1


def visit_panels(window: QWidget, counts: LeakCounts) -> Iterator[Waiter]:
    stack = find(QStackedWidget, "panelStack")
    assert isinstance(stack, QStackedWidget)
    for key in (*LEAK_PANELS, "chat"):
        counts.asked["panels"] += 1
        click_panel(key)
        yield lambda k=key: window.current_panel() == k and stack.currentWidget().isVisible()  # type: ignore[attr-defined,misc]
        counts.shown["panels"] += 1


def open_close_dialogs(window: QWidget, counts: LeakCounts) -> Iterator[Waiter]:
    for action_name, class_name in LEAK_DIALOGS:
        action = window.findChild(QAction, action_name)
        assert isinstance(action, QAction), action_name
        counts.asked["dialogs"] += 1
        action.trigger()
        yield lambda c=class_name: dialog_ready(c)  # type: ignore[misc]
        counts.shown["dialogs"] += 1
        dialog = visible_dialog(class_name)
        assert dialog is not None
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        yield lambda c=class_name: visible_dialog(c) is None  # type: ignore[misc]


def leak_cycle(number: int, ids: list[str], window: QWidget, counts: LeakCounts) -> Iterator[Waiter]:
    # Pairs walk the list, so a cycle never starts on the conversation the previous one ended on.
    yield from open_conversation(ids[(2 * number) % len(ids)], counts)
    yield from open_conversation(ids[(2 * number + 1) % len(ids)], counts)
    yield from visit_panels(window, counts)
    if number % 10 == 0:
        yield from open_close_dialogs(window, counts)


def leak_script(cycles: int, warmup: int) -> Iterator[Waiter]:
    yield panel_ready
    window = conversation_list().window()
    # The last panel and the outbox's File-menu entry are added when every feature is built.
    yield (
        lambda: (
            "jobs" in getattr(window, "panel_keys", list)() and window.findChild(QAction, "actionOutbox") is not None
        )
    )
    yield lambda: len(conversation_ids()) >= 2
    ids = conversation_ids()
    counts = LeakCounts()
    for number in range(warmup):
        yield from leak_cycle(number, ids, window, counts)
    before = resident_kb()
    started = time.monotonic()
    counts = LeakCounts()
    for number in range(cycles):
        yield from leak_cycle(number, ids, window, counts)
    after = resident_kb()
    report = {"cycles": cycles, "warmup": warmup, "rss_before_kb": before, "rss_after_kb": after}
    report |= {"seconds": round(time.monotonic() - started, 1), "asked": counts.asked, "shown": counts.shown}
    say(json.dumps(report | {"first_page": counts.first_page}))
    QApplication.quit()


class Driver(QObject):
    """Runs a script of (action; wait-for-condition) steps on a timer, on the GUI thread."""

    def __init__(self, script: Iterator[Waiter], step_ms: int = STEP_MS) -> None:
        super().__init__()
        self._script = script
        self._waiting: Waiter | None = None
        self._deadline = time.monotonic() + TIMEOUT_S
        self._timer = QTimer(self)
        self._timer.setInterval(step_ms)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self._timer.start()

    def _step(self) -> None:
        try:
            while self._waiting is None or self._waiting():
                self._waiting = next(self._script)
                self._deadline = time.monotonic() + TIMEOUT_S
        except StopIteration:
            self._timer.stop()
            return
        except Exception as error:  # a broken step must not look like a hang
            say(f"driver error: {type(error).__name__}: {error}")
            self._timer.stop()
            QApplication.exit(3)
            return
        if time.monotonic() > self._deadline:
            say("driver error: a step did not finish in time")
            self._timer.stop()
            QApplication.exit(4)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--script", choices=("kill", "report", "ask", "connectors", "modules", "leak"), required=True)
    parser.add_argument("--cycles", type=int, default=1000, help="leak: cycles measured")
    parser.add_argument("--warmup", type=int, default=100, help="leak: cycles before the first measure")
    args, app_args = parser.parse_known_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    scripts = {"kill": kill_script, "report": report_script, "ask": ask_script, "modules": modules_script}
    if args.script == "leak":
        driver = Driver(leak_script(args.cycles, args.warmup), step_ms=LEAK_STEP_MS)
    else:
        driver = Driver(connectors_script(app_args) if args.script == "connectors" else scripts[args.script]())
    QTimer.singleShot(0, driver.start)  # runs once the app's loop is running
    if args.script == "modules":
        report_modules_at_ready()
    from vector_desktop.app import main as app_main

    code = app_main(app_args)
    app.processEvents()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
