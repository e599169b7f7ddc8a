"""Facts for "what incidents were there?": per team, incidents most severe first, then most
recent, counted per severity level when several teams had some.

One intent's handler with its own wording (levels in zh/en), apart from the other handlers in
`answers`, which registers it in `HANDLERS`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from index.ledger import views
from index.ledger.store import Ledger
from index.schemas import Incident
from index.text.lang import Lang
from summarizer.facts.common import clip, range_of
from summarizer.facts.grouped import Entry, arrange, left_out, team_counts
from summarizer.facts.model import Facts
from summarizer.facts.phrases import dated, join, say
from summarizer.facts.severity import LEVELS, level, rank, severities, severity_matches
from summarizer.question import QuestionPlan
from summarizer.schemas import Point, SeverityLevel

_LEVEL_WORDS: dict[str | None, str] = {
    "critical": "严重",
    "high": "高",
    "medium": "中",
    "low": "低",
    None: "未定级",
}


def _by_level(levels: list[SeverityLevel | None], lang: str) -> str:
    """Incidents per normalised severity level ("; by level: critical 3, high 5, unrated 2")."""
    counts = Counter(levels)
    order: list[SeverityLevel | None] = [*LEVELS, None]
    if lang == "zh":
        return "；按级别：" + "、".join(f"{_LEVEL_WORDS[lv]} {counts[lv]}" for lv in order if counts[lv])
    return "; by level: " + ", ".join(f"{lv or 'unrated'} {counts[lv]}" for lv in order if counts[lv])


def told_in_full(incident: Incident, lang: Lang) -> str:
    """`2025-W16 <title> (P2; 4/15; 持续 47 分钟; <impact>; <cause>)`: what a reader checks first."""
    extra = [
        x
        for x in (
            incident.severity,
            dated(incident.when_text, incident.when, lang) if incident.when_text else None,
            incident.duration_text,
            incident.impact,
        )
        if x
    ]
    extra.extend(clip(x) for x in (incident.cause, incident.resolution) if x)
    detail = f" ({'; '.join(extra)})" if extra else ""
    return f"{incident.week} {incident.title}{detail}"


def incidents(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    """Per team, incidents most severe first, then most recent."""
    days = (qp.days[0].isoformat(), qp.days[1].isoformat()) if qp.days is not None else None
    rows = views.incident_rows(ledger, qp.since, qp.until, reports=qp.reports, days=days)
    wanted = severities(qp.query)
    if wanted:  # "any SEV1 incidents?", "几次AB级事故": only those levels
        rows = [r for r in rows if severity_matches(r.label, wanted)]
    if not rows:
        levels = f" {'/'.join(sorted(wanted))}" if wanted else ""
        return Facts(say("no_incidents", qp.lang, range=range_of(qp)) + levels)

    titles: list[str] = []

    def point(row: views.Row[Incident]) -> Callable[[], Point]:
        def make() -> Point:
            incident = row.item
            titles.append(incident.title)
            return Point(text=told_in_full(incident, qp.lang), citations=[incident.evidence])

        return make

    def short(row: views.Row[Incident]) -> Callable[[], Point]:
        def make() -> Point:
            incident = row.item
            when = dated(incident.when_text, incident.when, qp.lang) or incident.week
            label = f"{incident.severity} " if incident.severity else ""
            took = f" ({incident.duration_text})" if incident.duration_text else ""
            return Point(
                text=f"{when} {label}{clip(incident.title, 60)}{took}", citations=[incident.evidence]
            )

        return make

    entries = [
        Entry(
            row.series,
            (rank(level(row.label)), -date.fromisoformat(row.day or row.date).toordinal(), i),
            point(row),
            short=short(row),
        )
        for i, row in enumerate(rows)
    ]
    listing = arrange(entries, qp, ("incident(s)", "起"))
    if listing.several:
        counts = team_counts(listing, qp.lang, "", "起")
        head = say(
            "incidents_teams", qp.lang, n=len(rows), t=len(listing.teams), counts=counts, range=range_of(qp)
        )
        head = head[:-1] + _by_level([level(r.label) for r in rows], qp.lang) + head[-1]
    else:
        head = say("incidents", qp.lang, n=len(rows), names=join(titles[:5], qp.lang), range=range_of(qp))
    head += left_out(listing, qp.lang, "most severe and most recent", "严重程度和时间")
    return Facts(head, listing.points)
