"""Sprint and version targets pass when the report says a later sprint is active, that sprint
closed, or that version shipped; a version of another major says nothing of them."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.cadence import has_passed, passed_ordinals
from index.ledger.store import Ledger

from .conftest import WriteReport, build


def test_what_a_report_says_is_over(write_report: WriteReport) -> None:
    report = write_report(
        "digest-2025-08-15.md",
        "# Digest — Aug 15, 2025\n\nActive sprint: Sprint 16 · day 5 of 10 (Sprint 15 closed during the break)\n\n"
        "Release calendar: 3.41 shipped August 7. 3.42 ships September 18. fmt 2.0 was released on August 1.\n",
    )
    assert passed_ordinals(report) == {"sprint": [[15]], "version": [[3, 41], [2, 0]]}


def test_a_tagged_version_has_shipped(write_report: WriteReport) -> None:
    report = write_report(
        "minutes-2025-08-15.md",
        "# Minutes — Aug 15, 2025\n\n- 4.2.0 is tagged, artifacts are building. We plan to tag 4.2.1 next week.\n",
    )
    assert passed_ordinals(report) == {"version": [[4, 2, 0]]}


@pytest.mark.parametrize(
    ("order", "reached", "passed"),
    [
        ([15], [[15]], True),
        ([16], [[15]], False),
        ([3, 41], [[3, 41]], True),
        ([3, 42], [[3, 41]], False),
        ([1, 87], [[2, 0]], False),  # another product's major
        ([3, 41], [[3, 41, 1]], False),  # a patch release is compared with patch targets only
    ],
)
def test_has_passed(order: list[int], reached: list[list[int]], passed: bool) -> None:
    assert has_passed(order, reached) is passed


def _digest(day: str, sprint: int, items: str) -> str:
    return f"# Weekly Digest — {day}\n\nActive sprint: Sprint {sprint} · day 5 of 10\n\n## In Progress\n\n{items}\n"


def test_a_sprint_target_goes_overdue_when_a_later_sprint_is_active(
    ledger: Ledger, write_report: WriteReport
) -> None:
    sync = "- [APP-1 Offline sync](https://jira.example.com/browse/APP-1) — target sprint 15\n  - Health: Off Track"
    paused = "- [APP-2 Onboarding](https://jira.example.com/browse/APP-2) — target sprint 15\n  - ⏸ Paused since Jul 11"
    build(
        ledger,
        [
            write_report("a.md", _digest("2025-07-25", 15, f"{sync}\n{paused}")),
            write_report("b.md", _digest("2025-08-15", 16, f"{sync}\n{paused}")),
        ],
    )
    got = [(s.project, s.kind, s.week, s.from_) for s in views.slips(ledger) if s.kind == "overdue"]
    assert got == [("APP-1 Offline sync", "overdue", "2025-W33", "sprint 15")]  # not the paused one
