"""Values in any notation as plain numbers, and period-over-period changes."""

from __future__ import annotations

import pytest

from index.text.quantity import as_written, change_in, scaled, signed, ungrouped


@pytest.mark.parametrize(
    ("value", "unit", "after", "expected"),
    [
        (12.3, "万", "", (123000.0, "")),
        (38.9, "万", "元", (389000.0, "元")),
        (1.2, "亿", "", (120000000.0, "")),
        (4.1, "k", " signups", (4100.0, "")),
        (2.5, "M", "", (2500000.0, "")),
        (320.0, "ms", "", (320.0, "ms")),
        (99.9, "%", "", (99.9, "%")),
    ],
)
def test_scaled(value: float, unit: str, after: str, expected: tuple[float, str]) -> None:
    assert scaled(value, unit, after) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("日活11.9万，环比+6.3%", (6.3, "%", "环比")),
        ("环比下降2.1%", (-2.1, "%", "环比")),
        ("同比+12个点", (12.0, "pt", "同比")),
        ("Signups 4.1k (+6% WoW)", (6.0, "%", "WoW")),
        ("WoW −4%", (-4.0, "%", "WoW")),
        ("首单转化率+12%", None),  # a lift without a period is not a change of a metric
        ("进度60%", None),
    ],
)
def test_change_in(text: str, expected: tuple[float, str, str] | None) -> None:
    found = change_in(text)
    assert (found[:3] if found else None) == expected


def test_signed_cells() -> None:
    assert [signed(c) for c in ("+0.8%", "-0.3pt", "3.5%", "−1.2个点", "n/a")] == [
        (0.8, "%"),
        (-0.3, "pt"),
        (3.5, "%"),
        (-1.2, "pt"),
        None,
    ]


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("本周活跃7.4万，环比+2%", 74000, "7.4万"),
        ("Cost per lead $12.50 this week", 12.5, "$12.50"),
        ("Builds: 2,305 in March", 2305, "2,305"),
        ("p99 410ms", 410, "410ms"),
        ("Trials 3.2k", 3200, "3.2k"),
        ("Trials 3.2k", 3100, None),
    ],
)
def test_as_written(text: str, value: float, written: str | None) -> None:
    """The value's own notation in the quote, so an answer reads like the report."""
    assert as_written(text, value) == written


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("39 311", "39311"),  # SI and most of Europe group thousands with a space
        ("1 234 567 km", "1234567 km"),
        ("12 345,5", "12345,5"),
        ("98.2 %", "98.2 %"),  # no group of three: a value and its unit
        ("2024 123", "2024 123"),  # four digits first: two numbers
        ("10 000 / 12 000", "10 000 / 12 000"),  # more than a unit after: text, left alone
        ("Wave 2", "Wave 2"),
    ],
)
def test_a_space_grouped_number_in_a_cell_is_one_number(cell: str, expected: str) -> None:
    assert ungrouped(cell) == expected
