"""Report dates from titles: a range gives its end, whatever way it is written."""

from __future__ import annotations

from datetime import date

import pytest

from index.report_date import date_from_text


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
