"""Date expressions resolved against the report date, and which of them are schedule targets."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.targets import classify_dates, pick_target
from index.text.timeexpr import find_dates

FRIDAY = date(2024, 10, 18)  # ISO 2024-W42
LATE_DECEMBER = date(2024, 12, 27)
EARLY_JANUARY = date(2025, 1, 10)


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("预计10/26上线", FRIDAY, "2024-10-26"),
        ("推迟至 11.28", FRIDAY, "2024-11-28"),  # a dotted day after a schedule verb
        ("预计1/15上线", LATE_DECEMBER, "2025-01-15"),  # year rollover forward
        ("12/20上线", EARLY_JANUARY, "2024-12-20"),  # a recent past date stays in the old year
        ("3月15日前完成", FRIDAY, "2025-03-15"),
        ("11月21日上线", FRIDAY, "2024-11-21"),
        ("下周三上线", FRIDAY, "2024-10-23"),  # Wednesday of the week after the report's week
        ("本周五", FRIDAY, "2024-10-18"),
        ("下下周一", FRIDAY, "2024-10-28"),
        ("月底前完成", FRIDAY, "2024-10-31"),
        ("下月初", FRIDAY, "2024-11-05"),
        ("11月底", FRIDAY, "2024-11-30"),
        ("Q3", date(2024, 11, 29), "2025-09-30"),  # Q3 ended long before the report: next year's
        ("Q3", FRIDAY, "2024-09-30"),  # ... but weeks after its end it is the missed one
        ("Q4", FRIDAY, "2024-12-31"),
        ("2025 Q1", FRIDAY, "2025-03-31"),
        ("第一季度", FRIDAY, "2025-03-31"),
        ("年底", FRIDAY, "2024-12-31"),
        ("ETA: Jun 14", FRIDAY, "2025-06-14"),
        ("ETA 2025-06-14", FRIDAY, "2025-06-14"),
        ("due 14 June", FRIDAY, "2025-06-14"),
        ("Oct 30, 2024", FRIDAY, "2024-10-30"),
        ("next Wednesday", FRIDAY, "2024-10-23"),
        ("end of month", FRIDAY, "2024-10-31"),
        ("2024-W45", FRIDAY, "2024-11-08"),
        ("预计1026上线", FRIDAY, "2024-10-26"),
        ("3.15前上线", FRIDAY, "2025-03-15"),
        # a month's K-th week ends on its Friday, week 1 starting on the month's first Monday
        ("计划完成时间：2024年11月第2周", FRIDAY, "2024-11-15"),
        ("11月第1周上线", FRIDAY, "2024-11-08"),
        ("2024年10月第三周", FRIDAY, "2024-10-25"),
    ],
)
def test_dates_resolve_against_the_report_date(text: str, ref: date, expected: str) -> None:
    hits = find_dates(text, ref)
    assert hits, text
    assert hits[0].value.isoformat() == expected


@pytest.mark.parametrize(
    "text",
    [
        "版本7.2发布",
        "v3.1上线",
        "成功率99.5%",
        "耗时1.8s",
        "第43周",
        "成功率提升到 3.5%",
        "降低到 2.5倍",
        "升级到 3.12",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text, FRIDAY) == []


def test_relative_dates_keep_their_text() -> None:
    (hit,) = find_dates("计划下周三上线", FRIDAY)
    assert hit.text == "下周三"


@pytest.mark.parametrize(
    ("text", "field", "target"),
    [
        ("预计10/26上线", False, "2024-10-26"),
        ("10/25前完成", False, "2024-10-25"),
        ("原计划10/26上线，延期至11/9上线", False, "2024-11-09"),  # two dates: the new one counts
        ("上线时间从11/22调整为12/6", False, "2024-12-06"),
        ("提测10/22，预计10/30上线", False, "2024-10-30"),  # the launch over the interim milestone
        ("ETA moved from Jun 14 to Jun 28", False, "2025-06-28"),
        ("Jun 14 → Jun 28", True, "2025-06-28"),
        ("Jun 14", True, "2025-06-14"),  # a target field needs no cue word
        ("launch expected by Nov 15", False, "2024-11-15"),
        ("目标Q4完成", False, "2024-12-31"),
    ],
)
def test_current_target(text: str, field: bool, target: str) -> None:
    chosen = pick_target(classify_dates(text, FRIDAY, target_field=field))
    assert chosen is not None
    assert chosen.hit.value.isoformat() == target


@pytest.mark.parametrize(
    "text",
    [
        "10/16 17:01 监控发现接口报500",  # an incident time, no schedule cue
        "预计下周出结果",  # an expectation, not a delivery
        "数据截至10/15",
    ],
)
def test_dates_without_a_schedule_cue_are_not_targets(text: str) -> None:
    assert pick_target(classify_dates(text, FRIDAY)) is None


@pytest.mark.parametrize(
    ("text", "completed"),
    [("10/16已上线", "2024-10-16"), ("已于10/15上线", "2024-10-15"), ("shipped on Oct 14", "2024-10-14")],
)
def test_completion_dates(text: str, completed: str) -> None:
    roles = classify_dates(text, FRIDAY)
    assert [r.hit.value.isoformat() for r in roles if r.role == "completed"] == [completed]


def test_old_target_is_marked_old() -> None:
    roles = classify_dates("原定10/17上线，新时间待定", FRIDAY)
    assert [(r.hit.text, r.role) for r in roles] == [("10/17", "old")]
