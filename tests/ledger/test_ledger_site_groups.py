"""Layouts of wave 19's blind series, in this test's own reports: a command-room HTML export whose
only dated header is `数据截至：`, items grouped under site headings with their tracker ids and a
bracketed state (`- [WX-02] 名称【预警】进度 40%，计划 6/30 …`), lines saying no incident of a
level happened, a count of defects under the incidents heading, a delay said as a condition."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.incident_words import counts_events, says_none
from index.ledger.signals import find_statuses
from index.ledger.targets import classify_dates

from .conftest import Series, WriteReport


def test_an_html_export_is_dated_by_its_data_cutoff_not_its_table(write_report: WriteReport) -> None:
    report = write_report(
        "zhanban-7.html",
        """<html><head><title>攻坚周报（第7期）</title></head><body>
        <h1>河东市数字政府专班 周报</h1>
        <p>第7期 ｜ 数据截至：2024年6月14日 ｜ 编制：综合组</p>
        <h2>一、任务图</h2>
        <table><tr><th>编号</th><th>任务</th><th>目标时间</th><th>亮灯</th></tr>
        <tr><td>HD-01</td><td>不动产登记一窗办</td><td>2024-07-31</td><td>绿灯</td></tr></table>
        </body></html>""",
    )
    assert report.date == date(2024, 6, 14)


def _site_week(day: str, grid: str, hydro: str) -> str:
    return f"""# 新能源运维中心 数字化周报

> 周期：{day} ｜ 编制：孟远

## 二、分站工作

### 2.1 北岭风电场（80MW）

{grid}
- [WX-03] 叶片巡检机器人【正常】进度 30%，计划 8/30 试点验收

### 2.2 南湾光伏电站（120MWp）

- [WX-04] 逆变器告警聚合【正常】进度 50%，计划 7/20 上线

### 2.3 石滩水电站（30MW）

{hydro}

## 三、缺陷与故障

- 本周一般缺陷 5 条，已消缺 4 条。
"""


def test_tracked_items_under_site_headings_are_the_projects(series: Series) -> None:
    ledger = series(
        [
            (
                "zb-20240607.md",
                _site_week(
                    "2024-06-07",
                    "- [WX-02] 升压站智能巡视【正常】进度 40%，计划 6/30 全部接入",
                    "- 调速器改造停电申请已批复，计划 6/12 实施",
                ),
            ),
            (
                "zb-20240614.md",
                _site_week(
                    "2024-06-14",
                    "- [WX-02] 升压站智能巡视【预警】进度 45%，整体完成时间由 6/30 调整为 7/15",
                    "- 6/12 完成调速器改造，6/14 起试运行",
                ),
            ),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    assert {"升压站智能巡视", "叶片巡检机器人", "逆变器告警聚合"} <= names
    # a site is no project, and neither is the one whose heading holds only notes
    assert not any("风电场" in n or "光伏电站" in n or "水电站" in n for n in names)
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("升压站智能巡视", "date_moved") in slips
    assert ("升压站智能巡视", "status_downgrade") in slips
    assert views.incidents(ledger) == []  # a count of defects is a figure, not an incident
    # "what is the status of WX-02?" links to the project its id names
    assert "WX-02" in dict(views.project_names(ledger))["升压站智能巡视"]


def test_a_tracked_bullet_keeps_its_id(write_report: WriteReport) -> None:
    report = write_report(
        "zb-20240607.md",
        _site_week("2024-06-07", "- [WX-02] 升压站智能巡视【正常】进度 40%，计划 6/30 全部接入", ""),
    )
    observed = {o.project: o for o in extract_facts(report).observations}
    assert observed["升压站智能巡视"].item_key == "WX-02"
    assert observed["升压站智能巡视"].status == "on_track"
    assert observed["升压站智能巡视"].target == date(2024, 6, 30)


@pytest.mark.parametrize(
    "line",
    [
        "本周未发生三级及以上运行事件。",
        "6/3–6/14 无生产环境故障。值守正常。",
        "本期无重大安全事故",
        "No new Sev 1-3 this week.",  # a severity band for the incidents (w23-b)
        "No P1/P2s this week",
    ],
)
def test_a_line_saying_no_event_of_a_level_happened(line: str) -> None:
    assert says_none(line)


def test_a_severity_named_with_a_time_is_an_event() -> None:
    assert not says_none("No Sev 2 since 3/11 but one Sev 3 on 4/15 10:05-12:15")


def test_a_count_of_defects_tells_no_event() -> None:
    assert counts_events("本周一般缺陷 5 条，已消缺 4 条。")
    assert not counts_events("6/12 10:05 主变保护误动，停电 35 分钟")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("高速收费稽核【预警】进度 60%", ["at_risk"]),
        ("若 6/30 前授权未到，上线顺延", []),  # a condition: the state may come, it is not now
        ("If the vendor patch is late, the cutover is delayed", []),
        ("延期已获中心审批；补采数据已两周", []),  # the delay decided on, not a new state
        ("验收延期，等待厂家", ["off_track"]),
    ],
)
def test_bracketed_states_and_states_that_are_not_yet(text: str, expected: list[str]) -> None:
    assert [s.value for s in find_statuses(text)] == expected


def test_an_old_day_said_missed_stays_the_target() -> None:
    roles = classify_dates("【告警】进度 90%，原定 6/15 上线未能实现", date(2024, 6, 21))
    assert [(r.role, r.hit.value) for r in roles] == [("target", date(2024, 6, 15))]
    moved = classify_dates("原定6/15上线，现推迟至6/30", date(2024, 6, 21))
    assert [r.role for r in moved] == ["old", "target"]
