"""Per-file isolation: one file's surprise is that file's skip reason, never the run's end; the
summary and the lexical index always follow what went in; the verifier drops citations into files
it cannot read (issue: reliability, finding 3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from index import lexical_files
from index.errors import StoreError
from index.lexical_store import lexical_dir
from index.schemas import Citation
from index.verify import Verifier
from summarizer.cli import app
from summarizer.config import load_settings
from summarizer.pipelines.ask import ask
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace

runner = CliRunner()


def write_reports(folder: Path, count: int = 9) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(1, count + 1):
        (folder / f"2025-03-{i:02d}.md").write_text(
            f"# Weekly report 2025-03-{i:02d}\n\n## Progress\n- Project Kestrel{i} shipped milestone {i}\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = write_reports(tmp_path / "reports")
    (folder / "2025-03-10-bom.md").write_bytes(b"\xef\xbb\xbf# Weekly report 2025-03-10\n\n- caf\xe9\n")
    (folder / "2025-03-11-boom.md").write_text("# Weekly report 2025-03-11\n\n- x\n", encoding="utf-8")
    return folder


@pytest.fixture
def boom(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser bug that one file triggers: not an InputError, not an OSError."""
    from index import parallel_load

    real = parallel_load.parse_report

    def parse(doc: Any, source: str, *args: Any) -> Any:
        if "boom" in source:
            raise ZeroDivisionError("a bug this file found")
        return real(doc, source, *args)

    monkeypatch.setattr(parallel_load, "parse_report", parse)


def _lexical_rows(home: Path) -> int:
    workspace = Workspace(load_settings(overrides={"home": home}, environ={}))
    index = lexical_files.load(lexical_dir(home, workspace.store.name))
    assert index is not None
    return len(index.rows)


def test_any_exception_is_one_files_skip_reason_and_the_run_goes_on(
    reports: Path, tmp_path: Path, boom: None
) -> None:
    home = tmp_path / "home"
    result = runner.invoke(app, ["ingest", str(reports), "--index", str(home), "--json"])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    assert payload["totals"]["added"] == 9 and payload["totals"]["skipped"] == 2
    reasons = {Path(f["path"]).name: f["reason"] for f in payload["files"] if f["status"] == "skipped"}
    assert reasons["2025-03-11-boom.md"].startswith("ZeroDivisionError: a bug this file found")
    assert "byte order mark" in reasons["2025-03-10-bom.md"]
    assert payload["error"] is None
    assert _lexical_rows(home) == 9


def test_a_store_failure_stops_the_run_but_the_summary_and_lexical_index_follow_what_went_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.store import VectorStore

    reports = write_reports(tmp_path / "reports")
    real = VectorStore.replace_reports
    calls = {"n": 0}

    def failing(self: VectorStore, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 4:
            raise StoreError("the disk is full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(VectorStore, "replace_reports", failing)
    # a store write per report, so the fourth is the fourth report
    monkeypatch.setattr("index.ingest.EMBED_BATCH_TOKENS", 1)
    monkeypatch.setattr("index.ingest.WRITE_BATCH_CHUNKS", 1)
    home = tmp_path / "home"
    result = runner.invoke(app, ["ingest", str(reports), "--index", str(home), "--json"])
    assert result.exit_code == StoreError.exit_code
    payload = json.loads(result.stdout)
    assert payload["totals"]["added"] == 3
    assert payload["error"] == {"type": "StoreError", "message": "the disk is full"}
    assert "error: the disk is full" in result.stderr
    assert _lexical_rows(home) == 3


def test_the_table_is_printed_before_a_store_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from index.store import VectorStore

    def failing(self: VectorStore, *args: Any, **kwargs: Any) -> Any:
        raise StoreError("the disk is full")

    monkeypatch.setattr(VectorStore, "replace_reports", failing)
    reports = write_reports(tmp_path / "reports", 2)
    result = runner.invoke(app, ["ingest", str(reports), "--index", str(tmp_path / "home")])
    assert result.exit_code == StoreError.exit_code
    assert "ingest ·" in result.stdout and "error: the disk is full" in result.stderr
    assert "Traceback" not in result.output


def test_the_verifier_drops_citations_into_files_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.md"
    good.write_text("# Week 2025-03-14\n\n- shipped the thing\n", encoding="utf-8")
    undecodable = tmp_path / "bad.md"
    undecodable.write_bytes(b"\xef\xbb\xbf# Week 2025-03-14\n\n- caf\xe9 shipped\n")
    locked = tmp_path / "locked.md"
    locked.write_text("# Week 2025-03-14\n\n- shipped the thing\n", encoding="utf-8")

    def cite(path: Path) -> Citation:
        return Citation(report=str(path), week="2025-W11", section="s", lines=(3, 3), quote="shipped")

    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    kept, dropped = Verifier().filter([cite(good), cite(undecodable), cite(locked)])
    assert [c.report for c in kept] == [str(good)] and dropped == 2


def test_ask_drops_citations_into_reports_that_became_undecodable(tmp_path: Path) -> None:
    reports = write_reports(tmp_path / "reports", 3)
    workspace = Workspace(load_settings(overrides={"home": tmp_path / "home"}, environ={}))
    ingest_paths(workspace, [reports])
    before = ask("What did Project Kestrel2 ship?", workspace).answer
    assert before.citations and before.dropped_citations == 0
    for path in reports.iterdir():
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"shipped", b"shipp\xe9d"))
    fresh = Workspace(load_settings(overrides={"home": tmp_path / "home"}, environ={}))
    after = ask("What did Project Kestrel2 ship?", fresh).answer  # raised UnicodeDecodeError before
    assert not after.citations, "no citation into a file the verifier cannot read is shown"
