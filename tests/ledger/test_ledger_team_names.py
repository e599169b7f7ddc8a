"""Two teams writing one name: each team's reports keep their own project for it, and a question
about one team links that team's project."""

from __future__ import annotations

from index.ledger import views
from index.ledger.store import Ledger
from index.schemas import series_of
from summarizer.planning.planner import known_projects, team_projects

from .conftest import WriteReport, build

VENDOR = "# Vendor weekly {day}\n\n## Workstreams\n- BEACON: on hold since 8/25, {pct}% done\n- TIDE: on track, {tide}% done\n"
GROWTH = "# Growth weekly {day}\n\n## Projects\n- Beacon (server-side events): on track, {pct}% done\n- Beacon: target 6/14\n"


def test_a_question_about_one_team_links_its_own_project(ledger: Ledger, write_report: WriteReport) -> None:
    reports = [
        write_report("vendor/w1.md", VENDOR.format(day="2025-09-05", pct=30, tide=40)),
        write_report("vendor/w2.md", VENDOR.format(day="2025-09-12", pct=30, tide=50)),
        write_report("growth/w1.md", GROWTH.format(day="2024-06-07", pct=80)),
        write_report("growth/w2.md", GROWTH.format(day="2024-06-14", pct=90)),
    ]
    build(ledger, reports)
    series = {series_of(r.source).rsplit("/", 1)[-1]: series_of(r.source) for r in ledger.reports()}
    vendor, growth = (
        views.series_projects(ledger, series["vendor"]),
        views.series_projects(ledger, series["growth"]),
    )
    assert vendor and growth and vendor.isdisjoint(growth)
    assert any(c.startswith("BEACON") for c in vendor)
    assert not any(c.startswith("BEACON") for c in growth)
    asked = [p.name for p in team_projects(ledger, known_projects(ledger), series["vendor"])]
    assert sorted(asked) == sorted(vendor)
