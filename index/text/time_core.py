"""What every date rule shares: the hit a rule produces, the month-name table, the year a date
written without one takes, calendar arithmetic, and `Rules`, the ordered list a rule module
registers its rules in (`timeexpr` tries them in one fixed order).

Its own module so that the rule modules (`time_calendar`, `time_numeric`, `time_relative`,
`time_periods`) and the parser (`timeexpr`) resolve dates the same way without importing each
other.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Bias = Literal["future", "past", "nearest"]
Precision = Literal["day", "week", "month", "quarter", "half", "year"]

# The one month-name table (report dates, ledger targets and questions all read months with it).
MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))


# How an all-number day such as `05/12` is read: month first (the default, as US and Chinese
# reports write it) or day first, as a report that writes `14/11/2025` or `30/01` elsewhere does.
# Set for the length of one report's reading (`reading_day_first`); a figure that can only be read
# one way (`30/01`) is read that way whatever this says.
DAY_FIRST: ContextVar[bool] = ContextVar("day_first", default=False)


@contextmanager
def reading_day_first(day_first: bool) -> Iterator[None]:
    """Read all-number days day first (or month first) inside the block."""
    token = DAY_FIRST.set(day_first)
    try:
        yield
    finally:
        DAY_FIRST.reset(token)


@dataclass(frozen=True)
class DateHit:
    """A date expression found in text: its span, resolved value and how precise it is."""

    start: int
    end: int
    value: date
    text: str
    precision: Precision


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None where the month has no such day (`2/30`)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Taiwan counts its years from 1912 (the Republic of China's year 114 is 2025).
ROC_YEAR_OFFSET = 1911


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def full_year(value: int) -> int:
    """A year as written in full: a two-digit one (`'25`, `MAR 25`, `30JUN25`) is this century's."""
    return value + 2000 if value < 100 else value


def pick_year(make: Callable[[int], date | None], ref: date, bias: Bias) -> date | None:
    """The candidate in ref.year-1..ref.year+1 closest to `ref`, distances weighted by the bias."""
    best: tuple[float, date] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        value = make(year)
        if value is None:
            continue
        days = (value - ref).days
        weight = {"future": 3.0 if days < 0 else 1.0, "past": 3.0 if days > 1 else 1.0, "nearest": 1.0}[bias]
        score = abs(days) * weight
        if best is None or score < best[0]:
            best = (score, value)
    return best[1] if best else None


def forward(make: Callable[[int], date], ref: date, grace_days: int = 30) -> date:
    """The first of this year's or next year's period that has not ended more than a month ago."""
    for year in (ref.year, ref.year + 1):
        value = make(year)
        if value >= ref - timedelta(days=grace_days):
            return value
    return make(ref.year + 1)


Resolver = Callable[[re.Match[str], date, Bias], tuple[date | None, Precision]]
Rule = tuple[re.Pattern[str], Resolver, re.Pattern[str] | None]
"""A rule: its pattern, what a match resolves to, and a pattern every match contains (or None)."""
DIGIT = r"\d"


class Rules:
    """An ordered list of date rules and the decorator that adds to it: the rules of a module are
    tried in the order they are written there."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def rule(self, pattern: str, flags: int = 0, needs: str | None = None) -> Callable[[Resolver], Resolver]:
        """Register a rule. `needs`: a pattern every match of the rule contains (compiled with the
        same flags), searched first: most lines hold no date, and a rule whose pattern opens with
        optional parts or a long alternation costs a try at every character (`季度`, the holidays)."""

        def register(func: Resolver) -> Resolver:
            self.rules.append((re.compile(pattern, flags), func, re.compile(needs, flags) if needs else None))
            return func

        return register
