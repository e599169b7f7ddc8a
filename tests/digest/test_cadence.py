"""When a roll-up goes out with a digest: with the report that closes its period."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.pipelines.digest import closing_periods, period_label, usual_gap


def fridays(*days: str) -> list[dt.date]:
    return [dt.date.fromisoformat(d) for d in days]


@pytest.mark.parametrize(
    ("dates", "cadence", "due"),
    [
        # The last Friday of May closes May: the next report, a week later, is in June.
        (fridays("2025-05-16", "2025-05-23", "2025-05-30"), "month", ["2025-05"]),
        (fridays("2025-05-09", "2025-05-16", "2025-05-23"), "month", []),
        # The first report of June when May's last was missed: May goes out now.
        (fridays("2025-05-16", "2025-06-06"), "month", ["2025-05"]),
        # Monthly reports: each closes its own month and opens a new one after the last.
        (fridays("2025-03-28", "2025-04-25"), "month", ["2025-03", "2025-04"]),
        (fridays("2025-06-13", "2025-06-27"), "quarter", ["2025-Q2"]),
        (fridays("2025-06-06", "2025-06-13"), "quarter", []),
        (fridays("2025-05-30"), "month", ["2025-05"]),  # one report: a weekly cadence assumed
        (fridays("2025-05-16", "2025-05-23", "2025-05-30"), "none", []),
        ([], "month", []),
    ],
)
def test_closing_periods(dates: list[dt.date], cadence: str, due: list[str]) -> None:
    assert closing_periods(dates, cadence) == due  # type: ignore[arg-type]


def test_labels_and_gaps() -> None:
    assert period_label(dt.date(2024, 12, 31), "month") == "2024-12"
    assert period_label(dt.date(2024, 12, 31), "quarter") == "2024-Q4"
    assert usual_gap(fridays("2025-01-03", "2025-01-17", "2025-01-31")) == 14
    assert usual_gap(fridays("2025-01-03")) == 7
