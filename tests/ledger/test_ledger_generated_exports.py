"""Shapes that report generators, mail archives and non-English wiki templates give a status report:
a script's list export (shares from 0 to 1, `Format-Table` figures), a list archive's preformatted
mail (`== SECTION ==`, numbered entries with a colour set off to the right), a Japanese wiki's
notation (`** 見出し`, `&color(red) { 遅延 }`), a Korean template's Roman-numbered parts and
`'25.4.30` days, a docs site's emoji shortcodes and the rows it hides in comments."""

from __future__ import annotations

from datetime import date

from index.classify import classify_heading
from index.ledger import views
from index.ledger.mentions import valid_name
from index.ledger.store import Ledger
from index.ledger.table_columns import header_forms
from index.models import SectionKind
from index.tables_aligned import read_aligned_tables
from index.text.timeexpr import ANY_DAY, find_dates

from .conftest import Series, WriteReport


def _observed(series: Series, reports: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[object, ...]]:
    ledger = series(reports)
    return {
        (o.project, o.week): (o.status, o.target, o.progress)
        for name in _names(ledger)
        for o in views.timeline(ledger, name).observations
    }


def _names(ledger: Ledger) -> set[str]:
    return {p.name for p in views.projects(ledger)}


_EXPORT = """\
# Fleet Systems Weekly Status
## Workstreams
| ID | Workstream | Lead | Status | PctComplete | TargetDate |
| --- | --- | --- | --- | --- | --- |
| FS-01 | Dispatch Board v2 | Ana | On Track | 0.45 | 30/09/2026 12:00:00 AM |
| FS-02 | Tyre Telemetry | Bo | Complete | 1 | 11/09/2026 12:00:00 AM |
## KPIs
KPI                   ThisWeek LastWeek Target
---                   -------- -------- ------
Payload accuracy (%)      96.1     95.4     97
Open tickets                31       27
"""


def test_a_script_export_reads_its_shares_and_its_format_table_figures(series: Series) -> None:
    observed = _observed(series, [("fleet_wk37.md", "Date: 11/09/2026\n\n" + _EXPORT)])
    assert observed[("Dispatch Board v2", "2026-W37")][2] == 45
    assert observed[("Tyre Telemetry", "2026-W37")][2] == 100  # a whole 1 among shares is all of it
    lines = list(enumerate(_EXPORT.splitlines(), 1))[-5:]
    [table] = read_aligned_tables(lines)
    assert table.header == ["KPI", "ThisWeek", "LastWeek", "Target"]
    assert table.rows[0].cells == ["Payload accuracy (%)", "96.1", "95.4", "97"]


def test_a_title_with_planning_in_a_name_holds_its_workstreams(series: Series) -> None:
    assert classify_heading("Mine Planning Systems - Weekly Status") is not SectionKind.PLANS
    assert classify_heading("Sprint planning") is SectionKind.PLANS
    text = "# Mine Planning Systems - Weekly Status\n" + _EXPORT.split("\n", 1)[1]
    observed = _observed(series, [("w1.md", "Date: 2026-09-11\n\n" + text)])
    assert ("Dispatch Board v2", "2026-W37") in observed


def _mail(day: str, quarry: str, hopper: str) -> str:
    return f"""\
# [Ops-list] Pipeline weekly
{day}

Hi all,

== WORKSTREAMS ==

[1] Quarry asset loader (was AL3)                         {quarry}
    Go-live for the lighting team: Fri 27/03
    Variant rework done.

[2] HOPPER scheduler cutover                              {hopper}
    Go-live: Sat 28/03

== INCIDENTS ==

No new incidents.
"""


def test_a_mail_archives_entries_read_their_colour_and_their_days(series: Series) -> None:
    ledger = series(
        [
            ("000101.md", _mail("Fri Mar 6 17:21:05 GMT 2026", "GREEN", "GREEN")),
            ("000102.md", _mail("Fri Mar 13 17:02:41 GMT 2026", "AMBER", "RED")),
        ]
    )
    found = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("Quarry asset loader", "status_downgrade", "2026-W11") in found
    assert ("HOPPER scheduler cutover", "status_downgrade", "2026-W11") in found
    hopper = views.timeline(ledger, "HOPPER scheduler cutover").observations
    assert hopper[0].target == date(2026, 3, 28)
    # `Go-live for the lighting team:` is the day it goes live
    assert views.timeline(ledger, "Quarry asset loader").observations[0].target == date(2026, 3, 27)


_BACKLOG = """\
* 週報 No.{n}
発行日: {day}(金)

** 1. Projects
|Key|Project|Owner|Target|Status|h
|OPS-11|Log collector|金|6/27|&color({colour}) {{ {word} }}|
|OPS-12|Agent matrix|林|7/18|&color(green) {{ 順調 }}|
"""


def test_a_japanese_wikis_notation_and_status_words(series: Series) -> None:
    ledger = series(
        [
            ("週報_No.7.txt", _BACKLOG.format(n=7, day="2026/05/08", colour="green", word="順調")),
            ("週報_No.8.txt", _BACKLOG.format(n=8, day="2026/05/15", colour="red", word="遅延")),
        ]
    )
    found = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("Log collector", "status_downgrade", "2026-W20") in found
    assert not any(s.project == "Agent matrix" for s in views.slips(ledger))
    downgrade = next(s for s in views.slips(ledger) if s.project == "Log collector")
    assert any("遅延" in c.quote or "迟延" in c.quote for c in downgrade.evidence)


_HWP = """\
# DE팀 주간업무보고

| 문서번호 / 文件编号 | DE-26-0{n} | 보고일자 / 报告日期 | {day} |

Ⅱ. 项目现况 (Project Status)

| No | 项 目 (Project) | 进度 | 目标 (Target) | 状态 |
| --- | --- | --- | --- | --- |
| 1 | 排程系统升级 | 50% | Go-live {target} | ● 正常 |
| 2 | 焊接看板 | 55% | '26.4.30 | ● 正常 |

Ⅳ. 主要指标 (KPI)
○ 焊接机器人稼动率: 60.1% (上期 58.4%)
"""


def test_a_korean_templates_parts_headers_and_days(series: Series) -> None:
    assert header_forms("目标 (Target)")[1:] == ["目标", "Target"]
    assert header_forms("项 目 (Project)")[1:] == ["项目", "Project"]
    assert [h.value for h in find_dates("Go-live '26.4.30", ANY_DAY)] == [date(2026, 4, 30)]
    ledger = series(
        [
            ("周报_260306.md", _HWP.format(n=1, day="2026. 3. 6.(금)", target="'26.4.30")),
            ("周报_260313.md", _HWP.format(n=2, day="2026. 3. 13.(금)", target="'26.5.29")),
        ]
    )
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.project, s.week) for s in moved] == [("排程系统升级", "2026-W11")]
    assert "焊接机器人稼动率" not in _names(ledger)  # a KPI line, under its own part


_DOCS = """\
# 站网周报 · {day}

?> 图例：:green_circle: 正常　:yellow_circle: 有风险

| 项目 | 状态 | 进度 | 目标 |
| :-- | :-- | :-- | :-- |
| 分时电价 | {light} | 60% | 6/30 |

<!-- 复制上期未删：
| 分时电价 | :green_circle: | 10% | 5/31 |
-->

#### **本周完成**

- :white_check_mark: **省平台对接**：5/24 通过验收，正式上报。
- :white_check_mark: **运维看板**：5/25 上线。
"""


def test_a_docs_sites_shortcodes_and_hidden_rows(series: Series) -> None:
    ledger = series(
        [
            ("2026-05-22.md", _DOCS.format(day="2026-05-22", light=":green_circle:")),
            ("2026-05-29.md", _DOCS.format(day="2026-05-29", light=":yellow_circle:")),
        ]
    )
    found = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("分时电价", "status_downgrade", "2026-W22") in found
    observed = views.timeline(ledger, "分时电价").observations
    assert [o.progress for o in observed] == [60, 60]  # the comment's 10% is hidden
    assert {"省平台对接", "运维看板"} <= _names(ledger)


def test_names_that_are_a_period_a_date_label_or_two_states_are_none() -> None:
    for name in (
        "FY25 Wk14",
        "2025w07",
        "Week 6",
        "対象期间",
        "Reporting period",
        "暂停 / 取消",
        "Commentary",
    ):
        assert not valid_name(name), name
    for name in ("Search & Discovery", "CRM / ERP 对接", "WMS 2.0", "Wk 3 rollout"):
        assert valid_name(name), name


def test_a_one_star_bullet_is_no_wiki_heading(write_report: WriteReport) -> None:
    report = write_report(
        "notes.md", "# Notes 2026-05-08\n\n* first point\n* second point\n\n** Risks\n- none\n"
    )
    titles = [s.title for s in report.all_sections()]
    assert "Risks" in titles and "first point" not in titles


def test_a_japanese_line_saying_none_tells_no_incident() -> None:
    from index.ledger.incident_words import says_none

    assert says_none("なし (GW 期間含む).") and says_none("障害なし. Open ESC 7件") and says_none("特になし")
    assert not says_none("サーバ停止 2h、復旧済み")


def test_a_delivery_said_for_a_day_still_ahead_is_not_done() -> None:
    from index.ledger.signals import find_statuses

    assert [h.value for h in find_statuses("本周全部交付完成")] == ["done"]
    assert find_statuses("明天全部交付完成") == [] and find_statuses("今晚全部交付完毕") == []


def test_a_board_word_set_off_to_the_right_of_an_entry_is_its_status(series: Series) -> None:
    text = (
        "# [Ops-list] Pipeline weekly\nFri Mar 20 17:02:41 GMT 2026\n\n== WORKSTREAMS ==\n\n"
        "[1] Final delivery                                  LIVE\n    All 412 shots sent.\n\n"
        "[2] Tape archive                                    ON HOLD\n    Paused until June.\n\n"
        "[3] Burst pool                                      n/a\n    Contract extended.\n"
    )
    ledger = series([("000120.md", text)])
    status = {p.name: p.status for p in views.projects(ledger)}
    assert status["Final delivery"] == "launched" and status["Tape archive"] == "paused"
    assert status["Burst pool"] is None


def test_an_outlines_group_bullet_holds_its_projects(series: Series) -> None:
    text = (
        "- Team weekly · Fri, Mar 27, 2026\n"
        "  - TL;DR\n    - Quiet week.\n"
        "  - Data (matchday 3/21)\n    - PCU 1.9M\n"
        "  - Projects\n"
        '    - Relay #amber @Zhou\n      "target: Sat, Apr 18, 2026 | 50%"\n'
        '    - StatsHub #green @Jie\n      "target Mar 31 | 60%"\n'
        "  - Risks / Asks\n    - Relay needs a second engineer.\n"
    )
    later = text.replace("Fri, Mar 27, 2026", "Fri, Apr 3, 2026").replace("#amber", "#red")
    ledger = series([("w13.txt", text), ("w14.txt", later)])
    assert {"Relay", "StatsHub"} <= {p.name for p in views.projects(ledger)}
    assert ("Relay", "status_downgrade") in {(s.project, s.kind) for s in views.slips(ledger)}
