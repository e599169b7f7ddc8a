"""A project name two teams write alike is one project whose timeline is each team's own: a status
question scoped to one team answers from that team's reports only, never from the other's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.ledger.store import Ledger
from summarizer.facts import answers
from summarizer.question import QuestionPlan

from .conftest import open_ledger

REPORTS = {
    "clinic/2025-03-28.md": "# Clinic systems 2025-03-28\n\n## Projects\n\n- Lantern: target 2025-04-22, at risk\n",
    "clinic/2025-04-04.md": "# Clinic systems 2025-04-04\n\n## Projects\n\n- Lantern: target 2025-05-12, at risk\n",
    "depot/2025-09-19.md": "# Depot weekly 2025-09-19\n\n## Projects\n\n- Lantern: target 2025-09-30, on track\n",
    "depot/2025-09-26.md": "# Depot weekly 2025-09-26\n\n## Projects\n\n- Lantern: target 2025-09-30, on track, 90%\n",
}


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    yield from open_ledger(tmp_path, REPORTS)


def test_a_scoped_status_question_reads_its_own_teams_lines(ledger: Ledger, tmp_path: Path) -> None:
    depot = {str(tmp_path / name) for name in REPORTS if name.startswith("depot/")}
    plan = QuestionPlan(
        question="What is the status of Lantern?",
        intent="status",
        projects=["Lantern"],
        series=str(tmp_path / "depot"),
    )
    found = answers.status(plan, ledger)
    assert found is not None and "2025-W39" in found.headline and "2025-05-12" not in found.headline
    assert {c.report for p in found.points for c in p.citations} <= depot


def test_an_unscoped_status_question_reads_every_teams_lines(ledger: Ledger) -> None:
    # a question naming no team (its reports, if any, a period's) keeps the whole timeline
    plan = QuestionPlan(question="What is the status of Lantern?", intent="status", projects=["Lantern"])
    found = answers.status(plan, ledger)
    assert found is not None and any("clinic" in c.report for p in found.points for c in p.citations)
