"""`summarizer ingest` / `reports` / `config` through the real CLI: exit codes and JSON output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


@pytest.fixture
def reports(tmp_path: Path, fixtures: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(fixtures / "zh_notion.md", folder / "zh_notion.md")
    shutil.copy(fixtures / "en_blocks.md", folder / "en_blocks.md")
    return folder


def test_ingest_json_and_reports(reports: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = runner.invoke(app, ["ingest", str(reports), "--index", str(home), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["totals"]["added"] == 2 and payload["totals"]["skipped"] == 0
    assert {Path(f["path"]).name for f in payload["files"]} == {"zh_notion.md", "en_blocks.md"}
    listed = json.loads(runner.invoke(app, ["reports", "--index", str(home), "--json"]).stdout)["reports"]
    assert [(r["week"], r["week_label"]) for r in listed] == [("2025-W11", "第12周"), ("2025-W19", "")]
    # Both fixtures list projects with progress or targets: a count of 0 would mean the layout went unread.
    assert all(r["projects_read"] >= 2 for r in listed), listed


def test_one_bad_file_exits_1_and_the_rest_go_in(reports: Path, tmp_path: Path) -> None:
    (reports / "broken.md").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["ingest", str(reports), "--index", str(tmp_path / "h"), "--json"])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["totals"]["reports"] == 2
    skipped = [f for f in payload["files"] if f["status"] == "skipped"]
    assert [Path(f["path"]).name for f in skipped] == ["broken.md"]
    assert "binary" in skipped[0]["reason"]


def test_table_output_names_skipped_files(reports: Path, tmp_path: Path) -> None:
    (reports / "undated.md").write_text("# notes\n\n- a\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(reports), "--index", str(tmp_path / "h")])
    assert result.exit_code == 1
    assert "undated.md" in result.stdout and "no report date" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    bad_date = runner.invoke(app, ["ingest", str(tmp_path), "--date", "yesterday"])
    assert bad_date.exit_code == 2
    bad_config = runner.invoke(app, ["config", "--config", str(tmp_path / "missing.toml")])
    assert bad_config.exit_code == 2


def test_no_wait_fails_fast_when_another_writer_holds_the_lock(reports: Path, tmp_path: Path) -> None:
    from filelock import FileLock

    home = tmp_path / "home"
    home.mkdir()
    with FileLock(str(home / "writer.lock")):
        result = runner.invoke(app, ["ingest", str(reports), "--index", str(home), "--no-wait"])
    assert result.exit_code == 4  # busy: try again later (README: exit codes)
    assert "another ingest" in result.output


def test_config_masks_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-abcdefghijklmnop")
    result = runner.invoke(app, ["config", "--index", str(tmp_path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert "abcdefghijkl" not in result.stdout and data["resolved_engine"] == "openai"
