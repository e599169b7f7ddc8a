"""Reports a tool or a script printed, each in a layout of its own: a database client's expanded
records (`-[ RECORD 1 ]-`, `名称 | 值`), a scanned form's table flattened to single spaces by OCR,
a meeting pad's workstreams keyed `WS1`…`WS7` over their bullets, a text report's `P2 [Y]` keys with
the legend's tags. Written from wave 39; the texts are this test's own."""

from __future__ import annotations

from pathlib import Path

from index.ledger import views
from index.load import load_document

from .conftest import Series

_RECORD = """\
=====================================================
  澄江医保结算 交付组 项目周报  第{n}期
  报告日期：{day}（周五）
=====================================================

【一、重点项目】（pmo.v_proj，按编号排序）
-[ RECORD 1 ]----------------------------------------
编号      | JS-01
项目名称  | 异地结算扩面
负责人    | 沈一
状态      | {status}
进度(%)   | {pct}
计划完成  | {target}
本周进展  | 开通机构 {sites} 家；国家平台联调排期未定          +
          | 联调窗口待通知
风险/求助 | {ask}
-[ RECORD 2 ]----------------------------------------
编号      | JS-02
项目名称  | 电子票据对接
负责人    | 龚二
状态      | 正常
进度(%)   | 40
计划完成  | 2024-06-28
本周进展  | 接口联调中
风险/求助 |

【三、生产事件】（ops.incident_reg，本统计周期）
{incident}

说明：本报告由 gsql 脚本导出。
total time: 180  ms
"""

_INCIDENT = """\
-[ RECORD 1 ]----------------------------------------
事件编号   | SJ-2024-0{no}
类型       | {kind}
发生时间   | {when}
持续(分钟) | {minutes}
级别       | 二级
影响       | 两家定点药店刷卡结算失败约 800 笔
状态       | 已恢复"""


def _record(n: int, day: str, status: str, pct: int, target: str, incident: str = "(No rows)") -> str:
    return _RECORD.format(
        n=n, day=day, status=status, pct=pct, target=target, sites=300 + n, ask="", incident=incident
    )


def test_a_database_clients_expanded_records_read_as_cards(tmp_path: Path, series: Series) -> None:
    drill = _INCIDENT.format(no=12, kind="应急演练（非生产事件）", when="2024-03-14 20:00", minutes=30)
    outage = _INCIDENT.format(no=13, kind="生产故障", when="2024-03-20 09:07", minutes=37)
    ledger = series(
        [
            ("zb_014.txt", _record(14, "2024-03-08", "正常", 40, "2024-04-30")),
            ("zb_015.txt", _record(15, "2024-03-15", "有风险", 50, "2024-04-30", drill)),
            ("zb_016.txt", _record(16, "2024-03-22", "有风险", 55, "2024-05-31", outage)),
        ]
    )
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.project, s.from_, s.to) for s in moved] == [("异地结算扩面", "2024-04-30", "2024-05-31")]
    assert [(s.project, s.to) for s in views.slips(ledger) if s.kind == "status_downgrade"] == [
        ("异地结算扩面", "有风险")
    ]
    # the drill is no incident; the outage is one, on the day its record says, as long as its field says
    incidents = views.incidents(ledger)
    assert [(i.when.isoformat() if i.when else None, i.duration_minutes) for i in incidents] == [
        ("2024-03-20", 37.0)
    ]
    # the client's lines read as a card: `名称: 值`, a NULL left blank, a wrapped value under its field
    lines = {line.number: line.text for line in load_document(tmp_path / "reports" / "zb_016.txt").lines}
    assert lines[9] == "项目名称: 异地结算扩面"
    assert lines[15] == "    联调窗口待通知" and lines[14].endswith("排期未定")
    assert lines[16] == "" and lines[7] == ""


_FORM = """\
叶片厂 质量系统组周报
期号 Issue No.: 第 {n} 期 报告日期 Report Date: {day}

二、项目状态 Project Status
状态说明 Legend: G=正常 On track Y=有风险 At risk R=延期/受阻 Delayed Hold=暂停 On hold Done=完成
序号 项目 Project 负责人 目标日期 进度 状态 说明 Remarks
No. Owner Target Progress Status
1 BladeTrace 2.0 全生命周期追溯 周立 {target} {pct} {rag} 树脂批次接口联调中，
已申请冻结期例外
2 RFID 工装标签 刘洋 2025.03.31 — Hold 暂停中，无变化

三、关键指标 KPIs
"""


def test_a_table_flattened_to_single_spaces_by_ocr(series: Series) -> None:
    ledger = series(
        [
            (
                "scan 2025-03-17.txt",
                _FORM.format(n=10, day="2025.03.14", target="2025.04.30", pct="60%", rag="G"),
            ),
            (
                "scan 2025-03-24.txt",
                _FORM.format(n=11, day="2025.03.21", target="2025.05.30", pct="62%", rag="Y"),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("BladeTrace 2.0 全生命周期追溯", "date_moved", "2025-05-30") in slips
    assert ("BladeTrace 2.0 全生命周期追溯", "status_downgrade", "Y") in slips
    # the paused form's printed target passes: not overdue
    assert not any(project.startswith("RFID") for project, _, _ in slips)


_PAD = """\
ARC migration – weekly check-in
{day}, Seminar Rm 2
Notes: KH

WORKSTREAMS
WS1 Metadata crosswalk [{ws1}]
* Crosswalk v1.0 under review
WS2 Content migration [G] – target {ws2}
* Wave 1 trial load: 9,870 theses into staging
* Wave 1 production load planned Fri 07/02
WS3 DOI cutover [A] – target 18/02
* DataCite call on 23/01 went fine

RISKS
* Egress cost (amount unknown)
"""


def test_workstreams_keyed_over_their_bullets(series: Series) -> None:
    ledger = series(
        [
            ("repomig-2025-01-21.txt", _PAD.format(day="Tue 21/01/2025 10:00", ws1="G", ws2="14/03")),
            ("repomig-2025-01-28.txt", _PAD.format(day="Tue 28/01/2025 10:00", ws1="DONE", ws2="28/03")),
        ]
    )
    moved = [(s.project, s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("WS2 Content migration", "2025-03-14", "2025-03-28")]
    assert [launch.project for launch in views.launches(ledger)] == ["WS1 Metadata crosswalk"]


_SVN = """\
$Id: WR2025-{n:02d}.txt 1871 {committed} 02:05:33Z li $
$Date: {committed} 10:05:33 +0800 $

==================================================================
  北辰站网 · 软件部  周报          2025年 第{n:02d}期
==================================================================
  周期  : {period}
  图例  : [G]正常  [Y]有风险  [R]延期/受阻  [P]暂停  [D]完成/上线

二、重点项目
------------------------------------------------------------------
P1 [{p1}] 站控 SCADA 迁移        负责: 周蔚    进度: 6/14 站    目标: 06/30
   - 已切换 6 站运行平稳

P2 [G] 车队月结  负责: 何嘉    进度: 60%    目标: 05/30
   - 沙箱开票跑通

P3 {p3}
   - 分级规则 v2 评审通过
"""


def test_keyed_projects_with_the_legends_tags(series: Series) -> None:
    ongoing = "[G] 告警降噪                    负责: 周蔚    进度: 65%    目标: 06/15"
    closed = "[D] 告警降噪                    负责: 周蔚    已完成"
    ledger = series(
        [
            (
                "WR2025-10.txt",
                _SVN.format(n=10, committed="2025-03-18", period="03/10(一) ~ 03/14(五)", p1="G", p3=ongoing),
            ),
            (
                "WR2025-11.txt",
                _SVN.format(n=11, committed="2025-03-21", period="03/17(一) ~ 03/21(五)", p1="R", p3=closed),
            ),
        ]
    )
    downgrades = [(s.project, s.from_, s.to) for s in views.slips(ledger) if s.kind == "status_downgrade"]
    assert downgrades == [("P1 站控 SCADA 迁移", "P1 [G]", "P1 [R]")]
    # `告警降噪` names a project here (its key, its tag, its fields), not an incident; `[D]` is done
    assert not views.incidents(ledger)
    assert [launch.project for launch in views.launches(ledger)] == ["P3 告警降噪"]
    # the owner's field two spaces after the name is no part of it
    assert "P2 车队月结" in {observation.project for _, observation in views.observations(ledger)}
