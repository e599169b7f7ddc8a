"""Date expressions in text, resolved against a reference date: the one time-expression parser.

Reports rarely write a year: `10/26`, `3月15日`, `Jun 14`, `下周三`, `月底`, `Q3`. A date without
a year takes the year that puts it closest to the report date, with a bias: targets lean to
the future (a late-December report's `1/15` is next January), incidents to the past. Relative
dates (`下周三` = Wednesday of the week after the report's week) keep their original text.
`dateparser` cannot do the Chinese forms (FACTS.md), hence rules of our own.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from index.text.holidays import HOLIDAYS, holiday_span, nearest_holiday
from index.text.numerals import zh_number
from index.text.tense import told_as_past

Bias = Literal["future", "past", "nearest"]
Precision = Literal["day", "week", "month", "quarter", "half", "year"]

# The one month-name table (report dates, ledger targets and questions all read months with it).
MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_MON = MONTH_PATTERN
_WEEKDAY_ZH = {"日": 7, "天": 7}
_EN_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


@dataclass(frozen=True)
class DateHit:
    """A date expression found in text: its span, resolved value and how precise it is."""

    start: int
    end: int
    value: date
    text: str
    precision: Precision


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _pick_year(make: Callable[[int], date | None], ref: date, bias: Bias) -> date | None:
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


def _weekday(ref: date, weeks_ahead: int, weekday: int) -> date:
    monday = ref - timedelta(days=ref.weekday())
    return monday + timedelta(days=7 * weeks_ahead + weekday)


def _bare_weekday(m: re.Match[str], ref: date, weekday: int) -> date:
    """A weekday with no `下`/`next`: the next such day, or, told in the past tense (`周二晚上接口挂了`,
    `on Tuesday the deploy went out`), the last one on or before the report."""
    if told_as_past(m.string, m.start(), m.end()):
        return ref - timedelta(days=(ref.weekday() - weekday) % 7)
    return _weekday(ref, 0 if weekday >= ref.weekday() else 1, weekday)


def _month_day_near(ref: date, day: int, past: bool) -> date | None:
    """A day of the month with no month (`15号`, `the 3rd`): the next such day from the report, or
    the last one on or before it when the clause tells of a thing done."""
    months = [(ref.year, ref.month)]
    step = -1 if past else 1
    for _ in range(2):
        year, month = months[-1]
        index = year * 12 + month - 1 + step
        months.append((index // 12, index % 12 + 1))
    for year, month in months:
        value = _safe(year, month, day)
        if value is not None and (value <= ref if past else value >= ref):
            return value
    return None


def _zh_weeks_ahead(prefix: str | None) -> int:
    prefix = prefix or ""
    if prefix.startswith("下下"):
        return 2
    if prefix.startswith("下"):
        return 1
    if prefix.startswith("上"):
        return -1
    return 0


def _quarter(year: int, quarter: int) -> date:
    return month_end(year, quarter * 3)


def _forward(make: Callable[[int], date], ref: date, grace_days: int = 30) -> date:
    """The first of this year's or next year's period that has not ended more than a month ago."""
    for year in (ref.year, ref.year + 1):
        value = make(year)
        if value >= ref - timedelta(days=grace_days):
            return value
    return make(ref.year + 1)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


Resolver = Callable[[re.Match[str], date, Bias], tuple[date | None, Precision]]
_RULES: list[tuple[re.Pattern[str], Resolver, re.Pattern[str] | None]] = []
_DIGIT = r"\d"


def _rule(pattern: str, flags: int = 0, needs: str | None = None) -> Callable[[Resolver], Resolver]:
    """Register a rule. `needs`: a pattern every match of the rule contains (compiled with the
    same flags), searched first: most lines hold no date, and a rule whose pattern opens with
    optional parts or a long alternation costs a try at every character (`季度`, the holidays)."""

    def register(func: Resolver) -> Resolver:
        _RULES.append((re.compile(pattern, flags), func, re.compile(needs, flags) if needs else None))
        return func

    return register


@_rule(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?!\d)", needs=_DIGIT)
def _full(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return _safe(int(m[1]), int(m[2]), int(m[3])), "day"


# A full month name is not abbreviated: a full stop after it ends the sentence.
_FULL_MONTHS = frozenset(name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july"))


def _sentence_end(text: str, month: str) -> bool:
    return month.lower() in _FULL_MONTHS and text[len(month) : len(month) + 1] == "."


@_rule(r"(?<![\w])(20\d{2})-?W(\d{1,2})(?!\d)", re.I, needs=_DIGIT)
def _iso_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    try:
        return date.fromisocalendar(int(m[1]), int(m[2]), 5), "week"
    except ValueError:
        return None, "week"


# "ETA: W29" (a planning table's week column): that week of the year it is still ahead in.
@_rule(r"(?<![\w\-/])W(\d{2})(?![\w\-/])", needs=_DIGIT)
def _bare_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    week = int(m[1])
    if not 1 <= week <= 52:
        return None, "week"
    return _forward(lambda y: date.fromisocalendar(y, week, 5), ref, grace_days=92), "week"


@_rule(rf"\b({_MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(20\d{{2}}))?", re.I, needs=_DIGIT)
def _en_month_day(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    if _sentence_end(m[0], m[1]):
        return None, "day"  # "cannot start before June. 23 of 41 …": a sentence ends there
    month, day = MONTHS[m[1].lower()], int(m[2])
    if m[3]:
        return _safe(int(m[3]), month, day), "day"
    return _pick_year(lambda y: _safe(y, month, day), ref, bias), "day"


@_rule(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON})\b\.?(?:,?\s+(20\d{{2}}))?", re.I, needs=_DIGIT)
def _en_day_month(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = MONTHS[m[2].lower()], int(m[1])
    if m[3]:
        return _safe(int(m[3]), month, day), "day"
    return _pick_year(lambda y: _safe(y, month, day), ref, bias), "day"


# "end of June", and hyphenated before a noun: "the end-of-June date".
@_rule(
    rf"\b(early|mid|late|end[\s-]of|beginning[\s-]of|(?:the\s+)?middle\s+of|start\s+of)[\s-]+({_MON})\b\.?"
    rf"(?:\s+(20\d{{2}}))?",
    re.I,
)
def _en_month_part(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    part = re.sub(r"^the\s+", "", m[1].replace("-", " ").lower())
    part = {"middle of": "mid", "start of": "early"}.get(part, part)
    month = MONTHS[m[2].lower()]
    if m[3]:
        return _part_day(part, int(m[3]), month), "month"
    return _pick_year(lambda y: _part_day(part, y, month), ref, bias), "month"


@_rule(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?!\d)", needs=_DIGIT)
def _zh_month_day(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = int(m[1]), int(m[2])
    return _pick_year(lambda y: _safe(y, month, day), ref, bias), "day"


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
    needs=_DIGIT,
)
def _zh_month_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, week = int(m[2]), zh_number(m[3]) or int(m[3])
    if m[1]:
        return _month_week_friday(int(m[1]), month, week), "week"
    return _pick_year(lambda y: _month_week_friday(y, month, week), ref, bias), "week"


@_rule(
    r"(?<!\d)(\d{1,2})\s*月份?\s*(底|末|{_SPAN}|中旬|中|初|上旬|下旬)".replace("{_SPAN}", _MONTH_SPAN),
    needs=_DIGIT,
)
def _zh_month_part(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = int(m[1])
    if not 1 <= month <= 12:
        return None, "month"
    return _pick_year(lambda y: _part_day(m[2], y, month), ref, bias), "month"


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
    rf"\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+week\s+of\s+({_MON})\b\.?(?:\s+(20\d{{2}}))?",
    re.I,
    needs="week",
)
def _en_month_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, week = MONTHS[m[2].lower()], _EN_ORDINAL_WEEK[m[1].lower()]
    if m[3]:
        return _month_week_friday(int(m[3]), month, week), "week"
    return _pick_year(lambda y: _month_week_friday(y, month, week), ref, bias), "week"


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


@_rule(r"(?<![\d/.:\-])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/:%])", needs=_DIGIT)
def _slash(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = int(m[1]), int(m[2])
    return _pick_year(lambda y: _safe(y, month, day), ref, bias), "day"


@_rule(
    r"(?<![\d.vV])(?<!版本)(\d{1,2})\.(\d{1,2})(?=\s*(?:之?前|[日号]|上线|完成|交付|提测|全量))", needs=_DIGIT
)
def _dotted(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month, day = int(m[1]), int(m[2])
    return _pick_year(lambda y: _safe(y, month, day), ref, bias), "day"


# A dotted month.day in a clause about a schedule ("全量目标暂时还写10.31", "提测提前到10.22"):
# Chinese reports write days this way; decimals and versions have no schedule word beside them.
_SCHEDULE_CLAUSE = re.compile(
    r"目标|上线|全量|交付|截止|完成|提测|灰度|发布|推迟|顺延|延期|延到|改到|改为|提前到|时间|日期|排期|冻结|"
    r"\beta\b|\bdue\b|\btarget|\bdeadline\b",
    re.I,
)


@_rule(r"(?<![\d.vV$¥£€])(?<!版本)(1[0-2]|0?[1-9])\.([0-3]?\d)(?![\d.%A-Za-z倍万亿])", needs=_DIGIT)
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
    month, day = int(m[1]), int(m[2])
    return _pick_year(lambda y: _safe(y, month, day), ref, bias), "day"


# A dotted date after a schedule verb ("推迟至 3.28", "延期到3.28"): the verb says it is a day.
@_rule(r"(?<=至|到|为|于)\s*(1[0-2]|0?[1-9])\.([0-3]?\d)(?![\d.%])", needs=_DIGIT)
def _dotted_after_verb(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    before = m.string[max(0, m.start() - 4) : m.start() + 1]
    if not re.search(r"(?:推迟|延期|延后|顺延|调整|改|预计|计划|定|已)(?:至|到|为|于)", before):
        return None, "day"
    month, day = int(m[1]), int(m[2])
    return _pick_year(lambda y: _safe(y, month, day), ref, bias), "day"


@_rule(
    r"(?<=预计|计划|争取|目标|已于|将于|定于)\s*(\d{3,4})(?=\s*(?:之?前|上线|完成|发布|交付|提测))",
    needs=_DIGIT,
)
def _compact(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    digits = m[1]
    month, day = int(digits[:-2]), int(digits[-2:])
    return _pick_year(lambda y: _safe(y, month, day), ref, bias), "day"


@_rule(
    r"(?<!每)(下下个?|下个?|本|这个?|上个?)?\s*(?:周|星期|礼拜)([一二三四五六日天1-7])", needs="周|星期|礼拜"
)
def _zh_weekday(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    weekday = (_WEEKDAY_ZH.get(m[2]) or zh_number(m[2]) or int(m[2])) - 1
    if m[1] is None:
        return _bare_weekday(m, ref, weekday), "day"
    return _weekday(ref, _zh_weeks_ahead(m[1]), weekday), "day"


@_rule(r"(下下个?|下个?|本|这个?)\s*(?:周|星期)(?!几|报|会|[一二三四五六日天1-7])", needs="周|星期")
def _zh_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return _weekday(ref, _zh_weeks_ahead(m[1]), 4), "week"


_HOLIDAY_ALT = "|".join(f"(?:{pattern})" for pattern, _ in HOLIDAYS)
# What every match of `_holiday` holds: the `前`/`后` of its Chinese form, or its English form's
# opening up to the holiday's name.
_HOLIDAY_NEEDS = rf"[前后]|\b(?:before|after|by|until|post|pre)[\s-]+(?:the\s+)?(?:{_HOLIDAY_ALT}|holidays?)"
_HOLIDAY_ONE = re.compile("|".join(f"(?P<h{i}>{pattern})" for i, (pattern, _) in enumerate(HOLIDAYS)), re.I)


def _holiday_edge(span: tuple[date, date], after: bool) -> date:
    """Before a holiday: its eve, the last day to deliver. After it: the Friday of the first week
    back (`节后第一周`), a week's precision."""
    if not after:
        return span[0] - timedelta(days=1)
    back = span[1] + timedelta(days=1)
    return (
        back + timedelta(days=4 - back.weekday())
        if back.weekday() <= 4
        else back + timedelta(days=11 - back.weekday())
    )


def _holiday_for(name: str, ref: date, bias: Bias) -> tuple[date, date] | None:
    """The occurrence of the named holiday meant: for a plan, the next one not over for more than
    two weeks; for an event, the last one begun."""
    match = _HOLIDAY_ONE.search(name)
    if match is None:
        return None
    spans = [span for y in (ref.year - 1, ref.year, ref.year + 1) if (span := holiday_span(match, y))]
    if bias == "past":
        return max((sp for sp in spans if sp[0] <= ref), default=None)
    return min((sp for sp in spans if sp[1] >= ref - timedelta(days=14)), default=None)


# "国庆后", "春节前", "节后再上" (the holiday at hand), "after Easter", "before Christmas": the eve of
# the holiday, or the first week back. Not "春节前后" (around it), not "环节后", "章节后", "第3节后" (a step, a chapter, not a 节).
@_rule(
    rf"(?P<zh>{_HOLIDAY_ALT}|(?<![环章细季关情调礼音小时名全春过一二三四五六七八九十两\d])节)\s*(?P<zw>之?前|以前|之?后|以后|过后|结束后)(?!后)(?:第一周)?|"
    rf"\b(?P<en>before|after|by|until|post|pre)[\s-]+(?:the\s+)?(?P<name>{_HOLIDAY_ALT}|holidays?)(?:\s+(?:break|holidays?))?\b",
    re.I,
    needs=_HOLIDAY_NEEDS,
)
def _holiday(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    if m["zh"] is not None:
        name, after = m["zh"], "后" in m["zw"]
    else:
        name, after = m["name"], m["en"].lower() in ("after", "post")
    bare = name == "节" or name.lower().startswith("holiday")
    span = nearest_holiday(ref) if bare else _holiday_for(name, ref, bias)
    if span is None:
        return None, "week"
    return _holiday_edge(span, after), "week"


# "the 3rd", "on the 15th"; "15号" (chat wording for a day of this or next month). Not "3号楼",
# "1号线", "2号机": a numbered thing, not a day.
@_rule(
    r"\bthe\s+(3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of|time|percentile|place|floor|anniversary)\b)|"
    r"(?<![\d月./\-年第#号])(3[01]|[12]\d|0?[1-9])\s*号(?![楼线机位店仓门口床厅车种码台件批期版房座栋层])",
    re.I,
    needs=_DIGIT,
)
def _month_day_only(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    past = bias == "past" or told_as_past(m.string, m.start(), m.end())
    return _month_day_near(ref, int(m[1] or m[2]), past), "day"


@_rule(
    r"\b(?:(next|this|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
    needs="day",
)
def _en_weekday(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    weekday = _EN_DAYS[m[2][:3].lower()]
    prefix = (m[1] or "").lower()
    if prefix == "next":
        return _weekday(ref, 1, weekday), "day"
    if prefix in ("this", "coming"):
        return _weekday(ref, 0, weekday), "day"
    return _bare_weekday(m, ref, weekday), "day"


@_rule(r"\b(?:(?:the\s+)?end\s+of\s+)?(next|this)\s+week\b", re.I, needs="week")
def _en_week(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return _weekday(ref, 1 if m[1].lower() == "next" else 0, 4), "week"


@_rule(
    r"(?<![A-Za-z0-9])(?:(明年|今年|来年)\s*|(20\d{2})\s*[-/ ]?\s*)?Q([1-4])"
    r"(?:\s*[-/ ']\s*(20\d{2}|\d{2})(?!\d))?(?![A-Za-z0-9])",
    needs=_DIGIT,
)
def _quarter_rule(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    quarter = int(m[3])
    year = _year(m[2] or m[4]) or (ref.year + (0 if m[1] == "今年" else 1) if m[1] else None)
    if year:
        return _quarter(year, quarter), "quarter"
    return _forward(lambda y: _quarter(y, quarter), ref), "quarter"


@_rule(r"(?:(20\d{2})\s*年)?\s*第?([一二三四1-4])季度(?:末|底)?", needs="季度")
def _zh_quarter(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    quarter = zh_number(m[2]) or int(m[2])
    if m[1]:
        return _quarter(int(m[1]), quarter), "quarter"
    return _forward(lambda y: _quarter(y, quarter), ref), "quarter"


# "本季度上线", "下个季度", "这季度末": the quarter the report is in (or the next), due by its end.
@_rule(r"(本|这个?|当前|下个?)季度?(?!节)(?:末|底)?", needs="季")
def _zh_relative_quarter(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    index = (ref.month - 1) // 3 + (1 if m[1].startswith("下") else 0)
    return _quarter(ref.year + index // 4, index % 4 + 1), "quarter"


# "H2", "2025H2", "下半年", and the number first as planning decks write it: "slipping to 2H".
@_rule(
    r"(?<![A-Za-z0-9])(?:(20\d{2})\s*)?H([12])(?![A-Za-z0-9])|(上|下)半年|(?<![A-Za-z0-9.])([12])H(?![A-Za-z0-9])",
    needs="H|半年",
)
def _half(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    half = int(m[2] or m[4]) if (m[2] or m[4]) else (1 if m[3] == "上" else 2)
    if m[1]:
        return month_end(int(m[1]), half * 6), "half"
    return _forward(lambda y: month_end(y, half * 6), ref), "half"


@_rule(
    r"年底|年末|年内|\bend\s+of\s+(?:the\s+)?year\b|\bEOY\b|\byear[- ]end\b",
    re.I,
    needs="年[底末内]|year|eoy",
)
def _year_end(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return date(ref.year, 12, 31), "year"


@_rule(rf"\b((?:{'|'.join(n.title() for n in MONTHS if len(n) > 3)}))\b(?:\s+(20\d{{2}}))?")
def _en_month_only(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = MONTHS[m[1].lower()]
    if m[2]:
        return month_end(int(m[2]), month), "month"
    return _pick_year(lambda y: month_end(y, month), ref, bias), "month"


@_rule(r"(?<![\d/])(1[0-2]|0?[1-9])\s*月份?(?![\d日号份底末中初上下])", needs=_DIGIT)
def _zh_month_only(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = int(m[1])
    return _pick_year(lambda y: month_end(y, month), ref, bias), "month"


# "下个月上线", "本月完成", "next month": the month as a whole, due by its end. Not "下个月初"
# (read above with its part), not "每个月", "上个月" (a past month is no schedule).
@_rule(
    r"(?<![每上])(本|这个?|下个?)月(?![初中底末份旬]|[上下]旬)|\b(this|next)\s+month\b",
    re.I,
    needs="月|month",
)
def _relative_month(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    if told_as_past(m.string, m.start(), m.end()):
        return None, "month"  # "this month we shipped 3 features": a period told, not a due date
    ahead = 1 if (m[1] or m[2] or "").lower().startswith(("下", "next")) else 0
    index = ref.month - 1 + ahead
    return month_end(ref.year + index // 12, index % 12 + 1), "month"


def find_dates(text: str, ref: date, bias: Bias = "future") -> list[DateHit]:
    """Every date expression in `text`, resolved against `ref`, non-overlapping, in text order.

    Rules are tried most specific first; a span claimed by one rule is closed to the others.
    """
    return list(_find_dates(text, ref, bias))


# The ledger asks about one line several times (is it a schedule sentence? its targets? is this
# figure a date?), and the ~30 rules are the cost: the answer is a pure function of its arguments.
@lru_cache(maxsize=8192)
def _find_dates(text: str, ref: date, bias: Bias) -> tuple[DateHit, ...]:
    taken = [False] * len(text)
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


_WEEKDAY_ONLY = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?", re.I)
_WEEKDAY_GAP = re.compile(r"[\s,]*(?:the\s+)?", re.I)


def with_weekdays(text: str, hits: list[DateHit]) -> list[DateHit]:
    """`find_dates`' hits with a weekday written before its day ("Monday 19 May", "Tue, 6 May")
    joined into one date, the day's: read alone, the weekday resolves to the nearest one, often
    another week. (A target's reader uses it; incident days keep their own reading.)"""
    out: list[DateHit] = []
    for hit in hits:
        previous = out[-1] if out else None
        if (
            previous is not None
            and hit.precision == "day"
            and _WEEKDAY_ONLY.fullmatch(previous.text)
            and _WEEKDAY_GAP.fullmatch(text[previous.end : hit.start])
        ):
            out[-1] = DateHit(
                previous.start, hit.end, hit.value, text[previous.start : hit.end].strip(), "day"
            )
            continue
        out.append(hit)
    return out


_FIELD_DAY = re.compile(r"\s*(1[0-2]|0?[1-9])\.([0-3]?\d)\s*")


def find_field_dates(text: str, ref: date, bias: Bias = "future") -> list[DateHit]:
    """`find_dates` for a date field's value: there a bare dotted month.day (`计划上线 | 4.18`) is
    a day, which in running text would need a schedule word beside it."""
    hits = find_dates(text, ref, bias)
    match = _FIELD_DAY.fullmatch(text)
    if hits or match is None:
        return hits
    month, day = int(match[1]), int(match[2])
    value = _pick_year(lambda y: _safe(y, month, day), ref, bias)
    return [DateHit(match.start(1), match.end(2), value, match[0].strip(), "day")] if value else []
