"""A monday.com board pasted into a weekly mail: item rows with `↳` subitems under them, a
`Timeline` of spans whose end is the item's due day, a dashboard's stats line of `name value`
parts, and an `Updates` section of item comments, which is no project."""

from __future__ import annotations

from index.ledger import views
from index.ledger.mentions import valid_name
from index.ledger.metrics import _stat_line

from .conftest import Series


def test_a_dashboard_line_of_named_figures_is_read_as_metrics() -> None:
    line = "📊 Dashboard (refreshed Fri 07:00): Legality P95 185 ms | Crew app weekly active 73.9% | Open P1/P2 4"
    assert [(p.name, p.value) for p in _stat_line(line)] == [
        ("Legality P95", 185.0),
        ("Crew app weekly active", 73.9),
        ("Open P1/P2", 4.0),
    ]
    assert _stat_line("Owner: Ana | Status: green") == []


def test_an_updates_heading_names_no_project() -> None:
    assert not valid_name("Latest updates (from the item pages)")
    assert valid_name("Update service v2")


_MAIL = """# [CrewSys] weekly board {day}

**Sent:** {sent}

### Asks

- CAB Tuesday: please approve the release.

📊 Dashboard (refreshed Fri 07:00): Legality P95 {p95} ms | Crew app weekly active {active}%

## In flight

| Item | Person | Status | Health | Timeline | Progress |
| --- | --- | --- | --- | --- | --- |
| Pairing Optimizer upgrade | Priya | Working on it | {health} | {timeline} | 55% |
| ↳ Benchmark run | Priya | Working on it | | Mar 17 - Mar 28 | |
| Trip Trade board | Mei | Working on it | On track | Feb 17 - Apr 11 | 35% |
"""


def test_a_board_mail_reads_timeline_ends_and_skips_subitems(series: Series) -> None:
    ledger = series(
        [
            (
                "a.md",
                _MAIL.format(
                    day="2025-03-21",
                    sent="Friday, 21 March 2025 16:40",
                    p95=185,
                    active=73.9,
                    health="On track",
                    timeline="Jan 20 - Apr 25",
                ),
            ),
            (
                "b.md",
                _MAIL.format(
                    day="2025-03-28",
                    sent="Friday, 28 March 2025 16:10",
                    p95=176,
                    active=72.2,
                    health="At risk",
                    timeline="Jan 20 - May 16",
                ),
            ),
        ]
    )
    assert {p.name for p in views.projects(ledger)} == {"Pairing Optimizer upgrade", "Trip Trade board"}
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.project, s.from_, s.to) for s in moved] == [
        ("Pairing Optimizer upgrade", "2025-04-25", "2025-05-16")
    ]
    names = {m.name for m in views.metric_series(ledger)}
    assert {"Legality P95", "Crew app weekly active"} <= names
