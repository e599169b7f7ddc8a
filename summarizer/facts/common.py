"""What every ledger answer shares: the plan's filters and the wording of facts.

Filters apply the plan the way retrieval does (week range, series scope, calendar days for
facts with their own date, the likely series first); wording shows each fact next to the
report's own words so a reader can check it in one glance.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from index.schemas import Citation, MetricPoint, Observation, Slip, series_of
from index.text.normalise import strip_inline
from index.text.quantity import as_written
from index.text.timeexpr import find_dates
from index.text.weeks import in_weeks
from summarizer.facts.phrases import range_text
from summarizer.question import QuestionPlan

if TYPE_CHECKING:
    pass

T = TypeVar("T")

MAX_POINTS = 12


def in_range(week: str, qp: QuestionPlan) -> bool:
    """Inside the plan's week range (open ends included)."""
    return in_weeks(week, qp.since, qp.until)


def subject_weights(qp: QuestionPlan) -> dict[str, float]:
    """The question's term weights for its subject's words only: "哪些项目延期了" names no project,
    even when a project's name holds a generic word of the question (项目 in 驰衡合作项目)."""
    subject = set(qp.subject.split())
    return {term: weight for term, weight in qp.term_weights.items() if term in subject}


def scoped(report: str, qp: QuestionPlan) -> bool:
    """Inside the series the question was scoped to (every report when it was not scoped)."""
    return qp.reports is None or report in qp.reports


def dated_in(day: date | None, week: str, qp: QuestionPlan) -> bool:
    """By the fact's own date when the question names calendar days and the report gives one
    (12/31 happened in December though January's report tells it), else by report week."""
    if qp.days is not None and day is not None:
        return bool(qp.days[0] <= day <= qp.days[1])
    return in_range(week, qp)


def preferred_first(rows: list[T], report_of: Callable[[T], str], qp: QuestionPlan) -> list[T]:
    """The likely series' facts first (stable), so its evidence leads when passages run out."""
    if qp.prefer_series is None:
        return rows
    return sorted(rows, key=lambda row: series_of(report_of(row)) != qp.prefer_series)


def wanted(name: str, aliases: list[str], qp: QuestionPlan) -> bool:
    """A fact about this project answers the question (every project when none is named)."""
    if not qp.projects:
        return True
    return name in qp.projects or any(a in qp.projects for a in aliases)


def range_of(qp: QuestionPlan) -> str:
    """The period an answer covers; a period the question named by the series' own numbering
    ("第14期", "Cycle 24") keeps that label beside the ISO weeks it resolved to."""
    weeks = range_text(qp.period[0], qp.period[1], qp.lang)
    if qp.label is None or not qp.time_text:
        return weeks
    inner = weeks.strip().strip("()（）")
    if qp.lang == "zh":
        return f"（{qp.time_text}，{inner}）" if inner else f"（{qp.time_text}）"
    return f" ({qp.time_text}, {inner})" if inner else f" ({qp.time_text})"


def slip_text(slip: Slip, kinds: dict[str, str]) -> str:
    """The slip in normalised form and, when they differ, in the report's own words, so a
    reader sees "ETA: May 9" → "ETA: May 23" next to the dates the ledger resolved."""
    text = f"{kinds.get(slip.kind, slip.kind)}: {slip.from_} → {slip.to}"
    quotes = [c.quote for c in slip.evidence]
    if len(quotes) >= 2 and quotes[0] != quotes[-1]:
        text += f" («{clip_on(quotes[0], slip.from_)}» → «{clip_on(quotes[-1], slip.to)}»)"
    return text


def clip_on(quote: str, value: str, limit: int = 40) -> str:
    """A quote cut to `limit`, keeping the day `value` names when it is one (`clip_dated`)."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return clip(quote, limit)
    return clip_dated(quote, day, limit)


def observed(observation: Observation) -> str:
    """One report's state of a project: the cited line, then status, target and progress as
    written when the line does not already say them (a block's facts sit on several lines)."""
    quote = observation.evidence.quote
    parts = [observation.status_text, observation.target_text, observation.progress_label]
    extra = [str(p) for p in parts if p and str(p) not in quote]
    return f"{quote} [{' · '.join(extra)}]" if extra else quote


def unique_citations(citations: Iterable[Citation]) -> list[Citation]:
    """Citations in order, each (report, lines, quote) once."""
    seen: set[tuple[str, tuple[int, int], str]] = set()
    out = []
    for citation in citations:
        if (citation.report, citation.lines, citation.quote) not in seen:
            seen.add((citation.report, citation.lines, citation.quote))
            out.append(citation)
    return out


def clip(text: str, limit: int = 90) -> str:
    """The text without markup, cut to `limit` at a clause or word boundary, never mid-word."""
    text = strip_inline(text)
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    cut = max(head.rfind(c) for c in "，,；;、。 ")
    return (head[: cut + 1] if cut >= limit // 2 else head).rstrip(" ，,；;、") + "…"


# Where a clause starts: after a sentence's or a clause's closing mark.
_CLAUSE_MARKS = (". ", "; ", ", ", "。", "；", "，", "! ", "? ", " — ", " – ", " | ")  # (a row's cell too)


def clip_dated(text: str, day: date, limit: int = 40, reach: int = 80) -> str:
    """The text cut to `limit` like `clip`, unless the day it tells of (a launch's) is written
    past the cut: then the clause that writes it, cut to `reach` and opened with "…" ("Dashboard
    v2 went GA for all…" drops the "23 April" a reader asks after; "…the cutover completed on
    Monday the 5th, eight days later than planned." keeps it). That day as written, else the
    first date the text writes, is the anchor."""
    plain = strip_inline(text)
    hits = find_dates(plain, day, "nearest")
    anchor = next((h for h in hits if h.value == day), hits[0] if hits else None)
    if anchor is None or anchor.end <= limit - 1:
        return clip(plain, limit)
    if anchor.end <= reach - 1:
        return clip(plain, reach)
    ends = [(plain.rfind(mark, 0, anchor.start), mark) for mark in _CLAUSE_MARKS]
    start = max((at + len(mark) for at, mark in ends if at >= 0), default=0)
    if start == 0:
        return clip(plain, reach)
    return "…" + clip(plain[start:].lstrip(), reach)


def fmt_value(value: float, unit: str) -> str:
    text = f"{value:g}"
    return f"{text}{unit}" if unit in ("%", "ms", "s") else f"{text} {unit}".strip()


def written(point: MetricPoint, unit: str) -> str:
    """A metric value as its report writes it (`11.8万`, `$41.10`), so the answer reads like the
    report a reader checks it against; the normalised value when the quote does not show it with
    its unit."""
    text = as_written(point.evidence.quote, point.value)
    if text is not None and unit and re.fullmatch(r"[\d.,]+", text) and unit in point.evidence.quote:
        # `61.20` in a row whose unit column says `%`: as written, with its column's unit
        return f"{text}{'' if unit in '%‰' else ' '}{unit}"
    # "88" from a table whose header holds the unit ("CI time (min)"): the unit must still show.
    return text if text is not None and unit in text else fmt_value(point.value, unit)


def with_written(day: str | date, citations: Iterable[Citation]) -> str:
    """A resolved date beside the way its report wrote it, in the quote marks the facts use for
    report words: "2025-11-30 «11月底»", "2025-05-09 «May 9»". A team line carries no quotes, and a
    reader (or a question) knows the date as the team wrote it; the newest citation that writes
    this date is used, and none leaves the date alone (as does a status or progress value)."""
    text = day.isoformat() if isinstance(day, date) else day
    try:
        value = date.fromisoformat(text)
    except ValueError:
        return text
    for citation in reversed(list(citations)):
        for hit in find_dates(citation.quote, value, "nearest"):
            if hit.value == value and hit.text != text:
                return f"{text} «{hit.text}»"
    return text
