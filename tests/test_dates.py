"""Report dates from titles: a range gives its end, whatever way it is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.report_date import date_from_text
from index.text.timeexpr import find_dates, with_weekdays


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("# 第43周 2023-10-20", date(2023, 10, 20)),
        ("# 第43周 2023-10-16 至 2023-10-20", date(2023, 10, 20)),
        ("周报 2025.4.21-4.25", date(2025, 4, 25)),  # the range's end, month repeated
        ("2025-03-10 ~ 14 周报", date(2025, 3, 14)),  # the range's end, day only
        ("## 2025年4月第4周（4.21 - 4.25）", date(2025, 4, 25)),  # a yearless range, the year elsewhere
        ("Weekly 2025-05-30 - 3 incidents", date(2025, 5, 30)),  # a count is not a range end
        ("2025年5月", date(2025, 5, 31)),
    ],
)
def test_title_dates(title: str, expected: date) -> None:
    found = date_from_text(title)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Release to series KW22", date(2025, 5, 30), "week"),  # a German calendar week: its Friday
        ("SOP KW 27/2025", date(2025, 7, 4), "week"),
        ("target CW22", date(2025, 5, 30), "week"),
        ("PPAP approval 05/2025", date(2025, 5, 31), "month"),  # a month with its year: its end
        ("launch 2025/05", date(2025, 5, 31), "month"),
    ],
)
def test_calendar_weeks_and_numeric_months_are_targets(text: str, value: date, precision: str) -> None:
    hits = find_dates(text, date(2025, 4, 18))
    assert [(h.value, h.precision) for h in hits] == [(value, precision)]


@pytest.mark.parametrize("text", ["firmware v2/2025 branch", "KW", "on 2025/05/12 we"])
def test_a_version_or_a_day_is_no_calendar_week_or_month(text: str) -> None:
    assert all(h.precision == "day" for h in find_dates(text, date(2025, 4, 18)))


def test_a_week_of_the_year_is_a_day_in_a_date_field_only() -> None:
    """`计划完成 | 第25周`: the week's Friday; in running text "Week 6 update" is the series' own
    numbering and stays no day."""
    from index.text.timeexpr import find_field_dates

    ref = date(2025, 6, 6)
    assert [h.value for h in find_field_dates("第25周", ref)] == [date(2025, 6, 20)]
    assert [h.value for h in find_field_dates("Wk 27", ref)] == [date(2025, 7, 4)]
    assert find_dates("Week 6 update: the team shipped", ref) == []


def test_a_dotted_day_opening_a_date_field_with_more_said_after_it() -> None:
    """A relay's target cell: `4.15，50%` is the 15th with its progress, `原定4.10，等法务` the day
    first planned; a figure with its unit (`3.5天`) or a version is no day."""
    from index.text.timeexpr import find_field_dates

    ref = date(2025, 3, 21)
    assert [(h.text, h.value) for h in find_field_dates("4.15，50%", ref)] == [("4.15", date(2025, 4, 15))]
    assert [(h.text, h.value) for h in find_field_dates("原定4.10，等法务", ref)] == [
        ("4.10", date(2025, 4, 10))
    ]
    assert find_field_dates("3.5天", ref) == find_field_dates("v1.2 版本", ref) == []


def test_a_short_month_name_with_its_year_is_that_month() -> None:
    # a target column's `Jan 2026`, a sheet's `SEP-2025`; alone, `Jan` may be a name
    ref = date(2025, 9, 26)
    assert [(h.value, h.precision) for h in find_dates("Jan 2026", ref)] == [(date(2026, 1, 31), "month")]
    assert [h.value for h in find_dates("SEP-2025", ref)] == [date(2025, 9, 30)]
    assert [h.value for h in find_dates("12 Jan 2026", ref)] == [date(2026, 1, 12)]
    assert find_dates("Jan signed it off", ref) == []


def test_week_53_skips_a_year_without_one_instead_of_failing_the_report() -> None:
    """2025 has no ISO week 53: `KW53` and a `第53周` field are 2026's week, not a ValueError that
    skipped the whole report."""
    from index.text.timeexpr import find_field_dates

    ref = date(2025, 6, 1)
    assert [h.value for h in find_dates("SOP KW53", ref)] == [date(2027, 1, 1)]
    assert [h.value for h in find_field_dates("第53周", ref)] == [date(2027, 1, 1)]


def test_a_month_before_a_clock_time_is_not_its_day() -> None:
    # kv-cards-txt-museum (wave 14, read after its end run): "Wed 29 Jan 09:40-11:15" is 29 January at
    # 09:40; reading "Jan 09" dated the incident the 9th and a question about the end of January missed it
    hits = find_dates("INC0048217  Wed 29 Jan 09:40-11:15 (95 min)  P2", date(2025, 1, 31), "past")
    assert [(h.text, h.value) for h in hits] == [("29 Jan", date(2025, 1, 29))]
    assert [h.value for h in find_dates("Jan 9 at 10:00", date(2025, 1, 31), "past")] == [date(2025, 1, 9)]


def test_an_issue_date_beats_the_reporting_period_on_its_line_and_before_it() -> None:
    """A controlled document gives the week it covers and the day it was issued: the report is of
    the day it was issued (written from a blind offshore-wind series, wave 15)."""
    from index.date_labels import labelled_date
    from index.date_places import detect_report_date

    row = "| Reporting period | 17/03/2025 – 23/03/2025 | Issue date | 25/03/2025"
    found = labelled_date(row)
    assert found is not None and str(found.value) == "2025-03-25"
    body = [(1, "Reporting period: 17/03/2025 – 23/03/2025"), (2, "Issue date: 25/03/2025"), (3, "")]
    dated = detect_report_date(None, [], {}, Path("wpr-0033.txt"), body, None)
    assert dated is not None and str(dated.value) == "2025-03-25"
    period_only = detect_report_date(None, [], {}, Path("wpr.txt"), body[:1], None)
    assert period_only is not None and str(period_only.value) == "2025-03-23"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4/12 (周六) 停机窗口", [date(2025, 4, 12)]),  # w23-c: the note once read as 3/22
        ("4/12（周六）", [date(2025, 4, 12)]),
        ("周六 4/12", [date(2025, 4, 12)]),
        ("Monday 19 May", [date(2025, 5, 19)]),
        ("3/28, Fri", [date(2025, 3, 28)]),
        ("4/12 和 周六", [date(2025, 4, 12), date(2025, 3, 22)]),  # a weekday of its own stays one
    ],
)
def test_a_days_own_weekday_is_part_of_it(text: str, expected: list[date]) -> None:
    ref = date(2025, 3, 21)
    assert [hit.value for hit in with_weekdays(text, find_dates(text, ref))] == expected


@pytest.mark.parametrize(
    "text",
    ["Target: Sprint 24.06.", "Target moves to Sprint 24.07.", "Ships with release 25.03", "SOP build 24.2"],
)
def test_a_numbered_sprint_or_build_is_no_day(text: str) -> None:
    # `Sprint 24.06` is sprint 6 of 2024, not 24 June (w43-h read its target move a week late, as a day)
    assert find_dates(text, date(2024, 2, 9)) == []
