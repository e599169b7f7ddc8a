"""Days on which something already happened (an incident), read with the one date parser.

`find_dates` with the past bias does the work; three readings are added for events, which lie on
or before the report date: a bare weekday (`Tuesday evening`, `周二`) is the last such day, not the
next one (`last Tuesday` the one before that); a dotted month.day (`10.14（周二）`, `4.9 02:10`)
is a day only when it resolves to the recent past (whoever read it); an ordinal day of the month (`the 22nd`) is the
last such day. Everything else in the text keeps the meaning `find_dates` gives it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from index.text.timeexpr import DateHit, find_dates

RECENT_DAYS = 62  # an event a report tells is from the last two months, not next year
_BARE_WEEKDAY = re.compile(
    r"^(?:(?:周|星期|礼拜)([一二三四五六日天1-7])|(mon|tue|wed|thu|fri|sat|sun)[a-z]*)$", re.I
)
_ZH_DAYS = "一二三四五六"
_LAST = re.compile(r"\blast\s+$", re.I)
# `10.14`, `4.9 02:10`, `5.3 Kafka`: not a version (v1.28, 5.0.1), a share (3.1%) or an amount (6.8万).
_DOTTED = re.compile(
    r"(?<![\w.])(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])"
    r"(?![\d.%‰])(?!\s*(?:万|亿|千|倍|个|pt|pp|[kKmMbB]\b|million|billion|x\b))"
)
_VERSIONED = re.compile(
    r"(?:版本|version|release|ver|[vV]|k8s|kubernetes|python|java|node|ios|android|app)\s*$", re.I
)
# `the 22nd`, `Sunday 19th`: a bare ordinal is a day only after `the` or a weekday.
_ORDINAL_DAY = re.compile(r"(?:\bthe\s+|(?<=day\s))(3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b", re.I)


def event_dates(text: str, ref: date) -> list[DateHit]:
    """Day-precision dates in `text` no later than `ref` (the report date), in text order."""
    hits: list[DateHit] = []
    taken = [False] * len(text)
    for hit in find_dates(text, ref, "past"):
        for index in range(hit.start, hit.end):
            taken[index] = True
        if hit.precision != "day" or (
            _DOTTED.fullmatch(hit.text) and _recent(ref, hit.value.month, hit.value.day) is None
        ):
            continue  # `3.2内容冻结` read months back is release 3.2, not the day an event happened
        value = _past_weekday(hit, text, ref)
        ordinal = _ORDINAL_DAY.fullmatch(hit.text)
        if ordinal and value is not None and value < ref:  # `the 11th` told on the 10th, of a day it spans
            tomorrow = ref + timedelta(days=1)
            value = tomorrow if tomorrow.day == int(ordinal[1]) else value
        if value is not None and value <= ref + timedelta(days=1):
            hits.append(DateHit(hit.start, hit.end, value, hit.text, "day"))
    for match in _DOTTED.finditer(text):
        if any(taken[match.start() : match.end()]) or _VERSIONED.search(
            text[max(0, match.start() - 12) : match.start()]
        ):
            continue
        value = _recent(ref, int(match[1]), int(match[2]))
        if value is not None:
            hits.append(DateHit(match.start(), match.end(), value, match[0], "day"))
    for match in _ORDINAL_DAY.finditer(text):
        if any(taken[match.start() : match.end()]):
            continue
        day = int(match[1])
        previous = (ref.year - 1, 12) if ref.month == 1 else (ref.year, ref.month - 1)
        months = [(ref.year, ref.month), previous]
        value = next((v for y, m in months if (v := _safe(y, m, day)) and v <= ref + timedelta(days=1)), None)
        if value is not None:
            hits.append(DateHit(match.start(), match.end(), value, match[0], "day"))
    hits.sort(key=lambda hit: hit.start)
    return [hit for position, hit in enumerate(hits) if not _named_day(hits, position, text)]


_BESIDE = re.compile(r"^[\s,，(（]*$")


def _named_day(found: list[DateHit], position: int, text: str) -> bool:
    """A bare weekday written next to the date it falls on (`Tuesday 15 July`, `Tuesday the 11th`,
    `10.14（周二）`):
    the date says which day it is, and the weekday alone would name another one."""
    hit = found[position]
    if not _BARE_WEEKDAY.match(hit.text):
        return False
    for other in (
        found[position - 1] if position else None,
        found[position + 1] if position + 1 < len(found) else None,
    ):
        if other is None or _BARE_WEEKDAY.match(other.text):
            continue
        between = text[other.end : hit.start] if other.start < hit.start else text[hit.end : other.start]
        if _BESIDE.match(between):
            return True
    return False


def _past_weekday(hit: DateHit, text: str, ref: date) -> date | None:
    """A bare weekday is the last such day on or before `ref`; `last Tuesday` a week earlier."""
    match = _BARE_WEEKDAY.match(hit.text)
    if not match:
        return hit.value
    if match[1]:
        weekday = (
            6
            if match[1] in "日天"
            else (_ZH_DAYS.index(match[1]) if match[1] in _ZH_DAYS else int(match[1]) - 1)
        )
    else:
        weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(match[2].lower())
    value = ref - timedelta(days=(ref.weekday() - weekday) % 7)
    if _LAST.search(text[: hit.start]):
        value -= timedelta(days=7)
    return value


def _recent(ref: date, month: int, day: int) -> date | None:
    for year in (ref.year, ref.year - 1):
        value = _safe(year, month, day)
        if value is not None and timedelta(0) <= ref - value <= timedelta(days=RECENT_DAYS):
            return value
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
