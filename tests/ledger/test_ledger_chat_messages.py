"""Chat digests: one message per writer, the project in the message's text, emoji statuses."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.chat_messages import message_subject, read_legend
from index.ledger.extract import extract_facts
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.store import Ledger

from .conftest import Series, WriteReport


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Billing Export v3 is moving, QA next.", "Billing Export v3"),
        ("Route Planner on track for 6/12.", "Route Planner"),
        ("Label Printer Fleet at 40%, target end of June.", "Label Printer Fleet"),
        ("Route Planner — merged the sync fix", "Route Planner"),
        ("Pricing Engine hasn't started yet", "Pricing Engine"),
        ("Not blocked anymore, vendor delivered.", None),  # no subject: a status opens it
        ("quick one from me today", None),
    ],
)
def test_message_subject(text: str, expected: str | None) -> None:
    found = message_subject(text)
    assert (found[0] if found else None) == expected


def _digest(day: str, route: str, labels: str) -> str:
    return f"""#team-updates digest
{day}
Legend: :white_check_mark: on track   :warning: at risk   :red_circle: blocked

*@ana* — {route}
• sync rewrite merged, review on 5/20 (just the review slot)

*@ben* — {labels}
• three printers left
"""


def test_each_message_is_its_project_and_its_mark_the_status(write_report: WriteReport) -> None:
    report = write_report(
        "2025-05-16.txt",
        _digest(
            "Friday, May 16, 2025",
            ":white_check_mark: Route Planner on track for 6/12.",
            ":warning: Label Printer Fleet at 40%.",
        ),
    )
    assert read_legend(report) == {
        ":white_check_mark:": "on_track",
        ":warning:": "at_risk",
        ":red_circle:": "blocked",
    }
    facts = {o.project: o for o in extract_facts(report).observations}
    assert set(facts) == {"Route Planner", "Label Printer Fleet"}  # no "@ana", no bullets
    assert facts["Route Planner"].status == "on_track"
    assert facts["Label Printer Fleet"].status == "at_risk"
    assert facts["Label Printer Fleet"].progress == 40


def test_a_mark_turning_amber_is_a_downgrade_and_words_beat_marks(series: Series) -> None:
    ledger: Ledger = series(
        [
            (
                "2025-05-16.txt",
                _digest(
                    "Friday, May 16, 2025",
                    ":white_check_mark: Route Planner on track for 6/12.",
                    ":white_check_mark: Label Printer Fleet at 40%.",
                ),
            ),
            (
                "2025-05-23.txt",
                _digest(
                    "Friday, May 23, 2025",
                    ":white_check_mark: Route Planner went live Tue 5/20 for all depots.",
                    ":warning: Label Printer Fleet at 45%, vendor late.",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert slips == {("Label Printer Fleet", "status_downgrade")}
    assert [launch.project for launch in views.launches(ledger)] == ["Route Planner"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("still targeting end of sprint 14 for go-live", [(14,)]),
        ("slides to end of cycle 9.", [(9,)]),
        ("sprint 14 planning Monday 10:00", []),  # a meeting, no target cue
    ],
)
def test_end_of_a_sprint_is_a_sprint_target(text: str, expected: list[tuple[int, ...]]) -> None:
    assert [target.order for target in find_ordinal_targets(text)] == expected
