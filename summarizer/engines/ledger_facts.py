"""Ledger-backed answers: "which / list all / what changed" questions are answered from facts.

Top-k passages cannot answer "which projects slipped?" (peers fail exactly here, FACTS.md); the
ledger holds every slip, incident, observation and metric across weeks with its evidence. Each
function returns a headline and points with citations, or None when the ledger has nothing to
say, so the caller falls back to extractive passages. Any engine can use these facts.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from summarizer.engines import phrases
from summarizer.engines.phrases import (
    SLIP_KINDS_EN,
    SLIP_KINDS_ZH,
    VERDICTS_EN,
    VERDICTS_ZH,
    join,
    range_text,
    say,
)
from summarizer.plan import LAUNCH_WORDS, PAUSE_WORDS, STALL_WORDS, QuestionPlan, link_projects, normalise
from summarizer.schemas import Citation, Point

MAX_POINTS = 12


@dataclass
class LedgerAnswer:
    """A headline, its points, and `key`: the citations the headline itself rests on (the
    first and last value of a trend, the report where a slip shows), which retrieval puts
    first when it has fewer passages than the answer has citations."""

    headline: str
    points: list[Point] = field(default_factory=list)
    key: list[Citation] = field(default_factory=list)

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


def _views() -> Any | None:
    try:
        from index.ledger import views
    except ImportError:  # the ledger views are optional: callers fall back to passages
        return None
    return views


def _in_range(week: str, qp: QuestionPlan) -> bool:
    year, number = week.split("-W")
    value = int(year) * 100 + int(number)
    return (qp.since is None or value >= qp.since) and (qp.until is None or value <= qp.until)


def _scoped(report: str, qp: QuestionPlan) -> bool:
    """Inside the series the question was scoped to (every report when it was not scoped)."""
    return qp.reports is None or report in qp.reports


def _dated_in(day: Any, week: str, qp: QuestionPlan) -> bool:
    """By the fact's own date when the question names calendar days and the report gives one
    (12/31 happened in December though January's report tells it), else by report week."""
    if qp.days is not None and day is not None:
        return bool(qp.days[0] <= day <= qp.days[1])
    return _in_range(week, qp)


def _happened_in(incident: Any, qp: QuestionPlan) -> bool:
    return _dated_in(incident.when, incident.week, qp)


def _preferred_first(rows: list[Any], report_of: Any, qp: QuestionPlan) -> list[Any]:
    """The likely series' facts first (stable), so its evidence leads when passages run out."""
    if qp.prefer_series is None:
        return rows
    return sorted(rows, key=lambda row: os.path.dirname(report_of(row)) != qp.prefer_series)


def _asks(qp: QuestionPlan, words: tuple[str, ...]) -> bool:
    return any(w in qp.intent_words for w in words)


def _wanted(name: str, aliases: list[str], qp: QuestionPlan) -> bool:
    if not qp.plan.projects:
        return True
    return name in qp.plan.projects or any(a in qp.plan.projects for a in aliases)


def _rng(qp: QuestionPlan) -> str:
    return range_text(qp.plan.since, qp.plan.until, qp.lang)


def slips(qp: QuestionPlan, ledger: Any) -> LedgerAnswer | None:
    views = _views()
    if views is None:
        return None
    rows = [
        s
        for s in views.slips(ledger, since_week_int=qp.since, until_week_int=qp.until)
        if _wanted(s.project, list(s.aliases), qp) and any(_scoped(c.report, qp) for c in s.evidence)
    ]
    if _asks(qp, STALL_WORDS):  # "which project is stuck?" asks for stalls, not every slip
        rows = [s for s in rows if s.kind == "stalled"] or rows
    rows = _preferred_first(rows, lambda s: s.evidence[-1].report if s.evidence else "", qp)
    if not rows:
        return LedgerAnswer(say("no_slips", qp.lang, range=_rng(qp)))
    kinds = SLIP_KINDS_ZH if qp.lang == "zh" else SLIP_KINDS_EN
    # One point per project, its slips in order: "which projects slipped?" is answered project
    # by project, and twenty slips of nine projects still fit on one screen.
    by_project: dict[str, list[Any]] = {}
    for slip in rows:
        by_project.setdefault(slip.project, []).append(slip)
    points = [
        Point(
            text=f"{name}: " + "; ".join(f"{s.week} {_slip_text(s, kinds)}" for s in group),
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
        range=_rng(qp),
    )
    # Retrieval reads the report where each slip shows first, in the order the answer lists them.
    return LedgerAnswer(head, points, [s.evidence[-1] for s in rows if s.evidence])


def incidents(qp: QuestionPlan, ledger: Any) -> LedgerAnswer | None:
    views = _views()
    if views is None:
        return None
    rows = [i for i in views.incidents(ledger) if _scoped(i.report, qp) and _happened_in(i, qp)]
    wanted = severities(qp.query)
    if wanted:  # "any SEV1 incidents?", "几次AB级事故": only those levels
        rows = [i for i in rows if severity_matches(i.severity, wanted)]
    rows = _preferred_first(rows, lambda i: i.report, qp)
    if not rows:
        levels = f" {'/'.join(sorted(wanted))}" if wanted else ""
        return LedgerAnswer(say("no_incidents", qp.lang, range=_rng(qp)) + levels)
    points = []
    for incident in rows[:MAX_POINTS]:
        extra = [
            x for x in (incident.severity, incident.when_text, incident.duration_text, incident.impact) if x
        ]
        if incident.cause:
            extra.append(_clip(incident.cause))
        detail = f" ({'; '.join(extra)})" if extra else ""
        points.append(Point(text=f"{incident.week} {incident.title}{detail}", citations=[incident.evidence]))
    titles = [i.title for i in rows[:5]]
    head = say("incidents", qp.lang, n=len(rows), names=join(titles, qp.lang), range=_rng(qp))
    return LedgerAnswer(head, points)


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


def status(qp: QuestionPlan, ledger: Any) -> LedgerAnswer | None:
    views = _views()
    if views is None:
        return None
    if not qp.plan.projects:
        if _asks(qp, PAUSE_WORDS):
            return stopped(qp, ledger, views)
        if _asks(qp, LAUNCH_WORDS) or _asks(qp, ("按时", "按期", "on time")):
            return launched(qp, ledger, views)
        return None
    if views.canonical_name(ledger, qp.plan.projects[0]) is None:
        return None  # a linked name the ledger no longer knows: fall back to passages
    timeline = views.timeline(ledger, qp.plan.projects[0])
    observations = [o for o in timeline.observations if _in_range(o.week, qp)] if timeline else []
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
    if launch is not None and _in_range(launch.week, qp):
        verdicts = VERDICTS_ZH if qp.lang == "zh" else VERDICTS_EN
        said = f" «{_clip(launch.evidence[-1].quote, 40)}»" if launch.evidence else ""
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
        Point(text=f"{s.week} {_slip_text(s, kinds)}", citations=list(s.evidence))
        for s in timeline.slips
        if _in_range(s.week, qp)
    ][:4]
    points += [Point(text=f"{o.week}: {_observed(o)}", citations=[o.evidence]) for o in observations[-6:]]
    # The headline rests on the latest report and on each report where the plan moved.
    key = [latest.evidence, *(s.evidence[-1] for s in timeline.slips if s.evidence and _in_range(s.week, qp))]
    return LedgerAnswer(head, points[:MAX_POINTS], key)


def launched(qp: QuestionPlan, ledger: Any, views: Any) -> LedgerAnswer:
    """Every launch in range with its verdict against the last target before it."""
    rows = [
        x
        for x in views.launches(ledger)
        if _dated_in(x.launched_on, x.week, qp) and any(_scoped(c.report, qp) for c in x.evidence)
    ]
    rows = _preferred_first(rows, lambda x: x.evidence[-1].report if x.evidence else "", qp)
    if not rows:
        return LedgerAnswer(say("no_launches", qp.lang, range=_rng(qp)))
    verdicts = VERDICTS_ZH if qp.lang == "zh" else VERDICTS_EN
    points = []
    for x in rows[:MAX_POINTS]:
        target = f" ({'目标' if qp.lang == 'zh' else 'target'} {x.target})" if x.target else ""
        said = " → ".join(f"«{_clip(c.quote, 40)}»" for c in x.evidence)
        points.append(
            Point(
                text=f"{x.project}: {say('launched', qp.lang, when=x.launched_on, verdict=verdicts[x.verdict])}"
                f"{target} {said}".rstrip(),
                citations=list(x.evidence),
            )
        )
    late = sum(1 for x in rows if x.verdict == "late")
    head = say(
        "launches",
        qp.lang,
        n=len(rows),
        names=join([x.project for x in rows], qp.lang),
        late=late,
        range=_rng(qp),
    )
    return LedgerAnswer(head, points)


def stopped(qp: QuestionPlan, ledger: Any, views: Any) -> LedgerAnswer:
    """Projects that moved to paused or cancelled, each with the report lines that say so."""
    rows = [e for e in views.paused_cancelled(ledger) if _in_range(e.week, qp) and _scoped(e.report, qp)]
    rows = _preferred_first(rows, lambda e: e.report, qp)
    if not rows:
        return LedgerAnswer(say("no_stopped", qp.lang, range=_rng(qp)))
    points = [
        Point(
            text=f"{e.week} {e.project}: {e.status} — {e.evidence[-1].quote if e.evidence else ''}",
            citations=list(e.evidence),
        )
        for e in rows[:MAX_POINTS]
    ]
    head = say(
        "stopped", qp.lang, n=len(rows), names=join([e.project for e in rows], qp.lang), range=_rng(qp)
    )
    return LedgerAnswer(head, points)


def _slip_text(slip: Any, kinds: dict[str, str]) -> str:
    """The slip in normalised form and, when they differ, in the report's own words, so a
    reader sees "ETA: May 9" → "ETA: May 23" next to the dates the ledger resolved."""
    text = f"{kinds.get(slip.kind, slip.kind)}: {slip.from_} → {slip.to}"
    quotes = [c.quote for c in slip.evidence]
    if len(quotes) >= 2 and quotes[0] != quotes[-1]:
        text += f" («{_clip(quotes[0], 40)}» → «{_clip(quotes[-1], 40)}»)"
    return text


def _observed(observation: Any) -> str:
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


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fmt(value: float, unit: str) -> str:
    text = f"{value:g}"
    return f"{text}{unit}" if unit in ("%", "ms", "s") else f"{text} {unit}".strip()


def metrics(qp: QuestionPlan, ledger: Any) -> LedgerAnswer | None:
    from summarizer.plan import ProjectRef

    views = _views()
    if views is None:
        return None
    series = {s.name: s for s in views.metric_series(ledger)}
    refs = [ProjectRef(name, (s.key,)) for name, s in series.items()]
    names = link_projects(qp.query, refs, min_ratio=0.6)
    named = [n for n in names if normalise(n) in normalise(qp.query)]
    names = named or names  # "出金有效成功率" named exactly: not also its near-namesake 入金
    if not names:
        return None
    lines: list[str] = []
    points: list[Point] = []
    key: list[Citation] = []
    for name in names[:3]:
        chosen = [p for p in series[name].points if _in_range(p.week, qp) and _scoped(p.report, qp)]
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
                first=_fmt(first.value, unit),
                first_week=first.week,
                last=_fmt(last.value, unit),
                last_week=last.week,
                delta=f"{delta:+.4g}{'pp' if unit == '%' else ''}",
            )
        )
        points += [
            Point(text=f"{p.week}: {name} {_fmt(p.value, unit)}", citations=[p.evidence]) for p in chosen
        ]
    if not lines:
        return None
    return LedgerAnswer(" ".join(lines), points[-MAX_POINTS:], key)


def changes(qp: QuestionPlan, ledger: Any) -> LedgerAnswer | None:
    views = _views()
    if views is None:
        return None
    reports = sorted((r for r in ledger.reports() if _scoped(r.source, qp)), key=lambda r: (r.date, r.source))
    inside = [r for r in reports if _in_range(r.week, qp)] or reports
    if not inside:
        return None
    # Compare within one series (folder): the latest report in range and the one before it,
    # or the first in range when the question gives a start.
    series = os.path.dirname(inside[-1].source)
    same = [r for r in reports if os.path.dirname(r.source) == series]
    end = same.index(inside[-1])
    if end == 0:
        return None
    starts = [r for r in same[:end] if _in_range(r.week, qp)] if qp.since is not None else []
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
        return LedgerAnswer(say("no_changes", qp.lang, a=diff.from_week, b=diff.to_week))
    head = say("changes", qp.lang, a=diff.from_week, b=diff.to_week, parts=join(parts, qp.lang))
    return LedgerAnswer(head, points[:MAX_POINTS])


_RISK_WORDS = (
    "risk risks open current currently outstanding unresolved now raised 风险 现在 目前 当前 未解决 提出 存在"
)


def _generic(qp: QuestionPlan, words: str) -> bool:
    """True when the question names nothing beyond its intent words ("what risks are open?",
    "最近三周有什么风险"), so a list of every such fact is the answer."""
    from index.lexical import tokenize

    return not set(tokenize(qp.terms)) - set(tokenize(words))


# A project whose latest state in range is one of these is a risk to report.
TROUBLED = ("at_risk", "off_track", "blocked")
_NOTHING = re.compile(r"^\s*(?:none|n/?a|no\s+(?:new\s+)?risks?|nothing|无|暂无|没有)\b", re.I)


def risks(qp: QuestionPlan, ledger: Any) -> LedgerAnswer | None:
    """Risks as written in risk sections, and the projects whose state says they are in trouble.

    Without a time range "what risks are open?" means now: the latest report of each series.
    """
    views = _views()
    if views is None or not _generic(qp, _RISK_WORDS):
        return None  # "what happened to the TLS risk?" is about one risk: the passages answer it
    chosen = [r for r in ledger.reports() if _scoped(r.source, qp) and _in_range(r.week, qp)]
    if qp.since is None and qp.until is None:
        chosen = list({os.path.dirname(r.source): r for r in chosen}.values())  # oldest first
    sources = {r.source for r in chosen}
    raised = [
        n for n in views.notes(ledger, kind="risk") if n.report in sources and not _NOTHING.match(n.text)
    ]
    troubled = []
    for info in views.projects(ledger):
        states = [
            o for o in views.timeline(ledger, info.name).observations if o.report in sources and o.status
        ]
        if states and states[-1].status in TROUBLED:
            troubled.append((info.name, states[-1]))
    if not raised and not troubled:
        return None
    points = [Point(text=f"{n.week} {n.text}", citations=[n.evidence]) for n in raised]
    points += [Point(text=f"{o.week} {name}: {_observed(o)}", citations=[o.evidence]) for name, o in troubled]
    names = [name for name, _ in troubled]
    head = say(
        "risks", qp.lang, n=len(raised), m=len(troubled), names=join(names, qp.lang) or "—", range=_rng(qp)
    )
    return LedgerAnswer(head, points[:MAX_POINTS])


SUMMARY_POINTS = 16


def summary(qp: QuestionPlan, ledger: Any) -> LedgerAnswer | None:
    """What the reports in range say, from the ledger: launches, slips, pauses and incidents
    told in them, then the last report's metrics and each project's state in it.

    Without a time range the latest report is summarised (per series when several are in
    scope): "summarise the report" means the newest one, not the whole archive.
    """
    views = _views()
    if views is None:
        return None
    chosen = [r for r in ledger.reports() if _scoped(r.source, qp) and _in_range(r.week, qp)]
    if not chosen:
        return None
    if qp.since is None and qp.until is None:
        latest: dict[str, Any] = {}
        for ref in chosen:
            latest[os.path.dirname(ref.source)] = ref  # reports() is oldest first
        chosen = list(latest.values())
    sources = {r.source for r in chosen}
    last = {os.path.dirname(r.source): r.source for r in chosen}
    kinds = SLIP_KINDS_ZH if qp.lang == "zh" else SLIP_KINDS_EN
    verdicts = VERDICTS_ZH if qp.lang == "zh" else VERDICTS_EN
    launches = [x for x in views.launches(ledger) if x.evidence and x.evidence[-1].report in sources]
    moved = [x for x in views.slips(ledger) if x.evidence and x.evidence[-1].report in sources]
    paused = [x for x in views.paused_cancelled(ledger) if x.report in sources]
    told = [x for x in views.incidents(ledger) if x.report in sources]
    points = [
        Point(
            text=f"{x.project}: {say('launched', qp.lang, when=x.launched_on, verdict=verdicts[x.verdict])}"
            f" «{_clip(x.evidence[-1].quote, 40)}»",
            citations=list(x.evidence),
        )
        for x in launches
    ]
    points += [Point(text=f"{x.project}: {_slip_text(x, kinds)}", citations=list(x.evidence)) for x in moved]
    points += [Point(text=f"{x.project}: {x.status}", citations=list(x.evidence)) for x in paused]
    points += [Point(text=f"{x.week} {x.title}", citations=[x.evidence]) for x in told]
    for series in views.metric_series(ledger):
        for point in series.points:
            if point.report in last.values():
                points.append(
                    Point(text=f"{series.name} {_fmt(point.value, series.unit)}", citations=[point.evidence])
                )
    projects = 0
    for info in views.projects(ledger):
        for o in views.timeline(ledger, info.name).observations:
            if o.report in last.values():
                projects += 1
                points.append(Point(text=f"{info.name}: {_observed(o)}", citations=[o.evidence]))
    names = ", ".join(sorted(f"{os.path.basename(os.path.dirname(r.source))} {r.week}" for r in chosen)[:3])
    head = say(
        "summary",
        qp.lang,
        reports=names if len(chosen) <= 3 else f"{len(chosen)} reports",
        range="",
        launches=len(launches),
        slips=len(moved),
        stopped=len(paused),
        incidents=len(told),
        projects=projects,
    )
    key = [c for p in points[: len(launches) + len(moved)] for c in p.citations[-1:]]
    return LedgerAnswer(head, points[:SUMMARY_POINTS], key)


HANDLERS = {
    "risks": risks,
    "summary": summary,
    "slips": slips,
    "incidents": incidents,
    "status": status,
    "metrics": metrics,
    "changes": changes,
}


def project_blocks(qp: QuestionPlan, ledger: Any | None) -> list[Citation]:
    """The latest cited line of each project the question names, in range: where a question
    about a project's owner, budget or scope ("who owns X?") is most likely answered now."""
    views = _views()
    if views is None or ledger is None:
        return []
    found = []
    for name in qp.plan.projects:
        if views.canonical_name(ledger, name) is None:
            continue
        observed = [o for o in views.timeline(ledger, name).observations if _in_range(o.week, qp)]
        if observed:
            found.append(observed[-1].evidence)
    return found


def ledger_answer(qp: QuestionPlan, ledger: Any | None) -> LedgerAnswer | None:
    """The ledger's answer for the plan's intent, or None (no ledger, no view, nothing relevant)."""
    handler = HANDLERS.get(qp.plan.intent)
    if ledger is None or handler is None:
        return None
    return handler(qp, ledger)


__all__ = ["LedgerAnswer", "ledger_answer", "normalise", "phrases"]
