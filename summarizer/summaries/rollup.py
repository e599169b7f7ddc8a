"""A period of one series reduced: project outcomes, incidents by severity, metric trends.

Outcomes come from the ledger over the whole period, not from adding up weekly summaries: a
project's total delay is its launch date (or current target, or the last report date while it is
overdue) minus the first target in force in the period, which weekly deltas cannot give when a
target moved twice and then launched a day early. The weekly summaries (the map step) supply the
week-by-week headlines a reader scans and a writer may reduce.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from index.ledger.signals import STOPPED
from index.schemas import Citation, Launch, Observation, ReportRef
from index.text.lang import Lang
from index.text.weeks import in_weeks, week_key
from summarizer.facts.common import unique_citations
from summarizer.schemas import MetricTrend, ProjectOutcome, RiskNote, SeverityCount, SlipLine, TrendPoint
from summarizer.summaries import describe, wording
from summarizer.summaries.inputs import Fact, RollupFacts, number
from summarizer.summaries.series import Series
from summarizer.summaries.severity import LEVELS, level, rank
from summarizer.summaries.week import INCIDENT_WEIGHT

_VERDICT_OUTCOME = {
    "early": "launched_early",
    "on_time": "launched_on_time",
    "late": "launched_late",
    "no_target": "launched_no_target",
}


def build(series: Series, reports: list[ReportRef], lang: Lang) -> RollupFacts:
    """The period spanned by `reports` (oldest first, all of `series`)."""
    since, until = reports[0].week, reports[-1].week
    facts = (
        _outcomes(series, reports, lang) + _incidents(series, reports, lang) + _trends(series, reports, lang)
    )
    number(facts)
    incidents = [f.item for f in facts if f.section == "incidents" and isinstance(f.item, RiskNote)]
    return RollupFacts(series.folder, series.name, lang, since, until, reports, facts, _counts(incidents))


def _in(week: str, reports: list[ReportRef]) -> bool:
    return in_weeks(week, week_key(reports[0].week), week_key(reports[-1].week))


def _first_target(observations: list[Observation], start: dt.date) -> dt.date | None:
    """The final target in force when the period starts, else the first one stated in it."""
    before = [o.target for o in observations if o.date < start and o.target and o.target_kind == "final"]
    inside = [o.target for o in observations if o.date >= start and o.target and o.target_kind == "final"]
    return before[-1] if before else (inside[0] if inside else None)


def _outcomes(series: Series, reports: list[ReportRef], lang: Lang) -> list[Fact]:
    sources = {r.source for r in reports}
    start, end = reports[0].date, reports[-1].date
    out: list[Fact] = []
    for name, timeline in series.timelines.items():
        inside = [o for o in timeline if o.report in sources]
        if not inside or not series.tracked(name, end):
            continue
        upto = [o for o in timeline if o.date <= end]
        launch = next((x for x in series.launches if x.project == name and _in(x.week, reports)), None)
        slips = [s for src in sources for s in series.slips.get(src, []) if s.project == name]
        slips.sort(key=lambda s: week_key(s.week))
        latest = inside[-1]
        status = next((o.status for o in reversed(inside) if o.status), None)
        texts = describe.target_texts(upto)
        first = _first_target(upto, start)
        finish: dt.date | None
        if launch is not None:
            outcome, finish = _VERDICT_OUTCOME[launch.verdict], launch.launched_on
        else:
            outcome = str(status) if status in STOPPED else "open"
            current = next((o.target for o in reversed(upto) if o.target), None)
            finish = current
            if current is not None and latest.date > current and outcome == "open":
                # Reported after its target without being done: overdue until that report. A target
                # that passed after the project stopped being reported is not known to have slipped.
                finish = latest.date
        days = max(0, (finish - first).days) if first and finish else 0
        lines = [
            SlipLine.model_validate(
                {
                    "kind": s.kind,
                    "week": s.week,
                    "from": s.from_,
                    "to": s.to,
                    "delay_days": describe.delay_days(s),
                    "citations": s.evidence,
                }
            )
            for s in slips
        ]
        text = _outcome_text(series, name, latest, launch, lines, days, texts, lang, end)
        cites: list[Citation] = list(launch.evidence) if launch else []
        cites += [c for s in slips for c in s.evidence[-1:]] + [latest.evidence]
        item = ProjectOutcome(
            id="",
            kind="project",
            text=text,
            project=name,
            citations=unique_citations(cites),
            outcome=outcome,  # type: ignore[arg-type]
            aliases=series.aliases(name),
            launched_on=launch.launched_on if launch else None,
            target=launch.target if launch else latest.target,
            first_target=first,
            slip_days=days,
            slips=lines,
            status=status,
            progress=next((o.progress_label for o in reversed(inside) if o.progress_label), None),
        )
        weight = _weight(outcome, days, status)
        short = _outcome_short(name, outcome, days, launch is not None, lang)
        out.append(Fact(item, "outcomes", short, weight, name))
    order = {"launched_late": 0, "open": 1, "launched_on_time": 2, "launched_early": 3}
    return sorted(out, key=lambda f: (order.get(_outcome(f), 4), -_days(f), f.subject))


def _outcome(fact: Fact) -> str:
    return fact.item.outcome if isinstance(fact.item, ProjectOutcome) else ""


def _days(fact: Fact) -> int:
    return fact.item.slip_days if isinstance(fact.item, ProjectOutcome) else 0


def _weight(outcome: str, days: int, status: object) -> int:
    if outcome == "launched_late":
        return 6
    if outcome.startswith("launched"):
        return 4
    if outcome in ("paused", "cancelled"):
        return 3
    if days:
        return 5 + min(days // 14, 3)
    return 4 if status in ("at_risk", "off_track", "blocked") else 0


def _outcome_short(name: str, outcome: str, days: int, launched: bool, lang: Lang) -> str:
    if lang == "zh":
        word = {"launched_late": "晚于目标上线", "paused": "暂停", "cancelled": "取消", "open": "进行中"}.get(
            outcome, "上线"
        )
        return f"{name}{word}" + (f"，累计延期{days}天" if days else "")
    word = {
        "launched_late": "launched late",
        "paused": "paused",
        "cancelled": "cancelled",
        "open": "open",
    }.get(outcome, "launched")
    return f"{name} {word}" + (f", slipped {days} days" if days else "")


def _outcome_text(
    series: Series,
    name: str,
    latest: Observation,
    launch: Launch | None,
    slips: list[SlipLine],
    days: int,
    texts: dict[str, str],
    lang: Lang,
    end: dt.date,
) -> str:
    parts: list[str] = []
    if launch is not None:
        parts.append(describe.launch_phrase(launch, name, texts, lang, end))
    else:
        state = describe.state_phrase(latest, lang) or latest.evidence.quote
        if state.startswith(latest.project):
            state = state[len(latest.project) :].lstrip(":： ")
        parts.append(f"{name}{wording.COLON[lang]}{state}")
    if days:
        parts.append(f"累计延期{days}天" if lang == "zh" else f"slipped {days} days in total")
    for slip in slips:
        a = texts.get(slip.from_) or wording.day(slip.from_, lang, end)
        b = texts.get(slip.to) or wording.day(slip.to, lang, end)
        if slip.kind == "date_moved":
            parts.append(
                f"{slip.week} {a}→{b}（+{slip.delay_days}天）"
                if lang == "zh"
                else f"{slip.week} {a} → {b} (+{slip.delay_days} d)"
            )
        elif slip.kind == "overdue":
            parts.append(f"{slip.week} 逾期（原定{a}）" if lang == "zh" else f"{slip.week} overdue (due {a})")
        elif slip.kind == "stalled":
            parts.append(
                f"{slip.week} 停滞在{slip.from_}" if lang == "zh" else f"{slip.week} stalled at {slip.from_}"
            )
        else:
            parts.append(
                f"{slip.week} {slip.from_}→{slip.to}"
                if lang == "zh"
                else f"{slip.week} {slip.from_} → {slip.to}"
            )
    return wording.SEPARATOR[lang].join(parts)


def _incidents(series: Series, reports: list[ReportRef], lang: Lang) -> list[Fact]:
    sources = {r.source for r in reports}
    out = []
    by_source = {r.source: r for r in reports}
    for incident in series.incidents:
        if incident.report not in sources:
            continue
        view = series.view(by_source[incident.report])
        impact, cite = describe.incident_impact(incident, view)
        severity = level(incident.severity)
        note = RiskNote(
            id="",
            kind="incident",
            text=describe.incident_phrase(incident, impact, lang),
            citations=[incident.evidence, *([cite] if cite else [])],
            category="incident",
            status="resolved" if incident.resolution else "open",
            severity=severity,
            severity_label=incident.severity,
        )
        short = describe.incident_short(incident, impact, lang)
        out.append(Fact(note, "incidents", short, INCIDENT_WEIGHT.get(str(severity), 3) - 1, note.text))
    return sorted(out, key=lambda f: rank(f.item.severity if isinstance(f.item, RiskNote) else None))


def _counts(incidents: list[RiskNote]) -> list[SeverityCount]:
    grouped: dict[str | None, list[str]] = defaultdict(list)
    for note in incidents:
        grouped[note.severity].append(note.severity_label or "")
    out = []
    for severity in [*LEVELS, None]:
        if severity in grouped:
            labels = sorted({x for x in grouped[severity] if x})
            out.append(SeverityCount(severity=severity, labels=labels, count=len(grouped[severity])))  # type: ignore[arg-type]
    return out


def _trends(series: Series, reports: list[ReportRef], lang: Lang) -> list[Fact]:
    sources = {r.source for r in reports}
    out = []
    for metric in series.metrics:
        points = [p for p in metric.points if p.report in sources]
        if len(points) < 2:
            continue
        values = [p.value for p in points]
        first, last = points[0], points[-1]
        unit = metric.unit
        text = (
            f"{metric.name} {wording.value(first.value, unit)}（{first.week}）→ {wording.value(last.value, unit)}"
            f"（{last.week}），区间 {wording.value(min(values), unit)}–{wording.value(max(values), unit)}"
            if lang == "zh"
            else f"{metric.name} {wording.value(first.value, unit)} ({first.week}) → "
            f"{wording.value(last.value, unit)} ({last.week}), range {wording.value(min(values), unit)}–"
            f"{wording.value(max(values), unit)}"
        )
        trend = MetricTrend(
            id="",
            kind="metric",
            text=text,
            citations=[first.evidence, last.evidence],
            name=metric.name,
            unit=unit,
            first=first.value,
            last=last.value,
            first_week=first.week,
            last_week=last.week,
            low=min(values),
            high=max(values),
            points=[TrendPoint(week=p.week, date=p.date, value=p.value) for p in points],
        )
        extreme = last.value in (min(values), max(values)) and first.value != last.value
        short = wording.say(
            "rollup_trend",
            lang,
            name=metric.name,
            first=wording.value(first.value, unit),
            last=wording.value(last.value, unit),
        )
        out.append(
            Fact(trend, "metrics", short, 3 if extreme and len(points) >= 4 else 0, f"metric:{metric.key}")
        )
    return out


def period_parts(facts: RollupFacts) -> list[str]:
    """The period in counts, as headline parts: launches (late ones), slips and their total days,
    incidents (worst level). Every writer states the same computed totals."""
    lang = facts.lang
    outcomes = [i for i in facts.section("outcomes") if isinstance(i, ProjectOutcome)]
    launched = [o for o in outcomes if o.outcome.startswith("launched")]
    slipped = [o for o in outcomes if o.slip_days > 0]
    parts = []
    if launched:
        late = sum(o.outcome == "launched_late" for o in launched)
        late_text = wording.say("rollup_late", lang, n=late) if late else ""
        parts.append(wording.say("rollup_launched", lang, n=len(launched), late=late_text))
    if slipped:
        days = sum(o.slip_days for o in slipped)
        parts.append(wording.say("rollup_slipped", lang, n=len(slipped), days=days))
    total = sum(c.count for c in facts.severities)
    if total:
        worst = next((c for c in facts.severities if c.severity), None)
        label = (
            "/".join(worst.labels) if worst and worst.labels else ("未定级" if lang == "zh" else "ungraded")
        )
        parts.append(wording.say("rollup_incidents", lang, n=total, worst=label))
    return parts
