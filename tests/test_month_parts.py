"""Parts of a month written relative to the report, a month's K-th week in English, a month alone."""

from datetime import date

import pytest

from index.text.timeexpr import find_dates

REF = date(2024, 10, 18)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("planned for the second week of November", date(2024, 11, 15), "week"),
        ("aiming for mid next month", date(2024, 11, 15), "month"),
        ("by the middle of next month", date(2024, 11, 15), "month"),
        ("early next month", date(2024, 11, 5), "month"),
        ("the middle of December", date(2024, 12, 15), "month"),
        ("start of January", date(2025, 1, 5), "month"),
        ("by mid-month", date(2024, 10, 15), "month"),
        ("下个月上线", date(2024, 11, 30), "month"),
        ("本月完成", date(2024, 10, 31), "month"),
        ("due next month", date(2024, 11, 30), "month"),
        ("下个月中旬", date(2024, 11, 20), "month"),
    ],
)
def test_month_parts(text: str, value: date, precision: str) -> None:
    hits = find_dates(text, REF)
    assert [(hit.value, hit.precision) for hit in hits] == [(value, precision)]


@pytest.mark.parametrize(
    "text", ["上个月的数据", "每个月对账一次", "this month we shipped two fixes", "本月上线了三个功能"]
)
def test_past_or_recurring_months_are_no_dates(text: str) -> None:
    assert find_dates(text, REF) == []


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("预计11月中下旬上线", date(2024, 11, 30), "month"),  # a span of two parts: by the later
        ("下个月上中旬交付", date(2024, 11, 20), "month"),
        ("本季度内上线", date(2024, 12, 31), "quarter"),
        ("下个季度再排", date(2025, 3, 31), "quarter"),
        ("这季度末交付", date(2024, 12, 31), "quarter"),
    ],
)
def test_month_spans_and_relative_quarters(text: str, value: date, precision: str) -> None:
    hits = find_dates(text, REF)
    assert [(hit.value, hit.precision) for hit in hits] == [(value, precision)]


def test_a_season_is_no_quarter() -> None:
    assert find_dates("这个季节门店客流少", REF) == []
