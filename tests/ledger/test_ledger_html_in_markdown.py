"""A Markdown page whose status board is raw HTML on one source line (a docs tool's Git sync): its
rows, sharing the line, are a table's rows, and every citation names that line."""

from __future__ import annotations

from index.ledger import views

from .conftest import Series

_PAGE = """\
# Integrations Weekly #{n} · {day}

## Board

<table><thead><tr><th>Workstream</th><th>Owner</th><th>Status</th><th>Target</th></tr></thead><tbody><tr><td>Label API</td><td>Tom</td><td>{label}</td><td>{label_target}</td></tr><tr><td>Returns Portal</td><td>Priya</td><td>On track</td><td>7/15</td></tr><tr><td>Drop Queue</td><td>Lin</td><td>On track</td><td>8/01</td></tr></tbody></table>

## Notes
- Label API cert renewal in progress.
"""


def test_rows_on_one_line_are_projects_cited_on_that_line(series: Series) -> None:
    ledger = series(
        [
            ("weekly-20.md", _PAGE.format(n=20, day="2025.06.06", label="On track", label_target="6/20")),
            ("weekly-21.md", _PAGE.format(n=21, day="2025.06.13", label="At risk", label_target="7/04")),
        ]
    )
    assert {"Label API", "Returns Portal", "Drop Queue"} <= {p.name for p in views.projects(ledger)}
    slips = [s for s in views.slips(ledger) if s.project == "Label API"]
    assert {s.kind for s in slips} == {"date_moved", "status_downgrade"}
    for slip in slips:
        assert all(c.lines == (5, 5) for c in slip.evidence)
