"""A roll-up's period from the command line: `--from/--to` and `--last`, as inclusive week ints.

`--from`/`--to` take an ISO week (2024-W41), a date (2024-10-11: its week), a month (2024-10:
its first to its last week) or a quarter (2024-Q4); `--last 4w`/`3m`/`1q` counts back from the
series' latest report. Weeks are the ISO weeks of `index.text.weeks`, the one week helper.
"""

from __future__ import annotations

import datetime as dt
import re

from index.text.timeexpr import month_end
from index.text.weeks import parse_iso_week, shift_weeks, week_int
from summarizer.errors import ConfigError

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.I)
_LAST = re.compile(r"^(\d{1,3})\s*([wmq])$", re.I)


def bounds(text: str, option: str) -> tuple[int, int]:
    """The first and last week a `--from`/`--to` value covers."""
    value = text.strip()
    week = parse_iso_week(value)
    if week is not None:
        w = week[0] * 100 + week[1]
        return w, w
    month = _MONTH.match(value)
    if month and 1 <= int(month[2]) <= 12:
        year, number = int(month[1]), int(month[2])
        return week_int(dt.date(year, number, 1)), week_int(month_end(year, number))
    quarter = _QUARTER.match(value)
    if quarter:
        year, q = int(quarter[1]), int(quarter[2])
        return week_int(dt.date(year, 3 * q - 2, 1)), week_int(month_end(year, 3 * q))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"{option}: '{text}' is not a week (2024-W41), date (2024-10-11), month (2024-10) or quarter (2024-Q4)"
        ) from None
    return week_int(day), week_int(day)


def last(text: str, latest: dt.date) -> tuple[int, int]:
    """`4w` = the latest report's week and the three before it; `3m`/`1q` = back to the same day
    three months earlier."""
    match = _LAST.match(text.strip())
    if not match or int(match[1]) < 1:
        raise ConfigError(f"--last: '{text}' is not a count of weeks, months or quarters (4w, 3m, 1q)")
    count, unit = int(match[1]), match[2].lower()
    end = week_int(latest)
    if unit == "w":
        return shift_weeks(end, -(count - 1)), end
    months = count * (3 if unit == "q" else 1)
    year, month = divmod(latest.year * 12 + latest.month - 1 - months, 12)
    start = dt.date(year, month + 1, min(latest.day, month_end(year, month + 1).day)) + dt.timedelta(days=1)
    return week_int(start), end


def period(
    since: str | None, until: str | None, last_text: str | None, latest: dt.date
) -> tuple[int | None, int | None]:
    """Inclusive week bounds (None for an open end) from the options a user gave."""
    if last_text and (since or until):
        raise ConfigError("use --last or --from/--to, not both")
    if last_text:
        return last(last_text, latest)
    lo = bounds(since, "--from")[0] if since else None
    hi = bounds(until, "--to")[1] if until else None
    if lo is not None and hi is not None and lo > hi:
        raise ConfigError(f"--from {since} is after --to {until}")
    return lo, hi
