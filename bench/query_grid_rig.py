"""Shared set-up for bench/query_grid.py: a database of the bench's own on the machine's PostgreSQL with a
1,000,000-row table, the Databases panel wired as gui_databases.build_databases wires it (real DatabasesService and
PostgreSQL adapter over a fresh profile, memory keychain, job pool, event bridge, view-model, panel shown offscreen),
the baseline's bare QTableView over a plain psycopg server-side cursor, a watcher for the first frame that shows
rows, and child processes (`vector-desktop db`, `psql`) timed with their peak RSS.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_USER = "postgres"
TABLE = "t"

# id, text, numeric, timestamptz and a nullable text column (a quarter NULL): the types a grid and a CLI meet most.
_CREATE = f"""
CREATE TABLE {TABLE} (
    id bigint PRIMARY KEY,
    label text NOT NULL,
    amount numeric(12, 2) NOT NULL,
    created timestamptz NOT NULL,
    note text
);
INSERT INTO {TABLE}
SELECT n,
       'item ' || n,
       round((n % 100000) * 1.37, 2),
       timestamptz '2026-01-01 00:00:00+00' + n * interval '17 seconds',
       CASE WHEN n % 4 = 0 THEN NULL ELSE 'note ' || md5(n::text) END
FROM generate_series(1, %s) AS n;
"""


# ------------------------------------------------------------------------------------------------ the database


@dataclass(frozen=True)
class BenchDatabase:
    name: str
    rows: int

    def url(self) -> str:
        return f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{self.name}"

    def connect(self, **kwargs: Any) -> Any:
        import psycopg

        return psycopg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=self.name, **kwargs)


def _admin() -> Any:
    import psycopg

    return psycopg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True)


@contextlib.contextmanager
def bench_database(rows: int) -> Iterator[BenchDatabase]:
    """A fresh database holding table `t` with `rows` rows (vacuumed and analyzed), dropped at the end."""
    name = f"vd_bench_grid_{secrets.token_hex(4)}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database = BenchDatabase(name, rows)
    try:
        with database.connect(autocommit=True) as connection:
            connection.execute(_CREATE.replace("%s", str(int(rows))))
            connection.execute(f"VACUUM ANALYZE {TABLE}")
        yield database
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ------------------------------------------------------------------------------------------------ the panel


@dataclass
class PanelRig:
    """The Databases panel over the real service, shown at 1200 x 760, with one query tab on the bench table."""

    core: Any
    service: Any
    pool: Any
    jobs_bridge: Any
    events: Any
    view_model: Any
    exporter: Any
    panel: Any
    connection_id: int

    def new_tab(self) -> Any:
        tab = self.panel.new_editor(self.connection_id)
        if tab is None:
            raise RuntimeError("the panel opened no query tab")
        return tab

    async def close(self) -> None:
        self.panel.close_tabs()
        self.exporter.close()
        self.view_model.close()
        await self.service.close()
        self.jobs_bridge.detach()
        self.pool.shutdown(wait_seconds=10.0)
        self.panel.close()
        self.core.close()


async def build_panel(profile: Path, database: BenchDatabase) -> PanelRig:
    """As gui_databases.build_databases builds the feature (its own window aside), with the connection added
    through the service as the connection dialog does."""
    from tests.support.memory_keyring import MemoryKeyring
    from vector_desktop.core import make_databases, open_core
    from vector_desktop.domain.databases import ConnectionDraft, DatabaseKind, TlsMode
    from vector_desktop.jobs.pool import JobPool
    from vector_desktop.jobs.registry import TaskRegistry
    from vector_desktop.paths import resolve_paths
    from vector_desktop.presentation.databases.databases_events import DatabasesEventBridge
    from vector_desktop.presentation.databases.databases_viewmodel import DatabasesViewModel
    from vector_desktop.presentation.databases.result_export import ResultExporter
    from vector_desktop.presentation.jobs_bridge import JobsBridge
    from vector_desktop.secrets import SecretStore
    from vector_desktop.services.databases.tasks import register_database_tasks
    from vector_desktop.store.job_repository import JobRepository
    from vector_desktop.views.databases.databases_panel import DatabasesPanel

    paths = resolve_paths(profile, environ={})
    core = open_core(paths, environ={}, secrets=SecretStore("vector-desktop-bench", backend=MemoryKeyring()))
    service = make_databases(core)
    await service.open()
    registry = TaskRegistry()
    register_database_tasks(registry, service)
    pool = JobPool(registry, JobRepository(core.store.sessions), workers=2)
    jobs_bridge = JobsBridge()
    jobs_bridge.attach(pool)
    events = DatabasesEventBridge()
    view_model = DatabasesViewModel(service, events=events)
    exporter = ResultExporter(pool, jobs_bridge)
    view_model.reload()
    panel = DatabasesPanel(view_model, exporter)
    panel.resize(1200, 760)
    panel.show()
    draft = ConnectionDraft(
        name="bench",
        kind=DatabaseKind.POSTGRESQL,
        host=PG_HOST,
        port=PG_PORT,
        database=database.name,
        user=PG_USER,
        tls_mode=TlsMode.DISABLE,
        password="",
    )
    config = await service.add(draft)
    view_model.reload()
    return PanelRig(core, service, pool, jobs_bridge, events, view_model, exporter, panel, config.id)


class FirstRowsFrame:
    """When the first frame showing rows in a table view ends, and how many times its viewport painted: an event
    filter sees the viewport's Paint while the model has rows, and a zero timer posted then runs once that repaint
    (the whole window's, and its flush) is over. `arm()` before each run."""

    def __init__(self, view: Any) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        watcher = self
        self._view = view

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watcher.paints += 1
                if (
                    event.type() == QEvent.Type.Paint
                    and watcher.armed
                    and not watcher._pending
                    and watcher._view.model().rowCount() > 0
                ):
                    watcher._pending = True
                    watcher.paint_started = time.perf_counter()
                    QTimer.singleShot(0, watcher._frame_over)
                return False

        self._filter = Filter()
        view.viewport().installEventFilter(self._filter)
        self.armed = False
        self._pending = False
        self.paints = 0  # every Paint of the viewport
        self.paint_started = 0.0
        self.frame_end = 0.0
        self.frame_cpu = 0.0

    def arm(self) -> None:
        self.armed = True
        self._pending = False
        self.paint_started = self.frame_end = 0.0

    def _frame_over(self) -> None:
        self.frame_end = time.perf_counter()
        self.frame_cpu = time.thread_time()
        self.armed = False

    @property
    def done(self) -> bool:
        return self.frame_end > 0


class BareGrid:
    """The baseline: a bare QTableView over a QStandardItemModel in a window of the panel's size, filled with the
    first page of a plain psycopg server-side cursor (a warm connection, on the GUI thread: nothing in between)."""

    def __init__(self, database: BenchDatabase, page: int) -> None:
        from PySide6.QtGui import QStandardItemModel
        from PySide6.QtWidgets import QTableView

        self.page = page
        self.connection = database.connect()
        self.model = QStandardItemModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.resize(1200, 760)
        self.view.show()
        self.watch = FirstRowsFrame(self.view)
        self._cursor: Any = None

    def clear(self) -> None:
        self.model.clear()
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None
        self.connection.rollback()

    def run(self, sql: str) -> int:
        """DECLARE, FETCH the first page, put it in the model (the frame that paints it comes after)."""
        from PySide6.QtGui import QStandardItem

        cursor = self.connection.cursor(name="bench_bare")
        cursor.execute(sql)  # type: ignore[arg-type]
        rows = cursor.fetchmany(self.page)
        self._cursor = cursor
        self.model.setHorizontalHeaderLabels([column.name for column in cursor.description or []])
        for row in rows:
            self.model.appendRow([QStandardItem("NULL" if value is None else str(value)) for value in row])
        return len(rows)

    def close(self) -> None:
        self.clear()
        self.connection.close()
        self.view.close()


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# ------------------------------------------------------------------------------------------------ child processes

# Runs a command with its stdout on /dev/null and prints (wall seconds, peak RSS in kB) as JSON. The launcher is a
# small process of its own: Linux carries the highest RSS across fork and exec, so a child of the bench (Qt loaded)
# would report the bench's size. Timed from just before the spawn to the child's exit.
TIMED_CHILD = """
import json, os, subprocess, sys, time
with open(os.devnull, "wb") as devnull:
    started = time.perf_counter()
    child = subprocess.Popen(sys.argv[1:], stdout=devnull, stdin=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"seconds": elapsed, "peak_kb": usage.ru_maxrss, "code": code}))
"""


def child_env(tmp: Path, write_bytecode: bool = True) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["PYTHONPATH"] = str(ROOT)
    env["XDG_DATA_HOME"] = str(tmp / "xdg")
    if write_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed app: modules load from .pyc, not compiled anew
    return env


def cli(profile: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "vector_desktop", "db", "--profile", str(profile), *args]


def psql(database: BenchDatabase, sql: str) -> list[str]:
    return ["psql", "-X", "-At", "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, "-d", database.name, "-c", sql]


def add_connection(profile: Path, env: dict[str, str], database: BenchDatabase) -> None:
    """`vector-desktop db --profile P add bench URL` (no password: the machine's PostgreSQL trusts 127.0.0.1)."""
    done = subprocess.run(cli(profile, "add", "bench", database.url()), env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"db add failed: {done.stderr.strip()}")


def timed_child(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(seconds, peak RSS in kB) of a command whose output goes to /dev/null."""
    done = subprocess.run(
        [sys.executable, "-c", TIMED_CHILD, *command], env=env, capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0:
        raise RuntimeError(f"the timing launcher failed: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    if report["code"] != 0:
        raise RuntimeError(f"{command[0]} exited with {report['code']}")
    return float(report["seconds"]), int(report["peak_kb"])
