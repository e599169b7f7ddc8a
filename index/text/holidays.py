"""Holidays by name, and the days they span in a given year: the one table the time parsers share.

Fixed-date holidays (双11, 元旦, Christmas) are exact; 清明 (a solar term on Apr 4 or 5), 五一 and
国庆 are the usual statutory spans, approximate because the official days shift a little each
year. Movable feasts need a calendar: Easter by the Gregorian computus, Thanksgiving (US) as the
fourth Thursday of November, and the two lunar ones (春节, 中秋) from a table of their days, which
holds the years reports are written in; outside it they are not read at all. "节"/"假期" belong
to the name, so "清明节之后" and "国庆假期前" read whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

# Lunar New Year's Day and the Mid-Autumn Festival, by Gregorian year.
_SPRING_FESTIVAL = {
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
    2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}  # fmt: skip
_MID_AUTUMN = {
    2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29), 2024: (9, 17), 2025: (10, 6),
    2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22), 2030: (9, 12),
}  # fmt: skip

Span = tuple[date, date]


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _fixed(start: tuple[int, int], end: tuple[int, int]) -> Callable[[int], Span | None]:
    return lambda y: (date(y, *start), date(y, *end))


def _lunar(table: dict[int, tuple[int, int]], before: int, after: int) -> Callable[[int], Span | None]:
    def span(year: int) -> Span | None:
        if year not in table:
            return None
        day = date(year, *table[year])
        return day - timedelta(days=before), day + timedelta(days=after)

    return span


def _thanksgiving(year: int) -> Span:
    first = date(year, 11, 1)
    day = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return day, day + timedelta(days=1)


# (pattern, the days it spans in a year): fixed-date ones first, as `planning.timerange` reads them.
FIXED_HOLIDAYS: tuple[tuple[str, tuple[int, int], tuple[int, int]], ...] = (
    (r"双\s*(?:11|十一)", (11, 11), (11, 11)),
    (r"双\s*(?:12|十二)", (12, 12), (12, 12)),
    (r"清明(?:节|假期)?|\bQingming(?:\s+Festival)?\b", (4, 4), (4, 6)),
    (r"五一(?:假期)?|劳动节|\bMay\s+Day\b", (5, 1), (5, 5)),
    (r"国庆(?:节|假期|长假)?|National\s+Day\b", (10, 1), (10, 7)),
    (r"元旦|\bNew\s+Year'?s\s+Day\b", (1, 1), (1, 1)),
    (r"圣诞(?:节)?|\bChristmas\b", (12, 25), (12, 25)),
)
HOLIDAYS: tuple[tuple[str, Callable[[int], Span | None]], ...] = (
    *((pattern, _fixed(start, end)) for pattern, start, end in FIXED_HOLIDAYS),
    (r"春节(?:假期|长假)?|过年|\b(?:Chinese|Lunar)\s+New\s+Year\b", _lunar(_SPRING_FESTIVAL, 1, 6)),
    (r"中秋(?:节|假期)?|\bMid-?Autumn(?:\s+Festival)?\b", _lunar(_MID_AUTUMN, 0, 2)),
    # (the days of Easter a question names alone: "the last meeting before Good Friday", w46-e)
    (r"\bGood\s+Fri(?:day)?\b", lambda y: (easter(y) - timedelta(days=2), easter(y) - timedelta(days=2))),
    (r"\bEaster\s+Monday\b", lambda y: (easter(y) + timedelta(days=1), easter(y) + timedelta(days=1))),
    (r"\bEaster\b", lambda y: (easter(y) - timedelta(days=2), easter(y) + timedelta(days=1))),
    (r"\bThanksgiving\b", _thanksgiving),
)
HOLIDAY_NAMES = re.compile("|".join(f"(?P<h{i}>{p})" for i, (p, _) in enumerate(HOLIDAYS)), re.I)


def holiday_span(match: re.Match[str], year: int) -> Span | None:
    """The days the holiday `match` (of `HOLIDAY_NAMES`) spans in `year`."""
    return HOLIDAYS[int((match.lastgroup or "h0")[1:])][1](year)


def nearest_holiday(ref: date, within: int = 31) -> Span | None:
    """The holiday a bare `节后`/`节前` (after/before the holiday) means in a report dated `ref`:
    one under way, just over (two weeks), or starting within `within` days; else None."""
    best: tuple[int, Span] | None = None
    for _, span_of in HOLIDAYS[2:]:  # not the shopping days 双11/双12: no one's "节"
        for year in (ref.year - 1, ref.year, ref.year + 1):
            span = span_of(year)
            if span is None or span[1] - span[0] < timedelta(days=2):
                continue  # a one-day holiday is no 假期 a "节后" counts from
            if span[1] >= ref - timedelta(days=14) and span[0] <= ref + timedelta(days=within):
                distance = abs((span[0] - ref).days)
                if best is None or distance < best[0]:
                    best = (distance, span)
    return best[1] if best else None
