"""Views over a small two-week ledger: projects, timeline, changes, incidents, metric series."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ledger import views
from index.ledger.store import Ledger

from .conftest import WriteReport, build

WEEK_1 = """
# Payments weekly 2025-03-07

## Projects
- Settlement Engine v2: on track, 40% complete, ETA Mar 28
- Refund Portal: 70% complete, due Mar 14

## Incidents
- P2 2025-03-05 09:30, 20 min: refunds API 502s. Impact: 150 refunds delayed. Cause: bad deploy. Fix: rollback.

## Metrics
- auth success rate: 98.9%
- p95 latency: 210ms
"""

WEEK_2 = """
# Payments weekly 2025-03-14

## Projects
- Settle Engine v2: at risk, 45% complete, ETA Apr 11
- Refund Portal: launched Mar 12
- Chargeback Automation: kickoff, target Q2

## Incidents
- None this week.

## Metrics
- auth success rate: 98.4%
- p95 latency: 260ms
"""


@pytest.fixture
def two_weeks(ledger: Ledger, write_report: WriteReport) -> Ledger:
    return build(ledger, [write_report("2025-03-07.md", WEEK_1), write_report("2025-03-14.md", WEEK_2)])


def test_projects_link_abbreviations(two_weeks: Ledger) -> None:
    found = {p.name: p for p in views.projects(two_weeks)}
    assert found["Settlement Engine v2"].aliases == ["Settle Engine v2"]
    assert found["Settlement Engine v2"].mentions == 2
    assert found["Refund Portal"].status == "launched"


def test_timeline_by_alias(two_weeks: Ledger) -> None:
    line = views.timeline(two_weeks, "settle engine v2")
    assert line.project == "Settlement Engine v2"
    assert [o.progress for o in line.observations] == [40, 45]
    assert {(s.kind, s.week) for s in line.slips} == {
        ("date_moved", "2025-W11"),
        ("status_downgrade", "2025-W11"),
    }


def test_unknown_project(two_weeks: Ledger) -> None:
    with pytest.raises(views.NotInLedger, match="no project"):
        views.timeline(two_weeks, "Mainframe Exit")


def test_changes_between_reports(two_weeks: Ledger) -> None:
    change = views.changes(two_weeks, "2025-W10", "2025-W11")
    assert [p.name for p in change.new_projects] == ["Chargeback Automation"]
    assert [(e.project, e.status) for e in change.finished] == [("Refund Portal", "launched")]
    assert {s.kind for s in change.slipped} == {"date_moved", "status_downgrade"}
    deltas = {d.name: (d.before, d.after, d.delta) for d in change.metric_deltas}
    assert deltas == {"auth success rate": (98.9, 98.4, -0.5), "p95 latency": (210, 260, 50)}
    same = views.changes(two_weeks, "previous", "latest")
    assert same.from_report.endswith("2025-03-07.md") and same.to_report.endswith("2025-03-14.md")


def test_resolve_report_errors(two_weeks: Ledger) -> None:
    with pytest.raises(views.NotInLedger, match="week 2024-W01"):
        views.resolve_report(two_weeks, "2024-W01")
    with pytest.raises(views.NotInLedger):
        views.resolve_report(two_weeks, "nowhere.md")


def test_incidents_and_metric_series(two_weeks: Ledger) -> None:
    (incident,) = views.incidents(two_weeks)
    assert (incident.severity, incident.duration_minutes, incident.impact) == (
        "P2",
        20,
        "150 refunds delayed",
    )
    assert views.incidents(two_weeks, since_week_int=202511) == []
    (series,) = views.metric_series(two_weeks, "p95")
    assert (series.name, series.unit, [p.value for p in series.points]) == ("p95 latency", "ms", [210, 260])
    assert len(views.metric_series(two_weeks)) == 2


def test_launch_judged_against_the_last_target(two_weeks: Ledger) -> None:
    (launch,) = views.launches(two_weeks)
    assert (launch.project, launch.launched_on.isoformat(), launch.verdict) == (
        "Refund Portal",
        "2025-03-12",
        "early",
    )


def test_empty_ledger(ledger: Ledger) -> None:
    assert views.slips(ledger) == [] and views.projects(ledger) == []
    with pytest.raises(views.NotInLedger, match="empty"):
        views.changes(ledger, "previous", "latest")


def test_notes_and_canonical_names(ledger: Ledger, write_report: WriteReport) -> None:
    text = (
        "# Weekly 2025-03-07\n\n## Projects\n- Refund Portal: 70% complete\n\n## Risks\n- Vendor SDK late\n"
    )
    build(ledger, [write_report("a.md", text)])
    assert [(n.kind, n.text) for n in views.notes(ledger)] == [("risk", "Vendor SDK late")]
    assert views.notes(ledger, kind="plan") == []
    assert views.canonical_name(ledger, "refund portal") == "Refund Portal"
    assert views.canonical_name(ledger, "Billing") is None


def test_changes_stay_within_one_series(ledger: Ledger, write_report: WriteReport) -> None:
    team_a = "# A weekly {day}\n\n## Projects\n- Alpha Service: {state}\n"
    team_b = "# B weekly {day}\n\n## Projects\n- Beta Service: {state}\n"
    build(
        ledger,
        [
            write_report("a/1.md", team_a.format(day="2025-03-07", state="60% complete, ETA Mar 21")),
            write_report("b/1.md", team_b.format(day="2025-03-10", state="launched")),
            write_report("a/2.md", team_a.format(day="2025-03-14", state="launched")),
        ],
    )
    change = views.changes(ledger, "previous", "latest")
    assert Path(change.from_report).parent.name == Path(change.to_report).parent.name == "a"
    assert [e.project for e in change.finished] == ["Alpha Service"]
