"""Reports kept as some tool's output, each with a trap of its own: a CI server's console log of the
job that printed the report (stamps before every line, the server's chatter first), a BBS post dated
only in its station line, a tracker's status update whose front matter holds the programme's own
days beside its creation stamp, a form mailed as HTML with the workstreams' table inside one of its
rows, a log-style day before a clock time, and a notebook's MyST list table. Written from wave 53;
the texts are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.extract import extract_facts
from index.text.timeexpr import find_dates

from .conftest import Series, WriteReport

_CONSOLE = """\
Started by timer
Obtained Jenkinsfile from git http://git.example.internal/ops/weekly.git
[Pipeline] Start of Pipeline
[Pipeline] node
Running on agent-01 in /data/jenkins/workspace/ops/weekly
 > git fetch --tags --force --progress -- http://git.example.internal/ops/weekly.git # timeout=10
Checking out Revision 0a1b2c3d (refs/remotes/origin/main)
[Pipeline] stage
[Pipeline] {{ (build report)
[Pipeline] sh
[{stamp}T23:31:04.118Z] + python3 bin/weekly.py --week {week}
[{stamp}T23:31:04.949Z] [INFO] fetching tickets ... ok
[{stamp}T23:31:07.479Z] ==============================================
[{stamp}T23:31:07.503Z]   北岸储能 运维周报（第 {n} 周）
[{stamp}T23:31:07.533Z]   统计周期：{period}
[{stamp}T23:31:07.535Z]   生成时间：{made} 07:31:07 CST   数据源：tickets
[{stamp}T23:31:07.538Z] ==============================================
[{stamp}T23:31:07.549Z]
[{stamp}T23:31:07.698Z] 二、重点项目
[{stamp}T23:31:07.713Z]   编号    项目              状态      进度       目标
[{stamp}T23:31:07.722Z]   P01   电池簇巡检机器人        {state}      35%      {target}
[{stamp}T23:31:07.731Z]   P02   消防联动改造            正常      50%      2025-05-30
[{stamp}T23:31:07.749Z]
[{stamp}T23:31:07.752Z] 三、生产事件
[{stamp}T23:31:07.760Z]   [P2] INC-0315-007  03-15 19:42 ~ 21:10  时长 88min
[{stamp}T23:31:07.770Z]        二号站 能量管理系统与平台通信中断，12 簇离线
[Pipeline] }}
[Pipeline] End of Pipeline
Finished: SUCCESS
"""


def _console(stamp: str, week: str, period: str, made: str, state: str, target: str) -> str:
    return _CONSOLE.format(
        stamp=stamp, week=week, n=week[-2:], period=period, made=made, state=state, target=target
    )


def test_a_ci_console_log_is_read_as_the_report_its_job_printed(
    write_report: WriteReport, series: Series
) -> None:
    text = _console("2025-03-16", "2025-W11", "2025-03-10 ~ 2025-03-16", "2025-03-17", "正常", "2025-04-30")
    report = write_report("weekly-report-111.txt", text)
    # the day the script made it (a Monday), not the period's Sunday nor the server's UTC stamps
    assert report.date == date(2025, 3, 17)
    assert report.title is not None and "运维周报" in report.title
    texts = [t for _, t in report.lines]
    assert not any(t.startswith(("[Pipeline]", "[2025-", "Started by", "[INFO]", "+ python3")) for t in texts)
    facts = extract_facts(report)
    assert {"电池簇巡检机器人", "消防联动改造"} <= {o.project for o in facts.observations}
    # the incident's day is the log-style `03-15 19:42`
    assert [i.when for i in facts.incidents] == [date(2025, 3, 15)]
    ledger = series(
        [
            ("weekly-report-111.txt", text),
            (
                "weekly-report-112.txt",
                _console(
                    "2025-03-23", "2025-W12", "2025-03-17 ~ 2025-03-23", "2025-03-24", "有风险", "2025-05-16"
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("电池簇巡检机器人", "date_moved", "2025-05-16") in slips


def test_a_log_style_day_needs_its_clock_time() -> None:
    ref = date(2025, 3, 17)
    assert [h.value for h in find_dates("故障 03-15 19:42 恢复", ref)] == [date(2025, 3, 15)]
    assert find_dates("第 03-15 项", ref) == []  # no clock time: a range or a code, not a day
    assert [h.value for h in find_dates("2025-03-15 19:42", ref)] == [date(2025, 3, 15)]


_BBS = """\
发信人: finsys (财务处项目组), 信区: FinanceSys
标  题: 【项目周报】财务平台建设 第{n}期
发信站: 湖畔BBS (Fri Mar {day} 16:42:10 2025), 站内

各位老师：本期统计周期见下。

【一、子项目总览】
┌─────────┬───┬────┐
│子项目            │状态  │计划完成    │
├─────────┼───┼────┤
│网上报销系统      │\x1b[1;32m正常\x1b[m  │3月31日     │
└─────────┴───┴────┘

--
※ 来源:·湖畔BBS bbs.example.edu.cn·[FROM: 10.31.8.*]
"""


def test_a_bbs_post_is_dated_by_its_station_line_and_its_colours_are_words(write_report: WriteReport) -> None:
    report = write_report("M.1741336930.A.txt", _BBS.format(n=11, day=" 7"))
    assert report.date == date(2025, 3, 7)  # not the footer's address read as a day
    assert not any("\x1b" in text for _, text in report.lines)
    assert any("│正常" in text for _, text in report.lines)


_STATUS_UPDATE = """\
---
id: PVTSU_lADOCq7Rzs4A
project: "ferry-digital #7"
status: ON_TRACK
startDate: 2025-01-06
targetDate: 2025-06-30
createdAt: {created}
---
First status update on the project board.

| Workstream | Status | Target |
|---|---|---|
| Ticketing upgrade | :green_circle: | 3/30 |
"""


def test_a_status_updates_creation_stamp_dates_it_not_the_programmes_start(write_report: WriteReport) -> None:
    report = write_report("PVTSU_lADOCq7Rzs4A.md", _STATUS_UPDATE.format(created="2025-02-28T22:37:15Z"))
    assert report.date == date(2025, 2, 28)
    no_stamp = _STATUS_UPDATE.replace("createdAt: {created}\n", "")
    # with no creation stamp, a plan's day (`startDate`, `targetDate`) is still no report date
    dated = write_report(
        "PVTSU_x.md", no_stamp.replace("First status", "Week ending Fri 3/7/2025. First status")
    )
    assert dated.date == date(2025, 3, 7)


_FORM_MAIL = """\
<html><body>
<p><b>From:</b> Forms &lt;noreply@forms.example.com&gt;<br><b>Sent:</b> Friday, March {day}, 2025 5:12 PM</p>
<p>Meter Program - Weekly Status</p>
<table>
<tr><td>Report Week Ending</td><td>03-{day}-2025</td></tr>
<tr><td>Status Report No.</td><td>{no}</td></tr>
<tr><td>Workstream Status</td><td>
<table>
<tr><td>&nbsp;</td><td>Lead</td><td>Health</td><td>% Complete</td><td>Target Date</td></tr>
<tr><td>Network Build</td><td>M. Osei</td><td>{health}</td><td>83%</td><td>{target}</td></tr>
<tr><td>Meter Exchange</td><td>R. Falk</td><td>Green</td><td>45%</td><td>06-30-2025</td></tr>
</table>
</td></tr>
<tr><td>Meters Installed (Cumulative)</td><td>{installed}</td></tr>
<tr><td>24-hr Read Success (%)</td><td>96.9</td></tr>
</table>
</body></html>
"""


def test_a_table_inside_a_forms_row_is_a_table_and_the_forms_figures_are_metrics(
    write_report: WriteReport, series: Series
) -> None:
    first = _FORM_MAIL.format(day="14", no=33, health="Yellow", target="03-21-2025", installed=26060)
    report = write_report("2025-03-14 Weekly Status.html", first)
    facts = extract_facts(report)
    assert {o.project for o in facts.observations} == {"Network Build", "Meter Exchange"}
    points = {p.name: p.value for p in facts.metrics}
    assert points.get("Meters Installed (Cumulative)") == 26060
    assert points.get("24-hr Read Success") == 96.9
    assert not any("Report No" in name for name in points)  # the form's own number is no metric
    ledger = series(
        [
            ("2025-03-14 Weekly Status.html", first),
            (
                "2025-03-21 Weekly Status.html",
                _FORM_MAIL.format(day="21", no=34, health="Red", target="04-25-2025", installed=28100),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Network Build", "date_moved", "2025-04-25") in slips


_NOTEBOOK = """\
---
jupytext:
  formats: ipynb,md:myst
---

# CrewOpt 周报 · 第{n}周（{day}）

## 2. 项目状态

```{{list-table}} 项目状态
:header-rows: 1
:widths: 30 14 56

* - 项目
  - 状态
  - 目标 / 备注
* - FTL 规则库迁移
  - {state}
  - {note}
* - Reserve 需求预测
  - ⏸ 暂停
  - 目标 4/30；暂停中
```
"""


def test_a_myst_list_table_is_read_as_a_table(write_report: WriteReport, series: Series) -> None:
    report = write_report(
        "wk02.md", _NOTEBOOK.format(n=2, day="2025-04-11", state="🔴 延期", note="目标 4/16（原 3/31）")
    )
    assert any(text.startswith("| FTL 规则库迁移 | 🔴 延期 |") for _, text in report.lines)
    names = {o.project for o in extract_facts(report).observations}
    assert names == {"FTL 规则库迁移", "Reserve 需求预测"}
    ledger = series(
        [
            (
                "wk02.md",
                _NOTEBOOK.format(n=2, day="2025-04-11", state="🔴 延期", note="目标 4/16（原 3/31）"),
            ),
            (
                "wk03.md",
                _NOTEBOOK.format(n=3, day="2025-04-18", state="✅ 已上线", note="4/16 上线（原目标 3/31）"),
            ),
        ]
    )
    launches = [(launch.project, launch.launched_on, launch.target) for launch in views.launches(ledger)]
    assert launches == [("FTL 规则库迁移", date(2025, 4, 16), date(2025, 4, 16))]


def test_a_restructuredtext_list_table_ends_where_its_indent_does() -> None:
    from index.tables_listed import list_tables_as_pipes

    source = [
        ".. list-table:: Status",
        "   :header-rows: 1",
        "",
        "   * - Project",
        "     - State",
        "   * - Harbour cranes",
        "     - at risk,",
        "       vendor late",
        "",
        "Next week: crane tests.",
    ]
    lines = list_tables_as_pipes(list(enumerate(source, start=1)))
    texts = [text for _, text in lines]
    assert "| Project | State |" in texts
    assert (6, "| Harbour cranes | at risk, vendor late |") in lines
    assert texts[-1] == "Next week: crane tests."  # the paragraph after the table is left as it is
