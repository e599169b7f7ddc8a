"""Ledger answers that list across projects and reports: launches, pauses, risks, summaries.

"Which projects launched?" or "what risks are open?" name no project; the ledger knows every
project's states in every report, so the list is complete where k passages could not be.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from index.ledger import views
from index.ledger.signals import STOPPED
from index.ledger.store import Ledger
from index.lexical import tokenize
from index.schemas import Citation, Launch, Observation, ReportRef, StatusEvent, series_of
from index.text.cjk import cut_words, has_han
from index.text.weeks import week_str
from summarizer.facts.common import (
    clip,
    clip_dated,
    dated_in,
    in_range,
    observed,
    range_of,
    scoped,
    slip_text,
    with_written,
    written,
)
from summarizer.facts.grouped import Entry, Listing, arrange, left_out, team_counts
from summarizer.facts.incidents import told_in_full
from summarizer.facts.model import Facts
from summarizer.facts.naming import named
from summarizer.facts.phrases import SLIP_KINDS_EN, SLIP_KINDS_ZH, VERDICTS_EN, VERDICTS_ZH, join, say
from summarizer.question import RISK_LIST_WORDS, QuestionPlan
from summarizer.schemas import Point


def launched(qp: QuestionPlan, ledger: Ledger) -> Facts:
    """Every launch in range with its verdict against the last target before it; per team,
    late launches first, then the most recent."""
    rows = [
        row
        for row in views.launch_rows(ledger)
        if (qp.reports is None or row.reports & qp.reports)
        and dated_in(row.item.launched_on, row.item.week, qp)
    ]
    if not rows:
        return Facts(say("no_launches", qp.lang, range=range_of(qp)))
    verdicts = VERDICTS_ZH if qp.lang == "zh" else VERDICTS_EN

    def point(x: Launch) -> Callable[[], Point]:
        def make() -> Point:
            target = f" ({'目标' if qp.lang == 'zh' else 'target'} {x.target})" if x.target else ""
            said = " → ".join(f"«{clip_dated(c.quote, x.launched_on)}»" for c in x.evidence)
            when = say("launched", qp.lang, when=x.launched_on, verdict=verdicts[x.verdict])
            return Point(
                text=f"{named(ledger, x.project, qp.lang)}: {when}{target} {said}".rstrip(),
                citations=list(x.evidence),
            )

        return make

    def short(x: Launch) -> Callable[[], Point]:
        said = f" «{clip_dated(x.evidence[-1].quote, x.launched_on)}»" if x.evidence else ""
        return lambda: Point(
            text=f"{named(ledger, x.project, qp.lang)} ({with_written(x.launched_on, x.evidence)},"
            f" {verdicts[x.verdict]}){said}",
            citations=list(x.evidence),
        )

    entries = [
        Entry(
            row.series,
            (row.item.verdict != "late", -row.item.launched_on.toordinal(), row.project),
            point(row.item),
            lang=_lang(row.project),
            short=short(row.item),
            # the closing line of other teams names it too: by its latest name as well, once renamed
            about=named(ledger, row.project, qp.lang),
        )
        for row in rows
    ]
    listing = arrange(entries, qp, ("launch(es)", "个上线"))
    late = sum(1 for row in rows if row.item.verdict == "late")
    if listing.several:
        counts = team_counts(listing, qp.lang, "", "个")
        head = say(
            "launches_teams",
            qp.lang,
            n=len(rows),
            t=len(listing.teams),
            counts=counts,
            late=late,
            range=range_of(qp),
        )
    else:
        names = [e.rank[-1] for e in listing.teams[0].entries]
        head = say(
            "launches", qp.lang, n=len(rows), names=names_text(names, qp), late=late, range=range_of(qp)
        )
    return Facts(
        head + left_out(listing, qp.lang, "late and most recent", "是否晚于目标和时间"), listing.points
    )


def stopped(qp: QuestionPlan, ledger: Ledger) -> Facts:
    """Projects that moved to paused or cancelled, each with the report lines that say so; per
    team, the most recent first."""
    rows = [
        row
        for row in views.event_rows(ledger, statuses=STOPPED)
        if in_range(week_str(row.week_int), qp) and scoped(row.source, qp)
    ]
    if not rows:
        return Facts(say("no_stopped", qp.lang, range=range_of(qp)))

    def point(row: views.Row[StatusEvent]) -> Callable[[], Point]:
        def make() -> Point:
            e = row.item
            quote = e.evidence[-1].quote if e.evidence else ""
            return Point(
                text=f"{e.week} {named(ledger, e.project, qp.lang)}: {e.status} — {quote}",
                citations=list(e.evidence),
            )

        return make

    def short(row: views.Row[StatusEvent]) -> Callable[[], Point]:
        return lambda: Point(
            text=f"{named(ledger, row.project, qp.lang)} ({row.item.status} {row.item.week})",
            citations=list(row.item.evidence),
        )

    entries = [
        Entry(
            row.series, (-row.week_int, i, row.project), point(row), lang=_lang(row.project), short=short(row)
        )
        for i, row in enumerate(rows)
    ]
    listing = arrange(entries, qp, ("project(s)", "个项目"))
    if listing.several:
        counts = team_counts(listing, qp.lang, "", "个")
        head = say(
            "stopped_teams", qp.lang, n=len(rows), t=len(listing.teams), counts=counts, range=range_of(qp)
        )
    else:
        names = [e.rank[-1] for e in listing.teams[0].entries]
        head = say("stopped", qp.lang, n=len(rows), names=names_text(names, qp), range=range_of(qp))
    return Facts(
        head + left_out(listing, qp.lang, "most recent", "时间"),
        listing.points,
        subjects=list(dict.fromkeys(e.rank[-1] for e in listing.shown)),
    )


def reports_asked(qp: QuestionPlan, ledger: Ledger) -> list[ReportRef]:
    """The ledger's reports a list or summary question is about, oldest first: those in scope
    and range, or without a range the latest of each series ("open risks", "the report" mean now)."""
    return views.reports_in(
        ledger, qp.since, qp.until, qp.reports, latest=qp.since is None and qp.until is None
    )


def names_text(names: list[str], qp: QuestionPlan, limit: int = 8) -> str:
    """Up to `limit` names, then how many there are."""
    if len(names) <= limit or qp.show_all:
        return join(names, qp.lang)
    rest = len(names) - limit
    return join(names[:limit], qp.lang) + (f" 等 {len(names)} 个" if qp.lang == "zh" else f" and {rest} more")


def _fixed(text: str, citations: list[Citation]) -> Callable[[], Point]:
    return lambda: Point(text=text, citations=citations)


def _lang(text: str) -> str:
    return "zh" if has_han(text) else "en"


# Words that ask for the whole risk list rather than name one risk (with RISK_LIST_WORDS).
_RISK_WORDS = " ".join(
    [
        "risk risks open current currently outstanding unresolved still now raised recent recently any "
        "red amber yellow project projects workstream workstreams 红灯 黄灯 项目 "
        "风险 现在 目前 当前 未解决 还没解决 没有解决 仍然 依然 最近 近期 提出 存在 还有 "
        "report update issue programme program roadmap team 周报 本期 那期 团队",
        *RISK_LIST_WORDS,
    ]
)
_RESOLVED = re.compile(r"^\s*(?:resolved|closed|mitigated)\b|已解决|已解除|风险解除|已关闭|已消除", re.I)


def _generic(qp: QuestionPlan, words: str) -> bool:
    """True when the question names nothing beyond its intent words ("what risks are open?",
    "最近三周有什么风险"), so a list of every such fact is the answer. Chinese words are taken out
    of the text before it is cut into bigrams: "团队最大的风险" leaves no "队最" behind."""
    return not set(tokenize(cut_words(qp.terms, words.split()))) - set(tokenize(words))


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
    latest: dict[str, Observation] = {}
    for name, o in views.observations(ledger, reports=sources):
        if o.status:
            latest[name] = o  # oldest report first: the last one stays
    troubled = [
        (name, latest[name])
        for name, _ in views.project_names(ledger)
        if name in latest and latest[name].status in TROUBLED
    ]
    if not raised and not troubled:
        return None
    entries = [
        Entry(
            series_of(n.report),
            (0, i),
            _fixed(f"{n.week} {n.text}", [n.evidence]),
            lang=_lang(n.text),
            short=_fixed(clip(n.text, 50), [n.evidence]),
        )
        for i, n in enumerate(raised)
    ]
    entries += [
        Entry(
            series_of(o.report),
            (1, i),
            _fixed(f"{o.week} {name}: {observed(o)}", [o.evidence]),
            lang=_lang(name),
            short=_fixed(f"{name} ({o.status_text or o.status})", [o.evidence]),
            about=name,
        )
        for i, (name, o) in enumerate(troubled)
    ]
    listing = arrange(entries, qp, ("item(s)", "项"))
    head = say(
        "risks",
        qp.lang,
        n=len(raised),
        m=len(troubled),
        names=names_text([name for name, _ in troubled], qp) or "—",
        range=range_of(qp),
    )
    if listing.several:
        head = _with_teams(head, listing, qp, "", "条")
    return Facts(
        head + left_out(listing, qp.lang, "stated risks, then projects in trouble,", "先风险、后受阻项目"),
        listing.points,
    )


def _with_teams(head: str, listing: Listing, qp: QuestionPlan, unit_en: str, unit_zh: str) -> str:
    """A headline with its counts per team added."""
    counts = team_counts(listing, qp.lang, unit_en, unit_zh)
    return head.rstrip("。.") + (f"；各团队：{counts}。" if qp.lang == "zh" else f"; by team: {counts}.")


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
    launches = [row.item for row in views.launch_rows(ledger, shown_in=sources)]
    moved = [
        row.item
        for row in views.slip_rows(ledger, reports=sources)
        if row.item.evidence[-1].report in sources
    ]
    paused = [row.item for row in views.event_rows(ledger, statuses=STOPPED, reports=sources)]
    told = [row.item for row in views.incident_rows(ledger, reports=sources)]
    entries: list[Entry] = []

    def add(series: str, category: int, text: str, citations: list[Citation]) -> None:
        point, short = _fixed(text, citations), _fixed(clip(text, 60), citations[-1:])
        entries.append(Entry(series, (category, len(entries)), point, lang=_lang(text), short=short))

    for x in launches:
        when = say("launched", qp.lang, when=x.launched_on, verdict=verdicts[x.verdict])
        quote = clip(x.evidence[-1].quote, 40)
        add(
            series_of(x.evidence[-1].report),
            0,
            f"{named(ledger, x.project, qp.lang)}: {when} «{quote}»",
            list(x.evidence),
        )
    for s in moved:
        add(
            series_of(s.evidence[-1].report),
            1,
            f"{named(ledger, s.project, qp.lang)}: {slip_text(s, kinds)}",
            list(s.evidence),
        )
    for e in paused:
        add(series_of(e.report), 2, f"{named(ledger, e.project, qp.lang)}: {e.status}", list(e.evidence))
    for i in told:
        add(series_of(i.report), 3, told_in_full(i, qp.lang), [i.evidence])
    for series in views.metric_series(ledger, reports=set(last.values())):
        for point in series.points:
            add(
                series_of(point.report),
                4,
                f"{series.name} {written(point, series.unit)}",
                [point.evidence],
            )
    projects = 0
    states: dict[str, list[Observation]] = {}
    for name, o in views.observations(ledger, reports=set(last.values())):
        states.setdefault(name, []).append(o)
    for name in views.recent_first(ledger, states):
        for o in states[name]:
            projects += 1
            add(series_of(o.report), 5, f"{name}: {observed(o)}", [o.evidence])
    listing = arrange(entries, qp, ("item(s)", "项"), max_points=SUMMARY_POINTS)
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
    if listing.several:
        head = _with_teams(head, listing, qp, "items", "项") + left_out(listing, qp.lang, "changes", "变化")
    # The headline rests on the launches and slips shown.
    key = [c for e in listing.shown if e.rank[0] <= 1 and e.point for c in e.point().citations[-1:]]
    return Facts(head, listing.points, key)
