"""A list's short quote keeps the day the fact rests on, wherever the sentence writes it."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.facts.common import clip_dated, clip_on


@pytest.mark.parametrize(
    ("text", "day", "kept"),
    [
        # The date past a 40-character cut: the clip reaches it.
        (
            "Dashboard v2 went GA for all customers on Wednesday 23 April, twelve days after the"
            " 11 April date. The saved-view fix held.",
            date(2025, 4, 23),
            "23 April",
        ),
        # The date sentences later: its clause, opened with an ellipsis.
        (
            "Data Centre Exit Wave 2 is complete. The storage vendor shipped a patch last Friday, we"
            " took the bank holiday change window, and the cutover completed on Monday the 5th, eight"
            " days later than planned. There was one knock-on.",
            date(2025, 5, 5),
            "Monday the 5th, eight days later than planned",
        ),
        ("新文档站于3月12日正式切换上线", date(2025, 3, 12), "新文档站于3月12日正式切换上线"),
        # A table row's day far along it: from its cell, not from the row's first cells.
        (
            "P-23 | Meridian scheduler migration | DONE | 14/14 missions | cutover done 23.04. 06:40 UTC"
            " after the vendor patch | GSPlan retired",
            date(2025, 4, 23),
            "…cutover done 23.04.",
        ),
    ],
)
def test_the_day_stays_in_the_quote(text: str, day: date, kept: str) -> None:
    assert kept in clip_dated(text, day)


def test_a_quote_without_the_day_is_clipped_as_before() -> None:
    text = "Status: Completed, handed over to the platform team for operations and on-call."
    assert clip_dated(text, date(2025, 5, 21)) == "Status: Completed, handed over to the…"
    assert clip_on(text, "4.3") == "Status: Completed, handed over to the…"


def test_a_new_incident_in_a_change_list_says_its_level_and_length() -> None:
    from index.schemas import Citation, Incident
    from summarizer.facts.changes import as_told, told

    cited = Citation(report="/r/w22.md", week="2025-W22", section="S", lines=(4, 4), quote="q")
    incident = Incident(
        title="the legacy broker portal was unavailable",
        report="/r/w22.md",
        week="2025-W22",
        date=date(2025, 5, 30),
        severity="P3",
        duration_text="for around 40 minutes",
        evidence=cited,
    )
    assert told(incident) == "the legacy broker portal was unavailable (P3; for around 40 minutes)"
    rate = cited.model_copy(update={"quote": "Straight-through rate 11.8万 this week"})
    assert as_told(118_000, [rate]) == "11.8万"
    assert as_told(3, [rate]) == "3"
