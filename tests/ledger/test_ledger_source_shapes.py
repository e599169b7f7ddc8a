"""Shapes that come from the tool a report was kept in, not from its words: a static site's
Markdown source with template tags (`### GW2 {% label danger@告警 %}`), a command-line tool's
table between dashed rules (which Markdown would read as setext headings), and a generated
report's `ctime()` stamp, a form's row of boxes with one ticked, a quality record's own fields.
Written after wave 30 was measured unread (a Hexo blog's sources, a
PrimeTime-style CAD report, SQCDP board minutes, a Moodle forum digest, a lab's ISO 15189 record
form); the reports below are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.classify import classify_heading
from index.ledger import views
from index.ledger.status_signs import ticked_option
from index.load import load_document
from index.models import SectionKind
from index.parse import parse_report
from index.text.normalise import plain_line, strip_inline
from index.verify import Verifier

from .conftest import Series


def _post(day: str, gateway: str, gateway_target: str, warehouse: str) -> str:
    return f"""---
title: 关务周报
date: {day} 10:00:00
---

{{% note info %}}
**本期编辑**：许南
{{% endnote %}}

## 项目进展

### 报关网关 {{% label {gateway} %}}
- 进度：60%
- 目标：{gateway_target}

### 保税仓对接 {{% label {warehouse} %}}
- 进度：40%
- 目标：5/30
"""


def test_a_site_source_label_tag_is_its_items_state(series: Series) -> None:
    ledger = series(
        [
            ("2025-04-04-weekly.md", _post("2025-04-04", "success@顺利", "4/25", "success@顺利")),
            ("2025-04-11-weekly.md", _post("2025-04-11", "danger@告警", "5/9", "success@顺利")),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    assert {"报关网关", "保税仓对接"} <= set(found)  # the tag is no part of the name
    assert found["报关网关"].target == date(2025, 5, 9)  # `告警` names no incident section
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("报关网关", "date_moved"), ("报关网关", "status_downgrade")} <= slips
    assert not any(project == "保税仓对接" for project, _ in slips)


def test_a_template_tag_reads_as_its_text_and_a_quote_of_it_verifies(tmp_path: Path) -> None:
    assert strip_inline("### GW2 {% label danger@告警 %}") == "### GW2 告警"
    assert strip_inline("{% note warning %}") == ""
    assert plain_line("- 退货仓 {% label default@搁置 %}：无变化") == "退货仓 搁置：无变化"
    assert strip_inline("进度 50%，目标 60%") == "进度 50%，目标 60%"  # percent signs are no tags
    path = tmp_path / "2025-04-11-weekly.md"
    path.write_text(_post("2025-04-11", "danger@告警", "5/9", "success@顺利"), encoding="utf-8")
    report = parse_report(load_document(path), str(path))
    titles = [s.title.split() for top in report.sections for s in top.walk()]
    assert ["报关网关", "告警"] in titles and ["note", "info"] not in titles
    verifier = Verifier()
    assert verifier.locate(str(path), "报关网关 告警") == (12, 12)
    assert verifier.locate(str(path), "报关网关 顺利") is None


def test_a_state_set_off_after_a_heading_names_no_kind_of_section() -> None:
    assert classify_heading("GW2    告警", SectionKind.PROJECTS) is SectionKind.PROJECTS
    assert classify_heading("故障    2") is SectionKind.INCIDENTS  # the words before the gap still count
    assert classify_heading("线上故障") is SectionKind.INCIDENTS


def _cad(stamp: str, farm: str, farm_state: str) -> str:
    return f"""****************************************
Report : weekly
Date   : {stamp}
****************************************

Path Summary
--------------------------------------------------------------
Path          Owner     Required      Progress   Status
--------------------------------------------------------------
FARM-EXP      周立      {farm}        30%        {farm_state}
LIC-HA        赵一      2025-04-30    40%        ON TRACK
--------------------------------------------------------------
"""


def test_a_table_between_dashed_rules_is_a_table_and_a_ctime_stamp_dates_it(series: Series) -> None:
    ledger = series(
        [
            ("dm_weekly_a.txt", _cad("Fri Mar  7 18:05:33 2025", "2025-03-28", "ON TRACK")),
            ("dm_weekly_b.txt", _cad("Fri Mar 14 17:51:02 CST 2025", "2025-04-11", "AT RISK")),
        ]
    )
    weeks = {r.week for r in views.reports(ledger)}
    assert weeks == {"2025-W10", "2025-W11"}
    found = {p.name: p for p in views.projects(ledger)}
    assert {"FARM-EXP", "LIC-HA"} <= set(found)  # rows, not setext headings
    assert found["FARM-EXP"].target == date(2025, 4, 11)  # `Required` is the day it is needed
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("FARM-EXP", "date_moved"), ("FARM-EXP", "status_downgrade")} <= slips
    assert not any(project == "LIC-HA" for project, _ in slips)


def test_minutes_held_on_a_short_date_and_a_forum_byline_date_their_report(tmp_path: Path) -> None:
    def dated(name: str, text: str) -> date:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return parse_report(load_document(path), name).date

    held = "DEPOT REVIEW\nPeriod : P04 Wk1 (w/c Sun 22/06)\nHeld   : Wed 25/06/25 10:00-10:45, Room 2\n\nD1 Work orders\n"
    assert dated("P04Wk1.txt", held) == date(2025, 6, 25)
    british = "DEPOT REVIEW\nHeld   : Thu 28 Aug 25 09:30-10:20 (moved from Wed)\n\nD1 Work orders\n"
    assert dated("P06Wk2.txt", british) == date(2025, 8, 28)
    forum = "Aurora weekly - PW29\nby Helen Okafor - Friday, 11 April 2025, 10:22 AM\n\nHi all.\n"
    assert dated("digest-PW29.txt", forum) == date(2025, 4, 11)


def _record(day: str, lis_box: str, poct_box: str, events: str) -> str:
    return f"""检验科质量记录
填报日期：{day}

二、分项进展
【P1】LIS 主系统升级
  计划完成：2024-05-20                         完成度：40%
  状    态：{lis_box}
  本周进展：报告单模板迁移 8/62 种。

【P2】POCT 血糖仪联网
  计划完成：2024-05-31                         完成度：25%
  状    态：{poct_box}
  本周进展：试点 10 台。

三、不符合项 / 不良事件
{events}
"""


ON_PLAN = "☑按计划 □有偏离 □严重偏离 □暂停 □已完成"
OFF_PLAN = "□按计划 ☑有偏离 □严重偏离 □暂停 □已完成"
EVENT = """  NC-2024-017｜发生时间：2024-03-20 02:14—03:05（约 51 min）｜分级：Ⅲ级
    事件描述：生产数据库存储告警，LIS 服务中断，急诊报告改手工发放。"""


def test_a_forms_row_of_boxes_says_the_ticked_option_and_a_record_field_dates_its_event(
    series: Series,
) -> None:
    ledger = series(
        [
            ("record-7.txt", _record("2024 年 03 月 22 日", ON_PLAN, ON_PLAN, EVENT)),
            ("record-8.txt", _record("2024 年 03 月 29 日", OFF_PLAN, ON_PLAN, "  本期无新增不符合项。")),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert any("LIS 主系统升级" in p and k == "status_downgrade" for p, k in slips)
    assert not any("POCT" in p for p, _ in slips)  # `□有偏离` is an option nobody ticked
    incidents = views.incidents(ledger)
    assert [(i.when, i.severity) for i in incidents] == [(date(2024, 3, 20), "Ⅲ级")]  # none in record 8


def test_ticked_option() -> None:
    assert ticked_option("□按计划 ☑有偏离 □暂停") == "有偏离"
    assert ticked_option("[ ] On track [x] At risk [ ] Off track") == "At risk"
    assert ticked_option("☑按计划") is None  # one box is no row of options
    assert ticked_option("☑按计划 ☑有偏离 □暂停") is None  # two ticked: the form says nothing certain


def test_a_tab_separated_row_with_an_empty_last_cell_is_a_row(series: Series) -> None:
    def digest(day: str, rate: str) -> str:
        return f"Programme digest\nDate: {day}\n\nNUMBERS\n\nMETRIC\tTHIS WEEK\tNOTE\nMatch rate\t{rate}\t\nOpen defects\t17\tthree new\n"

    ledger = series(
        [("d1.txt", digest("7 March 2025", "97.1%")), ("d2.txt", digest("14 March 2025", "97.8%"))]
    )
    points = {(p.name, p.value) for s in views.metric_series(ledger) for p in s.points}
    assert {("Match rate", 97.1), ("Match rate", 97.8)} <= points


def test_a_notebooks_source_export_reads_as_its_markdown_cells(series: Series) -> None:
    def notebook(day: str, status: str, target: str) -> str:
        return (
            "-- Databricks notebook source\n-- MAGIC %md\n"
            f"-- MAGIC # Monitoring weekly · {day}\n\n-- COMMAND ----------\n\n"
            '-- DBTITLE 1,Params\nCREATE WIDGET TEXT report_date DEFAULT "2024-01-01";\n\n'
            "-- COMMAND ----------\n\n-- MAGIC %md\n-- MAGIC ## Board\n-- MAGIC\n"
            "-- MAGIC | Project | Status | Target |\n-- MAGIC |---|---|---|\n"
            f"-- MAGIC | Alert triage v2 | {status} | {target} |\n\n-- COMMAND ----------\n\n"
            "SELECT count(*) AS alerts FROM gold.alerts;\n"
        )

    ledger = series(
        [
            ("tm_0315.sql.txt", notebook("2024-03-15", "G", "2024-04-26")),
            ("tm_0322.sql.txt", notebook("2024-03-22", "A", "2024-05-24")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("Alert triage v2", "date_moved"), ("Alert triage v2", "status_downgrade")} <= found
    assert not any("MAGIC" in p.name or "SELECT" in p.name for p in views.projects(ledger))
