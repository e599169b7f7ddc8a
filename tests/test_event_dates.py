"""Days of past events: bare weekdays are the last such day, dotted and ordinal days in the recent past."""

from __future__ import annotations

from datetime import date

import pytest

from index.text.eventdates import event_dates

WEDNESDAY = date(2024, 1, 31)
FRIDAY = date(2025, 10, 17)


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("Tuesday evening we had an outage", WEDNESDAY, ["2024-01-30"]),  # not next Tuesday
        ("the postmortem on last Tuesday's outage", date(2024, 2, 7), ["2024-01-30"]),
        ("Wednesday morning the queue backed up", WEDNESDAY, ["2024-01-31"]),  # the report's own day
        ("周二故障后", FRIDAY, ["2025-10-14"]),
        ("上周三凌晨", FRIDAY, ["2025-10-08"]),  # 上周 as the one parser reads it
        ("故障复盘：10.14（周二）晚19:40", FRIDAY, ["2025-10-14"]),  # one day, written twice
        ("| 4.9 02:10 | S2 |", date(2025, 4, 11), ["2025-04-09"]),
        ("the promo code incident from the 9th", date(2024, 3, 20), ["2024-03-09"]),
        ("from the 28th", date(2024, 3, 5), ["2024-02-28"]),  # last month's 28th
        ("Feb 25, 09:12–09:59 UTC", date(2025, 2, 28), ["2025-02-25"]),
        ("2025-05-07 21:30 UTC", date(2025, 5, 16), ["2025-05-07"]),
        # a weekday written beside its date is that date, not the last such weekday
        ("On Tuesday 15 July from 21:48 UTC", date(2025, 7, 14), ["2025-07-15"]),
        ("on 15 July (Tuesday) the API", date(2025, 7, 18), ["2025-07-15"]),
        ("Tuesday, and then 15 July", date(2025, 7, 18), ["2025-07-15", "2025-07-15"]),
        ("On Tuesday the 11th, around 01:40 UTC", date(2025, 3, 10), ["2025-03-11"]),
        ("the Sunday 19th outage", date(2025, 1, 28), ["2025-01-19"]),
        # not days: amounts, shares, versions, targets in the future
        ("约6.8万用户，3.1%的请求，App 5.0.1，K8s 1.28，v2.3", date(2025, 2, 10), []),
        ("预计10.24上线", FRIDAY, []),
        ("next Tuesday", FRIDAY, []),
    ],
)
def test_event_dates(text: str, ref: date, expected: list[str]) -> None:
    assert [hit.value.isoformat() for hit in event_dates(text, ref)] == expected
