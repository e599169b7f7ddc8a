"""All-number days in the order their report writes them: `30/01` and `14/11/2025` can only be day
first, and a report that writes them so means 5 December by its `05/12`."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.signals import find_statuses
from index.ledger.targets import classify_dates, pick_target
from index.text.timeexpr import find_dates, reading_day_first, writes_day_first

REF = date(2025, 11, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("forecast completion 30/01", date(2026, 1, 30)),  # only day first fits
        ("Week ending: 14/11/2025", date(2025, 11, 14)),  # with its year
        ("due 11/14/2025", date(2025, 11, 14)),  # month first, with its year
        ("ships 12/05/25", date(2025, 12, 5)),  # a two-digit year, month first by default
        ("review 1/23", date(2026, 1, 23)),
    ],
)
def test_a_slashed_day_that_fits_one_order_is_read_in_it(text: str, expected: date) -> None:
    assert [h.value for h in find_dates(text, REF)] == [expected]


def test_an_ambiguous_slashed_day_follows_the_reports_order() -> None:
    assert [h.value for h in find_dates("forecast 05/12", REF)] == [date(2026, 5, 12)]
    with reading_day_first(True):
        assert [h.value for h in find_dates("forecast 05/12", REF)] == [date(2025, 12, 5)]
        assert [h.value for h in find_dates("review 1/23", REF)] == [date(2026, 1, 23)]  # still fits one
    assert [h.value for h in find_dates("forecast 05/12", REF)] == [date(2026, 5, 12)]  # and back


@pytest.mark.parametrize(
    ("lines", "day_first"),
    [
        (["Week ending: 14/11/2025", "forecast 05/12"], True),
        (["due 1/30", "forecast 05/12"], False),
        (["progress 2/5, 13/20 tests", "forecast 05/12"], False),  # fractions say nothing
        (["30/01 and 28/11", "but 1/30"], True),  # the majority
    ],
)
def test_a_report_writes_day_first_when_its_unambiguous_days_do(lines: list[str], day_first: bool) -> None:
    assert writes_day_first(lines) is day_first


def test_a_forecast_completion_is_the_target_and_its_baseline_is_not() -> None:
    line = "Block A superstructure – 94% complete – forecast completion 12/12 (baseline 05/12) – Amber"
    with reading_day_first(True):
        target = pick_target(classify_dates(line, REF))
    assert target is not None and target.hit.value == date(2025, 12, 12)
    with reading_day_first(True):
        roles = classify_dates("Façade – forecast Practical Completion 12/12", REF)
    assert [r.hit.value for r in roles if r.role == "target"] == [date(2025, 12, 12)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Façade package – 38% complete – forecast completion 30/01 – Amber", ["at_risk"]),
        ("Site utilities diversion – 65% complete – Red", ["off_track"]),
        ("the nightly build - red", []),  # a build's colour
    ],
)
def test_a_rag_colour_as_a_dashed_field_is_the_status(line: str, expected: list[str]) -> None:
    assert [s.value for s in find_statuses(line)] == expected
