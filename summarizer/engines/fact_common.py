"""What every ledger-backed answer shares: its shape, the plan's filters, and fact wording.

Filters apply the plan the way retrieval does (week range, series scope, calendar days for
facts with their own date, the likely series first); wording shows each fact next to the
report's own words so a reader can check it in one glance.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from index.schemas import Citation
from summarizer.engines.phrases import range_text
from summarizer.plan import QuestionPlan
from summarizer.schemas import Point

MAX_POINTS = 12


@dataclass
class LedgerAnswer:
    """A headline, its points, and `key`: the citations the headline itself rests on (the
    first and last value of a trend, the report where a slip shows), which retrieval puts
    first when it has fewer passages than the answer has citations."""

    headline: str
    points: list[Point] = field(default_factory=list)
    key: list[Citation] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    """Projects a list answer names, whose own lines may say why (a pause's reason)."""

    def evidence_order(self) -> list[Citation]:
        """Key citations, then each point's newest citation, then the rest; no repeats."""
        ordered = [*self.key, *(p.citations[-1] for p in self.points if p.citations)]
        ordered += [c for p in self.points for c in p.citations]
        seen: set[tuple[str, tuple[int, int]]] = set()
        out = []
        for citation in ordered:
            if (citation.report, citation.lines) not in seen:
                seen.add((citation.report, citation.lines))
                out.append(citation)
        return out


def ledger_views() -> Any | None:
    try:
        from index.ledger import views
    except ImportError:  # the ledger views are optional: callers fall back to passages
        return None
    return views


def in_range(week: str, qp: QuestionPlan) -> bool:
    year, number = week.split("-W")
    value = int(year) * 100 + int(number)
    return (qp.since is None or value >= qp.since) and (qp.until is None or value <= qp.until)


def scoped(report: str, qp: QuestionPlan) -> bool:
    """Inside the series the question was scoped to (every report when it was not scoped)."""
    return qp.reports is None or report in qp.reports


def dated_in(day: Any, week: str, qp: QuestionPlan) -> bool:
    """By the fact's own date when the question names calendar days and the report gives one
    (12/31 happened in December though January's report tells it), else by report week."""
    if qp.days is not None and day is not None:
        return bool(qp.days[0] <= day <= qp.days[1])
    return in_range(week, qp)


def preferred_first(rows: list[Any], report_of: Any, qp: QuestionPlan) -> list[Any]:
    """The likely series' facts first (stable), so its evidence leads when passages run out."""
    if qp.prefer_series is None:
        return rows
    return sorted(rows, key=lambda row: os.path.dirname(report_of(row)) != qp.prefer_series)


def asks(qp: QuestionPlan, words: tuple[str, ...]) -> bool:
    return any(w in qp.intent_words for w in words)


def wanted(name: str, aliases: list[str], qp: QuestionPlan) -> bool:
    if not qp.plan.projects:
        return True
    return name in qp.plan.projects or any(a in qp.plan.projects for a in aliases)


def range_of(qp: QuestionPlan) -> str:
    return range_text(qp.plan.since, qp.plan.until, qp.lang)


def slip_text(slip: Any, kinds: dict[str, str]) -> str:
    """The slip in normalised form and, when they differ, in the report's own words, so a
    reader sees "ETA: May 9" → "ETA: May 23" next to the dates the ledger resolved."""
    text = f"{kinds.get(slip.kind, slip.kind)}: {slip.from_} → {slip.to}"
    quotes = [c.quote for c in slip.evidence]
    if len(quotes) >= 2 and quotes[0] != quotes[-1]:
        text += f" («{clip(quotes[0], 40)}» → «{clip(quotes[-1], 40)}»)"
    return text


def observed(observation: Any) -> str:
    """One report's state of a project: the cited line, then status, target and progress as
    written when the line does not already say them (a block's facts sit on several lines)."""
    quote = observation.evidence.quote
    parts = [observation.status_text, observation.target_text, observation.progress_label]
    extra = [str(p) for p in parts if p and str(p) not in quote]
    return f"{quote} [{' · '.join(extra)}]" if extra else quote


def unique_citations(citations: Any) -> list[Citation]:
    """Citations in order, each (report, lines, quote) once."""
    seen: set[tuple[str, tuple[int, int], str]] = set()
    out = []
    for citation in citations:
        if (citation.report, citation.lines, citation.quote) not in seen:
            seen.add((citation.report, citation.lines, citation.quote))
            out.append(citation)
    return out


def clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fmt_value(value: float, unit: str) -> str:
    text = f"{value:g}"
    return f"{text}{unit}" if unit in ("%", "ms", "s") else f"{text} {unit}".strip()


def reports_asked(qp: QuestionPlan, ledger: Any) -> list[Any]:
    """The ledger's reports a list or summary question is about, oldest first: those in scope
    and range, or without a range the latest of each series ("open risks", "the report" mean now)."""
    chosen = [r for r in ledger.reports() if scoped(r.source, qp) and in_range(r.week, qp)]
    if qp.since is None and qp.until is None:
        chosen = list({os.path.dirname(r.source): r for r in chosen}.values())  # the last one wins
    return chosen
