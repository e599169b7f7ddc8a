"""Record lines in a plain-text report: `[P1] Name | Owner: … | RAG: A | 进度 55% | Target: 4/30`,
each with indented notes under it. Every record is a project with its own fields; the notes are
its sub-steps, not projects; the section holding the records is none of them."""

from __future__ import annotations

from index.ledger.extract import extract_facts
from index.ledger.signals import find_statuses, labelled_status

from .conftest import WriteReport

REPORT = """锦川货运 周报 Weekly Ops
报告期 Period: 2025.06.02 - 2025.06.06

【二、项目进度 Project Tracker】
[P1] 华南冷链仓 CC-3 | Owner: Mia Lin | RAG: G | 进度 40% | Target: 7/15 go-live
  - 货架到货一半
  - 温控系统 调试中

[P2] 越南专线 Vietnam Line | Owner: Hao Tran | RAG: R | 进度 70% | Target: 6/20 首航
  - 报关代理 还在换，最快下周
  - 舱位 hold 到 6/12

【三、下周计划 Next Week】
- 越南专线 go/no-go
"""


def test_record_lines_are_projects_with_their_fields(write_report: WriteReport) -> None:
    facts = extract_facts(write_report("周报_0606.txt", REPORT))
    found = {o.project: (o.status, o.progress, o.target) for o in facts.observations}
    assert found["华南冷链仓 CC-3"][:2] == ("on_track", 40)
    assert str(found["华南冷链仓 CC-3"][2]) == "2025-07-15"
    assert found["越南专线 Vietnam Line"][:2] == ("off_track", 70)
    assert not any("Tracker" in name or "舱位" in name or "货架" in name for name in found)


def test_a_lone_capital_is_a_status_only_under_a_light_label() -> None:
    assert labelled_status("RAG", "A") == "at_risk"
    assert labelled_status("Ampel", "G") == "on_track"
    assert labelled_status("Priority", "A") is None
    assert labelled_status("Status", "Y") is None


NUMBERED = """本地生活运营组 周报（第12期）
日期：2025年3月14日（周五）

【二、重点项目进展】
1. 会员分层体系（负责人：乔安）🟢正常
   - 目标：4/30 完成体系上线
   - 进度：40%

2. 直播试点（负责人：林可）🟢正常
   - 目标：报名商家2,000家
   - 子任务：法务3/25前给合同模板
"""


def test_a_numbered_item_with_an_owner_gloss_and_a_dated_goal(write_report: WriteReport) -> None:
    # the colon inside `（负责人：乔安）` is no label's; `目标：4/30 …` under the item is its target,
    # `目标：报名商家2,000家` a number to reach and the sub-task's 3/25 not the project's target
    facts = extract_facts(write_report("周报_0314.txt", NUMBERED))
    found = {o.project: o for o in facts.observations}
    assert set(found) == {"会员分层体系", "直播试点"}
    assert str(found["会员分层体系"].target) == "2025-04-30"
    assert found["会员分层体系"].progress == 40
    assert found["直播试点"].target is None


def test_a_count_of_findings_is_no_status() -> None:
    assert find_statuses("现场测评完成，初步结果：高风险0项，中风险7项") == []
    assert [s.value for s in find_statuses("整体高风险，需要支持")] == ["at_risk"]


def test_a_heading_over_a_field_line_opened_by_its_owner_is_one_project(write_report: WriteReport) -> None:
    # `负责人 邵明哲 ｜ 当前进度 50% ｜ …` is the heading's own field line, not a record named 负责人
    body = (
        "# 基础架构组 OKR 周报 第9期 2024-06-21\n\n## O1 核心服务可用性\n\n### KR1.1 同城双活改造\n"
        "负责人 邵明哲 ｜ 当前进度 50% ｜ 预计完成 7/31 ｜ 状态 🟡 有风险\n\n数据同步组件还在评估。\n"
    )
    (obs,) = extract_facts(write_report("第9期.md", body)).observations
    assert (obs.project, obs.progress, obs.status) == ("KR1.1 同城双活改造", 50, "at_risk")
    assert str(obs.target) == "2024-07-31"


BOLD_WITH_STATUS = """# 星河传媒 · 运营周报 Vol.03

> 📅 2025.03.21（周五）

## 🎬 重点项目

**① 家居自播间** 🟡
- 目标还是 3/28 首播，灯光到货晚了
- 主播定了 1 个（小夏）

**② 素人矩阵起号** 🟢
- 进度 5/10，本周新过线 2 个号
"""


def test_the_list_under_a_bold_name_with_its_status_is_that_projects(write_report: WriteReport) -> None:
    facts = extract_facts(write_report("运营周报-Vol03.md", BOLD_WITH_STATUS))
    found = {o.project: o for o in facts.observations}
    assert set(found) == {"家居自播间", "素人矩阵起号"}
    assert found["素人矩阵起号"].progress == 50
    assert (found["家居自播间"].status, found["素人矩阵起号"].status) == ("at_risk", "on_track")


TEMPLATE_FIELDS = """Deployment tracker — week of 2 June 2025

【Project Tracker】
[P1] Dock scheduler | Owner: Mia Lin | Health: G | Pct complete: 40% | Est. go-live: 7/15
  - racks half delivered

[P2] 越南专线 | 负责人：Hao | 灯色：红 | 完成率：70% | 计划结束时间：6/20
  - 报关代理 还在换

[P3] Yard cameras | Owner: Ben | Overall status: Amber | Done %: 25% | Revised ETA: 8/1
  - poles on site
"""


def test_template_field_names_are_read_by_their_words_not_a_list(write_report: WriteReport) -> None:
    # `Est. go-live`, `计划结束时间`, `Revised ETA` are targets, `Pct complete`, `完成率`, `Done %`
    # progress and `灯色`, `Overall status` health, however a template words them.
    facts = extract_facts(write_report("tracker_0606.txt", TEMPLATE_FIELDS))
    found = {o.project: (o.status, o.progress, str(o.target)) for o in facts.observations}
    assert found["Dock scheduler"] == ("on_track", 40, "2025-07-15")
    assert found["越南专线"] == ("off_track", 70, "2025-06-20")
    assert found["Yard cameras"] == ("at_risk", 25, "2025-08-01")


def test_a_completion_date_without_a_when_word_is_no_target(write_report: WriteReport) -> None:
    # `完成日期` beside `已验收` is the day each school was done, not a deadline to pass
    text = (
        "# 交付周报 2025-09-19\n\n## 学校部署明细\n\n| 学校 | 阶段 | 完成日期 |\n|------|------|----------|\n"
        "| 滨江一中 | 已验收 | 9/10 |\n| 春晖小学 | 已验收 | 9/11 |\n"
    )
    facts = extract_facts(write_report("第03周.md", text))
    assert not [o for o in facts.observations if o.target is not None]


def test_a_lead_that_says_how_the_light_changed_ends_the_name_before_the_verb(
    write_report: WriteReport,
) -> None:
    text = (
        "# Status 2025-10-10\n\n## Projects\n\n"
        "- GLM v4 drops to Amber: CAB approved the go-live for Mon 20/10, but the drift plan is open.\n"
        "- Red team exercise: on track for 31/10.\n"
    )
    names = {o.project for o in extract_facts(write_report("status.md", text)).observations}
    assert names == {"GLM v4", "Red team exercise"}


NOTE_RECORDS = """MUSEUM DCS :: Weekly note -- w/e 27.02.25
==========================================

NUMBERS
  - Images ingested: 2,904
  - Records with >=1 image: 38.5%

[1] KEYSTONE
    lead     : Tom Okafor
    RAG      : A
    target   : cutover Mon 31 Mar
    progress : 1,112 / 2,400 drawers

[2] R&R REQUEST FORM
    LIVE -- went live Wed 26 Feb, two days early.

[3] ORAL HISTORY REEL TRANSFER
    lead     : Ines Carvalho
    RAG      : G
    target   : 11 Apr

INCIDENTS
  Nothing logged.
"""


def test_numbered_records_run_on_from_a_numbers_block_are_projects(write_report: WriteReport) -> None:
    # Written from w14-f (after its end run): `[n] NAME` over indented `label : value` lines, with no
    # heading between them and the NUMBERS block above; each record is a project, the figures metrics.
    facts = extract_facts(write_report("dcs-weekly-2025-02-27.txt", NOTE_RECORDS))
    found = {o.project: (o.status, o.progress, str(o.target)) for o in facts.observations}
    assert found["KEYSTONE"] == ("at_risk", 46, "2025-03-31")
    assert found["R&R REQUEST FORM"][0] == "launched"
    assert found["ORAL HISTORY REEL TRANSFER"] == ("on_track", None, "2025-04-11")
    assert not any("image" in name.lower() for name in found)
