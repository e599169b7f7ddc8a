"""Ledger answers that list across projects and reports: launches, pauses, risks, summaries.

"Which projects launched?" or "what risks are open?" name no project; the ledger knows every
project's states in every report, so the list is complete where k passages could not be.
"""

from __future__ import annotations

import os
import re

from index.ledger import views
from index.ledger.store import Ledger
from index.lexical import tokenize
from index.schemas import Observation, series_of
from summarizer.facts.common import (
    MAX_POINTS,
    clip,
    dated_in,
    in_range,
    observed,
    preferred_first,
    range_of,
    reports_asked,
    scoped,
    slip_text,
    written,
)
from summarizer.facts.model import Facts
from summarizer.facts.phrases import SLIP_KINDS_EN, SLIP_KINDS_ZH, VERDICTS_EN, VERDICTS_ZH, join, say
from summarizer.question import QuestionPlan
from summarizer.schemas import Point


def launched(qp: QuestionPlan, ledger: Ledger) -> Facts:
    """Every launch in range with its verdict against the last target before it."""
    rows = [
        x
        for x in views.launches(ledger)
        if dated_in(x.launched_on, x.week, qp) and any(scoped(c.report, qp) for c in x.evidence)
    ]
    rows = preferred_first(rows, lambda x: x.evidence[-1].report if x.evidence else "", qp)
    if not rows:
        return Facts(say("no_launches", qp.lang, range=range_of(qp)))
    verdicts = VERDICTS_ZH if qp.lang == "zh" else VERDICTS_EN
    points = []
    for x in rows[:MAX_POINTS]:
        target = f" ({'目标' if qp.lang == 'zh' else 'target'} {x.target})" if x.target else ""
        said = " → ".join(f"«{clip(c.quote, 40)}»" for c in x.evidence)
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
        range=range_of(qp),
    )
    return Facts(head, points)


def stopped(qp: QuestionPlan, ledger: Ledger) -> Facts:
    """Projects that moved to paused or cancelled, each with the report lines that say so."""
    rows = [e for e in views.paused_cancelled(ledger) if in_range(e.week, qp) and scoped(e.report, qp)]
    rows = preferred_first(rows, lambda e: e.report, qp)
    if not rows:
        return Facts(say("no_stopped", qp.lang, range=range_of(qp)))
    points = [
        Point(
            text=f"{e.week} {e.project}: {e.status} — {e.evidence[-1].quote if e.evidence else ''}",
            citations=list(e.evidence),
        )
        for e in rows[:MAX_POINTS]
    ]
    head = say(
        "stopped", qp.lang, n=len(rows), names=join([e.project for e in rows], qp.lang), range=range_of(qp)
    )
    return Facts(head, points, subjects=list(dict.fromkeys(e.project for e in rows)))


_RISK_WORDS = (
    "risk risks open current currently outstanding unresolved still now raised recent recently any "
    "red amber yellow project projects workstream workstreams 红灯 黄灯 项目 "
    "风险 现在 目前 当前 未解决 还没解决 没有解决 仍然 依然 最近 近期 提出 存在 还有"
)
_RESOLVED = re.compile(r"^\s*(?:resolved|closed|mitigated)\b|已解决|已解除|风险解除|已关闭|已消除", re.I)


def _generic(qp: QuestionPlan, words: str) -> bool:
    """True when the question names nothing beyond its intent words ("what risks are open?",
    "最近三周有什么风险"), so a list of every such fact is the answer."""
    return not set(tokenize(qp.terms)) - set(tokenize(words))


# A project whose latest state in range is one of these is a risk to report.
TROUBLED = ("at_risk", "off_track", "blocked")


# A risk item that says there is none ("None new this week", "暂无"); the register skips these too.
NOTHING_SAID = re.compile(r"^\s*(?:none|n/?a|no\s+(?:new\s+)?risks?|nothing|无|暂无|没有)\b", re.I)


def risks(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    """Risks as written in risk sections, and the projects whose state says they are in trouble.

    Without a time range "what risks are open?" means now: the latest report of each series.
    """
    if not _generic(qp, _RISK_WORDS):
        return None  # "what happened to the TLS risk?" is about one risk: the passages answer it
    sources = {r.source for r in reports_asked(qp, ledger)}
    raised = [
        n for n in views.notes(ledger, kind="risk") if n.report in sources and not NOTHING_SAID.match(n.text)
    ]
    if qp.since is None and qp.until is None:  # "open" risks: what the latest report still carries
        raised = [n for n in raised if not _RESOLVED.search(n.text)]
    troubled: list[tuple[str, Observation]] = []
    for info in views.projects(ledger):
        states = [
            o for o in views.timeline(ledger, info.name).observations if o.report in sources and o.status
        ]
        if states and states[-1].status in TROUBLED:
            troubled.append((info.name, states[-1]))
    if not raised and not troubled:
        return None
    points = [Point(text=f"{n.week} {n.text}", citations=[n.evidence]) for n in raised]
    points += [Point(text=f"{o.week} {name}: {observed(o)}", citations=[o.evidence]) for name, o in troubled]
    names = [name for name, _ in troubled]
    head = say(
        "risks",
        qp.lang,
        n=len(raised),
        m=len(troubled),
        names=join(names, qp.lang) or "—",
        range=range_of(qp),
    )
    return Facts(head, points[:MAX_POINTS])


SUMMARY_POINTS = 16


def summary(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    """What the reports in range say, from the ledger: launches, slips, pauses and incidents
    told in them, then the last report's metrics and each project's state in it.

    Without a time range the latest report is summarised (per series when several are in
    scope): "summarise the report" means the newest one, not the whole archive.
    """
    chosen = reports_asked(qp, ledger)
    if not chosen:
        return None
    sources = {r.source for r in chosen}
    last = {series_of(r.source): r.source for r in chosen}
    kinds = SLIP_KINDS_ZH if qp.lang == "zh" else SLIP_KINDS_EN
    verdicts = VERDICTS_ZH if qp.lang == "zh" else VERDICTS_EN
    launches = [x for x in views.launches(ledger) if x.evidence and x.evidence[-1].report in sources]
    moved = [x for x in views.slips(ledger) if x.evidence and x.evidence[-1].report in sources]
    paused = [x for x in views.paused_cancelled(ledger) if x.report in sources]
    told = [x for x in views.incidents(ledger) if x.report in sources]
    points = [
        Point(
            text=f"{x.project}: {say('launched', qp.lang, when=x.launched_on, verdict=verdicts[x.verdict])}"
            f" «{clip(x.evidence[-1].quote, 40)}»",
            citations=list(x.evidence),
        )
        for x in launches
    ]
    points += [Point(text=f"{x.project}: {slip_text(x, kinds)}", citations=list(x.evidence)) for x in moved]
    points += [Point(text=f"{x.project}: {x.status}", citations=list(x.evidence)) for x in paused]
    points += [Point(text=f"{x.week} {x.title}", citations=[x.evidence]) for x in told]
    for series in views.metric_series(ledger):
        for point in series.points:
            if point.report in last.values():
                points.append(
                    Point(
                        text=f"{series.name} {written(point, series.unit)}",
                        citations=[point.evidence],
                    )
                )
    projects = 0
    for info in views.projects(ledger):
        for o in views.timeline(ledger, info.name).observations:
            if o.report in last.values():
                projects += 1
                points.append(Point(text=f"{info.name}: {observed(o)}", citations=[o.evidence]))
    names = ", ".join(sorted(f"{os.path.basename(series_of(r.source))} {r.week}" for r in chosen)[:3])
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
    return Facts(head, points[:SUMMARY_POINTS], key)
