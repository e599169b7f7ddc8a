"""A move of a date by an amount, with no new date written: '往后拖两周', 'slipped another week'.

Reports often say how far a date moved instead of where it lands. The amount is known here; the
date it moves is the project's last stated target, known only when its timeline is derived, so
this module only reads the amount (`days`), signed: `提前一周` is -7. A vague amount (`晚几天`,
`slipped a bit`) is a move of unknown size (`days is None`): it says the date moved but not to
where, which a `date_moved` slip (from one date to another) cannot state honestly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.text.numerals import zh_number
from index.text.tense import clause_bounds

_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "个月": 30, "月": 30}
_EN_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "sprint": 14}
_EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "a couple of": 2,
}

_ZH_AMOUNT = r"(半|[一二两三四五六七八九十]{1,3}|\d{1,2}|几|一些|些)\s*(个)?\s*(天|日|周|星期|礼拜|月)"
# The strong verbs move a date whatever the subject; 晚 (late) needs a schedule word beside it.
# A bare 拖/推/挪 needs its direction: "这个bug拖了两周才修好" tells how long a fix took.
_ZH_STRONG = (
    r"(?:又|再)?(?:(?:往后|向后)?(?:推迟|延期|延后|顺延)|(?:往后|向后)(?:推|拖|挪|延))(?:了)?|(提前)(?:了)?"
)
_ZH = re.compile(
    rf"(?:{_ZH_STRONG})\s*(?:大概|大约|约)?\s*{_ZH_AMOUNT}(?![前后内])|(?<![早])晚(?:了)?\s*{_ZH_AMOUNT}(?![前后内])"
)
_EN_VERB = (
    r"\b(?:push(?:ed|ing)?|slip(?:ped|s|ping)?|mov(?:ed|ing)|shift(?:ed|ing)?|postpon(?:ed|ing)|"
    r"delay(?:ed|ing)?|bump(?:ed|ing)?)\s+(?:(?:it|this|that|them|the\s+(?:date|target|launch|release|eta))\s+)?"
    r"(?:(?:back|out)\s+)?(?:by\s+)?"
)
_EN = re.compile(
    _EN_VERB
    + r"(another|an\s+extra|a\s+further|a\s+few|a\s+couple\s+of|a|an|one|two|three|four|five|six|\d{1,2})"
    r"\s+(?:more\s+)?(day|week|month|sprint)s?\b|" + _EN_VERB + r"(a\s+bit|a\s+little|slightly)\b",
    re.I,
)
_SCHEDULE = re.compile(
    r"上线|交付|发布|全量|排期|时间|日期|目标|整体|计划|截止|切换|deadline|launch|release|ship|target|date|eta",
    re.I,
)
_MEETING = re.compile(r"会议|周会|例会|评审会|开会|\bmeeting\b|\bcall\b|\bsync\b|\bstand-?up\b", re.I)


@dataclass(frozen=True)
class Shift:
    """A date moved by an amount: `days` signed (earlier is negative), None when the amount is vague."""

    start: int
    end: int
    days: int | None
    text: str


def _zh_days(count: str, unit: str) -> int | None:
    if count in ("几", "一些", "些"):
        return None
    number = (
        0.5 if count == "半" else (int(count) if count.isdigit() else zh_number(count.replace("两", "二")))
    )
    return round(number * _UNIT_DAYS[unit]) if number else None


def find_shifts(text: str) -> list[Shift]:
    """The moves by an amount in `text`. Not a meeting's (`周会推迟一天`), not a comparison
    (`比计划晚了两天` says how late a thing done was), and not a bare `晚两天` without a schedule
    word in its clause (`对方数据晚了两天` is someone else's lateness)."""
    out: list[Shift] = []
    for m in _ZH.finditer(text):
        left, right = clause_bounds(text, m.start(), m.end())
        own = text[left:right]
        if _MEETING.search(own) or "比" in text[left : m.start()]:
            continue  # "比原计划晚了两天": how late a thing done was, not a date that moved
        if m[2] is None and not _SCHEDULE.search(own):
            continue  # 晚 alone
        count, unit = (m[2], m[4]) if m[2] is not None else (m[5], m[7])
        days = _zh_days(count, unit)
        sign = -1 if m[1] else 1
        out.append(Shift(m.start(), m.end(), sign * days if days is not None else None, m[0]))
    for m in _EN.finditer(text):
        left, right = clause_bounds(text, m.start(), m.end())
        if _MEETING.search(text[left:right]):
            continue
        amount = " ".join((m[1] or "").lower().split())
        if m[3] or amount in ("a few", "a couple of"):
            days = 2 * _EN_UNIT_DAYS[m[2].lower()] if amount == "a couple of" else None
            out.append(Shift(m.start(), m.end(), days, m[0].strip()))
            continue
        count = int(amount) if amount.isdigit() else _EN_NUMBERS.get(amount, 1)
        out.append(Shift(m.start(), m.end(), count * _EN_UNIT_DAYS[m[2].lower()], m[0].strip()))
    return sorted(out, key=lambda s: s.start)
