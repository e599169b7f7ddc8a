"""ISO weeks, written once: `2024-W42` (display), `202442` (the int the store filters on), dates.

The report date is the truth and its ISO week is what every filter uses; a report's own week
label ("第43周") may run one ahead of ISO and is kept for display only (FACTS.md).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_ISO = re.compile(r"(\d{4})-?W(\d{1,2})", re.I)
# A week written short before its number: a fiscal or farm week `FW14`, a calendar week `CW14` /
# `KW 14`, `Wk14`; a report's own label as often as an ISO week, read so where labels are.
WEEK_ABBREVIATION = r"(?:FW|CW|KW|W[Kk])"


def week_int(value: date) -> int:
    """202442 for any day of 2024-W42."""
    year, week, _ = value.isocalendar()
    return year * 100 + week


def week_of(value: date) -> str:
    """`2024-W42` for any day of that ISO week."""
    return week_str(week_int(value))


def week_str(value: int) -> str:
    return f"{value // 100}-W{value % 100:02d}"


def week_key(week: str) -> int:
    """`2024-W42` -> 202442."""
    year, number = week.split("-W")
    return int(year) * 100 + int(number)


def monday(value: int) -> date:
    return date.fromisocalendar(value // 100, value % 100, 1)


def shift_weeks(value: int, weeks: int) -> int:
    return week_int(monday(value) + timedelta(weeks=weeks))


def friday_of_iso_week(year: int, week: int) -> date | None:
    try:
        return date.fromisocalendar(year, week, 5)
    except ValueError:
        return None


def previous_friday(value: date) -> date:
    return value - timedelta(days=(value.weekday() - 4) % 7)


def parse_iso_week(text: str) -> tuple[int, int] | None:
    """`2024-W42`, `2024W42` or `202442` as (year, week); None when not a real ISO week."""
    text = text.strip()
    match = _ISO.fullmatch(text) or re.fullmatch(r"(\d{4})(\d{2})", text)
    if not match:
        return None
    year, week = int(match[1]), int(match[2])
    if friday_of_iso_week(year, week) is None:
        return None
    return year, week


def in_weeks(week: str, since: int | None, until: int | None) -> bool:
    """Inside the inclusive range of week ints (None for an open end)."""
    value = week_key(week)
    return (since is None or value >= since) and (until is None or value <= until)
