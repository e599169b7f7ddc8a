"""Date rules for dates written with their month or week number, the most specific first: a full
date, an ISO or planning week, a month name or `N月` with a day, a part or a K-th week of a month
(`end of June`, `10月中下旬`, `3月第1周`), a part of this or next month, the month's end.

Its own module because these forms name their calendar unit outright: the most specific, so
`timeexpr` tries them first, and the number-only shorthands (`time_numeric`) read what they leave.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from index.text.numerals import zh_number
from index.text.time_core import (
    DIGIT,
    MONTH_PATTERN,
    MONTHS,
    Bias,
    Precision,
    Rules,
    full_year,
    month_end,
    pick_year,
    safe_date,
)
from index.text.weeks import friday_of_iso_week

CALENDAR = Rules()
_rule = CALENDAR.rule
_MON = MONTH_PATTERN


def _part_day(part: str, year: int, month: int) -> date:
    """The day a part of a month is due by; a span of two parts ("中下旬", "上中旬") by its later one."""
    part = part.lower().strip()
    part = _SPAN_END.get(part, part)
    if part in ("初", "上旬", "early", "beginning of"):
        return date(year, month, 10 if part == "上旬" else 5)
    if part in ("中", "中旬", "mid"):
        return date(year, month, 20 if part == "中旬" else 15)
    return month_end(year, month)


# Two adjacent parts of a month written as one span: "10月中下旬" (mid-to-late October), "上中旬".
_SPAN_END = {"上中旬": "中旬", "中上旬": "中旬", "中下旬": "下旬"}
_MONTH_SPAN = "|".join(_SPAN_END)


# A date-time group as maritime, aviation and military messages stamp an event: day, hour and minute
# in six digits, the zone letter, then the month and year (`181422Z FEB 25`, `040915Z MAR 25`: the
# 4th at 09:15 UTC). Read as `MAR 25` it had been the 25th of March.
@_rule(
    r"(?<![A-Za-z\d])(\d{2})(?:[01]\d|2[0-3])[0-5]\d[A-Z]\s?([A-Z][A-Za-z]{2})\s?((?:20)?\d{2})(?![A-Za-z\d])",
    needs=DIGIT,
)
def _date_time_group(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = MONTHS.get(m[2].lower())
    return (safe_date(full_year(int(m[3])), month, int(m[1])) if month else None), "day"


# A day, a month's three letters and a year run together, as Stata's `%td` and SAS's `DATE9.`
# print a date (`29nov2024`, `06NOV2024`): what a statistics package's log or listing shows.
@_rule(r"(?<![A-Za-z\d])(\d{1,2})([A-Za-z]{3})((?:19|20)\d{2})(?![A-Za-z\d])", needs=DIGIT)
def _packed(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = MONTHS.get(m[2].lower())
    return (safe_date(int(m[3]), month, int(m[1])) if month else None), "day"


# (never a year that closes another date: `21/09/2024 - 4/10/2024` is two days, not 2024-04-10)
@_rule(
    r"(?<!\d)(?<!\d[-/.])((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?!\d)",
    needs=DIGIT,
)
def _full(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return safe_date(int(m[1]), int(m[2]), int(m[3])), "day"


# A full month name is not abbreviated: a full stop after it ends the sentence.
_FULL_MONTHS = frozenset(name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july"))


# The full stop of an abbreviated month (`Apr.`, `Sept.`) is part of it; after a full name
# (`April.`, `May.`) it ends the sentence, and a date's clause must end before it.
_ABBR_DOT = r"(?:(?<![A-Za-z]{5})(?<!may)(?<!june)(?<!july)\.)?"


def _sentence_end(text: str, month: str) -> bool:
    return month.lower() in _FULL_MONTHS and text[len(month) : len(month) + 1] == "."


@_rule(r"(?<![\w])(20\d{2})-?W(\d{1,2})(?!\d)", re.I, needs=DIGIT)
def _iso_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    try:
        return date.fromisocalendar(int(m[1]), int(m[2]), 5), "week"
    except ValueError:
        return None, "week"


# A week target stays this year's until it is more than this far behind the report.
WEEK_GRACE = timedelta(days=92)


def week_friday(week: int, ref: date, year: int | None = None) -> date | None:
    """The Friday of ISO week `week`: in `year` when one is written, else in the year it is still
    ahead in (`KW53` skips a year that has no week 53 instead of failing the report)."""
    if year is not None:
        return friday_of_iso_week(year, week)
    fridays = [day for y in (ref.year, ref.year + 1) if (day := friday_of_iso_week(y, week))]
    return next((day for day in fridays if day >= ref - WEEK_GRACE), fridays[-1] if fridays else None)


# "ETA: W29" (a planning table's week column): that week of the year it is still ahead in.
@_rule(r"(?<![\w\-/])W(\d{2})(?![\w\-/])", needs=DIGIT)
def _bare_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    week = int(m[1])
    if not 1 <= week <= 52:
        return None, "week"
    return week_friday(week, ref), "week"


# German and English calendar weeks, `KW22`, `KW 27/2025`, `CW22`: that week's Friday (in the
# year written, else the one it is still ahead in), compared like any other week target.
@_rule(r"(?<![\w\-/])(?:KW|CW)\s?(\d{1,2})(?:\s*/\s*(20\d{2}))?(?![\w\-/])", needs=DIGIT)
def _calendar_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    week = int(m[1])
    if not 1 <= week <= 53:
        return None, "week"
    return week_friday(week, ref, int(m[2]) if m[2] else None), "week"


# A fab's work week, `WW16` and its day `WW16.5` (the week's Friday, Monday being `.1`), as
# semiconductor plants write their schedules (w28-d): that week of the year it is still ahead in.
@_rule(r"(?<![\w\-/])WW\s?(\d{1,2})(?:\.([1-7]))?(?![\w\-/]|\.\d)", needs=DIGIT)
def _work_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    week = int(m[1])
    friday = week_friday(week, ref) if 1 <= week <= 53 else None
    if friday is None or not m[2]:
        return friday, "week"
    return friday + timedelta(days=int(m[2]) - 5), "day"


# The day ends at anything but a letter or figure: "_July 10_" (Markdown italics) is a day too.
@_rule(
    rf"\b({_MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![^\W_])(?!:\d)(?:,?\s+(20\d{{2}}))?", re.I, needs=DIGIT
)
def _en_month_day(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    if _sentence_end(m[0], m[1]):
        return None, "day"  # "cannot start before June. 23 of 41 …": a sentence ends there
    month, day = MONTHS[m[1].lower()], int(m[2])
    if m[3]:
        return safe_date(int(m[3]), month, day), "day"
    return pick_year(lambda y: safe_date(y, month, day), ref, bias), "day"


# "4 March", "4th of March 2025", and the dashed form exports and trackers write: "14-Mar-2025",
# "08-Apr", "14-Mar-25", or Jira's slashed one: "28/Mar/25".
@_rule(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|[-/])({_MON})\b{_ABBR_DOT}(?:,?\s+(20\d{{2}})|[-/]((?:20)?\d{{2}})(?!\d))?",
    re.I,
    needs=DIGIT,
)
def _en_day_month(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = MONTHS[m[2].lower()], int(m[1])
    if m[3] or m[4]:
        year = int(m[3] or m[4])
        return safe_date(full_year(year), month, day), "day"
    return pick_year(lambda y: safe_date(y, month, day), ref, bias), "day"


# Oracle's default date in a Chinese session (DD-MON-RR, the month a number before 月, padded to
# three characters): "30-4月 -25", "31-12月-25", as SQL*Plus prints a DATE column.
@_rule(r"(?<![\d-])(\d{1,2})-(\d{1,2})月\s?-((?:20)?\d{2})(?!\d)", needs=DIGIT)
def _oracle_zh_day(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return safe_date(full_year(int(m[3])), int(m[2]), int(m[1])), "day"


# The day, month and year run together as aviation, shipping and military messages write them:
# "14MAR25", "18FEB25 0512Z", "TGT: 30JUN25", "19FEB" (capitals or "14Mar25", never "10pct").
@_rule(r"(?<![A-Za-z\d])(\d{1,2})([A-Z][A-Za-z]{2})((?:20)?\d{2})?(?![A-Za-z\d])", needs=DIGIT)
def _run_together(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = MONTHS.get(m[2].lower()) if m[2][1:].isupper() or m[2][1:].islower() else None
    if month is None or len(m[2]) != 3:
        return None, "day"
    day = int(m[1])
    if m[3]:
        year = int(m[3])
        return safe_date(full_year(year), month, day), "day"
    return pick_year(lambda y: safe_date(y, month, day), ref, bias), "day"


# "end of June", and hyphenated before a noun: "the end-of-June date".
@_rule(
    rf"\b(early|mid|late|end[\s-]of|beginning[\s-]of|(?:the\s+)?middle\s+of|start\s+of)[\s-]+({_MON})\b{_ABBR_DOT}"
    rf"(?:\s+(20\d{{2}}))?",
    re.I,
)
def _en_month_part(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    part = re.sub(r"^the\s+", "", m[1].replace("-", " ").lower())
    part = {"middle of": "mid", "start of": "early"}.get(part, part)
    month = MONTHS[m[2].lower()]
    if m[3]:
        return _part_day(part, int(m[3]), month), "month"
    return pick_year(lambda y: _part_day(part, y, month), ref, bias), "month"


@_rule(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?!\d)", needs=DIGIT)
def _zh_month_day(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = int(m[1]), int(m[2])
    return pick_year(lambda y: safe_date(y, month, day), ref, bias), "day"


# A Chinese month's name in an English day's order, as a Java or JavaScript locale prints it in a
# Chinese dashboard (`五月 30, 2025`, `三月 13, 2025, 2:10 上午`: Metabase, w41-g).
@_rule(
    r"(?<![\u4e00-\u9fff])([一二三四五六七八九十]{1,3})月\s+(\d{1,2}),\s*((?:19|20)\d{2})(?!\d)", needs=DIGIT
)
def _zh_month_name_day(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = zh_number(m[1])
    return (safe_date(int(m[3]), month, int(m[2])) if month and month <= 12 else None), "day"


def _month_week_friday(year: int, month: int, week: int) -> date | None:
    """The Friday of a month's K-th week, week 1 being the one that starts on the month's first
    Monday: a week belongs to the month it starts in, so `3月第1周` never reaches back into
    February and a target in week K ends with that week's working days."""
    first = date(year, month, 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    friday = monday + timedelta(days=7 * (week - 1) + 4)
    return friday if week >= 1 and (friday - timedelta(days=4)).month == month else None


@_rule(
    r"(?:((?:19|20)\d{2})\s*年\s*)?(?<!\d)(1[0-2]|0?[1-9])\s*月\s*(?:的)?第\s*([一二三四五1-5])\s*周",
    needs=DIGIT,
)
def _zh_month_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, week = int(m[2]), zh_number(m[3]) or int(m[3])
    if m[1]:
        return _month_week_friday(int(m[1]), month, week), "week"
    return pick_year(lambda y: _month_week_friday(y, month, week), ref, bias), "week"


@_rule(
    r"(?<!\d)(\d{1,2})\s*月份?\s*(底|末|{_SPAN}|中旬|中|初|上旬|下旬)".replace("{_SPAN}", _MONTH_SPAN),
    needs=DIGIT,
)
def _zh_month_part(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = int(m[1])
    if not 1 <= month <= 12:
        return None, "month"
    return pick_year(lambda y: _part_day(m[2], y, month), ref, bias), "month"


@_rule(
    r"(本|这个?|当|下下个?|下个?)?月\s*(底|末|{_SPAN}|中旬|中|初|上旬|下旬)".replace("{_SPAN}", _MONTH_SPAN),
    needs="月",
)
def _zh_relative_month(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    ahead = 2 if (m[1] or "").startswith("下下") else 1 if (m[1] or "").startswith("下") else 0
    month_index = ref.month - 1 + ahead
    return _part_day(m[2], ref.year + month_index // 12, month_index % 12 + 1), "month"


_EN_ORDINAL_WEEK = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


# "the second week of June" (a month's K-th week, as `6月第2周`).
@_rule(
    rf"\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+week\s+of\s+({_MON})\b{_ABBR_DOT}(?:\s+(20\d{{2}}))?",
    re.I,
    needs="week",
)
def _en_month_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, week = MONTHS[m[2].lower()], _EN_ORDINAL_WEEK[m[1].lower()]
    if m[3]:
        return _month_week_friday(int(m[3]), month, week), "week"
    return pick_year(lambda y: _month_week_friday(y, month, week), ref, bias), "week"


# "mid next month", "early this month", "the middle of next month", "mid-month": a part of the
# report's month or the next, as `下个月中`.
@_rule(
    r"\b(?:(early|mid|late)[\s-]+|(?:the\s+)?(beginning|start|middle)\s+of\s+(?:the\s+)?)(this|next)\s+month\b|"
    r"\b(mid)-month\b",
    re.I,
    needs="month",
)
def _en_relative_month_part(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    word = (m[1] or m[2] or m[4]).lower()
    part = {"beginning": "early", "start": "early", "middle": "mid"}.get(word, word)
    ahead = 1 if (m[3] or "").lower() == "next" else 0
    index = ref.month - 1 + ahead
    return _part_day(part, ref.year + index // 12, index % 12 + 1), "month"


@_rule(
    r"\b(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(this\s+|next\s+)?month|EOM|month[- ]end)\b",
    re.I,
    needs="month|eom",
)
def _en_month_end(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    if m[1] and m[1].strip().lower() == "next":
        return month_end(ref.year + ref.month // 12, ref.month % 12 + 1), "month"
    return month_end(ref.year, ref.month), "month"
