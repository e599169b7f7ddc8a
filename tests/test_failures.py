"""One clear line and a documented exit code for each way the data directory or the store can
fail (issue: reliability, finding 7); a read-only data directory still answers."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from helpers import V1, write_corpus
from typer.testing import CliRunner

from index.errors import DiskFullError, ReadOnlyError, StoreError
from index.failures import store_failure
from summarizer.cli import app
from summarizer.config import load_settings
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


class Low:
    free = 1024


class Plenty:
    free = 10 * 1024**3


@pytest.mark.parametrize(
    ("raised", "space", "kind", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), Plenty, DiskFullError, "disk is full"),
        (sqlite3.OperationalError("database or disk is full"), Plenty, DiskFullError, "disk is full"),
        (
            RuntimeError("Error in compaction: Failed to apply logs to the metadata segment"),
            Low,
            DiskFullError,
            "full",
        ),
        (
            RuntimeError("Error in compaction: Failed to apply logs to the metadata segment"),
            Plenty,
            StoreError,
            "apply",
        ),
        (PermissionError(errno.EACCES, "Permission denied"), Plenty, ReadOnlyError, "read-only"),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            Plenty,
            ReadOnlyError,
            "read-only",
        ),
        (OSError(errno.EROFS, "Read-only file system"), Plenty, ReadOnlyError, "read-only"),
    ],
    ids=["enospc", "sqlite-full", "chroma-full", "chroma-other", "eacces", "sqlite-ro", "erofs"],
)
def test_local_failures_map_to_one_line_and_an_exit_code(
    raised: Exception, space: type, kind: type, words: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("index.failures.shutil.disk_usage", lambda _: space)
    error = store_failure(raised, "write the vector store", tmp_path, tmp_path)
    assert type(error) is kind and words in str(error) and "\n" not in str(error)
    assert error.exit_code == {DiskFullError: 6, ReadOnlyError: 5, StoreError: 7}[kind]


def test_a_dead_server_is_named() -> None:
    import httpx

    raised = httpx.RemoteProtocolError("Server disconnected without sending a response.")
    error = store_failure(raised, "write the vector store", "http://127.0.0.1:9")
    assert type(error) is StoreError and error.exit_code == 7
    assert "the Chroma server at http://127.0.0.1:9 is not reachable" in str(error)


def test_a_full_disk_mid_ingest_is_one_line_and_exit_5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chromadb.errors import InternalError

    from index.store import VectorStore

    def full(self: VectorStore, *args: Any, **kwargs: Any) -> Any:
        def write(_: Any) -> None:
            raise InternalError("Error in compaction: Failed to apply logs to the metadata segment")

        return self._write(write)

    monkeypatch.setattr(VectorStore, "replace_reports", full)
    monkeypatch.setattr("index.failures.shutil.disk_usage", lambda _: Low)
    corpus = write_corpus(tmp_path / "corpus", V1)
    result = runner.invoke(app, ["ingest", str(corpus), "--index", str(tmp_path / "home"), "--json"])
    assert result.exit_code == 6
    assert json.loads(result.stdout)["error"]["type"] == "DiskFullError"
    assert result.stderr.strip().count("\n") == 0 and "the disk is full" in result.stderr


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 3 MB tmpfs, when this process may mount one (root in a container or VM)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        (mount / "fill").write_bytes(b"\0" * 2_800 * 1024)  # leave ~200 KB
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_is_one_line_and_exit_6(tiny_disk: Path) -> None:
    corpus = ROOT / "examples" / "reports" / "platform-en"
    result = runner.invoke(app, ["ingest", str(corpus), "--index", str(tiny_disk / "home")])
    assert result.exit_code == 6, result.output
    assert result.stderr.strip().count("\n") == 0 and "the disk is full" in result.stderr


def without_write_permission() -> list[str]:
    """A command prefix under which this process cannot write what its mode bits forbid."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: chmod cannot take write permission away")
    drop = "-dac_override"
    return [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}", "--"]


def test_a_read_only_data_directory_still_answers_and_refuses_ingest_in_one_line(tmp_path: Path) -> None:
    prefix = without_write_permission()
    corpus = write_corpus(tmp_path / "corpus", V1)
    home = tmp_path / "home"
    with Workspace(load_settings(overrides={"home": home}, environ={})) as ws:
        ingest_paths(ws, [corpus])
    subprocess.run(["chmod", "-R", "a-w", str(home)], check=True)
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [*prefix, sys.executable, "-m", "summarizer", *args, "--index", str(home)]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            ingest, answer, reports, timeline = pool.map(
                lambda args: run(*args),
                [
                    ("ingest", str(corpus)),
                    ("ask", "How far along is Project Heron?", "--json"),
                    ("reports", "--json"),
                    ("projects", "--json"),
                ],
            )
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(home)], check=True)
    assert ingest.returncode == 5, ingest.stderr
    assert ingest.stderr.strip().count("\n") == 0 and "read-only" in ingest.stderr
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["citations"]
    assert reports.returncode == 0 and len(json.loads(reports.stdout)["reports"]) == 3
    assert timeline.returncode == 0, timeline.stderr
    assert "Traceback" not in ingest.stderr + answer.stderr + reports.stderr + timeline.stderr
