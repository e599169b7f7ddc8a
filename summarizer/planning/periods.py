"""Calendar periods as the reports' weeks: a month, a month part, a quarter as ISO week ints and days.

Apart from the time expressions (`timerange.py`), which find the words, because how a period maps
to weeks is one rule every expression shares: a weekly report is dated at its week's end, so a
period covers the weeks whose Friday falls inside it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from index.text.weeks import shift_weeks, week_int


@dataclass(frozen=True)
class Period:
    """What a time expression resolves to: a week range and, for calendar periods, the days."""

    since: int | None
    until: int | None
    days: tuple[date, date] | None = None


def fridays(start: date, end: date) -> tuple[int, int]:
    """Weeks whose Friday falls in [start, end]: a report dated at its week's end belongs there."""
    first = start + timedelta(days=(4 - start.weekday()) % 7)
    last = end - timedelta(days=(end.weekday() - 4) % 7)
    return week_int(first), week_int(max(first, last))


def month_range(year: int, month: int, months: int = 1) -> Period:
    """`months` calendar months from `month` (a quarter is three), across a year's end when it runs past."""
    end_month = month + months - 1
    end_year, end_month = year + (end_month - 1) // 12, (end_month - 1) % 12 + 1
    first, last = date(year, month, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return Period(*fridays(first, last), days=(first, last))


def part_days(year: int, month: int, part: str) -> tuple[date, date]:
    """The days a month part covers: early/初/上旬 1-10, mid/中/中旬 11-20, late/end/底/末/下旬 21-end,
    the first half/上半月 1-15, the second (last) half/下半月 16-end."""
    end = calendar.monthrange(year, month)[1]
    if "half" in part or part in ("上半月", "下半月"):  # "the first half of August", "8月下半月"
        first = part.startswith(("first", "the first")) or part == "上半月"
        return (
            (date(year, month, 1), date(year, month, 15))
            if first
            else (date(year, month, 16), date(year, month, end))
        )
    if part in ("early", "初", "上旬") or part.startswith(("beginning", "start")):
        return date(year, month, 1), date(year, month, 10)
    if part in ("mid", "中", "中旬"):
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), date(year, month, end)


def year_for_month(month: int, latest: date) -> int:
    """The year of a month named without one: the latest report's, or the year before when that
    month has not come yet by then ("in November" asked of reports ending in March)."""
    return latest.year if month <= latest.month else latest.year - 1


def eve_of(days: tuple[date, date] | None, since: int | None, latest: date, dated: bool) -> int:
    """The week before a period "going into" names begins: the day before its first day, in the
    year whose period is just beginning as the reports end ("heading into Q4" in late September
    is this year's Q4, not last year's, which the bare "Q4" means), unless the question `dated` it.
    """
    if days is None:
        return shift_weeks(since or week_int(latest), -1)
    start = days[0]
    if not dated and start.year < date.max.year and not (start.month == 2 and start.day == 29):
        following = start.replace(year=start.year + 1)  # 29 February has no next year: it stays
        if following - timedelta(days=1) <= latest + timedelta(days=7):
            start = following
    # A period opening early in a week (国庆 on a Tuesday) is preceded by the Friday before it:
    # the week's own report comes after the period has begun.
    back = start.weekday() + 3 if start.weekday() < 3 else 1
    return week_int(start - timedelta(days=back))
