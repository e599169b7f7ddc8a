"""Facts per intent: slips, incidents, a project's status, metrics, changes; `lookup` picks one.

Top-k passages cannot answer "which projects slipped?" (peers fail exactly here, FACTS.md); the
ledger holds every slip, incident, observation and metric across weeks with its evidence. Each
handler returns a headline and points with citations, or None when the ledger has nothing to
say, so the engine reads passages instead. Lists across projects (launches, pauses, risks,
summaries) live in `lists`; the filters and wording all handlers share in `common`.
"""

from __future__ import annotations

import re

from index.ledger import views
from index.ledger.store import Ledger
from index.schemas import Citation, Incident, Slip, series_of
from summarizer.facts.common import (
    MAX_POINTS,
    clip,
    dated_in,
    in_range,
    observed,
    preferred_first,
    range_of,
    scoped,
    slip_text,
    unique_citations,
    wanted,
    written,
)
from summarizer.facts.lists import launched, risks, stopped, summary
from summarizer.facts.model import Facts
from summarizer.facts.phrases import SLIP_KINDS_EN, SLIP_KINDS_ZH, VERDICTS_EN, VERDICTS_ZH, join, say
from summarizer.question import QuestionPlan
from summarizer.schemas import Point


def _happened_in(incident: Incident, qp: QuestionPlan) -> bool:
    return dated_in(incident.when, incident.week, qp)


def slips(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    rows = [
        s
        for s in views.slips(ledger, since_week_int=qp.since, until_week_int=qp.until)
        if wanted(s.project, list(s.aliases), qp) and any(scoped(c.report, qp) for c in s.evidence)
    ]
    if "stalled" in qp.wants:  # "which project is stuck?" asks for stalls, not every slip
        rows = [s for s in rows if s.kind == "stalled"] or rows
    rows = preferred_first(rows, lambda s: s.evidence[-1].report if s.evidence else "", qp)
    if not rows:
        none = say("no_slips", qp.lang, range=range_of(qp))
        # "Is SDK generation overdue?" about a project with no slip: say so, and where it stands
        # (paused with a stale date is not overdue), from its own history.
        standing = status(qp, ledger) if qp.projects else None
        if standing is not None and standing.headline:
            return Facts(f"{none} {standing.headline}", standing.points, standing.key)
        return Facts(none)
    kinds = SLIP_KINDS_ZH if qp.lang == "zh" else SLIP_KINDS_EN
    # One point per project, its slips in order: "which projects slipped?" is answered project
    # by project, and twenty slips of nine projects still fit on one screen.
    by_project: dict[str, list[Slip]] = {}
    for slip in rows:
        by_project.setdefault(slip.project, []).append(slip)
    points = [
        Point(
            text=f"{name}: " + "; ".join(f"{s.week} {slip_text(s, kinds)}" for s in group),
            citations=unique_citations(c for s in group for c in s.evidence),
        )
        for name, group in list(by_project.items())[:MAX_POINTS]
    ]
    head = say(
        "slips",
        qp.lang,
        n=len(rows),
        m=len(by_project),
        names=join(list(by_project), qp.lang),
        range=range_of(qp),
    )
    # Retrieval reads the report where each slip shows first, in the order the answer lists them.
    return Facts(head, points, [s.evidence[-1] for s in rows if s.evidence])


def incidents(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    rows = [i for i in views.incidents(ledger) if scoped(i.report, qp) and _happened_in(i, qp)]
    wanted = severities(qp.query)
    if wanted:  # "any SEV1 incidents?", "几次AB级事故": only those levels
        rows = [i for i in rows if severity_matches(i.severity, wanted)]
    rows = preferred_first(rows, lambda i: i.report, qp)
    if not rows:
        levels = f" {'/'.join(sorted(wanted))}" if wanted else ""
        return Facts(say("no_incidents", qp.lang, range=range_of(qp)) + levels)
    points = []
    for incident in rows[:MAX_POINTS]:
        extra = [
            x for x in (incident.severity, incident.when_text, incident.duration_text, incident.impact) if x
        ]
        if incident.cause:
            extra.append(clip(incident.cause))
        detail = f" ({'; '.join(extra)})" if extra else ""
        points.append(Point(text=f"{incident.week} {incident.title}{detail}", citations=[incident.evidence]))
    titles = [i.title for i in rows[:5]]
    head = say("incidents", qp.lang, n=len(rows), names=join(titles, qp.lang), range=range_of(qp))
    return Facts(head, points)


_SEVERITY = re.compile(r"(?<![a-z0-9])(sev\s*-?\s*[0-5]|p[0-4])(?![0-9])|([a-d]{1,2})\s*级", re.I)


def severities(text: str) -> set[str]:
    """Severity levels named in a question, normalised: "SEV 1" -> sev1, "P0" -> p0, "AB级" -> a级, b级."""
    found: set[str] = set()
    for match in _SEVERITY.finditer(text):
        if match[1]:
            found.add(re.sub(r"[\s-]", "", match[1]).casefold())
        else:
            found.update(f"{letter}级" for letter in match[2].casefold())
    return found


def severity_matches(severity: str | None, wanted: set[str]) -> bool:
    """An incident matches when its own level (as the report wrote it) is one of those asked."""
    return bool(severity) and bool(severities(severity or "") & wanted)


def status(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    if not qp.projects:
        if "paused" in qp.wants:
            return stopped(qp, ledger)
        if qp.wants & {"launched", "on_time"}:
            return launched(qp, ledger)
        return None
    if views.canonical_name(ledger, qp.projects[0]) is None:
        return None  # a linked name the ledger no longer knows: fall back to passages
    timeline = views.timeline(ledger, qp.projects[0])
    observations = [o for o in timeline.observations if in_range(o.week, qp)] if timeline else []
    if not observations:
        return None
    latest = observations[-1]
    facts = []
    if latest.progress_label:
        facts.append(say("progress", qp.lang, value=latest.progress_label))
    if latest.target_text or latest.target:
        facts.append(say("target", qp.lang, value=latest.target_text or latest.target))
    if latest.status_text or latest.status:
        facts.append(say("state", qp.lang, value=latest.status_text or latest.status))
    launch = next((x for x in views.launches(ledger) if x.project == timeline.project), None)
    if launch is not None and in_range(launch.week, qp):
        verdicts = VERDICTS_ZH if qp.lang == "zh" else VERDICTS_EN
        said = f" «{clip(launch.evidence[-1].quote, 40)}»" if launch.evidence else ""
        facts.append(
            say("launched", qp.lang, when=launch.launched_on, verdict=verdicts[launch.verdict]) + said
        )
    quote = latest.evidence.quote
    head = say(
        "status", qp.lang, project=timeline.project, week=latest.week, facts=join(facts, qp.lang) or quote
    )
    kinds = SLIP_KINDS_ZH if qp.lang == "zh" else SLIP_KINDS_EN
    # Slips first: how the plan moved is what "how did X change" and "why is X late" ask about.
    points = [
        Point(text=f"{s.week} {slip_text(s, kinds)}", citations=list(s.evidence))
        for s in timeline.slips
        if in_range(s.week, qp)
    ][:4]
    points += [Point(text=f"{o.week}: {observed(o)}", citations=[o.evidence]) for o in observations[-6:]]
    # The headline rests on the latest report and on each report where the plan moved.
    key = [latest.evidence, *(s.evidence[-1] for s in timeline.slips if s.evidence and in_range(s.week, qp))]
    return Facts(head, points[:MAX_POINTS], key)


def metrics(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    """Each metric the question names (planned: `qp.metrics`): first and last value in range."""
    series = {s.name: s for s in views.metric_series(ledger)}
    names = [n for n in qp.metrics if n in series]
    if not names:
        return None
    lines: list[str] = []
    points: list[Point] = []
    key: list[Citation] = []
    for name in names[:3]:
        chosen = [p for p in series[name].points if in_range(p.week, qp) and scoped(p.report, qp)]
        if not chosen:
            continue
        first, last = chosen[0], chosen[-1]
        key += [first.evidence, last.evidence]
        unit = series[name].unit
        delta = last.value - first.value
        lines.append(
            say(
                "metric",
                qp.lang,
                name=name,
                first=written(first, unit),
                first_week=first.week,
                last=written(last, unit),
                last_week=last.week,
                delta=f"{delta:+.6g}{'pp' if unit == '%' else ''}",
            )
        )
        points += [Point(text=f"{p.week}: {name} {written(p, unit)}", citations=[p.evidence]) for p in chosen]
    if not lines:
        return None
    return Facts(" ".join(lines), points[-MAX_POINTS:], key)


def changes(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    reports = sorted((r for r in ledger.reports() if scoped(r.source, qp)), key=lambda r: (r.date, r.source))
    inside = [r for r in reports if in_range(r.week, qp)] or reports
    if not inside:
        return None
    # Compare within one series (folder): the latest report in range and the one before it,
    # or the first in range when the question gives a start.
    series = series_of(inside[-1].source)
    same = [r for r in reports if series_of(r.source) == series]
    end = same.index(inside[-1])
    if end == 0:
        return None
    starts = [r for r in same[:end] if in_range(r.week, qp)] if qp.since is not None else []
    a, b = (starts[0] if starts else same[end - 1]), same[end]
    diff = views.changes(ledger, a.source, b.source)
    parts: list[str] = []
    points: list[Point] = []

    def add(label_en: str, label_zh: str, items: list[tuple[str, list[Citation]]]) -> None:
        if not items:
            return
        parts.append(f"{label_zh if qp.lang == 'zh' else label_en} {len(items)}")
        points.extend(
            Point(text=f"{label_zh if qp.lang == 'zh' else label_en}: {t}", citations=c) for t, c in items
        )

    add("new projects", "新项目", [(p.name, []) for p in diff.new_projects])
    add("finished", "完成/上线", [(e.project, list(e.evidence)) for e in diff.finished])
    add("paused or cancelled", "暂停/取消", [(e.project, list(e.evidence)) for e in diff.paused_or_cancelled])
    add("slipped", "延期", [(f"{s.project} {s.from_} → {s.to}", list(s.evidence)) for s in diff.slipped])
    add("new incidents", "新故障", [(i.title, [i.evidence]) for i in diff.new_incidents])
    add(
        "metric changes",
        "指标变化",
        [(f"{m.name} {m.before:g} → {m.after:g}", list(m.evidence)) for m in diff.metric_deltas],
    )
    if not parts:
        return Facts(say("no_changes", qp.lang, a=diff.from_week, b=diff.to_week))
    head = say("changes", qp.lang, a=diff.from_week, b=diff.to_week, parts=join(parts, qp.lang))
    return Facts(head, points[:MAX_POINTS])


HANDLERS = {
    "risks": risks,
    "summary": summary,
    "slips": slips,
    "incidents": incidents,
    "status": status,
    "metrics": metrics,
    "changes": changes,
}


def project_blocks(qp: QuestionPlan, ledger: Ledger | None) -> list[Citation]:
    """The latest cited line of each project the question names, in range: where a question
    about a project's owner, budget or scope ("who owns X?") is most likely answered now."""
    if ledger is None:
        return []
    found = []
    for name in qp.projects:
        if views.canonical_name(ledger, name) is None:
            continue
        observed = [o for o in views.timeline(ledger, name).observations if in_range(o.week, qp)]
        if observed:
            found.append(observed[-1].evidence)
    return found


def lookup(qp: QuestionPlan, ledger: Ledger | None) -> Facts:
    """The ledger's facts for the plan's intent; `found` False (with the named projects' latest
    lines as key evidence) when there is no ledger, no handler, or nothing relevant."""
    handler = HANDLERS.get(qp.intent)
    facts = handler(qp, ledger) if ledger is not None and handler is not None else None
    if facts is None:
        return Facts(key=project_blocks(qp, ledger), found=False)
    return facts
