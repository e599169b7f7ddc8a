"""Dates in facts keep the report's own wording beside the resolved value."""

from __future__ import annotations

from datetime import date

import pytest

from index.schemas import Citation, MetricPoint
from summarizer.facts.common import with_written, written


def _cite(quote: str) -> Citation:
    return Citation(report="r/2025-11-21.md", week="2025-W47", section="进展", lines=(3, 3), quote=quote)


@pytest.mark.parametrize(
    ("day", "quote", "shown"),
    [
        ("2025-11-30", "目标推迟到11月底全量", "2025-11-30 «11月底»"),
        ("2024-10-15", "评审后决定暂定10月15日上线", "2024-10-15 «10月15日»"),
        (date(2025, 5, 9), "Target date: May 16 → May 9", "2025-05-09 «May 9»"),
        ("2025-05-09", "Status: Completed", "2025-05-09"),  # the quote does not write it
        ("2025-05-09", "Target date: May 16", "2025-05-09"),  # another date is not this one
        ("On track", "Status: On track", "On track"),  # a status, not a date
    ],
)
def test_a_date_is_shown_as_its_report_wrote_it(day: str | date, quote: str, shown: str) -> None:
    assert with_written(day, [_cite(quote)]) == shown


def test_the_newest_citation_that_writes_the_date_is_used() -> None:
    cited = [_cite("预计11/30上线"), _cite("目标推迟到11月底")]
    assert with_written("2025-11-30", cited) == "2025-11-30 «11月底»"


@pytest.mark.parametrize(
    ("value", "unit", "quote", "shown"),
    [
        # a unit column's `%` beside a figure written `61.20`: as written, with its unit (it had read 61.2%)
        (61.2, "%", "Online share of bookings|%|61.20", "61.20%"),
        (24.0, "% left", "Error budget: 24% left", "24 % left"),  # a unit the figure carries is not doubled
        (88.0, "min", "| CI time (min) | 88 |", "88 min"),
    ],
)
def test_a_figure_is_shown_as_its_report_wrote_it(value: float, unit: str, quote: str, shown: str) -> None:
    point = MetricPoint(
        name="m", key="m", value=value, unit=unit, report="r/2025-11-21.md", week="2025-W47",
        date=date(2025, 11, 21), evidence=_cite(quote),
    )  # fmt: skip
    assert written(point, unit) == shown
