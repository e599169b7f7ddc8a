"""The server path: a real `chroma run` on 127.0.0.1, ingested through `--chroma-url`."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

EXAMPLES = Path(__file__).parents[1] / "examples" / "reports"
pytestmark = pytest.mark.server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def chroma_server(data: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A real `chroma run` on a free loopback port: (url, process)."""
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    log = (data / "server.log").open("w")
    process = subprocess.Popen(
        [chroma, "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={"ANONYMIZED_TELEMETRY": "False", "PATH": str(Path(sys.executable).parent)},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((data / "server.log").read_text()) from None
                time.sleep(0.3)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as (url, _):
        yield url


runner = CliRunner()


def test_ingest_and_query_through_a_chroma_server(chroma_url: str, tmp_path: Path) -> None:
    args = ["--index", str(tmp_path / "home"), "--chroma-url", chroma_url, "--json"]
    result = runner.invoke(app, ["ingest", str(EXAMPLES), *args])
    assert result.exit_code == 0, result.output
    totals = json.loads(result.stdout)["totals"]
    files = sorted(p for p in EXAMPLES.rglob("*") if p.suffix == ".md")
    assert totals["reports"] == len(files) and totals["skipped"] == 0
    assert totals["chunks_added"] > len(files)

    listed = json.loads(runner.invoke(app, ["reports", *args]).stdout)["reports"]
    assert len(listed) == len(files)
    assert sum(r["chunks"] for r in listed) == totals["chunks_added"]
    assert not (tmp_path / "home" / "chroma").exists(), "the server path never touches the embedded store"

    from summarizer.config import load_settings
    from summarizer.workspace import Workspace

    workspace = Workspace(load_settings(overrides={"home": str(tmp_path / "home"), "chroma_url": chroma_url}))
    hits = workspace.store.query(workspace.embedder.embed_query("production incident impact"), 5)
    assert len(hits) == 5
    assert any(meta["kind"] == "incidents" for _, _, meta, _ in hits)

    again = json.loads(runner.invoke(app, ["ingest", str(EXAMPLES), *args]).stdout)["totals"]
    assert again["unchanged"] == len(files) and again["chunks_added"] == 0


def test_a_server_that_dies_mid_ingest_is_one_line_and_exit_6(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 7: httpx.RemoteProtocolError as a traceback. Now the summary of what went in, then
    one line naming the server, exit 6; `ask` against the dead server says the same."""
    from helpers import V1, write_corpus

    from index.ingest import Ingestor

    corpus = write_corpus(tmp_path / "corpus", V1)
    (tmp_path / "server").mkdir()
    with chroma_server(tmp_path / "server") as (url, process):
        real = Ingestor._write_many  # a write group's store and ledger writes: one report each here
        monkeypatch.setattr("index.ingest.EMBED_BATCH_TOKENS", 1)
        monkeypatch.setattr("index.ingest.WRITE_BATCH_CHUNKS", 1)

        def then_die(self: Ingestor, *args: object, **kwargs: object) -> object:
            outcome = real(self, *args, **kwargs)  # type: ignore[arg-type]
            process.kill()  # the server dies after the first report went in
            process.wait()
            return outcome

        monkeypatch.setattr(Ingestor, "_write_many", then_die)
        args = ["--index", str(tmp_path / "home"), "--chroma-url", url, "--json"]
        result = runner.invoke(app, ["ingest", str(corpus), *args])
        assert result.exit_code == 7, result.output
        assert json.loads(result.stdout)["totals"]["added"] == 1
        assert result.stderr.strip().count("\n") == 0
        assert f"the Chroma server at {url} is not reachable" in result.stderr
        asked = runner.invoke(app, ["ask", "How far along is Project Heron?", *args])
        assert asked.exit_code == 7 and "is not reachable" in asked.stderr
