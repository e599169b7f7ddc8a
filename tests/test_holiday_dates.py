"""Targets relative to a holiday: its eve, or the first week back, with a week's precision."""

from datetime import date

import pytest

from index.ledger.targets import classify_dates
from index.text.holidays import easter
from index.text.timeexpr import find_dates


@pytest.mark.parametrize(
    ("text", "ref", "value"),
    [
        ("国庆后上线", date(2024, 9, 20), date(2024, 10, 11)),
        ("节后再上", date(2024, 9, 27), date(2024, 10, 11)),  # the holiday at hand: 国庆
        ("春节前完成迁移", date(2024, 1, 12), date(2024, 2, 8)),
        ("the cutover is planned after Easter", date(2024, 3, 1), date(2024, 4, 5)),
        ("ship before Christmas", date(2024, 11, 1), date(2024, 12, 24)),
    ],
)
def test_holiday_edges(text: str, ref: date, value: date) -> None:
    assert [(hit.value, hit.precision) for hit in find_dates(text, ref)] == [(value, "week")]


@pytest.mark.parametrize(
    "text", ["春节前后一直在修", "这个环节后面再说", "第3节后休息", "Christmas party", "节后开会"]
)
def test_no_holiday_target(text: str) -> None:
    ref = date(2024, 9, 27)
    assert not [r for r in classify_dates(text, ref) if r.role == "target"]


def test_bare_holiday_far_from_any_is_no_date() -> None:
    assert find_dates("节后再上", date(2024, 6, 20)) == []


def test_easter() -> None:
    assert [easter(y) for y in (2024, 2025, 2026)] == [date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5)]


def test_target_after_a_holiday() -> None:
    roles = classify_dates("库存预警节后再上线", date(2024, 9, 27))
    assert [(r.hit.value, r.role) for r in roles] == [(date(2024, 10, 11), "target")]
