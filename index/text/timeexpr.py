"""Date expressions in text, resolved against a reference date: the one time-expression parser.

Reports rarely write a year: `10/26`, `3月15日`, `Jun 14`, `下周三`, `月底`, `Q3`. A date without
a year takes the year that puts it closest to the report date, with a bias: targets lean to
the future (a late-December report's `1/15` is next January), incidents to the past. Relative
dates (`下周三` = Wednesday of the week after the report's week) keep their original text.
`dateparser` cannot do the Chinese forms (FACTS.md), hence rules of our own.

The rules live in four modules, one family each, and are tried in this module's `_RULES` order:
`time_calendar` (a date with its month or week number), `time_numeric` (numbers only),
`time_relative` (from the report's week), `time_periods` (quarters, halves, months); what they
share is in `time_core`. Callers import from here.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from index.text.time_calendar import CALENDAR, week_friday
from index.text.time_core import (
    DAY_FIRST,
    MONTH_PATTERN,
    MONTHS,
    Bias,
    DateHit,
    Precision,
    Rule,
    month_end,
    pick_year,
    reading_day_first,
    safe_date,
)
from index.text.time_numeric import NUMERIC, writes_day_first
from index.text.time_periods import PERIODS
from index.text.time_relative import RELATIVE

__all__ = [
    "ANY_DAY",
    "MONTHS",
    "MONTH_PATTERN",
    "Bias",
    "DateHit",
    "Precision",
    "find_dates",
    "find_field_dates",
    "month_end",
    "reading_day_first",
    "with_weekdays",
    "writes_day_first",
]

# A reference day for spotting dates, not resolving them (is there a date in this name, this cell?).
ANY_DAY = date(2000, 1, 3)

# Rule order decides matches: a span one rule claims is closed to the rules after it.
_RULES: list[Rule] = [*CALENDAR.rules, *NUMERIC.rules, *RELATIVE.rules, *PERIODS.rules]


def find_dates(text: str, ref: date, bias: Bias = "future") -> list[DateHit]:
    """Every date expression in `text`, resolved against `ref`, non-overlapping, in text order.

    Rules are tried most specific first; a span claimed by one rule is closed to the others.
    """
    return list(_find_dates(text, ref, bias, DAY_FIRST.get()))


# A numbered sprint, release or build (`Sprint 24.06`, sprint 6 of 2024; `SOP build 24.2`): its number
# is no day, whatever it looks like.
_NUMBERED_STEP = re.compile(
    r"\b(?:sprint|iteration|release|build|version)\s*#?\s*(\d{1,4}(?:\.\d{1,3})+)\.?", re.I
)


# The ledger asks about one line several times (is it a schedule sentence? its targets? is this
# figure a date?), and the ~30 rules are the cost: the answer is a pure function of its arguments.
# The order all-number days are read in (`DAY_FIRST`) is part of the key: the rules read it.
@lru_cache(maxsize=8192)
def _find_dates(text: str, ref: date, bias: Bias, day_first: bool) -> tuple[DateHit, ...]:
    taken = [False] * len(text)
    for step in _NUMBERED_STEP.finditer(text):
        taken[step.start(1) : step.end(1)] = [True] * (step.end(1) - step.start(1))
    hits: list[DateHit] = []
    present: dict[re.Pattern[str], bool] = {}
    for pattern, resolve, needs in _RULES:
        if needs is not None:
            if needs not in present:
                present[needs] = needs.search(text) is not None
            if not present[needs]:
                continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end or any(taken[start:end]):
                continue
            value, precision = resolve(match, ref, bias)
            if value is None:
                continue
            for index in range(start, end):
                taken[index] = True
            hits.append(DateHit(start, end, value, match[0].strip(), precision))
    return tuple(sorted(hits, key=lambda hit: hit.start))


_WEEKDAY_GAP = re.compile(r"[\s,]*(?:the\s+)?", re.I)
# A weekday alone, before its day ("Tue, 6 May", "周六 4/12") or after it as its note ("4/12 (周六)").
_WEEKDAY_NOTE = re.compile(
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(?:周|星期|礼拜)[一二三四五六日天]", re.I
)
# (a short word may stand between the day and its bracketed weekday: `5.18割接（周六）`, w27-h)
_NOTE_GAP = re.compile(r"\s*[(（]?\s*|\s*,\s*|[^\s\d()（）]{1,4}\s*[(（]\s*")


def with_weekdays(text: str, hits: list[DateHit]) -> list[DateHit]:
    """`find_dates`' hits with a weekday written before its day ("Monday 19 May", "Tue, 6 May") or
    after it as its note ("4/12 (周六)") joined into one date, the day's: read alone, the weekday
    resolves to the nearest one, often another week. (A target's reader uses it; incident days keep
    their own reading.)"""
    out: list[DateHit] = []
    for hit in hits:
        previous = out[-1] if out else None
        if (
            previous is not None
            and hit.precision == "day"
            and _WEEKDAY_NOTE.fullmatch(previous.text)
            and _WEEKDAY_GAP.fullmatch(text[previous.end : hit.start])
        ):
            out[-1] = DateHit(
                previous.start, hit.end, hit.value, text[previous.start : hit.end].strip(), "day"
            )
            continue
        if (
            previous is not None
            and previous.precision == "day"
            and _WEEKDAY_NOTE.fullmatch(hit.text)
            and _NOTE_GAP.fullmatch(text[previous.end : hit.start])
        ):
            continue  # the day's own weekday, read alone it is the nearest such day (w23-c)
        abbreviated = _SHORT_WEEKDAY_BEFORE.search(text, 0, hit.start) if hit.precision == "day" else None
        if abbreviated is not None and (previous is None or previous.end <= abbreviated.start()):
            # `Tue 22 April`: a short weekday the parser reads nowhere alone (w26-d)
            hit = DateHit(abbreviated.start(), hit.end, hit.value, text[abbreviated.start() : hit.end], "day")
        out.append(hit)
    return out


_SHORT_WEEKDAY_BEFORE = re.compile(r"(?<![A-Za-z])(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+$")


# (or zero-padded with a dash, as a tracker's column writes it: `Target | 05-16`)
_FIELD_DAY = re.compile(r"\s*(?:(1[0-2]|0?[1-9])\.([0-3]?\d)|(1[0-2]|0[1-9])-([0-3]\d))\s*")
# A target cell opening with a day written as four digits, month then day (`0425 全量`, `0516上线`,
# w28-c): in a date field only, where a count or a year would not open the value.
_FIELD_COMPACT = re.compile(r"\s*(0[1-9]|1[0-2])([0-3]\d)(?![\d.:/%])")


# A dotted month.day opening a date field's value, or after a word or two (`4.15，50%`, `原定4.10，等法务`):
# the field's day, with more said after it; never a figure with its unit (`3.5天`, `1.5万`) nor one of
# two figures (`4.18 / 4.25`, versions or days, the field does not say).
_FIELD_DAY_LEAD = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{1,3}\s*)?(1[0-2]|0?[1-9])\.([0-3]?\d)(?![\d.%]|\s*(?:天|周|月|年|小时|个|万|亿|倍|[A-Za-z]|[/／~～-]\s*\d))"
)


# A week of the year as a date field's value: `第25周`, `Wk 27`, `week 27` (in running text the
# series' own numbering, "Week 6 update", is no day).
_FIELD_WEEK = re.compile(r"第\s*(\d{1,2})\s*周|\b(?:wk|week)\.?\s*(\d{1,2})\b", re.I)


def find_field_dates(text: str, ref: date, bias: Bias = "future") -> list[DateHit]:
    """`find_dates` for a date field's value: there a bare dotted month.day (`计划上线 | 4.18`) is
    a day, and a week of the year (`第25周`, `Wk 27`) its Friday, which in running text would
    need a schedule word beside them."""
    hits = find_dates(text, ref, bias)
    if not hits and (week := _FIELD_WEEK.search(text)) is not None:
        number = int(week[1] or week[2])
        friday = week_friday(number, ref) if 1 <= number <= 53 else None
        if friday is not None:
            return [DateHit(week.start(), week.end(), friday, week[0], "week")]
    match = _FIELD_DAY.fullmatch(text) or _FIELD_COMPACT.match(text) or _FIELD_DAY_LEAD.match(text)
    if hits or match is None:
        return hits
    dotted = match.re is not _FIELD_DAY or match[1] is not None
    month, day = (int(match[1]), int(match[2])) if dotted else (int(match[3]), int(match[4]))
    value = pick_year(lambda y: safe_date(y, month, day), ref, bias)
    start, end = (match.start(1), match.end(2)) if dotted else (match.start(3), match.end(4))
    return [DateHit(start, end, value, text[start:end], "day")] if value else []
