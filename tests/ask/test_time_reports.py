"""Time expressions resolved to reports: a monthly series' month, a series' own numbering.

"The October update" of a monthly series dated Oct 31 is October's although Oct 31 2024 is in
ISO week 44, whose Friday is in November; "第14期" is the report numbered 14; "Cycle 26" of a
series that skipped it is no report at all. Built on a hand-made index context: no index needed.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from index.text.weeks import week_int
from summarizer.planning import read_question
from summarizer.planning.index_context import IndexContext, add_code_numbering, relative_reports
from summarizer.planning.report_choice import read_dated, read_labelled, with_previous
from summarizer.planning.series_labels import series_labels

MONTHLY = {
    "/r/oss/2024-09.md": date(2024, 9, 30),  # a Monday: ISO week 40, whose Friday is in October
    "/r/oss/2024-10.md": date(2024, 10, 31),  # a Thursday: ISO week 44, whose Friday is in November
    "/r/oss/2024-11.md": date(2024, 11, 29),
}
WEEKLY = {f"/r/infra/第{n}期.md": date(2024, 10, 4) + timedelta(weeks=n - 7) for n in (7, 8, 9, 10, 11)}
CYCLES = {
    "/r/api/cycle-24.md": date(2024, 10, 11),
    "/r/api/cycle-25.md": date(2024, 10, 25),
    "/r/api/cycle-27.md": date(2024, 11, 22),
}


def _context() -> IndexContext:
    ctx = IndexContext()
    for reports in (MONTHLY, WEEKLY, CYCLES):
        for report, day in reports.items():
            series = report.rsplit("/", 1)[0]
            ctx.reports_by_series.setdefault(series, set()).add(report)
            ctx.week_of_report[report] = week_int(day)
            ctx.date_of_report[report] = day
            ctx.weeks_by_series.setdefault(series, set()).add(week_int(day))
            ctx.latest_by_series[series] = max(day, ctx.latest_by_series.get(series, day))
            for label in series_labels(Path(report).stem):
                ctx.report_labels.setdefault((label.kind, label.number), set()).add(report)
    ctx.latest = max(ctx.date_of_report.values())
    return ctx


def _plan(question: str, ctx: IndexContext, reports: set[str] | None = None):  # type: ignore[no-untyped-def]
    planned = read_question(question, latest=date(2024, 11, 29), label_kinds=ctx.label_kinds(reports))
    planned.reports = reports
    return planned


def test_a_month_of_a_monthly_series_is_its_report_dated_in_it() -> None:
    ctx = _context()
    assert ctx.monthly() == {"/r/oss"}
    oss = ctx.reports_by_series["/r/oss"]
    for question in ("What did the October update say?", "10月的月报说了什么？"):
        planned = _plan(question, ctx, set(oss))
        read_dated(planned, ctx)
        assert planned.reports == {"/r/oss/2024-10.md"}  # not September's, dated in week 40
        assert planned.period == ("2024-W44", "2024-W44")


def test_weekly_series_keep_their_weeks_beside_a_monthly_one() -> None:
    ctx = _context()
    planned = _plan("What happened in October?", ctx)
    read_dated(planned, ctx)
    assert planned.reports is not None
    assert "/r/oss/2024-10.md" in planned.reports and "/r/oss/2024-09.md" not in planned.reports
    # A weekly report of the week the monthly one added (Nov 1) is November's, not October's.
    assert "/r/infra/第11期.md" not in planned.reports
    assert {"/r/infra/第7期.md", "/r/infra/第10期.md"} <= planned.reports


def test_each_series_reads_its_own_month() -> None:
    """A month without a year asked of several series: each series' own last such month."""
    ctx = _context()
    found = relative_reports("10月的进展", ctx)
    assert found is None or "/r/oss/2024-09.md" not in found[0]


def test_a_series_number_is_its_report() -> None:
    ctx = _context()
    planned = _plan("第8期里说了什么？", ctx)
    read_labelled(planned, ctx)
    assert planned.reports == {"/r/infra/第8期.md"}
    assert planned.series == "/r/infra"
    changed = _plan("第8期相比上一期有什么变化？", ctx)
    read_labelled(changed, ctx)
    with_previous(changed, ctx)
    assert changed.reports == {"/r/infra/第7期.md", "/r/infra/第8期.md"}


def test_a_skipped_number_is_no_report() -> None:
    ctx = _context()
    planned = _plan("What happened during Cycle 26?", ctx)
    read_labelled(planned, ctx)
    assert planned.reports == set()
    assert planned.time_text == "Cycle 26"
    assert _plan("What happened during Cycle 26?", ctx, ctx.reports_by_series["/r/oss"]).label is None


def test_an_own_label_is_shown_beside_its_weeks() -> None:
    from summarizer.facts.common import range_of

    ctx = _context()
    planned = _plan("第8期里说了什么？", ctx)
    read_labelled(planned, ctx)
    assert range_of(planned) == "（第8期，2024-W41）"
    skipped = _plan("What happened during Cycle 26?", ctx)
    read_labelled(skipped, ctx)
    assert range_of(skipped) == " (Cycle 26)"


def test_each_teams_latest_report_is_compared_with_its_own_previous() -> None:
    ctx = _context()
    planned = _plan("What changed in the latest report?", ctx)
    planned.reports = {"/r/infra/第11期.md", "/r/api/cycle-27.md"}  # each team's own latest
    with_previous(planned, ctx)
    assert planned.reports == {
        "/r/infra/第10期.md",
        "/r/infra/第11期.md",
        "/r/api/cycle-25.md",
        "/r/api/cycle-27.md",
    }
    period = _plan("What changed in October?", ctx)
    period.reports = {"/r/infra/第8期.md", "/r/infra/第9期.md"}  # a period: first and last compared
    with_previous(period, ctx)
    assert period.reports == {"/r/infra/第8期.md", "/r/infra/第9期.md"}


def test_a_teams_two_reports_of_one_week_leave_the_other_teams_their_previous() -> None:
    """A special edition beside the week's issue: that team's pair; every other team still has its
    latest compared with its own previous (before, the one team with two was the only one compared)."""
    ctx = _context()
    special = "/r/api/cycle-27-special.md"
    ctx.reports_by_series["/r/api"].add(special)
    ctx.week_of_report[special] = week_int(date(2024, 11, 18))  # the Monday of cycle-27's week
    ctx.date_of_report[special] = date(2024, 11, 18)
    planned = _plan("What changed in the latest report?", ctx)
    planned.reports = {"/r/infra/第11期.md", "/r/api/cycle-27.md", special}
    with_previous(planned, ctx)
    assert planned.reports == {"/r/infra/第10期.md", "/r/infra/第11期.md", "/r/api/cycle-27.md", special}


def test_a_period_between_a_teams_reports_reads_the_report_that_tells_it() -> None:
    """A biweekly team's "end of the month" falls between two of its reports: the next one,
    written days later, tells what happened then; a team with a report in the period keeps it."""
    ctx = IndexContext()
    sparse = {"/r/sre/第11期.md": date(2024, 7, 12), "/r/sre/第12期.md": date(2024, 8, 9)}
    weekly = {f"/r/app/{d:%m%d}.md": d for d in (date(2025, 7, 18), date(2025, 7, 25), date(2025, 8, 1))}
    for report, day in {**sparse, **weekly}.items():
        series = report.rsplit("/", 1)[0]
        ctx.reports_by_series.setdefault(series, set()).add(report)
        ctx.week_of_report[report] = week_int(day)
        ctx.date_of_report[report] = day
        ctx.latest_by_series[series] = max(day, ctx.latest_by_series.get(series, day))
    found = relative_reports("7月底那次P0是怎么回事？", ctx)
    assert found is not None
    assert "/r/sre/第12期.md" in found[0]  # Aug 9 tells Jul 21-31
    assert "/r/app/0725.md" in found[0] and "/r/app/0801.md" not in found[0]  # its own July
    late = relative_reports("9月底出了什么故障？", ctx)
    assert late is None or not any(r.startswith("/r/sre/") for r in late[0])  # no report after: none


def test_a_code_a_series_numbers_its_titles_by_names_that_report() -> None:
    """A pilot's "(PW12)" in its titles is its own numbering: "PW12 那期…" reads that report only,
    not every report of the period (before, "PW12" was a subject word and the incident list of
    the whole index answered). A code on one report only, or on every report, numbers nothing."""
    ctx = _context()
    drone = {
        f"/r/drone/issue-{n}.txt": f"[Weekly] Ops Sync — 2024-10-{n:02d} (PW{n - 3})" for n in (10, 17, 24)
    }
    ctx.reports_by_series.setdefault("/r/drone", set()).update(drone)
    add_code_numbering(
        ctx,
        [
            *((report, "/r/drone", f"{report} | {title}") for report, title in drone.items()),
            ("/r/lab/a.md", "/r/lab", "Lab notes (R2)"),  # one number: no numbering
            ("/r/kr/a.md", "/r/kr", "Q3 KR1"),
            ("/r/kr/b.md", "/r/kr", "Q4 KR2"),  # a quarter and a key result are never one
        ],
    )
    assert ctx.label_kinds() >= {"code:PW"} and not ctx.label_kinds() & {"code:R", "code:Q", "code:KR"}
    planned = _plan("PW14 那期报了什么事故？", ctx)
    read_labelled(planned, ctx)
    assert planned.reports == {"/r/drone/issue-17.txt"} and planned.series == "/r/drone"
    missing = _plan("What did PW9 say?", ctx)  # a number the series skipped: no report
    read_labelled(missing, ctx)
    assert missing.label == ("code:PW", 9) and missing.reports == set()
    assert _plan("Did the SW3 rollout slip?", ctx).label is None  # a code no series numbers by
