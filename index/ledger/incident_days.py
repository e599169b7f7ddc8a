"""Which day a telling in a block is of, and where the telling starts.

The day in the incident word's own sentence, else the first after it, never one of a postmortem
meeting (`9月19日开了复盘会`) or of an earlier sentence; a heading's day for a block under a dated
incident heading. A sentence that refers back (`It was raised as a P2`, `定级 P2。`) is told from
the sentences before it. A chat log's messages are sentences of their own.
"""

from __future__ import annotations

import re
from datetime import date

from index.ledger.blocks import Block
from index.ledger.incident_fields import REVIEW_AFTER_DAY, leading_day
from index.ledger.incident_words import CHAT_TURN, cue, follow_up
from index.models import Report
from index.text.eventdates import event_dates
from index.text.timeexpr import DateHit

# A sentence ends at its stop, or where a chat log's next message opens (`… front page [16:04] <ulla> …`).
SENTENCE_END = re.compile(rf"[。！？!?；;]|(?<![\d.])\.(?=\s)|{CHAT_TURN}")


# A sentence that speaks of what an earlier one told (`It was raised as a P2`, `we logged it as a
# P2`, `这次定为P3`): the telling, and its day, are in the sentences before it.
_OPENS_BACK = re.compile(r"\W*(?:(?:it|this|that|these|they)\b|这次|此次|这起|该次|这个问题)", re.I)
_AS_IT = re.compile(r"\b(?:it|this|that)\s+(?:internally\s+)?as\s+an?\s", re.I)


def refers_back(text: str, start: int, word: re.Match[str]) -> bool:
    """The sentence from `start` speaks of what an earlier one told: it opens with `it`/`这次`,
    assigns a level to `it`, or is nothing but the level (`定级 P2。`, `Severity: SEV-2.`)."""
    if _OPENS_BACK.match(text, start, word.end()) or _AS_IT.search(text, start, word.end()):
        return True
    end = SENTENCE_END.search(text, word.end())
    rest = text[start : word.start()] + text[word.end() : end.start() if end else len(text)]
    return len(re.sub(r"[\W\d_]+|severity|level|定级|级别", "", rest, flags=re.I)) < 2


BACK_SENTENCES = 3  # how far back the telling of a back-referring sentence is looked for


def told_before(text: str, start: int, ref: date) -> tuple[int, int] | None:
    """(start, day position) of the nearest of the few sentences before `start` that tells a day."""
    stops = list(SENTENCE_END.finditer(text, 0, start))
    for back in range(1, min(BACK_SENTENCES, len(stops)) + 1):
        left = stops[-back - 1].end() if back < len(stops) else 0
        left += len(text[left:]) - len(text[left:].lstrip())
        days = event_dates(text[left : stops[-back].start()], ref)
        if days:
            return left, left + days[0].start
    return None


def opens_with_day(text: str, ref: date) -> bool:
    end = SENTENCE_END.search(text)
    return leading_day(text[: end.start() if end else len(text)], ref) is not None


def sentence_start(text: str, position: int) -> int:
    start = 0
    for match in SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    return start + len(text[start:]) - len(text[start:].lstrip())


# A record's field for when the event happened (`NC-2024-017｜发生时间：2024-03-20 02:14`,
# `Occurred: 4 Mar 09:10`): its day is the incident's wherever the incident word stands.
_OCCURRED = re.compile(
    r"(?:发生时间|发生日期|发生于|事件时间|事发时间|故障时间|开始时间|occurred(?:\s+(?:at|on))?|"
    r"incident\s+(?:date|time|start)|start(?:ed)?(?:\s+at)?|began|detected(?:\s+at)?)\s*[:：]\s*$",
    re.I,
)


def occurred_day(text: str, ref: date, days: list[DateHit] | None = None) -> DateHit | None:
    """The day a record's field says the event happened on (`发生时间：2024-03-20 02:14`);
    `days` are the text's event dates when the caller has them already."""
    days = event_dates(text, ref) if days is None else days
    return next((d for d in days if _OCCURRED.search(text[max(0, d.start - 24) : d.start])), None)


_REVIEW_DAY = re.compile(
    r"(?:复盘会?|评审会?|post-?mortem|\bPIR|\bRCA|\breview)\s*(?:[(（]|on\s+|于|在)?\s*$", re.I
)
RECENT_DAYS = 16  # a weekly or biweekly report tells what happened since the one before
_FAR_DAYS = 45  # a day further back than this, beside a recent one, is no incident's (a version, `2.8`)


def nearest_day(text: str, at: int, report: Report) -> DateHit | None:
    """The day a field of the record says it happened on, else the day told in the incident
    word's own sentence (nearest to it), else the first one after it, else the day the telling
    opens with (`On April 15 we published 4.1.3 … We yanked it`); never a day inside an earlier
    sentence (`… went GA on Tue 7/2. One SEV-3 on launch day+1`)."""
    days = event_dates(text, report.date)
    labelled = occurred_day(text, report.date, days)
    if labelled is not None:
        return labelled
    left = sentence_start(text, max(at, 0))
    end = SENTENCE_END.search(text, max(at, 0))
    right = end.start() if end else len(text)
    inside = [d for d in days if left <= d.start < right]
    named = [d for d in inside if not bare_weekday(d.text)]
    if inside:  # a weekday alone is relative: a date the sentence also writes out names the day
        candidates = named or inside
        # a day right after the review's word is the review's (`3.19门禁故障复盘（3.26）`), and so is
        # one right before it (`9/23 postmortem for the 9/16 Sev 2`, w42-g)
        candidates = [
            d
            for d in candidates
            if not _REVIEW_DAY.search(text[max(0, d.start - 12) : d.start])
            and not REVIEW_AFTER_DAY.match(text, d.end)
        ] or candidates
        # of two days in the sentence, the one in the report's own weeks (`4/9（周三）07:10 FlyDispatch
        # 2.8 派单服务不可用`: `2.8` is a version, or a day long past)
        recent = [d for d in candidates if 0 <= (report.date - d.value).days <= RECENT_DAYS]
        if recent:  # (a retelling's older day still counts when it is not months away)
            candidates = [d for d in candidates if d in recent or (report.date - d.value).days <= _FAR_DAYS]
        return min(candidates, key=lambda d: abs(d.start - at))
    after = next((d for d in days if d.start >= right and not of_a_meeting(text, d)), None)
    opening = leading_day(text, report.date) if left else None
    return after or (opening if opening is None or not of_a_meeting(text, opening) else None)


# A postmortem or review meeting: a day told in its sentence is the meeting's (`9月19日开了复盘会`,
# `复盘会约在9月19日`, `the review is on the 14th`), not the incident's.
_MEETING = re.compile(
    r"复盘|评审|开会|会议|post-?mortem|retro(?:spective)?\b|lessons[- ]learned|\breview\b|write-?up|\bRCA\b",
    re.I,
)


def of_a_meeting(text: str, day: DateHit) -> bool:
    left = sentence_start(text, day.start)
    end = SENTENCE_END.search(text, day.end)
    return _MEETING.search(text, left, end.start() if end else len(text)) is not None


def heading_day(block: Block, ref: date) -> DateHit | None:
    """The one day a heading over the block opens with or names beside an incident or postmortem
    word (`## 9月11日订单库主从延迟导致下单失败（P2）`, `## 复盘：10月3日配送调度 Redis 故障`): the
    block's lines tell that incident (`14:09 值班拉起故障群 …`) without writing its day again."""
    title = block.section.title
    days = event_dates(title, ref) if title else []
    if len(days) != 1:
        return None  # none, or a range of days (`## 11月4日–11月8日`): the week, not an event's day
    opens = leading_day(title, ref) is not None  # `## 11月6日 CDN 证书过期，商品图片加载失败`
    return days[0] if opens or cue(title) is not None or follow_up(title) else None


_WEEKDAY_ONLY = re.compile(
    r"^(?:on\s+|last\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\W*$|^(?:上)?(?:周|星期|礼拜)[一二三四五六日天]$",
    re.I,
)


def bare_weekday(text: str | None) -> bool:
    return bool(text) and _WEEKDAY_ONLY.match(text.strip()) is not None  # type: ignore[union-attr]
