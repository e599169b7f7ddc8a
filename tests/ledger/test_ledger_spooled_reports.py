"""Reports a database or report writer prints as text: a SQL*Plus spool (headers of one or two lines
over a rule of dash runs one space apart, cells wrapped onto the next lines in their column, a key
printed once per group, row counts and echoes of the script, Oracle's Chinese day `30-4月 -25`) and a
Crystal Reports text export (a header between solid rules, rows padded by characters so Chinese
pushes them out of line, each row's `Comments:` set in under it). Written from wave 38 (w38-a, d, e,
h); the reports below are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger.extract import extract_facts
from index.ledger.incident_words import says_none
from index.ledger.signals import field_status
from index.line_rewrites import client_chatter
from index.tables_aligned import read_aligned_tables
from index.text.timeexpr import find_dates

from .conftest import WriteReport

_SPOOL = """\
Fri Mar 08                                                            page    1
                     HARBOUR LINES - DIGITAL SYSTEMS WEEKLY STATUS

2. ACTIVE PROJECTS (view WSR_ACTIVE_V)

PROJ    PROJECT                  OWNER      RAG  PCT TARGET    PM COMMENT
                                                DONE
------- ------------------------ ---------- --- ---- --------- ------------------------------
HL-009  Booking core 19c upgrade PFERRIS    A     85 22-MAR-24 Rehearsal #2 slipped to 15-MAR;
                                                               cutover night still planned.

HL-014  Kiosk check-in for the   SHAUG      G     40 31-MAY-24 Build v0.4 in test.
        east terminal

6 rows selected.

4. MILESTONES - NEXT 28 DAYS AND DONE SINCE LAST REPORT

PROJ    MILESTONE                                DUE       DONE
------- ---------------------------------------- --------- ----
HL-009  Dress rehearsal #2                       15-MAR-24 N
        Go/no-go meeting                         20-MAR-24 N

2 rows selected.

RAG key: G = on track, A = at risk, R = off track, L = live, C = cancelled.
"""


def test_a_spooled_table_with_a_two_line_header_and_wrapped_cells(write_report: WriteReport) -> None:
    lines = list(enumerate(_SPOOL.splitlines(), 1))
    projects, milestones = read_aligned_tables(lines)
    assert projects.header == ["PROJ", "PROJECT", "OWNER", "RAG", "PCT DONE", "TARGET", "PM COMMENT"]
    # a wrapped cell is the row's (its first line cited), a blank line between rows keeps the table
    assert [(row.line, row.cells[1], row.end) for row in projects.rows] == [
        (9, "Booking core 19c upgrade", 10),
        (12, "Kiosk check-in for the", 13),
    ]
    # a key printed once per group: the next row of the group, not the cell above wrapped
    assert [row.cells[:2] for row in milestones.rows] == [
        ["HL-009", "Dress rehearsal #2"],
        ["", "Go/no-go meeting"],
    ]
    found = {
        o.project: (o.status, o.target, o.progress)
        for o in extract_facts(write_report("wsr_20240308.txt", _SPOOL)).observations
    }
    assert found["Booking core 19c upgrade"] == ("at_risk", date(2024, 3, 22), 85)
    assert found["Kiosk check-in for the"] == ("on_track", date(2024, 5, 31), 40)


_CHINESE_SPOOL = """\
运行时间: 2025-03-24 08:45 星期一   统计周期: 2025-03-17 ~ 2025-03-23   第12周

一、项目状态

板块   ID     项目名称               负责人    状态       进度% 目标日期
GRP         PROJECT            OWNER  STATUS   PCT TARGET
---- ------ ------------------ ------ ------ ----- ---------
清分   QF2401 清分引擎V3重构 CE-V3     周岚     Y-关注      66 31-5月 -25
     QF2402 门架交易对账自动化          何一鸣    G-正常      85 16-5月 -25

已选择 2 行。

二、生产事件
no rows selected
"""


def test_a_chinese_spool_padded_by_characters(write_report: WriteReport) -> None:
    """The client pads a Han character as one column: the rows line up with the rule only when
    counted so. The run time is the report's day, not the end of the period it counts."""
    report = write_report("wkrpt.txt", _CHINESE_SPOOL)
    assert report.date == date(2025, 3, 24)
    facts = extract_facts(report)
    found = {o.project: (o.status, o.target, o.progress) for o in facts.observations}
    assert found == {
        "清分引擎V3重构 CE-V3": ("at_risk", date(2025, 5, 31), 66),
        "门架交易对账自动化": ("on_track", date(2025, 5, 16), 85),
    }
    assert facts.incidents == []  # `no rows selected` under the incidents heading: there were none


def test_oracle_days_client_chatter_and_lettered_states() -> None:
    assert [h.value for h in find_dates("目标 30-4月 -25, 31-12月-25", date(2025, 4, 1))] == [
        date(2025, 4, 30),
        date(2025, 12, 31),
    ]
    lines = [
        (1, "7 rows selected."),
        (2, "已选择 7 行。"),
        (3, "old   4:  where d = '&1'"),
        (4, "no rows selected"),
    ]
    assert client_chatter(lines) == [(1, ""), (2, ""), (3, ""), (4, "no rows selected")]
    assert says_none("未选定行") and says_none("本周 **无 P1/P2 线上故障**。")
    assert (field_status("Y-关注"), field_status("G-正常"), field_status("Q-3")) == (
        "at_risk",
        "on_track",
        None,
    )


_CRYSTAL = """\
LUBWE COPPER MINING LIMITED
WEEKLY SECTION REPORT                                  Report No.: FMS/WR/25-14
Week Ending:  11/04/2025

3. PROJECT STATUS  项目状态
----------------------------------------------------------------------------------
ID       Project / 项目                       Owner          Status  % Compl   Target
----------------------------------------------------------------------------------
FMS-01   Dispatch Upgrade 调度系统升级              Chen Hao          A        85%   25/04/2025
         Comments: No longer blocked - firmware field test passed.

FMS-05   Assignment Tuning 动态配车优化             Zhang Wei         C       100%   04/04/2025
         Comments: Went live 07/04/2025 on all shifts.

FMS-07   Proximity Tags 接近预警                  M. Tembo          A        20%   13/06/2025
         Comments: Tags held at customs since 08/04.

7. RISKS & ASKS  风险与需协调事项
   - Customs hold on the tags - ASK: Logistics to obtain the import permit.
"""


def test_a_report_writers_rows_padded_by_characters_with_comments_under_them(
    write_report: WriteReport,
) -> None:
    report = write_report("FMS_Weekly_Report_WE_11.04.2025.txt", _CRYSTAL)
    found = {o.project: (o.status, o.target, o.progress) for o in extract_facts(report).observations}
    assert found["Dispatch Upgrade 调度系统升级"] == ("at_risk", date(2025, 4, 25), 85)
    assert found["Proximity Tags 接近预警"] == ("at_risk", date(2025, 6, 13), 20)
    assert not any(name.startswith("Comments") for name in found)  # a row's comment is the row's
    assert [s.title for s in report.all_sections()][-1] == "RISKS & ASKS  风险与需协调事项"


def test_numbered_capitals_with_a_gloss_and_a_long_ruled_response_title(write_report: WriteReport) -> None:
    """`7. RISKS & ASKS 风险与需协调事项` is a section; `2. RMS 上线准备` an item led by a system's
    name. A form digest's response named with its old name (`--- [2] WagonSense rollout (was: Wagon
    GPS retrofit) ---`) is a section of its own, so its target is not the response above's."""
    from index.heading_lines import numbered_capitals

    assert numbered_capitals("7. RISKS & ASKS  风险与需协调事项")
    assert numbered_capitals("4. MILESTONES - NEXT 28 DAYS AND DONE SINCE LAST REPORT")
    assert not numbered_capitals("2. RMS 上线准备")
    assert not numbered_capitals("1. SPC 换版:请品保课 3/19 前确认")
    text = (
        "WYS weekly digest 11/04/2025\n\n--- [1] ECM defect feed ---------------------------------\n"
        " RAG            : AMBER - at risk\n Target go-live : 04/04/2025\n\n"
        "--- [2] WagonSense rollout (was: Wagon GPS retrofit) ----------------\n"
        " RAG            : GREEN - on track\n Target go-live : 30/06/2025\n"
    )
    found = {
        o.project: o.target for o in extract_facts(write_report("digest-20250411.txt", text)).observations
    }
    assert found["ECM defect feed"] == date(2025, 4, 4)


_FERRY = """\
SQL> @wsr.sql
SQL> select period_label "PMO PERIOD"
  2    from pmo_calendar where cal_date = trunc(sysdate);

Fri Apr 12                                                            page    1
                     HARBOUR LINES - DIGITAL SYSTEMS WEEKLY STATUS

1. HEADLINE, RISKS, ASKS

TYPE     NOTE
-------- ------------------------------------------------------------
HEADLINE Booking core 19c is LIVE: cutover completed 11-APR 04:40.
RISK     Kiosk still waiting for the 2 replacement units.

3. PROJECTS ON HOLD

PROJ    PROJECT                  HELD      TARGET    REASON
------- ------------------------ --------- --------- ------------------------------
HL-017  Lane check-in cameras    07-MAR-24 26-MAR-24 Lanes resurfaced until May.

5. INCIDENTS SINCE LAST REPORT (ITSM feed, P1-P3, DS services)

Fri Apr 12                                                            page    2
no rows selected

6. KPIs

KPI                                  UNIT      TARGET     THIS WK
------------------------------------ ---- ---------- ----------
Web booking availability             %         99.90      99.91
"""


def test_a_spool_echoing_its_script_with_held_projects_and_a_page_break(write_report: WriteReport) -> None:
    """The prompt's statement is no heading and no news; `TYPE  NOTE` over its runs is a table, not a
    heading over projects called `RISK`; a held section's rows are paused, so their target passing
    is no slip; a page's repeated running header is no incident; `THIS WK` is the value column."""
    report = write_report("wsr_20240412.txt", _FERRY)
    facts = extract_facts(report)
    assert {o.project: o.status for o in facts.observations} == {"Lane check-in cameras": "paused"}
    assert facts.incidents == []
    assert [(m.name, m.value) for m in facts.metrics] == [("Web booking availability", 99.91)]
