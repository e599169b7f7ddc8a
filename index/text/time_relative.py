"""Date rules for days told relative to the report: weekdays (`下周三`, `next Tuesday`, a bare
`周二` by its tense), this or next week, before or after a holiday (`国庆后`, `before Christmas`),
and a day of the month with no month (`15号`, `the 3rd`).

Its own module because these dates are counted from the report's own week, not read from a
calendar: the same words mean another day in another week's report.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from index.text.holidays import HOLIDAYS, holiday_span, nearest_holiday
from index.text.numerals import zh_number
from index.text.tense import told_as_past
from index.text.time_core import DIGIT, Bias, Precision, Rules, safe_date

RELATIVE = Rules()
_rule = RELATIVE.rule
_WEEKDAY_ZH = {"日": 7, "天": 7}
_EN_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


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
        value = safe_date(year, month, day)
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


# "Monday the 14th", "Wednesday 19th": the weekday says which month's 14th, whatever the tense.
@_rule(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?(3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b",
    re.I,
    needs=DIGIT,
)
def _weekday_month_day(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    if bias == "past":
        return None, "day"  # an event's reader keeps its own reading of each (`eventdates`)
    return _day_on_weekday(ref, int(m[2]), _EN_DAYS[m[1][:3].lower()]), "day"


def _day_on_weekday(ref: date, day: int, weekday: int) -> date | None:
    """The day of the month nearest the report (within three months) that falls on the weekday
    written with it: "Monday the 14th" told on 4 April is 14 April, told on 1 March 14 April too
    (14 March is a Friday). None when no month near has it, and the two are read apart."""
    found = []
    for offset in range(-3, 4):
        index = ref.year * 12 + ref.month - 1 + offset
        value = safe_date(index // 12, index % 12 + 1, day)
        if value is not None and value.weekday() == weekday:
            found.append(value)
    return min(found, key=lambda value: (abs((value - ref).days), value < ref)) if found else None


# "the 3rd", "on the 15th"; "15号" (chat wording for a day of this or next month). Not "3号楼",
# "1号线", "2号机", "3号冷库": a numbered thing, not a day.
@_rule(
    r"\bthe\s+(3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of|time|percentile|place|floor|anniversary)\b)|"
    r"(?<![\d月./\-年第#号])(3[01]|[12]\d|0?[1-9])\s*号(?![楼线机位店仓门口床厅车种码台件批期版房座栋层库冷站厂窑炉罐泵井舱柜池塔堆馆院窗桥泊船港箱屏])",
    re.I,
    needs=DIGIT,
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


# The report's own day and the days just before it: "今天上午10点全服上线", "昨天（8/29）更新了". A
# weekly report is written on its date, so its "today" is that date. Written from game-liveops-zh.
_DAYS_BACK = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}


@_rule(r"(?<![如至当])(今天|今日|昨天|昨日|前天)(?![下气然])", needs="今|昨|前天")
def _today(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return ref - timedelta(days=_DAYS_BACK[m[1]]), "day"
