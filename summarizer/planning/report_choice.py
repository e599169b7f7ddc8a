"""Which reports a question asks about when it names them rather than a period: a series' own
label (`第七期`, `Cycle 24`), a day or a month that names the report published for it ("the
October update"), a report named by its title word ("the January meetings"), the report before
the one asked (for "what changed?"), and a week asked that no report covers.

Apart from the planner (`planner.py`), which calls these once it knows the series' index
context; each narrows `QuestionPlan.reports` or widens its weeks, and says so in the plan.
"""

from __future__ import annotations

import re
from datetime import date

from index.schemas import series_of
from index.text.timeexpr import find_dates
from index.text.weeks import shift_weeks
from summarizer.planning.index_context import (
    IndexContext,
    label_form,
    titled_reports,
)
from summarizer.planning.series_labels import series_labels
from summarizer.question import QuestionPlan


def read_labelled(planned: QuestionPlan, ctx: IndexContext) -> None:
    """The reports carrying the series number the question names ("第七期", "Cycle 24"), in scope;
    none when that number is missing ("Cycle 26" of a series that skipped it): no report answers."""
    assert planned.label is not None
    chosen = ctx.report_labels.get(planned.label, set())
    if planned.reports is not None:
        chosen = chosen & planned.reports
    _keep_reports(planned, ctx, chosen)
    series = {series_of(r) for r in chosen}
    if planned.series is None and len(series) == 1:
        planned.series = series.pop()


def read_dated(planned: QuestionPlan, ctx: IndexContext) -> None:
    """A calendar period of a monthly series is its reports dated in it: "the October update" of a
    series dated Oct 31 (a week whose Friday is in November) is October's. Weekly series keep the
    weeks whose Friday falls in the period, and every report outside a monthly series stays in
    scope for facts with their own date (an incident of May 31 told on June 7)."""
    assert planned.days is not None
    monthly = {r for s in ctx.monthly() for r in ctx.reports_by_series.get(s, set())}
    base = set(ctx.week_of_report) if planned.reports is None else set(planned.reports)
    if not base & monthly:
        return
    dated = ctx.dated_in(*planned.days, base & monthly)
    weekly = bool(base - monthly)
    weeks = [w for w in (planned.since, planned.until) if w is not None and weekly]
    weeks += [ctx.week_of_report[r] for r in dated]
    if not weeks:  # nothing dated in the period: read no report, name the weeks asked
        planned.reports = set()
        return
    since = min(weeks) if planned.since is not None or not weekly else None
    until = max(weeks) if planned.until is not None or not weekly else None
    # Other series' reports in weeks the monthly reports added are outside the period.
    outside = {
        r
        for r in base - monthly
        if (planned.since is not None and ctx.week_of_report.get(r, 0) < planned.since)
        or (planned.until is not None and ctx.week_of_report.get(r, 0) > planned.until)
    }
    planned.reports = (base - monthly - outside) | dated
    planned.set_weeks(since, until)


def read_named_report(planned: QuestionPlan, ctx: IndexContext, day: date | None, one_week: bool) -> None:
    """A question that names a report by its own week number ("第22周", "week 19") or by its date
    ("最新一期（11.21）", "the Oct 31 report") reads the reports that carry that number or date,
    not every series' report of that ISO week: in an index of many teams, the number a team
    prints on its reports, or the day it dated one, says which team is asked about.

    `one_week`: the question asked one week or day (not "第49周以来", not a span). Nothing changes
    when no report in the range carries the number or date (the ISO week stands)."""
    pool = set(ctx.week_of_report) if planned.reports is None else set(planned.reports)
    labelled = [x for x in series_labels(planned.time_text) if x.kind == "week"]
    chosen: set[str] = set()
    if len(labelled) == 1 and one_week and not re.search(r"20\d{2}", planned.time_text):
        chosen = ctx.report_labels.get(("week", labelled[0].number), set()) & pool
        form = label_form(labelled[0].text)
        chosen = {r for r in chosen if form in ctx.label_forms.get(r, set())} or chosen
    elif day is not None and one_week:
        chosen = {
            r for r in pool if (d := ctx.date_of_report.get(r)) and (d.month, d.day) == (day.month, day.day)
        }
    _narrow_to(planned, ctx, chosen, pool)


def _narrow_to(planned: QuestionPlan, ctx: IndexContext, chosen: set[str], pool: set[str]) -> None:
    """Read only the chosen reports (when they narrow the pool), and their team when it is one."""
    if not chosen or chosen == pool:
        return
    _keep_reports(planned, ctx, chosen)
    series = {series_of(r) for r in chosen}
    if planned.series is None and len(series) == 1:
        planned.series = series.pop()


def read_titled(planned: QuestionPlan, ctx: IndexContext) -> None:
    """A question naming a report by its title ("What changed in the October update?") reads
    that report: in an index of many teams, the month alone would read every team's October."""
    pool = set(ctx.week_of_report) if planned.reports is None else set(planned.reports)
    chosen = titled_reports(planned.question, planned.time_text, pool, ctx, (planned.since, planned.until))
    _narrow_to(planned, ctx, chosen, pool)


def with_previous(planned: QuestionPlan, ctx: IndexContext) -> None:
    """ "What changed in 第14期?" compares it with the report before it: both are read. Asked of
    many teams ("what changed in the latest update?" reads each team's latest report), each
    team's report is compared with its own previous one. Nothing is added when any team already
    has reports of two weeks or more in range (a period: its first and last are compared). Two
    reports of one week (a special edition beside the week's issue, w52-d) are that team's pair;
    the other teams still get their previous one (before, that one team was the only one compared,
    and "what changed in the latest update?" asked of every team answered with its week alone)."""
    assert planned.reports is not None
    by_series: dict[str, list[str]] = {}
    for report in planned.reports:
        by_series.setdefault(series_of(report), []).append(report)
    if any(len({ctx.week_of_report.get(r, 0) for r in reports}) > 1 for reports in by_series.values()):
        return
    chosen = set(planned.reports)
    for series, reports in by_series.items():
        if len(reports) > 1:
            continue  # one week's two reports: compared with each other
        (report,) = reports
        same = sorted(
            ctx.reports_by_series.get(series, set()), key=lambda r: (ctx.date_of_report.get(r, date.min), r)
        )
        index = same.index(report) if report in same else 0
        if index > 0:
            chosen.add(same[index - 1])
    if len(by_series) == 1:
        _keep_reports(planned, ctx, chosen)
    else:
        planned.reports = chosen  # each team's own weeks: filter by report, keep the span shown


# What came of a thing one report told: "第24期说的那次核销超时，后来复盘的根因是什么？", "the outage
# the Week 6 update mentioned: was it fixed in the end?". The report names where it was told; the
# answer is in the reports after it.
_WHAT_FOLLOWED = re.compile(
    r"后来|之后(?:怎么样|如何|呢)|最后(?:怎么样|如何)|\b(?:later|afterwards|since then|in the end|eventually)\b",
    re.I,
)


def with_what_followed(planned: QuestionPlan, ctx: IndexContext) -> None:
    """One report asked of, and what followed it: that report and every later one of its team."""
    if planned.reports is None or len(planned.reports) != 1 or not _WHAT_FOLLOWED.search(planned.question):
        return
    (report,) = planned.reports
    day = ctx.date_of_report.get(report)
    if day is None:
        return
    later = {
        r
        for r in ctx.reports_by_series.get(series_of(report), set())
        if ctx.date_of_report.get(r, date.min) >= day
    }
    _keep_reports(planned, ctx, later | {report})


def _keep_reports(planned: QuestionPlan, ctx: IndexContext, chosen: set[str]) -> None:
    weeks = [ctx.week_of_report[r] for r in chosen if r in ctx.week_of_report]
    planned.reports = set(chosen)
    planned.set_weeks(min(weeks), max(weeks)) if weeks else planned.set_weeks(None, None)


def after_the_last_report(planned: QuestionPlan, week: int, weeks: set[int]) -> bool:
    """A calendar day asked after the series' last report ("did it pass the review on March
    18?" when the last report is of March 14): no later report tells what happened that day, and
    the last one can only say what was planned, so the week is not widened to it."""
    return planned.days is not None and bool(weeks) and week > max(weeks)


# A question about how something turned out: "切换后运行情况如何", "最终…完工了吗", "结论是什么",
# "线上有没有出故障", "Did it pass…", "How did the cutover go?", "what was the outcome".
_ASKS_OUTCOME = re.compile(
    r"最终|最后|结果|结论|(?:后|之后|以后)[^，。？?]{0,10}(?:情况|如何|怎么样|怎样)|顺利|成功了吗|了吗|有没有|"
    r"^\s*(?:did|was|were|has|have)\b|\bhow\s+(?:did|was|were)\b|\bwhat\s+happened\b|"
    r"\b(?:results?|outcomes?|conclusions?)\b",
    re.I,
)


def outcome_after_reports(question: str, latest: date | None) -> date | None:
    """The day a question asks the outcome of, when it falls after the last report of its scope
    ("第二批门店5月19日切换后运行情况如何？" of a series whose last report is of April 25): no
    report can tell how it went, only what was planned, so the answer must not pass the plan
    off as the outcome."""
    if latest is None or not _ASKS_OUTCOME.search(question):
        return None
    days = [hit.value for hit in find_dates(question, latest, "nearest") if hit.precision == "day"]
    later = [day for day in days if day > latest]
    return min(later) if later else None


def widen_missing_week(planned: QuestionPlan) -> None:
    """A week with no report ("the week of May 9" in a skipped week) reads its neighbours: a
    report before or after usually says why it is missing ("no report next week: offsite"). The
    plan shows the widened range, so the answer never claims to be about the asked week alone."""
    assert planned.since is not None
    planned.set_weeks(shift_weeks(planned.since, -1), shift_weeks(planned.since, 1))
    planned.days = None
