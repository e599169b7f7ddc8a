"""Facts per intent: slips, incidents, a project's status, metrics, changes; `lookup` picks one.

Top-k passages cannot answer "which projects slipped?" (peers fail exactly here, FACTS.md); the
ledger holds every slip, incident, observation and metric across weeks with its evidence. Each
handler returns a headline and points with citations, or None when the ledger has nothing to
say, so the engine reads passages instead. Lists across projects (launches, pauses, risks,
summaries) live in `lists`, the incidents handler in `incidents`; the filters and wording all
handlers share in `common`.
"""

from __future__ import annotations

from collections.abc import Callable

from index.ledger import views
from index.ledger.derive import slip_days
from index.ledger.store import Ledger
from index.lexical import tokenize
from index.schemas import Citation, MetricPoint, Slip, series_of
from index.text.cjk import has_han
from summarizer.facts.changes import changes
from summarizer.facts.common import (
    MAX_POINTS,
    clip_dated,
    in_range,
    observed,
    range_of,
    scoped,
    slip_text,
    subject_weights,
    unique_citations,
    with_written,
    written,
)
from summarizer.facts.grouped import DISTINCTIVE, Entry, arrange, left_out, relevance, team_counts, team_of
from summarizer.facts.incidents import incidents
from summarizer.facts.lists import launched, risks, stopped, summary
from summarizer.facts.model import Facts
from summarizer.facts.money import in_money, money_asked, states_money
from summarizer.facts.naming import named
from summarizer.facts.phrases import SLIP_KINDS_EN, SLIP_KINDS_ZH, VERDICTS_EN, VERDICTS_ZH, join, say
from summarizer.question import QuestionPlan
from summarizer.schemas import Point


def slips(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    """Per team, the projects that slipped, the largest slip first (days a target moved or a
    project is overdue), then the most recent; each project's slips in order."""
    projects = set(qp.projects) or None
    found = views.slip_groups(ledger, qp.since, qp.until, reports=qp.reports, projects=projects)
    kinds_asked: set[str] | None = None
    # "which project is stuck?" asks for stalls, "which is past its date?" for overdue ones, not
    # every slip (and every slip when there are none of that kind, or when it asks for slips too:
    # "哪些项目延期或进度停滞")
    wanted: tuple[str, ...] = ("stalled", "overdue") if "slipped" not in qp.wants else ()
    for kind in wanted:
        if kind in qp.wants and kinds_asked is None:
            only = views.slip_groups(ledger, qp.since, qp.until, qp.reports, projects, kinds={kind})
            if only:
                found, kinds_asked = only, {kind}
    if not found:
        none = say("no_slips", qp.lang, range=range_of(qp))
        # "Is SDK generation overdue?" about a project with no slip: say so, and where it stands
        # (paused with a stale date is not overdue), from its own history.
        standing = status(qp, ledger) if qp.projects else None
        if standing is not None and standing.headline:
            return Facts(f"{none} {standing.headline}", standing.points, standing.key)
        return Facts(none)
    # Projects the question names in part ("why did v3 slip?" names no project exactly): their
    # own slips in full are the answer, not a line per team.
    weights = subject_weights(qp)
    subjects = list(dict.fromkeys(g.project for g in found if relevance(g.project, weights) > 0))
    if subjects and not (qp.projects or qp.show_all):
        found = [g for g in found if g.project in subjects]
    elif not (subjects or qp.projects or qp.show_all) and names_one_thing(qp):
        return None  # "Is Customs Docs OCR overdue?" of a thing no slip names: its own lines answer
    kinds = SLIP_KINDS_ZH if qp.lang == "zh" else SLIP_KINDS_EN
    key: list[Citation] = []
    # One team with many projects: each project's largest slip and a count, on one screen.
    brief = not (qp.projects or qp.show_all) and len(found) > MAX_POINTS

    def largest(every: list[Slip]) -> Slip:
        return max(every, key=lambda s: (slip_days(s) or 0, s.week))

    def point(group: views.SlipGroup) -> Callable[[], Point]:
        def make() -> Point:
            every = views.group_slips(ledger, group, qp.since, qp.until, qp.reports, kinds_asked)
            shown, more = every, ""
            if brief:
                shown = [largest(every)]
                if len(every) > 1:
                    latest = every[-1].week
                    more = (
                        f"；共 {len(every)} 次，最近 {latest}"
                        if qp.lang == "zh"
                        else f"; {len(every)} slips in all, latest {latest}"
                    )
            # Retrieval reads the report where each slip shows first, in the order the answer lists them.
            key.extend(s.evidence[-1] for s in shown if s.evidence)
            return Point(
                text=f"{named(ledger, group.project, qp.lang)}: "
                + "; ".join(f"{s.week} {slip_text(s, kinds)}" for s in shown)
                + more,
                citations=unique_citations(c for s in shown for c in s.evidence),
            )

        return make

    def short(group: views.SlipGroup) -> Callable[[], Point]:
        """On a team's line: the project and its largest slip in a few words."""

        def make() -> Point:
            slip = largest(views.group_slips(ledger, group, qp.since, qp.until, qp.reports, kinds_asked))
            key.extend(slip.evidence[-1:])
            days = slip_days(slip)
            size = f", {days:+d}{'天' if qp.lang == 'zh' else ' d'}" if days else ""
            # No quote here: the line's citations sit under it, and a screen holds 12 such lines.
            return Point(
                text=f"{_known_as(named(ledger, group.project, qp.lang), slip.aliases)} ({kinds.get(slip.kind, slip.kind)}"
                f" {slip.from_} → {with_written(slip.to, slip.evidence[-1:])}{size})",
                citations=list(slip.evidence),
            )

        return make

    entries = [
        Entry(
            g.series,
            (-g.days, -g.last_week, g.project),
            point(g),
            facts=g.slips,
            lang="zh" if has_han(g.project) else "en",
            short=short(g),
            about=g.project,
        )
        for g in found
    ]
    listing = arrange(entries, qp, ("project(s)", "个项目"))
    total = sum(g.slips for g in found)
    names = list(dict.fromkeys(g.project for g in found))
    if listing.several:
        head = say(
            "slips_teams",
            qp.lang,
            n=total,
            m=len(names),
            t=len(listing.teams),
            counts=team_counts(listing, qp.lang, "project(s)", "个项目", "slips", "次"),
            range=range_of(qp),
        )
    else:
        shown = [e.rank[-1] for e in listing.teams[0].entries]
        head = say("slips", qp.lang, n=total, m=len(names), names=_names(shown, qp), range=range_of(qp))
    head += left_out(listing, qp.lang, "largest slip", "延期天数和时间")
    if qp.projects and len(names) == 1:
        # "Is X overdue?": where it stands now as well (a stall, then paused and cancelled).
        standing = status(qp, ledger)
        if standing is not None and standing.headline:
            head += " " + standing.headline
    # The projects named in part: their own lines may say why ("why did the EDR rollout slip?").
    return Facts(head, listing.points, key, subjects=subjects)


# Share of the question's term weight its subject must hold for the question to be about one thing.
ONE_THING_SHARE = 0.35
# Words for the dates that slipped, not for a thing: "哪些项目的上线时间推迟了？" lists every slip.
_SCHEDULE_WORDS = "上线时间 完成时间 交付时间 时间 日期 时间点 计划 排期 节点 date dates deadline deadlines timeline schedule eta target targets"
# and for what went wrong, asked beside the slips: "Did anything slip or go wrong since mid-August?"
# names no thing (w55-d; `wrong` grows rare enough to look like one as the index grows).
_TROUBLE_WORDS = "wrong problem problems trouble"
_SCHEDULE_TOKENS = frozenset(tokenize(f"{_SCHEDULE_WORDS} {_TROUBLE_WORDS}"))


def names_one_thing(qp: QuestionPlan) -> bool:
    """The question asks about one thing it names ("山雀项目是不是已经逾期了？", "why did Dock
    Scheduler v2 slip?"), not for a list ("which projects slipped?"): its subject, without the
    intent's words, holds a distinctive term the reports write and a good share of its weight.
    A list of every team's slips answers none of that when no slip's project is that thing."""
    if qp.asks_which:
        return False  # "哪个需求已经过了目标日期还没做完？" asks for a list, whatever it names
    weights = qp.term_weights
    subject = set(tokenize(qp.subject)) - qp.unseen - _SCHEDULE_TOKENS
    held = {t: w for t, w in weights.items() if t in subject}
    total = sum(weights.values())
    return (
        bool(total)
        and any(w >= DISTINCTIVE for w in held.values())
        and sum(held.values()) >= ONE_THING_SHARE * total
    )


def _known_as(name: str, aliases: list[str]) -> str:
    """A project's name with the short names reports also use for it (`Checkout redesign /
    Express Checkout`); a sentence the ledger took for a name is left out."""
    others = [a for a in aliases if len(a) <= 30 and name not in a and a not in name][:2]
    return " / ".join([name, *others])


def _names(names: list[str], qp: QuestionPlan, limit: int = 8) -> str:
    """Up to `limit` names, then how many more."""
    if len(names) <= limit or qp.show_all:
        return join(names, qp.lang)
    rest = len(names) - limit
    return join(names[:limit], qp.lang) + (f" 等 {len(names)} 个" if qp.lang == "zh" else f" and {rest} more")


def _in_team(report: str, qp: QuestionPlan) -> bool:
    """In the team (series) the question is scoped to, or any team's when it names none: a scope
    of reports may be a period's (each team's latest), which says nothing of whose lines to read."""
    return qp.series is None or series_of(report) == qp.series


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
    # (one name two teams write is one project: a question scoped to a team reads that team's lines)
    observations = (
        [o for o in timeline.observations if in_range(o.week, qp) and _in_team(o.report, qp)]
        if timeline
        else []
    )
    if not observations:
        return None
    slips = [
        s
        for s in timeline.slips
        if in_range(s.week, qp) and (not s.evidence or _in_team(s.evidence[-1].report, qp))
    ]
    latest = observations[-1]
    facts = []
    if latest.progress_label:
        facts.append(say("progress", qp.lang, value=latest.progress_label))
    if latest.target_text or latest.target:
        facts.append(say("target", qp.lang, value=latest.target_text or latest.target))
    if latest.status_text or latest.status:
        facts.append(say("state", qp.lang, value=latest.status_text or latest.status))
    launch = next(
        (
            row.item
            for row in views.launch_rows(ledger, project=timeline.project)
            if not row.item.evidence or _in_team(row.item.evidence[-1].report, qp)
        ),
        None,
    )
    if launch is not None and in_range(launch.week, qp):
        verdicts = VERDICTS_ZH if qp.lang == "zh" else VERDICTS_EN
        said = (
            f" «{clip_dated(launch.evidence[-1].quote, launch.launched_on, 40)}»" if launch.evidence else ""
        )
        facts.append(
            say(
                "launched",
                qp.lang,
                when=launch.launched_on,
                verdict=verdicts[launch.verdict],
            )
            + said
        )
    quote = latest.evidence.quote
    head = say(
        "status",
        qp.lang,
        project=named(ledger, timeline.project, qp.lang),  # "Public API v3 (now API v3 GA)"
        week=latest.week,
        facts=join(facts, qp.lang) or quote,
    )
    kinds = SLIP_KINDS_ZH if qp.lang == "zh" else SLIP_KINDS_EN
    # Slips first: how the plan moved is what "how did X change" and "why is X late" ask about.
    points = [Point(text=f"{s.week} {slip_text(s, kinds)}", citations=list(s.evidence)) for s in slips][:4]
    points += [Point(text=f"{o.week}: {observed(o)}", citations=[o.evidence]) for o in observations[-6:]]
    # The headline rests on the latest report and on each report where the plan moved.
    key = [latest.evidence, *(s.evidence[-1] for s in slips if s.evidence)]
    return Facts(head, points[:MAX_POINTS], key)


def metrics(qp: QuestionPlan, ledger: Ledger) -> Facts | None:
    """Each metric the question names (planned: `qp.metrics`): first and last value in range."""
    keys = dict(views.metric_names(ledger))  # a spelling two series share names the later one
    names = [n for n in qp.metrics if n in keys]
    if not names:
        return None
    series = {s.name: s for s in views.metric_series(ledger, keys={keys[n] for n in names[:3]})}
    if money_asked(qp):
        # "How much did the GPU training cost in dollars?" is not answered by a count of GPUs.
        names = [n for n in names if n in series and in_money(series[n].name, series[n].unit)]
    lines: list[str] = []
    points: list[Point] = []
    key: list[Citation] = []
    for name in names[:3]:
        chosen = [p for p in series[name].points if in_range(p.week, qp) and scoped(p.report, qp)]
        unit = series[name].unit
        teams = _by_team(chosen, qp)
        for team, team_points in teams:
            first, last = team_points[0], team_points[-1]
            key += [first.evidence, last.evidence]
            delta = last.value - first.value
            lines.append(
                say(
                    "metric",
                    qp.lang,
                    name=f"{name} [{team_of(team)}]" if len(teams) > 1 else name,
                    first=written(first, unit),
                    first_week=first.week,
                    last=written(last, unit),
                    last_week=last.week,
                    delta=f"{delta:+.6g}{'pp' if unit == '%' else ''}",
                )
            )
        for team, team_points in teams:
            # The likely team's trend point by point; another team's only as room is left.
            label = f"[{team_of(team)}] " if len(teams) > 1 else ""
            room = MAX_POINTS - len(points)
            points += (
                [
                    Point(text=f"{label}{p.week}: {name} {written(p, unit)}", citations=[p.evidence])
                    for p in team_points[-room:]
                ]
                if room > 0
                else []
            )
    if not lines:
        return None
    return Facts(" ".join(lines), points[:MAX_POINTS], key)


def _by_team(points: list[MetricPoint], qp: QuestionPlan) -> list[tuple[str, list[MetricPoint]]]:
    """A metric's points per report folder: one team's trend never runs into another's that
    writes the same name ("Conversion" of a shop in 2024, of an agency's campaign in 2025). The
    team the question is likely about first, then the team with the most points, the newest."""
    teams: dict[str, list[MetricPoint]] = {}
    for p in points:
        teams.setdefault(series_of(p.report), []).append(p)
    return sorted(
        teams.items(),
        key=lambda kv: (kv[0] != qp.prefer_series, -len(kv[1]), -kv[1][-1].date.toordinal(), kv[0]),
    )


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
    if facts is None and ledger is not None and qp.intent == "metrics" and qp.projects:
        # "BW14 那期播放器系统升级进度是多少？" where no metric series holds it: the named project's
        # own state in range (its progress, status and target) is the figure asked for
        facts = status(qp, ledger)
    if facts is not None and money_asked(qp) and not _states_money(facts):
        # "滨江一期项目的合同金额和预算执行情况如何？": the project's status is no amount of money;
        # a line of the reports may hold one (the passages are read, and must state it).
        facts = None
    if facts is None:
        return Facts(key=project_blocks(qp, ledger), found=False)
    return facts


def _states_money(facts: Facts) -> bool:
    return any(states_money(text) for text in [facts.headline or "", *(p.text for p in facts.points)])
