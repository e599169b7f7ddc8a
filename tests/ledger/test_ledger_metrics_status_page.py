"""A status page's figures: told in an incidents section's quiet paragraphs, with a month or a
lead-in before the name, and named at length with a metric's words."""

from __future__ import annotations

from index.ledger import views
from index.ledger.metric_read import read_pairs

from .conftest import Series


def _post(day: int, uptime: str, latency: str, incident: str = "No incidents this week.") -> tuple[str, str]:
    return (
        f"p{day}.md",
        f"# Changelog 2025-06-{day:02d}\n\n## Known issues / incidents\n\n{incident}\n\n{uptime}\n\n{latency}\n",
    )


def test_figures_beside_incidents_are_read_and_the_impact_is_not(series: Series) -> None:
    ledger = series(
        [
            _post(
                6,
                "API uptime for May was 99.98%.",
                "For the record: p99 evaluation latency at the edge was 18 ms.",
            ),
            _post(
                13,
                "June API uptime came in at 99.95%.",
                "p99 evaluation latency at the edge: 21 ms.",
                "On Tuesday 10 June from 14:02 to 14:39 UTC the API returned 503 for 4% of requests.",
            ),
        ]
    )
    by_key = {s.name: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert by_key.get("API uptime") == [99.98, 99.95]
    assert [v for name, v in by_key.items() if "latency" in name] == [[18.0, 21.0]]
    assert not any(4.0 in values for values in by_key.values())  # the incident's impact


def test_a_long_prose_name_needs_a_metric_word() -> None:
    assert [
        p.name for p in read_pairs("p99 flag evaluation latency at the edge was 18 ms this week.", prose=True)
    ] == ["p99 flag evaluation latency at the edge"]
    assert read_pairs("The team that sat in the big room on Monday was 12 people.", prose=True) == []
