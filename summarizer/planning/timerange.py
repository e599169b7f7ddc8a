"""Time expressions in questions, zh and en, resolved to inclusive ISO week int ranges.

Relative time ("last month", "上个月", "最近三周") is resolved against the latest indexed report
date, never today: an archive of last year's reports must answer "last month" about its own
last month. Ranges are ISO week ints (202442), the key the store filters on; a month or quarter
covers the weeks whose Friday falls inside it, because weekly reports are dated at week's end.
Company week labels ("第43周") may run ahead of ISO weeks (FACTS.md), so a label in a question
maps to the ISO week of the report that carries that label when one exists.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from index.text.numerals import ZH_NUMBER, small_number
from index.text.timeexpr import MONTH_PATTERN, MONTHS
from index.text.weeks import parse_iso_week, shift_weeks, week_int
from summarizer.errors import ConfigError

_MONTH_NO = MONTHS
_MONTH_RE = MONTH_PATTERN
NUM = rf"(\d{{1,2}}|{ZH_NUMBER}|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
_ZH_NUM = ZH_NUMBER
# Python's \b sees CJK as word characters ("W40以来"), so Latin boundaries are spelled out.
_B, _E = r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z])"
WREF = (
    rf"(?:{_B}20\d{{2}}\s*-?\s*W\d{{1,2}}{_E}|{_B}W\d{{1,2}}{_E}"
    rf"|{_B}week\s*\d{{1,2}}{_E}(?:\s*(?:of|,)\s*20\d{{2}}{_E})?"
    rf"|(?:20\d{{2}}\s*年\s*)?第\s*(?:\d{{1,2}}|{_ZH_NUM})\s*周)"
)
_SINCE_BEFORE = re.compile(r"(?:since|from|after|starting(?:\s+from)?|自从?|从)\s*$", re.I)
_SINCE_AFTER = re.compile(
    r"^\s*(?:以来|起|开始|之后|以后|至今|到现在|onwards?|on\b|(?:of\s+20\d{2}\s+)?(?:or|and)\s+(?:later|after))",
    re.I,
)
_UNTIL_BEFORE = re.compile(r"(?:until|till|before|through|up\s+to|by|截至|截止到?|到)\s*$", re.I)
_UNTIL_AFTER = re.compile(r"^\s*(?:之前|以前|前|(?:of\s+20\d{2}\s+)?(?:or|and)\s+(?:earlier|before))", re.I)


@dataclass(frozen=True)
class TimeRange:
    """Inclusive ISO week ints (None = open end) and the question text that said so.

    `days` is the calendar period when the question names one (a month, quarter, year or day):
    an event dated 12/31 happened "last month" even though the report telling it is dated in
    January, so facts with their own date are filtered by day, reports by week.
    """

    since: int | None
    until: int | None
    text: str
    days: tuple[date, date] | None = None


@dataclass(frozen=True)
class Period:
    """What a time expression resolves to: a week range and, for calendar periods, the days."""

    since: int | None
    until: int | None
    days: tuple[date, date] | None = None


def _fridays(start: date, end: date) -> tuple[int, int]:
    """Weeks whose Friday falls in [start, end]: a report dated at its week's end belongs there."""
    first = start + timedelta(days=(4 - start.weekday()) % 7)
    last = end - timedelta(days=(end.weekday() - 4) % 7)
    return week_int(first), week_int(max(first, last))


def _month_range(year: int, month: int, months: int = 1) -> Period:
    end_month = month + months - 1
    end_year, end_month = year + (end_month - 1) // 12, (end_month - 1) % 12 + 1
    first, last = date(year, month, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return Period(*_fridays(first, last), days=(first, last))


def _year_for_month(month: int, latest: date) -> int:
    return latest.year if month <= latest.month else latest.year - 1


def resolve_week(ref: str, latest: date, labels: dict[int, list[int]]) -> int | None:
    """One week reference: `2024-W45` is ISO; `第45周` / `week 45` prefer a report's own label."""
    current = week_int(latest)
    match = re.search(r"(20\d{2})\s*-?\s*W(\d{1,2})", ref, re.I) or re.search(
        r"(20\d{2})\s*年\s*第\s*(\d{1,2})\s*周", ref
    )
    if match:
        return int(match[1]) * 100 + int(match[2])
    match = re.search(r"week\s*(\d{1,2})\s*(?:of|,)\s*(20\d{2})", ref, re.I)
    if match:
        return int(match[2]) * 100 + int(match[1])
    match = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,3})", ref)
    if not match:
        return None
    number = small_number(match[1])
    if not re.search(r"W\d", ref, re.I):
        labelled = [w for w in labels.get(number, []) if w <= current]
        if labelled:
            return max(labelled)
    year = current // 100 if number <= current % 100 else current // 100 - 1
    try:
        date.fromisocalendar(year, number, 1)
    except ValueError:
        return None
    return year * 100 + number


def parse_week_arg(value: str, latest: date | None) -> int:
    """A `--since/--until` value: 2024-W40, 202440, W40 or a date 2024-10-04."""
    parsed = parse_iso_week(value)
    if parsed:
        return parsed[0] * 100 + parsed[1]
    try:
        return week_int(date.fromisoformat(value))
    except ValueError:
        pass
    resolved = (
        resolve_week(value, latest or date.today(), {}) if re.fullmatch(r"W\d{1,2}", value, re.I) else None
    )
    if resolved is None:
        raise ConfigError(f"'{value}' is not a week like 2024-W40, W40 or a date like 2024-10-04")
    return resolved


Resolver = Callable[[re.Match[str]], Period]
_BETWEEN = re.compile(
    rf"(?:between|from)?\s*({WREF})\s*(?:and|to|through|-|–|~|至|到|—|和|与)\s*({WREF}|\d{{1,2}}{_E})", re.I
)
_LABEL_SPAN = re.compile(r"第\s*(\d{1,2})\s*[-~到至—]\s*(\d{1,2})\s*周")
_LAST_WEEKS = re.compile(
    rf"\b(?:last|past|previous|recent)\s+{NUM}\s+weeks?\b|(?:最近|近|过去|前)\s*{NUM}\s*个?(?:周|星期|礼拜)",
    re.I,
)
_LAST_MONTHS = re.compile(
    rf"\b(?:last|past|previous|recent)\s+{NUM}\s+months?\b|(?:最近|近|过去|前)\s*{NUM}\s*个月", re.I
)
_PAST_MONTH = re.compile(r"\b(?:past|recent)\s+month\b", re.I)
_LAST_MONTH = re.compile(r"\b(?:last|previous)\s+month\b|上个?月", re.I)
_THIS_MONTH = re.compile(r"\bthis\s+month\b|本月|这个?月", re.I)
_LAST_WEEK = re.compile(r"\b(?:last|previous)\s+week\b|上一?周|上个?星期|上礼拜", re.I)
_THIS_WEEK = re.compile(
    r"\b(?:this|current|latest)\s+week\b|\b(?:latest|most\s+recent)\s+report\b|本周|这一?周|本星期|最新|最近一[次期]",
    re.I,
)
_THIS_YEAR = re.compile(r"\bthis\s+year\b|今年", re.I)
_LAST_YEAR = re.compile(r"\blast\s+year\b|去年", re.I)
_QUARTER = re.compile(
    r"(?:(?P<y>20\d{2})\s*(?:年|-)?\s*)?(?:\bQ(?P<q>[1-4])\b|第?(?P<zq>[一二三四])季度)(?:\s*(?P<y2>20\d{2}))?",
    re.I,
)
_WEEK = re.compile(WREF, re.I)
_ZH_MONTH = re.compile(
    r"(?:(?P<y>20\d{2})\s*年\s*)?(?P<zm>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?(?!\s*\d{1,2}\s*[日号])(?!\d)"
)
_DAY_EN = re.compile(
    rf"{_B}(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?{_E}(?:,?\s+(?P<y>20\d{{2}}))?"
    rf"|{_B}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH_RE})\.?{_E}(?:,?\s+(?P<y2>20\d{{2}}))?",
    re.I,
)
_DAY_NUM = re.compile(
    r"(?:(?P<y>20\d{2})\s*年\s*)?(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>[0-3]?\d)\s*[日号]"
    rf"|{_B}(?P<y2>20\d{{2}})[-/.](?P<m2>1[0-2]|0?[1-9])[-/.](?P<d2>[0-3]?\d){_E}"
)
# A day names a report's week only when the question is about a report ("the May 23 report",
# "week of May 9", "5月23日的周报") or an event "on" that day; otherwise it is usually a target
# date ("ETA May 23"), which says nothing about which reports to read.
_REPORT_WORDS = re.compile(
    r"\b(?:report|update|weekly|week\s+of|issue)\b|周报|报告|那一?周|当周|这一?期|那一?期", re.I
)
_ON_DAY = re.compile(r"(?:\bon|\bof|\bdated|当天|那天)\s*$", re.I)
_EN_MONTH = re.compile(rf"\b(?:in\s+)?(?P<mon>{_MONTH_RE})\b\.?(?:\s+(?P<y2>20\d{{2}}))?", re.I)


def _ranges(latest: date, labels: dict[int, list[int]]) -> list[tuple[re.Pattern[str], Resolver, bool]]:
    """(pattern, resolver, single period) in priority order; single periods take since/until words."""
    cur = week_int(latest)
    prev_month = (latest.year, latest.month - 1) if latest.month > 1 else (latest.year - 1, 12)

    def weeks_back(n: int) -> Period:
        return Period(shift_weeks(cur, -(max(n, 1) - 1)), cur)

    def month_of(m: re.Match[str]) -> Period:
        groups = m.groupdict()
        month = _MONTH_NO[groups["mon"].lower()] if groups.get("mon") else small_number(groups["zm"])
        year = int(groups.get("y") or groups.get("y2") or 0) or _year_for_month(month, latest)
        return _month_range(year, month)

    def quarter_of(m: re.Match[str]) -> Period:
        first = (int(m["q"]) if m["q"] else small_number(m["zq"])) * 3 - 2
        year = int(m["y"] or m["y2"] or 0) or _year_for_month(first, latest)
        return _month_range(year, first, 3)

    def between(m: re.Match[str]) -> Period:
        second = m[2] if not m[2].isdigit() else re.sub(r"\d{1,2}(?!.*\d)", m[2], m[1])
        a, b = resolve_week(m[1], latest, labels), resolve_week(second, latest, labels)
        return Period(a, b) if a is None or b is None or a <= b else Period(b, a)

    def label_span(m: re.Match[str]) -> Period:
        return Period(
            resolve_week(f"第{m[1]}周", latest, labels), resolve_week(f"第{m[2]}周", latest, labels)
        )

    def day_of(m: re.Match[str]) -> Period:
        g = {k: v for k, v in m.groupdict().items() if v}
        name = g.get("mon") or g.get("mon2")
        month = _MONTH_NO[name.lower()] if name else int(g.get("m") or g["m2"])
        year = int(g.get("y") or g.get("y2") or 0) or _year_for_month(month, latest)
        try:
            day = date(year, month, int(g.get("d") or g["d2"]))
        except ValueError:
            return Period(None, None)
        return Period(week_int(day), week_int(day), days=(day, day))

    def single_week(m: re.Match[str]) -> Period:
        week = resolve_week(m[0], latest, labels)
        return Period(week, week)

    return [
        (_BETWEEN, between, False),
        (_LABEL_SPAN, label_span, False),
        (_LAST_WEEKS, lambda m: weeks_back(small_number(m[1] or m[2])), False),
        (_LAST_MONTHS, lambda m: weeks_back(math.ceil(small_number(m[1] or m[2]) * 4.345)), False),
        (_PAST_MONTH, lambda m: weeks_back(5), False),
        (_LAST_MONTH, lambda m: _month_range(*prev_month), True),
        (_THIS_MONTH, lambda m: Period(_month_range(latest.year, latest.month).since, cur), True),
        (_LAST_WEEK, lambda m: Period(shift_weeks(cur, -1), shift_weeks(cur, -1)), True),
        (_THIS_WEEK, lambda m: Period(cur, cur), True),
        (_THIS_YEAR, lambda m: Period(week_int(date(latest.year, 1, 4)), cur), True),
        (_LAST_YEAR, lambda m: _month_range(latest.year - 1, 1, 12), True),
        (_QUARTER, quarter_of, True),
        (_WEEK, single_week, True),
        (_DAY_EN, day_of, True),
        (_DAY_NUM, day_of, True),
        (_ZH_MONTH, month_of, True),
        (_EN_MONTH, month_of, True),
    ]


def _is_month_name(match: re.Match[str]) -> bool:
    return "may" not in (match.groupdict().get("mon"), match.groupdict().get("mon2"))


def find_time_range(question: str, latest: date, labels: dict[int, list[int]]) -> TimeRange | None:
    """The first time expression in priority order, widened by since/until words around it."""
    day_matches = [m for p in (_DAY_EN, _DAY_NUM) for m in p.finditer(question) if _is_month_name(m)]
    about_report = bool(_REPORT_WORDS.search(question))
    for pattern, resolve, single in _ranges(latest, labels):
        for match in pattern.finditer(question):
            if not _is_month_name(match):
                continue  # lowercase "may" is the verb, not the month
            if pattern in (_DAY_EN, _DAY_NUM) and not (
                about_report or _ON_DAY.search(question[: match.start()])
            ):
                continue
            if pattern in (_ZH_MONTH, _EN_MONTH) and any(
                d.start() <= match.start() < d.end() for d in day_matches
            ):
                continue  # the month of a day that was not taken as a report date
            period = resolve(match)
            since, until, days = period.since, period.until, period.days
            if since is None and until is None:
                continue
            start, end = match.span()
            if single:
                before, after = question[:start], question[end:]
                since_words = (_SINCE_BEFORE.search(before), _SINCE_AFTER.search(after))
                until_words = (_UNTIL_BEFORE.search(before), _UNTIL_AFTER.search(after))
                words = since_words if any(since_words) else until_words
                if any(since_words):
                    until = None
                    days = (days[0], date.max) if days else None
                elif any(until_words):
                    since = None
                    days = (date.min, days[1]) if days else None
                start = words[0].start() if words[0] else start
                end = end + words[1].end() if words[1] else end
            return TimeRange(since, until, question[start:end].strip(), days)
    return None
