"""Date rules for periods a target is due by the end of: quarters (`Q3`, `2025Q1`, `三季度`,
`本季度`), halves (`H2`, `下半年`), the year's end, a month alone (`June`, `10月份`) and this or
next month (`下个月`, `next month`).

Its own module because these are the least specific forms, tried last: a period only counts
where no rule for a day, a week or a part of a month claimed the text.
"""

from __future__ import annotations

import re
from datetime import date

from index.text.numerals import zh_number
from index.text.tense import told_as_past
from index.text.time_core import (
    DIGIT,
    MONTHS,
    Bias,
    Precision,
    Rules,
    forward,
    full_year,
    month_end,
    pick_year,
)

PERIODS = Rules()
_rule = PERIODS.rule


def _quarter(year: int, quarter: int) -> date:
    return month_end(year, quarter * 3)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return full_year(int(text))


@_rule(
    r"(?<![A-Za-z0-9])(?:(明年|今年|来年)\s*|(20\d{2})\s*[-/ ]?\s*)?Q([1-4])"
    r"(?:\s*[-/ ']\s*(20\d{2}|\d{2})(?!\d))?(?![A-Za-z0-9])",
    needs=DIGIT,
)
def _quarter_rule(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    quarter = int(m[3])
    year = _year(m[2] or m[4]) or (ref.year + (0 if m[1] == "今年" else 1) if m[1] else None)
    if year:
        return _quarter(year, quarter), "quarter"
    return forward(lambda y: _quarter(y, quarter), ref), "quarter"


@_rule(r"(?:(20\d{2})\s*年)?\s*第?([一二三四1-4])季度(?:末|底)?", needs="季度")
def _zh_quarter(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    quarter = zh_number(m[2]) or int(m[2])
    if m[1]:
        return _quarter(int(m[1]), quarter), "quarter"
    return forward(lambda y: _quarter(y, quarter), ref), "quarter"


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
    return forward(lambda y: month_end(y, half * 6), ref), "half"


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
    return pick_year(lambda y: month_end(y, month), ref, bias), "month"


# A short month name with its year (`Jan 2026`, `SEP-2025`, `Sept. 2025`): the year makes the short
# name a month (alone, `Jan` or `MAR` may be a name or a word).
@_rule(
    rf"\b({'|'.join(n for n in MONTHS if len(n) <= 4)})\.?[\s-](20\d{{2}})\b(?![-/.]\d)",
    re.I,
)
def _short_month_year(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    return month_end(int(m[2]), MONTHS[m[1].lower()]), "month"


# A month written with its year as a planning sheet does, `05/2025`, `5/2025`, `2025/05`: due by its end.
@_rule(r"(?<![\w/.\-])(?:(1[0-2]|0?[1-9])/(20\d{2})|(20\d{2})/(1[0-2]|0[1-9]))(?![\d/.\-])", needs=DIGIT)
def _numeric_month_year(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    year, month = (int(m[2]), int(m[1])) if m[1] else (int(m[3]), int(m[4]))
    return month_end(year, month), "month"


@_rule(r"(?<![\d/])(1[0-2]|0?[1-9])\s*月份?(?![\d日号份底末中初上下])", needs=DIGIT)
def _zh_month_only(m: re.Match[str], ref: date, bias: Bias) -> tuple[date | None, Precision]:
    month = int(m[1])
    return pick_year(lambda y: month_end(y, month), ref, bias), "month"


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
