"""Date rules for a month and day written as numbers only: `10/26`, `10.31` before a delivery word,
`10.31` in a clause about a schedule, `3.28` after a verb that moves a date, `1031` after a plan
word.

Its own module because a bare `M.D` is as often a version, a decimal or a score as a day: each
rule here reads the words around the figure before it calls it a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from index.text.time_core import (
    DAY_FIRST,
    DIGIT,
    MONTH_PATTERN,
    ROC_YEAR_OFFSET,
    Bias,
    Precision,
    Rules,
    month_end,
    pick_year,
    safe_date,
)

NUMERIC = Rules()
_rule = NUMERIC.rule


# A day in the Republic of China's years, as Taiwan writes them (`114/04/30`, `114.04.30`,
# `114年4月30日`, `114/06` a month): the year plus 1911. Years 100-119 (2011-2030) only, so a count
# (`35/40`) or a decimal (`103.2`) is no year: a point or a dash only with the day.
@_rule(
    r"(?<![\d/.\-])(?:民国\s*)?(1[01]\d)(?:\s*/\s*(0[1-9]|1[0-2]|[1-9])(?:\s*/\s*([0-3]?\d))?"
    r"|([.\-])(0?[1-9]|1[0-2])\4([0-3]?\d)|\s*年\s*(1[0-2]|0?[1-9])\s*月(?:\s*([0-3]?\d)\s*[日号]?)?)"
    r"(?![\d/%.]\d|\d|\s*[年%])",
    needs=DIGIT,
)
def _roc_year(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    year = int(m[1]) + ROC_YEAR_OFFSET
    month = m[2] or m[5] or m[7]
    day = m[3] or m[6] or m[8]
    if day is None:
        return month_end(year, int(month)), "month"
    return safe_date(year, int(month), int(day)), "day"


# An event named by its day, as Chinese writes one (`5·1 事故`, `7·23事件`, `6·18故障复盘`): the
# month and the day joined by a middle dot, before the event's noun.
@_rule(
    r"(?<![\d.·])(1[0-2]|0?[1-9])\s?[·•・]\s?([12]\d|3[01]|0?[1-9])(?![\d.·])(?=\s*(?:事故|事件|故障|宕机|停电|停机|中断|复盘))",
    needs=DIGIT,
)
def _named_event_day(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = int(m[1]), int(m[2])
    return pick_year(lambda y: safe_date(y, month, day), ref, bias), "day"


_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


# A weekday before a slashed day says which figure is the month: "Thu 04/09" is 4 September in a
# day-first team (9 April 2025 is a Wednesday), "Fri 17/10" can only be 17 October, "Thu
# 06/03/2025" is 6 March (3 June 2025 is a Tuesday). The reading (in its own year, else the nearest
# one) that falls on that weekday wins; when neither does, the report's order as `_slash`.
_WEEKDAY_SLASH = (
    r"(?<![A-Za-z])(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
    r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*((?:19|20)?\d{2}))?(?![\d/%])(?!:\d)"
)


@_rule(_WEEKDAY_SLASH, re.I, needs=DIGIT)
def _weekday_slash(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    readings = _weekday_readings(m, ref, bias)
    weekday = _WEEKDAYS[m[1].lower()]
    agreeing = [value for value in readings if value is not None and value.weekday() == weekday]
    fallback = [value for value in readings if value is not None]
    if DAY_FIRST.get():
        fallback.reverse()
    chosen = agreeing or fallback
    return (chosen[0] if chosen else None), "day"


def _weekday_readings(m: re.Match[str], ref: date, bias: Bias) -> list[date | None]:
    """Both readings of a weekday's slashed day: month first, then day first."""
    first, second = int(m[2]), int(m[3])
    year = None if m[4] is None else int(m[4]) if len(m[4]) == 4 else 2000 + int(m[4])
    return [
        _in_year(month, day, ref, bias) if year is None else safe_date(year, month, day)
        for month, day in ((first, second), (second, first))
    ]


def _in_year(month: int, day: int, ref: date, bias: Bias) -> date | None:
    return pick_year(lambda y: safe_date(y, month, day), ref, bias)


def _month_and_day(first: int, second: int) -> tuple[int, int]:
    """Which of two slashed figures is the month: the one that can be (`30/01`, `1/23`), else the
    report's order (`DAY_FIRST`)."""
    if first > 12 >= second or (DAY_FIRST.get() and second <= 12):
        return second, first
    return first, second


# A slashed day with its year, in either order: `14/11/2025`, `11/14/2025`, `05/12/25`.
@_rule(r"(?<![\d/.:\-])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)?\d{2})(?![\d/%])(?!:\d)", needs=DIGIT)
def _slash_year(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = _month_and_day(int(m[1]), int(m[2]))
    year = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3])
    return safe_date(year, month, day), "day"


# A dashed day with its year last (`04-25-2025`, ServiceNow's and many US tools' form; `25-04-2025`
# in a day-first team): the order as a slashed one's.
# A two-digit year after an apostrophe, then month and day, as Korean and Japanese templates write a
# day in a table (`'25.4.30`, `Go-live '25.5.16`, `’25/6/13`).
@_rule(r"(?<![\w'’])['’](\d{2})([./-])(\d{1,2})\2(\d{1,2})(?![\d./-])", needs=DIGIT)
def _apostrophe_year(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return safe_date(2000 + int(m[1]), int(m[3]), int(m[4])), "day"


@_rule(r"(?<![\d/.:\-])(\d{1,2})-(\d{1,2})-((?:19|20)\d{2})(?![\d\-])", needs=DIGIT)
def _dash_year_last(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = _month_and_day(int(m[1]), int(m[2]))
    return safe_date(int(m[3]), month, day), "day"


# A dotted day with its year last, as Europe writes it: `30.06.2025`, `1.7.2025`, `30.06.25` (a
# two-digit year only with two-digit day and month: `3.10.12` is a version). Day first, unless
# only the other order is a day (`06.30.2025`).
@_rule(
    r"(?<![\d.vV])(?:(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})|(\d{2})\.(\d{2})\.(\d{2}))(?![\d%]|\.\d)",
    needs=DIGIT,
)
def _dotted_year_last(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    first, second, year = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], "20" + m[6])
    day, month = int(first), int(second)
    if month > 12 >= day:
        day, month = month, day
    return safe_date(int(year), month, day), "day"


# `bis 30.6.`, `am 15.7.`: a day and month each closed by a point, day first (a Chinese month.day
# has no point after the day). Read so when the day cannot be a month, or the report writes its
# days day first and a day word stands before it (`due 5.7.`, `Fri 4.7.`).
@_rule(r"(?<![\d.vV])([0-3]?\d)\.([01]?\d)\.(?![\d%])", needs=DIGIT)
def _dotted_day_month(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    day, month = int(m[1]), int(m[2])
    cued = DAY_FIRST.get() and _DAY_CUE.search(m.string[max(0, m.start() - 12) : m.start()])
    # (both figures padded to two, `cutover 03.03.`, `LEOP-ready 05.03.`: no decimal is written so)
    padded = DAY_FIRST.get() and len(m[1]) == 2 and len(m[2]) == 2
    if not (day > 12 or cued or padded) or not 1 <= month <= 12:
        return None, "day"  # "rated 4.5.": a figure ending its sentence
    return _in_year(month, day, ref, bias), "day"


_DAY_CUE = re.compile(
    r"(?:\b(?:by|on|until|till|due|eta|target|from|to|before|after)|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?)\s*$",
    re.I,
)


@_rule(r"(?<![\d/.:\-])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/%])(?!:\d)", needs=DIGIT)
def _slash(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = _month_and_day(int(m[1]), int(m[2]))
    return pick_year(lambda y: safe_date(y, month, day), ref, bias), "day"


_SLASHED = re.compile(r"(?<![\d/.:\-])(\d{1,2})/(\d{1,2})(?:/(?:19|20)?\d{2})?(?![\d/%])(?!:\d)")


# A day written with its month's name says the writer's order too: "Sat 5 Oct", "6 Sep 2024" as a
# British or European writer puts it, "Oct 5" as an American one does.
_NAMED_DAY_FIRST = re.compile(rf"(?<![\d/.:])\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_PATTERN})\b\.?", re.I)
_NAMED_MONTH_FIRST = re.compile(rf"\b(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:])", re.I)


def _modal_may(written: str) -> bool:
    """ "2 may slip" is a verb, not 2 May: the month is capitalised when it is one."""
    return re.search(r"\bmay\b", written) is not None


def writes_day_first(lines: Iterable[str]) -> bool:
    """The text writes its slashed days day first: more of them can only be day/month (`30/01`,
    `14/11/2025`), or more days written with a month name put the day first (`5 Oct`), than only
    month/day (`1/30`, `Oct 5`). Ambiguous ones (`05/12`, progress `2/5`) say nothing; a fraction
    over 12 (`13/20`) fits neither."""
    day_first = month_first = 0
    for line in lines:
        day_first += sum(not _modal_may(m[0]) for m in _NAMED_DAY_FIRST.finditer(line))
        month_first += sum(not _modal_may(m[0]) for m in _NAMED_MONTH_FIRST.finditer(line))
        for m in _SLASHED.finditer(line):
            first, second = int(m[1]), int(m[2])
            if 12 < first <= 31 and 1 <= second <= 12:
                day_first += 1
            elif 1 <= first <= 12 and 12 < second <= 31:
                month_first += 1
        day_first += len(_DOTTED_DAY_FIRST.findall(line))
        for m in _WEEKDAY_SLASHED.finditer(line):  # a weekday that agrees with one order only
            if m[4] is None:
                continue  # without its year the weekday agrees with whichever year one guesses
            month_first_day, day_first_day = _weekday_readings(m, _ANY_REF, "nearest")
            weekday = _WEEKDAYS[m[1].lower()]
            agrees = [d is not None and d.weekday() == weekday for d in (month_first_day, day_first_day)]
            if agrees == [False, True]:
                day_first += _WEEKDAY_WEIGHT
            elif agrees == [True, False]:
                month_first += _WEEKDAY_WEIGHT
    return day_first > month_first


_WEEKDAY_SLASHED = re.compile(_WEEKDAY_SLASH, re.I)
_ANY_REF = date(2025, 6, 30)  # never read: only days with their year are counted
# A weekday's agreement is worth more than a figure over 12: it is the author's own statement of the
# order, where `09/25` may be an issue number over its year.
_WEEKDAY_WEIGHT = 3


# `30.06.2025`, `30.6.`: a dotted day whose day cannot be a month, written day first.
_DOTTED_DAY_FIRST = re.compile(
    r"(?<![\d.vV])(?:1[3-9]|2\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:(?:19|20)?\d{2})?(?![\d%])"
)


# What makes a dotted figure a version, not a day: `3.2版本`, `3.2暑期版本`, `3.2 release`; a
# schedule word between them leaves it a day (`10.15上线版本`: the version that ships on 10.15).
_VERSION_NEXT = (
    r"(?!\s*(?:(?:(?!上线|发布|完成|提测|冻结|交付|更新|全量|灰度|前|后)[\u4e00-\u9fff]){0,2}版|"
    r"(?:version|release|patch)\b))"
)


# A dotted figure this far from the report, with no day word after it, is a version or a decimal
# ("3.2暑期版本" in a June report, "高2.1个百分点"): a weekly report's day without a year is within a
# few months of it, and a team that numbers its releases so writes them beside its days ("3.2的全渠道
# 更新从7/18推迟到7/23").
_DOTTED_REACH_DAYS = 150


def _near(month: int, day: int, ref: date, bias: Bias) -> date | None:
    value = pick_year(lambda y: safe_date(y, month, day), ref, bias)
    return value if value is not None and abs((value - ref).days) <= _DOTTED_REACH_DAYS else None


@_rule(
    rf"(?<![\d.vV])(?<!版本)(\d{{1,2}})\.(\d{{1,2}}){_VERSION_NEXT}(?=\s*(?:之?前|[日号]|上线|完成|交付|提测|全量|割接|切换|投产|发布|验收|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)))",
    needs=DIGIT,
)
def _dotted(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    # the word after it ("7.15上线", "10.31日") or a clock time ("3.12 02:10") says it is a day,
    # however far ahead; a bare "前" is as
    # often a release's ("3.3前": before version 3.3)
    month, day = int(m[1]), int(m[2])
    if re.match(r"\s*(?:之?前)", m.string[m.end() :]):
        return _near(month, day, ref, bias), "day"
    return pick_year(lambda y: safe_date(y, month, day), ref, bias), "day"


# A dashed month-day before a clock time (`03-15 19:42 ~ 21:10`, a ticket system's stamp in a
# generated report, w53-g): a day, as a log writes it; without the time `03-15` may be a range.
@_rule(
    r"(?<![\d\-/.:])(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=\s+(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))", needs=DIGIT
)
def _dashed_before_clock(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return _near(int(m[1]), int(m[2]), ref, bias), "day"


# A dotted month.day in a clause about a schedule ("全量目标暂时还写10.31", "提测提前到10.22"):
# Chinese reports write days this way; decimals and versions have no schedule word beside them.
_SCHEDULE_CLAUSE = re.compile(
    r"目标|上线|全量|交付|截止|完成|提测|灰度|发布|推迟|顺延|延期|延到|改到|改为|提前到|时间|日期|排期|冻结|"
    r"\beta\b|\bdue\b|\btarget|\bdeadline\b",
    re.I,
)


@_rule(
    rf"(?<![\d.vV$¥£€])(?<!版本)(1[0-2]|0?[1-9])\.([0-3]?\d)(?![\d.%A-Za-z倍万亿]){_VERSION_NEXT}",
    needs=DIGIT,
)
def _dotted_in_schedule(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    left = max(m.string.rfind(c, 0, m.start()) for c in "，。；;,\n") + 1
    right = min(
        (i for i in (m.string.find(c, m.end()) for c in "，。；;,\n") if i >= 0), default=len(m.string)
    )
    if not _SCHEDULE_CLAUSE.search(m.string[left:right]):
        return None, "day"
    word = re.search(r"([A-Za-z][\w-]*)\s*$", m.string[left : m.start()])
    cued = word is not None and word[1].lower() in (
        "eta",
        "due",
        "target",
        "by",
        "on",
        "till",
        "until",
        "before",
    )
    if word and not cued:
        return None, "day"  # "K8s 1.28", "Go 1.22": a version after a name
    if not cued and not re.search(r"[\u4e00-\u9fff]", m.string[left:right]):
        return None, "day"  # "4.3 is still the target": English prose writes a release so, not a day
    return _near(int(m[1]), int(m[2]), ref, bias), "day"


# A dotted date after a schedule verb ("推迟至 3.28", "延期到3.28"): the verb says it is a day.
@_rule(r"(?<=至|到|为|于)\s*(1[0-2]|0?[1-9])\.([0-3]?\d)(?![\d.%])(?!\s*版)", needs=DIGIT)
def _dotted_after_verb(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    before = m.string[max(0, m.start() - 4) : m.start() + 1]
    if not re.search(r"(?:推迟|延期|延后|顺延|调整|改|预计|计划|定|已)(?:至|到|为|于)", before):
        return None, "day"
    return _near(int(m[1]), int(m[2]), ref, bias), "day"


@_rule(
    r"(?<=预计|计划|争取|目标|已于|将于|定于)\s*(\d{3,4})(?=\s*(?:之?前|上线|完成|发布|交付|提测))",
    needs=DIGIT,
)
def _compact(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    digits = m[1]
    month, day = int(digits[:-2]), int(digits[-2:])
    return pick_year(lambda y: safe_date(y, month, day), ref, bias), "day"


# Three two-digit figures with dashes (`@due(24-04-08)`, a notes app's `24-03-20`): a day with a
# two-digit year in an order the text does not say; the reading nearest the report wins, within a
# year of it (a version `12-04-01` far from any report is no day).
@_rule(r"(?<![\d\-/.:])(\d{2})-(\d{2})-(\d{2})(?![\d\-:])", needs=DIGIT)
def _two_digit_year_dashes(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    a, b, c = int(m[1]), int(m[2]), int(m[3])
    readings = [safe_date(2000 + a, b, c), safe_date(2000 + c, b, a), safe_date(2000 + c, a, b)]
    near = [d for d in readings if d is not None and abs((d - ref).days) <= _NEAR_DAYS]
    return (min(near, key=lambda d: abs((d - ref).days)) if near else None), "day"


_NEAR_DAYS = 366
