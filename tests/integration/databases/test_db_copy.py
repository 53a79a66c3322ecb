"""`db query --format text`: PostgreSQL's own text (as psql prints it), streamed with COPY, as a child process against
the machine's PostgreSQL; the same read-only transaction, history and one-line errors as every query."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.integration.databases.test_db_cli import REPO_ROOT, one_line_error, run
from tests.support.fixtures_databases import DbTarget


def _add(env: dict[str, str], profile: Path, target: DbTarget, *extra: str) -> None:
    added = run(env, profile, "add", "shop", target.url(), *extra)
    assert added.returncode == 0, added.stderr


def psql(target: DbTarget, sql: str) -> str:
    return subprocess.run(
        ["psql", "-h", target.host, "-p", str(target.port), "-U", "postgres", "-d", target.database, "-At", "-c", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_text_is_the_servers_own_text_with_a_header_and_a_null_marker(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    _add(subprocess_env, profile_dir, pg_target)
    sql = (
        "SELECT n, 'row ' || n AS label, (n * 1.5)::numeric(6,2) AS price, NULLIF(n, 2) AS maybe, n > 1 AS big, "
        "'{\"a\": 1}'::jsonb AS doc, E'tab\\there' AS odd FROM generate_series(1, 3) n"
    )
    out = run(subprocess_env, profile_dir, "query", "shop", sql, "--format", "text")
    assert out.returncode == 0, out.stderr
    header, *rows = out.stdout.splitlines()
    assert header == "n\tlabel\tprice\tmaybe\tbig\tdoc\todd"
    assert rows[1] == '2\trow 2\t3.00\tNULL\tt\t{"a": 1}\ttab\\there'
    # Field for field what psql prints (psql's unaligned output separates with | and shows NULL as nothing).
    expected = [line.split("|") for line in psql(pg_target, sql).splitlines()]
    assert [[("" if f == "NULL" else f.replace("\\t", "\t")) for f in row.split("\t")] for row in rows] == expected
    no_header = run(subprocess_env, profile_dir, "query", "shop", "SELECT NULL", "--format", "text", "--no-header",
                    "--null", "")  # fmt: skip
    assert no_header.stdout == "\n"


def test_text_refuses_params_and_statements_copy_cannot_stream(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    pg_target.run("CREATE TABLE notes (body text)", f'ALTER TABLE notes OWNER TO "{pg_target.user}"')
    _add(subprocess_env, profile_dir, pg_target, "--writable")
    with_param = run(subprocess_env, profile_dir, "query", "shop", "SELECT %s", "--param", "1", "--format", "text")
    assert "--format text streams with PostgreSQL's COPY" in one_line_error(with_param)
    insert = run(subprocess_env, profile_dir, "query", "shop", "INSERT INTO notes VALUES ('x')", "--format", "text")
    assert "no --param (use --format tsv otherwise)" in one_line_error(insert)
    assert pg_target.rows("SELECT count(*) FROM notes") == [(0,)]  # nothing ran


def test_text_on_a_read_only_connection_cannot_write(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    pg_target.run("CREATE TABLE notes (body text)", f'ALTER TABLE notes OWNER TO "{pg_target.user}"')
    _add(subprocess_env, profile_dir, pg_target)
    sneaky = "WITH added AS (INSERT INTO notes VALUES ('sneaky') RETURNING body) SELECT * FROM added"
    refused = run(subprocess_env, profile_dir, "query", "shop", sneaky, "--format", "text")
    assert "read-only" in one_line_error(refused)
    assert pg_target.rows("SELECT count(*) FROM notes") == [(0,)]
    ok = run(subprocess_env, profile_dir, "query", "shop", "SELECT 42 AS answer", "--format", "text")
    assert ok.stdout == "answer\n42\n"


def test_a_reader_that_stops_early_is_not_an_error(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    """`db query ... | head -1`: the reader closes the pipe after a line; the command ends quietly, in both the
    server's text and the app's TSV."""
    _add(subprocess_env, profile_dir, pg_target)
    for output in ("text", "tsv"):
        command = [sys.executable, "-m", "vector_desktop", "db", "--profile", str(profile_dir), "query", "shop",
                   "SELECT n, repeat('x', 200) FROM generate_series(1, 200000) n", "--format", output]  # fmt: skip
        with subprocess.Popen(
            command, env=subprocess_env, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as query:
            assert query.stdout is not None and query.stderr is not None
            first = query.stdout.readline()
            query.stdout.close()  # as `head -1` does: the rest of the rows has nowhere to go
            errors = query.stderr.read().decode()
            code = query.wait(60)
        assert code == 0, errors
        assert first.startswith(b"n\t"), first
        assert errors == "", errors
