"""Reports kept as some tool's output, each with a trap of its own: a plain-text form whose project
lines head the notes indented under them, a site builder whose headings carry a hidden link button,
a US reporting period written as one span, a metrics list typed in a monospace block, a table whose
milestone column says `目标节点`, a sheet's status band across its board, and a bold sentence
opening a bullet. Written from wave 48; the texts are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import parsed_date

from index.classify import classify_heading
from index.html import read_html
from index.ledger import views
from index.ledger.extract import extract_facts
from index.models import SectionKind
from index.parse import parse_items

from .conftest import Series, WriteReport

_FORM = """\
 FLEET ENGINEERING WEEKLY      FORM FE-7  Rev.2
 Date 日期         : 11-APR-2025
 Status code: OK=On Track 正常 | RK=At Risk 有风险 | SL=Delayed 延误

2. PROJECTS 项目
 [E-12] Ballast pump retrofit 压载泵改造 ............................ {state}
   - Yard slot confirmed; parts on order.
   - Completion target 完成目标: {target}.

 [E-15] Hull coating trial ........................................ OK
   - Panel 3 of 5 painted.

3. NEXT WEEK 下周计划
 Pump survey
 Coating inspection
"""


def test_a_plain_line_over_notes_indented_deeper_is_their_project(series: Series) -> None:
    items = parse_items(
        [
            (1, " [E-12] Ballast pump retrofit: OK"),
            (2, "   - Yard slot confirmed."),
            (3, "   - Target: 30-MAY."),
        ]
    )
    assert [(i.text, len(i.children)) for i in items] == [("[E-12] Ballast pump retrofit: OK", 2)]
    # a line over a list at its own indent stays a label of it, as before
    assert [i.text for i in parse_items([(1, "Next week:"), (2, "- Pump survey")])] == ["Pump survey"]
    ledger = series(
        [
            ("FE-2025-14.txt", _FORM.format(state="OK", target="30-MAY")),
            ("FE-2025-15.txt", _FORM.format(state="SL", target="27-JUN").replace("11-APR", "18-APR")),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert any("Ballast pump retrofit" in p and k == "date_moved" for p, k in slips)
    assert any("Ballast pump retrofit" in p and k == "status_downgrade" for p, k in slips)
    assert not any("Pump survey" in p.name for p in views.projects(ledger))  # plain lines, no list under them


_SITE = """<html><body><div role="main">
<h2 id="h.1" class="x"><div class="w"><div role="presentation" aria-label="Copy heading link">
<a href="#h.1" role="button"><svg></svg></a></div><div class="t" role="tooltip" aria-hidden="true">Copy heading link</div>
</div><span class="s">Project status</span></h2>
<h3 id="h.2" class="x"><div class="w"><div class="t" role="tooltip">Copy heading link</div></div><span>Harbour permits</span></h3>
<p><span>Status: Yellow</span></p>
<p>Reporting period: Mar 10–14, 2025</p>
</body></html>"""


def test_a_heading_keeps_its_level_past_its_link_button_and_a_tooltip_is_no_text() -> None:
    texts = [text for _, text in read_html(_SITE)[0] if text.strip()]
    assert "## Project status" in texts and "### Harbour permits" in texts
    assert not any("Copy heading link" in text for text in texts)


def test_a_us_span_with_its_year_after_the_last_day_dates_the_report(tmp_path: Path) -> None:
    page = (
        "# Permits hub - Week of Mar 10\n\nReporting period: Mar 10–14, 2025 · Posted by Lee\n\nAll fine.\n"
    )
    assert parsed_date(tmp_path, "week-of-mar-10.md", page)[0] == date(2025, 3, 14)
    across = "# Hub\n\nReporting period: Sept 29 – Oct 3, 2025\n"
    assert parsed_date(tmp_path, "hub.md", across)[0] == date(2025, 10, 3)


_MONO = """# Digital Weekly No. 4

## Numbers

```
Online registrations                312
Catalogues scanned                  71 / 214
Lot page LCP (p75, mobile)          3.2s
```

## Next week

- Load test 2 on 27/2
"""


def test_a_metrics_list_lined_up_in_a_monospace_block_is_read_as_labels(write_report: WriteReport) -> None:
    report = write_report("2025-02-21_weekly.md", _MONO)
    points = {(p.name, p.value, p.unit): p.evidence.quote for p in extract_facts(report).metrics}
    assert points[("Online registrations", 312.0, "")] == "Online registrations                312"
    assert ("Catalogues scanned", 71.0, "") in points and ("Lot page LCP", 3.2, "s") in points
    assert not any(name.startswith("Load test") for name, _, _ in points)  # not a metrics part


def test_a_target_milestone_column_holds_each_row_s_target(write_report: WriteReport) -> None:
    report = write_report(
        "周报（第8期）.md",
        "# 专班周报（第8期）\n\n日期：2024年12月20日\n\n## 二、重点项目\n\n"
        "| 序号 | 项目名称 | 本周进展 | 目标节点 | 状态 |\n|---|---|---|---|---|\n"
        "| 1 | 地磅无人值守改造 | 已完成4/6台。 | 12月27日 | 正常 |\n"
        "| 2 | 进厂预约排队 | 进入开发。 | 1月15日上线 | 正常 |\n"
        "| 3 | 结算直连 | 联调中。 | 预计1月22日完成（合同节点1月20日） | 有风险 |\n",
    )
    targets = {o.project: o.target for o in extract_facts(report).observations}
    assert targets["地磅无人值守改造"] == date(2024, 12, 27)
    assert targets["进厂预约排队"] == date(2025, 1, 15)
    assert targets["结算直连"] == date(
        2025, 1, 22
    )  # the contract's day beside the forecast is the day before


_BOARD = """<html><body><h3>Project board</h3><table>
<tr><td>Project</td><td>Lead</td><td>Status</td><td>Target</td></tr>
<tr><td>Grower portal</td><td>Jo</td><td>Watch</td><td>11/3/2025</td></tr>
<tr><td colspan="4">DONE / CLOSED</td></tr>
<tr><td>Bank file cutover</td><td>Cy</td><td>Done</td><td>10/6/2025</td></tr>
<tr><td>Bin cables</td><td>Mo</td><td>Done</td><td>10/10/2025</td></tr>
</table></body></html>"""


def test_a_status_band_across_a_board_files_the_rows_under_it_in_the_same_columns(
    write_report: WriteReport,
) -> None:
    report = write_report(
        "Friday Update No. 37.html", _BOARD.replace("<h3>", "<h1>Friday, October 17, 2025</h1><h3>")
    )
    states = {o.project: o.status for o in extract_facts(report).observations}
    assert states.get("Bank file cutover") == "done" and states.get("Bin cables") == "done"
    assert states.get("Grower portal") == "at_risk"
    # a generator's part with a header row of its own still opens its own table
    generated = _BOARD.replace(
        "<tr><td>Bank file cutover</td>",
        "<tr><td>Item</td><td>Owner</td><td>State</td><td>Closed</td></tr><tr><td>Bank file cutover</td>",
    )
    texts = [text for _, text in read_html(generated)[0]]
    assert (
        texts.count("| Project | Lead | Status | Target") == 1 and "| Item | Owner | State | Closed" in texts
    )


def test_a_bold_sentence_opening_a_bullet_names_its_subject(write_report: WriteReport) -> None:
    report = write_report(
        "2025-10-17.md",
        "# Update 2025-10-17\n\n## Headlines\n\n- **Bank file cutover is live.** First file went Monday.\n"
        "- **Bin cables is done.** All bins report.\n",
    )
    states = {o.project: o.status for o in extract_facts(report).observations}
    assert states.get("Bank file cutover") == "launched" and states.get("Bin cables") == "done"


def test_a_key_figures_part_is_metrics_and_its_uptime_no_project(write_report: WriteReport) -> None:
    assert classify_heading("Key figures") == SectionKind.METRICS
    report = write_report(
        "update-38.md",
        "# Update 38 – 11 April 2025\n\n## Key figures\n\n- Telemetry uptime (last 7 days): 99.5%\n"
        "- Open casualties at Friday 16:00: 1\n",
    )
    facts = extract_facts(report)
    assert not any("uptime" in o.project for o in facts.observations)
    assert any(p.name.startswith("Telemetry uptime") and p.value == 99.5 for p in facts.metrics)


def test_an_event_given_its_level_in_numerals_is_an_incident_titled_by_what_happened(
    write_report: WriteReport,
) -> None:
    report = write_report(
        "专班周报（第7期）.md",
        "# 专班周报（第7期）\n\n日期：2024年12月13日\n\n## 三、系统运行情况\n\n"
        "12月10日8时至9时30分，北区地磅数据无法上传结算系统，历时90分钟，事件定为二级。\n"
        "影响：改为手工磅单，事后补录。\n\n## 四、下周安排\n\n- 三级审批流程上线\n",
    )
    incidents = extract_facts(report).incidents
    assert [(i.title, i.when, i.duration_minutes) for i in incidents] == [
        ("北区地磅数据无法上传结算系统", date(2024, 12, 10), 90.0)
    ]


def test_an_account_export_s_footer_day_is_no_report_s_sign_off(tmp_path: Path) -> None:
    board = "".join(f"- Workstream {n}: on track, target 30/4\n" for n in range(1, 13))
    page = (
        f"# Studio Weekly No. 12 — w/e 21/3\n\nQuick one this week.\n\n## Board\n\n{board}\n"
        "— V\n\nExported from Medium on May 30, 2025.\n"
    )
    found = parsed_date(tmp_path, "draft_Studio-Weekly-No--12.html.md", page, near=date(2025, 3, 14))
    assert found[0] == date(2025, 3, 21)


def test_an_incident_id_line_over_its_notes_is_dated_by_them(write_report: WriteReport) -> None:
    incidents_part = (
        "3. INCIDENTS 事件/故障\n IR-NB-25-004  Sev: P2\n"
        "   - 19-MAR, at anchor, 0645LT-0920LT: VSAT link down, guest Wi-Fi out.\n"
        "   - Impact: ~1,800 guests offline.\n\n"
    )
    text = _FORM.format(state="OK", target="30-MAY").replace("3. NEXT WEEK", incidents_part + "4. NEXT WEEK")
    incidents = extract_facts(write_report("FE-2025-12.txt", text.replace("11-APR", "21-MAR"))).incidents
    assert [(i.when, i.severity) for i in incidents] == [(date(2025, 3, 19), "P2")]


def test_a_top_lines_part_is_no_project(series: Series) -> None:
    def page(day: str, colour: str) -> str:
        return (
            f"# Permits hub - Week of {day}\n\nReporting period: {day}–{int(day[4:]) + 4}, 2025\n\n## Top lines\n\n"
            f"- Harbour permits go-live stays Apr 15; project is {colour}.\n\n## Project status\n\n"
            f"### Harbour permits\n\nStatus: {colour}\n"
        )

    ledger = series(
        [("week-of-mar-3.md", page("Mar 10", "Green")), ("week-of-mar-17.md", page("Mar 17", "Red"))]
    )
    assert not any(p.name == "Top lines" for p in views.projects(ledger))
    assert ("Harbour permits", "status_downgrade") in {(s.project, s.kind) for s in views.slips(ledger)}


def test_a_site_down_for_maintenance_is_no_incident(write_report: WriteReport) -> None:
    report = write_report(
        "update-34.md",
        "# Update 34 – 7 March 2025\n\nPosted on Monday, sorry (the intranet was down for maintenance on"
        " Friday afternoon).\n\n## Incidents\n\nNone this week.\n",
    )
    assert extract_facts(report).incidents == []


def test_a_note_beside_an_incident_about_something_else_does_not_take_it_back(
    write_report: WriteReport,
) -> None:
    report = write_report(
        "周报第35期.txt",
        "【工具周报】第35期\n日期：2025-05-16\n\n一、线上问题\n"
        "【P1】5/13 14:20 推荐档位异常，持续 42 分钟\n   - 影响：126 家商家采纳了异常档位\n"
        "   - 备注：同一天的全链路压测是计划内演练，不是故障\n\n二、下周计划\n   - 5/20 复盘\n",
    )
    assert [(i.when, i.duration_minutes) for i in extract_facts(report).incidents] == [
        (date(2025, 5, 13), 42.0)
    ]


def test_a_running_footer_is_no_incident_and_a_problem_not_counted_is_none(write_report: WriteReport) -> None:
    footer = "信通汽车 内部资料 注意保密" + " " * 30 + "2025/4/18" + " " * 30
    report = write_report(
        "项目群周报_20250418.txt",
        "项目群周报\n日期：2025-04-18\n\n一、线上问题\n\n"
        "【B类】4/16 22:12 推送通道误报告警，持续47分钟\n  • 原因：配置单位写错\n\n"
        " 非线上问题说明：4/15 台架电源模块故障停机2天，不计入线上问题。\n\n"
        f"{footer}2\n\f二、重点项目\n\n- 台架排期：进度正常\n\n{footer}3\n",
    )
    incidents = extract_facts(report).incidents
    assert [i.when for i in incidents] == [date(2025, 4, 16)]
    assert not any("内部资料" in text for _, text in report.lines)
