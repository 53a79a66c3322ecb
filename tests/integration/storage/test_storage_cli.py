"""`vector-desktop storage ...` as a child process: output format, exit codes, R2 (moto) and the local backend."""

from __future__ import annotations

import hashlib
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support import fixtures_s3
from tests.support.fixtures_s3 import S3Bucket, closed_port

moto_server = fixtures_s3.moto_server
s3_bucket = fixtures_s3.s3_bucket

REPO_ROOT = Path(__file__).resolve().parents[3]
LS_LINE = re.compile(r"^(?P<key>[^\t]+)\t(?P<size>\d+|-)\t(?P<modified>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|-)$")


def run(
    env: dict[str, str], profile: Path, *args: str, limit_file_size: int | None = None
) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # runs in the child before exec
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        assert limit_file_size is not None
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.run(
        [sys.executable, "-m", "vector_desktop", "storage", "--profile", str(profile), *args],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit if limit_file_size is not None else None,
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, result
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("vector-desktop: ")
    return lines[0]


@pytest.fixture
def r2_env(subprocess_env: dict[str, str], s3_bucket: S3Bucket) -> dict[str, str]:
    return {**subprocess_env, **s3_bucket.env()}


def test_r2_commands(tmp_path: Path, r2_env: dict[str, str], profile_dir: Path, s3_bucket: S3Bucket) -> None:
    assert run(r2_env, profile_dir, "ls").stdout == ""
    report = tmp_path / "été report.txt"
    report.write_text("quarterly numbers", encoding="utf-8")
    photo = tmp_path / "photo one.jpg"
    photo.write_bytes(os.urandom(6 * 1024 * 1024))

    put = run(r2_env, profile_dir, "put", str(report), "docs/été report.txt")
    assert (put.returncode, put.stdout, put.stderr) == (0, "docs/été report.txt\n", "")
    assert run(r2_env, profile_dir, "put", str(photo), "docs/").stdout == "docs/photo one.jpg\n"
    assert run(r2_env, profile_dir, "put", str(report)).stdout == "été report.txt\n"

    top = run(r2_env, profile_dir, "ls").stdout.splitlines()
    assert top[0] == "docs/\t-\t-"
    assert [LS_LINE.match(line)["key"] for line in top] == ["docs/", "été report.txt"]  # type: ignore[index]
    inside = [LS_LINE.match(line) for line in run(r2_env, profile_dir, "ls", "docs/").stdout.splitlines()]
    assert [(m["key"], m["size"]) for m in inside if m] == [
        ("docs/photo one.jpg", str(6 * 1024 * 1024)),
        ("docs/été report.txt", "17"),
    ]
    assert all(m and m["modified"] != "-" for m in inside)
    everything = run(r2_env, profile_dir, "ls", "-r").stdout.splitlines()
    assert [line.split("\t")[0] for line in everything] == [
        "docs/photo one.jpg",
        "docs/été report.txt",
        "été report.txt",
    ]

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    got = run(r2_env, profile_dir, "get", "docs/photo one.jpg", str(downloads))
    assert got.returncode == 0 and got.stdout == f"{downloads / 'photo one.jpg'}\n"
    assert (
        hashlib.sha256((downloads / "photo one.jpg").read_bytes()).digest()
        == hashlib.sha256(photo.read_bytes()).digest()
    )

    url = run(r2_env, profile_dir, "link", "docs/été report.txt").stdout.strip()
    assert url.startswith(s3_bucket.url + "/") and parse_qs(urlsplit(url).query)["X-Amz-Expires"] == ["86400"]
    short = run(r2_env, profile_dir, "link", "docs/été report.txt", "--expires", "60").stdout.strip()
    assert parse_qs(urlsplit(short).query)["X-Amz-Expires"] == ["60"]
    links = run(r2_env, profile_dir, "links")
    assert [line.split("\t")[0] for line in links.stdout.splitlines()] == ["docs/été report.txt"] * 2
    assert "cannot be revoked" in links.stderr

    rm = run(r2_env, profile_dir, "rm", "docs/été report.txt")
    assert (rm.returncode, rm.stdout, rm.stderr) == (0, "", "")
    assert "docs/été report.txt" not in run(r2_env, profile_dir, "ls", "-r").stdout
    assert "use rm -r" in one_line_error(run(r2_env, profile_dir, "rm", "docs/"))
    assert run(r2_env, profile_dir, "rm", "-r", "docs/").returncode == 0

    info = run(r2_env, profile_dir, "info").stdout.splitlines()
    assert info[0] == f"R2: {s3_bucket.name} at 127.0.0.1:{s3_bucket.endpoint.port}"


def test_r2_errors(tmp_path: Path, r2_env: dict[str, str], profile_dir: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    assert "no file named 'missing.txt'" in one_line_error(run(r2_env, profile_dir, "get", "missing.txt", str(dest)))
    assert list(dest.iterdir()) == []
    assert "no file named" in one_line_error(run(r2_env, profile_dir, "rm", "missing.txt"))
    assert "7 days" in one_line_error(run(r2_env, profile_dir, "link", "x", "--expires", str(8 * 86400)))
    usage = run(r2_env, profile_dir, "link", "x", "--expires", "0")
    assert usage.returncode == 2 and "at least 1 second" in usage.stderr
    assert run(r2_env, profile_dir).returncode == 2
    assert "does not exist" in one_line_error(run(r2_env, profile_dir, "put", str(tmp_path / "nope.bin")))

    wrong_bucket = {**r2_env, "R2_BUCKET_NAME": "no-such-bucket-at-all"}
    assert "'no-such-bucket-at-all' does not exist" in one_line_error(run(wrong_bucket, profile_dir, "ls"))
    down = {**r2_env, "R2_ENDPOINT_URL": f"http://127.0.0.1:{closed_port()}"}
    assert "Cannot reach the storage endpoint" in one_line_error(run(down, profile_dir, "ls"))


def test_disk_full_while_downloading_leaves_nothing(
    tmp_path: Path, r2_env: dict[str, str], profile_dir: Path, s3_bucket: S3Bucket
) -> None:
    s3_bucket.client().put_object(Bucket=s3_bucket.name, Key="big.bin", Body=os.urandom(8 * 1024 * 1024))
    dest = tmp_path / "out"
    dest.mkdir()
    # The child may write at most 4 MiB per file (RLIMIT_FSIZE): a real EFBIG from the kernel mid-download.
    result = run(r2_env, profile_dir, "get", "big.bin", str(dest), limit_file_size=4 * 1024 * 1024)
    assert "too large for the disk" in one_line_error(result)
    assert list(dest.iterdir()) == []


def test_local_backend_commands(tmp_path: Path, subprocess_env: dict[str, str], profile_dir: Path) -> None:
    root = profile_dir.resolve() / "data" / "storage"
    assert run(subprocess_env, profile_dir, "info").stdout.splitlines()[0] == f"Local folder: {root}"
    note = tmp_path / "note with spaces.md"
    note.write_text("# hi", encoding="utf-8")
    assert run(subprocess_env, profile_dir, "put", str(note), "notes/ü/note with spaces.md").returncode == 0
    assert (root / "notes" / "ü" / "note with spaces.md").read_text(encoding="utf-8") == "# hi"
    listed = run(subprocess_env, profile_dir, "ls", "notes/ü/").stdout.splitlines()
    assert LS_LINE.match(listed[0]) and listed[0].startswith("notes/ü/note with spaces.md\t4\t")
    link = run(subprocess_env, profile_dir, "link", "notes/ü/note with spaces.md").stdout.strip()
    assert link == (root / "notes" / "ü" / "note with spaces.md").as_uri()
    back = tmp_path / "back.md"
    assert run(subprocess_env, profile_dir, "get", "notes/ü/note with spaces.md", str(back)).returncode == 0
    assert back.read_text(encoding="utf-8") == "# hi"
    for key in ("../escape.md", "/abs.md", "a\\b.md", "tab\there.md"):
        assert "vector-desktop: The name" in one_line_error(run(subprocess_env, profile_dir, "put", str(note), key))
    assert not (profile_dir / "data" / "escape.md").exists()
    assert run(subprocess_env, profile_dir, "rm", "notes/ü/note with spaces.md").returncode == 0
    assert run(subprocess_env, profile_dir, "ls", "-r").stdout == ""
