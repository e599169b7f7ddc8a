"""A plain-text bulletin whose records hang under a margin line (`CODE | What it is`) over indented
`Owner:` and `Health:` lines and a stage ladder (`IQ[x] OQ[~] > GO-LIVE tgt 04-Nov-2024 (was …)`).
Written from w19-f (a lab-informatics bulletin, wave 19); the bulletins below are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.extract import extract_facts

from .conftest import Series, WriteReport


def _bulletin(issued: str, scada: str, health: str, extra: str = "") -> str:
    return f"""ACME WATER | OT SYSTEMS -- WEEKLY BULLETIN
Issued: {issued}      Prepared by: OT PMO

LEGEND  Health: G on track | A at risk | R off track | P paused

================================================================================
1. LADDERS
================================================================================

SCADA-UP | Plant SCADA upgrade -- both treatment works
  Owner: K. Adeyemi | CR-311
  FAT[x] SAT[~] > GO-LIVE tgt {scada}
  Health: {health}
  - Re-planned because the vendor image missed 02-Sep; SAT restarts next week.

HIST | Process historian consolidation
  Owner: M. Berg | CR-298
  DESIGN[x] BUILD[~] > COMPLETE tgt 28-Feb-2025
  Health: G. Tag mapping for works 2 done.
{extra}
================================================================================
2. PRODUCTION INCIDENTS & DEVIATIONS (since last bulletin)
================================================================================
  No new production incidents.
"""


def test_hanging_records_are_projects_with_their_ladder_and_light(series: Series) -> None:
    ledger = series(
        [
            ("bulletin-no12.txt", _bulletin("06-Sep-2024 (Fri)", "30-Sep-2024", "G. SAT scripts approved.")),
            (
                "bulletin-no13.txt",
                _bulletin(
                    "13-Sep-2024 (Fri)",
                    "21-Oct-2024 (was 30-Sep-2024)",
                    "A (was G). SAT blocked until the patched image arrives.",
                    "\nLABEL | Sample label printing\n  Health: CANCELLED 10-Sep-2024 by the board.\n",
                ),
            ),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    assert {"SCADA-UP", "HIST", "LABEL"} <= set(found)
    assert found["SCADA-UP"].target == date(2024, 10, 21)
    assert found["LABEL"].status == "cancelled"  # the last record, one field line of its own
    slips = {(s.project, s.kind, str(s.from_), str(s.to)) for s in views.slips(ledger)}
    assert ("SCADA-UP", "date_moved", "2024-09-30", "2024-10-21") in slips
    # `Health: A (was G).`: the light is its opening letter, not the "blocked" of its reason
    assert any(s[:2] == ("SCADA-UP", "status_downgrade") for s in slips)
    assert not any(s[0] == "HIST" for s in slips)
    assert views.incidents(ledger) == []


def test_a_day_told_as_the_reason_is_no_target(write_report: WriteReport) -> None:
    report = write_report(
        "bulletin-no12.txt", _bulletin("06-Sep-2024 (Fri)", "30-Sep-2024", "G. SAT scripts approved.")
    )
    observed = {o.project: o for o in extract_facts(report).observations}
    # `the vendor image missed 02-Sep` is why it was re-planned, not the record's day
    assert observed["SCADA-UP"].target == date(2024, 9, 30)
    assert observed["SCADA-UP"].status == "on_track"


def _wbs(issued: str, forecast: str, state: str) -> str:
    return f"""滨海市中心医院 检验科
实验室信息化项目群周报

报送日期：{issued}
======================================================================

一、子项目进度跟踪（WBS）

  1  LIS 升级（LIS 3→4：标本/质控/报告）
     状态：{state}    完成：40%
     基线完成：2025-05-16    当前预测：{forecast}    偏差：—
     本周：质控模块联调通过。

  2  标本物流机器人试点（门诊二楼）
     状态：正常    完成：20%
     基线完成：2025-06-30    当前预测：2025-06-30    偏差：0
     本周：轨道方案评审通过。

二、下周计划
    1. 报告模块联调。
"""


def test_work_breakdown_records_set_in_read_their_forecast_not_their_baseline(series: Series) -> None:
    """`  1  名称` over `     状态：预警    完成：40%` and `     基线完成：…    当前预测：…`: a work
    breakdown's record set in a little, its fields lined up with spaces (written from w20-a)."""
    ledger = series(
        [
            ("LIS周报_第3期.txt", _wbs("2025年4月11日（周五）", "2025-05-16", "正常")),
            ("LIS周报_第4期.txt", _wbs("2025年4月18日（周五）", "2025-06-13", "预警")),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    lis = next(p for name, p in found.items() if name.startswith("LIS 升级"))
    assert lis.target == date(2025, 6, 13)  # the forecast, not the baseline beside it
    assert lis.progress == "40%"
    assert not any(name[:1].isdigit() for name in found)  # `1  ` is its place in the breakdown
    slips = {(s.project.split("(")[0].split("（")[0], s.kind) for s in views.slips(ledger)}
    assert ("LIS 升级", "date_moved") in slips
    assert ("LIS 升级", "status_downgrade") in slips
    assert not any(project.startswith("标本物流") for project, _ in slips)
