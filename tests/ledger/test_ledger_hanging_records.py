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


def _wbs(day: str, cutover: str, state: str) -> str:
    return f"""江北市中心医院 检验科
智慧实验室项目群周报

报送日期：{day}
======================================================================

一、总体情况
    子项目2个：正常1 / 预警1 / 暂停0
    本周要点：流水线联调按计划推进。

二、子项目进度跟踪（WBS）

  1  LIS检验系统升级（LIS 3.1→新LIS：门诊/住院/急诊）
     状态：{state}    完成：55%
     基线完成：2024-04-20    当前预测：{cutover}    偏差：+0
     本周：住院检验子系统第二轮测试。

  2  样本流水线二期（生化免疫线）
     状态：正常    完成：80%
     基线完成：2024-05-10    当前预测：2024-05-10    偏差：0
     本周：轨道安装完成。

三、信息系统故障及安全事件
    本周无。
"""


def test_indented_wbs_records_with_baseline_and_forecast(series: Series) -> None:
    """Records that stand indented under their section's title, numbered in a column (`  1  名称`),
    their fields deeper (`状态：预警    完成：55%`, `基线完成：… 当前预测：…`): the forecast is the
    target, the baseline none, and a tally of states (`正常1 / 预警1`) is no project's state.
    Written from w20-a (a hospital pharmacy's WBS weekly, wave 20); these reports are this test's own."""
    ledger = series(
        [
            ("周报_第11期.txt", _wbs("2024年3月22日（周五）", "2024-04-20", "正常")),
            ("周报_第12期.txt", _wbs("2024年3月29日（周五）", "2024-05-18", "预警")),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    lis = next(name for name in found if name.startswith("LIS检验系统升级"))
    assert found[lis].target == date(2024, 5, 18) and found[lis].progress == "55%"
    assert not any(name.startswith("1 ") for name in found)
    assert all(p.status != "paused" for name, p in found.items() if name.startswith("子项目"))
    slips = {(s.project, s.kind, str(s.to)) for s in views.slips(ledger)}
    assert (lis, "date_moved", "2024-05-18") in slips
    assert not any(s[0].startswith("样本流水线") for s in slips)
