"""A plain-text task list in PlainTasks / TaskPaper form: a project line `name: @风险 @目标(24-04-30)`,
tasks with `@due(24-04-08)` and `@done (24-03-19 17:30)`, an `Archive:` of finished tasks filed by
`@project(…)`. Its status is a tag, its days two-digit-year dashes, and a tag's value is metadata."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.incident_words import cue
from index.ledger.signals import find_statuses
from index.report_date import opening_date, six_digit_stem_date
from index.text.timeexpr import find_dates

from .conftest import Series


def test_a_status_written_as_a_tag_is_read() -> None:
    assert [s.value for s in find_statuses("破碎站联锁改造: @风险 @目标(24-04-30)")] == ["at_risk"]
    assert [s.value for s in find_statuses("#blocked on the vendor")] == ["blocked"]
    assert find_statuses("write to ops@risk-team.example") == []  # an address is no tag


def test_two_digit_year_dashes_take_the_reading_nearest_the_report() -> None:
    [hit] = find_dates("@due(24-04-08)", date(2024, 3, 22))
    assert hit.value == date(2024, 4, 8)
    [hit] = find_dates("due 08-04-24", date(2024, 3, 22))  # day first, year last
    assert hit.value == date(2024, 4, 8)
    assert find_dates("build 12-04-01", date(2024, 3, 22)) == []  # no reading near the report


def test_a_day_counted_from_the_report_does_not_date_it() -> None:
    assert opening_date("本周三夜班出了一次调度系统故障，放在最前面。", date(2024, 3, 15)) is None


def test_a_six_digit_name_takes_the_reading_near_its_series() -> None:
    found = six_digit_stem_date("调度组周报_240426", date(2024, 4, 19))
    assert found is not None and found.value == date(2024, 4, 26)


def test_a_tag_value_naming_a_section_tells_no_incident() -> None:
    assert cue("✔ 报表查询改读从库 @done (24-03-27 10:00) @project(线上故障)") is None
    assert cue("☐ 3/20 21:40 主调度服务宕机，47 分钟后恢复 @critical") is not None


_REPORT = """铲运调度组 周报 {title}:
    编写: 冯一鸣

破碎站联锁改造: {state} @目标(24-04-30)
    进度 {pct}。
    ☐ 联锁逻辑联调 @due(24-04-12)

Archive:
    ✔ 点表核对 @done (24-03-27 10:00) @project(线上故障)
"""


def test_a_task_list_report_gives_its_downgrade_and_no_archive_incident(series: Series) -> None:
    ledger = series(
        [
            ("铲运周报_240322.txt", _REPORT.format(title="2024-03-22", state="@正常", pct="40%")),
            ("铲运周报_240329.txt", _REPORT.format(title="2024-03-29", state="@风险", pct="45%")),
        ]
    )
    assert sorted(r.date for r in ledger.reports()) == [date(2024, 3, 22), date(2024, 3, 29)]
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("破碎站联锁改造", "status_downgrade") in slips
    assert views.incidents(ledger) == []
