"""How a lead line names its project and its state: a status sign before the name (`- 🟡 滴液机联机`),
a target field without its colon under it (`- 目标 5/31`), a meeting summary's topic title that adds
what happened (`TillPoint 7.2 Delay`, `Collect on Return Moves to Amber`), a count told by who saw it
(`Callum reported 13,050 pre-orders`); and a report engine's HTML whose headings are styled by class,
where a plant's planned outage names its work. Written from wave 39; the texts are this test's own."""

from __future__ import annotations

from pathlib import Path

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.incident_words import cue
from index.ledger.mentions import clean_name, valid_name
from index.ledger.name_rules import shared_parentheticals
from index.load import load_document

from .conftest import Series, WriteReport

_OUTLINE = """\
# 配色周报 {mmdd}

- 统计周期：{period}｜填写：沈
- 图例：🟢正常 🟡有风险 🔴延期/受阻 ⏸暂停 ✅完成

## 二、项目进展

- {sign} 滴液机联机
  - 目标 {target}
  - 彭工 4/23 到厂调试称量模块
- 🟢 历史配方入库
  - 进度 48%
"""


def test_a_sign_before_the_name_and_a_target_field_without_its_colon(series: Series) -> None:
    ledger = series(
        [
            (
                "配色周报 0411.md",
                _OUTLINE.format(mmdd="0411", period="2025.4.7-4.11", sign="🟢", target="6/30"),
            ),
            (
                "配色周报 0418.md",
                _OUTLINE.format(mmdd="0418", period="2025.4.14-4.18", sign="🟡", target="7/15"),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("滴液机联机", "date_moved", "2025-07-15") in slips
    assert any(project == "滴液机联机" and kind == "status_downgrade" for project, kind, _ in slips)
    assert not any(project == "历史配方入库" for project, _, _ in slips)


def test_a_topic_title_is_the_project_and_its_news() -> None:
    assert clean_name("TillPoint 7.2 Delay") == "TillPoint 7.2"
    assert clean_name("Flight Change Rebooking Blocked") == "Flight Change Rebooking"
    assert clean_name("Collect on Return Moves to Amber") == "Collect on Return"  # one verb: `Return` stays
    assert clean_name("PilotKit 25 is complete") == "PilotKit 25"
    assert clean_name("GLM v4 drops to Amber") == "GLM v4"
    assert clean_name("Search Relevance") == "Search Relevance"


_SUMMARY = """\
From:\tZoom <no-reply@zoom.example>
Sent:\t{sent}
Subject:\tMeeting summary for Reserve Weekly Sync

Quick recap

Callum reported {orders} pre-orders for the week, a collection rate of {rate}% and a calm week.

Summary

TillPoint 7.2 {topic}
Tillcraft asked for one more week, so the TillPoint 7.2 rollout moves to {target}.
"""


def test_a_meeting_summarys_topics_and_counts(series: Series) -> None:
    ledger = series(
        [
            (
                "summary (03_18_2025).txt",
                _SUMMARY.format(
                    sent="Tuesday, 18 March 2025 10:39",
                    orders="12,480",
                    rate="94.1",
                    topic="Rollout",
                    target="26 March",
                ),
            ),
            (
                "summary (03_25_2025).txt",
                _SUMMARY.format(
                    sent="Tuesday, 25 March 2025 10:41",
                    orders="13,050",
                    rate="94.4",
                    topic="Delay",
                    target="2 April",
                ),
            ),
            (
                "summary (04_01_2025).txt",
                _SUMMARY.format(
                    sent="Tuesday, 1 April 2025 10:40",
                    orders="13,420",
                    rate="93.8",
                    topic="Delay",
                    target="9 April",
                ),
            ),
        ]
    )
    # `TillPoint 7.2 Rollout`, then `TillPoint 7.2 Delay` twice: one project, moved twice
    moved = [(s.project, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [to for project, to in moved if project.startswith("TillPoint 7.2")] == [
        "2025-04-02",
        "2025-04-09",
    ]
    names = {series.name: [p.value for p in series.points] for series in views.metric_series(ledger)}
    assert names.get("pre-orders") == [12480.0, 13050.0, 13420.0]
    assert names.get("collection rate") == [94.1, 94.4, 93.8]


_BIRT = """\
<html><head><style type="text/css">
.style_0 {{ font-size: 8pt; }}
.style_8 {{ font-size: 10pt; font-weight: bold; color: #1f3864; }}
.style_9 {{ font-weight: bold; }}
</style></head><body>
<h1>IT Weekly Status - Outage &amp; Work Management Systems</h1>
<div class="style_0">Report Date: {day} 6:00 AM</div>
<div class="style_0">2R24 Outage Day 7 of 40. Outage Change Freeze 3/24/25 - 5/16/25. Outage Manager asked for a daily board.</div>
<div class="style_8">IT Project Work Orders (WORKTYPE = ITPJ, STATUS not in HOLD, WPCOND, COMP, CLOSE, CAN)</div>
<table>
<tr><td class="style_9">Work Order</td><td class="style_9">Description</td><td class="style_9">Health</td><td class="style_9">% Compl</td><td class="style_9">Target Finish</td></tr>
<tr><td>IT-24102</td><td>OCC Outage Status Board</td><td>{health}</td><td>{pct}</td><td>{target}</td></tr>
</table>
<div class="style_8">Production Events (Service Requests, CLASS = ITINC, reported or updated this period)</div>
<table>
<tr><td class="style_9">Ticket</td><td class="style_9">Reported</td><td class="style_9">Summary</td><td class="style_9">Duration (min)</td></tr>
{event}
</table>
</body></html>
"""


def test_a_report_engines_class_styled_headings_and_a_plants_outage(series: Series) -> None:
    event = "<tr><td>SR-31877</td><td>3/4/25 1:52 PM</td><td>Maximo PRD unavailable</td><td>47</td></tr>"
    ledger = series(
        [
            (
                "ITWKSTAT_2025-02-28.html",
                _BIRT.format(day="2/28/25", health="GREEN", pct="60", target="3/21/25", event=""),
            ),
            (
                "ITWKSTAT_2025-03-07.html",
                _BIRT.format(day="3/7/25", health="YELLOW", pct="70", target="3/28/25", event=event),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("OCC Outage Status Board", "date_moved", "2025-03-28") in slips
    # one incident: the production event, on the day it was reported; the plant's outage is none
    assert [
        (i.when.isoformat() if i.when else None, i.duration_minutes) for i in views.incidents(ledger)
    ] == [("2025-03-04", 47.0)]


def test_an_outage_that_names_a_plants_work() -> None:
    assert cue("Outage Change Freeze ends 5/16/25") is None
    assert cue("a holiday for non-outage staff") is None
    assert cue("Outage Manager asked for a board") is None
    assert cue("Maximo outage of 47 minutes") is not None
    assert cue("the outage and restore took 40 min") is not None


_OUTLINER = """\
<html><body><h1>养殖组周报第{n}期</h1>
<ul class="tree">
<li><div class="content">汇报周期：{period}｜填报：郑</div></li>
<li class="heading1"><div class="content">二、项目进展</div>
<ul class="children">
<li><div class="content"><span class="bold">光学探头换型</span> <span class="tag">#{tag}</span> 进度 {pct}</div>
<ul class="children"><li><div class="content">第二批 70 支到货由 3/12 推迟到 3/19（厂家产线排期）</div></li>
<li><div class="content">目标仍是 3/31，但余量很小</div></li></ul></li>
</ul></li>
<li class="heading1"><div class="content">三、故障与值班</div>
<ul class="children">
{incident}
<li><div class="content">周末值班：3/15–3/16 林晓峰 / 吴德彬</div></li>
</ul></li>
</ul></body></html>
"""


_OUTAGE = (
    '<li><div class="content">【二级】3/12 02:10–03:35 MQTT 节点磁盘写满，溶氧数据中断 85 分钟</div></li>'
)


def test_an_outliners_html_export(series: Series) -> None:
    ledger = series(
        [
            (
                "养殖组周报第8期（3.7）.html",
                _OUTLINER.format(n=8, period="2025年3月3日–3月7日", tag="正常", pct="35%", incident=""),
            ),
            (
                "养殖组周报第9期（3.14）.html",
                _OUTLINER.format(
                    n=9, period="2025年3月10日–3月14日", tag="有风险", pct="48%", incident=_OUTAGE
                ),
            ),
        ]
    )
    # the bold node is the project's lead, its items its lines; its tag is the state its author set
    observed = [(o.project, o.progress, o.status) for _, o in views.observations(ledger)]
    assert observed == [("光学探头换型", 35, "on_track"), ("光学探头换型", 48, "at_risk")]
    downgrades = [(s.project, s.to) for s in views.slips(ledger) if s.kind == "status_downgrade"]
    assert downgrades == [("光学探头换型", "#有风险")]
    # `【二级】` is the event's level, not a section; who is on duty is no incident
    assert sorted({(i.when.isoformat() if i.when else "", i.severity) for i in views.incidents(ledger)}) == [
        ("2025-03-12", "二级")
    ]


def test_an_outliners_nodes_read_as_the_page_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "周报第9期.html"
    path.write_text(
        '<html><body><ul><li class="heading1"><div class="content">二、项目进展</div><ul>'
        '<li><div class="content"><span class="bold">光学探头换型</span> #有风险 进度 48%</div></li>'
        "</ul></li></ul></body></html>",
        encoding="utf-8",
    )
    texts = [line.text for line in load_document(path).lines]
    assert "## 二、项目进展" in texts  # a heading node is a section's title
    assert "    - **光学探头换型** #有风险 进度 48%" in texts  # an item keeps its marker, its bold lead


def test_a_leads_tag_outranks_a_steps_wording_and_a_roster_is_no_incident(write_report: WriteReport) -> None:
    report = write_report(
        "周报第9期.md",
        "# 周报第9期\n\n汇报周期：2025年3月10日–3月14日\n\n## 二、项目进展\n\n"
        "- **光学探头换型** #有风险 进度 48%\n    - 第二批到货由 3/12 推迟到 3/19\n\n"
        "## 三、故障与值班\n\n- 【二级】3/12 02:10–03:35 MQTT 节点磁盘写满，数据中断 85 分钟\n"
        "- 周末值班：3/15–3/16 林晓峰 / 吴德彬\n",
    )
    facts = extract_facts(report)
    assert [(o.project, o.status) for o in facts.observations] == [("光学探头换型", "at_risk")]
    assert [(i.when.isoformat() if i.when else None, i.severity) for i in facts.incidents] == [
        ("2025-03-12", "二级")
    ]


def test_updates_after_a_lower_case_word_are_the_work_itself() -> None:
    # `TCU5 delta updates` ships delta updates; `Apollo updates` is news of Apollo (w43-h)
    assert clean_name("TCU5 delta updates") == "TCU5 delta updates"
    assert clean_name("Apollo updates") == "Apollo"
    # a sprint closed is the team's timebox, no project launched (w43-b: `Sprint 25.04 closed: 31 of 36 points`)
    assert not valid_name("Sprint 25.04 closed") and valid_name("Sprint planning tool")


def test_a_customer_after_two_names_is_neither_s_alias() -> None:
    shared = shared_parentheticals(["Remote diagnostics pilot (Volmar)", "eCall over IMS (Volmar Trucks)"])
    assert shared == {"volmar", "volmartrucks"}
    # an abbreviation a name carries after a rename is still that project's short name
    assert not shared_parentheticals(["Truck Appointment System v2 (TAS v2)", "SlotBook (TAS v2)"])
