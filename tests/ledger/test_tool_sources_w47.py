"""Reports kept as some tool's output, each with a trap of its own: a chat with an AI assistant that
wrote the report from the writer's notes, a report generator's page of positioned boxes, a ticket
system's mail with dot leaders, a mail merge's field line, a newsletter's lead story over its other
parts, a console tool's box-drawn tables, a chat's bold part with an aside and an app's release as
the target, and a CMS page's tag list. Written from wave 47; the texts are this test's own."""

from __future__ import annotations

from index.html import read_html
from index.ledger import views
from index.ledger.extract import extract_facts
from index.models import SectionKind

from .conftest import Series, WriteReport

_CHAT = """\
### USER
把下面要点整理成周报。第3期，本周4.7-4.11
1. 档案扫描 进度60%，目标6.30，正常
2. 缴费对接 40%，证书没到，卡住了

### ASSISTANT
<details type="reasoning" done="true" duration="12">
<summary>Thought for 12 seconds</summary>
> 缴费对接应该是延期，目标改到9.30？
</details>
# 城市服务中心信息化周报

**2025年第3期**（4月7日—4月11日）

| 序号 | 项目 | 进度 | 目标 | 状态 |
|---|---|---|---|---|
| 1 | 档案扫描 | 60% | 6月30日 | 🟢 正常 |
| 2 | 缴费对接 | 40% | — | 🔴 受阻 |
"""


def test_an_assistant_chat_is_read_as_its_last_answer_with_the_notes_and_without_the_thinking(
    write_report: WriteReport,
) -> None:
    report = write_report("chat-周报整理.txt", _CHAT)
    assert str(report.date) == "2025-04-11"  # the year of the issue line, its span's end
    assert report.title == "城市服务中心信息化周报"  # the answer's heading, not `USER`
    lines = dict(report.lines)
    assert lines[9] == "" and lines[10] == ""  # the model's thinking is blank
    assert "档案扫描" in lines[3]  # the writer's notes stay, under their own line numbers
    facts = extract_facts(report)
    assert not any("9.30" in (o.target_text or "") for o in facts.observations)  # the thinking's guess
    # a second answer the writer asked for replaces the first
    redo = (
        _CHAT
        + "\n### USER\n第2条写错了：不是受阻，是有风险。\n\n### ASSISTANT\n# 城市服务中心信息化周报（修订）\n\n"
        + "**2025年第3期**（4月7日—4月11日）\n"
    )
    redone = write_report("chat-周报整理 (1).txt", redo)
    assert redone.title == "城市服务中心信息化周报（修订）"
    assert not any(text.startswith("| 2 | 缴费对接") for _, text in redone.lines)


def _box(left: float, top: float, text: str, framed: bool = True) -> str:
    kind = "c" if framed else "t"
    return f'<div class="{kind}" style="left:{left}px;top:{top}px;width:90px;height:20px;">{text}</div>'


def _positioned_page(target: str, status: str) -> str:
    header = [_box(40, 10, "智能化周报", False), _box(40, 40, "填报日期：2025年4月18日", False)]
    head = [
        _box(40 + 100 * i, 80, t) for i, t in enumerate(["序号", "项目名称", "计划完成", "完成比例", "状态"])
    ]
    rows = [
        _box(40 + 100 * i, 110 + 30 * r, t)
        for r, cells in enumerate(
            [
                ["1", "主井提升系统改造", target, "55%", status],
                ["2", "人员定位升级", "2025/6/30", "30%", "正常推进"],
            ]
        )
        for i, t in enumerate(cells)
    ]
    pad = [_box(40, 300 + 10 * i, f"说明第{i}条", False) for i in range(12)]
    footer = [
        _box(40, 500, "**三、系统故障及异常事件**", False),
        _box(40, 1000, "打印时间：2025-04-18 15:33:22", False),
    ]
    footer += [_box(600, 1000, "第1页 共2页", False), _box(40, 20, "智能化周报 2025年第14期（续）", False)]
    footer += [_box(40, 60, "4月15日10:05主井提升机变频器故障停机38分钟，定级一般。", False)]
    style = "<style>.c {border:1px solid #000;} .t {color:#000;}</style>"
    body = "\n".join(header + head + rows + pad + footer)
    return f"<html><head>{style}</head><body><div class='frpage'>\n{body}\n</div></body></html>"


def test_a_generator_s_positioned_boxes_read_as_table_rows_and_its_page_break_as_nothing(
    series: Series, write_report: WriteReport
) -> None:
    lines = [text for _, text in read_html(_positioned_page("2025/4/30", "正常推进"))[0]]
    assert "| 1 | 主井提升系统改造 | 2025/4/30 | 55% | 正常推进" in lines  # one row, its cells in order
    assert "填报日期：2025年4月18日" in lines  # an unframed box stays a line of its own
    report = write_report("RPT_20250418.html", _positioned_page("2025/4/30", "正常推进"))
    facts = extract_facts(report)
    assert {(o.project, str(o.target)) for o in facts.observations} >= {("主井提升系统改造", "2025-04-30")}
    # the footer, its print stamp and the next page's continued head are no incident's title
    assert [str(i.when) for i in facts.incidents] == ["2025-04-15"]
    assert not any("打印时间" in i.title or "续" in i.title for i in facts.incidents)
    ledger = series(
        [
            ("RPT_20250418.html", _positioned_page("2025/4/30", "正常推进")),
            ("RPT_20250425.html", _positioned_page("2025/5/31", "滞后").replace("4月18日", "4月25日")),
        ]
    )
    assert {(s.project, s.kind) for s in views.slips(ledger)} >= {("主井提升系统改造", "date_moved")}


def _ticket_mail(day: str, first: str, second: str) -> str:
    return (
        'From: "Ops via RT" <rt@uni.example>\n'
        "Subject: [uni.example #4821] Systems weekly status\n"
        f"Date: {day}\n"
        'Content-Type: text/plain; charset="utf-8"\n\n'
        "PROJECTS\n--------\n"
        f"1. RRS .................................................. {first}\n"
        "   - Returners who have selected a room: 68%\n\n"
        f"2. Damages recharge report (Power BI) ................. {second}\n"
        "   Target: moved to Wed 19/03 (was 14/03)\n\n"
        "3. Conference booking integration (ResHub <-> EventPro) . GREEN\n"
        "   Target: live by Mon 02/06\n\n"
        "OPERATIONS\n----------\n"
        "  Open jobs .................... 455\n"
    )


def test_a_dot_leader_sets_a_name_apart_from_its_status(series: Series, write_report: WriteReport) -> None:
    report = write_report(
        "RT4821_TW07.txt", _ticket_mail("Fri, 14 Mar 2025 16:21:47 +0000", "AMBER", "AMBER")
    )
    assert "  Open jobs: 455" in dict(report.lines).values()  # the leader says what a colon says
    facts = extract_facts(report)
    states = {o.project: o.status for o in facts.observations}
    assert states["RRS"] == "at_risk"  # `1. RRS: AMBER` is an item with its status, not a heading
    assert states["Damages recharge report (Power BI)"] == "at_risk"
    assert states["Conference booking integration (ResHub <-> EventPro)"] == "on_track"  # a one-dot leader
    ledger = series(
        [
            ("RT4821_TW07.txt", _ticket_mail("Fri, 14 Mar 2025 16:21:47 +0000", "AMBER", "AMBER")),
            ("RT4821_TW09.txt", _ticket_mail("Fri, 28 Mar 2025 16:02:10 +0000", "LIVE", "DONE")),
        ]
    )
    assert {launch.project for launch in views.launches(ledger)} >= {"RRS"}


def test_a_mail_merge_s_field_line_is_the_project_s_fields_not_a_project(write_report: WriteReport) -> None:
    report = write_report(
        "merge_20250912.md",
        "# 项目周报 2025年9月12日\n\n## 项目进展\n\n**【ZY-02】处方流转平台V2升级**\n\n"
        "牵头科室：药学部 负责人：陈蔚 计划完成：9/30/2025 当前进度：0.85 状态：正常\n\n"
        "本周进展：三院区联调全部通过。\n",
    )
    observed = {(o.project, o.progress, str(o.target)) for o in extract_facts(report).observations}
    assert observed == {("ZY-02 处方流转平台V2升级", 85, "2025-09-30")}


def test_a_newsletter_s_lead_story_on_an_outage_does_not_swallow_the_issue_s_other_parts(
    write_report: WriteReport,
) -> None:
    report = write_report(
        "Bulletin_I28.md",
        "# Race Day Bulletin\n\nThursday, 17 July 2025\n\n"
        "# 季尾赛马日：WagerGo 登入故障 22 分钟\n\n"
        "16/7（三）WagerGo 于 19:52–20:14 出现登入失败，历时 22 分钟，严重程度 S1。\n\n"
        "## 项目状态一览 Project Dashboard\n\n"
        "| 项目 | 目标 | 进度 | 状态 |\n|---|---|---|---|\n| TOTE-NG | 16/8 | 86% | 有风险 |\n\n"
        "## 赛日指标 Race-day KPIs\n\n- 峰值每秒投注：14,310\n",
    )
    kinds = {section.title: section.kind for section in report.all_sections()}
    assert kinds["项目状态一览 Project Dashboard"] is SectionKind.PROJECTS
    assert kinds["赛日指标 Race-day KPIs"] is SectionKind.METRICS
    facts = extract_facts(report)
    assert [(str(i.when), i.duration_minutes) for i in facts.incidents] == [("2025-07-16", 22.0)]
    assert {o.project for o in facts.observations} == {"TOTE-NG"}


_CONSOLE = """\
[03/14/25 18:01:15] digest 0.4.2 · notes loaded (3 workstreams)
Weekly Digest #19 · 2025-03-14

Workstreams 项目一览
┏━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━┓
┃ # ┃ Workstream       ┃ Status      ┃ Target ┃
┡━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━┩
│ 1 │ OWMS · LAX-02    │ 🟢 On track │ 4/18   │
│   │ 洛杉矶仓对接     │             │        │
│ 2 │ 本地钱包收单     │ 🟡 At risk  │ 3/31   │
│   │ (KopiPay)        │             │        │
└───┴──────────────────┴─────────────┴────────┘
"""


def test_a_console_tool_s_box_drawn_table_is_read_under_its_caption_and_its_wrapped_lines_are_no_rows(
    write_report: WriteReport,
) -> None:
    report = write_report("digest-no19.txt", _CONSOLE)
    assert any(s.title == "Workstreams 项目一览" for s in report.all_sections())
    observed = {(o.project, o.status, str(o.target)) for o in extract_facts(report).observations}
    assert observed == {
        ("OWMS · LAX-02", "on_track", "2025-04-18"),
        ("本地钱包收单", "at_risk", "2025-03-31"),
    }


def _room(day: str, build: str, state: str) -> str:
    return (
        f"{day}, 15:55:02 - Rhiannon: **Weekly status — w/e Fri {day[:5]}**\n\n"
        "**Projects**\n"
        f"- {state} **HLS adaptive streaming** — {build}\n\n"
        "**Numbers** (last 7 days)\n"
        "- Podcast downloads (IAB, 7 days): 598k\n"
        "- DAB availability (all muxes): 99.981% (the 10C silence)\n"
        f"{day}, 16:12:44 - Dan: thanks\n"
    )


def test_a_chat_s_bold_part_with_an_aside_heads_its_figures_and_an_app_release_is_a_target(
    series: Series, write_report: WriteReport
) -> None:
    report = write_report(
        "export-0223.txt", _room("23/02/2024", "going out with app 4.12 (store Wed 28/02)", "🟢")
    )
    assert any(s.title == "Numbers" and s.kind is SectionKind.METRICS for s in report.all_sections())
    figures = {(m.name, m.value) for m in extract_facts(report).metrics}
    assert {("Podcast downloads", 598000.0), ("DAB availability", 99.981)} <= figures
    ledger = series(
        [
            ("export-0223.txt", _room("23/02/2024", "going out with app 4.12 (store Wed 28/02)", "🟢")),
            (
                "export-0301.txt",
                _room("01/03/2024", "moved to app 4.13 (code freeze Wed 13/03). 4.12 went out", "🟡"),
            ),
        ]
    )
    moved = {(s.kind, s.week) for s in views.slips(ledger) if s.project == "HLS adaptive streaming"}
    assert ("date_moved", "2024-W09") in moved


def test_a_cms_page_s_tag_list_is_how_it_is_filed_not_what_it_says(write_report: WriteReport) -> None:
    page = (
        "<html><body><h2>Race Tech Weekly #13</h2><dl><dd>Published: 16 August 2024</dd></dl>"
        '<ul class="tags inline"><li itemprop="keywords"><a href="/tags/incidents">incidents</a></li></ul>'
        "<h3>Done this week</h3><ul><li>Bib layout confirmed.</li></ul></body></html>"
    )
    lines = [text for _, text in read_html(page)[0]]
    assert not any("incidents" in text for text in lines)
    assert not extract_facts(write_report("217-race-tech-weekly-13.html", page)).incidents
