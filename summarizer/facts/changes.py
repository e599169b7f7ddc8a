"""What changed: one team's latest report against the one before it, or every team's.

"What changed in 第14期?" is one report of one team. "What changed in the latest update?" asked
of an index of many teams names no team: each team's own latest report is read (the planner
adds the report before each), and each team's changes are listed on its own line, the way the
other list answers arrange teams, instead of one team's diff standing for the organisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from index.ledger import views
from index.ledger.signals import RANK
from index.ledger.store import Ledger
from index.schemas import Citation, Incident, Observation, ReportChanges, ReportRef, series_of
from index.text.quantity import as_written
from summarizer.facts.common import MAX_POINTS, in_range, scoped, with_written
from summarizer.facts.grouped import Entry, arrange, left_out, team_counts
from summarizer.facts.model import Facts
from summarizer.facts.phrases import join, say
from summarizer.question import QuestionPlan
from summarizer.schemas import Point

# (English label, Chinese label) of each kind of change, in the order a reader wants them.
KINDS = (
    ("finished", "完成/上线"),
    ("paused or cancelled", "暂停/取消"),
    ("slipped", "延期"),
    ("new incidents", "新故障"),
    ("new projects", "新项目"),
    ("metric changes", "指标变化"),
    ("recovered", "状态好转"),
)


def recovered(ledger: Ledger, later: str) -> list[tuple[int, str, list[Citation]]]:
    """Projects whose health improved in the later report against their last stated status
    ("At risk → On track"): good news the ledger keeps no event for (it derives downgrades only),
    and what "what changed?" often is. As the summaries read it (summaries/projects.py)."""
    out = []
    latest = [(c, now) for c, now in views.observations(ledger, reports={later}) if now.status in RANK]
    # Their team's earlier observations read at once, by project, oldest first: "what changed?" of
    # the whole index asks this of every team's latest report.
    history: dict[str, list[Observation]] = {}
    if latest:
        told = views.observations(ledger, series=series_of(later), projects={c for c, _ in latest})
        for canonical, seen in told:
            if seen.status in RANK:
                history.setdefault(canonical, []).append(seen)
    for canonical, now in latest:
        before = [o for o in history.get(canonical, []) if o.date < now.date]
        if not before or RANK[before[-1].status] <= RANK[now.status]:  # type: ignore[index]
            continue
        was, is_ = (
            state(before[-1].status_text, str(before[-1].status)),
            state(now.status_text, str(now.status)),
        )
        cited = [c for c in (before[-1].status_evidence, now.status_evidence or now.evidence) if c]
        out.append((6, f"{now.project} {was} → {is_}", cited))
    return out


def state(written: str | None, status: str) -> str:
    """A status as the report wrote it, without what the same cell goes on to say ("At Risk ·
    10/11 issues done · Assignee: …" is "At Risk")."""
    head = re.split(r"\s*[·|,;，；]\s*", written or "", maxsplit=1)[0].strip()
    return head or status


def finished(ledger: Ledger | None, project: str) -> str:
    """A finished project with its launch date, as its report wrote it when a cited line does."""
    if ledger is None:
        return project
    canonical = views.canonical_name(ledger, project) or project
    launch = next((row.item for row in views.launch_rows(ledger, project=canonical)), None)
    return f"{project} {with_written(launch.launched_on, launch.evidence)}" if launch else project


def items(diff: ReportChanges, ledger: Ledger | None = None) -> list[tuple[int, str, list[Citation]]]:
    """Each change as (kind index into `KINDS`, text, citations); with the ledger, recoveries too."""
    return [
        *(recovered(ledger, diff.to_report) if ledger is not None else []),
        *((0, finished(ledger, e.project), list(e.evidence)) for e in diff.finished),
        *((1, e.project, list(e.evidence)) for e in diff.paused_or_cancelled),
        *(
            (
                2,
                f"{s.project} {with_written(s.from_, s.evidence[:-1])} → {with_written(s.to, s.evidence[-1:])}",
                list(s.evidence),
            )
            for s in diff.slipped
        ),
        *((3, told(i), [i.evidence]) for i in diff.new_incidents),
        *((4, p.name, []) for p in diff.new_projects),
        *(
            (
                5,
                f"{m.name} {as_told(m.before, m.evidence)} → {as_told(m.after, m.evidence[::-1])}",
                list(m.evidence),
            )
            for m in diff.metric_deltas
        ),
    ]


def told(incident: Incident) -> str:
    """A new incident by its title with its level and how long it lasted as the report wrote them
    ("P3", "around 40 minutes"): what a reader of a change list asks of it first."""
    extra = [x for x in (incident.severity, incident.duration_text) if x and x not in incident.title]
    return f"{incident.title} ({'; '.join(extra)})" if extra else incident.title


def as_told(value: float, cited: list[Citation]) -> str:
    """A metric's value as its report writes it (`99.1%`, `£1.55m`), else the plain number."""
    for citation in cited:
        text = as_written(citation.quote, value)
        if text is not None:
            return text
    return f"{value:g}"


def label(kind: int, lang: str) -> str:
    return KINDS[kind][1] if lang == "zh" else KINDS[kind][0]


def compared(qp: QuestionPlan, ledger: Ledger) -> list[tuple[ReportRef, ReportRef]]:
    """Per team in scope, the pair of reports compared: the latest in range and the one before
    it, or the first in range when the question gives a start. A team whose only report is its
    first has nothing to compare."""
    reports = sorted((r for r in ledger.reports() if scoped(r.source, qp)), key=lambda r: (r.date, r.source))
    inside = [r for r in reports if in_range(r.week, qp)] or reports
    by_series: dict[str, list[ReportRef]] = {}
    for report in reports:
        by_series.setdefault(series_of(report.source), []).append(report)
    latest = {series_of(r.source): r for r in inside}
    pairs = []
    for series in dict.fromkeys(series_of(r.source) for r in reversed(inside)):
        same = by_series[series]
        last = latest[series]
        end = same.index(last)
        if end == 0:
            continue
        starts = [r for r in same[:end] if in_range(r.week, qp)] if qp.since is not None else []
        pairs.append((starts[0] if starts else same[end - 1], last))
    return pairs


def changes(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    """The ledger's changes between the compared reports: one team's as points of their own,
    several teams' one line per team (the newest reports' teams first)."""
    pairs = compared(qp, ledger)
    if not pairs:
        return None
    if len(pairs) == 1:
        return one_team(qp, views.changes(ledger, pairs[0][0].source, pairs[0][1].source), ledger)
    return many_teams(qp, [views.changes(ledger, a.source, b.source) for a, b in pairs], ledger)


def one_team(qp: QuestionPlan, diff: ReportChanges, ledger: Ledger) -> Facts:
    found = items(diff, ledger)
    if not found:
        return Facts(say("no_changes", qp.lang, a=diff.from_week, b=diff.to_week))
    counts = {kind: sum(1 for k, _, _ in found if k == kind) for kind in range(len(KINDS))}
    # The headline counts kinds in the order the ledger lists them (new projects first).
    order = (4, 0, 1, 2, 6, 3, 5)
    parts = [f"{label(k, qp.lang)} {counts[k]}" for k in order if counts[k]]
    points = [
        Point(text=f"{label(k, qp.lang)}: {text}", citations=cited)
        for k in order
        for kind, text, cited in found
        if kind == k
    ]
    head = say("changes", qp.lang, a=diff.from_week, b=diff.to_week, parts=join(parts, qp.lang))
    return Facts(head, points[:MAX_POINTS])


def many_teams(qp: QuestionPlan, diffs: list[ReportChanges], ledger: Ledger) -> Facts:
    entries = []
    for diff in diffs:
        series = series_of(diff.to_report)
        for i, (kind, text, cited) in enumerate(items(diff, ledger)):
            entries.append(
                Entry(
                    series,
                    (kind, i),
                    point(f"{diff.to_week} {label(kind, qp.lang)}: {text}", cited),
                    short=point(f"{label(kind, qp.lang)} {text}", cited),
                    about=text,
                )
            )
    if not entries:
        weeks = sorted(d.to_week for d in diffs)
        return Facts(say("no_changes", qp.lang, a=weeks[0], b=weeks[-1]))
    listing = arrange(entries, qp, ("change(s)", "项变化"))
    counts = team_counts(listing, qp.lang, "change(s)", "项")
    head = say("changes_teams", qp.lang, t=len(listing.teams), counts=counts)
    return Facts(head + left_out(listing, qp.lang, "kind", "变化类型"), listing.points)


def point(text: str, citations: list[Citation]) -> Callable[[], Point]:
    return lambda: Point(text=text, citations=citations)
