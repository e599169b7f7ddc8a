"""Reports kept as some tool's own source or export, each with a trap of its own: a Vimwiki diary page
(placeholders, `%%` comments, an incident heading one level down), a TaskJuggler time sheet (the
period's end at midnight, the hours booked beside the task's end date, a status colour under its
headline), a Google Groups digest's plain text (bold as single stars, a table stacked one cell per
line), a FileMaker export grouped by a part column, a CMS page dated only by its byline, and a
briefing whose finished items stand under `三、已完成事项`. Written from wave 42; the texts are this
test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import parsed_date

from index.classify import classify_heading
from index.ledger import views
from index.load import load_document
from index.models import SectionKind
from index.parse import parse_report

from .conftest import Series

_VIMWIKI = """\
%title 电驱软件周报 第{n}期
%date {day}
%% 模板 templates/weekly.txt，更新于 {day}
:周报:电驱:

= 电驱软件周报 · 第{n}期 =

编写:: 周立
上一期:: [[diary:{before}|第{m}期]]

== 一、项目状态 ==
| 项目       | 状态 | 进度 | 目标 |
|------------|------|------|------|
| 扭矩标定v2 | {state} | {progress} | {due} |

== 二、本周完成 ==
* [X] 台架联调
* [o] 用例迁移
  * [X] 第一批
  * [ ] 第二批

== 三、线上问题 ==
{incident}
"""

_INCIDENT = """\
=== 【B类】电机控制器升级后反复重启（{day}） ===
- 时间：{day} 09:10 – 10:00，持续约 50 分钟
- 影响：约 300 台车无法启动
- 原因：升级包签名校验失败
"""


def test_a_vimwiki_diary_page_is_read_as_the_markup_it_means(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-03-07.txt",
                _VIMWIKI.format(
                    n=12,
                    m=11,
                    day="2025-03-07",
                    before="2025-02-28",
                    state="正常",
                    progress="40%",
                    due="4/18",
                    incident="无",
                ),
            ),
            (
                "2025-03-14.txt",
                _VIMWIKI.format(
                    n=13,
                    m=12,
                    day="2025-03-14",
                    before="2025-03-07",
                    state="有风险",
                    progress="45%",
                    due="4/30",
                    incident=_INCIDENT.format(day="3/12"),
                ),
            ),
        ]
    )
    # the incident's heading, one level down, stands in the incidents part; the `%%` comment that
    # carries the report's day is no incident
    assert [(i.when, i.duration_minutes) for i in views.incidents(ledger)] == [(date(2025, 3, 12), 50.0)]
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("扭矩标定v2", "date_moved", "2025-04-30") in slips
    names = {row.name for row in views.projects(ledger)}
    assert not any(name.startswith("o]") for name in names)  # a partly done box is no name


_SHEET = """\
# Time sheet template for resource okoro (Ada Okoro)
timesheet okoro {start}-00:00-+0000 - {end}-00:00-+0000 {{

  # Vacation time: 0%

  # Task: Hangar scheduling board
  task ops.board {{
    work 40%
    end {board_end}
    status {colour} "{headline}" {{
      summary -8<-
      Planners use the board for the night shift.
      ->8-
    }}
  }}

  # Task: Spares barcode pilot
  task ops.spares {{
    work 20%
    end 2025-05-30
    status green "Scanners on order"
  }}
}}
"""


def test_a_taskjuggler_time_sheet_reads_its_tasks_and_its_own_week(series: Series, tmp_path: Path) -> None:
    ledger = series(
        [
            (
                "okoro_2025-03-10.tji.txt",
                _SHEET.format(
                    start="2025-03-03",
                    end="2025-03-10",
                    board_end="2025-04-07",
                    colour="green",
                    headline="On plan",
                ),
            ),
            (
                "okoro_2025-03-17.tji.txt",
                _SHEET.format(
                    start="2025-03-10",
                    end="2025-03-17",
                    board_end="2025-04-18",
                    colour="red",
                    headline="BLOCKED – no test data",
                ),
            ),
            (
                "okoro_2025-03-24.tji.txt",
                _SHEET.format(
                    start="2025-03-17",
                    end="2025-03-24",
                    board_end="2025-04-18",
                    colour="green",
                    headline="LIVE Thu 20/03",
                ),
            ),
        ]
    )
    # the period ends at midnight on the day the file is named after: the sheet is of the week before
    assert sorted(r.week for r in views.reports(ledger)) == ["2025-W10", "2025-W11", "2025-W12"]
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Hangar scheduling board", "date_moved", "2025-04-18") in slips
    assert [launch.project for launch in views.launches(ledger)] == ["Hangar scheduling board"]
    # the hours booked (`work 40%`) are a share of the week, not the task's progress
    progress = {o.progress for _, o in views.observations(ledger, project="Spares barcode pilot")}
    assert progress == {None}


_DIGEST = """\
ops-weekly@example.org
Google Groups
Topic digest

Weekly update no. {n}
Lena Fischer <lena@example.org>: {sent}

*1. Projects*

   1. *Route planner* {light}
      - Target {due}

*2. Numbers*

Metric
This week
Last week

Orders per hour
{orders}
{orders_before}

On-time rate
{ontime}
{ontime_before}

*3. Next week*

   - Planner review
"""


def test_a_digest_s_plain_text_keeps_its_bold_parts_and_its_stacked_table(series: Series) -> None:
    ledger = series(
        [
            (
                "digest_20250308.txt",
                _DIGEST.format(
                    n=9,
                    sent="Fri 7 Mar 2025",
                    light="🟢 on track",
                    due="4/30",
                    orders="1,210",
                    orders_before="1,150",
                    ontime="96.5%",
                    ontime_before="95.9%",
                ),
            ),
            (
                "digest_20250315.txt",
                _DIGEST.format(
                    n=10,
                    sent="Fri 14 Mar 2025",
                    light="🟡 at risk",
                    due="5/16",
                    orders="1,260",
                    orders_before="1,210",
                    ontime="94.8%",
                    ontime_before="96.5%",
                ),
            ),
        ]
    )
    points = {(m.name, p.week, p.value) for m in views.metric_series(ledger) for p in m.points}
    assert ("Orders per hour", "2025-W10", 1210.0) in points
    assert ("On-time rate", "2025-W11", 94.8) in points
    assert not any(p[1] == "2025-W11" and p[2] == 96.5 for p in points)  # last week's column
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Route planner", "date_moved", "2025-05-16") in slips


def _cells(*cells: str) -> str:
    return "<TR>\n" + "".join(f"<TD>{cell}</TD>\n" for cell in cells) + "</TR>\n"


_GROUPED = (
    "<HTML><HEAD><TITLE>Projects 10/17/2025</TITLE></HEAD><BODY>\n<TABLE BORDER=1>\n"
    + _cells("Section", "Item", "Status", "Notes")
    + _cells("1 Summary", "Week ending 10/17/2025", "<BR>", "Quiet week.")
    + _cells("2 Active", "Scale sync", "Behind", "Vendor late.")
    + _cells("<BR>", "Bid feed", "On Track", "Spec received.")
    + _cells("3 Incidents", "Batch abend (Sev 2)", "Resolved", "Nightly batch failed Wed 10/15 for 40 min.")
    + _cells("4 Risks-Asks", "Support end", "<BR>", "Vendor support ends 12/31.")
    + "</TABLE>\n</BODY></HTML>\n"
)


def test_a_table_grouped_by_a_part_column_is_read_part_by_part(tmp_path: Path) -> None:
    path = tmp_path / "status_101725.html"
    path.write_text(_GROUPED, encoding="utf-8")
    report = parse_report(load_document(path), str(path))
    kinds = {s.title: s.kind for top in report.sections for s in top.walk()}
    assert kinds["3 Incidents"] is SectionKind.INCIDENTS
    assert kinds["4 Risks-Asks"] is SectionKind.RISKS
    # each part's rows stay a table under the header the export wrote once
    active = next(s for top in report.sections for s in top.walk() if s.title == "2 Active")
    assert [row.cells[1] for table in active.tables for row in table.rows] == ["Scale sync", "Bid feed"]


def test_a_cms_page_is_dated_by_its_byline(tmp_path: Path) -> None:
    drupal7 = (
        "<html><head><title>Team update #32 — March 8 | Intranet</title></head><body>\n"
        "<h1>Team update #32 — March 8</h1>\n"
        '<div class="submitted">Submitted by jdoe on Fri, 03/08/2024 - 15:12</div>\n'
        "<p>Short week.</p></body></html>\n"
    )
    olivero = (
        "<html><head><title>Update No. 41 | Staff</title></head><body>\n"
        "<h1>Update No. 41</h1>\n<div>By mokafor, 24 January, 2025</div>\n<p>Hi all.</p></body></html>\n"
    )
    assert parsed_date(tmp_path, "5121.html", drupal7, near=date(2026, 3, 1))[0] == date(2024, 3, 8)
    assert parsed_date(tmp_path, "update-no-41.html", olivero)[0] == date(2025, 1, 24)


_BRIEFING = """\
# 影像上云工作简报（第{n}期）

**一、重点任务进展**
| 序号 | 重点任务 | 目标时间 | 状态 |
| --- | --- | --- | --- |
| 1 | 等保三级测评 | 4月28日 | {state} |
| 2 | 存量迁移 | 6月20日 | 正常 |

{done}
"""


def test_a_briefing_s_finished_items_part_finishes_its_projects(series: Series) -> None:
    ledger = series(
        [
            ("2025-04-25.md", _BRIEFING.format(n=7, state="正常", done="")),
            (
                "2025-05-09.md",
                "# 影像上云工作简报（第8期）\n\n**三、已完成事项**\n\n"
                "1.等保三级测评：4月29日取得测评报告，较计划晚1天。\n\n**四、下周安排**\n\n1.存量迁移继续。\n",
            ),
        ]
    )
    assert [(launch.project, launch.week) for launch in views.launches(ledger)] == [
        ("等保三级测评", "2025-W19")
    ]


def test_a_postmortem_s_own_day_before_its_word_is_not_the_incident_s(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-09-19.md",
                "# Ops weekly 2025-09-19\n\n## Incidents\n\n"
                "- Scale sync outage (Sev 2): Tue 9/16 6:40-9:15 AM, sync down at the north yard (155 min).\n",
            ),
            (
                "2025-09-26.md",
                "# Ops weekly 2025-09-26\n\n## Incidents\n\n"
                "- Scale sync outage - postmortem: 9/23 postmortem for the 9/16 Sev 2 (155 min). "
                "Root cause: an expired certificate.\n",
            ),
        ]
    )
    # one event told twice: the retelling's 9/23 is the review's day, its 9/16 the outage's
    assert [i.when for i in views.incidents(ledger)] == [date(2025, 9, 16)]


def test_a_briefing_s_operating_problems_part_holds_its_incidents() -> None:
    assert classify_heading("三、运行问题") is SectionKind.INCIDENTS
