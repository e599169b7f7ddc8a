"""A question that names a report by its date or its own week number reads that report; the
baseline of a comparison ("相比上周") is no period; a change in a named metric is its trend.

In an index of many teams, "第22周" or "the Oct 31 report" says which team's report is meant:
only the team that numbers or dates a report that way has it. Built on a hand-made index
context and plain functions: no index needed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.text.weeks import week_int
from summarizer.planning import read_question
from summarizer.planning.index_context import IndexContext, label_form
from summarizer.planning.metric_names import names_metric
from summarizer.planning.report_choice import read_named_report, with_previous
from summarizer.planning.series_labels import series_labels
from summarizer.planning.timerange import find_time_range

LATEST = date(2025, 6, 6)
REPORTS = {
    # One team numbers its reports "第N周", another writes "wN" for its own (older) numbering.
    "/r/data/周报-第21周.md": date(2025, 5, 23),
    "/r/data/周报-第22周.md": date(2025, 5, 30),
    "/r/ml/log-w22.md": date(2025, 4, 18),
    "/r/growth/周报-0523.txt": date(2025, 5, 23),
    "/r/growth/周报-0530.txt": date(2025, 5, 30),
    "/r/growth/周报-0606.txt": date(2025, 6, 6),
    "/r/shop/2025-05-28-weekly.txt": date(2025, 5, 28),
}


def _context() -> IndexContext:
    ctx = IndexContext()
    for report, day in REPORTS.items():
        series = report.rsplit("/", 1)[0]
        ctx.reports_by_series.setdefault(series, set()).add(report)
        ctx.week_of_report[report] = week_int(day)
        ctx.date_of_report[report] = day
        ctx.latest_by_series[series] = max(day, ctx.latest_by_series.get(series, day))
        for label in series_labels(Path(report).stem):
            ctx.report_labels.setdefault((label.kind, label.number), set()).add(report)
            ctx.label_forms.setdefault(report, set()).add(label_form(label.text))
    ctx.latest = max(REPORTS.values())
    return ctx


def _planned(question: str, ctx: IndexContext):  # type: ignore[no-untyped-def]
    planned = read_question(question, latest=LATEST)
    one_week = planned.since is not None and planned.since == planned.until
    day = planned.days[0] if planned.days is not None and planned.days[0] == planned.days[1] else None
    read_named_report(planned, ctx, day, one_week)
    return planned


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("第22周相比上周有什么变化？", "第22周"),
        ("What changed in week 22 compared with the previous week?", "week 22"),
        ("最新一期（5.30）周报和上周比有什么不同？", "5.30"),
    ],
)
def test_the_baseline_of_a_comparison_is_not_the_period(question: str, text: str) -> None:
    found = find_time_range(question, LATEST, {})
    assert found is not None and found.text == text


def test_a_comparison_alone_asks_about_the_latest_report() -> None:
    found = find_time_range("What changed compared to last week?", LATEST, {})
    assert found is not None and found.since == found.until == week_int(LATEST)


def test_a_series_number_beside_a_comparison_is_left_to_the_label() -> None:
    assert find_time_range("第14期相比上一期有什么变化？", LATEST, {}) is None


def test_last_week_alone_is_still_last_week() -> None:
    found = find_time_range("上周有什么故障？", LATEST, {})
    assert found is not None and found.since == week_int(date(2025, 5, 30))


@pytest.mark.parametrize("question", ["5.30那期周报说了什么？", "What did the 5/30 report say?"])
def test_a_short_month_day_names_a_report(question: str) -> None:
    found = find_time_range(question, LATEST, {})
    assert found is not None and found.days == (date(2025, 5, 30), date(2025, 5, 30))


@pytest.mark.parametrize("question", ["转化率提升了3.1%的周报在哪？", "v1.86 发布的周报说了什么？"])
def test_percentages_and_versions_are_no_days(question: str) -> None:
    found = find_time_range(question, LATEST, {})
    assert found is None or found.days is None


def test_a_target_day_is_still_no_period() -> None:
    assert find_time_range("积分商城原定10.31上线，现在逾期了吗？", LATEST, {}) is None


def test_a_week_number_reads_the_report_written_that_way() -> None:
    ctx = _context()
    planned = _planned("第22周相比上周有什么变化？", ctx)
    assert planned.reports == {"/r/data/周报-第22周.md"}  # not ml's "w22", nor other teams' ISO W22
    assert planned.series == "/r/data"
    planned.intent = "changes"
    with_previous(planned, ctx)
    assert planned.reports == {"/r/data/周报-第21周.md", "/r/data/周报-第22周.md"}


def test_a_date_reads_the_reports_dated_that_day() -> None:
    ctx = _context()
    planned = _planned("最新一期（5.23）周报有什么变化？", ctx)
    assert planned.reports == {"/r/data/周报-第21周.md", "/r/growth/周报-0523.txt"}
    assert planned.series is None  # two teams dated a report that day: both stay


def test_a_week_number_that_opens_a_range_reads_the_range() -> None:
    ctx = _context()
    planned = _planned("第21周以来有哪些故障？", ctx)
    assert planned.reports is None and planned.until is None


def test_a_date_no_report_carries_keeps_the_week() -> None:
    ctx = _context()
    planned = _planned("What did the May 27 report say?", ctx)
    assert planned.reports is None and planned.since == week_int(date(2025, 5, 27))


@pytest.mark.parametrize(
    ("question", "name", "key", "named"),
    [
        ("周计算成本这两个月怎么变化的？", "周计算成本", "周计算成本", True),
        ("How did signups change?", "Signups", "signups", True),
        ("What changed in the telescope program?", "Scope", "scope", False),
        ("p95 latency went up?", "p95 latency", "p95latency", True),
        ("What changed?", "和", "和", False),
        # A window or unit in the name's closing parenthesis need not be asked.
        ("How have crash-free sessions trended?", "Crash-free sessions (7d)", "crashfreesessions7d", True),
        ("How has checkout latency moved?", "Checkout latency (p95, ms)", "checkoutlatencyp95ms", True),
        ("How have sessions trended?", "Crash-free sessions (7d)", "crashfreesessions7d", False),
    ],
)
def test_a_metric_is_named_by_its_whole_name(question: str, name: str, key: str, named: bool) -> None:
    assert names_metric(question, name, key) is named


@pytest.mark.parametrize(
    ("question", "latest", "week"),
    [
        # The report of the week before June begins tells what was open going into it (a month
        # with no report had answered "no report falls in June").
        ("What were the open risks going into June?", date(2024, 9, 30), "2024-W22"),
        # Late September: the Q4 just beginning, not last year's, which a bare "Q4" means; it opens
        # on a Tuesday, so the week before tells (that week's report comes after it began).
        ("Heading into Q4, what is at risk?", date(2024, 9, 30), "2024-W39"),
        ("Where did things stand just before the Christmas shutdown?", date(2025, 1, 30), "2024-W51"),
        ("国庆前最后一期周报里，哪些项目是 A？", date(2025, 1, 30), "2024-W39"),
        ("国庆节后第一期周报讲了什么？", date(2025, 1, 30), "2024-W41"),
        ("Going into Q4 2023, what was still open?", date(2024, 9, 30), "2023-W39"),
        ("进入7月前还有哪些风险？", date(2024, 9, 30), "2024-W26"),
    ],
)
def test_going_into_a_period_asks_where_things_stood_as_it_began(
    question: str, latest: date, week: str
) -> None:
    found = find_time_range(question, latest, {})
    assert found is not None and found.since == found.until == int(week.replace("-W", ""))


def test_one_teams_own_week_number_is_not_another_teams_week() -> None:
    """ml writes its own (older) "w22" on its ISO W16 report; a question scoped to growth asks
    about growth's week 22, the ISO week, not ml's numbering (it had read 2024-W39..W41 for one
    series because another series labelled its reports that way)."""
    ctx = IndexContext()
    ctx.add_label("/r/ml", 22, week_int(date(2025, 4, 18)))
    assert ctx.week_labels("/r/ml") == {22: [202516]} and ctx.labels == {22: [202516]}
    assert ctx.week_labels("/r/growth") == {}
    scoped = find_time_range("What happened in week 22?", LATEST, ctx.week_labels("/r/growth"))
    unscoped = find_time_range("What happened in week 22?", LATEST, ctx.week_labels(None))
    assert scoped is not None and scoped.since == 202522
    assert unscoped is not None and unscoped.since == 202516


@pytest.mark.parametrize(
    ("question", "week"),
    [
        # The week holding the month's first Thursday (ISO weeks belong to their Thursday's month);
        # these had read the whole month, and "last week of June" the week before the latest.
        ("What did the team report in the first week of October?", "2024-W40"),
        ("the second week of March", "2024-W11"),
        ("What happened in the last week of June?", "2024-W26"),
        ("10月第一周的周报说了什么？", "2024-W40"),
        ("2024年6月最后一周有什么风险？", "2024-W26"),
    ],
)
def test_the_nth_week_of_a_month_is_one_week(question: str, week: str) -> None:
    found = find_time_range(question, date(2024, 11, 30), {})
    assert found is not None and found.since == found.until == int(week.replace("-W", ""))


def test_just_before_a_leap_day_does_not_fail() -> None:
    """ "Just before 29 February" had raised ValueError looking for the next year's 29 February."""
    for question in (
        "What did the report say just before 29 February?",
        "What did the report say just before 29 February 2024?",
    ):
        found = find_time_range(question, date(2024, 3, 10), {})
        assert found is not None and found.since == found.until == 202409  # Wed 28 Feb
