"""LLM extraction completing a rules ledger on one zoo series, replayed through the real openai client.

Six reports of evals/zoo/reports/email-prose-retail are ingested with `--extract both` against the
replay server over evals/cassettes/, whose extract cassettes hold the hand-written replies in
evals/extract/email-prose-retail.yaml (`python -m evals.cassettes` writes them from real requests).
A stale cassette is a replay miss, so these tests fail when the prompt or the reports change.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from index.ledger import views
from index.outcomes import IngestSummary
from index.verify import Verifier
from summarizer.config import Settings, load_settings
from summarizer.extraction.extractor import ExtractionSummary, ExtractMode, Extractor, ExtractOutcome
from summarizer.llm.connect import open_connection
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SERIES = ROOT / "evals" / "zoo" / "reports" / "email-prose-retail"
FILES = ["2024-01-24", "2024-01-31", "2024-02-07", "2024-02-14", "2024-02-28", "2024-03-06"]


def settings_for(home: Path) -> Settings:
    settings = load_settings(overrides={"home": home}, environ={})
    settings.cassettes = ROOT / "evals" / "cassettes"
    return settings


@dataclass
class Run:
    summary: IngestSummary
    extraction: ExtractionSummary
    requests: int
    """HTTP requests the replay server answered."""


def ingest(workspace: Workspace, paths: list[Path], mode: ExtractMode = "both") -> Run:
    extractor = Extractor(open_connection(workspace.settings, "replay", command="ingest"), mode)
    try:
        summary = ingest_paths(workspace, paths, extractor=extractor)
        server = extractor.connection.replay
        assert server is not None
        assert server.stats.misses == 0, "a stale extract cassette: run python -m evals.cassettes"
        return Run(summary, extractor.summary, server.stats.hits)
    finally:
        extractor.close()


@dataclass
class Series:
    workspace: Workspace
    folder: Path
    first: Run

    def path(self, day: str) -> str:
        return str(self.folder / f"{day}-weekly.txt")

    def outcome(self, day: str) -> ExtractOutcome:
        return next(o for o in self.first.extraction.outcomes if o.path == self.path(day))


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Series]:
    base = tmp_path_factory.mktemp("extract")
    folder = base / "email-prose-retail"
    folder.mkdir()
    for day in FILES:
        shutil.copy(SERIES / f"{day}-weekly.txt", folder)
    workspace = Workspace(settings_for(base / "home"))
    try:
        yield Series(workspace, folder.resolve(), ingest(workspace, [folder]))
    finally:
        workspace.close()


def test_the_model_completes_the_rules_ledger_and_counts_what_it_did(series: Series) -> None:
    totals = series.first.extraction.totals()
    assert totals == {
        "reports": 6,
        "extracted": 5,
        "unchanged": 0,
        "failed": 1,
        # The rules read the prose stock-sync and PCI lines themselves now, and "still on track for
        # the 1st of March" (a cue longer than 16 characters): six of the model's facts are
        # duplicates of theirs rather than additions.
        "facts_added": 7,
        "facts_rejected": 1,
        "conflicts_kept_out": 1,
        "duplicates": 12,
    }
    # 6 reports, one re-ask, and three attempts at the one that never validates.
    assert series.first.requests == 9
    assert not series.first.summary.skipped


def test_the_model_fills_the_week_the_rules_miss_and_the_rules_read_the_slips(series: Series) -> None:
    ledger = series.workspace.ledger
    first_report = series.path("2024-01-24")
    rules = ledger.rules_facts(first_report)
    assert not [o for o in rules.observations if "Warehouse" in o.project], "the rules read it after all"

    timeline = views.timeline(ledger, "Warehouse stock sync")
    first = timeline.observations[0]
    assert (first.week, first.progress, first.source) == ("2024-W04", 20, "llm")
    assert first.target is not None and first.target.isoformat() == "2024-03-15"
    assert first.target_evidence is not None and Verifier().check(first.target_evidence)
    assert [o.progress for o in timeline.observations] == [20, 35, 50, 60, 60, 60]

    # The prose "is now blocking us" and "is still around 60%" are the rules' own reading.
    blocked_report = series.path("2024-02-28")
    slip = next(s for s in views.slips(ledger) if s.project == "Warehouse stock sync")
    assert (slip.kind, slip.week, slip.from_) == ("status_downgrade", "2024-W09", "on track")
    before, after = slip.evidence
    assert (before.report, before.lines) == (series.path("2024-02-07"), (19, 19))
    assert (after.report, after.lines) == (blocked_report, (15, 15))
    assert "the WMS vendor is now blocking us" in after.quote
    assert all(Verifier().check(c) for c in slip.evidence)


def test_a_gap_is_filled_beside_the_rules_fact_of_the_same_report(series: Series) -> None:
    week = views.timeline(series.workspace.ledger, "Loyalty points integration").observations
    feb7 = next(o for o in week if o.week == "2024-W06")
    assert feb7.status == "on_track" and feb7.status_evidence is not None
    assert feb7.target is not None and feb7.target.isoformat() == "2024-03-01"
    assert feb7.target_evidence is not None and feb7.target_evidence.lines == (17, 17)
    paused = [e for e in views.paused_cancelled(series.workspace.ledger) if "Loyalty" in e.project]
    assert paused and paused[0].week == "2024-W07"  # the rules read the pause only in W09


def test_a_fact_whose_quote_is_not_in_the_report_is_rejected_and_reported(series: Series) -> None:
    outcome = series.outcome("2024-01-31")
    assert outcome.status == "extracted"
    assert outcome.rejected == [
        "project 'Store pickup lockers': quote not found in the report:"
        ' "Store pickup lockers went live in 12 stores this week."'
    ]
    names = {p.name for p in views.projects(series.workspace.ledger)}
    assert "Store pickup lockers" not in names


def test_a_rules_fact_is_never_overwritten_by_a_conflicting_model_fact(series: Series) -> None:
    outcome = series.outcome("2024-02-07")
    assert outcome.conflicts == ["Checkout redesign: target 2024-03-15 (rules: 2024-03-31)"]
    checkout = views.timeline(series.workspace.ledger, "Checkout redesign").observations
    feb7 = next(o for o in checkout if o.week == "2024-W06")
    assert feb7.target is not None and feb7.target.isoformat() == "2024-03-31"
    assert feb7.source == "rules"
    moved = [
        s for s in views.slips(series.workspace.ledger) if s.kind == "date_moved" and s.week == "2024-W06"
    ]
    assert [(s.project, s.from_, s.to) for s in moved] == [("Checkout redesign", "2024-03-15", "2024-03-31")]


def test_a_malformed_reply_is_reasked_and_one_that_stays_malformed_fails_only_its_report(
    series: Series,
) -> None:
    reasked = series.outcome("2024-01-24")
    assert (reasked.status, reasked.attempts) == ("extracted", 2)
    failed = series.outcome("2024-03-06")
    assert failed.status == "failed"
    assert failed.reason.startswith("the model's reply was still invalid after 3 attempts")
    # Its rules facts went in as usual.
    rules = series.workspace.ledger.rules_facts(failed.path)
    assert any(o.project == "Express Checkout" and o.status == "at_risk" for o in rules.observations)
    assert series.workspace.ledger.extraction(failed.path) is None


def test_reingesting_extracted_reports_makes_no_call(series: Series) -> None:
    done = [series.folder / f"{day}-weekly.txt" for day in FILES if day != "2024-03-06"]
    again = ingest(series.workspace, done)
    assert again.requests == 0
    assert [o.status for o in again.extraction.outcomes] == ["unchanged"] * 5
    assert again.extraction.totals()["facts_added"] == 0


def test_extract_llm_keeps_only_the_models_facts(tmp_path: Path) -> None:
    folder = tmp_path / "email-prose-retail"
    folder.mkdir()
    shutil.copy(SERIES / "2024-02-28-weekly.txt", folder)
    workspace = Workspace(settings_for(tmp_path / "home"))
    try:
        run = ingest(workspace, [folder], mode="llm")
        source = str((folder / "2024-02-28-weekly.txt").resolve())
        assert run.extraction.outcomes[0].added == 3
        assert workspace.ledger.rules_facts(source).observations == []
        stored = workspace.ledger.load().observations
        assert {o.source for o in stored} == {"llm"}
        assert {o.project for o in stored} == {"Warehouse stock sync", "App 5.0"}
    finally:
        workspace.close()


def test_the_cli_needs_a_model_for_llm_extraction(tmp_path: Path) -> None:
    from summarizer.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SERIES), "--extract", "llm", "--index", str(tmp_path)])
    assert result.exit_code == 2
    assert "--extract llm needs a model: set OPENAI_API_KEY" in result.output
    wrong = runner.invoke(app, ["ingest", str(SERIES), "--extract", "model", "--index", str(tmp_path)])
    assert wrong.exit_code == 2
    assert not (tmp_path / "ledger.sqlite").exists()
