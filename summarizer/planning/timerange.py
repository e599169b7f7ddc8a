"""Time expressions in questions, zh and en, resolved to inclusive ISO week int ranges.

Relative time ("last month", "上个月", "最近三周") is resolved against the latest indexed report
date, never today: an archive of last year's reports must answer "last month" about its own
last month. Ranges are ISO week ints (202442), the key the store filters on; a month or quarter
covers the weeks whose Friday falls inside it, because weekly reports are dated at week's end.
Company week labels ("第43周", "W18") may run ahead of ISO weeks (FACTS.md), so a label in a
question maps to the ISO week of the report that carries that label when one exists; the series'
other numbering ("第七期", "#53", "Cycle 24") is found by `series_labels.find_series_label` and resolved to
reports by the planner. A date a plan moved from or to, or a target ("slip from April to May",
"due mid-May", "8月中旬目标"), is not the period asked and filters nothing.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from index.text.holidays import FIXED_HOLIDAYS, HOLIDAY_NAMES, holiday_span
from index.text.numerals import ZH_NUMBER, small_number
from index.text.timeexpr import MONTH_PATTERN, MONTHS
from index.text.weeks import WEEK_ABBREVIATION, shift_weeks, week_int
from summarizer.planning.periods import Period, eve_of, fridays, month_range, part_days, year_for_month
from summarizer.planning.series_labels import series_labels
from summarizer.planning.week_refs import resolve_week

_MONTH_NO = MONTHS
_MONTH_RE = MONTH_PATTERN
NUM = rf"(\d{{1,2}}|{ZH_NUMBER}|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
_ZH_NUM = ZH_NUMBER
# Python's \b sees CJK as word characters ("W40以来"), so Latin boundaries are spelled out.
_B, _E = r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z])"
# (a fiscal year before a week label is part of it: "the FY25 Wk 40 update" names the label `Wk 40`)
WREF = (
    rf"(?:(?:{_B}FY\s?\d{{2,4}}\s*)?(?:{_B}20\d{{2}}\s*-?\s*W\d{{1,2}}{_E}|{_B}W\d{{1,2}}{_E}"
    rf"|{_B}{WEEK_ABBREVIATION}\s?\d{{1,2}}{_E}"
    rf"|{_B}week\s*\d{{1,2}}{_E}(?:\s*(?:of|,)\s*20\d{{2}}{_E})?)"
    rf"|(?:20\d{{2}}\s*年\s*)?第\s*(?:\d{{1,2}}|{_ZH_NUM})\s*周)"
)
# Bare "from" is no open range: "anything from week 19?" asks about week 19; "from W19 on",
# "from March onwards" and "since" are open (a span "from X to Y" is read before this).
# "since the start of March", "until the end of June": an article between the word and the period.
_SINCE_BEFORE = re.compile(r"(?:(?:since|after|starting(?:\s+from)?)(?:\s+the)?|自从?|从)\s*$", re.I)
_SINCE_AFTER = re.compile(
    r"^\s*(?:以来|起|开始|之后|以后|至今|到现在|onwards?|on\b|(?:of\s+20\d{2}\s+)?(?:or|and)\s+(?:later|after))",
    re.I,
)
# Not "by the end of June": that is a deadline more often than a period's end.
_UNTIL_BEFORE = re.compile(
    r"(?:(?:until|till|before|through|up\s+to)(?:\s+the)?|by|截至|截止到?|到)\s*$", re.I
)
_UNTIL_AFTER = re.compile(r"^\s*(?:之前|以前|前|(?:of\s+20\d{2}\s+)?(?:or|and)\s+(?:earlier|before))", re.I)
# "The open risks going into June", "heading into Q4", "just before the Christmas shutdown",
# "国庆前最后一期": where things stood as the period began, which the report of the week before its
# first day tells; "国庆节后第一期": the report of the week after its last day. Not the period itself.
_GOING_INTO = re.compile(
    r"\b(?:(?:going|heading|moving)\s+into|entering|(?:just|right|shortly)\s+before)(?:\s+the)?\s*$|进入\s*$",
    re.I,
)
_EVE_AFTER = re.compile(r"^\s*(?:之?前的?最后一[期周次]|前夕)")
_MORROW_AFTER = re.compile(r"^\s*(?:之?后的?第一[期周次]|后首期)")


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
# "the latest <report>": what teams call a report, a post or a meeting's notes ("the latest sync",
# "the most recent weeknote", "the last newsletter").
REPORT_NOUNS = (
    r"report|update|digest|issue|edition|page|minutes|weeknotes?|post|newsletter|notes|changelog|sync"
    r"|standup|stand-up|meeting|memo|bulletin|write-?up"
)
_THIS_WEEK = re.compile(
    rf"\b(?:this|current|latest)\s+week\b|\b(?:latest|most\s+recent|last)\s+(?:{REPORT_NOUNS})\b"
    r"|本周|这一?周|本星期|最新|最近一[次期]",
    re.I,
)
# A month of a year named by its distance: "今年7月份", "去年12月", "July last year", "this year's March".
_REL_YEAR_MONTH = re.compile(
    r"(?P<rel>今年|去年|明年)\s*(?P<zm>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?(?!\s*\d{1,2}\s*[日号])(?!\d)"
    rf"|{_B}(?P<mon>{_MONTH_RE})\.?\s+(?:of\s+)?(?P<rel2>this|last|next)\s+year\b"
    rf"|\b(?P<rel3>this|last|next)\s+year['’]?s?\s+(?P<mon2>{_MONTH_RE}){_E}",
    re.I,
)
_YEAR_OFFSET = {"今年": 0, "this": 0, "去年": -1, "last": -1, "明年": 1, "next": 1}
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
    rf"|{_B}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH_RE})\.?{_E}(?:,?\s+(?P<y2>20\d{{2}}))?",
    re.I,
)
_DAY_NUM = re.compile(
    r"(?:(?P<y>20\d{2})\s*年\s*)?(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>[0-3]?\d)\s*[日号]"
    rf"|{_B}(?P<y2>20\d{{2}})[-/.](?P<m2>1[0-2]|0?[1-9])[-/.](?P<d2>[0-3]?\d){_E}"
    # "11.21", "5/14": month and day as Chinese reports write them (never "3.1%", "v1.2", "1.86").
    r"|(?<![0-9A-Za-z.%/-])(?P<m3>1[0-2]|0?[1-9])[./](?P<d3>[0-3]?\d)(?![0-9A-Za-z.%/-])"
)
# Holidays on fixed calendar days, the days they name: the shared table (index.text.holidays).
# Movable feasts (Easter, 春节, 中秋) are left out here, a question's period read without them (a
# `中秋月饼预售页` is a project), save the report just before or after one ("Good Friday 前最後一次週會",
# w46-e): the holiday's eve or morrow is the period's whole point.
_HOLIDAYS = FIXED_HOLIDAYS
_HOLIDAY = re.compile("|".join(f"(?P<h{i}>{p})" for i, (p, _, _) in enumerate(_HOLIDAYS)), re.I)
_MOVABLE_EVE = re.compile(
    rf"(?:{HOLIDAY_NAMES.pattern})(?=\s*(?:之?前的?最后一[期周次]|前夕|之?后的?第一[期周次]|后首期))", re.I
)
# A day names a report's week only when the question is about a report ("the May 23 report",
# "week of May 9", "5月23日的周报") or an event "on" that day; otherwise it is usually a target
# date ("ETA May 23"), which says nothing about which reports to read.
_REPORT_WORDS = re.compile(
    r"\b(?:report|update|weekly|week\s+of|issue)\b|周报|报告|那一?周|当周|这一?期|那一?期", re.I
)
_ON_DAY = re.compile(r"(?:\bon|\bof|\bdated|当天|那天)\s*$", re.I)
_EN_MONTH = re.compile(rf"\b(?:in\s+)?(?P<mon>{_MONTH_RE})\b\.?(?:\s+(?P<y2>20\d{{2}}))?", re.I)
_ZM = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
# Month to month, across years too: "2020年5月到2021年2月", "3月到5月", "from March to May 2025".
_MONTH_SPAN_ZH = re.compile(
    rf"(?:(?P<y>20\d{{2}})\s*年\s*)?(?P<zm>{_ZM})\s*月份?\s*(?:到|至|~|～|-|—|–)\s*"
    rf"(?:(?P<y2>20\d{{2}})\s*年\s*)?(?P<zm2>{_ZM})\s*月份?(?!\s*\d{{1,2}}\s*[日号])"
)
_MONTH_SPAN_EN = re.compile(
    rf"(?:\b(?:from|between)\s+)?\b(?P<mon>{_MONTH_RE})\b\.?(?:\s+(?P<y>20\d{{2}}))?\s*"
    rf"(?:to|through|till|until|and|-|–|—)\s*\b(?P<mon2>{_MONTH_RE})\b\.?(?:\s+(?P<y2>20\d{{2}}))?",
    re.I,
)
# Part of a month: "mid-February", "end of March", "8月中旬", "3月底".
_PART_EN = re.compile(
    rf"\b(?P<part>early|mid|late|end\s+of|beginning\s+of|start\s+of|(?:the\s+)?(?:first|second|last)\s+half\s+of)"
    rf"[\s-]+(?P<mon>{_MONTH_RE})\b\.?"
    rf"(?:\s+(?P<y2>20\d{{2}}))?",
    re.I,
)
# "The first week of October", "the last week of June", "10月第一周", "6月最后一周": one week of a
# month, the one holding its Nth (or last) Thursday, as ISO weeks belong to the month of theirs.
_NTH_WEEK_EN = re.compile(
    rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+"
    rf"(?P<mon>{_MONTH_RE})\b\.?(?:,?\s+(?P<y2>20\d{{2}}))?",
    re.I,
)
_NTH_WEEK_ZH = re.compile(
    rf"(?:(?P<y>20\d{{2}})\s*年\s*)?(?P<zm>{_ZM})\s*月份?\s*(?:的)?\s*(?:第\s*(?P<zn>[一二三四1-4])\s*周|(?P<zlast>最后一周))"
)
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}
_PART_ZH = re.compile(
    rf"(?:(?P<y>20\d{{2}})\s*年\s*)?(?P<zm>{_ZM})\s*月份?\s*(?P<part>上半月|下半月|上旬|中旬|下旬|初|中|底|末)"
)
_THIS_QUARTER = re.compile(r"\b(?:this|current)\s+quarter\b|本季度?|这个?季度", re.I)
_LAST_QUARTER = re.compile(r"\b(?:last|previous)\s+quarter\b|上个?季度", re.I)
# A year alone: "2024年一共几次事故", "in 2024" (a year with a month, week or quarter is taken above).
_YEAR = re.compile(
    r"(?<!\d)(?P<y>20\d{2})\s*(?:年(?:度)?)(?!\s*(?:\d|第|[一二三四]季|十|[一二三四五六七八九]月|底|末|初|中))"
    r"|\b(?:in|during|(?:the\s+)?(?:start|beginning)\s+of)\s+(?P<y2>20\d{2})\b(?!\s*-?\s*W\d)",
    re.I,
)
# Days and month parts often name a target; the months inside them are then no period either.
_TARGET_LIKE = (_PART_EN, _PART_ZH, _DAY_EN, _DAY_NUM)
# A date a plan moved to or from, or a target, is not the period asked: "slip from April to May",
# "pushed to June", "due in March", "推迟到5月", "原定10月上线", "8月中旬目标", "能按5月底上线吗".
_TARGET_BEFORE = re.compile(
    r"(?:\b(?:move[ds]?|moving|slip(?:ped|s|ping)?|push(?:ed|es)?|shift(?:ed|s)?|delay(?:ed|s)?|"
    r"postpone[ds]?|changed?|went|gone|brought\s+forward)\b(?:\s+[\w-]+){0,3}?\s+(?:from|to)"
    r"|\b(?:due|target(?:ed)?|eta|deadline|planned\s+for|scheduled\s+for|expected)\b"
    r"(?:\s+(?:date|is|was|of|on|in|by|for|at|to))*"
    r"|(?:推迟|延期|顺延|调整|改|延后|延|推|提前)(?:到|至|为)|(?:目标|预计|计划|原定|原计划)\s*(?:是|为|在|于)?"
    # "能按5月底上线吗", "能否在6月前交付": by the date, a deadline asked about
    r"|(?:按|按时|按期|能否在|能在|可否在|来得及在))(?:\s+the)?\s*$",  # "pushed out to the end of May"
    re.I,
)
_TARGET_AFTER = re.compile(
    r"^\s*(?:的)?\s*(?:目标|截止|deadline)|^\s*(?:推迟|延期|顺延|调整|延后|提前|改)(?:到|至)"
    # A date that names a planned event ("the end of July run", "the 15 April release"): the event's
    # day, which the reports before it plan for, not the period asked about.
    r"|^\s*(?:run|release|launch|go-?live|cut-?over|freeze|rollout|roll-out|deadline|milestone|submission)\b",
    re.I,
)
# A day that names a report ("the April 1 meeting", "its 8 May memo", "3月4日的例会"): the report of
# that day is asked about, as with "the update of April 1".
_REPORT_AFTER = re.compile(
    r"^\s*(?:'s\s+)?(?:meeting|memo|minutes|call|sync|stand-?up|e-?mail|newsletter|digest|session|notes)\b"
    r"|^\s*的?(?:会议|例会|周会|会上|纪要|邮件|周报|月报)",
    re.I,
)
_LEADING = re.compile(r"^(?:from|between|in)\s+", re.I)


def _is_target(question: str, match: re.Match[str]) -> bool:
    """The matched date is a target or a plan's old or new date, by the words around it."""
    lead = _LEADING.match(match[0])
    before = question[: match.start()] + (lead[0] if lead else "")
    return bool(_TARGET_BEFORE.search(before) or _TARGET_AFTER.search(question[match.end() :]))


def _ranges(latest: date, labels: dict[int, list[int]]) -> list[tuple[re.Pattern[str], Resolver, bool]]:
    """(pattern, resolver, single period) in priority order; single periods take since/until words."""
    cur = week_int(latest)
    prev_month = (latest.year, latest.month - 1) if latest.month > 1 else (latest.year - 1, 12)

    def weeks_back(n: int) -> Period:
        return Period(shift_weeks(cur, -(max(n, 1) - 1)), cur)

    def month_of(m: re.Match[str]) -> Period:
        groups = m.groupdict()
        month = _MONTH_NO[groups["mon"].lower()] if groups.get("mon") else small_number(groups["zm"])
        year = int(groups.get("y") or groups.get("y2") or 0) or year_for_month(month, latest)
        return month_range(year, month)

    def month_of_year(m: re.Match[str]) -> Period:
        name = m["mon"] or m["mon2"]
        month = _MONTH_NO[name.lower()] if name else small_number(m["zm"])
        return month_range(latest.year + _YEAR_OFFSET[(m["rel"] or m["rel2"] or m["rel3"]).lower()], month)

    def quarter_of(m: re.Match[str]) -> Period:
        first = (int(m["q"]) if m["q"] else small_number(m["zq"])) * 3 - 2
        year = int(m["y"] or m["y2"] or 0) or year_for_month(first, latest)
        return month_range(year, first, 3)

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
        month = _MONTH_NO[name.lower()] if name else int(g.get("m") or g.get("m2") or g["m3"])
        year = int(g.get("y") or g.get("y2") or 0) or year_for_month(month, latest)
        try:
            day = date(year, month, int(g.get("d") or g.get("d2") or g["d3"]))
        except ValueError:
            return Period(None, None)
        return Period(week_int(day), week_int(day), days=(day, day))

    def holiday(m: re.Match[str]) -> Period:
        _, (m1, d1), (m2, d2) = _HOLIDAYS[int((m.lastgroup or "h0")[1:])]
        # The last one the reports can have seen: a holiday after the latest report is last year's.
        year = latest.year if date(latest.year, m1, d1) <= latest else latest.year - 1
        first, last = date(year, m1, d1), date(year, m2, d2)
        return Period(week_int(first), week_int(last), days=(first, last))

    def movable(m: re.Match[str]) -> Period:
        spans = [span for year in (latest.year, latest.year - 1) if (span := holiday_span(m, year))]
        seen = [span for span in spans if span[0] <= latest]  # the last one the reports can have seen
        if not seen:
            return Period(None, None)
        first, last = seen[0]
        return Period(week_int(first), week_int(last), days=(first, last))

    def single_week(m: re.Match[str]) -> Period:
        week = resolve_week(m[0], latest, labels)
        return Period(week, week)

    def month_no(g: dict[str, str | None], en: str, zh: str) -> int:
        name = g.get(en)
        return _MONTH_NO[name.lower()] if name else small_number(g[zh] or "")

    def month_span(m: re.Match[str]) -> Period:
        g = m.groupdict()
        first_m, last_m = month_no(g, "mon", "zm"), month_no(g, "mon2", "zm2")
        y1, y2 = (int(g["y"]) if g.get("y") else None), (int(g["y2"]) if g.get("y2") else None)
        if y2 is None:
            y2 = (y1 if last_m >= first_m else y1 + 1) if y1 else year_for_month(last_m, latest)
        if y1 is None:
            y1 = y2 if first_m <= last_m else y2 - 1
        if (y1, first_m) > (y2, last_m):
            return Period(None, None)
        months = (y2 - y1) * 12 + last_m - first_m + 1
        return month_range(y1, first_m, months)

    def month_part(m: re.Match[str]) -> Period:
        g = m.groupdict()
        month = month_no(g, "mon", "zm")
        year = int(g.get("y") or g.get("y2") or 0) or year_for_month(month, latest)
        first, last = part_days(year, month, (g["part"] or "").lower())
        return Period(*fridays(first, last), days=(first, last))

    def nth_week(m: re.Match[str]) -> Period:
        g = m.groupdict()
        month = month_no(g, "mon", "zm")
        year = int(g.get("y") or g.get("y2") or 0) or year_for_month(month, latest)
        nth = -1 if g.get("zlast") else _NTH[g["nth"].lower()] if g.get("nth") else small_number(g["zn"])
        thursdays = [
            day
            for day in (date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1))
            if day.weekday() == 3
        ]
        thursday = thursdays[nth if nth < 0 else min(nth, len(thursdays)) - 1]
        monday = thursday - timedelta(days=3)
        return Period(week_int(thursday), week_int(thursday), days=(monday, monday + timedelta(days=6)))

    def quarter_at(offset: int) -> Period:
        index = (latest.year * 4 + (latest.month - 1) // 3) + offset
        year, quarter = divmod(index, 4)
        return month_range(year, quarter * 3 + 1, 3)

    def year_of(m: re.Match[str]) -> Period:
        return month_range(int(m["y"] or m["y2"]), 1, 12)

    return [
        (_NTH_WEEK_EN, nth_week, True),
        (_NTH_WEEK_ZH, nth_week, True),
        (_BETWEEN, between, False),
        (_LABEL_SPAN, label_span, False),
        (_MONTH_SPAN_ZH, month_span, False),
        (_MONTH_SPAN_EN, month_span, False),
        (_LAST_WEEKS, lambda m: weeks_back(small_number(m[1] or m[2])), False),
        (_LAST_MONTHS, lambda m: weeks_back(math.ceil(small_number(m[1] or m[2]) * 4.345)), False),
        (_PAST_MONTH, lambda m: weeks_back(5), False),
        (_LAST_MONTH, lambda m: month_range(*prev_month), True),
        (_THIS_MONTH, lambda m: Period(month_range(latest.year, latest.month).since, cur), True),
        (_LAST_WEEK, lambda m: Period(shift_weeks(cur, -1), shift_weeks(cur, -1)), True),
        # A day naming a report before "latest": "最新一期（11.21）周报" is the report of that day.
        (_DAY_EN, day_of, True),
        (_DAY_NUM, day_of, True),
        (_THIS_WEEK, lambda m: Period(cur, cur), True),
        (_REL_YEAR_MONTH, month_of_year, True),
        (_THIS_YEAR, lambda m: Period(week_int(date(latest.year, 1, 4)), cur), True),
        (_LAST_YEAR, lambda m: month_range(latest.year - 1, 1, 12), True),
        (_THIS_QUARTER, lambda m: quarter_at(0), True),
        (_LAST_QUARTER, lambda m: quarter_at(-1), True),
        (_QUARTER, quarter_of, True),
        (_WEEK, single_week, True),
        (_HOLIDAY, holiday, True),
        (_MOVABLE_EVE, movable, True),
        (_PART_EN, month_part, True),
        (_PART_ZH, month_part, True),
        (_ZH_MONTH, month_of, True),
        (_EN_MONTH, month_of, True),
        (_YEAR, year_of, True),
    ]


def _is_month_name(match: re.Match[str]) -> bool:
    return "may" not in (match.groupdict().get("mon"), match.groupdict().get("mon2"))


# "相比上周", "compared with last week", "vs the previous week": the baseline of a comparison, not the
# period asked. "第22周相比上周有什么变化" asks about week 22 (the planner adds the report before it);
# alone ("what changed compared to last week?") it asks about the latest report.
_COMPARED = re.compile(
    r"(?:相比|相对|对比|比起|较|比|和|跟|与)\s*(?:上一?周|上个?星期|上一?期|上次)\s*(?:相比|比较|比)?"
    r"|\b(?:compared\s+(?:with|to)|relative\s+to|than|vs\.?|versus|over)\s+(?:the\s+)?"
    r"(?:last|previous|prior|preceding)\s+(?:week|report|update|issue|one)\b",
    re.I,
)


def find_time_range(question: str, latest: date, labels: dict[int, list[int]]) -> TimeRange | None:
    """The first time expression in priority order, widened by since/until words around it; the
    baseline of a comparison ("相比上周") is no period, and alone it means the latest report."""
    compared = _COMPARED.search(question)
    if compared is None:
        return _find_time_range(question, latest, labels)
    blanked = question[: compared.start()] + " " * len(compared[0]) + question[compared.end() :]
    found = _find_time_range(blanked, latest, labels)
    if found is not None or any(x.kind != "week" for x in series_labels(blanked)):
        return found  # "第14期相比上一期": the series' own number says which report
    current = week_int(latest)
    return TimeRange(current, current, compared[0].strip())


# A day naming an incident ("3/26 面单故障", "the March 26 outage", "3月26日的故障"): the day it happened.
_INCIDENT_AFTER = re.compile(
    r"\s*(?:的)?\s*(?:[^\s，。？?,.]{1,6}\s*)?(?:故障|事故|宕机|中断|线上问题|outage|incident|downtime)", re.I
)


# "between late March and the end of April", "from 3 March to 30 April": two time expressions, each
# read on its own, joined into one span (w19-e asked so; each end alone was read as the period).
_SPAN_OF_TWO = re.compile(
    r"\b(?:between|from)\s+(?P<a>[^,;?.]{3,40}?)\s+(?:and|to|through|until|till)\s+(?P<b>[^,;?]{3,40}?)"
    r"(?=\s*(?:[,;?]|\.(?:\s|$)|$|\s+(?:and|or|but|how|what|which|who|did|were|was|is|are)\b))",
    re.I,
)


def _span_of_two(question: str, latest: date, labels: dict[int, list[int]]) -> TimeRange | None:
    """A span whose two ends are each a time expression: from the first's start to the second's end."""
    for match in _SPAN_OF_TWO.finditer(question):
        if _is_target(question, match):
            continue  # "slip from April to May": the plan's old and new days, no period
        first = _find_time_range(match["a"], latest, labels, joined=False)
        last = _find_time_range(match["b"], latest, labels, joined=False)
        if first is None or last is None or first.since is None or last.until is None:
            continue
        if first.since > last.until:
            continue
        days = (first.days[0], last.days[1]) if first.days and last.days else None
        return TimeRange(first.since, last.until, match[0].strip(), days=days)
    return None


def _find_time_range(
    question: str, latest: date, labels: dict[int, list[int]], joined: bool = True
) -> TimeRange | None:
    if joined and (joined_span := _span_of_two(question, latest, labels)) is not None:
        return joined_span
    about_report = bool(_REPORT_WORDS.search(question))
    # Days and month parts that may be target dates; the months inside them are not periods.
    day_matches = [m for p in _TARGET_LIKE for m in p.finditer(question) if _is_month_name(m)]
    for pattern, resolve, single in _ranges(latest, labels):
        for match in pattern.finditer(question):
            if not _is_month_name(match):
                continue  # lowercase "may" is the verb, not the month
            incident_day = pattern in (_DAY_EN, _DAY_NUM) and bool(
                _INCIDENT_AFTER.match(question[match.end() :])
            )
            if pattern in (_DAY_EN, _DAY_NUM) and not (
                about_report
                or _ON_DAY.search(question[: match.start()])
                or _REPORT_AFTER.search(question[match.end() :])
                or incident_day
                or _glosses_which(question, match)
            ):
                continue
            if _is_target(question, match) and not about_report:
                day_matches.append(match)  # "slip from April to May": neither month is the period
                continue
            if pattern in (_ZH_MONTH, _EN_MONTH, _YEAR) and any(
                d.start() <= match.start() < d.end() for d in day_matches
            ):
                continue  # the month of a day that was not taken as a report date
            period = resolve(match)
            since, until, days = period.since, period.until, period.days
            if since is None and until is None:
                continue
            start, end = match.span()
            going_into = _GOING_INTO.search(question[:start]) if single else None
            eve = _EVE_AFTER.match(question[end:]) if single else None
            if going_into is not None or eve is not None:
                point = eve_of(days, since, latest, bool(re.search(r"20\d{2}", match[0])))
                span = (going_into.start() if going_into else start, end + eve.end() if eve else end)
                return TimeRange(point, point, question[span[0] : span[1]].strip())
            morrow = _MORROW_AFTER.match(question[end:]) if single else None
            if morrow is not None:
                point = (
                    week_int(days[1] + timedelta(days=1))
                    if days
                    else shift_weeks(until or week_int(latest), 1)
                )
                return TimeRange(point, point, question[start : end + morrow.end()].strip())
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
                if incident_day and not any(words):
                    # the incident's day, and every report after it: its postmortem is told later
                    until = None
            return TimeRange(since, until, question[start:end].strip(), days)
    return None


def _glosses_which(question: str, match: re.Match[str]) -> bool:
    """A day alone in brackets after the newest of something ("What changed in the latest
    look-ahead (2 May)?", a report the team calls by its own name): the day says which one."""
    return bool(_NEWEST_BRACKET.search(question[: match.start()])) and question[
        match.end() :
    ].lstrip().startswith((")", "）"))


_NEWEST_BRACKET = re.compile(
    r"(?:\b(?:latest|last|newest|most\s+recent)\b|最新|最近)[^()（）]{0,30}[(（]\s*$", re.I
)


_TARGET_CUE = re.compile(
    r"(?:due|target|eta|deadline|planned|scheduled|expected|目标|预计|计划|原定|原计划)", re.I
)


def _plan_dates(question: str) -> Iterator[re.Match[str]]:
    """Every date the question names as a plan's: a target, or a date a plan moved from or to."""
    for pattern in (*_TARGET_LIKE, _EN_MONTH, _ZH_MONTH):
        for match in pattern.finditer(question):
            if _is_month_name(match) and _is_target(question, match):
                yield match


def plan_date_texts(question: str) -> list[str]:
    """The words of every date the question names as a plan's (`pushed out to the end of May`,
    `推迟到5月底`): values asked about, never the subject an answer must be about."""
    return [match[0] for match in _plan_dates(question)]


def target_dates(question: str) -> list[str]:
    """The target dates a question states with their cue ("was due by mid-March", "原定10月"):
    what it asserts about the plan, which an answer saying where the thing stands ("i18n stays
    paused") need not repeat. Empty when it states none."""
    found: list[str] = []
    for match in _plan_dates(question):
        cue = _TARGET_BEFORE.search(question[: match.start()])
        # Only a stated target ("due by", "原定"): the dates of a move ("why did it slip from April
        # to May?") are what the line telling of the move writes, and find it.
        if cue is not None and _TARGET_CUE.match(cue[0]):
            found.append(question[cue.start() : match.end()])
    return found
