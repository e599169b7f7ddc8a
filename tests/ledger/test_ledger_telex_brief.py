"""A telex-style brief (aviation, shipping and military operations write them): capitals, days as
`14MAR25`, fields as `STS: GREEN   TGT: 14MAR25   PROG: 40PCT`, times as `0512Z`, numbered items
`3.4 NAME` over their field lines."""

from __future__ import annotations

from datetime import date

from index.ledger.extract import extract_facts
from index.text.timeexpr import find_dates

from .conftest import WriteReport

BRIEF = """OPS WEEKLY BRIEF NO. 09/25 // WE 07MAR25

2. INCIDENTS
 2.1 P2 - 04MAR25 0740Z-0815Z (35 MIN) - GATE DISPLAYS BLANK ALL PIERS
     IMPACT: 6 deps boarded by PA only.

3. PROJECTS

 3.1 HANGAR WIFI REFRESH NORTH APRON
     STS: GREEN   TGT: 28MAR25   PROG: 40PCT
     RMK: 3 of 8 APs swapped.

 3.2 CARGO MANIFEST MIGRATION OLDMAN -> NEWMAN
     STS: AMBER   TGT: CUTOVER 15APR25   PROG: 3/5 SITES
     RMK: Site 4 slipped a week.
"""


def test_run_together_days() -> None:
    found = [
        (h.text, h.value) for h in find_dates("TGT: 28MAR25, evac 19FEB 1410L", date(2025, 3, 7), "future")
    ]
    assert found == [("28MAR25", date(2025, 3, 28)), ("19FEB", date(2025, 2, 19))]
    assert find_dates("PROG: 40PCT", date(2025, 3, 7), "future") == []


def test_a_telex_brief_reads_its_projects_and_incident(write_report: WriteReport) -> None:
    facts = extract_facts(write_report("brief-09-25.txt", BRIEF))
    found = {o.project: (o.status, o.progress, o.target) for o in facts.observations}
    assert found["HANGAR WIFI REFRESH NORTH APRON"] == ("on_track", 40, date(2025, 3, 28))
    assert found["CARGO MANIFEST MIGRATION OLDMAN -> NEWMAN"] == ("at_risk", 60, date(2025, 4, 15))
    (incident,) = facts.incidents
    assert (incident.title, incident.when) == ("GATE DISPLAYS BLANK ALL PIERS", date(2025, 3, 4))


def test_a_numbered_item_with_its_status_after_a_dash_keeps_it(write_report: WriteReport) -> None:
    # the longer Latin names a numbered item may have do not swallow `– GREEN`, the item's status
    body = (
        "Subject: North ops weekly sitrep 2025-01-24\n\n5. SCHEMES & WORKSTREAMS\n"
        "5.3 Holme Lane pressure valve scheme – GREEN\n    On for 14/02.\n"
        "5.5 Fellgate Rd mains renewal – AMBER\n    230m laid. Target 28/02.\n"
    )
    found = {o.project: o.status for o in extract_facts(write_report("sitrep.txt", body)).observations}
    assert found.get("Fellgate Rd mains renewal") == "at_risk"


def test_a_briefs_standing_parts_nil_incidents_and_kpi_leaders(write_report: WriteReport) -> None:
    body = (
        "OPS WEEKLY BRIEF NO. 10/25 // WE 14MAR25\n\n1. OPS SUMMARY\n - Cutover rehearsal 12MAR stood down.\n\n"
        "2. INCIDENTS (P1/P2)\n No new P1/P2 this period.\n\n3. INCIDENTS (P3)\n NIL.\n\n"
        "4. PROJECTS\n\n 4.1 HANGAR WIFI REFRESH\n     STS: GREEN   TGT: 28MAR25   PROG: 40PCT\n\n"
        "5. KPI (WK)\n GATE AVAIL ........ 98.0PCT\n MBR (PER 1000 PAX) .. 3.9\n\n"
        "6. LOOKAHEAD (2 WKS)\n - 17MAR: phased rollout starts\n"
    )
    facts = extract_facts(write_report("brief-10-25.txt", body))
    assert {o.project for o in facts.observations} == {"HANGAR WIFI REFRESH"}
    assert facts.incidents == []
    points = {(p.name, p.value, p.unit) for p in facts.metrics}
    assert {("GATE AVAIL", 98.0, "%"), ("MBR", 3.9, "")} <= points


def test_a_printed_forms_fields_over_dot_leaders(write_report: WriteReport) -> None:
    # a memo's project block: a number, the name, a capital-plan id far to the right, dotted fields
    body = (
        "TRANSIT DISTRICT MEMORANDUM\nDATE:     March 6, 2025\n\n3. PROJECT DETAIL\n\n"
        "3.1  FARE COLLECTION (ABFC)                    CIP T-4471\n"
        "     Status ........... YELLOW\n     % Complete ....... 53\n"
        "     Baseline ......... 06/30/2025   Forecast ......... 07/28/2025\n"
        "     - Validators installed on 268 of 410 buses.\n"
    )
    (found,) = [o for o in extract_facts(write_report("memo.txt", body)).observations]
    assert (found.project, found.status, found.progress, found.target) == (
        "FARE COLLECTION (ABFC)",
        "at_risk",
        53,
        date(2025, 7, 28),  # the forecast, not the baseline
    )
    # (the dot leader reads as a colon in the lines the ledger, the verifier and a reader see)
    assert found.target_evidence is not None and found.target_evidence.quote == "Forecast: 07/28/2025"


def test_a_bracketed_traffic_light_after_a_numbered_name(write_report: WriteReport) -> None:
    body = (
        "电池系统部 | BMS软件与验证组 周报\nCW12   2025-03-21   编写：郑嘉禾\n收件：杨振东；质量部\n"
        "------------------------------------------------------------\n\n"
        "【一、项目状态总览】   灯号：[G]正常  [Y]有风险  [R]延期/受阻\n\n"
        "1. 岚途X7 BMS应用软件C样释放   [Y]\n   目标：C样软件释放 4/18（风险）\n"
        "   本周：CAN矩阵变更，4/11冻结大概率守不住\n\n2. SOC算法2.0   [G]\n   进度70%，目标6/30\n"
    )
    found = {o.project: (o.status, o.target) for o in extract_facts(write_report("w.txt", body)).observations}
    assert found == {
        "岚途X7 BMS应用软件C样释放": ("at_risk", date(2025, 4, 18)),  # the goal's day, not the freeze's
        "SOC算法2.0": ("on_track", date(2025, 6, 30)),
    }


def test_a_bank_weekly_of_spaced_header_fields_and_bracketed_ordinals(write_report: WriteReport) -> None:
    body = (
        "临湖银行 数据管理部\n监管报送组 · 工作周报\n====================\n填 报 人：冯嘉禾\n"
        "填报日期：2024-03-22\n抄    送：科技部 周冕\n====================\n\n【二】重点项目进展\n\n"
        "（3）金融基础数据增量报送切换\n     牵头：覃晓露    状态：受阻    进度：55%    计划切换：2024-04-20\n"
        "     本周：测试环境账号仍未开通。\n"
    )
    report = write_report("周报_20240322.txt", body)
    assert [s.title for s in report.sections[-1].children] == ["重点项目进展"]
    (found,) = extract_facts(report).observations
    assert (found.project, found.status, found.progress, found.target) == (
        "金融基础数据增量报送切换",
        "blocked",
        55,
        date(2024, 4, 20),  # `计划切换`: a planned cutover is the target
    )


def test_a_note_apps_wiki_links_tags_and_inline_fields(write_report: WriteReport) -> None:
    body = (
        "---\ndate: 2025-04-04\n---\n# Rollout weekly\n\n## Sites\n\n### [[Halvard Leeds Phase 2]] #site/lds\n"
        "phase:: install\nhealth:: 🟡 at risk\ngo-live:: 2025-04-14\n\n- 18/20 circuits live.\n"
    )
    (found,) = extract_facts(write_report("2025-04-04 Rollout weekly.md", body)).observations
    assert (found.project, found.status, found.target) == (
        "Halvard Leeds Phase 2",
        "at_risk",
        date(2025, 4, 14),
    )


def test_a_launch_told_under_a_stale_health_field(write_report: WriteReport) -> None:
    head = "---\ndate: 2025-04-04\n---\n# Rollout weekly\n\n## Sites\n\n### [[Brackwell Daventry]]\nhealth:: 🟢 on track\n\n"
    launched = extract_facts(write_report("a.md", head + "- Went live Mon 31/03 on the 06:00 shift.\n"))
    assert [(o.status, o.completed_on) for o in launched.observations] == [("launched", date(2025, 3, 31))]
    # a part that went live is no launch of the site
    part = extract_facts(write_report("b.md", head + "- Beta went live Mon 31/03 on the 06:00 shift.\n"))
    assert [o.status for o in part.observations] == ["on_track"]
