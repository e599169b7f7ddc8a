"""Reports kept as some tool's output or some office's habit, each with a trap of its own: a feed
post archived as its API record (BBCode inside), an official weekly with each item's state in
brackets after its heading and its plan in numbered points, a database client's HTML printout of a
query's tables, an agenda page whose point holds the week's outage below its figures, and a rename
told as the product's new name. Written from wave 55; the texts are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.incidents import extract_incidents
from index.ledger.renames import rename_pairs
from index.ledger.signals import field_status
from index.models import SectionKind

from .conftest import Series, WriteReport

_POST = """\
# feed-dump 1.2 :: portal=example.invalid :: method=blog.post.get :: run=2025-07-01T08:00:00Z
ID: 501
AUTHOR_NAME: Ines Mora
TITLE: Yard Systems Flash #{n}
DATE_PUBLISH: {stamp}
PUBLISH_STATUS: P
NUM_COMMENTS: 1
==== DETAIL_TEXT ====
[B]Yard Systems Flash #{n}[/B]

[B]1. Workstreams[/B]
[TABLE]
[TR][TD][B]Workstream[/B][/TD][TD][B]RAG[/B][/TD][TD][B]Target[/B][/TD][TD][B]Progress[/B][/TD][/TR]
[TR][TD]Reefer Telemetry[/TD][TD][COLOR=#1BAE4B]{rag}[/COLOR][/TD][TD]{target}[/TD][TD]60%[/TD][/TR]
[TR][TD]Gate Kiosks[/TD][TD][COLOR=#1BAE4B]GREEN[/COLOR][/TD][TD]30.06.2025[/TD][TD]20%[/TD][/TR]
[/TABLE]
Full workbook: [DISK FILE ID=n901]

[USER=12]Ines Mora[/USER]
==== COMMENTS (1) ====
#7001 | AUTHOR_ID 9 | AUTHOR_NAME Olu Ade | 2025-04-04T19:00:00+04:00
[USER=12]Ines Mora[/USER] thanks, noted.
==== END ====
"""


def test_a_post_archived_as_its_api_record_is_read_as_the_post(
    write_report: WriteReport, series: Series
) -> None:
    text = _POST.format(n=12, stamp="2025-04-04T17:30:00+04:00", rag="GREEN", target="30.04.2025")
    report = write_report("post_501.txt", text)
    # the archiver's banner and run stamp are no title and no day; the title field is the title
    assert report.date == date(2025, 4, 4)
    assert report.title == "Yard Systems Flash #12"
    texts = [t for _, t in report.lines]
    assert not any("ID: 501" in t or "AUTHOR_ID" in t or "[TD]" in t or "DISK FILE" in t for t in texts)
    assert "Comment by Olu Ade, 2025-04-04T19:00:00+04:00:" in texts
    facts = extract_facts(report)
    assert {o.project for o in facts.observations} >= {"Reefer Telemetry", "Gate Kiosks"}
    assert not any(m.name in ("ID", "NUM_COMMENTS") for m in facts.metrics)
    ledger = series(
        [
            ("post_501.txt", text),
            (
                "post_502.txt",
                _POST.format(n=13, stamp="2025-04-11T17:30:00+04:00", rag="AMBER", target="16.05.2025"),
            ),
        ]
    )
    slips = {(s.kind, s.from_, s.to) for s in views.slips(ledger) if s.project == "Reefer Telemetry"}
    assert ("date_moved", "2025-04-30", "2025-05-16") in slips
    assert ("status_downgrade", "GREEN", "AMBER") in slips  # the words as the post shows them


_OFFICIAL = """\
.LOG
17:05 {stamp}
东湖水务 营销中心
智能表计项目组 工作周报（第{n}期）
==================================================
一、总体情况
　　本期在建子项2个。

二、各子项进展
（一）营收系统升级（远传计费）　【{state}】
　　1、UAT第二轮缺陷已修复。
　　2、{plan}

（二）表计平台对接　【正常】
　　1、西区片区已装800户（4月10日前完成）。
　　2、计划4月30日全部完成。

三、下周计划
　　1、回归测试。
"""


def test_an_items_bracketed_state_and_its_numbered_plan_are_its_own(
    write_report: WriteReport, series: Series
) -> None:
    first = _OFFICIAL.format(stamp="2025/3/14", n=13, state="正常", plan="计划4月12日切换上线。")
    report = write_report("周报_第13期.txt", first)
    facts = {o.project: o for o in extract_facts(report).observations}
    # the state after the heading's name is its state, not part of the name nor a risks part
    assert facts["营收系统升级(远传计费)"].status == "on_track"
    assert facts["营收系统升级(远传计费)"].target == date(2025, 4, 12)
    # a numbered point that says when the item itself is done is its target; a step with its own
    # subject (`西区片区…前完成`) is not
    assert facts["表计平台对接"].target == date(2025, 4, 30)
    second = _OFFICIAL.format(stamp="2025/3/21", n=14, state="有风险", plan="切换上线调整至4月19日。")
    later = write_report("周报_第14期.txt", second)
    kinds = {s.path[-1]: s.kind for s in later.all_sections()}
    assert kinds["（一）营收系统升级（远传计费） 【有风险】"] is SectionKind.PROJECTS
    ledger = series([("周报_第13期.txt", first), ("周报_第14期.txt", second)])
    slips = {(s.kind, s.to) for s in views.slips(ledger) if s.project.startswith("营收系统升级")}
    assert slips == {("status_downgrade", "【有风险】"), ("date_moved", "2025-04-19")}


_PSQL = """\
<html><body>
<h1>ops weekly - run {n}</h1>
<h2>GeoAg · Delivery &amp; Ops weekly · Kharif 2025</h2>
<p>week ending {day}</p>
<table border="1">
  <caption>Workstreams (ops.ws)</caption>
  <tr><th align="center">workstream</th><th align="center">state</th><th align="center">pct</th></tr>
  <tr valign="top"><td align="left">Field boundaries v3</td><td align="left">{state}</td><td align="right">60.0</td></tr>
</table>
<p>(1 row)</p>
<table border="1">
  <caption>KPI snapshot (ops.kpi_week)</caption>
  <tr><th align="center">parcels_scored</th><th align="center">cloudfree_pct</th></tr>
  <tr valign="top"><td align="right">{parcels}</td><td align="right">14.1</td></tr>
</table>
<p>(1 row)</p>
</body></html>
"""


def test_a_query_printout_names_its_tables_and_its_snapshot_columns_are_metrics(
    write_report: WriteReport,
) -> None:
    report = write_report(
        "ops_weekly_20250711.html", _PSQL.format(n=15, day="11/07/2025", state="at_risk", parcels="11,02,475")
    )
    kinds = {s.title: s.kind for s in report.all_sections()}
    # the banner naming the report is no projects part; the captions head their tables
    assert kinds["KPI snapshot (ops.kpi_week)"] is SectionKind.METRICS
    facts = extract_facts(report)
    assert [(o.project, o.status) for o in facts.observations] == [("Field boundaries v3", "at_risk")]
    points = {m.name: m.value for m in facts.metrics}
    assert points["parcels_scored"] == 1102475.0  # grouped in lakhs, as India writes it
    assert points["cloudfree_pct"] == 14.1


def test_a_database_enum_is_a_state_word() -> None:
    assert field_status("on_track") == "on_track"
    assert field_status("at_risk") == "at_risk"
    assert field_status("off_track") == "off_track"
    assert field_status("kpi_week") is None


_AGENDA = """\
<html><body><h1>Ops Weekly #38</h1>
<p>Thursday 13 Mar 2025, 14:30 → 15:30 Asia/Shanghai</p>
<ol>
<li><span>2. Cluster ops</span>
<ul>
<li>CPU utilisation: 74.9%</li>
<li>New tickets: 44</li>
</ul>
<p><strong>【P1】3/11（周二）09:40–11:50 mds01 hang，/work 不可访问约 2h10m</strong>，约 340 个作业失败。</p>
</li>
</ol>
</body></html>
"""


def test_an_outage_told_below_an_agenda_points_figures_is_an_incident(write_report: WriteReport) -> None:
    report = write_report("event_4118.html", _AGENDA)
    incidents = extract_incidents(report)
    assert [(i.when, i.duration_minutes) for i in incidents] == [(date(2025, 3, 11), 130.0)]
    # the figure bullets above it stay figures, not the outage's lines
    assert "New tickets: 44" not in incidents[0].evidence.quote


def test_a_products_new_name_set_in_bold_is_a_rename() -> None:
    line = "更名：「智能定损 2.0」对外产品名定为 **AI 定损**，内部简称 PDA2，以下统一使用新名称。"
    assert rename_pairs(line) == [("智能定损 2.0", "AI 定损"), ("智能定损 2.0", "PDA2")]


def test_an_event_graded_in_roman_numerals_is_an_incident() -> None:
    from index.ledger.incident_words import cue

    told = "4月21日08:30—10:50，销账服务积压，约1,960笔未实时销账。事件定为Ⅱ级（较大），扩容后恢复。"
    assert cue(told) is not None
    assert cue("本周完成Ⅱ级库房盘点，共3个批次。") is None  # a grade of something else tells no event
