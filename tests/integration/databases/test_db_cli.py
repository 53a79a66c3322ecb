"""`vector-desktop db ...` against the machine's PostgreSQL and MariaDB: as a child process for what only a process
shows (the keychain file, Ctrl+C, memory of a 1M-row stream, one line on stderr), in-process for the formats."""

from __future__ import annotations

import base64
import csv
import io
import json
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fixtures_databases import DbTarget
from tests.support.fixtures_databases import mysql_target as mysql_target
from tests.support.fixtures_databases import pg_target as pg_target
from tests.support.fixtures_s3 import closed_port
from tests.support.pg_auth_refuser import pg_auth_refuser
from vector_desktop.app import main

REPO_ROOT = Path(__file__).resolve().parents[3]
WAIT_S = 30.0  # a guard against hangs, not a timing assertion
ROW_MB_BOUND = 120  # peak RSS (MB) of `db query` streaming ~130 MB of rows (about 65 MB here)


def run(env: dict[str, str], profile: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vector_desktop", "db", "--profile", str(profile), *args],
        env=env,
        cwd=REPO_ROOT,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str] | tuple[int, str, str], code: int = 1) -> str:
    returncode, stdout, stderr = (
        (result.returncode, result.stdout, result.stderr) if isinstance(result, subprocess.CompletedProcess) else result
    )
    assert returncode == code, result
    assert stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("vector-desktop: ") and lines[0].endswith("."), lines[0]
    return lines[0]


def keychain_text(env: dict[str, str]) -> str:
    """The values in the file keyring (keyrings.alt keeps them base64-encoded)."""
    values = []
    for path in Path(env["XDG_DATA_HOME"]).rglob("keyring_pass.cfg"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("\t") and line.strip():
                values.append(base64.b64decode(line.strip()).decode("utf-8"))
    return "\n".join(values)


def profile_text(profile: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in profile.rglob("*") if p.is_file())


@pytest.fixture
def in_process(profile_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """`vector-desktop db --profile <profile> ...` in this process: (exit code, stdout, stderr)."""
    monkeypatch.delenv("DATABASE_URL", raising=False)

    def call(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["db", "--profile", str(profile_dir), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield call
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_vector", False):  # the app's file handler points into this test's profile
            root.removeHandler(handler)
            handler.close()


def test_connections_on_the_command_line(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    env = subprocess_env
    pg_target.run(
        "CREATE TABLE public.items (id int PRIMARY KEY, label text NOT NULL, price numeric(8,2), tags text[])",
        f"ALTER TABLE public.items OWNER TO {pg_target.user}",
        "INSERT INTO items VALUES (1, 'tea', 2.50, '{hot,drink}'), (2, 'tab\tnew\nline', NULL, NULL)",
    )
    assert (run(env, profile_dir, "ls").stdout, run(env, profile_dir, "ls").returncode) == ("", 0)
    added = run(env, profile_dir, "add", "shop", pg_target.url() + "?sslmode=disable")
    assert added.returncode == 0, added
    target = f"{pg_target.user}@127.0.0.1:5432/{pg_target.database}"
    assert added.stdout == f"db:1\tshop\tpostgresql\t{target}\tread-only\tnever tested\n"
    assert pg_target.password in keychain_text(env)
    assert pg_target.password not in profile_text(profile_dir)

    tested = run(env, profile_dir, "test", "shop")
    assert tested.returncode == 0, tested
    report = dict(line.split("\t", 1) for line in tested.stdout.splitlines())
    assert report["server"].startswith("PostgreSQL") and report["user"] == pg_target.user
    assert (report["tls"], report["can_write"], report["access"]) == ("no", "yes", "read-only")
    [row] = json.loads(run(env, profile_dir, "ls", "--json").stdout)
    assert (row["key"], row["name"], row["last_test_ok"], row["read_only"]) == ("db:1", "shop", True, True)

    assert run(env, profile_dir, "tables", "shop").stdout == "public\titems\ttable\t-\n"
    described = run(env, profile_dir, "describe", "shop", "items").stdout.splitlines()
    assert described[:3] == [
        "column\ttype\tnullable\tdefault\tkey",
        "id\tinteger\tnot null\t-\tPK",
        "label\ttext\tnot null\t-",
    ]

    tsv = run(env, profile_dir, "query", "shop", "SELECT id, label, price, tags FROM items ORDER BY id")
    assert tsv.stdout == 'id\tlabel\tprice\ttags\n1\ttea\t2.50\t["hot","drink"]\n2\ttab\\tnew\\nline\tNULL\tNULL\n'
    by_param = run(env, profile_dir, "query", "shop", "SELECT label FROM items WHERE id = %s", "--param", "1")
    assert by_param.stdout == "label\ntea\n"
    from_stdin = run(env, profile_dir, "query", "shop", "-", "--format", "json", stdin="SELECT id, price FROM items")
    assert [json.loads(line) for line in from_stdin.stdout.splitlines()] == [
        {"id": 1, "price": "2.50"},
        {"id": 2, "price": None},
    ]

    removed = run(env, profile_dir, "rm", "shop")
    assert (removed.returncode, removed.stdout, removed.stderr) == (0, "", "")
    assert run(env, profile_dir, "ls").stdout == ""
    assert pg_target.password not in keychain_text(env)


def test_writes_need_a_writable_connection(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    env = subprocess_env
    pg_target.run("CREATE TABLE notes (body text)", f"ALTER TABLE notes OWNER TO {pg_target.user}")
    assert run(env, profile_dir, "add", "reader", pg_target.url()).returncode == 0
    assert run(env, profile_dir, "add", "writer", pg_target.url(), "--writable").returncode == 0
    refused = run(env, profile_dir, "query", "reader", "INSERT INTO notes VALUES (%s)", "--param", "sneaky")
    assert "read-only transaction" in one_line_error(refused)  # the server's own words
    assert pg_target.rows("SELECT count(*) FROM notes") == [(0,)]
    written = run(
        env, profile_dir, "query", "writer", "INSERT INTO notes VALUES (%s), (%s)", "--param", "a", "--param", "b"
    )
    assert (written.returncode, written.stdout) == (0, "INSERT 0 2\n")
    assert pg_target.rows("SELECT body FROM notes ORDER BY body") == [("a",), ("b",)]


def test_every_failure_is_one_line(subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget) -> None:
    env = subprocess_env
    with pg_auth_refuser(pg_target.host, pg_target.port, pg_target.password) as refuser:
        bad = pg_target.url().replace(f":{pg_target.port}/", f":{refuser.port}/").replace("pw-", "not-pw-", 1)
        assert run(env, profile_dir, "add", "bad password", bad).returncode == 0
        line = one_line_error(run(env, profile_dir, "test", "bad password"))
        assert "password" in line.lower() and "not-pw-" not in line
    missing = pg_target.url().rsplit("/", 1)[0] + "/no_such_database_here"
    assert run(env, profile_dir, "add", "missing", missing).returncode == 0
    assert "no_such_database_here" in one_line_error(run(env, profile_dir, "query", "missing", "SELECT 1"))
    assert run(env, profile_dir, "add", "down", f"postgresql://u:pw123456@127.0.0.1:{closed_port()}/db").returncode == 0
    down = one_line_error(run(env, profile_dir, "test", "down"))
    assert "pw123456" not in down
    assert "nope" in one_line_error(run(env, profile_dir, "query", "nope", "SELECT 1"))
    assert run(env, profile_dir, "add", "ok", pg_target.url()).returncode == 0
    syntax = one_line_error(run(env, profile_dir, "query", "ok", "SELEC 1"))
    assert "SELEC" in syntax and "line 1" in syntax
    assert "already" in one_line_error(run(env, profile_dir, "add", "OK", pg_target.url()))
    assert "scheme" in one_line_error(run(env, profile_dir, "add", "x", "localhost/db"))
    assert pg_target.password not in profile_text(profile_dir)


def test_database_url_is_listed_as_default(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    env = {**subprocess_env, "DATABASE_URL": pg_target.url() + "?sslmode=disable"}
    listed = run(env, profile_dir, "ls")
    target = f"{pg_target.user}@127.0.0.1:5432/{pg_target.database}"
    assert listed.stdout == f"db:0\tdefault\tpostgresql (env)\t{target}\tread-only\tnever tested\n"
    assert pg_target.password in keychain_text(env)  # moved to the keychain on first use
    queried = run(env, profile_dir, "query", "default", "SELECT current_user AS who")
    assert queried.stdout == f"who\n{pg_target.user}\n"
    assert "kept for the DATABASE_URL" in one_line_error(run(env, profile_dir, "add", "default", pg_target.url()))
    assert pg_target.password not in profile_text(profile_dir)
    without_password = {**env, "DATABASE_URL": pg_target.url(with_password=False)}
    assert run(without_password, profile_dir, "query", "default", "SELECT 1").returncode == 0
    broken = {**env, "DATABASE_URL": "oracle://scott:tiger99@h/d"}
    line = one_line_error((lambda r: (r.returncode, "", r.stderr))(run(broken, profile_dir, "ls")))
    assert "DATABASE_URL" in line and "tiger99" not in line


# Runs a command and prints its peak RSS (kB) on stderr. A child of this test process would report the test
# process's own size: Linux keeps the highest RSS across fork and exec, so the command starts from a small parent.
PEAK_RSS = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_pid, status, usage = os.wait4(child.pid, 0)
child.returncode = os.waitstatus_to_exitcode(status)
sys.stderr.write(f"peak-rss-kb {usage.ru_maxrss}\\n")
sys.exit(child.returncode)
"""


def test_a_million_rows_stream_with_bounded_memory(
    subprocess_env: dict[str, str], profile_dir: Path, tmp_path: Path, pg_target: DbTarget
) -> None:
    assert run(subprocess_env, profile_dir, "add", "big", pg_target.url()).returncode == 0
    out = tmp_path / "rows.tsv"
    sql = "SELECT g, repeat('x', 120) AS pad FROM generate_series(1, 1000000) g"
    argv = [sys.executable, "-m", "vector_desktop", "db", "--profile", str(profile_dir), "query", "big", sql]
    with out.open("wb") as stream:
        done = subprocess.run(
            [sys.executable, "-c", PEAK_RSS, *argv],
            env=subprocess_env,
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=stream,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert done.returncode == 0, done.stderr
    peak_kb = int(done.stderr.split("peak-rss-kb ")[1].split()[0])
    assert out.stat().st_size > 120 * 1_000_000  # more than the bound below, had it been held in memory
    with out.open("rb") as stream:
        lines = sum(1 for _ in stream)
    assert lines == 1_000_001
    assert peak_kb < ROW_MB_BOUND * 1024, f"peak RSS {peak_kb // 1024} MB"


def test_ctrl_c_cancels_the_statement_on_the_server(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    assert run(subprocess_env, profile_dir, "add", "slow", pg_target.url()).returncode == 0
    sleeping = (
        f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{pg_target.database}' AND state = 'active' "
        "AND application_name = 'Vector Desktop'"  # the statement shows as the cursor's FETCH
    )
    argv = [sys.executable, "-m", "vector_desktop", "db", "--profile", str(profile_dir)]
    child = subprocess.Popen(
        [*argv, "query", "slow", "SELECT pg_sleep(120)"],
        env=subprocess_env,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + WAIT_S
        while pg_target.rows(sleeping) != [(1,)]:
            assert time.monotonic() < deadline and child.poll() is None, "the statement never started"
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=WAIT_S)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 130 and out == "pg_sleep\n"  # the header only
    assert err.strip().splitlines() == ["vector-desktop: interrupted"]
    # Without a cancel the server would sleep on for two minutes after the client left.
    while pg_target.rows(sleeping) != [(0,)]:
        assert time.monotonic() < deadline, "the statement still runs on the server"
        time.sleep(0.05)


def test_output_formats(in_process: object, capsys: pytest.CaptureFixture[str], pg_target: DbTarget) -> None:
    call = in_process  # type: ignore[assignment]
    assert call("add", "local", pg_target.url(), capsys=capsys)[0] == 0  # type: ignore[operator]
    sql = (
        "SELECT 1 AS n, 'é 🐘' AS text, NULL::text AS nothing, '' AS empty, 1.50::numeric AS price, "
        "'{\"a\": [1, 2]}'::jsonb AS doc, '\\x0001ff'::bytea AS raw, true AS yes, "
        "'2026-11-03 09:30:00+00'::timestamptz AS at, '1 day 02:00:00'::interval AS span, "
        "'back\\slash' AS bs, 2 AS n"
    )
    code, out, err = call("query", "local", sql, capsys=capsys)  # type: ignore[operator]
    assert (code, err) == (0, "")
    header, line = out.splitlines()
    assert header == "n\ttext\tnothing\tempty\tprice\tdoc\traw\tyes\tat\tspan\tbs\tn"
    fields = line.split("\t")
    assert fields[:5] == ["1", "é 🐘", "NULL", "", "1.50"]
    assert fields[5] == '{"a":[1,2]}' and fields[6] == "\\\\x0001ff" and fields[7] == "true"
    assert fields[8].startswith("2026-11-03") and fields[10] == "back\\\\slash" and fields[11] == "2"

    code, out, _ = call("query", "local", sql, "--format", "json", capsys=capsys)  # type: ignore[operator]
    [obj] = [json.loads(text) for text in out.splitlines()]
    assert obj["n"] == 1 and obj["n_2"] == 2 and obj["text"] == "é 🐘" and obj["nothing"] is None
    assert obj["empty"] == "" and obj["price"] == "1.50" and obj["doc"] == {"a": [1, 2]}
    assert obj["raw"] == {"$base64": "AAH/"} and obj["yes"] is True and obj["span"] == "P1DT2H"

    code, out, _ = call("query", "local", sql, "--format", "csv", "--no-header", capsys=capsys)  # type: ignore[operator]
    [record] = list(csv.reader(io.StringIO(out)))
    assert record[:5] == ["1", "é 🐘", "", "", "1.50"] and record[6] == "\\x0001ff" and record[10] == "back\\slash"

    _, out, _ = call("query", "local", "SELECT NULL AS a", "--null", "\\N", "--no-header", capsys=capsys)  # type: ignore[operator]
    assert out == "\\N\n"
    _, out, _ = call("query", "local", "SELECT 1 WHERE false", capsys=capsys)  # type: ignore[operator]
    assert out == "?column?\n"
    code, _, err = call("query", "local", "SELECT pg_sleep(5)", "--timeout", "0.3", capsys=capsys)  # type: ignore[operator]
    assert code == 1 and "time" in err.lower()


def test_the_time_limit_setting(
    in_process: object, capsys: pytest.CaptureFixture[str], pg_target: DbTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = in_process  # type: ignore[assignment]
    monkeypatch.setenv("DATABASE_QUERY_TIMEOUT", "1")
    assert call("add", "local", pg_target.url(), capsys=capsys)[0] == 0  # type: ignore[operator]
    code, _, err = call("query", "local", "SELECT pg_sleep(5)", capsys=capsys)  # type: ignore[operator]
    assert code == 1 and "time" in err.lower()
    code, out, _ = call("query", "local", "SELECT pg_sleep(1.5), 'no limit'", "--timeout", "0", capsys=capsys)  # type: ignore[operator]
    assert code == 0 and out.endswith("\tno limit\n")


def test_describe_and_tables_as_json(
    in_process: object, capsys: pytest.CaptureFixture[str], pg_target: DbTarget
) -> None:
    call = in_process  # type: ignore[assignment]
    pg_target.run(
        "CREATE SCHEMA sales",
        "CREATE TABLE sales.customers (id int PRIMARY KEY, email text UNIQUE)",
        "CREATE TABLE sales.orders (id int PRIMARY KEY, customer_id int REFERENCES sales.customers(id))",
        "CREATE VIEW sales.recent AS SELECT * FROM sales.orders",
    )
    assert call("add", "local", pg_target.url(), capsys=capsys)[0] == 0  # type: ignore[operator]
    code, out, _ = call("tables", "local", "--schema", "sales", "--json", capsys=capsys)  # type: ignore[operator]
    assert code == 0
    assert {(t["name"], t["kind"]) for t in json.loads(out)} == {
        ("customers", "table"),
        ("orders", "table"),
        ("recent", "view"),
    }
    code, out, _ = call("describe", "local", "sales.orders", "--json", capsys=capsys)  # type: ignore[operator]
    detail = json.loads(out)
    assert detail["primary_key"] == ["id"] and [c["name"] for c in detail["columns"]] == ["id", "customer_id"]
    [fk] = detail["foreign_keys"]
    assert (fk["columns"], fk["ref_schema"], fk["ref_table"], fk["ref_columns"]) == (
        ["customer_id"],
        "sales",
        "customers",
        ["id"],
    )
    code, out, _ = call("describe", "local", "orders", "--schema", "sales", capsys=capsys)  # type: ignore[operator]
    assert "foreign key\t" in out and "-> sales.customers(id)" in out
    code, _, err = call("describe", "local", "sales.nothing", capsys=capsys)  # type: ignore[operator]
    assert code == 1 and err.count("\n") == 1


def test_history_of_the_command_line(
    in_process: object, capsys: pytest.CaptureFixture[str], pg_target: DbTarget, app_paths: object
) -> None:
    import asyncio

    from vector_desktop.core import make_databases, open_core

    call = in_process  # type: ignore[assignment]
    assert call("add", "local", pg_target.url(), capsys=capsys)[0] == 0  # type: ignore[operator]
    assert call("query", "local", "SELECT generate_series(1, 3)", capsys=capsys)[0] == 0  # type: ignore[operator]

    async def history() -> list[tuple[str, int | None, str]]:
        core = open_core(app_paths, environ={})  # type: ignore[arg-type]
        service = make_databases(core)
        await service.open()
        try:
            return [(h.sql, h.rows, h.origin) for h in await service.history(1)]
        finally:
            await service.close()
            core.close()

    assert asyncio.run(history()) == [("SELECT generate_series(1, 3)", 3, "cli")]


def test_mysql_on_the_command_line(subprocess_env: dict[str, str], profile_dir: Path, mysql_target: DbTarget) -> None:
    env = subprocess_env
    mysql_target.run(
        "CREATE TABLE pets (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, price DECIMAL(8,2))",
        "INSERT INTO pets VALUES (1, 'Rex 🐕', 10.50), (2, 'Tom', NULL)",
    )
    assert run(env, profile_dir, "add", "pets", mysql_target.url().replace("mysql://", "mariadb://")).returncode == 0
    assert mysql_target.password in keychain_text(env) and mysql_target.password not in profile_text(profile_dir)
    rows = run(
        env, profile_dir, "query", "pets", "SELECT name, price FROM pets WHERE id >= %s ORDER BY id", "--param", "1"
    )
    assert rows.stdout == "name\tprice\nRex 🐕\t10.50\nTom\tNULL\n"
    refused = one_line_error(run(env, profile_dir, "query", "pets", "DELETE FROM pets"))
    assert "read" in refused.lower()
    assert mysql_target.rows("SELECT count(*) FROM pets") == [(2,)]
    wrong = mysql_target.url().replace("pw-", "not-pw-", 1)
    assert run(env, profile_dir, "add", "wrong", wrong).returncode == 0
    line = one_line_error(run(env, profile_dir, "test", "wrong"))
    assert "password" in line.lower() and "not-pw-" not in line
