"""Reports kept as some tool's export, each with a trap of its own: a survey tool's form printout
through `pdftotext -layout` (fields at one column, a choice as all its options, page furniture), a
mailed `git format-patch` of a status file (last week's text as context), a report engine's HTML page
whose tables follow each other with no blank line and whose header ends in an empty spacer cell,
and Confluence's storage format (status lozenges with their colour, task lists). Written from wave
43; the texts are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.ledger import views
from index.load import load_document

from .conftest import Series, WriteReport

_FORM = """\
Clinical Apps - Weekly Status                                                      Confidential
                                                                                        Page 1
                               Weekly Team Status
                    Response was added on {sent} 4:02pm.

Record ID                                   {record}
Week ending (Friday)                        {week_ending}
Submitted by                                R. Amadi

Production incidents
Any production incident this week?          {any}
Incident summary                            {incident}
Complete?                                   Complete

                               Project Update (#1)
Project / workstream                        Cabinet firmware 5.1
Lead                                        J. Moss
Status this week                            {status}
Target go-live date                         {target}
Percent complete                            {percent}
This week's update                          Wave {wave} done; the last towers need a
                                            two-hour window each.
Complete?                                   Complete

{stamp} 8:10am                                                         forms.example.org
Clinical Apps - Weekly Status                                                      Confidential
                                                                                        Page 2
                               Project Update (#2)
Project / workstream                        Order feed migration
Lead                                        P. Iyer
Status this week                            X  On track
                                               At risk
                                               Paused
Target go-live date                         07-11-2025
Percent complete                            ________________________________________
Complete?                                   Complete
"""


def test_a_form_printout_reads_its_fields_choices_and_projects(series: Series) -> None:
    ledger = series(
        [
            (
                "ClinicalAppsWeekly_2025-06-09_0810.txt",
                _FORM.format(
                    sent="06/06/2025", record=12, week_ending="06-06-2025", any="No", incident="n/a",
                    status="On track", target="06-20-2025", percent=60, wave=2, stamp="06/09/2025",
                ),
            ),
            (
                "ClinicalAppsWeekly_2025-06-16_0810.txt",
                _FORM.format(
                    sent="06/13/2025", record=13, week_ending="06-13-2025", any="Yes",
                    incident="SEV-3: console server down Tue 06-10-2025 3:05am to 3:47am (42 min).",
                    status="At risk", target="06-27-2025", percent=60, wave=3, stamp="06/16/2025",
                ),
            ),
        ]
    )  # fmt: skip
    # the form's `Week ending` day, not the download stamp in the file name or the footer
    assert sorted(r.week for r in views.reports(ledger)) == ["2025-W23", "2025-W24"]
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Cabinet firmware 5.1", "date_moved") in slips and (
        "Cabinet firmware 5.1",
        "status_downgrade",
    ) in slips
    # the chosen option is the status; the options not chosen, and `Complete?  Complete` (the form's
    # own bookkeeping), are no status of any project
    states = {o.status for _, o in views.observations(ledger, project="Order feed migration")}
    assert states == {"on_track"}
    assert [launch.project for launch in views.launches(ledger)] == []
    # the wrapped incident summary is one field: its day on its second printed line still dates it
    assert [(i.when, i.duration_minutes) for i in views.incidents(ledger)] == [(date(2025, 6, 10), 42.0)]


def test_a_form_printout_s_page_furniture_is_blank(write_report: WriteReport) -> None:
    report = write_report(
        "ClinicalAppsWeekly_2025-06-09_0810.txt",
        _FORM.format(
            sent="06/06/2025", record=12, week_ending="06-06-2025", any="No", incident="n/a",
            status="On track", target="06-20-2025", percent=60, wave=2, stamp="06/09/2025",
        ),
    )  # fmt: skip
    lines = {line.number: line.text for line in load_document(Path(report.source)).lines}
    assert lines[1] == "# Clinical Apps - Weekly Status"  # the running head once, as the title
    assert lines[25] == "" and lines[26] == "" and lines[27] == ""  # the footer and the next page's head
    assert lines[21].endswith("the last towers need a two-hour window each.") and lines[22] == ""
    assert lines[31] == "- Status this week: On track" and lines[32] == lines[33] == ""  # options not chosen


_PATCH = """\
From 4c2d7e0b9a8f6e5d4c3b2a190817161514131211 Mon Sep 17 00:00:00 2001
From: Ines Roth <ines@example.org>
Date: Fri, {day} 16:00:00 +0100
Subject: [PATCH] status: {cw}

{note}

Signed-off-by: Ines Roth <ines@example.org>
---
 STATUS.md | 6 ++++++
 1 file changed, 6 insertions(+)

diff --git a/STATUS.md b/STATUS.md
index 1111111..2222222 100644
--- a/STATUS.md
+++ b/STATUS.md
@@ -1,4 +1,12 @@
+## {cw}
+
+### Workstreams
+
+1. **{name}**{ex} — {light} — {percent} %
+   Target {target}.
+2. **Remote diagnostics pilot (Harbor)** — ON HOLD
+3. **eCall over IMS (Harbor Trucks)** — AMBER — 40 %
+
 ## CW09
\x20
 ### Workstreams
\x20
 1. **Map tiles v3** — GREEN — 35 %
--\x20
2.39.5
"""


def test_a_mailed_patch_reads_the_week_it_adds_not_last_week_s_context(series: Series) -> None:
    ledger = series(
        [
            (
                "0001-status-CW10.txt",
                _PATCH.format(
                    day="8 Mar 2024", cw="CW10", note="Short week.", name="Map tiles v3", ex="",
                    light="GREEN", percent=40, target="22.03.2024",
                ),
            ),
            (
                "0001-status-CW11.txt",
                _PATCH.format(
                    day="15 Mar 2024", cw="CW11",
                    note='Naming: "Map tiles v3" is called **TileStream** from now on.',
                    name="TileStream", ex=" (ex Map tiles v3)", light="AMBER", percent=45, target="12.04.2024",
                ),
            ),
        ]
    )  # fmt: skip
    assert sorted(r.week for r in views.reports(ledger)) == ["2024-W10", "2024-W11"]
    projects = {row.name: row for row in views.projects(ledger)}
    # one project through its announced new name; the customer after two names is neither's alias
    assert {"Remote diagnostics pilot (Harbor)", "eCall over IMS (Harbor Trucks)"} <= set(projects)
    (tiles,) = [name for name in projects if name in ("TileStream", "Map tiles v3")]
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert (tiles, "date_moved", "2024-04-12") in slips
    # last week's unchanged `GREEN — 35 %` under `## CW09` is no observation of this week's
    progress = {o.progress for _, o in views.observations(ledger, project=tiles)}
    assert progress == {40, 45}


_ENGINE_PAGE = """\
<html><body>
<table class="jrPage"><tr><td></td><td>Weekly project report</td><td></td></tr>
<tr><td></td><td>期号：2025年第{n}期</td><td>报告日期：{day}</td></tr></table>
<table class="jrPage">
<tr><td colspan="4"><h2>二、重点项目进展</h2></td></tr>
<tr><td></td><td>项目名称</td><td>计划完成</td><td>完成率</td><td>状态</td><td></td></tr>
<tr><td></td><td>闸口改造</td><td>{due}</td><td>{done}</td><td>{state}</td><td></td></tr>
<tr><td colspan="4"><h2>三、生产运行指标</h2></td></tr>
<tr><td></td><td>指标</td><td>单位</td><td>本期</td><td>上期</td><td></td></tr>
<tr><td></td><td>吞吐量</td><td>万TEU</td><td>{teu}</td><td>9.48</td><td></td></tr>
<tr><td></td><td>打印时间：Fri {day}</td><td>第 1 页 共 2 页</td><td></td><td></td><td></td></tr>
</table>
<table class="jrPage">
<tr><td></td><td>Weekly project report · 第{n}期</td><td>PMP-RPT-017</td><td></td></tr>
<tr><td></td><td>闸口通行时间</td><td>秒</td><td>{gate}</td><td>63</td><td></td></tr>
</table></body></html>
"""


def test_a_report_engine_s_tables_keep_their_own_headers_and_units(series: Series) -> None:
    ledger = series(
        [
            ("rpt-1.html", _ENGINE_PAGE.format(n=10, day="2025-03-14", due="2025-04-30", done="55%", state="正常", teu="9.62", gate=62)),
            ("rpt-2.html", _ENGINE_PAGE.format(n=11, day="2025-03-21", due="2025-05-31", done="60%", state="预警", teu="9.15", gate=58)),
        ]
    )  # fmt: skip
    values = {(p.name, p.week): (p.value, p.unit) for m in views.metric_series(ledger) for p in m.points}
    # a unit column's multiplier folds into the value: 9.62 万TEU is 96,200 TEU
    assert values[("吞吐量", "2025-W11")] == (96200.0, "TEU")
    assert ("闸口通行时间", "2025-W12") in values
    assert ("闸口改造", "date_moved", "2025-05-31") in {
        (s.project, s.kind, s.to) for s in views.slips(ledger)
    }


_STORAGE = """\
<table><tbody>
<tr><th><p>统计周期</p></th><td><p><time datetime="{start}" />&nbsp;~&nbsp;<time datetime="{end}" /></p></td></tr>
</tbody></table>
<ac:structured-macro ac:name="excerpt"><ac:parameter ac:name="hidden">false</ac:parameter><ac:rich-text-body>
<p>本周要点：召回迁移推进中。</p></ac:rich-text-body></ac:structured-macro>
<h1>二、项目进展</h1>
<table><tbody>
<tr><th><p>项目</p></th><th><p>状态</p></th><th><p>目标</p></th></tr>
<tr><td><p>向量召回迁移</p></td><td><p><ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">{colour}</ac:parameter><ac:parameter ac:name="title">{title}</ac:parameter></ac:structured-macro></p></td><td><p><time datetime="{due}" /></p></td></tr>
</tbody></table>
<h2>本周完成</h2>
<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>索引双写上线</ac:task-body></ac:task>
<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>一致性校验</ac:task-body></ac:task></ac:task-list>
"""


def test_confluence_storage_format_shows_lozenges_and_tasks_as_a_reader_sees_them(series: Series) -> None:
    ledger = series(
        [
            ("blogpost_1001.html", _STORAGE.format(start="2025-03-08", end="2025-03-14", colour="Green", title="正常", due="2025-04-30")),
            ("blogpost_1002.html", _STORAGE.format(start="2025-03-15", end="2025-03-21", colour="Yellow", title="有风险", due="2025-04-30")),
        ]
    )  # fmt: skip
    assert sorted(r.week for r in views.reports(ledger)) == ["2025-W11", "2025-W12"]
    assert ("向量召回迁移", "status_downgrade") in {(s.project, s.kind) for s in views.slips(ledger)}
    report = next(r for r in views.reports(ledger) if r.week == "2025-W11")
    text = [line.text for line in load_document(Path(report.source)).lines]
    assert "- [x] 索引双写上线" in text and "- [ ] 一致性校验" in text
    assert not any("false" in line or "Green" in line for line in text)  # a macro's parameters are hidden


def test_a_unit_column_s_unit_is_not_read_as_a_multiplier() -> None:
    from index.ledger.metrics import _column_unit

    header = ["指标", "单位", "本期"]
    assert _column_unit(9.62, ["吞吐量", "万TEU", "9.62"], header) == (96200.0, "TEU")
    assert _column_unit(3.0, ["Volume", "k orders", "3"], header) == (3000.0, "orders")
    # km, MB, kWh and 千米 / 千瓦时 are units whose first letter is not a multiplier
    for unit in ("km", "MB", "kWh", "千米", "千瓦时", "Mbps"):
        assert _column_unit(12.5, ["x", unit, "12.5"], header) == (12.5, unit)
