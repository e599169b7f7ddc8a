"""Fixed-date holidays in questions name the days they fall on, in the latest report's year."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.planning.timerange import find_time_range

LATEST = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        ("双十一那天支付超时了多久？", date(2026, 11, 11), date(2026, 11, 11)),
        ("劳动节期间有哪些告警？", date(2026, 5, 1), date(2026, 5, 5)),
        ("What did on-call see over Christmas?", date(2025, 12, 25), date(2025, 12, 25)),
        ("元旦当天谁在值班？", date(2026, 1, 1), date(2026, 1, 1)),
        ("清明假期有没有发布？", date(2026, 4, 4), date(2026, 4, 6)),
        ("Anything shipped over Qingming?", date(2026, 4, 4), date(2026, 4, 6)),
    ],
)
def test_a_holiday_is_its_days(question: str, first: date, last: date) -> None:
    found = find_time_range(question, LATEST, {})
    assert found is not None and found.days == (first, last)


def test_after_a_holiday_is_open_ended() -> None:
    found = find_time_range("国庆之后上线了什么？", LATEST, {})
    assert found is not None and found.until is None and found.days is not None
    assert found.days[0] == date(2026, 10, 1)


@pytest.mark.parametrize(
    "question", ["清明节之后支付网关进展如何？", "国庆节以后上线了什么？", "五一假期以来有哪些告警？"]
)
def test_the_holiday_word_belongs_to_its_name(question: str) -> None:
    """ "清明节之后": 节 (and 假期) are part of the holiday's name, so the words after it still open
    the period (a pattern stopping at 清明 left "节之后" unread and the question without a time)."""
    found = find_time_range(question, LATEST, {})
    assert found is not None and found.until is None and found.days is not None
    assert found.text.endswith(("之后", "以后", "以来"))


@pytest.mark.parametrize(
    ("question", "week"),
    [
        # Good Friday 2026 is 3 April (Easter Sunday 5 April): the week of its eve
        ("Good Friday 前最后一次周会讲了 AutoFuel 什么？", 202614),
        # 中秋 2026 is Friday 25 September
        ("中秋前夕的周报说了什么？", 202639),
    ],
)
def test_the_report_before_a_movable_feast_is_read_by_its_day(question: str, week: int) -> None:
    found = find_time_range(question, LATEST, {})
    assert found is not None and found.since == found.until == week


def test_a_movable_feast_alone_names_no_period() -> None:
    """`中秋月饼预售页` is a project; only the report before or after the feast makes it a period."""
    assert find_time_range("中秋月饼预售页上线了吗？", LATEST, {}) is None


def test_the_first_issue_after_a_holiday_is_no_series_issue_one() -> None:
    from summarizer.planning.planner import read_question

    kinds = {"issue"}
    after = read_question(
        "国庆节后第一期周报里，贷款核算是什么状态？", latest=date(2025, 11, 14), label_kinds=kinds
    )
    assert after.label is None and after.since == after.until == 202541
    first = read_question("第一期周报里，贷款核算是什么状态？", latest=date(2025, 11, 14), label_kinds=kinds)
    assert first.label == ("issue", 1)
