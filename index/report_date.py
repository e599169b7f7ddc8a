"""A report's own date: title, then YAML/TOML front matter, then the file name.

The report date is the truth for every week computation; ingestion time never is (a mistake
peers make, see FACTS.md). A week-only label becomes that ISO week's Friday, a month-only label
that month's last day, and a date range its end.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from itertools import pairwise

from index.text.normalise import MD_LINK
from index.text.numerals import zh_numeral_dates
from index.text.time_core import DAY_FIRST, ROC_YEAR_OFFSET, pick_year
from index.text.timeexpr import ANY_DAY, MONTH_PATTERN, MONTHS, find_dates
from index.text.weeks import WEEK_ABBREVIATION, friday_of_iso_week

# or `28/11/25`, `07MAR25`, `14-Mar-25`
# (`Wed 25/06/25`, `16.07.25`: a day, a month and a two-digit year, one separator between them)
YEAR_IN = re.compile(
    r"(?:19|20)\d{2}|(?<![\d.])\d{1,2}\s*([/.])\s*\d{1,2}\s*\1\s*\d{2}$|^\d{1,2}[-/]?[A-Za-z]{3}[-/]?\d{2}$|"
    # Oracle's DD-MON-RR in a Chinese session (`07-3月 -25`): a two-digit year by the format's place
    r"^\d{1,2}-\d{1,2}月\s?-\d{2}$"
)
# C's `ctime()` stamp, as generated reports and `date` print it: `Fri Mar  7 18:05:33 2025`,
# `Fri Mar 7 18:05:33 CST 2025` (the year after the time).
_CTIME = re.compile(
    rf"\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?\s+({MONTH_PATTERN})\.?\s+(\d{{1,2}})\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{2,5}\s+)?((?:19|20)\d{2})\b",
    re.I,
)
# A weekday, day, month and two-digit year, as British minutes write a meeting's day (`Thu 28 Aug 25`).
_DAY_MONTH_YY = re.compile(
    rf"\b((?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+\d{{1,2}}\s+(?:{MONTH_PATTERN})\.?)\s+(\d{{2}})\b(?![:\d])",
    re.I,
)
# An ISO 8601 ordinal date, year and day of the year, as mission operations write it (`2025-100`,
# `GSSW-WSR_2025-093.txt`): never a range of years (`2024-2025`) or a longer number.
_ORDINAL_DATE = re.compile(r"(?<![A-Za-z\d])(20\d{2})-(\d{3})(?![\d-])")
_ISO_WEEK = re.compile(r"\b(20\d{2})-?W(\d{1,2})\b", re.IGNORECASE)
# "Week 10, 2025", "W10-2025", "KW10_2025", "wk10 2025", "2025 week 10": a week, then its year.
_WEEK_YEAR = re.compile(
    r"\b(?:week|wk|kw|cw|w)\s*[-_]?\s*(\d{1,2})\s*[-_,/ ]\s*(20\d{2})\b|\b(20\d{2})\s*week\s*(\d{1,2})\b",
    re.I,
)
_ZH_WEEK_YEAR = re.compile(r"(20\d{2})\s*年\s*第\s*(\d{1,2})\s*周")
_MONTH_ONLY = re.compile(r"(?<!\d)(20\d{2})\s*(?:年|-|/)\s*(\d{1,2})\s*月?(?![\d/.-])")
_EN_MONTH_ONLY = re.compile(rf"\b({MONTH_PATTERN})\.?\s+(20\d{{2}})\b", re.IGNORECASE)
# (a fiscal, farm or calendar week written short: `FW14`, `CW14`, `KW 14`, `Wk14`)
_WEEK_LABEL = re.compile(
    rf"第\s*(\d{{1,2}})\s*周|\b[Ww]eek\s*(\d{{1,2}})\b|\bW(\d{{1,2}})\b|\b{WEEK_ABBREVIATION}\s?(\d{{1,2}})\b"
)
# A header field that numbers the issue (`| 期号 | 2025年第9期 |`, `Issue no.: 14`): a report
# generator's title block states it there, not in the title.
_ISSUE_FIELD = re.compile(
    r"(?:期号|期数|期次|\bissue\s+(?:no\.?|number|#))\s*[|:：]?\s*(?:\|\s*)?"
    r"(?:20\d{2}\s*年\s*)?(第\s*\d{1,3}\s*期|(?:no\.?\s*|#)?\d{1,3})(?![\d.])",
    re.I,
)
_HEADER_LINES = 12


# How long after its month a post about that month may be published ("May 2025 update", posted
# June 3): the parser dates such a post by its byline, the planner reads the month it covers.
POSTED_WITHIN_DAYS = 45


@dataclass(frozen=True)
class FoundDate:
    """A date and where it came from ("title", "front matter", "file name", "week", "month")."""

    value: date
    origin: str


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# The end of a range written after a full date: "2025.4.21-4.25", "2025-03-10 ~ 14".
# (a weekday in brackets may follow the first day: `2025/05/19(月)～05/23(金)`)
_RANGE_END = re.compile(
    r"(?:\s*[(（][^()（）\d]{1,6}[)）])?\s*[-–—－~～〜至到]\s*(?:(\d{1,2})\s*[./月-]\s*)?(\d{1,2})\s*日?(?![\d./:])"
)
# A range without a year, read with the year the text gives elsewhere: "2025年4月第4周（4.21 - 4.25）".
_YEARLESS_RANGE = re.compile(
    r"(?<![\d./])(\d{1,2})\s*[./月]\s*(\d{1,2})\s*日?\s*[-–—－~～〜至到]\s*(?:(\d{1,2})\s*[./月]\s*)?(\d{1,2})\s*日?(?![\d./])"
)
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# A span in one month written the US way, the year after its last day: `Mar 17–21, 2025`.
_EN_DAY_SPAN = re.compile(
    rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*[-–—~]\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b",
    re.I,
)


def dates_in_text(text: str) -> list[date]:
    """Every full calendar date written in the text (with its year), in order; a range's end too."""
    found: list[tuple[int, date]] = []
    # (`上期见 [第5期](/zhoubao/2025-03-14)`: a link's target is the day of the page it opens)
    text = _stamps_as_days(MD_LINK.sub(r"\1", text))
    for hit in find_dates(text, ANY_DAY, "nearest"):
        if hit.precision != "day" or not YEAR_IN.search(hit.text):
            continue  # a day without its year says nothing certain about the report's date
        found.append((hit.start, hit.value))
        end = _RANGE_END.match(text, hit.end)
        if end and re.match(r"(?:19|20)\d{2}", hit.text):
            last = _safe_date(hit.value.year, int(end[1] or hit.value.month), int(end[2]))
            if last and last >= hit.value:
                found.append((hit.end, last))
    for match in _EN_DAY_SPAN.finditer(text):
        month, span_year = MONTHS[match[1].lower()], int(match[4])
        first, last = _safe_date(span_year, month, int(match[2])), _safe_date(span_year, month, int(match[3]))
        if first and last and first <= last and (match.start(), first) not in found:
            found += [(match.start(), first), (match.end(), last)]
    year = _YEAR.search(text)
    if year and not found:
        for match in _YEARLESS_RANGE.finditer(text):
            first = _safe_date(int(year[1]), int(match[1]), int(match[2]))
            last = _safe_date(int(year[1]), int(match[3] or match[1]), int(match[4]))
            if first and last and first <= last:
                found += [(match.start(), first), (match.end(), last)]
    return [value for _, value in sorted(found, key=lambda pair: pair[0])]


def _ctime_as_day(text: str) -> str:
    """A `ctime()` stamp rewritten as the day the parser reads, in place (it keeps its length)."""
    return _CTIME.sub(lambda m: f"{m[1]} {m[2]} {m[3]}".ljust(len(m[0])), text)


def _stamps_as_days(text: str) -> str:
    """Numeral days (`二〇二五年`), a `ctime()` stamp and a day with a two-digit year rewritten as
    the days the parser reads; a clock time after a day blanked (`2025-03-03 09.28.51`, as a
    meeting app names its saved chat, w45-h: read as a date, `09.28.51` was 2051-09-28)."""
    text = _CLOCK_AFTER_DAY.sub(lambda m: " " * len(m[0]), text)
    return _DAY_MONTH_YY.sub(r"\1 20\2", _ctime_as_day(zh_numeral_dates(text)))


_CLOCK_AFTER_DAY = re.compile(
    r"(?<=\d{4}-\d{2}-\d{2})[ T_-](?:[01]\d|2[0-3])([.:\-])[0-5]\d\1[0-5]\d(?!\d|\.\d)"
)


def date_from_text(text: str) -> FoundDate | None:
    """A report date from a title-like string; a range gives its end, a week its Friday."""
    dates = dates_in_text(text)
    if dates:
        return FoundDate(max(dates), "date")
    match = _ORDINAL_DATE.search(text)
    if match and 1 <= int(match[2]) <= (366 if calendar.isleap(int(match[1])) else 365):
        return FoundDate(date(int(match[1]), 1, 1) + timedelta(days=int(match[2]) - 1), "date")
    match = _ISO_WEEK.search(text)
    if match:
        friday = friday_of_iso_week(int(match[1]), int(match[2]))
        if friday:
            return FoundDate(friday, "week")
    match = _WEEK_YEAR.search(text)
    if match:
        week, year = (match[1], match[2]) if match[1] else (match[4], match[3])
        friday = friday_of_iso_week(int(year), int(week))
        if friday:
            return FoundDate(friday, "week")
    match = _ZH_WEEK_YEAR.search(text)
    if match:
        friday = friday_of_iso_week(int(match[1]), int(match[2]))
        if friday:
            return FoundDate(friday, "week")
    match = _MONTH_ONLY.search(text)
    if match and 1 <= int(match[2]) <= 12:
        year, month = int(match[1]), int(match[2])
        return FoundDate(date(year, month, calendar.monthrange(year, month)[1]), "month")
    match = _EN_MONTH_ONLY.search(text)
    if match:
        year, month = int(match[2]), MONTHS[match[1].lower()]
        return FoundDate(date(year, month, calendar.monthrange(year, month)[1]), "month")
    return None


# A dateline opens with its day, after markup and a weekday: "_Thursday, July 10, 2025 · editor: …_",
# "_Thu 31/07 — Tobi editing_". What follows is a byline, not news about the day.
# (a bulletin's issuance line opens with its clock time and zone: `530 PM GMT Fri Feb 7 2025`)
_OPENING = re.compile(
    r"^[\W_]*(?:(?:\d{3,4}|\d{1,2}:\d{2})\s*(?:AM|PM)?\s+(?-i:[A-Z]{2,4})\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?",
    re.I,
)
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_BEFORE = re.compile(r"(?<![A-Za-z])(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+$", re.I)


def opening_date(line: str, near: date | None) -> FoundDate | None:
    """The day a title block's line opens with: with its year, or (given `near`, a sibling's date)
    without one, read in the year nearest the series."""
    text = zh_numeral_dates(line.strip())
    opening = _OPENING.match(text)
    start = opening.end() if opening else 0
    hits = find_dates(text, near or ANY_DAY, "nearest")
    # (`Thursday 13 Mar 2025, 14:30 → 15:30`, Indico's meeting line: the weekday read alone before
    # its day is that day's, which the opening already stepped over)
    hits = [
        hit
        for i, hit in enumerate(hits)
        if any(c.isdigit() for c in hit.text) or i + 1 == len(hits) or hits[i + 1].start - hit.end > 2
    ]
    for hit in hits:
        # the weekday rule claims "Thu 31/07" whole, so a hit may begin at the weekday itself
        if hit.precision != "day" or hit.start not in (start, len(text) - len(text.lstrip("_*# "))):
            return None
        if not any(char.isdigit() for char in hit.text):
            return None  # "本周三夜班出了…": a day counted from the report's own, which is what is sought
        if YEAR_IN.search(hit.text):
            return FoundDate(hit.value, "date")
        return FoundDate(hit.value, "date near its series") if near else None
    return None


def weekday_date(line: str, near: date) -> FoundDate | None:
    """A yearless day written with its weekday ("/Hanne, Fri 29 Aug"), when the weekday agrees with
    the day in the year nearest `near`: the agreement is what makes a sign-off's day its date."""
    text = line.strip()
    for hit in find_dates(text, near, "nearest"):
        before = _WEEKDAY_BEFORE.search(text[: hit.start])
        weekday = (before[1] if before else hit.text[:3]).lower()
        if (
            hit.precision == "day"
            and weekday in _WEEKDAY_NAMES
            and hit.value.weekday() == _WEEKDAY_NAMES.index(weekday)
            and any(char.isdigit() for char in hit.text)
        ):
            return FoundDate(hit.value, "date near its series")
    return None


# What may stand beside a bare date: a weekday, a range word.
_NOT_WORDS = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:mon|tue|wed|thu|fri|sat|sun)\b|"
    r"(?:周|星期)[一二三四五六日天]|[至到]|\bto\b",
    re.I,
)


# A labelled day with a two-digit year (`w/e 27.02.25`, `Date: 3/7/25`): dots are written day first,
# slashes in the report's own order.
_SHORT_YEAR = re.compile(r"^\W{0,3}(\d{1,2})([./])(\d{1,2})\2(\d{2})(?![\d./])")


def short_year_date(part: str) -> FoundDate | None:
    """The day a date field opens with when its year has two digits (the parser wants four)."""
    match = _SHORT_YEAR.match(part)
    if match is None:
        return None
    first, second, year = int(match[1]), int(match[3]), 2000 + int(match[4])
    day_first = match[2] == "." or DAY_FIRST.get() or first > 12
    day, month = (first, second) if day_first else (second, first)
    found = _safe_date(year, month, day)
    return FoundDate(found, "date") if found else None


def full_dates_in(line: str) -> list[tuple[date, int, int]]:
    """The days a line writes with their year ("Prepared 2025-03-07", "7 March 2025"), with their spans."""
    return [
        (h.value, h.start, h.end)
        for h in find_dates(line, ANY_DAY, "nearest")
        if h.precision == "day" and YEAR_IN.search(h.text) and isinstance(h.value, date)
    ]


def bare_date(line: str) -> FoundDate | None:
    """A header line that is nothing but a date or a date range ("（2025年3月10日—3月14日）",
    "14 March 2025"): under a plain-text title block it says which days the report covers; a
    range gives its end. Anything else on the line (a label, a word) leaves it to `labelled_date`.
    A `ctime()` stamp alone is a date line too (a mail archive's `Fri Feb 21 18:03:47 GMT 2025`)."""
    line = _ctime_as_day(line)
    hits = [
        h for h in find_dates(line, ANY_DAY, "nearest") if h.precision == "day" and YEAR_IN.search(h.text)
    ]
    if not hits:
        return None
    rest = line[: hits[0].start]
    end = hits[-1].end
    if tail := _RANGE_END.match(line, end):
        end = tail.end()
    rest += line[end:]
    for before, after in pairwise(hits):
        rest += line[before.end : after.start]
    if re.search(r"[^\W_]", _NOT_WORDS.sub(" ", rest)):
        return None
    dates = dates_in_text(line)
    return FoundDate(max(dates), "date") if dates else None


# A period written as two instants, its end at midnight (a TaskJuggler time sheet's `timesheet hollis
# 2025-03-03-00:00-+0000 - 2025-03-10-00:00-+0000`): it ends with the day before its end's date.
_MIDNIGHT_PERIOD = re.compile(
    r"(?<!\d)(20\d{2}-\d{2}-\d{2})[-T ]00:00(?::00)?(?:-?(?:[+-]\d{2}:?\d{2}|Z))?\s+[-–—]\s+"
    r"(20\d{2}-\d{2}-\d{2})[-T ]00:00(?::00)?(?![\d:])"
)


def midnight_period(line: str) -> FoundDate | None:
    """The last day of a period whose end is written as midnight, or None."""
    match = _MIDNIGHT_PERIOD.search(line)
    if match is None:
        return None
    try:
        start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
    except ValueError:
        return None
    return FoundDate(end - timedelta(days=1), "date") if start < end else None


# A file name's date written without separators, as exports and scripts save them:
# "信息中心工作周报20250314", "status_20250314_final".
# Taiwan's years count from 1912 (`EA2週報_1140307`: 2025-03-07), seven digits.
# A stamp's clock may follow the day (`PSDFSM.202502071730`: 7 Feb 2025, 17:30).
_COMPACT = re.compile(
    r"(?<!\d)(20\d{2}|1[01]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?(?!\d)"
)


def compact_date(stem: str) -> FoundDate | None:
    """The YYYYMMDD (or Taiwan's YYYMMDD) date in a file name; of two a month apart at most (a
    range), the later."""
    found = [
        d
        for m in _COMPACT.finditer(stem)
        if (d := _safe_date(int(m[1]) + (ROC_YEAR_OFFSET if len(m[1]) == 3 else 0), int(m[2]), int(m[3])))
    ]
    if not found or (max(found) - min(found)).days > 31:
        return None
    return FoundDate(max(found), "date")


# A yearless span of days written with dots or slashes, both ends with their month: "（6.3-6.7）",
# "迭代周期：5.6 - 5.17", "3/10–3/14". A dotted figure alone may be a version ("3.2版本"), two
# that close a span of a month at most are days.
_DAY_SPAN = re.compile(
    r"(?<![\d.A-Za-z])(\d{1,2})[./](\d{1,2})\s*[-~–—至到]+\s*(\d{1,2})[./](\d{1,2})(?![\d.])"
)
_SPAN_DAYS = 31


def _span_end(year: int, month: int, day: int, end_month: int, end_day: int) -> date | None:
    """The span's last day in `year` (its start's year), when the span is days of a month at most."""
    start = _safe_date(year, month, day)
    end = _safe_date(year + (end_month < month), end_month, end_day)
    return end if start and end and 0 < (end - start).days <= _SPAN_DAYS else None


def _yearless_span(text: str, near: date) -> date | None:
    """The end of the first yearless span of days in `text`, in the year that puts it nearest `near`."""
    for match in _DAY_SPAN.finditer(text):
        month, day, end_month, end_day = (int(g) for g in match.groups())
        if found := pick_year(
            partial(_span_end, month=month, day=day, end_month=end_month, end_day=end_day), near, "nearest"
        ):
            return found
    return None


def yearless_date(text: str, near: date) -> FoundDate | None:
    """A title's day and month without a year ("Cycle 24 (Mar 17 – Mar 28)"), read in the year
    that puts it nearest `near` (a sibling report's date); a range gives its end. The day must be
    written in figures: a weekday alone says no date, and "这次两周一起写" (two weeks together)
    holds the letters of one (周一)."""
    days = [
        hit.value
        for hit in find_dates(text, near, "nearest")
        if hit.precision == "day" and any(char.isdigit() for char in hit.text)
    ]
    if span := _yearless_span(text, near):
        days.append(span)
    return FoundDate(max(days), "date near its series") if days else None


# A file name's month and day without a year, as chat exports and hand-saved notes write them:
# "周报接龙-0808", "standup_03-14", "notes 3.14". Four digits alone must be a valid MMDD; a group joined
# to a number before it is part of a code (a city clerk's `File #: 25-0112`, w41-d).
# (never two parts of three: `wc 10-03-25` is a day with its year, `six_digit_stem_date`'s)
_STEM_MONTH_DAY = re.compile(
    r"(?<![A-Za-z\d.])(?<!\d[-_])(?:(\d{2})(\d{2})|(\d{1,2})[.-](\d{1,2}))(?![\d.])(?!-\d)"
)
_NEAR_ENOUGH_DAYS = 200


# An issue label that carries its year (`**2025年第4期**（3月3日—3月7日）`, `2025 Issue 4 (Mar 3 - 7)`):
# the yearless day or span on its line is in that year (w47-c; the year is the label's, not a guess).
_YEAR_OF_ISSUE = re.compile(
    r"(?<![\d.\-/])(20\d{2})(?:\s*年\s*(?:度\s*)?第\s*[\d一二三四五六七八九十]{1,4}\s*[期周]"
    r"|\s+(?:Issue|Vol\.?|Volume|No\.)\s*\d)",
    re.I,
)


def issue_year_date(line: str) -> FoundDate | None:
    """The day a line's year-labelled issue names (see `_YEAR_OF_ISSUE`): a range gives its end."""
    label = _YEAR_OF_ISSUE.search(line)
    if label is None:
        return None
    year = int(label[1])
    found = yearless_date(f"{line[: label.start()]} {line[label.end() :]}", date(year, 7, 1))
    day = _safe_date(year, found.value.month, found.value.day) if found else None
    return FoundDate(day, "header line, year from its issue label") if day else None


def yearless_stem_date(stem: str, near: date) -> FoundDate | None:
    """A file name's month and day read in the year that puts it nearest `near` (a sibling
    report's date), when exactly one such pair is in the name and it lands near its series."""
    found = [
        (int(m[1] or m[3]), int(m[2] or m[4]))
        for m in _STEM_MONTH_DAY.finditer(stem)
        if 1 <= int(m[1] or m[3]) <= 12 and 1 <= int(m[2] or m[4]) <= 31
    ]
    if span := _yearless_span(stem, near):  # "信息科周报（9.15-9.19）": the span's last day
        return FoundDate(span, "file name, year from its series") if _near_enough(span, near) else None
    if len(found) != 1:
        return None
    month, day = found[0]
    candidates = [
        d for year in (near.year - 1, near.year, near.year + 1) if (d := _safe_date(year, month, day))
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda d: abs((d - near).days))
    return FoundDate(best, "file name, year from its series") if _near_enough(best, near) else None


# Six digits alone in a file name (`status_020725`, `周报250307`), or three parts joined by dashes
# (`Digital update wc 27-01-25`, w46-b): a day with a two-digit year, in one of three orders the name
# does not say.
_SIX_DIGITS = re.compile(
    r"(?<![\d-])(\d{2})(\d{2})(\d{2})(?![\d-])|(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{2})(?![\d-])"
)
_SIX_YEARS = 2  # a reading's year within this many of its series' (or the assumed) year


def six_digit_stem_date(stem: str, near: date) -> FoundDate | None:
    """A file name's six-digit (or dashed) day: the readings (YYMMDD, MMDDYY, DDMMYY) that make a real day within
    two years of its series; of two, the all-number order the report writes its days in (month
    first unless it writes day first), a year first only when neither other reading is a day."""
    found = [m for m in _SIX_DIGITS.finditer(stem)]
    if len(found) != 1:
        return None
    a, b, c = (int(x) for x in found[0].groups() if x is not None)
    readings = {
        "ymd": _safe_date(2000 + a, b, c),
        "mdy": _safe_date(2000 + c, a, b),
        "dmy": _safe_date(2000 + c, b, a),
    }
    close = {k: d for k, d in readings.items() if d is not None and abs(d.year - near.year) <= _SIX_YEARS}
    # (`240426` beside reports of March 2024: 2024-04-26, not 24 April 2026)
    closest = {k: d for k, d in close.items() if _near_enough(d, near)}
    close = closest or close
    order = ("dmy", "mdy", "ymd") if DAY_FIRST.get() else ("mdy", "dmy", "ymd")
    for key in order:
        if key in close:
            return FoundDate(close[key], "file name (six digits)")
    return None


def _near_enough(value: date, near: date) -> bool:
    return abs((value - near).days) <= _NEAR_ENOUGH_DAYS


def week_label(text: str) -> str | None:
    """The report's own week label as written ("第43周", "Week 14"), if any."""
    match = _WEEK_LABEL.search(text)
    return match[0].strip() if match else None


def issue_label(lines: list[str]) -> str | None:
    """The issue number a report's header block states as a field (`期号：第9期`), written as the
    series counts: "第9期" (an `Issue no.: 14` as "Issue 14")."""
    for line in lines[:_HEADER_LINES]:
        match = _ISSUE_FIELD.search(line)
        if match:
            number = match[1].strip()
            return number if number.startswith("第") else f"Issue {re.sub(r'[^0-9]', '', number)}"
        alone = _ISSUE_LINE.match(line)
        if alone:
            return re.sub(r"\s+", "", alone[1])  # a report generator's issue line under its title
    return None


# An issue line on its own under the title (`2025年第15期`, `**第4期**`, w47-f).
_ISSUE_LINE = re.compile(r"^\s*[*_]{0,2}\s*(?:20\d{2}\s*年\s*)?(第\s*\d{1,3}\s*期)\s*[*_]{0,2}\s*$")


_RANGE_ON = re.compile(r"\s*(?:[-–~～]|至|到)\s*\d")


def names_period(text: str) -> bool:
    """The text names a span of days, its first day followed by a range to the next (`PW15 (07/04-20/04)`,
    `W11（3/10–3/14）`): a report's banner names the period it covers so, never a project."""
    return any(
        hit.precision == "day" and _RANGE_ON.match(text, hit.end) is not None
        for hit in find_dates(text, ANY_DAY)
    )
