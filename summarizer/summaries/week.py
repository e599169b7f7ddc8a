"""One report's summary facts: changes, projects, risks and incidents, metrics, decisions and
asks, next week's plan and how last week's plan turned out.

Each section item cites the report lines it rests on; weights rank what needs an executive's
attention (a SEV1 before a slip before a launch before a metric that only moved a little), which
is all a writer needs to choose highlights. Nothing here looks at reports after this one.
"""

from __future__ import annotations

import itertools
import re
import statistics

from index.schemas import Citation, MetricPoint, ReportRef
from index.text.lang import Lang
from summarizer.facts.common import unique_citations
from summarizer.schemas import ItemKind, MetricChange, RiskEntry, RiskNote, SummaryItem
from summarizer.summaries import describe, plans, wording
from summarizer.summaries.inputs import Fact, WeekFacts, number
from summarizer.summaries.projects import ProjectLines, changes, progress_rows
from summarizer.summaries.reading import Line, ReportView
from summarizer.summaries.risk_words import gist, risk_clause
from summarizer.summaries.series import Series

_DECISION = re.compile(
    r"拍板|决定|决策(?!引擎)|商定|结论是|确认后|定稿|\b(?:decided|decision|agreed|approved to|chose|will go with)\b",
    re.I,
)
_ASK = re.compile(
    r"升级到|上升到|需要[^，。；]{0,12}(?:支持|协助|协调|决策|审批|拍板)|请求|求助|"
    r"\b(?:escalat\w+|ask(?:ing)?|need(?:s|ed)? (?:help|a decision|approval|support)|requests?)\b",
    re.I,
)
_NO_INCIDENTS = re.compile(
    r"\bno incidents?\b|(?:事件|事故|故障|线上问题)\s*[:：]\s*(?:本周)?无|本周无(?:线上)?(?:事故|故障|事件)",
    re.I,
)
INCIDENT_WEIGHT = {"critical": 9, "high": 7, "medium": 4, "low": 3}
NOTABLE_HISTORY = 3
"""Earlier values a metric needs before a move can be called unusual."""


def label(ref: ReportRef) -> str:
    return ref.week_label or ref.week


def build(series: Series, ref: ReportRef, lang: Lang, register: list[RiskEntry]) -> WeekFacts:
    """The facts of the report `ref` of `series`, written in `lang`."""
    view = series.view(ref)
    previous = series.previous(ref)
    lines = {name: ProjectLines(series, view, name, obs) for name, obs in series.observed_in(ref.source)}
    facts = changes(series, ref, lang, lines)
    told = {f.subject for f in facts if f.item.kind in ("slipped", "paused", "launched")}
    facts += progress_rows(series, ref, lang, lines, told)
    facts += _risks(series, ref, lang, register, view, {f.subject for f in facts if f.section == "changes"})
    facts += _metrics(series, ref, lang)
    facts += _decisions(series, lang, view)
    facts += _next_week(series, ref)
    if previous is not None:
        plans_before = [n for n in series.notes.get(previous.source, []) if n.kind == "plan"]
        facts += plans.check(series, ref, lang, plans_before, view)
    number(facts)
    return WeekFacts(
        series.folder, series.name, lang, ref, previous, label(ref), facts, projects_reported=len(lines)
    )


def _risks(
    series: Series,
    ref: ReportRef,
    lang: Lang,
    register: list[RiskEntry],
    view: ReportView | None,
    told: set[str],
) -> list[Fact]:
    """The register's entries this report raises, as they stood after it. A project's risk
    weighs only when it is new and no change item already tells it."""
    out: list[Fact] = []
    incidents = {(i.evidence.lines, i.report): i for i in series.incidents if i.report == ref.source}
    for entry in register:
        seen = next((s for s in entry.history if s.report == ref.source), None)
        if seen is None:
            continue
        cites = [seen.citation]
        text = seen.text
        if entry.category == "incident":
            incident = incidents.get((seen.citation.lines, seen.citation.report))
            if incident is not None:
                impact, cite = describe.incident_impact(incident, view)
                cites += [cite] if cite else []
                short = describe.incident_short(incident, impact, lang)
            else:
                short = text
            weight = INCIDENT_WEIGHT.get(str(entry.severity), 3)
        else:
            if entry.project is not None and not text.startswith(entry.project):
                text = entry.project + wording.COLON[lang] + text
            word = wording.STATUS_WORDS[lang][seen.status]
            notes = [word] if seen.status != "open" and word.casefold() not in text.casefold() else []
            if entry.first_seen != ref.week:
                notes.append(wording.say("since", lang, week=entry.first_seen))
            if notes:
                joined = ("，" if lang == "zh" else ", ").join(notes)
                text += f"（{joined}）" if lang == "zh" else f" ({joined})"
            short = wording.clip(gist(seen.text), lang)
            if entry.project is not None:
                short = entry.project + wording.COLON[lang] + wording.clip(risk_clause(seen.text), lang)
            if entry.project is None:
                weight = {"open": 6 if entry.first_seen == ref.week else 3, "mitigated": 2, "resolved": 4}[
                    seen.status
                ]
            else:
                weight = 5 if entry.first_seen == ref.week and entry.project not in told else 0
        note = RiskNote(
            id="",
            kind="incident" if entry.category == "incident" else "risk",
            text=text,
            project=entry.project,
            citations=unique_citations(cites),
            category=entry.category,
            status=seen.status,
            severity=entry.severity,
            severity_label=entry.severity_label,
        )
        out.append(Fact(note, "risks", short, weight, entry.project or entry.id))
    if not incidents and view is not None:
        line = next((x for x in view.items if _NO_INCIDENTS.search(x.text)), None)
        line = line or _none_line(view)
        if line is not None:
            # "No incidents this week." is a change against last week, in the report's words.
            item = SummaryItem(id="", kind="incident", text=line.text, citations=[line.cite()])
            out.append(Fact(item, "changes", wording.say("no_incidents", lang), 0, "no-incidents"))
    return out


def _none_line(view: ReportView) -> Line | None:
    """A paragraph (not an item) that says there were no incidents ("No incidents this week.")."""
    for line_no, text in view.report.lines:
        if _NO_INCIDENTS.search(text):
            return Line(line_no, text.strip(), _section_of(view, line_no), view.report)
    return None


def _section_of(view: ReportView, number: int) -> str:
    found = [s for s in view.report.all_sections() if s.start <= number <= s.end]
    return found[-1].path_text if found else ""


def _metrics(series: Series, ref: ReportRef, lang: Lang) -> list[Fact]:
    out: list[Fact] = []
    for metric in series.metrics:
        here = [i for i, p in enumerate(metric.points) if p.report == ref.source]
        if not here:
            continue
        i = here[0]
        point, earlier = metric.points[i], metric.points[:i]
        prev = earlier[-1] if earlier else None
        shown = wording.value(point.value, metric.unit, point.qualifier)
        text = wording.say("metric", lang, name=point.name, value=shown)
        delta = None
        if prev is not None:
            delta = round(point.value - prev.value, 6)
            if delta:
                text += wording.say(
                    "metric_change",
                    lang,
                    prev=wording.value(prev.value, metric.unit),
                    delta=wording.delta(delta, metric.unit),
                )
            else:
                text += wording.say("metric_same", lang)
        notable = _notable(point, earlier)
        if notable:
            text += wording.say(notable, lang)
        item = MetricChange(
            id="",
            kind="metric",
            text=text,
            citations=[point.evidence] + ([prev.evidence] if prev is not None and delta else []),
            name=point.name,
            unit=metric.unit,
            value=point.value,
            previous=prev.value if prev is not None else None,
            delta=delta,
            previous_week=prev.week if prev is not None else None,
        )
        moved = wording.delta(delta, metric.unit) if delta else ""
        short = f"{point.name} {shown}" + (
            (f"（{moved}）" if lang == "zh" else f" ({moved})") if moved else ""
        )
        out.append(Fact(item, "metrics", short, 2 if notable else 0, f"metric:{metric.key}"))
    return out


def _notable(point: MetricPoint, earlier: list[MetricPoint]) -> str | None:
    """'new_low'/'new_high' when the value leaves the range of every earlier report, 'big_move' for
    a move at least twice the usual week-over-week move; None for ordinary weeks."""
    if len(earlier) < NOTABLE_HISTORY:
        return None
    values = [p.value for p in earlier]
    if point.value < min(values):
        return "new_low"
    if point.value > max(values):
        return "new_high"
    moves = [abs(b - a) for a, b in itertools.pairwise(values)]
    usual = statistics.median(moves) if moves else 0
    move = abs(point.value - values[-1])
    return "big_move" if usual and move >= 2 * usual else None


def _decisions(series: Series, lang: Lang, view: ReportView | None) -> list[Fact]:
    """Sentences that record a decision (`拍板`, `agreed`) or ask for help (`升级到CTO`, `escalated`)."""
    if view is None:
        return []
    pool: list[tuple[Line, str]] = []
    for block in view.blocks:
        pool += [(line, block.name) for line in block.lines()]
    pool += [(line, line.section.split(" > ")[-1]) for line in view.notes.values()]
    pool += [(line, "") for line in view.summary]
    noted = {line.number for line in view.notes.values()}
    for line in view.items:
        if line.kind == "projects" and line.number not in noted:
            head = re.match(r"^([^：:]{2,30})[：:]", line.text)
            leaf = line.section.split(" > ")[-1]
            pool.append(
                (
                    line,
                    leaf if series.resolve(leaf) else (head[1] if head and series.resolve(head[1]) else ""),
                )
            )
    out: list[Fact] = []
    seen: set[tuple[int, str]] = set()
    for line, about in pool:
        for sentence in re.findall(r"[^。；;!?]+[。；;!?]?|[^.]+(?:\.(?!\d)|$)", line.text):
            sentence = sentence.strip()
            ask = bool(_ASK.search(sentence))
            if not sentence or not (ask or _DECISION.search(sentence)) or (line.number, sentence) in seen:
                continue
            seen.add((line.number, sentence))
            prefix = f"{about}{wording.COLON[lang]}" if about and about not in sentence else ""
            kind: ItemKind = "ask" if ask and not _DECISION.search(sentence) else "decision"
            project = series.resolve(about) if about else None
            item = SummaryItem(
                id="", kind=kind, text=prefix + sentence, project=project, citations=[line.cite(sentence)]
            )
            short = wording.clip(prefix + sentence, lang, 12, 36)
            # One highlight per project: a decision about a project that slipped is part of that story.
            subject = project or f"decision:{line.number}"
            out.append(Fact(item, "decisions", short, 4 if kind == "ask" else 3, subject))
    return out


def _next_week(series: Series, ref: ReportRef) -> list[Fact]:
    out = []
    for note in series.notes.get(ref.source, []):
        if note.kind == "plan":
            item = SummaryItem(id="", kind="plan", text=note.text, citations=[note.evidence])
            out.append(Fact(item, "next_week", note.text, 0, f"plan:{note.evidence.lines[0]}"))
    return out


def citations_of(facts: list[Fact]) -> list[Citation]:
    return [c for f in facts for c in f.item.citations]
