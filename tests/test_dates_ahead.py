"""A report dated 2099 is reported, never "the latest week"; `config` never claims an engine this
build does not have (issue: reliability, finding 8)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers import report, write_corpus
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.config import load_settings
from summarizer.pipelines.ask import ask
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace

runner = CliRunner()
CORPUS = {
    "2025-03-07.md": report("2025-03-07", "Project Kite design review done"),
    "2025-03-14.md": report("2025-03-14", "Project Kite build started"),
    "2025-03-21.md": report("2025-03-21", "Project Kite beta shipped"),
    "2099-03-20.md": report("2099-03-20", "Project Kite typo week"),
    "1999-03-19.md": report("1999-03-19", "Project Kite old template"),
}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("summarizer.planning.index_context.today", lambda: date(2026, 1, 5))
    corpus = write_corpus(tmp_path / "corpus", CORPUS)
    result = runner.invoke(app, ["ingest", str(corpus), "--index", str(tmp_path / "home"), "--json"])
    assert result.exit_code == 0, result.output  # they went in: warnings are not skips
    payload = json.loads(result.stdout)
    dated = [w for w in payload["warnings"] if w["date"]]  # a folder's coverage warning has none
    assert {Path(w["path"]).name: w["date"] for w in dated} == {
        "2099-03-20.md": "2099-03-20",
        "1999-03-19.md": "1999-03-19",
    }
    assert "more than a year after today" in dated[0]["message"] + dated[1]["message"]
    return tmp_path / "home"


def test_suspicious_dates_are_warned_about_in_the_table_too(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {"2099-03-20.md": CORPUS["2099-03-20.md"]})
    result = runner.invoke(app, ["ingest", str(corpus), "--index", str(tmp_path / "home")])
    assert result.exit_code == 0 and "warning:" in result.stdout and "2099-03-20" in result.stdout


def test_relative_questions_anchor_on_the_latest_report_not_in_the_future(home: Path) -> None:
    with Workspace(load_settings(overrides={"home": home}, environ={})) as ws:
        answer = ask("What happened in the latest report?", ws).answer
        assert (answer.plan.since, answer.plan.until) == ("2025-W12", "2025-W12")
        assert all("2099" not in c.report for c in answer.citations)
        last_week = ask("What happened last week?", ws).answer
        assert (last_week.plan.since, last_week.plan.until) == ("2025-W11", "2025-W11")


def test_a_series_with_only_future_reports_keeps_its_own_latest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("summarizer.planning.index_context.today", lambda: date(2026, 1, 5))
    corpus = write_corpus(tmp_path / "corpus", {"2099-03-20.md": CORPUS["2099-03-20.md"]})
    with Workspace(load_settings(overrides={"home": tmp_path / "home"}, environ={})) as ws:
        ingest_paths(ws, [corpus])
        answer = ask("What happened in the latest report?", ws).answer
        assert answer.plan.until == "2099-W12"
