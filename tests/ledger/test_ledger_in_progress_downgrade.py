"""A tracker's status column moving from `IN PROGRESS` to `AT RISK` is a downgrade: work under way
is the level a risk falls from (a ClickUp list, w24-f); back to `IN PROGRESS` is no slip."""

from __future__ import annotations

from index.ledger import views

from .conftest import Series

_DOC = """# Clinical systems weekly — {day}

| Task | ID | Status | Target |
|---|---|---|---|
| EDC build for study 7 | CS-112 | {status} | 4/4/25 |
| Audit trail dashboard | CS-126 | IN PROGRESS | 5/2/25 |
"""


def test_in_progress_then_at_risk_is_a_downgrade(series: Series) -> None:
    ledger = series(
        [
            ("w1.md", _DOC.format(day="2025-03-14", status="IN PROGRESS")),
            ("w2.md", _DOC.format(day="2025-03-21", status="AT RISK")),
            ("w3.md", _DOC.format(day="2025-03-28", status="IN PROGRESS")),
        ]
    )
    downgrades = [(s.project, s.week) for s in views.slips(ledger) if s.kind == "status_downgrade"]
    assert downgrades == [("EDC build for study 7", "2025-W12")]
